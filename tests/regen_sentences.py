"""Regenerate fixtures/golden/sentences.json: the warm and formal sentence and clause for every
congratulable headline of fixtures/labelled/headlines.jsonl. Run only on purpose, read the diff
(every sentence was read by a person once), then commit:

    cd /work/main && python -m tests.regen_sentences
"""

from __future__ import annotations

import json
from pathlib import Path

import research

ROOT = Path(__file__).resolve().parent.parent
LABELLED = ROOT / "fixtures" / "labelled" / "headlines.jsonl"
GOLDEN = ROOT / "fixtures" / "golden" / "sentences.json"


def sentences() -> list[dict[str, str]]:
    rows = [json.loads(line) for line in LABELLED.read_text(encoding="utf-8").splitlines()]
    pinned = []
    for row in rows:
        found = research.classify(row["title"], row["company"])
        if not found.congratulable or found.kind is None:
            continue
        warm = research.congratulate(row["title"], "warm", 0, company=row["company"])
        formal = research.congratulate(row["title"], "formal", 0, company=row["company"])
        pinned.append(
            {
                "title": row["title"],
                "company": row["company"],
                "kind": found.kind.value,
                "warm": warm.text,
                "formal": formal.text,
                "clause": formal.clause,
            }
        )
    return pinned


def main() -> None:
    GOLDEN.write_text(
        json.dumps(sentences(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"wrote {GOLDEN.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

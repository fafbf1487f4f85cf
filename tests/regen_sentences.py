"""Regenerate fixtures/golden/sentences.json: every warm and formal phrasing, and the clause, for
every congratulable headline of fixtures/labelled/headlines.jsonl. Run only on purpose, read the
diff (every sentence was read by a person once), then commit:

    cd /work/main && python -m tests.regen_sentences
"""

from __future__ import annotations

import json
from pathlib import Path

import research
from research.write.snippets import TONES, VARIANTS

ROOT = Path(__file__).resolve().parent.parent
LABELLED = ROOT / "fixtures" / "labelled" / "headlines.jsonl"
GOLDEN = ROOT / "fixtures" / "golden" / "sentences.json"


def sentences() -> list[dict[str, object]]:
    rows = [json.loads(line) for line in LABELLED.read_text(encoding="utf-8").splitlines()]
    pinned = []
    for row in rows:
        found = research.classify(row["title"], row["company"])
        if not found.congratulable or found.kind is None:
            continue
        tones = {
            tone: [
                research.congratulate(row["title"], tone, variant, company=row["company"])
                for variant in range(VARIANTS)
            ]
            for tone in TONES
        }
        pinned.append(
            {
                "title": row["title"],
                "company": row["company"],
                "kind": found.kind.value,
                "clause": tones["formal"][0].clause,
                **{tone: [s.text for s in snippets] for tone, snippets in tones.items()},
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

"""Benchmark: the sentences a user takes away, reviewed by hand.

    python3 benchmarks/sentences.py sheet OUT.jsonl     # the items to review, for a reviewer
    python3 benchmarks/sentences.py count VERDICTS.jsonl [--sheet SHEET.jsonl]

``sheet`` runs the real CLI over ../shared/judged and our evaluation part (the replays of
``benchmarks/companies.py``; ``--only train``: the training part's companies instead, a
development set for finding phrasing mistakes without reading the evaluation part) and writes, for every correct pick (an event the scorer matches to a
congratulable headline), the items a reviewer judges: the first formal and first warm sentences,
the note's clause, and one more variant in turn (so every tone and variant is read across the
picks). Each row holds the headline, so the sheet stays outside the project.

``count`` prints, per set and per kind of item, how many verdicts say correct, clean, specific
and pasteable (the questions of sentence_review/RUBRIC.md). The verdict files kept in
``benchmarks/sentence_review/`` hold references and verdicts only (no headline text), one file per
commit judged; with ``--sheet``, ``count`` also says which verdicts no longer match the text the
code gives now.
Data: SEntFiN 1.0 (Sinha et al., 2022), SemEval-2017 Task 5 (Cortis et al., 2017), FiQA 2018
(Maia et al., 2018), read from ../shared at run time.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import os
import shutil
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.companies import SCORER, build_replays, slugify  # noqa: E402
from benchmarks.corpus import JUDGED  # noqa: E402

QUESTIONS = ("correct", "clean", "specific", "pasteable")
ROTATION = ("formal1", "warm1", "formal2", "warm2")


def scorer() -> ModuleType:
    """The judged set's scorer, for its title matching: a pick counts as the scorer counts it."""
    spec = importlib.util.spec_from_file_location("eval_companies", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def headline_ref(headline: dict[str, object]) -> str:
    origin = headline.get("origin")
    assert isinstance(origin, dict)
    if "ref" in origin:
        return str(origin["ref"])
    return f"{origin['dataset']}:{origin['id']}"


def picks(research: str, folder: Path, label: str) -> list[dict[str, object]]:
    """Every event of the CLI that the scorer matches to a congratulable headline."""
    score = scorer()
    companies = json.loads((folder / "companies.json").read_text(encoding="utf-8"))
    found = []
    with tempfile.TemporaryDirectory() as home:
        for company in companies:
            for head in company["headlines"]:
                head["_norm"] = score.norm(head["title"])
            doc, _problem = score.run(research, str(folder), company, 10, True, home)
            for event in (doc or {}).get("events", []):
                matched = score.match(event["title"], company["headlines"])
                if matched and company["headlines"][matched[0]]["congratulable"]:
                    head = company["headlines"][matched[0]]
                    found.append(
                        {"set": label, "company": company["company"], "slug":
                         slugify(company["company"]), "ref": headline_ref(head), "event": event}
                    )  # fmt: skip
    return found


def items(pick: dict[str, object], number: int) -> list[dict[str, object]]:
    """The review rows of one pick: formal0, warm0, the clause, and a variant in turn."""
    event = pick["event"]
    assert isinstance(event, dict)
    texts = {f"{s['tone']}{s['variant']}": s["text"] for s in event["snippets"]}
    clauses = {s["tone"]: s["clause"] for s in event["snippets"] if s["variant"] == 0}
    chosen = {"formal0": texts["formal0"], "warm0": texts["warm0"]}
    chosen["clause"] = clauses["formal"]
    if clauses["warm"] != clauses["formal"]:
        chosen["clause_warm"] = clauses["warm"]
    extra = ROTATION[number % len(ROTATION)]
    chosen[extra] = texts[extra]
    rows = []
    for item, text in chosen.items():
        rows.append(
            {
                "id": f"{pick['set']}|{pick['slug']}|{pick['ref']}|{item}",
                "set": pick["set"], "company": pick["company"], "title": event["title"],
                "summary": event.get("summary", ""), "kind": event["kind"], "item": item,
                "text": text, "text_sha": text_sha(str(text)),
            }
        )  # fmt: skip
    return rows


def text_sha(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:12]


def make_sheet(research: str, out: Path, only: str | None) -> int:
    rows: list[dict[str, object]] = []
    sets: list[tuple[str, Path]] = []
    with tempfile.TemporaryDirectory() as tmp:
        if only in (None, "judged"):
            sets.append(("judged", JUDGED))
        if only in (None, "ours"):
            build_replays(Path(tmp) / "ours", research)
            sets.append(("ours", Path(tmp) / "ours"))
        if only == "train":
            build_replays(Path(tmp) / "train", research, split="train")
            sets.append(("train", Path(tmp) / "train"))
        for label, folder in sets:
            for number, pick in enumerate(picks(research, folder, label)):
                rows.extend(items(pick, number))
    with out.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return len(rows)


def count(verdicts: Path, sheet: Path | None) -> str:
    rows = [json.loads(line) for line in verdicts.read_text(encoding="utf-8").splitlines() if line]
    table: dict[tuple[str, str], list[dict[str, object]]] = defaultdict(list)
    for row in rows:
        kind = "clause" if row["item"].startswith("clause") else "sentence"
        table[(row["set"], kind)].append(row)
        table[(row["set"], "all")].append(row)
    lines = [f"{'set':<8} {'items':<9} {'n':>4} " + " ".join(f"{q:>10}" for q in QUESTIONS)]
    for (label, kind), group in sorted(table.items()):
        cells = " ".join(f"{sum(bool(r[q]) for r in group) / len(group):>10.0%}" for q in QUESTIONS)
        lines.append(f"{label:<8} {kind:<9} {len(group):>4} {cells}")
    if sheet is not None:
        now = {
            json.loads(line)["id"]: json.loads(line)["text_sha"]
            for line in sheet.read_text(encoding="utf-8").splitlines()
            if line
        }
        stale = sum(now.get(r["id"]) != r["text_sha"] for r in rows)
        unreviewed = len(set(now) - {r["id"] for r in rows})
        lines.append(
            f"verdicts whose text changed since: {stale}; items not reviewed: {unreviewed}"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    sheet = commands.add_parser("sheet", help="write the items to review")
    sheet.add_argument("out", type=Path)
    sheet.add_argument("--only", choices=("judged", "ours", "train"))
    sheet.add_argument("--research", default=shutil.which("research") or "research")
    counted = commands.add_parser("count", help="count the verdicts of a review")
    counted.add_argument("verdicts", type=Path)
    counted.add_argument("--sheet", type=Path)
    args = parser.parse_args()
    if args.command == "sheet":
        os.environ.setdefault("NO_COLOR", "1")
        print(f"{make_sheet(args.research, args.out, args.only)} items written to {args.out}")
    else:
        print(count(args.verdicts, args.sheet))


if __name__ == "__main__":
    main()

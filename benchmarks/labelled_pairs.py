"""The hand labels of benchmarks/labels/labels.jsonl joined with their real headlines (read from
../shared/data at run time: the project keeps references and labels only; see the card,
benchmarks/labels/CARD.md)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from benchmarks.corpus import headlines
from benchmarks.labels.pool import company_key

LABELS = Path(__file__).resolve().parent / "labels" / "labels.jsonl"


@dataclass(frozen=True)
class LabelledPair:
    """One (headline, company) pair and its label: ``code`` is "Y:<kind>", "N" or "H"."""

    ref: str
    company: str
    split: str  # "train" or "eval"
    title: str
    code: str

    @property
    def good(self) -> bool:
        return self.code.startswith("Y")

    @property
    def harmful(self) -> bool:
        return self.code == "H"

    @property
    def kind(self) -> str | None:
        return self.code[2:] if self.good else None

    @property
    def group(self) -> str:
        """The company the split was decided by: all of a company's pairs share one part."""
        return company_key(self.company)


def labelled_pairs(split: str | None = None, path: Path = LABELS) -> Iterator[LabelledPair]:
    rows = headlines()
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if split is None or row["split"] == split:
                yield LabelledPair(
                    row["ref"], row["company"], row["split"], rows[row["ref"]].title, row["code"]
                )

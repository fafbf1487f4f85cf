"""The real headlines of ../shared/data as (reference, title, labels) rows, cleaned the way a feed
would show them, so labels can be kept in the project as references without any headline text.

A reference is ``"<dataset>:<row id>"`` (``sentfin:123``, ``semeval:45``, ``fiqa:678``). The
headlines themselves are read from ../shared/data at run time and never copied into the project.
Data: SEntFiN 1.0 (Sinha et al., 2022, JASIST, doi:10.1002/asi.24634); SemEval-2017 Task 5
subtask 2 training set (Cortis et al., 2017); FiQA 2018 task 1 headlines (Maia et al., 2018).
"""

from __future__ import annotations

import contextlib
import csv
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
DATA = SHARED / "data"
JUDGED = SHARED / "judged"

_MOJIBAKE = re.compile("[\u00c2\u00c3\u00e2]")
_GLUED_SECTION = re.compile(r"^(Companies|Industry News|News Feed|Markets|Comment)(?=[A-Z])")


@dataclass(frozen=True)
class Headline:
    """One real headline and the entities its dataset labels it for (label per entity)."""

    ref: str
    title: str
    labels: dict[str, str]


def _unmangle(text: str) -> str:
    """Undo UTF-8 read as cp1252 ("Â£" -> "£"), glued section labels and stray spaces."""
    if _MOJIBAKE.search(text):
        with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
            text = b"".join(
                c.encode("cp1252") if c.encode("cp1252", "ignore") else c.encode("latin-1")
                for c in text
            ).decode("utf-8")
    text = _GLUED_SECTION.sub("", text)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r" ([,;:%])", r"\1", text)


def _score_label(score: float) -> str:
    return "positive" if score >= 0.2 else "negative" if score <= -0.2 else "neutral"


@cache
def headlines() -> dict[str, Headline]:
    """Every headline of the three datasets by reference."""
    rows: dict[str, Headline] = {}
    for row in json.loads((DATA / "semeval2017-task5-train.json").read_text(encoding="utf-8")):
        ref = f"semeval:{row['id']}"
        rows[ref] = Headline(
            ref, _unmangle(row["title"]), {row["company"]: _score_label(float(row["sentiment"]))}
        )
    with (DATA / "sentfin.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            ref = f"sentfin:{row['S No.']}"
            decisions = json.loads(row["Decisions"])
            rows[ref] = Headline(
                ref, _unmangle(row["Title"]), {e: v.strip().lower() for e, v in decisions.items()}
            )
    fiqa = json.loads((DATA / "fiqa-2018-headlines.json").read_text(encoding="utf-8"))
    for key, row in fiqa.items():
        ref = f"fiqa:{key}"
        labels = {t["target"]: _score_label(float(t["sentiment_score"])) for t in row["info"]}
        rows[ref] = Headline(ref, _unmangle(row["sentence"]), labels)
    return rows


def title_key(title: str) -> str:
    """A headline's identity across datasets: casefolded words only."""
    return " ".join(re.findall(r"\w+", title.casefold()))


@cache
def judged_title_keys() -> frozenset[str]:
    """Every headline of ../shared/judged: evaluation only, never training."""
    companies = json.loads((JUDGED / "companies.json").read_text(encoding="utf-8"))
    return frozenset(title_key(h["title"]) for c in companies for h in c["headlines"])


@cache
def judged_companies() -> frozenset[str]:
    """The companies of ../shared/judged and their aliases, casefolded."""
    companies = json.loads((JUDGED / "companies.json").read_text(encoding="utf-8"))
    return frozenset(n.casefold() for c in companies for n in [c["company"], *c["aliases"]])


def iter_pairs(refs: dict[str, Headline]) -> Iterator[tuple[Headline, str]]:
    for headline in refs.values():
        for entity in headline.labels:
            yield headline, entity

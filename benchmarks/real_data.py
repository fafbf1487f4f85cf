"""Readers for the three labelled datasets in ../shared/data (never copied into the project).

Each gives LabelledHeadline rows: the headline, the company it is labelled for, and the label
for that company (scores >= 0.2 positive, <= -0.2 negative, the rest neutral, as the data's
README advises). None of them labels event kinds.
"""

from __future__ import annotations

import ast
import csv
import json
from collections.abc import Iterator
from pathlib import Path

from research.judge.evaluate import LabelledHeadline, label_from_score

SHARED_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def sentfin(path: Path = SHARED_DATA / "sentfin.csv") -> Iterator[LabelledHeadline]:
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            for entity, label in json.loads(row["Decisions"]).items():
                yield LabelledHeadline(row["Title"], entity, label.strip().lower())


def semeval(
    path: Path = SHARED_DATA / "semeval2017-task5-train.json",
) -> Iterator[LabelledHeadline]:
    for row in json.loads(path.read_text(encoding="utf-8")):
        yield LabelledHeadline(
            row["title"], row["company"], label_from_score(float(row["sentiment"]))
        )


def fiqa(path: Path = SHARED_DATA / "fiqa-2018-headlines.json") -> Iterator[LabelledHeadline]:
    for row in json.loads(path.read_text(encoding="utf-8")).values():
        for target in row["info"]:
            score = float(ast.literal_eval(str(target["sentiment_score"])))
            yield LabelledHeadline(row["sentence"], target["target"], label_from_score(score))


DATASETS = {
    "sentfin.csv": sentfin,
    "semeval2017-task5-train.json": semeval,
    "fiqa-2018-headlines.json": fiqa,
}

"""Pure: how well the classifier does on labelled headlines.

harm     = of the headlines it would congratulate, the share labelled negative for the company
leak     = of the headlines labelled negative, the share it would congratulate
coverage = of the headlines labelled positive, the share it would congratulate
Kind accuracy and per-kind precision count only rows whose gold kind is known.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..models import EventKind

LABELS = ("positive", "negative", "neutral")


@dataclass(frozen=True)
class LabelledHeadline:
    title: str
    company: str
    label: str  # "positive", "negative" or "neutral" for that company
    kind: EventKind | None = None


@dataclass(frozen=True)
class Verdict:
    """What the classifier said about one row: congratulable, and as which kind."""

    congratulable: bool
    kind: EventKind | None


@dataclass(frozen=True)
class Evaluation:
    rows: int
    positives: int
    negatives: int
    picked: int
    harmful: int  # picked and gold negative
    leaked: int  # gold negative and picked (the same rows as harmful, counted against negatives)
    covered: int  # gold positive and picked
    kind_checked: int  # picked, gold positive with a gold kind
    kind_correct: int
    kind_picks: dict[str, tuple[int, int]] = field(default_factory=dict)  # kind -> (right, picked)
    neutral_picked: int = 0  # neutral rows congratulated: not harmful, still not news
    harmful_examples: tuple[LabelledHeadline, ...] = ()
    missed_examples: tuple[LabelledHeadline, ...] = ()
    wrong_kind_examples: tuple[tuple[LabelledHeadline, str], ...] = ()

    @property
    def harm(self) -> float:
        return self.harmful / self.picked if self.picked else 0.0

    @property
    def leak(self) -> float:
        return self.leaked / self.negatives if self.negatives else 0.0

    @property
    def coverage(self) -> float:
        return self.covered / self.positives if self.positives else 0.0

    @property
    def kind_accuracy(self) -> float | None:
        return self.kind_correct / self.kind_checked if self.kind_checked else None


def evaluate(
    rows: Sequence[LabelledHeadline],
    judge: Callable[[LabelledHeadline], Verdict],
    *,
    examples: int = 10,
) -> Evaluation:
    """Run ``judge`` on every row and count the outcomes."""
    picked = harmful = covered = kind_checked = kind_correct = false_picks = 0
    kind_picks: Counter[str] = Counter()
    kind_right: Counter[str] = Counter()
    harmful_rows: list[LabelledHeadline] = []
    missed: list[LabelledHeadline] = []
    wrong_kind: list[tuple[LabelledHeadline, str]] = []
    for row in rows:
        verdict = judge(row)
        if verdict.congratulable:
            picked += 1
            if verdict.kind is not None and (row.label != "positive" or row.kind is not None):
                # Precision counts every pick: one of a neutral or negative row is a wrong one.
                kind_picks[verdict.kind.value] += 1
                if row.label == "positive" and verdict.kind is row.kind:
                    kind_right[verdict.kind.value] += 1
            if row.label == "neutral":
                false_picks += 1
            if row.label == "negative":
                harmful += 1
                harmful_rows.append(row)
            elif row.label == "positive":
                covered += 1
                if row.kind is not None and verdict.kind is not None:
                    kind_checked += 1
                    if verdict.kind is row.kind:
                        kind_correct += 1
                    else:
                        wrong_kind.append((row, verdict.kind.value))
        elif row.label == "positive":
            missed.append(row)
    return Evaluation(
        rows=len(rows),
        positives=sum(1 for r in rows if r.label == "positive"),
        negatives=sum(1 for r in rows if r.label == "negative"),
        picked=picked,
        harmful=harmful,
        leaked=harmful,
        covered=covered,
        kind_checked=kind_checked,
        kind_correct=kind_correct,
        kind_picks={k: (kind_right[k], n) for k, n in sorted(kind_picks.items())},
        neutral_picked=false_picks,
        harmful_examples=tuple(harmful_rows[:examples]),
        missed_examples=tuple(missed[:examples]),
        wrong_kind_examples=tuple(wrong_kind[:examples]),
    )


def classifier_verdict(row: LabelledHeadline) -> Verdict:
    """What research.classify says about a row."""
    from . import classify

    found = classify(row.title, row.company)
    return Verdict(found.congratulable, found.kind)


def format_evaluation(name: str, evaluation: Evaluation, seconds: float) -> str:
    """The figures for one file, as the eval command prints them."""
    e = evaluation
    rate = e.rows / seconds if seconds > 0 else float("inf")
    lines = [
        f"{name}: {e.rows} rows ({e.positives} positive, {e.negatives} negative), "
        f"{e.picked} congratulable picks",
        f"  harm     {e.harm:6.1%}  ({e.harmful} of {e.picked} picks are labelled negative)",
        f"  leak     {e.leak:6.1%}  ({e.leaked} of {e.negatives} negative rows picked)",
        f"  coverage {e.coverage:6.1%}  ({e.covered} of {e.positives} positive rows picked)",
        f"  neutral rows picked: {e.neutral_picked}",
    ]
    if e.kind_accuracy is not None:
        lines.append(
            f"  kind accuracy {e.kind_accuracy:6.1%}  ({e.kind_correct} of {e.kind_checked})"
        )
        for kind, (right, picked) in e.kind_picks.items():
            lines.append(f"    {kind:<12} precision {right / picked:6.1%}  ({right} of {picked})")
    lines.append(f"  throughput {rate:,.0f} headlines/s")
    return "\n".join(lines)


def label_from_score(score: float, threshold: float = 0.2) -> str:
    """A sentiment score in [-1, 1] as a label: >= threshold positive, <= -threshold negative."""
    if score >= threshold:
        return "positive"
    if score <= -threshold:
        return "negative"
    return "neutral"

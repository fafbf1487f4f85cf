"""The classifier measured on our own labelled headlines, and the eval command that measures it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import research
from research.cli import app
from research.errors import InvalidInput
from research.judge.evaluate import LabelledHeadline, Verdict, classifier_verdict, evaluate
from research.judge.labelled import load_labelled
from research.models import EventKind

LABELLED = Path(__file__).resolve().parent.parent / "fixtures" / "labelled" / "headlines.jsonl"
runner = CliRunner()


@pytest.fixture(scope="module")
def ours() -> list[LabelledHeadline]:
    return load_labelled(LABELLED)


def test_our_labelled_set_is_big_and_covers_every_kind(ours: list[LabelledHeadline]) -> None:
    assert len(ours) >= 400
    kinds = {row.kind for row in ours if row.label == "positive"}
    assert kinds == set(EventKind)
    assert sum(row.label == "negative" for row in ours) >= 120


def test_floors_on_our_labelled_set(ours: list[LabelledHeadline]) -> None:
    result = evaluate(ours, classifier_verdict, examples=20)
    assert result.harmful == 0, result.harmful_examples  # never congratulate bad news
    assert result.leaked == 0
    assert result.coverage >= 0.90, result.missed_examples
    assert result.kind_accuracy is not None and result.kind_accuracy >= 0.90, (
        result.wrong_kind_examples
    )


def test_evaluate_counts_harm_leak_coverage_and_kinds() -> None:
    rows = [
        LabelledHeadline("a", "X", "positive", EventKind.AWARD),
        LabelledHeadline("b", "X", "positive", EventKind.LAUNCH),
        LabelledHeadline("c", "X", "negative"),
        LabelledHeadline("d", "X", "negative"),
        LabelledHeadline("e", "X", "neutral"),
    ]
    said = {
        "a": Verdict(True, EventKind.AWARD),
        "b": Verdict(True, EventKind.AWARD),
        "c": Verdict(True, EventKind.GROWTH),
        "d": Verdict(False, None),
        "e": Verdict(False, None),
    }
    result = evaluate(rows, lambda row: said[row.title])
    assert (result.picked, result.harmful, result.covered) == (3, 1, 2)
    assert result.harm == pytest.approx(1 / 3)
    assert result.leak == pytest.approx(1 / 2)
    assert result.coverage == 1.0
    assert result.kind_accuracy == 0.5
    assert result.kind_picks == {
        "award": (1, 2),
        "growth": (0, 1),
    }  # a wrong pick counts against precision


def test_loader_reads_csv_scores_and_json_lists(tmp_path: Path) -> None:
    csv_file = tmp_path / "rows.csv"
    csv_file.write_text(
        "headline,target,sentiment\nAcme wins award,Acme,0.6\nAcme recalls cars,Acme,-0.5\n"
    )
    assert [r.label for r in load_labelled(csv_file)] == ["positive", "negative"]
    json_file = tmp_path / "rows.json"
    json_file.write_text(
        json.dumps(
            [
                {
                    "title": "Acme opens plant",
                    "company": "Acme",
                    "label": "positive",
                    "kind": "expansion",
                }
            ]
        )
    )
    (row,) = load_labelled(json_file)
    assert row.kind is EventKind.EXPANSION


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"title": "x", "company": "y"}\n', "needs a title, a company and a label"),
        ('{"title": "x", "company": "y", "label": "great"}\n', "is not positive, negative"),
        ('{"title": "x", "company": "y", "label": "positive", "kind": "party"}\n', "is not one of"),
        ("not json\n", "line 1: not valid JSON"),
        ("", "has no rows"),
    ],
)
def test_loader_names_the_bad_row(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "rows.jsonl"
    path.write_text(content)
    with pytest.raises(InvalidInput, match=message):
        load_labelled(path)


def test_eval_command_prints_the_figures() -> None:
    result = runner.invoke(app, ["eval", str(LABELLED)])
    assert result.exit_code == 0, result.stderr
    for label in ("harm", "leak", "coverage", "kind accuracy", "precision", "throughput"):
        assert label in result.stdout
    assert "harm       0.0%" in result.stdout


def test_eval_command_with_a_bad_file_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text("{}\n")
    result = runner.invoke(app, ["eval", str(path)])
    assert result.exit_code == 2
    assert "needs a title" in result.stderr


def test_classify_is_public_and_reads_tone_toward_the_named_company() -> None:
    assert research.classify("Acme sues Beta over patents", "Beta").tone == "negative"
    assert research.classify("Acme sues Beta over patents", "Acme").tone == "neutral"
    won = research.classify("Beta loses contract to Acme", "Acme")
    assert won.congratulable and won.kind is EventKind.NEW_ACCOUNT
    assert research.classify("Beta loses contract to Acme", "Beta").tone == "negative"
    assert research.classify("Acme beats estimates", "Acme").congratulable
    assert research.classify("Acme misses estimates", "Acme").tone == "negative"
    for title in ("Will Acme win the bid?", "Acme could land a big order", "Acme denies merger talks",
                  "Acme posts record revenue but cuts 200 jobs", "Acme shares jump 8%"):  # fmt: skip
        assert not research.classify(title, "Acme").congratulable, title
    other = research.classify("Acme Brick Co. wins award", "Acme Corp")
    assert not other.about_company and not other.congratulable
    assert other.reasons


@pytest.mark.parametrize(
    "title",
    [
        "Acme did not win the contract",
        "Acme hasn't won the Navy contract yet",
        "Acme won't open Denver office after all",
        "Acme no longer a partner of Beta",
        "Acme nears deal to acquire Beta",
        "Acme in advanced talks to buy Beta",
        "Acme shortlisted for design award",
        "Goldman upgrades Acme to buy",
        "Acme stock climbs to all-time high",
        "Acme shares set new record",
        "Acme shares jump in Nasdaq debut",
        "Acme stripped of industry award",
        "Acme freezes hiring",
        "Acme postpones IPO",
        "Acme secures funding to stay afloat",
        "Acme launches internal review after accounting errors",
        "Acme unveils cost-cutting plan",
        "Acme customer Beta reports record revenue",
        "Acme-backed Beta raises $30 million",
        "Former Acme engineer raises $5 million for startup",
        "Acme posts record revenue; CEO departs",
        "Acme opens new store amid protests",
    ],
)
def test_plausible_bad_or_unsettled_news_is_never_congratulated(title: str) -> None:
    assert not research.classify(title, "Acme").congratulable, research.classify(title, "Acme")


@pytest.mark.parametrize(
    "title",
    [
        "Acme shares surge on record profit",
        "Acme Q2 revenue up 16%; expects more growth next year",
        "Acme makes Inc. 5000 list",
        "Acme becomes first carbon-neutral airline",
        "Acme wins 10 new customers",
        "Acme Q2 net profit above estimates",
        # Filing for a listing is the company's own funding step, as the hand labels judge it
        # (benchmarks/labels/CARD.md); postponing one is not ("Acme postpones IPO" above).
        "Acme files for IPO",
    ],
)
def test_real_events_next_to_market_talk_still_count(title: str) -> None:
    assert research.classify(title, "Acme").congratulable, research.classify(title, "Acme")


@pytest.mark.parametrize(
    ("content", "suffix", "message"),
    [
        ("title,company,label\n" + "x" * 200_000 + ",Acme,positive\n", ".csv", "cannot be read"),
        ("[" * 100_000, ".json", "cannot be read"),
        ('{"title": ["a"], "company": "Acme", "label": "positive"}\n', ".jsonl", "must be text"),
        ('{"title": "a", "company": "Acme", "label": "nan"}\n', ".jsonl", "from -1 to 1"),
        ('{"title": "a", "company": "Acme", "label": 5}\n', ".jsonl", "from -1 to 1"),
    ],
)
def test_loader_refuses_odd_files_without_a_traceback(
    tmp_path: Path, content: str, suffix: str, message: str
) -> None:
    path = tmp_path / f"rows{suffix}"
    path.write_text(content)
    with pytest.raises(InvalidInput, match=message):
        load_labelled(path)

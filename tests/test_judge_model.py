"""The learned reading and how the verdict combines it with the rules."""

from __future__ import annotations

import json
from dataclasses import replace
from importlib import resources
from pathlib import Path

import pytest

import research
from research.judge import Basis
from research.judge.match import Mention
from research.judge.model import (
    COMPANY_TOKEN,
    KindWeights,
    Model,
    Policy,
    Weights,
    familiarity,
    features,
    read,
    tokens,
)
from research.judge.reading import rules_reading
from research.judge.verdict import classify_mentioned
from research.judge.weights import ModelError, model_from_json, shipped_model
from research.models import EventKind

ROOT = Path(__file__).resolve().parent.parent


def test_tokens_mask_the_company_and_read_numbers_as_shapes() -> None:
    title = "Acme Corp's Q2 profit up 9.7 per cent to Rs 1,234 crore in 2015"
    words = tokens(title, 0, len("Acme Corp"))
    assert words[0] == COMPANY_TOKEN
    assert "acme" not in words and "corp" not in words
    assert {"<pct>", "<money>", "<year>"} <= set(words)
    assert "9" not in words and "1,234" not in words


def test_a_word_that_merely_contains_the_placeholder_is_not_the_company() -> None:
    assert COMPANY_TOKEN not in tokens("Zzcompanyzzz buys beta")
    assert tokens("Beta buys Acme", 10, 4)[-1] == COMPANY_TOKEN


def test_features_say_where_the_company_stands() -> None:
    assert "co:first" in features(tokens("Acme wins award", 0, 4))
    assert "co:absent" in features(tokens("Beta wins award"))
    stems = features(tokens("Acme acquires Beta", 0, 4))
    assert "s:acquir" in stems and "b:__co__ acquir" in stems


def _model(**policy: object) -> Model:
    """A hand-made model: "zork" is sure good news of kind growth, "blarg" is embarrassing."""
    good = Weights(-4.0, {"w:zork": 12.0, "w:blarg": 12.0})
    harmful = Weights(-4.0, {"w:blarg": 12.0})
    kinds = KindWeights(
        {EventKind.GROWTH: Weights(0.0, {"w:zork": 2.0}), EventKind.AWARD: Weights(0.0, {})}
    )
    settings: dict[str, object] = {
        "overrule": {"no_event": 0.8},
        "harmful": 0.5,
        "learned_kinds": frozenset({EventKind.GROWTH}),
        "familiar": 0.0,
    }
    settings.update(policy)
    return Model(good, harmful, kinds, Policy(**settings))  # type: ignore[arg-type]


def _verdict(title: str, model: Model) -> research.Classification:
    return classify_mentioned(title, Mention("Acme", "headline", title.index("Acme")), "", model)


def test_the_learned_reading_fills_in_where_the_rules_find_nothing() -> None:
    verdict = _verdict("Acme zork quarterly", _model())
    assert verdict.congratulable and verdict.kind is EventKind.GROWTH
    assert verdict.basis is Basis.NO_EVENT
    assert (
        "learned reading" in verdict.reasons[-1]
        and "the rules found no event" in verdict.reasons[-1]
    )
    assert 0.99 < verdict.confidence <= 1.0


def test_the_learned_reading_stays_silent_where_it_may_not_speak() -> None:
    # a kind it does not know well enough
    assert not _verdict("Acme zork quarterly", _model(learned_kinds=frozenset())).congratulable
    # a basis it may not overrule
    assert not _verdict("Acme zork quarterly", _model(overrule={})).congratulable
    # embarrassing
    assert not _verdict("Acme blarg quarterly", _model()).congratulable
    # words it has not seen
    assert not _verdict("Acme zork quarterly", _model(familiar=0.9)).congratulable


@pytest.mark.parametrize(
    "title",
    [
        "Acme zork profit falls 20%",  # a family of bad news vetoes
        "Will Acme zork?",  # a question
        "Beta acquires Acme zork",  # someone else's event
    ],
)
def test_a_rule_that_is_sure_wins(title: str) -> None:
    verdict = _verdict(title, _model())
    assert not verdict.congratulable
    assert verdict.basis in {Basis.NEGATIVE, Basis.QUESTION, Basis.ROLE}


def test_a_rules_event_stands_whatever_the_learned_reading_thinks() -> None:
    doubting = _model()
    doubting = replace(doubting, good=Weights(-30.0, {}))
    verdict = _verdict("Acme wins Edison Award", doubting)
    assert verdict.congratulable and verdict.kind is EventKind.AWARD
    assert verdict.basis is Basis.EVENT and verdict.confidence == 1.0


def test_familiarity_counts_plain_words_only() -> None:
    known = {"w:wins": 1.0, "w:award": 1.0}
    assert familiarity([COMPANY_TOKEN, "wins", "award", "<num>"], known) == 1.0
    assert familiarity(["wins", "zork"], known) == 0.5
    assert familiarity([COMPANY_TOKEN], known) == 0.0


def test_the_shipped_model_loads_and_reads() -> None:
    model = shipped_model()
    assert model.policy.learned_kinds and 0.5 <= model.policy.familiar <= 1.0
    assert set(model.kinds.heads) <= set(EventKind)
    reading = rules_reading(
        "Acme Q3 net profit rises 20% to Rs 450 crore", Mention("Acme", "headline", 0)
    )
    learned = read(model, reading.text, reading.position, 4)
    assert 0.0 <= learned.good <= 1.0 and 0.0 <= learned.harmful(model) <= 1.0
    assert learned.good > 0.5 and learned.kind(model)[0] is EventKind.GROWTH
    assert learned.familiarity > 0.8


def test_the_model_file_is_small_json_with_no_code() -> None:
    raw = resources.files("research.judge").joinpath("model.json").read_bytes()
    assert len(raw) < 3 * 1024 * 1024
    data = json.loads(raw)
    assert data["format"] == 1 and set(data["heads"]) == {"good", "harmful", "kinds"}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(format=2), "unknown model format"),
        (lambda d: d["heads"]["good"]["features"].update({"w:x": "evil()"}), "must be numbers"),
        (lambda d: d["policy"].pop("familiar"), "familiar"),
    ],
)
def test_a_damaged_model_file_is_refused(change, message: str) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(resources.files("research.judge").joinpath("model.json").read_text())
    change(data)
    with pytest.raises((ValueError, KeyError), match=message):
        model_from_json(data)


def test_model_error_is_a_research_error_that_says_what_to_do() -> None:
    assert issubclass(ModelError, research.ResearchError)
    assert "reinstall" in (ModelError.__doc__ or "")


def test_the_rules_word_forms_match_lemminflect() -> None:
    """inflections.py is generated; a rule's new {word} needs `benchmarks/make_inflections.py`."""
    from benchmarks.make_inflections import TABLE, table

    assert TABLE.read_text(encoding="utf-8") == table()

"""Congratulatory snippets: every tone and phrasing passes the lint, and the API refuses bad news."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import research
from research.phrase import MAX_WORDS
from research.snippets import VARIANTS

LABELLED = Path(__file__).resolve().parent.parent / "fixtures" / "labelled" / "headlines.jsonl"
_TICKER = re.compile(r"\((NASDAQ|NYSE|LSE|TSX|ASX)\s*:", re.IGNORECASE)


def lint(text: str, company: str, tone: str) -> list[str]:
    """What is wrong with a sentence we would paste into a note."""
    problems = []
    words = text.split()
    if not text.endswith((".", "!")):
        problems.append("does not end with punctuation")
    if len(words) > MAX_WORDS:
        problems.append(f"{len(words)} words")
    lowered = [w.lower().strip(",.!") for w in words]
    if any(a == b and a.isalpha() for a, b in itertools.pairwise(lowered)):
        problems.append("doubled word")
    if re.search(r"&[#a-z0-9]+;|[<>\[\]{}]", text) or text.count("(") != text.count(")"):
        problems.append("markup or unbalanced bracket")
    if _TICKER.search(text) or "Inc. Inc." in text:
        problems.append("ticker tag or doubled suffix")
    if tone == "formal" and "!" in text:
        problems.append("exclamation mark in formal")
    if company not in text:
        problems.append("company name not spelled as in the profile")
    return problems


def _congratulable_rows() -> list[tuple[str, str]]:
    rows = [json.loads(line) for line in LABELLED.read_text().splitlines()]
    return [
        (r["title"], r["company"])
        for r in rows
        if research.classify(r["title"], r["company"]).congratulable
    ]


def test_every_tone_and_variant_of_every_fixture_event_passes_the_lint() -> None:
    rows = _congratulable_rows()
    assert len(rows) >= 100
    failures = []
    for title, company in rows:
        name = research.resolve_company(company).name
        for tone in ("warm", "formal"):
            for variant in range(VARIANTS):
                snippet = research.congratulate(title, tone, variant, company=company)
                problems = lint(snippet.text, name, tone)
                if problems or not snippet.clause:
                    failures.append((title, tone, variant, snippet.text, problems))
    assert not failures, failures[:5]


def test_a_headline_snippet_has_the_sentence_and_the_clause() -> None:
    snippet = research.congratulate("Acme wins 2026 Edison Award", company="Acme Corp")
    assert snippet.tone == "warm" and snippet.variant == 0
    assert snippet.text == (
        "Congratulations to you and the Acme Corp team on winning the 2026 Edison Award, "
        "so well deserved!"
    )
    assert snippet.clause == "won the 2026 Edison Award"
    formal = research.congratulate("Acme wins 2026 Edison Award", "formal", 1, company="Acme Corp")
    assert formal.text == (
        "I read with interest that Acme Corp has won the 2026 Edison Award; it is a "
        "well-deserved honour."
    )


def test_bad_news_is_refused_not_praised() -> None:
    with pytest.raises(research.NotCongratulable, match="layoffs"):
        research.congratulate("Acme Corp to cut 200 jobs", company="Acme Corp")
    with pytest.raises(research.InvalidInput, match="needs the company"):
        research.congratulate("Acme wins award")


@pytest.mark.parametrize(
    ("tone", "variant"), [("casual", 0), ("warm", 3), ("formal", -1), ("warm", True)]
)
def test_bad_tone_or_variant_names_the_value(tone: str, variant: int) -> None:
    with pytest.raises(
        research.InvalidInput, match=repr(variant) if tone in ("warm", "formal") else tone
    ):
        research.congratulate("Acme wins 2026 Edison Award", tone, variant, company="Acme Corp")


def test_events_carry_every_snippet_and_the_api_picks_one() -> None:
    result = research.research(
        "acme-corp",
        replay=Path(__file__).resolve().parent.parent / "fixtures" / "feeds",
        settings=research.load_settings(
            google_news_url="https://news.google.com/rss/search",
            bing_news_url="https://www.bing.com/news/search",
        ),
    )
    event = result.events[0]
    assert {(s.tone, s.variant) for s in event.snippets} == {
        (t, v) for t in ("warm", "formal") for v in range(VARIANTS)
    }
    chosen = research.congratulate(event, "formal", 0)
    assert chosen.text == event.sentence
    assert chosen.url == event.url and chosen.published == event.published


HOSTILE = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=80)


TEMPLATES = (
    "Acme Corp wins {} award",
    "Acme Corp launches {}",
    "Acme Corp partners with {} on delivery vans",
    "Acme Corp. Announces Acquisition of {}",
    "{} selects Acme Corp for new contract",
    "Acme Corp opens new office in {}",
)


@settings(max_examples=200, deadline=None)
@given(
    detail=HOSTILE,
    shout=st.booleans(),
    template=st.sampled_from(TEMPLATES),
    repeat=st.integers(1, 40),
)
def test_any_accepted_headline_gives_lint_clean_sentences(
    detail: str, shout: bool, template: str, repeat: int
) -> None:
    title = template.format(" ".join([detail] * repeat) if repeat > 20 else detail)
    if shout:
        title = title.upper()
    found = research.classify(title, "Acme Corp")
    if not found.congratulable:
        return
    for tone in ("warm", "formal"):
        for variant in range(VARIANTS):
            text = research.congratulate(title, tone, variant, company="Acme Corp").text
            assert not lint(text, "Acme Corp", tone), text


def test_pinned_sentences_for_every_kind_and_both_tones() -> None:
    from .regen_sentences import GOLDEN, sentences

    pinned = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert len(pinned) >= 100
    assert {row["kind"] for row in pinned} == {k.value for k in research.EventKind}
    assert sentences() == pinned


def test_a_plan_is_not_praised_as_an_achievement() -> None:
    """ "Planning to open a studio" is a step ahead, not "an impressive achievement"."""
    title = "Acme Corp to open second studio in Montreal"
    texts = [
        research.congratulate(title, tone, variant, company="Acme Corp").text
        for tone in ("warm", "formal")
        for variant in range(VARIANTS)
    ]
    assert all(re.search(r"planning to open|plans to open", t) for t in texts), texts
    assert not any(re.search(r"achievement|proud|honour|success", t) for t in texts), texts
    assert research.congratulate(title, "formal", 2, company="Acme Corp").text == (
        "My congratulations to the Acme Corp team on planning to open its second studio in "
        "Montreal, which is a promising step for the company."
    )


def test_praise_fits_a_partnership_of_any_size() -> None:
    """A partnership may have three parties or be a programme one joins: no "pairing"."""
    title = "Acme Corp partners with three insurers to expand virtual care access"
    warm = research.congratulate(title, "warm", 1, company="Acme Corp").text
    assert warm == (
        "It was great to read about Acme Corp partnering with three insurers to expand virtual "
        "care access, an exciting step for the whole team!"
    )


@pytest.mark.parametrize(
    ("title", "news", "clause"),
    [
        # A certification or a place on a list is recognition, not an award.
        ("TOP EMPLOYER 2024: ACME CORP CERTIFIED ACROSS 12 COUNTRIES",
         "Acme Corp's recent recognition", "earned new recognition"),
        # The kind alone never says an acquisition is completed: it may be only agreed.
        ("Yamaguchi Robotics sells European unit to Acme Corp", "Acme Corp's latest acquisition",
         "announced an acquisition"),
    ],
)  # fmt: skip
def test_the_kind_alone_claims_no_more_than_any_such_headline(
    title: str, news: str, clause: str
) -> None:
    snippet = research.congratulate(title, "formal", 1, company="Acme Corp")
    assert snippet.text.startswith(f"Please accept my congratulations on {news};")
    assert snippet.clause == clause

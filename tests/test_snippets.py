"""Congratulatory snippets: every tone and phrasing passes the lint, and the API refuses bad news."""

from __future__ import annotations

import itertools
import json
import re
from html.entities import html5
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import research
from research.write.congratulate import MAX_HEADLINE
from research.write.snippets import VARIANTS

LABELLED = Path(__file__).resolve().parent.parent / "fixtures" / "labelled" / "headlines.jsonl"
# The lint, written without the code under test: what must never reach a note.
MAX_SENTENCE_WORDS = 35
_TICKER = re.compile(
    r"\((?:[A-Za-z]+\s*){1,2}:\s*[A-Z0-9.\-]+\s*\)"  # "(NASDAQ: ACME)", "(NYSE American: X)"
    r"|\b(?:NASDAQ|NYSE|AMEX|LSE|AIM|TSXV?|ASX|NSE|BSE|OTC\w*|Euronext|XETRA|TSE|HKEX|SIX)\s*:",
    re.IGNORECASE,
)
_PUBLISHER = re.compile(
    r"\b(?:PR ?Newswire|Business ?Wire|Globe ?Newswire|Accesswire|EIN Presswire|Newswire|"
    r"Reuters|Associated Press|Bloomberg|Press Release)\b",
    re.IGNORECASE,
)
# Any named entity (with or without its ";"), in any case, or a numeric one; not "AT&T", "Q&A".
_ENTITY = re.compile(
    r"&#\d|&#x[0-9a-f]|&(?:"
    + "|".join(sorted({re.escape(k.rstrip(";")) for k in html5 if len(k) > 2}, key=len)[::-1])
    + r")(?!\w)",
    re.IGNORECASE,
)


def _unbalanced_quotes(text: str) -> bool:
    """Double quotes pair up; a single quote that opens a title must close (a lone closing one
    is an apostrophe: "O'Donnell", "builders' federation")."""
    opened = len(re.findall(r"(?<!\w)'(?=\w)", text))
    closed = len(re.findall(r"(?<=[\w.!?])'(?!\w)", text))
    return (
        text.count('"') % 2 == 1
        or text.count("\u201c") != text.count("\u201d")
        or text.count("\u00ab") != text.count("\u00bb")
        or text.count("\u2018") > text.count("\u2019")
        or opened > closed
    )


def fragment_problems(text: str) -> list[str]:
    """What is wrong with any generated text, a sentence or the clause after "now that you've"."""
    problems = []
    words = [w.lower().strip(",.;:!?") for w in text.split()]
    if any(a == b and any(c.isalnum() for c in a) for a, b in itertools.pairwise(words)):
        problems.append("doubled word")
    if re.search(r"[<>\[\]{}]", text) or text.count("(") != text.count(")"):
        problems.append("leftover markup or bracket")
    if _unbalanced_quotes(text):
        problems.append("unbalanced quote")
    if _ENTITY.search(text):
        problems.append("HTML entity")
    if _TICKER.search(text):
        problems.append("ticker tag")
    if _PUBLISHER.search(text):
        problems.append("publisher or wire name")
    if re.search(r"\bInc\.?,? Inc\b", text, re.IGNORECASE):
        problems.append("doubled suffix")
    return problems


def lint(text: str, company: str, tone: str) -> list[str]:
    """What is wrong with a sentence we would paste into a note."""
    problems = fragment_problems(text)
    if not text.endswith((".", "!")):
        problems.append("does not end with punctuation")
    if len(text.split()) > MAX_SENTENCE_WORDS:
        problems.append(f"{len(text.split())} words")
    if tone == "formal" and "!" in text:
        problems.append("exclamation mark in formal")
    spelled = re.findall(re.escape(company), text, re.IGNORECASE)
    if company not in text or any(s != company for s in spelled):
        problems.append("company name not spelled as in the profile")
    return problems


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("Congratulations to the Acme Corp team on winning the award", "punctuation"),
        ("Congratulations to the Acme Corp team on winning the the award.", "doubled word"),
        ("Congratulations to the Acme Corp team on winning the <b>award</b>.", "markup"),
        ("Congratulations to the Acme Corp team on winning the [award].", "bracket"),
        ("Congratulations to the Acme Corp team on winning the \u201cBest award.", "quote"),
        ('Congratulations to the Acme Corp team on winning the "Best award.', "quote"),
        ("Congratulations to the Acme Corp team on winning the 'Best award.", "quote"),
        ("Congratulations to the Acme Corp team on winning the &quot;award.", "entity"),
        ("Congratulations to the Acme Corp team (NASDAQ: ACME) on winning.", "ticker"),
        ("Congratulations to the Acme Corp team on winning the award | Business Wire.", "wire"),
        ("Congratulations to the Acme Corp team on winning the award - Reuters.", "wire"),
        ("Congratulations to the Acme Corp Inc. Inc. team on winning the award.", "suffix"),
        ("Congratulations to the Acme Corp team on winning the award" + " again" * 30 + ".",
         "words"),
        ("Congratulations to the Acme Corp team on winning the award!", "exclamation"),
        ("Congratulations to the ACME CORP team on winning the award.", "spelled"),
        ("Congratulations to the team on winning the award.", "spelled"),
    ],
)  # fmt: skip
def test_the_lint_catches_each_fault_it_lists(text: str, problem: str) -> None:
    assert any(problem in p for p in lint(text, "Acme Corp", "formal")), lint(
        text, "Acme Corp", "formal"
    )


def test_the_lint_passes_apostrophes_and_quoted_titles() -> None:
    text = "Congratulations to the Acme Corp team on releasing 'Lantern Road 2' for builders' use."
    assert lint(text, "Acme Corp", "formal") == []


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
                problems = lint(snippet.text, name, tone) + fragment_problems(snippet.clause)
                if problems or not snippet.clause:
                    failures.append((title, tone, variant, snippet.text, problems))
    assert not failures, failures[:5]


def test_a_headline_snippet_has_the_sentence_and_the_clause() -> None:
    # formal by default, as in the CLI and draft_note
    snippet = research.congratulate("Acme wins 2026 Edison Award", company="Acme Corp")
    assert snippet.tone == "formal" and snippet.variant == 0
    assert snippet.text == "Congratulations to the Acme Corp team on winning the 2026 Edison Award."
    warm = research.congratulate("Acme wins 2026 Edison Award", "warm", company="Acme Corp")
    assert warm.text == (
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


# Headline shapes the classifier accepts, with a slot for hostile text in the detail.
TEMPLATES = (
    "{name} wins {x} award",
    "{name} launches {x}",
    "{name} partners with {x} on delivery vans",
    "{name}. Announces Acquisition of {x}",
    "{x} selects {name} for new contract",
    "{name} opens new office in {x}",
)
# What press-release headlines and feeds carry: markup, entities, emoji, other scripts, quotes.
HOSTILE_PIECES = (
    "<b>", "</b>", "<script>alert(1)</script>", '<img src=x onerror="alert(1)">', "&amp;",
    "&quot;", "&#8217;", "&lt;i&gt;", "&nbsp;", "\U0001f389", "\U0001f680",
    "\U0001f469\u200d\U0001f4bb", "\u202e", "\u200b", "Prix de l\u2019Innovation",
    "\u00dcberraschung", "\u6771\u4eac", "\u0421\u0438\u0431\u0438\u0440\u044c",
    "\u062c\u0627\u0626\u0632\u0629", "\u05e2\u05d1\u05e8\u05d9\u05ea", '"Best Workplace"',
    "\u201cInnovator of the Year\u201d", "\u00abPrix\u00bb", "'", "\u2018", "[x]", "{y}", "(",
    ")", "|", " - ", "Edison", "2026", "AI", "Inc.", "Acme Corp",
)  # fmt: skip
HOSTILE_DETAIL = st.tuples(
    st.text(max_size=12), st.sampled_from(HOSTILE_PIECES), st.text(max_size=12)
).map("".join)
# Press-release furniture around the whole headline: the sentence must carry none of it.
WRAPPERS = (
    "{}", "{} | Business Wire", "{} - Press Release", "{} - PR Newswire", "{} | GlobeNewswire",
    "{} - Reuters", "{} &amp; more", "DENVER, Nov. 18, 2026 /PRNewswire/ -- {}",
)  # fmt: skip
NAMES = ("Acme Corp", "Acme Corp (NASDAQ: ACME)", "Acme Corp Inc.")


@settings(max_examples=150, deadline=None)
@given(
    detail=HOSTILE_DETAIL,
    template=st.sampled_from(TEMPLATES),
    wrapper=st.sampled_from(WRAPPERS),
    name=st.sampled_from(NAMES),
    shout=st.booleans(),
    repeat=st.sampled_from((1, 1, 2, 40)),
)
def test_any_accepted_headline_gives_lint_clean_sentences(
    detail: str, template: str, wrapper: str, name: str, shout: bool, repeat: int
) -> None:
    """Every tone and variant of any hostile headline the classifier accepts passes the lint;
    most drawn headlines are accepted (hypothesis fails the test when too many are filtered)."""
    title = wrapper.format(template.format(name=name, x=" ".join([detail] * repeat)))
    if shout:
        title = title.upper()
    assume(research.classify(title, "Acme Corp").congratulable)
    if len(title) > MAX_HEADLINE:  # no headline is that long: refused up front, not phrased
        with pytest.raises(research.InvalidInput, match="characters long"):
            research.congratulate(title, company="Acme Corp")
        return
    for tone in ("warm", "formal"):
        for variant in range(VARIANTS):
            snippet = research.congratulate(title, tone, variant, company="Acme Corp")
            problems = lint(snippet.text, "Acme Corp", tone) + fragment_problems(snippet.clause)
            assert not problems, (title, snippet.text, snippet.clause, problems)


@pytest.mark.parametrize(
    "title", ["Acme Corp wins <b>NEWSWIRE award", "Acme Corp wins Reuters award for app"]
)
def test_a_wire_name_inside_the_news_is_never_quoted(title: str) -> None:
    """Found by the property test above: the feed's label around a mangled title is no part of
    the news to quote."""
    for tone in ("warm", "formal"):
        for variant in range(VARIANTS):
            snippet = research.congratulate(title, tone, variant, company="Acme Corp")
            problems = lint(snippet.text, "Acme Corp", tone) + fragment_problems(snippet.clause)
            assert not problems, (snippet.text, problems)


def test_pinned_sentences_for_every_kind_and_both_tones() -> None:
    from .regen_sentences import GOLDEN, sentences

    pinned = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert len(pinned) >= 100
    assert {row["kind"] for row in pinned} == {k.value for k in research.EventKind}
    assert sentences() == pinned


def test_a_plan_is_not_praised_as_an_achievement() -> None:
    """ "Planning to open a studio" is a step ahead, not "an impressive achievement", and the
    plan is told as announced, never congratulated as if done ("Congratulations ... on planning
    to open" read to every reviewer as a filled-in template)."""
    title = "Acme Corp to open second studio in Montreal"
    texts = [
        research.congratulate(title, tone, variant, company="Acme Corp").text
        for tone in ("warm", "formal")
        for variant in range(VARIANTS)
    ]
    assert all("announced plans to open its second studio" in t for t in texts), texts
    assert not any(re.search(r"achievement|proud|honour|success", t) for t in texts), texts
    assert not any(re.search(r"congratulat\w* .*planning", t, re.I) for t in texts), texts
    assert research.congratulate(title, "formal", 0, company="Acme Corp").text == (
        "I read with interest that Acme Corp has announced plans to open its second studio in "
        "Montreal; it is a promising step for the company."
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
    assert snippet.text.startswith(f"Please accept my congratulations on {news},")
    assert snippet.clause == clause


@pytest.mark.parametrize(
    "title",
    [
        "Acme Corp wins Edison Award Acme Corp wins Edison Award",
        "Acme wins award Acme wins award",
        "City of Lakemont selects Acme Corp for solar contract City of Lakemont selects Acme Corp "
        "for solar contract",
    ],
)
def test_a_headline_printed_twice_is_never_quoted(title: str) -> None:
    for tone in ("warm", "formal"):
        for variant in range(VARIANTS):
            snippet = research.congratulate(title, tone, variant, company="Acme Corp")
            for text in (snippet.text, snippet.clause):
                assert not re.search(r"\b(wins|selects)\b", text), text
                words = [w.strip(",.!;").lower() for w in text.split()]
                runs = list(zip(words, words[1:], words[2:], strict=False))
                assert len(set(runs)) == len(runs), text


def test_a_product_named_after_the_company_is_still_quoted() -> None:
    title = "Acme Corp launches Acme Cloud 2"
    snippet = research.congratulate(title, "formal", 0, company="Acme Corp")
    assert snippet.text == "Congratulations to the Acme Corp team on launching Acme Cloud 2."


def test_a_headline_longer_than_any_headline_is_refused_up_front() -> None:
    headline = "Acme Corp wins award " + "x" * 1980
    with pytest.raises(research.InvalidInput, match=f"{len(headline):,} characters long"):
        research.congratulate(headline, company="Acme Corp")
    assert len(headline) > 2000


def test_a_thousands_separator_with_a_stray_space_is_one_amount() -> None:
    said = research.congratulate(
        "Acme Corp readies plan to raise Rs 2, 600 crore via bonds", company="Acme Corp"
    )
    assert "Rs 2,600 crore" in said.text, said


def test_a_unit_named_in_full_is_the_owner_not_a_repeated_headline() -> None:
    said = research.congratulate(
        "Acme Corp Prudential Life profit up 3-fold at Rs 808 cr", company="Acme Corp"
    )
    assert "threefold rise in Acme Corp Prudential Life's profit to Rs 808 crore" in said.text


def test_a_period_is_never_part_of_the_owner() -> None:
    said = research.congratulate(
        "Acme Corp Financial Services September-quarter net profit up 20% at Rs 50 crore",
        company="Acme Corp",
    )
    assert "quarter's" not in said.text and "20%" in said.text, said

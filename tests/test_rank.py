"""Ranking: window, negatives, naming, corroboration, limit and order, with reasons."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from research.judge.rank import (
    CORROBORATION_BONUS,
    KIND_WEIGHTS,
    MAX_CORROBORATION,
    rank_items,
)
from research.models import Company, EventKind
from sources import Item, Outlet

UTC = timezone.utc
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
ACME = Company(slug="acme-corp", name="Acme Corp")


def item(
    title: str,
    published: datetime | None,
    *,
    outlets: int = 1,
    url: str | None = None,
) -> Item:
    url = url or "https://news.example/" + "-".join(title.lower().split())
    return Item(
        key=title,
        title=title,
        url=url,
        published=published,
        summary="",
        publisher="Outlet 0",
        publisher_domain="outlet0.example",
        source="test",
        outlets=tuple(
            Outlet(name=f"Outlet {n}", domain=f"outlet{n}.example", url=url, source="test")
            for n in range(outlets)
        ),
    )


def ago(days: float) -> datetime:
    return NOW - timedelta(days=days)


def rank(items: list[Item], company: Company = ACME, days: int = 30, limit: int = 10):  # type: ignore[no-untyped-def]
    return rank_items(items, company, now=NOW, days=days, limit=limit)


def test_window_drops_old_items_with_reason() -> None:
    old = item("Acme Corp named one of the region's best places to work", ago(141))
    edge = item("Acme Corp wins Edison Award", ago(30))
    events, skipped = rank([old, edge])
    assert [e.title for e in events] == [edge.title]
    assert len(skipped) == 1
    assert skipped[0].title == old.title
    assert skipped[0].reason == f"older than 30 days (published {ago(141):%Y-%m-%d})"
    assert skipped[0].published == old.published and skipped[0].url == old.url


def test_window_follows_days_argument() -> None:
    story = item("Acme Corp wins Edison Award", ago(10))
    assert rank([story], days=7)[0] == ()
    assert len(rank([story], days=14)[0]) == 1


def test_undated_items_kept_but_after_all_dated_ones() -> None:
    undated_award = item("Acme Corp wins Edison Award", None, outlets=4)
    old_milestone = item("Acme Corp celebrates 50th anniversary", ago(29))
    fresh_launch = item("Acme Corp launches HomeCell 3", ago(0.1))
    events, skipped = rank([undated_award, old_milestone, fresh_launch])
    assert skipped == ()
    # The undated award has the best kind and most outlets, and still comes last.
    assert undated_award_score(events) > events[1].score
    assert [e.title for e in events] == [
        fresh_launch.title,
        old_milestone.title,
        undated_award.title,
    ]
    assert "date unknown: ranked below dated news" in events[-1].reasons


def undated_award_score(events: tuple) -> float:  # type: ignore[type-arg]
    return next(e.score for e in events if e.published is None)


@pytest.mark.parametrize(
    ("title", "reason_start"),
    [
        ("Acme Corp to cut 200 jobs in restructuring", "negative news (layoffs or restructuring"),
        ("Suppliers file lawsuit against Acme Corp", "negative news (legal trouble"),
        ("Acme Corp recalls 12,000 chargers", "negative news (a recall"),
        ("Will Acme Corp's new battery crack the market?", "phrased as a question"),
        ("Acme Corp could buy Voltaire Labs", "speculation, not news"),
        ("Acme Corp CTO talks supply chains", "no event to congratulate"),
        ("Beta Group acquires Acme Corp", "the company is being acquired"),
    ],
)
def test_rejected_headlines_are_skipped_with_reason(title: str, reason_start: str) -> None:
    events, skipped = rank([item(title, ago(1))])
    assert events == ()
    assert len(skipped) == 1
    assert skipped[0].reason.startswith(reason_start), skipped[0].reason


@pytest.mark.parametrize(
    "title",
    [
        "Acme Brick Co. opens new kiln in Ohio, adding 40 jobs",
        "Acme Corporation wins Edison Award",
        "Beta Logistics wins Edison Award",
        "AcmeCorp wins Edison Award",
    ],
)
def test_items_not_naming_the_company_are_skipped(title: str) -> None:
    events, skipped = rank([item(title, ago(1))])
    assert events == ()
    assert [s.reason for s in skipped] == [
        "neither the headline nor the summary's first sentence names Acme Corp"
    ]


def test_an_alias_followed_by_another_legal_suffix_is_a_namesake() -> None:
    company = Company(slug="acme-corp", name="Acme Corp", aliases=("Acme",))
    events, skipped = rank(
        [item("Acme Brick Co. opens new kiln in Ohio, adding 40 jobs", ago(1))], company=company
    )
    assert events == ()
    assert [s.reason for s in skipped] == ["names another company, 'Acme Brick Co.'"]


def test_alias_counts_as_naming_and_is_reported() -> None:
    company = Company(slug="acme-corp", name="Acme Corp", aliases=("Acme",))
    events, _ = rank([item("Acme wins Edison Award", ago(1))], company=company)
    (event,) = events
    assert event.reasons[0] == "the headline names Acme"
    assert event.sentence == "Congratulations to the Acme Corp team on winning the Edison Award."


def test_a_group_named_without_its_form_is_found_and_phrased() -> None:
    company = Company(slug="vantor-group", name="Vantor Group")
    events, _ = rank([item("Vantor profit up 16% in first half", ago(1))], company=company)
    (event,) = events
    assert event.reasons[0] == "the headline names Vantor"
    assert "16% rise in Vantor Group's" in event.sentence, event.sentence


def test_corroboration_raises_score_and_is_capped() -> None:
    scores = {}
    for outlets in (1, 2, 3, 4, 9):
        (event,), _ = rank([item("Acme Corp wins Edison Award", ago(2), outlets=outlets)])
        scores[outlets] = event.score
        if outlets > 1:
            assert f"carried by {outlets} outlets: Outlet 0, Outlet 1" in event.reasons[-1]
    assert scores[2] == pytest.approx(scores[1] + CORROBORATION_BONUS)
    assert scores[3] == pytest.approx(scores[1] + 2 * CORROBORATION_BONUS)
    assert scores[4] == pytest.approx(scores[1] + MAX_CORROBORATION)
    assert scores[9] == pytest.approx(scores[1] + MAX_CORROBORATION)


def test_score_is_kind_weight_plus_recency() -> None:
    (today,), _ = rank([item("Acme Corp wins Edison Award", NOW)])
    (week,), _ = rank([item("Acme Corp wins Edison Award", ago(7))])
    assert today.score == pytest.approx(KIND_WEIGHTS[EventKind.AWARD] + 1.0)
    assert week.score == pytest.approx(KIND_WEIGHTS[EventKind.AWARD] + 0.5)


def test_corroborated_story_outranks_equal_single_source_story() -> None:
    single = item("Acme Corp wins Edison Award", ago(3))
    multi = item("Acme Corp wins Gold Stevie award", ago(3), outlets=3)
    events, _ = rank([single, multi])
    assert [e.title for e in events] == [multi.title, single.title]


def test_order_by_score_then_date() -> None:
    award_old = item("Acme Corp wins Edison Award", ago(10))  # 1.0 + 0.37
    launch_new = item("Acme Corp launches HomeCell 3", ago(1))  # 0.8 + 0.91
    growth_mid = item("Acme Corp posts record revenue", ago(4))  # 0.9 + 0.67
    events, _ = rank([award_old, launch_new, growth_mid])
    # The learned reading adds its view where it knows the words, so only the order of the
    # score is pinned, and that a day-old launch outranks a ten-day-old award.
    assert [e.score for e in events] == sorted((e.score for e in events), reverse=True)
    titles = [e.title for e in events]
    assert titles.index(launch_new.title) < titles.index(award_old.title)
    assert len(titles) == 3


def test_equal_scores_put_the_later_date_first() -> None:
    # Both are "today" or slightly ahead (clock skew): equal recency, equal kind, equal score.
    earlier = item("Acme Corp wins Edison Award", NOW)
    later = item("Acme Corp wins Gold Stevie award", NOW + timedelta(hours=2))
    for ordered in ([earlier, later], [later, earlier]):
        events, _ = rank(ordered)
        assert events[0].score == events[1].score
        assert [e.title for e in events] == [later.title, earlier.title]


def test_limit_is_honoured_and_keeps_the_best() -> None:
    awards = [
        "Edison",
        "Webby",
        "Red Dot",
        "Good Design",
        "iF Design",
        "Deloitte",
        "Stevie",
        "Clio",
    ]
    items = [
        item(f"Acme Corp wins the {a} Award for its batteries", ago(n))
        for n, a in enumerate(awards)
    ]
    events, skipped = rank(items, limit=3)
    everything, _ = rank(items, limit=10)
    assert len(everything) == 8 and events == everything[:3]
    assert [e.score for e in everything] == sorted((e.score for e in everything), reverse=True)
    assert skipped == ()
    assert rank(items, limit=0)[0] == ()


def test_every_event_has_reasons_and_a_sentence() -> None:
    items = [
        item("Acme Corp wins 2026 Edison Award for its HomeCell solar battery", ago(2), outlets=2),
        item("City of Lakemont selects Acme Corp for municipal storage contract", ago(8)),
        item("Acme Corp and Brightwell Logistics announce fleet partnership", ago(10)),
        item("Acme Corp expands recycling program to three more states", None),
        item("Acme Corp marks 50 years with community celebration", ago(19)),
        item("Acme Corp to acquire Voltaire Labs for $120 million", ago(17)),
    ]
    events, skipped = rank(items)
    assert len(events) == len(items) and skipped == ()
    for event in events:
        assert event.reasons and all(r.strip() for r in event.reasons)
        assert event.reasons[0] == "the headline names Acme Corp"
        assert event.sentence.endswith(".") and "Acme Corp" in event.sentence
        assert event.kind in KIND_WEIGHTS
        if event.published is not None:
            assert any(r.startswith("published ") for r in event.reasons)
    kinds = {e.title: e.kind for e in events}
    assert kinds[items[1].title] is EventKind.NEW_ACCOUNT
    assert kinds[items[5].title] is EventKind.ACQUISITION


def test_age_text_in_reasons() -> None:
    events, _ = rank(
        [
            item("Acme Corp wins Edison Award", NOW - timedelta(hours=3)),
            item("Acme Corp launches HomeCell 3", NOW - timedelta(days=1, hours=2)),
            item("Acme Corp opens Denver office", NOW - timedelta(days=5, hours=1)),
        ]
    )
    reasons = {e.title: e.reasons[2] for e in events}
    assert reasons["Acme Corp wins Edison Award"] == "published today (2026-11-20)"
    assert reasons["Acme Corp launches HomeCell 3"] == "published yesterday (2026-11-19)"
    assert reasons["Acme Corp opens Denver office"] == "published 5 days ago (2026-11-15)"


def test_event_carries_item_fields() -> None:
    story = item("Acme Corp wins Edison Award", ago(1), outlets=2, url="https://x.example/a")
    (event,), _ = rank([story])
    assert (event.url, event.published, event.publisher, event.source) == (
        "https://x.example/a",
        story.published,
        "Outlet 0",
        "test",
    )
    assert event.outlets == story.outlets


def test_mentions_are_found_as_whole_words_with_their_position() -> None:
    from research.judge.match import Mention, find_mention

    acme = Company(slug="acme-corp", name="Acme Corp", aliases=("Acme",))
    assert find_mention(item("Beta selects Acme Corp", NOW), acme) == Mention(
        "Acme Corp", "headline", 13
    )
    assert find_mention(item("ACME CORP wins", NOW), acme) == Mention("Acme Corp", "headline", 0)
    assert isinstance(find_mention(item("Acmeville fair opens", NOW), acme), str)
    att = Company(slug="at-t", name="AT&T")
    assert find_mention(item("AT&T wins", NOW), att) == Mention("AT&T", "headline", 0)
    assert isinstance(find_mention(item("AT&Tx wins", NOW), att), str)


def test_age_is_counted_in_calendar_days() -> None:
    from datetime import datetime, timezone

    from research.judge.rank import _age_text

    now = datetime(2026, 11, 20, 12, tzinfo=timezone.utc)
    assert "yesterday" in _age_text(datetime(2026, 11, 19, 23, tzinfo=timezone.utc), now)
    assert "2 days ago" in _age_text(datetime(2026, 11, 18, 14, 5, tzinfo=timezone.utc), now)
    assert "today" in _age_text(datetime(2026, 11, 20, 0, 1, tzinfo=timezone.utc), now)


def test_one_event_told_by_several_outlets_is_shown_once_with_every_outlet() -> None:
    """Different words, one event: same kind, same amount or other party, within days."""
    told = [
        item("Acme Corp buys Voltaire Labs for $2.7 billion", ago(1), url="https://a.example/1"),
        item("Acme Corp to Buy Voltaire Labs for $2.7 Billion", ago(2), url="https://b.example/2"),
        item("UPDATE 1-Acme Corp buys Voltaire Labs in a deal", ago(1), url="https://c.example/3"),
    ]
    told = [
        replace(t, outlets=(Outlet(f"Outlet {n}", f"o{n}.example", t.url, "test"),))
        for n, t in enumerate(told)
    ]
    other = item("Acme Corp buys Brightwell Logistics for $400 million", ago(1))
    much_later = item("Acme Corp completes Voltaire Labs purchase for $2.7 billion", ago(12))
    events, _ = rank([*told, other, much_later])
    titles = [e.title for e in events]
    assert titles.count("Acme Corp buys Voltaire Labs for $2.7 billion") == 1
    assert not any(t.startswith(("UPDATE", "Acme Corp to Buy")) for t in titles)
    merged = next(e for e in events if e.title == "Acme Corp buys Voltaire Labs for $2.7 billion")
    assert {o.domain for o in merged.outlets} == {"o0.example", "o1.example", "o2.example"}
    assert merged.published == ago(2)  # when the event was first told
    assert other.title in titles and much_later.title in titles


def test_distinct_events_of_one_kind_stay_apart() -> None:
    awards = [
        item("Acme Corp wins the Edison Award for its batteries", ago(1)),
        item("Acme Corp wins the Webby Award for its app", ago(1)),
        item("Acme Corp named a top employer by the Daily Ledger", ago(2)),
    ]
    events, _ = rank(awards)
    assert len(events) == 3

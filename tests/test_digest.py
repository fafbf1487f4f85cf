"""The weekly digest end to end: a watchlist served by the local server over two simulated weeks."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

import feedparser
import pytest

import research
from research import Digest, InvalidInput, IsoWeek
from research.digest.data import events_for_week, same_event
from research.digest.publish import due_weeks
from research.models import Event, EventKind
from sources import HttpLimits, Outlet

from .server import Reply, TestServer

WEEK_46 = IsoWeek(2026, 46)  # Mon 9 Nov - Sun 15 Nov 2026
WEEK_47 = IsoWeek(2026, 47)  # Mon 16 Nov - Sun 22 Nov 2026
SATURDAY_46 = datetime(2026, 11, 14, 12, tzinfo=timezone.utc)
SATURDAY_47 = datetime(2026, 11, 21, 12, tzinfo=timezone.utc)


def at(day: int, hour: int = 9) -> datetime:
    return datetime(2026, 11, day, hour, tzinfo=timezone.utc)


def rss(*items: tuple[str, str, datetime]) -> bytes:
    """A hand-made RSS 2.0 feed of (title, link, published) items."""
    entries = "".join(
        f"<item><title>{escape(title)}</title><link>{escape(link)}</link>"
        f"<pubDate>{format_datetime(published)}</pubDate></item>"
        for title, link, published in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>test</title>{entries}</channel></rss>"
    ).encode()


AWARD = ("Acme Corp wins 2026 Edison Award for its recycling line", "https://news.example/acme-award", at(10))
LAYOFF = ("Acme Corp cuts 200 jobs at its Ohio plant", "https://news.example/acme-jobs", at(11))
FUNDING = ("Beta Labs raises $40 million in Series B funding", "https://wire.example/beta-b", at(12))
PLANT = ("Acme Corp opens new plant in Ohio", "https://news.example/acme-plant", at(17))
LATE = ("Beta Labs partners with Contoso on battery recycling", "https://wire.example/beta-contoso", at(13))  # fmt: skip


@pytest.fixture
def world(server: TestServer, monkeypatch: pytest.MonkeyPatch) -> TestServer:
    """Three watched companies: two with feeds, one whose feed is broken; searches say nothing."""
    empty = rss()
    server.route("/google", Reply(200, empty))
    server.route("/bing", Reply(200, empty))
    monkeypatch.setenv("RESEARCH_GOOGLE_NEWS_URL", server.url("/google"))
    monkeypatch.setenv("RESEARCH_BING_NEWS_URL", server.url("/bing"))
    research.add_company("acme-corp", name="Acme Corp", feeds=[server.url("/acme.xml")])
    research.add_company("beta-labs", name="Beta Labs", feeds=[server.url("/beta.xml")])
    research.add_company("gamma-works", name="Gamma Works", feeds=[server.url("/gamma.xml")])
    server.route("/gamma.xml", Reply(404, b"gone", {"Content-Type": "text/plain"}))
    research.watch(["acme-corp", "beta-labs", "gamma-works"], now=at(1))
    return server


def titles(digest: Digest) -> dict[str, list[str]]:
    return {s.company.slug: [e.title for e in s.events] for s in digest.sections}


def test_two_weeks_each_event_once_in_its_own_week_and_late_news_joins_its_week(
    world: TestServer, tmp_path: Path
) -> None:
    world.route("/acme.xml", Reply(200, rss(AWARD, LAYOFF)))
    world.route("/beta.xml", Reply(200, rss(FUNDING)))

    first = research.weekly_digest(week="2026-W46", now=SATURDAY_46)
    assert titles(first) == {"acme-corp": [AWARD[0]], "beta-labs": [FUNDING[0]], "gamma-works": []}
    assert [(f.company, f.reason) for f in first.failures] == [("Gamma Works", "not_found")]
    written = research.save_digest(first, out=tmp_path, now=SATURDAY_46)
    assert [p.name for p in written] == ["2026-W46.md", "2026-W46.html", "feed.xml"]
    markdown = (tmp_path / "2026-W46.md").read_text()
    readable = markdown.replace("\\", "")  # as a reader sees it, without Markdown escapes
    for event in (*first.sections[0].events, *first.sections[1].events):
        assert event.title in readable and event.sentence in readable
    assert LAYOFF[0] not in readable

    # Regenerating the same week the next hour: the same files, byte for byte.
    html_before = (tmp_path / "2026-W46.html").read_bytes()
    again = research.weekly_digest(week="2026-W46", now=SATURDAY_46 + timedelta(hours=1))
    research.save_digest(again, out=tmp_path, now=SATURDAY_46 + timedelta(hours=1))
    assert (tmp_path / "2026-W46.md").read_text() == markdown
    assert (tmp_path / "2026-W46.html").read_bytes() == html_before

    # A week later the award has dropped out of the feed, a late item of week 46 arrives,
    # and there is new news of week 47.
    world.route("/acme.xml", Reply(200, rss(PLANT)))
    world.route("/beta.xml", Reply(200, rss(LATE, FUNDING)))
    second = research.weekly_digest(now=SATURDAY_47)
    assert second.week == WEEK_47
    assert titles(second) == {"acme-corp": [PLANT[0]], "beta-labs": [], "gamma-works": []}
    research.save_digest(second, out=tmp_path, now=SATURDAY_47)

    # Week 46 again: what it reported is kept (the award left the feed), the late item joins.
    redone = research.weekly_digest(week=WEEK_46, now=SATURDAY_47)
    assert titles(redone)["acme-corp"] == [AWARD[0]]
    assert sorted(titles(redone)["beta-labs"]) == sorted([FUNDING[0], LATE[0]])
    research.save_digest(redone, out=tmp_path, now=SATURDAY_47)
    assert LATE[0] in (tmp_path / "2026-W46.md").read_text()
    assert LATE[0] not in (tmp_path / "2026-W47.md").read_text()

    feed = feedparser.parse((tmp_path / "feed.xml").read_bytes())
    assert not feed.bozo
    assert [e.title for e in feed.entries] == ["Weekly digest 2026-W47", "Weekly digest 2026-W46"]


def make_event(title: str, url: str | None, published: datetime | None, *outlets: str) -> Event:
    return Event(
        title=title, url=url, publisher="News", publisher_domain="news.example",
        published=published, kind=EventKind.AWARD, score=1.0, reasons=("award",),
        sentence="Congratulations.", source="feed",
        outlets=tuple(Outlet("News", "news.example", o, "feed") for o in outlets),
    )  # fmt: skip


def test_a_story_reported_in_one_week_is_never_listed_in_another() -> None:
    """The store's memory wins over a date that moved: no story is reported twice."""
    event = make_event(AWARD[0], AWARD[1], at(17))
    assert events_for_week(WEEK_47, [event], (), [make_event(AWARD[0], AWARD[1], at(13))]) == ()
    assert events_for_week(WEEK_47, [event], (), ()) == (event,)
    undated = make_event(AWARD[0], AWARD[1], None)
    assert events_for_week(WEEK_47, [undated], (), ()) == ()


def test_one_story_reached_by_another_link_or_headline_is_listed_once() -> None:
    """Which link a merged story shows depends on which sources answered: an aggregator's link
    on one run, the publisher's on the next. It is still the story the week already has."""
    first = make_event(AWARD[0], "https://news.google.com/rss/articles/abc", at(10))
    via_publisher = make_event(
        AWARD[0] + " - The Daily Ledger", "https://news.example/acme-award?utm_source=x", at(10),
        "https://news.google.com/rss/articles/abc",
    )  # fmt: skip
    reworded = make_event(
        "Acme Corp wins the 2026 Edison Award for its recycling line", "https://other.example/a",
        at(11),
    )  # fmt: skip
    other = make_event("Acme Corp opens new plant in Ohio", "https://news.example/plant", at(12))
    kept = events_for_week(WEEK_46, [via_publisher, reworded, other], (first,), ())
    assert sorted(e.url or "" for e in kept) == sorted([first.url or "", other.url or ""])
    assert same_event(first, via_publisher) and same_event(first, reworded)
    assert not same_event(first, other)


def test_a_failing_source_is_listed_and_the_digest_still_written(
    world: TestServer, tmp_path: Path, fast_limits: HttpLimits
) -> None:
    world.route("/acme.xml", Reply(500, b"down", {"Content-Type": "text/plain"}))
    world.route("/beta.xml", Reply(200, rss(FUNDING)))
    settings = research.load_settings(http=fast_limits)
    digest = research.weekly_digest(week=WEEK_46, now=SATURDAY_46, settings=settings)
    assert titles(digest)["beta-labs"] == [FUNDING[0]]
    failed = {(f.company, f.url.rsplit("/", 1)[-1]) for f in digest.failures}
    assert failed == {("Acme Corp", "acme.xml"), ("Gamma Works", "gamma.xml")}
    research.save_digest(digest, out=tmp_path, formats=["md"], now=SATURDAY_46)
    assert not (tmp_path / "2026-W46.html").exists()
    readable = (tmp_path / "2026-W46.md").read_text().replace("\\", "")
    # The news first, the failed sources at the end.
    assert readable.index(FUNDING[0]) < readable.index("acme.xml")
    assert readable.index(FUNDING[0]) < readable.index("gamma.xml")


def test_if_due_writes_this_week_once_and_completes_last_week_after_it_ends(
    world: TestServer, tmp_path: Path
) -> None:
    world.route("/acme.xml", Reply(200, rss(AWARD)))
    world.route("/beta.xml", Reply(200, rss(FUNDING)))
    assert due_weeks(now=SATURDAY_46) == [WEEK_46]
    research.save_digest(research.weekly_digest(now=SATURDAY_46), out=tmp_path, now=SATURDAY_46)
    assert due_weeks(now=SATURDAY_46 + timedelta(hours=5)) == []
    # Monday of week 47: last week's digest was written before the week ended, so it is due
    # once more (complete now), and this week's has never been written.
    monday = at(16, 7)
    assert due_weeks(now=monday) == [WEEK_46, WEEK_47]
    research.save_digest(research.weekly_digest(week=WEEK_46, now=monday), out=tmp_path, now=monday)
    assert due_weeks(now=monday) == [WEEK_47]
    assert due_weeks(WEEK_46, now=monday) == []


def test_bad_weeks_and_an_empty_watchlist_are_clear_errors() -> None:
    with pytest.raises(InvalidInput, match="2026-W47"):
        research.weekly_digest(week="47", now=SATURDAY_47)
    with pytest.raises(InvalidInput, match="has not started"):
        research.weekly_digest(week="2026-W49", now=SATURDAY_47)
    with pytest.raises(InvalidInput, match="2026-W54"):
        research.weekly_digest(week="2026-W54", now=SATURDAY_47)  # 2026 has 53 ISO weeks
    with pytest.raises(InvalidInput, match="has not started"):
        research.weekly_digest(week="2026-W53", now=SATURDAY_47)
    with pytest.raises(InvalidInput, match="watchlist is empty"):
        research.weekly_digest(now=SATURDAY_47)


def test_iso_weeks_are_counted_in_utc() -> None:
    assert str(IsoWeek.parse("2026w47")) == "2026-W47"
    assert IsoWeek.of(datetime(2026, 11, 22, 23, 30, tzinfo=timezone.utc)) == WEEK_47
    assert IsoWeek.of(datetime(2026, 11, 23, 0, 30, tzinfo=timezone(timedelta(hours=2)))) == WEEK_47
    assert WEEK_47.start == datetime(2026, 11, 16, tzinfo=timezone.utc)
    assert WEEK_47.contains(WEEK_47.end - timedelta(microseconds=1))
    assert not WEEK_47.contains(WEEK_47.end)
    assert IsoWeek.of(datetime(2027, 1, 1, tzinfo=timezone.utc)) == IsoWeek(2026, 53)

"""N14, N21 and N22 of HOSTILE.md across runs: what one run learns about a URL, the next obeys.

Each test runs ``research.research`` (or ``fetch_all`` with the real ``Cache``) several times
against the local server, with ``now`` moved forward between runs, and counts the requests the
server saw. ``test_network.py`` has the same scenarios within a single run.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import sqlite3
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest

import research
from research.config import Settings, load_settings
from research.store.cache import CACHE_MIGRATIONS, Cache
from sources import CachedFeed, FetchReport, HttpClient, HttpLimits, RateLimited, fetch_all
from sources.fetch import GONE_RECHECK, MAX_RATE_LIMIT, active_hold, hold_after
from sources.models import Hold, Query
from sources.parse.feeds import ParsedFeed
from sources.providers.feed import Feed

from ..helpers import RECORDED_AT
from ..server import FIXTURES, Reply, TestServer

T = RECORDED_AT
FEED_BODY = (FIXTURES / "feeds" / "acme-newsroom.atom").read_bytes()
ATOM = {"Content-Type": "application/atom+xml"}
EMPTY_FEED = (
    b'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
    b"<title>Nothing yet</title><id>urn:empty</id><updated>2026-11-01T00:00:00Z</updated></feed>"
)


def run(settings: Settings, feeds: list[str], now: dt.datetime) -> research.Result:
    return research.research(
        "acme-corp", feeds=feeds, builtin=False, settings=settings, now=now, days=365
    )


def failures_of(result: research.Result) -> dict[str, research.SourceFailure]:
    return {failure.url: failure for failure in result.failures}


# --- N14 (and N15) a long Retry-After is remembered per URL --------------------------------------


@pytest.mark.parametrize("status", [429, 503])
def test_n14_a_long_retry_after_holds_only_that_url_across_runs_and_its_items_still_count(
    server: TestServer, fast_limits: HttpLimits, status: int
) -> None:
    settings = load_settings(http=fast_limits)
    limited = server.route(
        "/a.atom",
        Reply(200, FEED_BODY, ATOM),
        Reply(status, b"", {"Retry-After": "3600"}),  # an hour: far more than a run waits
        Reply(200, FEED_BODY, ATOM),
    )
    other = server.route("/b.atom", Reply(200, EMPTY_FEED, ATOM))  # same host
    feeds = [limited, other]

    first = run(settings, feeds, T)
    told = run(settings, feeds, T)  # the 429 or 503
    held = run(settings, feeds, T + dt.timedelta(minutes=59))
    stored = Cache(settings.cache_path).cached_feeds([limited])[limited]
    after = run(settings, feeds, T + dt.timedelta(minutes=60))

    assert first.events and not first.failures
    assert [hit.path for hit in server.hits_for("/a.atom")] == ["/a.atom"] * 3  # not in `held`
    assert len(server.hits_for("/b.atom")) == 4  # the other URL of the host is asked every run
    for result in (told, held):
        failure = failures_of(result)[limited]
        assert failure.reason == "rate_limited"
        assert "not asked again before 2026-11-20 13:00 UTC" in failure.error
        assert "using the 5 items stored 2026-11-20 12:00 UTC" in failure.error
        # The stored items still rank: the result is the same as when the feed answered.
        assert [e.title for e in result.events] == [e.title for e in first.events]
    assert list(failures_of(held)) == [limited]
    # The failures kept the stored items and their time.
    assert (len(stored.items), stored.fetched_at) == (5, T)
    assert not after.failures and after.events


def test_n14_a_retry_after_no_longer_than_a_run_waits_is_not_remembered(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    # No retries, so the 429 is final at once; its 1 s is within what a run would wait (2 s).
    settings = load_settings(http=replace(fast_limits, retries=0, max_retry_wait=2.0))
    url = server.route(
        "/a.atom", Reply(429, b"", {"Retry-After": "1"}), Reply(200, FEED_BODY, ATOM)
    )

    first = run(settings, [url], T)
    second = run(settings, [url], T)

    assert failures_of(first)[url].reason == "rate_limited" and not second.failures
    assert len(server.hits_for("/a.atom")) == 2  # asked again at once by the next run


def test_n14_a_hold_is_capped_at_a_day_and_a_clock_turned_back_does_not_stretch_it() -> None:
    error = RateLimited("rate-limited", url="http://x.example/", status=429, retry_after=1e12)

    hold = hold_after(error, None, T, waited=10.0)

    assert hold == Hold("rate_limited", T, T + MAX_RATE_LIMIT)
    cached = CachedFeed(None, None, (), T, hold=hold)
    assert active_hold(cached, T + MAX_RATE_LIMIT - dt.timedelta(seconds=1)) == hold
    assert active_hold(cached, T + MAX_RATE_LIMIT) is None
    assert active_hold(cached, T - dt.timedelta(hours=1)) is None  # set "in the future"
    gone = CachedFeed(None, None, (), T, hold=Hold("gone", T, T + GONE_RECHECK))
    assert active_hold(gone, T - dt.timedelta(days=1)) is None
    assert active_hold(gone, T + dt.timedelta(days=1)) is not None


# --- N21 a 410 is remembered; a 404 is not ---------------------------------------------------------


def test_n21_a_410_is_skipped_until_the_recheck_and_a_404_is_asked_every_run(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    settings = load_settings(http=fast_limits)
    gone = server.route(
        "/gone.xml",
        Reply(200, FEED_BODY, ATOM),
        Reply(410, b"gone", {"Content-Type": "text/plain"}),
        Reply(410, b"gone", {"Content-Type": "text/plain"}),  # still gone at the recheck
        Reply(200, FEED_BODY, ATOM),  # back at the second recheck
    )
    missing = server.route("/missing.xml", Reply(404, b"no", {"Content-Type": "text/plain"}))
    feeds = [gone, missing]
    day = dt.timedelta(days=1)
    # (time of the run, whether /gone.xml is asked)
    schedule = [
        (T - day, True),
        (T, True),  # the 410
        (T + day, False),
        (T + GONE_RECHECK - dt.timedelta(minutes=1), False),
        (T + GONE_RECHECK, True),  # the recheck: still 410
        (T + GONE_RECHECK + day, False),
        (T + 2 * GONE_RECHECK, True),  # the second recheck: back
    ]

    results = [run(settings, feeds, now) for now, _ in schedule]

    asked = [n for n, (_, expected) in enumerate(schedule) if expected]
    assert len(server.hits_for("/gone.xml")) == len(asked)
    assert len(server.hits_for("/missing.xml")) == len(schedule)  # a 404 is not remembered
    for result in results:
        assert failures_of(result)[missing].reason == "not_found"
    for n in (1, 2, 3, 4, 5):
        assert failures_of(results[n])[gone].reason == "gone"
    assert "not asked again before 2026-12-20 12:00 UTC" in failures_of(results[1])[gone].error
    # Not asked: the date first seen gone (kept through the recheck), the next check, what to do.
    for n, next_check in (
        (2, "2026-12-20 12:00"),
        (3, "2026-12-20 12:00"),
        (5, "2027-01-19 12:00"),
    ):
        error = failures_of(results[n])[gone].error
        assert "gone (HTTP 410) since 2026-11-20" in error
        assert f"not asked again before {next_check} UTC" in error
        assert "remove the feed from the company's profile" in error and "--feed" in error
    assert gone not in failures_of(results[-1]) and results[-1].events
    # Being gone never cost the stored items.
    stored = Cache(settings.cache_path).cached_feeds([gone])[gone]
    assert len(stored.items) == 5


# --- N22 a 200 that repeats the stored answer is not parsed ----------------------------------------


@dataclass(frozen=True)
class CountingFeed(Feed):
    """A feed source that appends a line to ``tally`` on each parse. Parsing runs in a worker
    process, so a counter in this process would see nothing."""

    tally: str = ""

    def parse(self, body: bytes, headers: Any, *, url: str, now: dt.datetime) -> ParsedFeed:
        with Path(self.tally).open("a") as tally:
            tally.write("parsed\n")
        return super().parse(body, headers, url=url, now=now)


def fetch_and_save(
    source: CountingFeed, cache: Cache, limits: HttpLimits, now: dt.datetime
) -> FetchReport:
    """One run as ``research`` does it: read the cache, fetch, save the outcomes."""

    async def go() -> FetchReport:
        async with HttpClient(limits) as http:
            cached = cache.cached_feeds([source.url])
            return await fetch_all([source], Query("Acme Corp"), http, now=now, cache=cached)

    report = asyncio.run(go())
    cache.save_outcomes(report.outcomes, now)
    return report


# name -> (first reply's ETag, second reply's ETag, second body, parsed again)
REPEATS: dict[str, tuple[str | None, str | None, bytes, bool]] = {
    "same strong ETag, other bytes": ('"v1"', '"v1"', FEED_BODY + b"\n", False),
    "same bytes, no ETag": (None, None, FEED_BODY, False),
    "same bytes, new ETag": ('"v1"', '"v2"', FEED_BODY, False),
    "same weak ETag, other bytes": ('W/"v1"', 'W/"v1"', FEED_BODY + b"\n", True),
    "new strong ETag, other bytes": ('"v1"', '"v2"', FEED_BODY + b"\n", True),
}


@pytest.mark.parametrize("case", list(REPEATS))
def test_n22_a_200_with_the_stored_strong_etag_or_bytes_reuses_the_items_unparsed(
    server: TestServer, fast_limits: HttpLimits, tmp_path: Path, case: str
) -> None:
    first_etag, second_etag, second_body, parsed_again = REPEATS[case]

    def reply(etag: str | None, body: bytes) -> Reply:
        # The server ignores If-None-Match: it always answers 200.
        return Reply(200, body, {**ATOM, **({"ETag": etag} if etag else {})})

    url = server.route("/feed.atom", reply(first_etag, FEED_BODY), reply(second_etag, second_body))
    tally = tmp_path / "tally"
    source = CountingFeed(url, tally=str(tally))
    cache = Cache(tmp_path / "cache.db")

    first = fetch_and_save(source, cache, fast_limits, T)
    second = fetch_and_save(source, cache, fast_limits, T + dt.timedelta(hours=1))

    (before,), (again,) = first.outcomes, second.outcomes
    assert len(server.hits_for("/feed.atom")) == 2
    assert len(tally.read_text().splitlines()) == (2 if parsed_again else 1)
    assert again.ok and again.items == before.items and before.items
    assert again.not_modified is not parsed_again  # reported like a 304
    stored = cache.cached_feeds([url])[url]
    assert stored.items == before.items
    assert (stored.etag, stored.fetched_at) == (second_etag, T + dt.timedelta(hours=1))


def test_n22_a_body_that_changed_and_changed_back_is_parsed_again(
    server: TestServer, fast_limits: HttpLimits, tmp_path: Path
) -> None:
    url = server.route(
        "/feed.atom",
        Reply(200, FEED_BODY, ATOM),
        Reply(200, EMPTY_FEED, ATOM),
        Reply(200, FEED_BODY, ATOM),
    )
    tally = tmp_path / "tally"
    source = CountingFeed(url, tally=str(tally))
    cache = Cache(tmp_path / "cache.db")

    reports = [fetch_and_save(source, cache, fast_limits, T) for _ in range(3)]

    first, emptied, back = (report.outcomes[0] for report in reports)
    assert len(tally.read_text().splitlines()) == 3  # the stored hash follows the stored items
    assert first.items and not emptied.items and back.items == first.items
    assert cache.cached_feeds([url])[url].items == first.items


def test_a_cache_from_before_the_hashes_and_holds_keeps_its_feeds(tmp_path: Path) -> None:
    path = tmp_path / "cache.db"
    old = sqlite3.connect(path)
    old.executescript(CACHE_MIGRATIONS[0])
    old.execute(
        "INSERT INTO http_cache (url, etag, fetched_at) VALUES (?, ?, ?)",
        ("https://x.example/feed", '"v1"', T.isoformat()),
    )
    old.execute("PRAGMA user_version = 1")
    old.commit()
    old.close()

    feed = Cache(path).cached_feeds(["https://x.example/feed"])["https://x.example/feed"]

    assert (feed.etag, feed.fetched_at, feed.body_sha256, feed.hold) == ('"v1"', T, None, None)


def test_a_held_source_with_stored_items_still_counts_and_a_never_answered_one_is_not_stored(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    """The run is not "every source failed" while a rate-limited feed's stored items rank; and
    --offline reports a URL that was only ever rate-limited as not stored, not as empty."""
    settings = load_settings(http=fast_limits)
    limited = server.route(
        "/a.atom", Reply(200, FEED_BODY, ATOM), Reply(429, b"", {"Retry-After": "3600"})
    )
    never = server.route("/never.atom", Reply(429, b"", {"Retry-After": "3600"}))
    run(settings, [limited], T)
    only_held = run(settings, [limited], T + dt.timedelta(minutes=1))
    assert only_held.events and only_held.failures
    assert not only_held.all_failed

    run(settings, [never], T)
    offline = research.research(
        "acme-corp", feeds=[never], builtin=False, settings=settings, offline=True, now=T
    )
    assert [f.reason for f in offline.failures] == ["not_stored"]
    assert offline.all_failed

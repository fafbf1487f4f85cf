"""P4, X2, X4, X5, L3: parsing runs under a deadline, off the event loop, in worker processes
that are killed when they overrun and stopped when the run ends.

Every body is crafted here and served by the real server on 127.0.0.1; the parsers are the real
ones. Deadlines are lowered to about a second so that a pathological input costs the test that
second, not the minutes it would take to parse.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import threading
import time
from collections.abc import Awaitable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

import pytest

import research
from research.config import load_settings
from sources import (
    Discovery,
    FetchReport,
    HttpClient,
    HttpLimits,
    Query,
    Source,
    discover_newsroom,
    feed_source,
    fetch_all,
    newsroom_source,
)
from sources.net.isolate import ParseLimits, parse_workers, run_parse

from ..helpers import RECORDED_AT
from ..server import FIXTURES, Reply, TestServer
from .misbehaving import Crashing, Greedy

T = TypeVar("T")
NOW = RECORDED_AT
ROOT = Path(__file__).resolve().parents[2]
QUERY = Query("Acme Corp")
RSS = {"Content-Type": "application/rss+xml; charset=utf-8"}
HTML = {"Content-Type": "text/html; charset=utf-8"}
GOOD_FEED = (FIXTURES / "feeds" / "acme-newsroom.atom").read_bytes()
MiB = 1024 * 1024


def _rss(items: Sequence[str], version: str = "2.0") -> bytes:
    return (
        f'<?xml version="1.0"?><rss version="{version}"><channel><title>Hostile</title>'
        + "".join(items)
        + "</channel></rss>"
    ).encode()


def quadratic_author_feed(items: int) -> bytes:
    """P4: feedparser's e-mail regex is quadratic in an author field of ``a@`` + ``a.`` x 16000
    (about 5 s for one such item, minutes for fifty). RSS 0.92, so that feedparser reads it: the
    plain RSS 2.0 reader never looks at authors (tests/test_plain_rss.py)."""
    author = "a@" + "a." * 16000
    return _rss(
        [
            f"<item><title>Item {n}</title><link>https://acme.example/{n}</link>"
            f"<author>{author}</author></item>"
            for n in range(items)
        ],
        version="0.92",
    )


def big_good_feed() -> bytes:
    """A well-formed feed over the thread threshold, so that it is parsed in a worker."""
    filler = "Acme news. " * 40
    return _rss(
        [
            f"<item><title>Acme Corp opens office {n}</title>"
            f"<link>https://acme.example/news/{n}</link>"
            f"<pubDate>Thu, 19 Nov 2026 10:00:00 GMT</pubDate>"
            f"<description>{filler}</description></item>"
            for n in range(60)
        ]
    )


def nested_divs(depth: int = 100_000) -> bytes:
    """X2: html.parser and bs4 take seconds over deep nesting (3.5 s for 100,000 divs)."""
    return ("<html><body>" + "<div>" * depth + "x" + "</div>" * depth + "</body></html>").encode()


def big_listing() -> bytes:
    """X5: a 3 MB newsroom listing of 1,000 dated releases (about 2 s to extract)."""
    card = (
        '<div class="card"><h3><a href="/news/{n}">Acme Corp announces milestone number {n}</a>'
        "</h3><p>November 3, 2026</p><p>" + "Acme Corp said today that things went well. " * 62
    ) + "</p></div>"
    cards = "".join(card.format(n=n) for n in range(1000))
    return f"<html><body><main>{cards}</main></body></html>".encode()


def _alive_parse_threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith("research-parse")]


def _worker_processes() -> list[int]:
    """This process's live children that are parse workers (Linux: read from /proc)."""
    children: list[int] = []
    for listing in Path(f"/proc/{os.getpid()}/task").glob("*/children"):
        try:
            children += [int(pid) for pid in listing.read_text().split()]
        except OSError:
            continue  # the thread ended while we looked
    workers = []
    for pid in children:
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue  # ended while we looked
        if b"sources.net.isolate" in command and Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z":
            workers.append(pid)
    return workers


@pytest.fixture(scope="module", autouse=True)
def _worker_started_once() -> None:
    """Start one worker first, so that no test's time bound pays the first start of an
    interpreter whose files are not yet in the page cache."""

    async def warm() -> None:
        async with parse_workers(ParseLimits(thread_max_bytes=0)):
            await run_parse(os.getpid, url="warm-up", size=1)

    asyncio.run(warm())


@pytest.fixture(autouse=True)
def _nothing_left_running() -> Iterator[None]:
    """L3: whatever a test did, no worker process or parse thread outlives it."""
    assert sys.platform == "linux", "these checks read /proc"
    yield
    assert _worker_processes() == []
    assert _alive_parse_threads() == []


def _fetch(
    limits: HttpLimits, sources: Sequence[Source], parse: ParseLimits | None = None
) -> tuple[FetchReport, float]:
    async def run() -> FetchReport:
        async with HttpClient(limits) as http, parse_workers(parse):
            return await fetch_all(sources, QUERY, http, now=NOW)

    started = time.monotonic()
    report = asyncio.run(run())
    return report, time.monotonic() - started


def _outcomes(report: FetchReport) -> dict[str, str]:
    """Each source's URL path and either "ok" or its failure reason."""
    return {
        o.url.split("/", 3)[3]: "ok" if o.ok else o.failure.reason  # type: ignore[union-attr]
        for o in report.outcomes
    }


async def _max_loop_lag(work: Awaitable[T]) -> tuple[T, float]:
    """``work``'s result and the longest the event loop went without running a 10 ms ticker."""
    lag = 0.0
    done = asyncio.Event()

    async def ticker() -> None:
        nonlocal lag
        while not done.is_set():
            before = time.monotonic()
            await asyncio.sleep(0.01)
            lag = max(lag, time.monotonic() - before - 0.01)

    ticking = asyncio.create_task(ticker())
    try:
        return await work, lag
    finally:
        done.set()
        await ticking


# --- P4: a quadratic parse ends that feed only -----------------------------------------------


@pytest.mark.parametrize("items", [1, 50])
def test_quadratic_author_feed_is_stopped_at_the_parse_deadline_and_the_other_feed_counts(
    server: TestServer, fast_limits: HttpLimits, items: int
) -> None:
    hostile = server.route("/hostile.xml", Reply(200, quadratic_author_feed(items), RSS))
    good = server.route("/good.atom", Reply(200, GOOD_FEED, RSS))
    report, elapsed = _fetch(
        fast_limits, [feed_source(hostile), feed_source(good)], ParseLimits(deadline=1.0)
    )
    assert _outcomes(report) == {"hostile.xml": "parse_timed_out", "good.atom": "ok"}
    (failure,) = report.failures
    assert hostile in failure.error and "1 s parse deadline" in failure.error
    assert report.items  # the good feed's items
    assert elapsed < 3  # unbounded, one item takes about 5 s and fifty take minutes


def test_a_caller_giving_up_mid_parse_leaves_no_worker_running(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    """L3: cancelling the run (a caller's own deadline) kills the parse in progress."""
    hostile = server.route("/hostile.xml", Reply(200, quadratic_author_feed(50), RSS))

    async def run() -> None:
        async with HttpClient(fast_limits) as http:
            await asyncio.wait_for(fetch_all([feed_source(hostile)], QUERY, http, now=NOW), 1.0)

    started = time.monotonic()
    with pytest.raises(asyncio.TimeoutError):
        asyncio.run(run())
    assert time.monotonic() - started < 3
    # _nothing_left_running checks that the worker is gone.


# --- X2: deep nesting is stopped and the page skipped with a reason ---------------------------


def test_a_deeply_nested_newsroom_page_is_skipped_with_a_reason(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    page = server.route("/news/", Reply(200, nested_divs(), HTML))
    good = server.route("/good.atom", Reply(200, GOOD_FEED, RSS))
    report, elapsed = _fetch(
        fast_limits, [newsroom_source(page), feed_source(good)], ParseLimits(deadline=1.0)
    )
    assert _outcomes(report) == {"news/": "parse_timed_out", "good.atom": "ok"}
    assert elapsed < 3  # unbounded, the listing takes over 3 s


# --- memory cap, crashes, replacement ---------------------------------------------------------


def test_a_parser_over_the_memory_cap_fails_its_source_only(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    greedy = server.route("/greedy", Reply(200, b"x" * 20_000, RSS))
    good = server.route("/good.xml", Reply(200, big_good_feed(), RSS))
    report, _ = _fetch(
        fast_limits, [Greedy(greedy), feed_source(good)], ParseLimits(memory_bytes=256 * MiB)
    )
    assert _outcomes(report) == {"greedy": "parse_too_big", "good.xml": "ok"}
    assert "more than 256 MiB" in report.failures[0].error


def test_a_crashed_parser_fails_its_source_only(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    crashing = server.route("/crashing", Reply(200, b"x" * 20_000, RSS))
    good = server.route("/good.xml", Reply(200, big_good_feed(), RSS))
    report, _ = _fetch(fast_limits, [Crashing(crashing), feed_source(good)])
    assert _outcomes(report) == {"crashing": "parse_crashed", "good.xml": "ok"}
    assert "exit code -9" in report.failures[0].error


def test_a_killed_worker_is_replaced_and_the_next_parse_works(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    """One worker only: after the timeout kills it, the next big body needs a new one."""
    hostile = server.route("/hostile.xml", Reply(200, quadratic_author_feed(1), RSS))
    crashing = server.route("/crashing", Reply(200, b"x" * 20_000, RSS))
    good = server.route("/good.xml", Reply(200, big_good_feed(), RSS))

    async def run() -> list[FetchReport]:
        async with (
            HttpClient(fast_limits) as http,
            parse_workers(ParseLimits(deadline=1.0, workers=1)),
        ):
            return [
                await fetch_all([source], QUERY, http, now=NOW)
                for source in (feed_source(hostile), Crashing(crashing), feed_source(good))
            ]

    timed_out, crashed, fine = asyncio.run(run())
    assert _outcomes(timed_out) == {"hostile.xml": "parse_timed_out"}
    assert _outcomes(crashed) == {"crashing": "parse_crashed"}
    assert _outcomes(fine) == {"good.xml": "ok"} and len(fine.items) == 60


# --- X5: a big extraction does not starve the other downloads ---------------------------------


def test_twenty_feeds_arrive_on_time_while_a_3_mb_page_is_extracted(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    page = server.route("/news/", Reply(200, big_listing(), HTML))
    feeds = [
        server.route(f"/feed-{n}.atom", Reply(200, GOOD_FEED, RSS, delay=0.5)) for n in range(20)
    ]
    # One local server stands for 20 hosts: no per-host queue.
    limits = replace(fast_limits, read_timeout=2.0, request_deadline=4.0, max_per_host=21)

    async def run() -> FetchReport:
        async with HttpClient(limits) as http:
            sources = [newsroom_source(page), *(feed_source(url) for url in feeds)]
            report, lag = await _max_loop_lag(fetch_all(sources, QUERY, http, now=NOW))
        assert lag < 0.5  # extraction on the loop thread would hold it for seconds
        return report

    report = asyncio.run(run())
    outcomes = _outcomes(report)
    assert outcomes.pop("news/") == "ok"
    assert set(outcomes.values()) == {"ok"} and len(outcomes) == 20


# --- discovery: parsed off the loop; a page it cannot read becomes a note ---------------------


def _discover(limits: HttpLimits, origin: str, parse: ParseLimits | None = None) -> Discovery:
    async def run() -> Discovery:
        async with HttpClient(limits) as http, parse_workers(parse):
            found, lag = await _max_loop_lag(discover_newsroom(origin, http, now=NOW))
        assert lag < 0.5  # parsing on the loop thread would hold it for seconds
        return found

    return asyncio.run(run())


def test_a_home_page_a_parser_rejects_is_a_note_not_an_exception(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    """X4: bs4's html.parser raised ParserRejectedMarkup on ``<![`` and it escaped research()
    (sources.parse.text now falls back to another parser; discovery would turn it into a note)."""
    server.route("/", Reply(200, b"<html><body><![ x</body></html>", HTML))
    found = _discover(fast_limits, server.url("").rstrip("/"))
    assert found.reachable
    assert found.feeds == () and found.pages == ()


def test_a_deeply_nested_home_page_is_stopped_off_the_loop_and_noted(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    server.route("/", Reply(200, nested_divs(), HTML))
    started = time.monotonic()
    found = _discover(fast_limits, server.url("").rstrip("/"), ParseLimits(deadline=1.0))
    assert time.monotonic() - started < 3  # unbounded, the home page takes over 5 s
    assert found.reachable and found.feeds == () and found.pages == ()
    assert any("1 s parse deadline" in note for note in found.notes), found.notes


# --- L3: nothing left running after research() ------------------------------------------------


def test_research_leaves_no_worker_or_parse_thread_behind(server: TestServer) -> None:
    small = server.route("/small.atom", Reply(200, GOOD_FEED, RSS))
    big = server.route("/big.xml", Reply(200, big_good_feed(), RSS))
    settings = load_settings(allow_private="127.0.0.1")
    result = research.research(
        "acme-corp", feeds=[small, big], builtin=False, settings=settings, now=NOW
    )
    assert not result.failures
    assert _worker_processes() == []
    assert _alive_parse_threads() == []


def test_a_script_without_a_main_guard_runs_once(server: TestServer, tmp_path: Path) -> None:
    """Workers are fresh interpreters, not multiprocessing children: they never import the
    caller's main module, so a plain script calling the library is not run again in each."""
    big = server.route("/big.xml", Reply(200, big_good_feed(), RSS))
    script = tmp_path / "note_writer.py"
    script.write_text(
        "import research\n"
        "print('script ran', flush=True)\n"
        f"result = research.research('acme-corp', feeds=[{big!r}], builtin=False,\n"
        "    settings=research.load_settings(allow_private='127.0.0.1'))\n"
        "print(len(result.events), 'events', len(result.failures), 'failures')\n"
    )
    completed = subprocess.run(
        [sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.count("script ran") == 1
    assert completed.stdout.rstrip().endswith("0 failures")
    assert len(server.hits_for("/big.xml")) == 1

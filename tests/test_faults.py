"""Each scripted fault as one source among working ones: its failure value, and the rest still count.

The whole path runs for real: research() -> fetch -> HTTP client -> socket on 127.0.0.1.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

import research
from research.config import load_settings
from sources import HttpLimits

from .helpers import LOOPBACK, RECORDED_AT
from .server import Reply, TestServer

FEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "feeds"
GOOGLE = (FEEDS / "google-news-acme-corp.xml").read_bytes()
BING = (FEEDS / "bing-news-acme-corp.xml").read_bytes()
RSS = {"Content-Type": "application/rss+xml; charset=utf-8"}

# Short waits so that timeouts and retries take well under a second each.
LIMITS = HttpLimits(
    connect_timeout=1.0,
    read_timeout=0.5,
    request_deadline=1.0,
    source_deadline=4.0,
    backoff=(0.05, 0.1),
    max_retry_wait=0.3,
    max_body_bytes=512 * 1024,
    allow_private=LOOPBACK,
)


def _run(server: TestServer, *bing_replies: Reply) -> research.Result:
    settings = load_settings(
        google_news_url=server.route("/google", Reply(200, GOOGLE, RSS)),
        bing_news_url=server.route("/bing", *bing_replies),
        http=LIMITS,
    )
    return research.research("acme-corp", settings=settings, now=RECORDED_AT)


FAULTS = {
    "slow": ([Reply(200, BING, RSS, delay=2.0)], "timed_out", "stopped answering"),
    "not found": ([Reply(404, b"gone", {"Content-Type": "text/plain"})], "not_found", "404"),
    "rate limited": (
        [Reply(429, b"", {"Retry-After": "3600"})],
        "rate_limited",
        "asks to wait 60 min",
    ),
    "redirect loop": (
        [Reply(302, headers={"Location": "/bing-b"})],
        "redirects",
        "redirect loop",
    ),
    "oversize": (
        [Reply(200, b"<rss>" + b" " * (600 * 1024) + b"</rss>", RSS)],
        "too_large",
        "524,288",
    ),
    "html instead of a feed": (
        [Reply(200, (FEEDS / "not-a-feed.html").read_bytes(), {"Content-Type": "text/html"})],
        "not_a_feed",
        "web page",
    ),
    "blocked": (
        [Reply(403, b"<html>are you a robot?</html>", {"Content-Type": "text/html"})],
        "blocked",
        "blocked by 127.0.0.1",
    ),
    "server error every time": ([Reply(503)], "server_error", "HTTP 503"),
    "cut mid-body": (
        [Reply(200, BING, {**RSS, "Content-Length": str(len(BING) + 500)}, cut_after=300)],
        "incomplete",
        "cut the connection",
    ),
    "empty body": ([Reply(200, b"", RSS)], "empty", "empty response"),
}


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_fault_is_a_failure_value_and_other_sources_still_count(
    server: TestServer, fault: str
) -> None:
    replies, reason, message = FAULTS[fault]
    if fault == "redirect loop":
        server.route("/bing-b", Reply(302, headers={"Location": "/bing"}))
    result = _run(server, *replies)

    assert [(f.source, f.reason) for f in result.failures] == [("bing-news", reason)]
    assert message in result.failures[0].error
    assert not result.all_failed
    # Google's items still count: the award story is found, credited to Google's outlets only.
    assert result.events and result.events[0].kind is research.EventKind.AWARD
    assert all(e.source == "google-news" for e in result.events)


def test_server_error_then_success_is_retried_and_counted_once(server: TestServer) -> None:
    result = _run(server, Reply(500), Reply(502), Reply(200, BING, RSS))
    assert not result.failures
    assert len(server.hits_for("/bing")) == 3
    titles = [e.title for e in result.events]
    assert len(titles) == len(set(titles))
    assert any(e.source == "bing-news" for e in result.events)


def test_short_retry_after_is_waited_out(server: TestServer) -> None:
    result = _run(server, Reply(429, headers={"Retry-After": "0"}), Reply(200, BING, RSS))
    assert not result.failures
    assert len(server.hits_for("/bing")) == 2


def test_gzip_feed_is_decoded(server: TestServer) -> None:
    result = _run(server, Reply(200, gzip.compress(BING), {**RSS, "Content-Encoding": "gzip"}))
    assert not result.failures
    assert any("Pacific Crest" in e.title for e in result.events)


def test_gzip_bomb_is_too_large_not_a_memory_blowup(server: TestServer) -> None:
    bomb = gzip.compress(b"\0" * (64 * 1024 * 1024), compresslevel=9)
    result = _run(server, Reply(200, bomb, {**RSS, "Content-Encoding": "gzip"}))
    assert [f.reason for f in result.failures] == ["too_large"]


def test_wrong_charset_header_still_reads_the_feed(server: TestServer) -> None:
    body = (FEEDS / "windows-1252.xml").read_bytes()
    feed = server.route(
        "/cp1252", Reply(200, body, {"Content-Type": "application/rss+xml; charset=utf-8"})
    )
    settings = load_settings(http=LIMITS)
    result = research.research(
        "acme-corp", feeds=[feed], builtin=False, days=365, settings=settings, now=RECORDED_AT
    )
    assert not result.failures
    texts = [e.title for e in result.events] + [s.title for s in result.skipped]
    assert texts, "the feed gave no items"
    assert not any("\ufffd" in t for t in texts)
    assert any("é" in t or "\u2014" in t or "\u201c" in t for t in texts)

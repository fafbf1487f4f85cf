"""The HTTP client and fetch_all against a real server on 127.0.0.1: limits, faults, decoding.

Every test goes through the whole fetch path over a real socket (tests/server.py) and checks the
exact error class, what its message tells a user, and how often the server was hit.
"""

from __future__ import annotations

import asyncio
import gzip
import re
import socket
import threading
import time
import tracemalloc
import zlib
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from functools import cache
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING, Any

import pytest

import sources
from sources import (
    Blocked,
    CachedFeed,
    ConnectFailed,
    FetchReport,
    Gone,
    HttpClient,
    HttpLimits,
    IncompleteBody,
    InvalidURL,
    Item,
    NotFound,
    ProtocolError,
    Query,
    RateLimited,
    Response,
    ServerError,
    SourceError,
    TimedOut,
    TooLarge,
    TooManyRedirects,
    UnsupportedEncoding,
    fetch_all,
)
from sources.net.failures import parse_retry_after

from . import server as test_server
from .helpers import LOOPBACK
from .server import FIXTURES, Reply

if TYPE_CHECKING:
    from .server import Hit, TestServer

NOW = datetime(2026, 11, 20, 12, tzinfo=timezone.utc)
QUERY = Query("Acme Corp")
HOME_PAGE = "https://github.com/research-notes/research"
KIB = 1024
MIB = 1024 * 1024
SMALL_CAP = 64 * KIB
ATOM_URLS = {
    "https://acme.example/news/homecell-edison-award-2026",
    "https://acme.example/news/voltaire-labs-acquisition-complete",
    "https://acme.example/news/q3-2026-results",
    "https://acme.example/news/acme-at-50",
    "https://acme.example/news/priya-raman-chief-sustainability-officer",
}


# --- helpers ------------------------------------------------------------------------------------


async def _get(url: str, limits: HttpLimits | None, **kwargs: Any) -> Response:
    async with HttpClient(limits or HttpLimits(allow_private=LOOPBACK)) as http:
        return await http.get(url, **kwargs)


def get(url: str, limits: HttpLimits | None = None, **kwargs: Any) -> Response:
    return asyncio.run(_get(url, limits, **kwargs))


def get_error(
    url: str, limits: HttpLimits | None, expected: type[SourceError]
) -> tuple[SourceError, float]:
    """The error a GET raises (exactly of class ``expected``) and the seconds it took."""
    start = time.monotonic()
    with pytest.raises(expected) as info:
        get(url, limits)
    elapsed = time.monotonic() - start
    assert type(info.value) is expected, f"{type(info.value).__name__}: {info.value}"
    return info.value, elapsed


async def _fetch(
    feed_sources: list[Any], limits: HttpLimits, cache: dict[str, CachedFeed] | None = None
) -> FetchReport:
    async with HttpClient(limits) as http:
        return await fetch_all(feed_sources, QUERY, http, now=NOW, cache=cache)


def fetch(
    feed_sources: list[Any], limits: HttpLimits, cache: dict[str, CachedFeed] | None = None
) -> FetchReport:
    return asyncio.run(_fetch(feed_sources, limits, cache))


def header(hit: Hit, name: str) -> str | None:
    """A request header as the server received it, looked up case-insensitively."""
    return {k.lower(): v for k, v in hit.headers.items()}.get(name.lower())


def send(
    handler: BaseHTTPRequestHandler, status: int, headers: dict[str, str], body: bytes = b""
) -> None:
    """Write a whole response from a raw handler, ignoring a client that already left."""
    try:
        handler.send_response(status)
        for name, value in headers.items():
            handler.send_header(name, value)
        handler.end_headers()
        handler.wfile.write(body)
    except (BrokenPipeError, ConnectionResetError):
        handler.close_connection = True


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / "feeds" / name).read_bytes()


def free_port() -> int:
    """A port on 127.0.0.1 with nobody listening: bound once, then released."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@cache
def gzip_bomb() -> bytes:
    return gzip.compress(b"\0" * (50 * MIB), compresslevel=6)


FEED_BODY = fixture_bytes("acme-newsroom.atom")
ATOM = {"Content-Type": "application/atom+xml"}


# --- plain success ------------------------------------------------------------------------------


def test_plain_200_body_is_returned_intact(server: TestServer, fast_limits: HttpLimits) -> None:
    body = bytes(range(256)) * 40 + "Québec — “quotes”".encode()
    url = server.route("/plain", Reply(200, body, {"Content-Type": "application/octet-stream"}))

    response = get(url, fast_limits)

    assert response.status == 200
    assert response.body == body
    assert response.url == url
    assert response.headers["content-type"] == "application/octet-stream"
    assert len(server.hits_for("/plain")) == 1


def test_request_headers_name_the_tool_and_offer_only_gzip_and_deflate(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    url = server.route("/ua", Reply(200, b"ok"))

    get(url, fast_limits)

    (hit,) = server.hits_for("/ua")
    user_agent = header(hit, "User-Agent") or ""
    assert user_agent.startswith("research/")
    assert re.fullmatch(r"research/\S+ \(\+" + re.escape(HOME_PAGE) + r"\)", user_agent)
    offered = {c.strip().lower() for c in (header(hit, "Accept-Encoding") or "").split(",")}
    assert offered == {"gzip", "deflate"}
    # No validators unless the caller has them.
    assert header(hit, "If-None-Match") is None
    assert header(hit, "If-Modified-Since") is None


# --- timeouts -----------------------------------------------------------------------------------


def test_headers_slower_than_read_timeout_time_out_after_retries(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    url = server.route("/slow", Reply(200, b"late", delay=1.3))

    error, elapsed = get_error(url, fast_limits, TimedOut)

    assert "127.0.0.1" in error.message
    assert "read timeout" in error.message
    # Timeouts are retried: 1 attempt + 2 retries, each ending at the 1 s read timeout.
    assert len(server.hits_for("/slow")) == 1 + fast_limits.retries
    attempts = 1 + fast_limits.retries
    budget = attempts * fast_limits.read_timeout + sum(fast_limits.backoff) * 1.25
    assert attempts * fast_limits.read_timeout * 0.9 <= elapsed < budget + 1.5
    assert elapsed < fast_limits.source_deadline


def test_trickled_body_is_ended_by_the_request_deadline(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    limits = replace(fast_limits, request_deadline=1.0, source_deadline=20.0)
    # 40 bytes at 0.2 s each would take 8 s: only the deadline can end it sooner.
    url = server.route("/trickle", Reply(200, b"x" * 40, trickle=0.2))

    error, elapsed = get_error(url, limits, TimedOut)

    assert "127.0.0.1" in error.message
    assert "within 1 s" in error.message
    hits = len(server.hits_for("/trickle"))
    assert 1 <= hits <= 1 + limits.retries
    # Each attempt is cut at the 1 s deadline although bytes keep arriving within the read timeout.
    assert elapsed < hits * limits.request_deadline + sum(limits.backoff) * 1.25 + 1.0
    assert elapsed < limits.source_deadline / 3


# --- status codes -------------------------------------------------------------------------------


def test_404_is_not_found_without_retry(server: TestServer, fast_limits: HttpLimits) -> None:
    url = server.route("/missing", Reply(404, b"nope", {"Content-Type": "text/plain"}))

    error, _ = get_error(url, fast_limits, NotFound)

    assert error.status == 404
    assert "404" in error.message
    assert url in error.message
    assert error.reason == "not_found"
    assert len(server.hits_for("/missing")) == 1


def test_410_is_gone(server: TestServer, fast_limits: HttpLimits) -> None:
    url = server.route("/old", Reply(410, b"gone"))

    error, _ = get_error(url, fast_limits, Gone)

    assert error.status == 410
    assert "410" in error.message
    assert url in error.message
    assert "remove" in error.message
    assert len(server.hits_for("/old")) == 1


def test_403_html_challenge_is_blocked_without_retry(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    page = b"<html><body>Checking your browser...</body></html>"
    url = server.route("/guarded", Reply(403, page, {"Content-Type": "text/html"}))

    error, _ = get_error(url, fast_limits, Blocked)

    assert error.status == 403
    assert "127.0.0.1" in error.message
    assert "403" in error.message
    assert error.reason == "blocked"
    assert len(server.hits_for("/guarded")) == 1


def test_500_then_200_succeeds_on_retry(server: TestServer, fast_limits: HttpLimits) -> None:
    url = server.route("/err", Reply(500, b"boom"), Reply(200, b"fine"))

    response = get(url, fast_limits)

    assert response.status == 200
    assert response.body == b"fine"
    assert len(server.hits_for("/err")) == 2


def test_500_every_time_gives_up_after_two_retries(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    url = server.route("/err", Reply(500, b"boom"))

    error, _ = get_error(url, fast_limits, ServerError)

    assert error.status == 500
    assert "127.0.0.1" in error.message
    assert "HTTP 500" in error.message
    assert len(server.hits_for("/err")) == 3


def test_502_then_200_succeeds_on_retry(server: TestServer, fast_limits: HttpLimits) -> None:
    url = server.route("/flaky", Reply(502, b"bad gateway"), Reply(200, b"fine"))

    response = get(url, fast_limits)

    assert response.status == 200
    assert response.body == b"fine"
    assert len(server.hits_for("/flaky")) == 2


def test_503_three_times_gives_server_error_after_two_retries_with_backoff(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    url = server.route("/down", Reply(503, b"down"), Reply(503, b"down"), Reply(503), Reply(200))

    error, _ = get_error(url, fast_limits, ServerError)

    assert error.status == 503
    assert "HTTP 503" in error.message
    hits = server.hits_for("/down")
    assert len(hits) == 3
    # Backoff with jitter (0.75x at least) separates the attempts.
    assert hits[1].at - hits[0].at >= fast_limits.backoff[0] * 0.7
    assert hits[2].at - hits[1].at >= fast_limits.backoff[1] * 0.7


def test_no_retry_when_the_backoff_would_pass_the_source_deadline(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    limits = replace(fast_limits, backoff=(5.0,), source_deadline=1.0)
    url = server.route("/down-long", Reply(503), Reply(200, b"fine"))

    error, elapsed = get_error(url, limits, ServerError)

    assert error.status == 503
    assert len(server.hits_for("/down-long")) == 1
    assert elapsed < 1.0


# --- 429 and Retry-After ------------------------------------------------------------------------


def test_429_with_retry_after_zero_is_retried(server: TestServer, fast_limits: HttpLimits) -> None:
    url = server.route("/busy", Reply(429, b"", {"Retry-After": "0"}), Reply(200, b"fine"))

    response = get(url, fast_limits)

    assert response.body == b"fine"
    assert len(server.hits_for("/busy")) == 2


def test_429_with_long_retry_after_is_reported_at_once(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    url = server.route("/slowdown", Reply(429, b"", {"Retry-After": "3600"}), Reply(200, b"x"))

    error, elapsed = get_error(url, fast_limits, RateLimited)

    assert isinstance(error, RateLimited)
    assert error.retry_after == 3600
    assert error.status == 429
    assert "127.0.0.1" in error.message
    assert "60 min" in error.message
    assert error.reason == "rate_limited"
    assert len(server.hits_for("/slowdown")) == 1
    assert elapsed < 1.0


def test_429_with_retry_after_as_http_date(server: TestServer, fast_limits: HttpLimits) -> None:
    when = format_datetime(datetime.now(timezone.utc) + timedelta(hours=3), usegmt=True)
    url = server.route("/dated", Reply(429, b"", {"Retry-After": when}))

    error, _ = get_error(url, fast_limits, RateLimited)

    assert isinstance(error, RateLimited)
    assert error.retry_after is not None
    assert 3 * 3600 - 30 < error.retry_after <= 3 * 3600
    assert "3.0 h" in error.message
    assert len(server.hits_for("/dated")) == 1


def test_429_with_garbage_retry_after_is_rate_limited_without_retry(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    url = server.route("/garbage", Reply(429, b"", {"Retry-After": "soon"}), Reply(200))

    error, _ = get_error(url, fast_limits, RateLimited)

    assert isinstance(error, RateLimited)
    assert error.retry_after is None
    assert "HTTP 429" in error.message
    assert "wait" not in error.message
    assert len(server.hits_for("/garbage")) == 1


def test_429_with_negative_retry_after_retries_at_once(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    url = server.route("/negative", Reply(429, b"", {"Retry-After": "-5"}), Reply(200, b"fine"))

    assert get(url, fast_limits).body == b"fine"
    assert len(server.hits_for("/negative")) == 2


def test_malformed_retry_after_does_not_crash_the_run(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    bad = server.route("/dashes", Reply(429, b"", {"Retry-After": "--5"}))
    good = server.route("/feed", Reply(200, FEED_BODY, ATOM))

    report = fetch([sources.feed_source(bad), sources.feed_source(good)], fast_limits)

    assert {item.url for item in report.items} == ATOM_URLS
    assert [f.reason for f in report.failures] == ["rate_limited"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("", None),
        ("0", 0.0),
        ("120", 120.0),
        (" 7 ", 7.0),
        ("-5", 0.0),
        ("soon", None),
        ("1.5", None),
        ("Tue, 31 Feb 2026 00:00:00 GMT", None),
        ("999999999999", 24 * 3600.0),
        ("Wed, 18 Nov 2026 12:30:00 GMT", 1800.0),  # HTTP date, 30 min after `now`
        ("Wed, 18 Nov 2026 11:00:00 GMT", 0.0),  # already past
        ("Fri, 31 Dec 9999 23:59:59 GMT", 24 * 3600.0),  # capped
    ],
)
def test_parse_retry_after(value: str | None, expected: float | None) -> None:
    now = datetime(2026, 11, 18, 12, tzinfo=timezone.utc)
    assert parse_retry_after(value, now=now) == expected


@pytest.mark.parametrize("value", ["--5", "---1", "-", "\u00b2", "5-", "0x10", "1_000"])
def test_parse_retry_after_ignores_digit_like_garbage(value: str) -> None:
    assert parse_retry_after(value) is None


def test_parse_retry_after_caps_a_very_long_number() -> None:
    assert parse_retry_after("9" * 20) == 24 * 3600.0


def test_503_with_a_huge_retry_after_is_rate_limited_without_retry(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    url = server.route("/maintenance", Reply(503, b"", {"Retry-After": "9" * 20}), Reply(200))

    error, _ = get_error(url, fast_limits, RateLimited)

    assert isinstance(error, RateLimited)
    assert error.retry_after == 24 * 3600.0
    assert "24.0 h" in error.message
    assert len(server.hits_for("/maintenance")) == 1


def test_503_with_a_long_retry_after_is_rate_limited_without_retry(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    url = server.route("/maint", Reply(503, b"", {"Retry-After": "7200"}), Reply(200))

    error, _ = get_error(url, fast_limits, RateLimited)

    assert isinstance(error, RateLimited)
    assert error.status == 503
    assert error.retry_after == 7200
    assert "HTTP 503" in error.message and "2.0 h" in error.message
    assert len(server.hits_for("/maint")) == 1


# --- redirects ----------------------------------------------------------------------------------


def test_relative_redirect_is_followed(server: TestServer, fast_limits: HttpLimits) -> None:
    start = server.route("/old/feed", Reply(301, b"", {"Location": "../new/feed?x=1"}))
    server.route("/new/feed?x=1", Reply(200, b"moved here"))

    response = get(start, fast_limits)

    assert response.status == 200
    assert response.body == b"moved here"
    assert response.url == server.url("/new/feed?x=1")
    assert [hit.path for hit in server.hits] == ["/old/feed", "/new/feed?x=1"]


def test_redirect_loop_is_reported_with_its_chain(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    a = server.route("/a", Reply(302, b"", {"Location": "/b"}))
    b = server.route("/b", Reply(302, b"", {"Location": "/a"}))

    error, _ = get_error(a, fast_limits, TooManyRedirects)

    assert "loop" in error.message
    assert f"{a} -> {b} -> {a}" in error.message
    assert len(server.hits) == 2


def test_endless_redirect_chain_stops_after_the_limit(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    for n in range(1, 20):
        server.route(f"/r{n}", Reply(307, b"", {"Location": f"/r{n + 1}"}))

    error, _ = get_error(server.url("/r1"), fast_limits, TooManyRedirects)

    assert fast_limits.max_redirects == 5
    assert "more than 5 redirects" in error.message
    assert server.url("/r1") in error.message
    assert server.url("/r6") in error.message
    assert len(server.hits) <= fast_limits.max_redirects + 1
    assert [hit.path for hit in server.hits] == [f"/r{n}" for n in range(1, 7)]


def test_redirect_to_a_non_http_scheme_is_refused_as_a_protocol_error(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    url = server.route("/to-ftp", Reply(302, b"", {"Location": "ftp://files.example/feed.xml"}))

    error, _ = get_error(url, fast_limits, ProtocolError)

    assert "ftp://files.example/feed.xml" in error.message
    assert "not an http(s) URL" in error.message
    assert len(server.hits) == 1


def test_redirect_without_location_is_a_protocol_error(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    url = server.route("/nowhere", Reply(302, b""))

    error, _ = get_error(url, fast_limits, ProtocolError)

    assert "127.0.0.1" in error.message
    assert "redirect" in error.message
    assert len(server.hits) == 1


# --- size caps ----------------------------------------------------------------------------------


def test_declared_length_over_the_cap_is_refused_before_the_body(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    limits = replace(fast_limits, max_body_bytes=SMALL_CAP)
    release = threading.Event()

    def headers_only(handler: BaseHTTPRequestHandler) -> None:
        # Announce 10 GiB, then send nothing: reading the body would run into the read timeout.
        send(handler, 200, {"Content-Type": "application/rss+xml", "Content-Length": str(10 << 30)})
        release.wait(3)
        handler.close_connection = True

    url = server.route("/huge", Reply(raw=headers_only))
    try:
        error, elapsed = get_error(url, limits, TooLarge)
    finally:
        release.set()

    assert "10,737,418,240" in error.message
    assert "65,536" in error.message
    assert elapsed < limits.read_timeout / 2
    assert len(server.hits) == 1


def test_unknown_length_body_over_the_cap_is_too_large(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    limits = replace(fast_limits, max_body_bytes=SMALL_CAP)

    def until_close(handler: BaseHTTPRequestHandler) -> None:
        send(
            handler,
            200,
            {"Content-Type": "application/rss+xml", "Connection": "close"},
            b"a" * (4 * SMALL_CAP),
        )

    url = server.route("/unsized", Reply(raw=until_close))

    error, _ = get_error(url, limits, TooLarge)

    assert "127.0.0.1" in error.message
    assert "65,536" in error.message
    assert len(server.hits) == 1


def test_endless_chunked_body_stops_at_the_cap(server: TestServer, fast_limits: HttpLimits) -> None:
    limits = replace(fast_limits, max_body_bytes=SMALL_CAP)
    sent = [0]

    def endless(handler: BaseHTTPRequestHandler) -> None:
        send(handler, 200, {"Content-Type": "application/rss+xml", "Transfer-Encoding": "chunked"})
        chunk = b"z" * 4096
        try:
            while sent[0] < 64 * MIB:
                handler.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                sent[0] += len(chunk)
        except OSError:
            pass
        handler.close_connection = True

    url = server.route("/endless", Reply(raw=endless))

    error, elapsed = get_error(url, limits, TooLarge)

    assert "65,536" in error.message
    assert elapsed < 2.0
    assert sent[0] < 64 * MIB  # the client hung up rather than reading it all
    assert len(server.hits) == 1


def test_unknown_length_body_exactly_at_the_cap_is_accepted(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    limits = replace(fast_limits, max_body_bytes=SMALL_CAP)
    body = b"b" * SMALL_CAP

    def until_close(handler: BaseHTTPRequestHandler) -> None:
        send(handler, 200, {"Content-Type": "text/plain", "Connection": "close"}, body)

    url = server.route("/exact", Reply(raw=until_close))

    assert get(url, limits).body == body


def test_body_one_byte_over_the_cap_is_too_large(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    limits = replace(fast_limits, max_body_bytes=SMALL_CAP)
    url = server.route("/plus-one", Reply(200, b"c" * (SMALL_CAP + 1)))

    error, _ = get_error(url, limits, TooLarge)

    assert "65,537" in error.message and "65,536" in error.message


# --- content encodings --------------------------------------------------------------------------

TEXT = ("<rss><channel><title>Acme — café</title></channel></rss>\n" * 300).encode()


def test_gzip_body_is_decoded(server: TestServer, fast_limits: HttpLimits) -> None:
    url = server.route("/gz", Reply(200, gzip.compress(TEXT), {"Content-Encoding": "gzip"}))

    response = get(url, fast_limits)

    assert response.body == TEXT


def test_gzip_bomb_is_stopped_at_the_cap_quickly(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    limits = replace(fast_limits, max_body_bytes=MIB)
    bomb = gzip_bomb()
    assert len(bomb) < MIB  # the compressed size passes the Content-Length check
    url = server.route("/bomb", Reply(200, bomb, {"Content-Encoding": "gzip"}))

    get(server.route("/warm-up", Reply(200, b"ok")), limits)  # imports and TLS setup, untraced
    tracemalloc.start()
    try:
        error, elapsed = get_error(url, limits, TooLarge)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert "1,048,576" in error.message
    assert elapsed < 2.0
    assert peak < 8 * MIB  # decoded under the cap, never the whole 50 MiB at once
    assert len(server.hits_for("/bomb")) == 1


@pytest.mark.parametrize("wrapped", [True, False], ids=["zlib-wrapped", "raw"])
def test_deflate_body_is_decoded(
    server: TestServer, fast_limits: HttpLimits, wrapped: bool
) -> None:
    packer = zlib.compressobj(wbits=zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)
    body = packer.compress(TEXT) + packer.flush()
    url = server.route("/deflate", Reply(200, body, {"Content-Encoding": "deflate"}))

    assert get(url, fast_limits).body == TEXT


@pytest.mark.parametrize("coding", ["deflate", "gzip"])
def test_compressed_body_split_after_its_first_byte_is_decoded(
    server: TestServer, fast_limits: HttpLimits, coding: str
) -> None:
    """Decoding must not depend on how the first bytes are split into packets."""
    body = zlib.compress(TEXT) if coding == "deflate" else gzip.compress(TEXT)

    def split(handler: BaseHTTPRequestHandler) -> None:
        headers = {"Content-Encoding": coding, "Content-Length": str(len(body))}
        send(handler, 200, headers, body[:1])
        time.sleep(0.1)
        handler.wfile.write(body[1:])

    url = server.route("/split", Reply(raw=split))

    assert get(url, fast_limits).body == TEXT


def test_compressed_body_of_one_byte_is_incomplete(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    url = server.route("/one", Reply(200, b"\x78", {"Content-Encoding": "deflate"}))

    error, _ = get_error(url, fast_limits, IncompleteBody)

    assert "ended before it was complete" in error.message


@pytest.mark.parametrize("coding", ["gzip, gzip", "gzip,gzip,gzip"])
def test_stacked_encodings_are_unsupported(
    server: TestServer, fast_limits: HttpLimits, coding: str
) -> None:
    body = gzip.compress(gzip.compress(TEXT))
    url = server.route("/stacked", Reply(200, body, {"Content-Encoding": coding}))

    error, _ = get_error(url, fast_limits, UnsupportedEncoding)

    assert coding in error.message
    assert "stacked" in error.message
    assert len(server.hits) == 1


def test_brotli_is_unsupported(server: TestServer, fast_limits: HttpLimits) -> None:
    url = server.route("/br", Reply(200, b"\x1b\x00\x00", {"Content-Encoding": "br"}))

    error, _ = get_error(url, fast_limits, UnsupportedEncoding)

    assert "'br'" in error.message
    assert len(server.hits) == 1


def test_truncated_gzip_is_incomplete(server: TestServer, fast_limits: HttpLimits) -> None:
    body = gzip.compress(TEXT)[:-12]
    url = server.route("/gz-short", Reply(200, body, {"Content-Encoding": "gzip"}))

    error, _ = get_error(url, fast_limits, IncompleteBody)

    assert "ended before it was complete" in error.message
    assert len(server.hits) == 1


def test_corrupt_gzip_is_incomplete(server: TestServer, fast_limits: HttpLimits) -> None:
    body = b"\x1f\x8b\x08\x00" + b"\xff" * 200
    url = server.route("/gz-bad", Reply(200, body, {"Content-Encoding": "gzip"}))

    error, _ = get_error(url, fast_limits, IncompleteBody)

    assert "corrupt" in error.message


# --- broken connections -------------------------------------------------------------------------


def test_connection_cut_mid_body_is_incomplete(server: TestServer, fast_limits: HttpLimits) -> None:
    body = FEED_BODY
    url = server.route("/cut", Reply(200, body, ATOM, cut_after=300))

    error, _ = get_error(url, fast_limits, IncompleteBody)

    assert "127.0.0.1" in error.message
    assert "cut the connection" in error.message
    assert len(server.hits_for("/cut")) == 1

    # Through fetch_all nothing of the partial body is parsed or returned.
    report = fetch([sources.feed_source(url)], fast_limits)
    assert report.items == ()
    (outcome,) = report.outcomes
    assert outcome.items == ()
    assert outcome.failure is not None
    assert outcome.failure.reason == "incomplete"
    assert report.all_failed


def test_connection_refused_is_connect_failed_and_retried(
    fast_limits: HttpLimits, monkeypatch: pytest.MonkeyPatch
) -> None:
    attempts: list[str] = []
    original = HttpClient._request_once

    async def counting(
        self: HttpClient, url: str, headers: dict[str, str], cap: int, budget: object
    ) -> Response:
        attempts.append(url)
        return await original(self, url, headers, cap, budget)  # type: ignore[arg-type]

    monkeypatch.setattr(HttpClient, "_request_once", counting)
    url = f"http://127.0.0.1:{free_port()}/feed"

    error, elapsed = get_error(url, fast_limits, ConnectFailed)

    assert "could not connect to 127.0.0.1" in error.message
    assert error.reason == "unreachable"
    assert len(attempts) == 1 + fast_limits.retries
    assert elapsed < 3.0


# --- conditional GET ----------------------------------------------------------------------------


def test_conditional_get_sends_validators_and_returns_304(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    etag = '"v1-abc"'
    modified = "Wed, 18 Nov 2026 08:00:00 GMT"
    url = server.route(
        "/cond",
        Reply(200, FEED_BODY, {**ATOM, "ETag": etag, "Last-Modified": modified}),
        Reply(304),
    )

    first = get(url, fast_limits)
    second = get(
        url, fast_limits, etag=first.headers["etag"], last_modified=first.headers["last-modified"]
    )

    assert first.status == 200 and first.body == FEED_BODY
    assert second == Response(url=url, status=304, headers=second.headers, body=b"")
    assert second.status == 304
    one, two = server.hits_for("/cond")
    assert header(one, "If-None-Match") is None
    assert header(two, "If-None-Match") == etag
    assert header(two, "If-Modified-Since") == modified


# --- per-host and total concurrency -------------------------------------------------------------


class Gauge:
    """Counts requests the server is handling at once and keeps the maximum."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.now = 0
        self.most = 0

    def handler(self, hold: float) -> Any:
        def handle(handler: BaseHTTPRequestHandler) -> None:
            with self.lock:
                self.now += 1
                self.most = max(self.most, self.now)
            time.sleep(hold)
            with self.lock:
                self.now -= 1
            send(handler, 200, {"Content-Type": "text/plain", "Content-Length": "2"}, b"ok")

        return handle


async def _get_many(urls: list[str], limits: HttpLimits) -> list[Response]:
    async with HttpClient(limits) as http:
        return list(await asyncio.gather(*(http.get(u) for u in urls)))


def test_at_most_two_requests_per_host_at_once(server: TestServer, fast_limits: HttpLimits) -> None:
    limits = replace(fast_limits, max_in_flight=10, max_per_host=2)
    gauge = Gauge()
    url = server.route("/held", Reply(raw=gauge.handler(0.3)))

    start = time.monotonic()
    responses = asyncio.run(_get_many([url] * 6, limits))
    elapsed = time.monotonic() - start

    assert [r.body for r in responses] == [b"ok"] * 6
    assert len(server.hits_for("/held")) == 6
    assert gauge.most == 2
    assert elapsed >= 3 * 0.3 * 0.9  # three waves of two


def test_gauge_sees_parallel_requests_when_the_host_limit_allows(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    """Control for the test above: the measurement does see more than two when allowed."""
    limits = replace(fast_limits, max_in_flight=10, max_per_host=6)
    gauge = Gauge()
    url = server.route("/held", Reply(raw=gauge.handler(0.3)))

    asyncio.run(_get_many([url] * 6, limits))

    assert gauge.most > 2


def test_total_in_flight_limit_spans_hosts(fast_limits: HttpLimits) -> None:
    limits = replace(fast_limits, max_in_flight=3, max_per_host=2)
    gauge = Gauge()
    with test_server.TestServer() as one, test_server.TestServer() as two:
        urls = [one.route("/x", Reply(raw=gauge.handler(0.25)))] * 3
        urls += [two.route("/x", Reply(raw=gauge.handler(0.25)))] * 3
        responses = asyncio.run(_get_many(urls, limits))
        assert len(one.hits) == 3 and len(two.hits) == 3

    assert len(responses) == 6
    assert gauge.most == 3


# --- invalid URLs -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://x", "javascript:alert(1)", "/local/path", "http://"]
)
def test_invalid_urls_are_rejected_before_any_request(
    server: TestServer, fast_limits: HttpLimits, url: str
) -> None:
    with pytest.raises(InvalidURL) as info:
        get(url, fast_limits)

    assert isinstance(info.value, ValueError)
    assert "not an http(s) URL" in info.value.message
    assert url in info.value.message
    assert server.hits == []


def test_overlong_url_is_rejected_before_any_request(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    url = server.url("/")
    url += "a" * (5000 - len(url))
    assert len(url) == 5000
    server.route(url.removeprefix(server.url("")), Reply(200, b"should not be fetched"))

    with pytest.raises(InvalidURL) as info:
        get(url, fast_limits)

    assert isinstance(info.value, ValueError)
    assert "5000 characters" in info.value.message
    assert "4096" in info.value.message
    assert server.hits == []


# --- fetch_all ----------------------------------------------------------------------------------


def test_fetch_all_keeps_good_feed_and_reports_the_others(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    good = server.fixture("/good.atom", "feeds/acme-newsroom.atom", "application/atom+xml")
    missing = server.route("/missing.xml", Reply(404, b"no", {"Content-Type": "text/plain"}))
    page = server.fixture("/page.xml", "feeds/not-a-feed.html", "text/html; charset=utf-8")

    report = fetch([sources.feed_source(u) for u in (good, missing, page)], fast_limits)

    assert {item.url for item in report.items} == ATOM_URLS
    assert all(item.publisher_domain == "acme.example" for item in report.items)
    reasons = {failure.url: failure.reason for failure in report.failures}
    assert reasons == {missing: "not_found", page: "not_a_feed"}
    by_url = {outcome.url: outcome for outcome in report.outcomes}
    assert by_url[good].ok and len(by_url[good].items) == 5
    assert by_url[missing].items == () and by_url[page].items == ()
    assert "404" in by_url[missing].failure.error  # type: ignore[union-attr]
    assert "web page" in by_url[page].failure.error  # type: ignore[union-attr]
    assert report.all_failed is False
    assert len(server.hits_for("/missing.xml")) == 1


def _cached_item(n: int) -> Item:
    return Item(
        key=f"cached-{n}",
        title=f"Acme Corp cached story {n}",
        url=f"https://acme.example/news/cached-{n}",
        published=NOW - timedelta(days=n),
        summary=f"Cached summary {n}",
        publisher="Acme Corp Newsroom",
        publisher_domain="acme.example",
        source="feed:127.0.0.1",
    )


def test_fetch_all_reuses_cached_items_on_304(server: TestServer, fast_limits: HttpLimits) -> None:
    etag = '"feed-v7"'

    def conditional(handler: BaseHTTPRequestHandler) -> None:
        if handler.headers.get("If-None-Match") == etag:
            send(handler, 304, {"ETag": etag, "Content-Length": "0"})
        else:
            send(handler, 200, {**ATOM, "Content-Length": str(len(FEED_BODY))}, FEED_BODY)

    url = server.route("/cached.atom", Reply(raw=conditional))
    cached = CachedFeed(
        etag=etag,
        last_modified="Wed, 18 Nov 2026 08:00:00 GMT",
        items=(_cached_item(1), _cached_item(2)),
        fetched_at=NOW - timedelta(hours=1),
    )

    report = fetch([sources.feed_source(url)], fast_limits, cache={url: cached})

    (outcome,) = report.outcomes
    assert outcome.ok
    assert outcome.not_modified is True
    assert outcome.items == cached.items
    assert outcome.etag == etag
    assert {item.url for item in report.items} == {i.url for i in cached.items}
    (hit,) = server.hits_for("/cached.atom")
    assert header(hit, "If-None-Match") == etag
    assert header(hit, "If-Modified-Since") == cached.last_modified


def test_empty_200_is_reported_as_empty_not_as_no_items(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    url = server.route("/empty.xml", Reply(200, b""))

    report = fetch([sources.feed_source(url)], fast_limits)

    (outcome,) = report.outcomes
    assert outcome.items == ()
    assert outcome.failure is not None
    assert outcome.failure.reason == "empty"
    assert "empty" in outcome.failure.error
    assert report.all_failed


def test_windows_1252_feed_with_a_wrong_utf8_header(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    url = server.fixture(
        "/cp1252.xml", "feeds/windows-1252.xml", "application/rss+xml; charset=utf-8"
    )

    report = fetch([sources.feed_source(url)], fast_limits)

    (outcome,) = report.outcomes
    assert outcome.ok, outcome.failure
    titles = [item.title for item in outcome.items]
    assert len(titles) == 3
    assert not any("\ufffd" in title for title in titles)
    assert any("Montréal" in title and "“HomeCell”" in title for title in titles)
    assert any("Société Énergie Boréale — its largest in Québec" in title for title in titles)


def test_source_deadline_caps_the_whole_get_including_retries(server: TestServer) -> None:
    limits = HttpLimits(
        read_timeout=5.0,
        request_deadline=1.0,
        source_deadline=1.5,
        backoff=(0.05, 0.05),
        allow_private=LOOPBACK,
    )
    url = server.route("/slow-body", Reply(200, b"x" * 1000, trickle=0.1))
    error, elapsed = get_error(url, limits, TimedOut)
    assert elapsed < 2.5
    assert "1.5 s" in error.message or "1 s" in error.message

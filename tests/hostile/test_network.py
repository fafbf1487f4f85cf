"""N1-N24 of HOSTILE.md: hostile networks, each fault made for real on 127.0.0.1.

Raw sockets (``tests.server.RawServer``, a listening socket with a full backlog) make the faults
below HTTP; the scripted ``TestServer`` makes the rest. Each test checks the "passes when" column
and, where it is cheap, that another source in the same ``fetch_all`` still succeeds. N10-N12
(the private-address guard) are in ``test_private_addresses.py``.

Timing checks prove that a wait is bounded (generous upper bounds), never that it is fast.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import gzip
import ipaddress
import os
import select
import socket
import ssl
import sys
import threading
import time
import tracemalloc
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec

import research
from research.config import load_settings
from research.store.cache import Cache
from sources import (
    Blocked,
    CachedFeed,
    FetchReport,
    Gone,
    HttpClient,
    HttpLimits,
    InvalidURL,
    NotFound,
    ProtocolError,
    RateLimited,
    Response,
    ServerError,
    SourceError,
    SourceFailure,
    SourceOutcome,
    TimedOut,
    TLSFailed,
    TooLarge,
    TooManyRedirects,
    UnsupportedEncoding,
    feed_source,
    fetch_all,
)
from sources.models import Query
from sources.parse.feeds import ParsedFeed
from sources.providers.feed import Feed

from ..helpers import RECORDED_AT
from ..server import FIXTURES, RawServer, Reply, TestServer, read_request, reset
from ..tls import certificate, pem_pair

KIB = 1024
MIB = 1024 * KIB
QUERY = Query("Acme Corp")
FEED_BODY = (FIXTURES / "feeds" / "acme-newsroom.atom").read_bytes()
ATOM = {"Content-Type": "application/atom+xml"}
ATOM_URLS = {
    "https://acme.example/news/homecell-edison-award-2026",
    "https://acme.example/news/voltaire-labs-acquisition-complete",
    "https://acme.example/news/q3-2026-results",
    "https://acme.example/news/acme-at-50",
    "https://acme.example/news/priya-raman-chief-sustainability-officer",
}
# One request, no retries: for checks of a single attempt.
NO_RETRIES: dict[str, Any] = {"retries": 0}


# --- helpers ------------------------------------------------------------------------------------


@dataclass
class Attempt:
    """What one ``HttpClient.get`` gave: a response or an error, how long, how many requests."""

    response: Response | None
    error: SourceError | None
    elapsed: float
    requests: int


def call(url: str, limits: HttpLimits, **kwargs: Any) -> Attempt:
    async def run() -> Attempt:
        async with HttpClient(limits) as http:
            start = time.monotonic()
            try:
                response = await http.get(url, **kwargs)
            except SourceError as error:
                return Attempt(None, error, time.monotonic() - start, http.requests_sent)
            return Attempt(response, None, time.monotonic() - start, http.requests_sent)

    return asyncio.run(run())


def fails(url: str, limits: HttpLimits, expected: type[SourceError], **kwargs: Any) -> Attempt:
    """The attempt, after checking that it failed with exactly ``expected``."""
    attempt = call(url, limits, **kwargs)
    assert attempt.response is None, f"expected {expected.__name__}, got {attempt.response}"
    assert type(attempt.error) is expected, f"{type(attempt.error).__name__}: {attempt.error}"
    return attempt


def message(attempt: Attempt) -> str:
    assert attempt.error is not None
    return attempt.error.message


def fetch(
    feed_sources: Sequence[Any], limits: HttpLimits, cache: dict[str, CachedFeed] | None = None
) -> FetchReport:
    async def run() -> FetchReport:
        async with HttpClient(limits) as http:
            return await fetch_all(feed_sources, QUERY, http, now=RECORDED_AT, cache=cache)

    return asyncio.run(run())


def fetch_beside_a_good_feed(
    server: TestServer, bad_urls: Sequence[str], limits: HttpLimits
) -> dict[str, SourceOutcome]:
    """fetch_all over the hostile URLs and one good feed; the good one must still succeed."""
    good = server.route("/good.atom", Reply(200, FEED_BODY, ATOM))
    report = fetch([feed_source(url) for url in [*bad_urls, good]], limits)
    outcomes = {outcome.url: outcome for outcome in report.outcomes}
    assert outcomes[good].ok, outcomes[good].failure
    assert {item.url for item in outcomes[good].items} == ATOM_URLS
    assert not report.all_failed
    return outcomes


def failed(outcome: SourceOutcome) -> SourceFailure:
    assert outcome.failure is not None, f"{outcome.url} did not fail"
    assert outcome.items == ()
    return outcome.failure


def assert_each_item_once(outcome: SourceOutcome) -> None:
    """The feed's five items, each exactly once: nothing of a failed attempt was kept."""
    urls = [item.url for item in outcome.items]
    assert len(urls) == len(ATOM_URLS) and set(urls) == ATOM_URLS


def rss_answer(body: bytes, content_type: str = "application/atom+xml") -> bytes:
    head = (
        f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n"
        "Connection: close\r\n\r\n"
    )
    return head.encode() + body


def answer_feed(connection: socket.socket) -> None:
    read_request(connection)
    connection.sendall(rss_answer(FEED_BODY))


def peak_memory(run: Callable[[], object]) -> int:
    """Peak bytes traced while ``run`` runs (after a warm-up elsewhere)."""
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@cache
def zeros_compressed(size: int, wbits: int) -> bytes:
    """``size`` zero bytes compressed without ever holding them all (gzip: wbits 31, raw: -15)."""
    packer = zlib.compressobj(1, zlib.DEFLATED, wbits)  # fast; still 229:1
    block = b"\0" * MIB
    parts = [packer.compress(block) for _ in range(size // MIB)]
    return b"".join(parts) + packer.flush()


@dataclass(frozen=True)
class MarkingFeed(Feed):
    """A feed source that leaves a file behind when it parses: proof of "nothing parsed".

    Parsing runs in a worker process, so a counter in this process would see nothing."""

    marker: str = ""

    def parse(self, body: bytes, headers: Any, *, url: str, now: dt.datetime) -> ParsedFeed:
        Path(self.marker).touch()
        return super().parse(body, headers, url=url, now=now)


def headers_then(handler: BaseHTTPRequestHandler, head: dict[str, str], status: int = 200) -> None:
    """Send the status line and these headers; the caller writes the body, if any."""
    handler.send_response(status)
    for name, value in head.items():
        handler.send_header(name, value)
    handler.end_headers()


# --- N1 connect never completes -----------------------------------------------------------------


class FullBacklog:
    """A socket listening with backlog 0 and its queue filled: the kernel drops every further
    SYN, so a connection to it neither succeeds nor is refused; it just never completes."""

    def __init__(self) -> None:
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.bind(("127.0.0.1", 0))
        self._socket.listen(0)
        self.port: int = self._socket.getsockname()[1]
        self._fillers: list[socket.socket] = []
        for _ in range(16):
            filler = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            filler.setblocking(False)
            filler.connect_ex(("127.0.0.1", self.port))
            self._fillers.append(filler)
            _, writable, _ = select.select([], [filler], [], 0.3)
            if not writable:
                return  # this connect hangs: the queue is full
        self.close()
        raise AssertionError("the listen backlog never filled")

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def close(self) -> None:
        for filler in self._fillers:
            filler.close()
        self._socket.close()


@pytest.fixture
def full_backlog() -> Iterator[FullBacklog]:
    backlog = FullBacklog()
    yield backlog
    backlog.close()


def test_n1_a_connect_that_never_completes_times_out_per_attempt_within_the_budget(
    full_backlog: FullBacklog, fast_limits: HttpLimits
) -> None:
    limits = replace(fast_limits, connect_timeout=0.5)

    attempt = fails(full_backlog.url("/feed"), limits, TimedOut)

    assert "could not connect to 127.0.0.1" in message(attempt)
    assert attempt.requests == 1 + limits.retries
    # Each attempt waits out the connect timeout (not refused at once), and no longer than
    # the timeout + 0.5 s; the backoff between attempts is at most 1.25 x the nominal.
    per_attempt = attempt.elapsed / attempt.requests
    assert per_attempt >= limits.connect_timeout * 0.9
    budget = attempt.requests * (limits.connect_timeout + 0.5) + sum(limits.backoff) * 1.25
    assert attempt.elapsed <= budget
    assert attempt.elapsed < limits.source_deadline


def test_n1_the_hanging_host_fails_alone(
    full_backlog: FullBacklog, server: TestServer, fast_limits: HttpLimits
) -> None:
    limits = replace(fast_limits, connect_timeout=0.5, **NO_RETRIES)
    url = full_backlog.url("/feed")

    outcomes = fetch_beside_a_good_feed(server, [url], limits)

    assert failed(outcomes[url]).reason == "timed_out"


# --- N2 accepts, never sends headers ------------------------------------------------------------


def test_n2_no_headers_is_a_read_timeout_within_the_timeout_and_half_a_second(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    limits = replace(fast_limits, read_timeout=0.5, **NO_RETRIES)
    url = server.route("/silent", Reply(200, FEED_BODY, ATOM, delay=3.0))

    attempt = fails(url, limits, TimedOut)

    assert "read timeout" in message(attempt)
    assert limits.read_timeout * 0.9 <= attempt.elapsed <= limits.read_timeout + 0.5
    assert len(server.hits_for("/silent")) == 1
    outcomes = fetch_beside_a_good_feed(server, [url], limits)
    assert failed(outcomes[url]).reason == "timed_out"


# --- N3 trickle; N17 cut mid-body; N18 empty; N19 a web page: nothing parsed, the cache kept ------

TRICKLE_LIMITS: dict[str, Any] = {"read_timeout": 2.0, "request_deadline": 1.0, "retries": 0}


def test_n3_a_trickle_is_ended_by_the_request_deadline(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    limits = replace(fast_limits, **TRICKLE_LIMITS)
    # 1 byte every 0.5 s, within the 2 s read timeout; the whole body would take over an hour.
    url = server.route("/trickle", Reply(200, FEED_BODY, ATOM, trickle=0.5))

    attempt = fails(url, limits, TimedOut)

    assert "within 1 s" in message(attempt)
    assert limits.request_deadline * 0.9 <= attempt.elapsed <= limits.request_deadline + 0.5


FAILED_TRANSFERS = {
    "N3 trickle": (Reply(200, FEED_BODY, ATOM, trickle=0.5), "timed_out"),
    "N17 cut mid-body": (
        Reply(200, FEED_BODY, {**ATOM, "Content-Length": str(len(FEED_BODY))}, cut_after=400),
        "incomplete",
    ),
}


@pytest.mark.parametrize("fault", sorted(FAILED_TRANSFERS))
def test_n3_n17_a_failed_transfer_is_never_parsed(
    server: TestServer, fast_limits: HttpLimits, tmp_path: Path, fault: str
) -> None:
    reply, reason = FAILED_TRANSFERS[fault]
    limits = replace(fast_limits, **TRICKLE_LIMITS)
    marker = tmp_path / "parsed"
    bad = MarkingFeed(server.route("/feed.atom", reply), marker=str(marker))
    good_marker = tmp_path / "good-parsed"
    good = MarkingFeed(
        server.route("/good.atom", Reply(200, FEED_BODY, ATOM)), marker=str(good_marker)
    )

    report = fetch([bad, good], limits)

    outcomes = {outcome.url: outcome for outcome in report.outcomes}
    assert failed(outcomes[bad.url]).reason == reason
    assert outcomes[good.url].ok
    assert good_marker.exists()  # control: the marker does show a parse
    assert not marker.exists()


FAULTS_AFTER_A_GOOD_RUN = {
    "N3 trickle": (Reply(200, FEED_BODY, ATOM, trickle=0.5), "timed_out"),
    "N17 cut mid-body": (
        Reply(200, FEED_BODY, {**ATOM, "Content-Length": str(len(FEED_BODY))}, cut_after=400),
        "incomplete",
    ),
    "N17 last 50 bytes missing": (
        Reply(
            200,
            FEED_BODY,
            {**ATOM, "Content-Length": str(len(FEED_BODY))},
            cut_after=len(FEED_BODY) - 50,
        ),
        "incomplete",
    ),
    "N18 empty 200": (Reply(200, b"", ATOM), "empty"),
    "N19 login page": (
        Reply(
            200,
            b"<!doctype html><html><head><title>Sign in</title></head><body><form>"
            b"<input name=user><input type=password name=pw></form></body></html>",
            {"Content-Type": "text/html; charset=utf-8"},
        ),
        "not_a_feed",
    ),
    "N19 soft 404": (
        Reply(
            200,
            b"<html><body><h1>Page not found</h1><p>Try our home page.</p></body></html>",
            {"Content-Type": "text/html"},
        ),
        "not_a_feed",
    ),
}


@pytest.mark.parametrize("fault", sorted(FAULTS_AFTER_A_GOOD_RUN))
def test_n3_n17_n18_n19_a_failed_run_keeps_what_the_cache_had(
    server: TestServer, fast_limits: HttpLimits, fault: str
) -> None:
    bad_reply, reason = FAULTS_AFTER_A_GOOD_RUN[fault]
    settings = load_settings(http=replace(fast_limits, **TRICKLE_LIMITS))
    feed = server.route("/feed.atom", Reply(200, FEED_BODY, {**ATOM, "ETag": '"v1"'}), bad_reply)
    other = server.route("/other.atom", Reply(200, FEED_BODY, ATOM))

    def run() -> research.Result:
        return research.research(
            "acme-corp", feeds=[feed, other], builtin=False, settings=settings, now=RECORDED_AT
        )

    first = run()
    assert not first.failures
    before = Cache(settings.cache_path).cached_feeds([feed])[feed]
    assert {item.url for item in before.items} == ATOM_URLS

    second = run()

    assert [(f.url, f.reason) for f in second.failures] == [(feed, reason)]
    assert not second.all_failed  # the other feed still counts
    after = Cache(settings.cache_path).cached_feeds([feed])[feed]
    assert after == before  # same items, validators and time: nothing of the failure stored
    assert len(server.hits_for("/feed.atom")) == 2


# --- N4 Content-Length 10 GiB -------------------------------------------------------------------


def test_n4_a_declared_10_gib_body_is_refused_on_the_headers(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    limits = replace(fast_limits, max_body_bytes=MIB)
    sent = [0]
    finished = threading.Event()

    def ten_gib_of_zeros(handler: BaseHTTPRequestHandler) -> None:
        headers_then(handler, {"Content-Length": str(10 * 1024**3), **ATOM})
        block = b"\0" * (256 * KIB)
        try:
            while sent[0] < 256 * MIB:
                handler.wfile.write(block)
                sent[0] += len(block)
        except OSError:
            handler.close_connection = True
        finally:
            finished.set()

    url = server.route("/huge", Reply(raw=ten_gib_of_zeros))
    call(server.route("/warm-up", Reply(200, b"ok")), limits)  # imports, untraced

    attempts: list[Attempt] = []
    peak = peak_memory(lambda: attempts.append(fails(url, limits, TooLarge)))

    assert "announced 10,737,418,240 bytes" in message(attempts[0])
    assert attempts[0].elapsed < 1.0
    assert attempts[0].requests == 1  # too large is final
    assert peak < MIB  # memory flat: the body is never read
    assert finished.wait(5)
    assert sent[0] < 64 * MIB  # the client hung up at once: the server could not push more


# --- N5 endless chunked body --------------------------------------------------------------------


def test_n5_an_endless_chunked_body_stops_at_the_cap(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    limits = replace(fast_limits, max_body_bytes=MIB)
    chunk = 64 * KIB

    def endless(handler: BaseHTTPRequestHandler) -> None:
        headers_then(handler, {"Transfer-Encoding": "chunked", **ATOM})
        frame = f"{chunk:x}\r\n".encode() + b"x" * chunk + b"\r\n"
        try:
            for _ in range(16 * 1024):  # 1 GiB, far past any cap
                handler.wfile.write(frame)
        except OSError:
            handler.close_connection = True

    url = server.route("/endless", Reply(raw=endless))
    call(server.route("/warm-up", Reply(200, b"ok")), limits)

    attempts: list[Attempt] = []
    peak = peak_memory(lambda: attempts.append(fails(url, limits, TooLarge)))

    assert "larger than 1,048,576 bytes" in message(attempts[0])
    assert attempts[0].elapsed < 2.0
    assert attempts[0].requests == 1
    # The cap plus what was read with the last chunk (httpx reads up to 64 KiB at a time), and
    # the join of the kept pieces: far from the gigabyte on offer.
    assert peak < 2 * MIB + 4 * chunk


# --- N6 gzip bomb; N7 raw deflate bomb, br, zstd, gzip not advertised; N8 stacked ----------------

BOMB_SIZE = 200 * MIB


@pytest.mark.parametrize(
    ("coding", "wbits"), [("gzip", 31), ("deflate", -15)], ids=["N6 gzip", "N7 raw deflate"]
)
def test_n6_n7_a_200_mib_bomb_is_capped_while_decoding(
    server: TestServer, fast_limits: HttpLimits, coding: str, wbits: int
) -> None:
    limits = replace(fast_limits, max_body_bytes=MIB)
    bomb = zeros_compressed(BOMB_SIZE, wbits)
    assert len(bomb) < MIB  # the Content-Length check passes: only decoding can stop it
    url = server.route("/bomb", Reply(200, bomb, {**ATOM, "Content-Encoding": coding}))
    call(server.route("/warm-up", Reply(200, b"ok")), limits)

    attempts: list[Attempt] = []
    peak = peak_memory(lambda: attempts.append(fails(url, limits, TooLarge)))

    assert "larger than 1,048,576 bytes" in message(attempts[0])
    assert attempts[0].elapsed < 1.0
    assert attempts[0].requests == 1
    # About twice the cap at most (the pieces and their join), plus the compressed bytes.
    assert peak < 2 * MIB + 2 * len(bomb) + 256 * KIB


@pytest.mark.parametrize(
    ("coding", "body"),
    [
        ("zstd", bytes.fromhex("28b52ffd") + b"\0" * 64),
        ("br", b"\x1b\xff\xff\x07" + b"\0" * 64),
        ("compress", b"\x1f\x9d\x90" + b"\0" * 64),
    ],
)
def test_n7_encodings_we_do_not_decode_are_refused_as_unsupported(
    server: TestServer, fast_limits: HttpLimits, coding: str, body: bytes
) -> None:
    url = server.route("/packed", Reply(200, body, {**ATOM, "Content-Encoding": coding}))

    attempt = fails(url, fast_limits, UnsupportedEncoding)

    assert f"unsupported compression {coding!r}" in message(attempt)
    assert len(server.hits_for("/packed")) == 1  # not retried
    outcomes = fetch_beside_a_good_feed(server, [url], fast_limits)
    assert failed(outcomes[url]).reason == "unsupported_encoding"


def test_n7_gzip_bytes_without_content_encoding_are_never_expanded(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    packed = gzip.compress(FEED_BODY)
    url = server.route("/sneaky.atom", Reply(200, packed, ATOM))

    attempt = call(url, fast_limits)

    assert attempt.response is not None
    assert attempt.response.body == packed  # handed on as sent, not decoded
    outcomes = fetch_beside_a_good_feed(server, [url], fast_limits)
    failure = failed(outcomes[url])
    assert failure.reason == "not_a_feed"
    assert "binary file" in failure.error


@pytest.mark.parametrize("coding", ["gzip, gzip, gzip", "gzip,deflate", "deflate, gzip"])
def test_n8_stacked_encodings_are_refused(
    server: TestServer, fast_limits: HttpLimits, coding: str
) -> None:
    body = gzip.compress(gzip.compress(gzip.compress(FEED_BODY)))
    url = server.route("/stacked", Reply(200, body, {**ATOM, "Content-Encoding": coding}))

    attempt = fails(url, fast_limits, UnsupportedEncoding)

    assert "stacked" in message(attempt) and coding in message(attempt)
    assert len(server.hits_for("/stacked")) == 1
    outcomes = fetch_beside_a_good_feed(server, [url], fast_limits)
    assert failed(outcomes[url]).reason == "unsupported_encoding"


# --- N9 redirect loop and endless chain ---------------------------------------------------------


def test_n9_an_endless_redirect_chain_stops_after_five_with_the_chain_named(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    for n in range(1, 50):
        server.route(f"/loop{n}", Reply(302, b"", {"Location": f"/loop{n + 1}"}))

    attempt = fails(server.url("/loop1"), fast_limits, TooManyRedirects)

    assert "more than 5 redirects" in message(attempt)
    chain = " -> ".join(server.url(f"/loop{n}") for n in range(1, 7))
    assert chain in message(attempt)
    assert [hit.path for hit in server.hits] == [f"/loop{n}" for n in range(1, 7)]
    assert attempt.requests == 6  # a redirect error is final: no retries


def test_n9_a_redirect_loop_stops_when_it_comes_back(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    a = server.route("/a", Reply(301, b"", {"Location": "/b"}))
    b = server.route("/b", Reply(308, b"", {"Location": "/a"}))

    attempt = fails(a, fast_limits, TooManyRedirects)

    assert f"redirect loop: {a} -> {b} -> {a}" in message(attempt)
    assert len(server.hits) == 2
    outcomes = fetch_beside_a_good_feed(server, [a], fast_limits)
    assert failed(outcomes[a]).reason == "redirects"


# --- N13 not an http(s) URL ---------------------------------------------------------------------

_WATCHED: set[str] = set()
_OPENED: list[str] = []


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if event == "open" and _WATCHED and args and isinstance(args[0], str | bytes | os.PathLike):
        path = os.fsdecode(args[0])
        if path in _WATCHED:
            _OPENED.append(path)


@pytest.fixture
def opened_files() -> Iterator[tuple[set[str], list[str]]]:
    """(paths to watch, paths opened): every open() and os.open() in this process, seen
    through an audit hook (which cannot be removed, so it is installed once, idle when unused)."""
    if not getattr(sys, "_network_tests_audit", False):
        sys.addaudithook(_audit)
        sys._network_tests_audit = True  # type: ignore[attr-defined]
    yield _WATCHED, _OPENED
    _WATCHED.clear()
    _OPENED.clear()


@pytest.mark.parametrize(
    "spelling",
    [
        "file://{path}",
        "FILE://{path}",
        "ftp://127.0.0.1:{port}/feed.xml",
        "data:application/rss+xml,<rss><channel><item><title>x</title></item></channel></rss>",
        "data:text/xml;base64,PHJzcy8+",
        "javascript:fetch('{path}')",
        "{path}",
        "feed.xml",
    ],
)
def test_n13_a_url_that_is_not_http_is_refused_before_any_request_or_file_open(
    server: TestServer,
    fast_limits: HttpLimits,
    tmp_path: Path,
    opened_files: tuple[set[str], list[str]],
    spelling: str,
) -> None:
    path = tmp_path / "feed.xml"
    path.write_bytes(FEED_BODY)
    watched, opened = opened_files
    watched.update({str(path), "feed.xml"})
    url = spelling.format(path=path, port=server.port)

    with pytest.raises(InvalidURL) as as_source:
        feed_source(url)
    attempt = fails(url, fast_limits, InvalidURL)

    assert isinstance(as_source.value, ValueError)
    assert "not an http(s) URL" in message(attempt)
    assert url[:60] in message(attempt)
    assert attempt.requests == 0
    assert server.hits == []
    assert opened == []
    path.read_bytes()  # control: the hook does see an open of the watched file
    assert opened == [str(path)]


# --- N14 Retry-After ----------------------------------------------------------------------------


def _http_date(after: dt.timedelta) -> str:
    from email.utils import format_datetime

    return format_datetime(dt.datetime.now(dt.timezone.utc) + after, usegmt=True)


# value -> (retry_after the error carries, words in the message, hits)
RETRY_AFTER_REPORTED: dict[str, tuple[Callable[[], str], Callable[[float | None], bool], str]] = {
    "seconds": (lambda: "3600", lambda s: s == 3600, "60 min"),
    "HTTP date": (
        lambda: _http_date(dt.timedelta(hours=3)),
        lambda s: s is not None and 3 * 3600 - 60 < s <= 3 * 3600,
        "3.0 h",
    ),
    "garbage": (lambda: "soon, maybe", lambda s: s is None, "HTTP 429"),
    "huge": (lambda: "9" * 30, lambda s: s == 24 * 3600, "24.0 h"),
    "huge HTTP date": (lambda: "Fri, 31 Dec 9999 23:59:59 GMT", lambda s: s == 24 * 3600, "24.0 h"),
}


@pytest.mark.parametrize("kind", sorted(RETRY_AFTER_REPORTED))
def test_n14_a_long_or_garbage_retry_after_is_reported_at_once_and_capped(
    server: TestServer, fast_limits: HttpLimits, kind: str
) -> None:
    value, expected, words = RETRY_AFTER_REPORTED[kind]
    url = server.route("/busy", Reply(429, b"", {"Retry-After": value()}), Reply(200, FEED_BODY))

    attempt = fails(url, fast_limits, RateLimited)

    assert isinstance(attempt.error, RateLimited)
    assert expected(attempt.error.retry_after), attempt.error.retry_after
    assert "rate-limited" in message(attempt) and words in message(attempt)
    assert attempt.error.reason == "rate_limited"
    assert len(server.hits_for("/busy")) == 1  # no retry storm
    assert attempt.elapsed < 1.0


@pytest.mark.parametrize("value", ["0", "-5", "-99999999999"])
def test_n14_a_zero_or_negative_retry_after_is_retried_at_most_twice(
    server: TestServer, fast_limits: HttpLimits, value: str
) -> None:
    url = server.route("/busy", Reply(429, b"", {"Retry-After": value}))

    attempt = fails(url, fast_limits, RateLimited)

    assert len(server.hits_for("/busy")) == 1 + fast_limits.retries  # no storm
    assert attempt.elapsed < 1.0


def test_n14_a_short_retry_after_is_honoured_for_that_url(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    limits = replace(fast_limits, max_retry_wait=2.0)
    url = server.route("/busy", Reply(429, b"", {"Retry-After": "1"}), Reply(200, FEED_BODY, ATOM))

    attempt = call(url, limits)

    assert attempt.response is not None and attempt.response.body == FEED_BODY
    first, second = server.hits_for("/busy")
    assert 0.95 <= second.at - first.at <= 1.5  # the asked second, not the 0.05 s backoff


def test_n14_rate_limits_are_reported_as_rate_limited_not_as_no_news(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    paths = {
        f"/busy-{kind.replace(' ', '-')}": Reply(429, b"", {"Retry-After": value()})
        for kind, (value, _, _) in RETRY_AFTER_REPORTED.items()
    }
    paths["/unavailable"] = Reply(503, b"", {"Retry-After": "7200"})
    urls = [server.route(path, reply) for path, reply in paths.items()]

    outcomes = fetch_beside_a_good_feed(server, urls, fast_limits)

    for url in urls:
        failure = failed(outcomes[url])
        assert (failure.reason, failure.url) == ("rate_limited", url)
    assert all(len(server.hits_for(path)) == 1 for path in paths)


# --- N15 429 on one feed of a host --------------------------------------------------------------


def test_n15_a_429_makes_only_that_url_wait(server: TestServer, fast_limits: HttpLimits) -> None:
    limits = replace(fast_limits, max_per_host=1, max_retry_wait=2.0)
    limited = server.route(
        "/a.atom", Reply(429, b"", {"Retry-After": "1"}), Reply(200, FEED_BODY, ATOM)
    )
    other = server.route("/b.atom", Reply(200, FEED_BODY, ATOM))
    done: dict[str, float] = {}

    async def timed(http: HttpClient, url: str, start: float) -> None:
        await http.get(url)
        done[url] = time.monotonic() - start

    async def both() -> None:
        async with HttpClient(limits) as http:
            start = time.monotonic()
            await asyncio.gather(timed(http, limited, start), timed(http, other, start))

    asyncio.run(both())

    assert done[limited] >= 0.95
    # With one request per host, /b is served while /a waits (not after it).
    assert done[other] < 0.6
    assert [hit.path for hit in server.hits] == ["/a.atom", "/b.atom", "/a.atom"]


# --- N16 500/502 then 200; reset before headers ------------------------------------------------


def test_n16_server_errors_then_200_are_retried_with_backoff_and_counted_once(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    limits = replace(fast_limits, backoff=(0.2, 0.4))
    url = server.route("/flaky", Reply(500), Reply(502), Reply(200, FEED_BODY, ATOM))

    outcomes = fetch_beside_a_good_feed(server, [url], limits)

    assert outcomes[url].ok
    assert_each_item_once(outcomes[url])
    first, second, third = server.hits_for("/flaky")
    assert 0.75 * 0.2 * 0.9 <= second.at - first.at <= 1.25 * 0.2 + 0.3
    assert 0.75 * 0.4 * 0.9 <= third.at - second.at <= 1.25 * 0.4 + 0.3


def test_n16_the_backoff_has_jitter_within_a_quarter(fast_limits: HttpLimits) -> None:
    client = HttpClient(replace(fast_limits, backoff=(1.0, 4.0)))
    error = ServerError("boom", url="http://127.0.0.1/", status=502)

    first = {client._retry_delay(error, 0) for _ in range(200)}
    second = {client._retry_delay(error, 1) for _ in range(200)}

    assert len(first) > 100 and len(second) > 100  # jittered, not fixed
    assert all(d is not None and 0.75 <= d <= 1.25 for d in first)
    assert all(d is not None and 3.0 <= d <= 5.0 for d in second)
    assert client._retry_delay(error, 2) is None  # two retries at most


def test_n16_a_reset_before_headers_is_retried_and_the_items_counted_once(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    def reset_after_the_request(connection: socket.socket) -> None:
        read_request(connection)
        reset(connection)

    with RawServer(reset_after_the_request, answer_feed) as raw:
        url = raw.url("/feed.atom")
        outcomes = fetch_beside_a_good_feed(server, [url], fast_limits)
        connections = raw.connections

    assert outcomes[url].ok, outcomes[url].failure
    assert connections == 2
    assert_each_item_once(outcomes[url])


def test_n16_resets_every_time_give_up_after_two_retries(fast_limits: HttpLimits) -> None:
    def reset_after_the_request(connection: socket.socket) -> None:
        read_request(connection)
        reset(connection)

    with RawServer(reset_after_the_request) as raw:
        attempt = call(raw.url("/feed.atom"), fast_limits)
        connections = raw.connections

    assert attempt.error is not None and attempt.error.reason == "unreachable"
    assert "127.0.0.1" in message(attempt)
    assert connections == attempt.requests == 1 + fast_limits.retries


# --- N20 bot challenge --------------------------------------------------------------------------

CHALLENGE_PAGE = b"<!DOCTYPE html><html><head><title>Just a moment...</title></head></html>"


@pytest.mark.parametrize(
    ("status", "headers"),
    [
        (403, {"Content-Type": "text/html"}),
        (503, {"Content-Type": "text/html", "cf-mitigated": "challenge"}),
        (429, {"Content-Type": "text/html", "CF-Mitigated": "Challenge", "Retry-After": "0"}),
    ],
    ids=["403 html", "503 cf-mitigated", "429 cf-mitigated"],
)
def test_n20_a_bot_challenge_is_blocked_and_never_retried(
    server: TestServer, fast_limits: HttpLimits, status: int, headers: dict[str, str]
) -> None:
    url = server.route("/guarded", Reply(status, CHALLENGE_PAGE, headers), Reply(200, FEED_BODY))

    attempt = fails(url, fast_limits, Blocked)

    assert f"blocked by 127.0.0.1 (HTTP {status})" in message(attempt)
    assert len(server.hits_for("/guarded")) == 1
    outcomes = fetch_beside_a_good_feed(
        server, [server.route("/guarded", Reply(status, CHALLENGE_PAGE, headers))], fast_limits
    )
    assert failed(outcomes[url]).reason == "blocked"  # distinct from an empty, working feed


def test_n20_a_plain_503_is_still_a_server_error_that_is_retried(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    """Control for the above: only the challenge header makes a 503 final."""
    url = server.route("/down", Reply(503, b"down", {"Content-Type": "text/html"}))

    fails(url, fast_limits, ServerError)

    assert len(server.hits_for("/down")) == 1 + fast_limits.retries


# --- N21 404 and 410 ----------------------------------------------------------------------------


def test_n21_404_and_410_are_reported_with_the_url_and_410_says_gone(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    missing = server.route("/missing.xml", Reply(404, b"no", {"Content-Type": "text/plain"}))
    gone = server.route("/gone.xml", Reply(410, b"gone", {"Content-Type": "text/plain"}))

    not_found = fails(missing, fast_limits, NotFound)
    gone_for_good = fails(gone, fast_limits, Gone)
    outcomes = fetch_beside_a_good_feed(server, [missing, gone], fast_limits)

    assert missing in message(not_found) and "404" in message(not_found)
    assert gone in message(gone_for_good) and "gone for good" in message(gone_for_good)
    assert "remove this feed" in message(gone_for_good)
    assert (failed(outcomes[missing]).reason, failed(outcomes[gone]).reason) == (
        "not_found",
        "gone",
    )
    assert failed(outcomes[gone]).url == gone and gone in failed(outcomes[gone]).error
    assert len(server.hits_for("/missing.xml")) == len(server.hits_for("/gone.xml")) == 2


# --- N22 conditional GET ------------------------------------------------------------------------

WEAK_ETAG = 'W/"feed-7"'
MODIFIED = "Thu, 19 Nov 2026 10:00:00 GMT"


def conditional(handler: BaseHTTPRequestHandler) -> None:
    """304 only when the client echoes the weak ETag exactly; the feed says it expires at once."""
    validators = {"ETag": WEAK_ETAG, "Last-Modified": MODIFIED, "Expires": "0"}
    if handler.headers.get("If-None-Match") == WEAK_ETAG:
        headers_then(handler, {**validators, "Content-Length": "0"}, status=304)
        return
    headers_then(handler, {**ATOM, **validators, "Content-Length": str(len(FEED_BODY))})
    handler.wfile.write(FEED_BODY)


def test_n22_validators_from_the_store_are_sent_and_a_304_reuses_the_items(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    settings = load_settings(http=fast_limits)
    url = server.route("/feed.atom", Reply(raw=conditional))

    def run() -> research.Result:
        return research.research(
            "acme-corp", feeds=[url], builtin=False, settings=settings, now=RECORDED_AT
        )

    first = run()
    stored = Cache(settings.cache_path).cached_feeds([url])[url]
    second = run()

    first_hit, second_hit = server.hits_for("/feed.atom")  # Expires: 0 still asks again
    sent = {k.lower(): v for k, v in second_hit.headers.items()}
    assert sent.get("if-none-match") == WEAK_ETAG  # the weak ETag verbatim, W/ and quotes
    assert sent.get("if-modified-since") == MODIFIED
    assert "if-none-match" not in {k.lower() for k in first_hit.headers}
    assert stored.etag == WEAK_ETAG
    assert not first.failures and not second.failures
    assert [e.title for e in second.events] == [e.title for e in first.events]
    assert first.events
    after = Cache(settings.cache_path).cached_feeds([url])[url]
    assert after.items == stored.items


def test_n22_a_304_is_not_parsed(
    server: TestServer, fast_limits: HttpLimits, tmp_path: Path
) -> None:
    url = server.route("/feed.atom", Reply(raw=conditional))
    fresh = fetch([feed_source(url)], fast_limits)
    (outcome,) = fresh.outcomes
    cached = CachedFeed(
        etag=outcome.etag, last_modified=outcome.last_modified, items=outcome.items,
        fetched_at=RECORDED_AT,
    )  # fmt: skip
    marker = tmp_path / "parsed"

    report = fetch([MarkingFeed(url, marker=str(marker))], fast_limits, cache={url: cached})

    (again,) = report.outcomes
    assert again.not_modified and again.items == cached.items
    assert not marker.exists()
    assert len(server.hits_for("/feed.atom")) == 2


# --- N23 TLS ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Certificates:
    ca: Path
    good: tuple[Path, Path]
    self_signed: tuple[Path, Path]
    expired: tuple[Path, Path]
    wrong_host: tuple[Path, Path]


@pytest.fixture(scope="module")
def certificates(tmp_path_factory: pytest.TempPathFactory) -> Certificates:
    """A throwaway CA and leaves for 127.0.0.1: good, self-signed, expired, for another host."""
    folder = tmp_path_factory.mktemp("tls")
    loopback = [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_cert = certificate("Network Tests CA", ca_key, ca=True)
    ca = ("Network Tests CA", ca_key)

    def leaf(name: str, **kwargs: Any) -> tuple[Path, Path]:
        key = ec.generate_private_key(ec.SECP256R1())
        return pem_pair(folder, name, certificate("127.0.0.1", key, **kwargs), key)

    return Certificates(
        ca=pem_pair(folder, "ca", ca_cert, ca_key)[0],
        good=leaf("good", issuer=ca, names=loopback),
        self_signed=leaf("self-signed", names=loopback),
        expired=leaf("expired", issuer=ca, names=loopback, days=(-30, -1)),
        wrong_host=leaf("wrong-host", issuer=ca, names=[x509.DNSName("feeds.other.example")]),
    )


def tls_server(pair: tuple[Path, Path]) -> RawServer:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*pair)
    return RawServer(answer_feed, tls=context)


def test_n23_control_a_certificate_from_the_trusted_test_ca_is_accepted(
    certificates: Certificates, fast_limits: HttpLimits
) -> None:
    """The CA option works, so the failures below fail for their own reason."""
    with tls_server(certificates.good) as raw:
        trusted = call(raw.url("/feed.atom"), replace(fast_limits, ca_file=str(certificates.ca)))
        untrusted = call(raw.url("/feed.atom"), fast_limits)

    assert trusted.response is not None and trusted.response.body == FEED_BODY
    assert isinstance(untrusted.error, TLSFailed)  # not trusted without the option


@pytest.mark.parametrize(
    ("case", "trust_ca", "why"),
    [
        ("self_signed", False, "self-signed certificate"),
        ("self_signed", True, "self-signed certificate"),
        ("expired", True, "certificate has expired"),
        ("wrong_host", True, "mismatch"),
    ],
    ids=["self-signed", "self-signed with a CA file", "expired", "wrong host"],
)
def test_n23_a_bad_certificate_is_a_tls_error_on_one_connection_never_unverified(
    certificates: Certificates,
    server: TestServer,
    fast_limits: HttpLimits,
    case: str,
    trust_ca: bool,
    why: str,
) -> None:
    limits = replace(fast_limits, ca_file=str(certificates.ca) if trust_ca else None)
    with tls_server(getattr(certificates, case)) as raw:
        attempt = fails(raw.url("/feed.atom"), limits, TLSFailed)
        outcomes = fetch_beside_a_good_feed(server, [raw.url("/feed.atom")], limits)
        connections, handshakes = raw.connections, raw.handshakes

    assert "secure connection to 127.0.0.1" in message(attempt)
    assert why in message(attempt)
    assert attempt.requests == 1
    # One connection per run (the get, then fetch_all), and no handshake ever completed: the
    # client never went on without verifying.
    assert connections == 2
    assert handshakes == 0
    assert failed(outcomes[raw.url("/feed.atom")]).reason == "tls"


def test_n23_an_unreadable_ca_file_is_a_clear_error(
    tmp_path: Path, fast_limits: HttpLimits
) -> None:
    bogus = tmp_path / "not-a-ca.pem"
    bogus.write_text("not a certificate")

    with pytest.raises(TLSFailed) as info:  # when the client opens, before any request
        call("https://127.0.0.1:1/", replace(fast_limits, ca_file=str(bogus)))

    assert str(bogus) in info.value.message and "ca_file" in info.value.message


# --- N24 1 MB of response headers ---------------------------------------------------------------


def _megabyte_of_headers(many: bool) -> Callable[[socket.socket], None]:
    def send(connection: socket.socket) -> None:
        read_request(connection)
        if many:
            pad = "".join(f"X-Pad-{n}: {'a' * 1000}\r\n" for n in range(1024))
        else:
            pad = f"X-Pad: {'a' * MIB}\r\n"
        connection.sendall(f"HTTP/1.1 200 OK\r\n{pad}Content-Length: 2\r\n\r\nok".encode())

    return send


@pytest.mark.parametrize("many", [True, False], ids=["1024 headers of 1 KB", "one 1 MB header"])
def test_n24_a_megabyte_of_headers_is_a_protocol_error(
    server: TestServer, fast_limits: HttpLimits, many: bool
) -> None:
    with RawServer(_megabyte_of_headers(many)) as raw:
        attempt = fails(raw.url("/feed.atom"), fast_limits, ProtocolError)
        outcomes = fetch_beside_a_good_feed(server, [raw.url("/feed.atom")], fast_limits)
        connections = raw.connections

    assert "127.0.0.1 sent a broken HTTP response" in message(attempt)
    assert attempt.requests == 1  # a broken response is final
    assert attempt.elapsed < 2.0
    assert connections == 2  # the get, then fetch_all: once each
    assert failed(outcomes[raw.url("/feed.atom")]).reason == "protocol"


def test_server_helpers_are_threads_that_end(fast_limits: HttpLimits) -> None:
    """The raw server's connection threads end with it, so no test leaks a thread."""
    before = threading.active_count()
    with RawServer(answer_feed) as raw:
        assert call(raw.url("/x"), fast_limits).response is not None
    assert threading.active_count() <= before


def test_n23_research_ca_file_trusts_an_intranet_authority_for_a_whole_run(
    certificates: Certificates, monkeypatch: pytest.MonkeyPatch
) -> None:
    with tls_server(certificates.good) as raw:
        url = raw.url("/feed.atom")
        untrusted = research.research("acme-corp", feeds=[url], builtin=False)
        monkeypatch.setenv("RESEARCH_CA_FILE", str(certificates.ca))
        trusted = research.research("acme-corp", feeds=[url], builtin=False)
    assert [f.reason for f in untrusted.failures] == ["tls"]
    assert trusted.failures == () and trusted.sources_total == 1
    monkeypatch.setenv("RESEARCH_CA_FILE", str(certificates.ca) + ".missing")
    with pytest.raises(research.ConfigError, match=r"RESEARCH_CA_FILE.*\.missing"):
        research.load_settings()


def test_time_queued_behind_a_busy_host_is_not_charged_to_a_source(
    server: TestServer, fast_limits: HttpLimits
) -> None:
    """Twenty sources on one host, two at a time, 0.4 s each: the last starts after 3.6 s of
    politeness, yet none times out with a 2 s per-source deadline of its own time."""
    url = server.route("/slow.atom", Reply(200, FEED_BODY, ATOM, delay=0.4))
    limits = replace(fast_limits, source_deadline=2.0, request_deadline=2.0, max_per_host=2)

    async def all_of_them() -> list[object]:
        async with HttpClient(limits) as http:
            return await asyncio.gather(
                *(http.get(f"{url}?n={n}") for n in range(20)), return_exceptions=True
            )

    started = time.perf_counter()
    answers = asyncio.run(all_of_them())
    assert time.perf_counter() - started >= 3.6  # the politeness was real
    assert [type(a).__name__ for a in answers] == ["Response"] * 20

"""Bad URLs wherever a URL enters: typed, saved, met in a redirect, found in a page or feed.

Each is refused up front (InvalidURL from sources, InvalidInput from the library, a usage error
from the command line) or fails its own source with a reason; no other exception comes out,
and the other sources still count.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from datetime import datetime, timezone
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import research
from research.cli import app
from research.config import load_settings
from research.models import Company
from research.store.research_db import Store
from sources import HttpClient, HttpLimits, SourceError
from sources.errors import InvalidURL
from sources.parse.feeds import parse_feed
from sources.parse.pages import feed_links
from sources.parse.urls import is_http_url, require_http_url, url_problem
from sources.providers.registry import saved_source

from ..helpers import LOOPBACK, RECORDED_AT, serve_acme_search
from ..server import Reply, TestServer

FEEDS = Path(__file__).resolve().parent.parent.parent / "fixtures" / "feeds"
GOOGLE = (FEEDS / "google-news-acme-corp.xml").read_bytes()
BING = (FEEDS / "bing-news-acme-corp.xml").read_bytes()
RSS = {"Content-Type": "application/rss+xml; charset=utf-8"}
LIMITS = HttpLimits(
    connect_timeout=1.0,
    read_timeout=1.0,
    request_deadline=2.0,
    source_deadline=4.0,
    backoff=(0.05, 0.1),
    max_retry_wait=0.3,
    allow_private=LOOPBACK,
)
runner = CliRunner()

# --- arbitrary URLs ---------------------------------------------------------------------------

_labels = st.one_of(
    st.from_regex(r"[a-z0-9-]{1,12}", fullmatch=True),
    st.from_regex(r"xn--[a-z0-9-]{0,12}", fullmatch=True),  # mostly malformed punycode
    st.text(min_size=0, max_size=8),  # any Unicode, empty included
    st.integers(60, 80).map(lambda n: "a" * n),  # around the 63-character limit
    st.sampled_from(["127.0.0.1", "[::1]", "[::1", "0x7f.1", "2130706433", "%00", "é", "xn--"]),
)
_hosts = st.lists(_labels, min_size=1, max_size=5).map(".".join) | st.integers(250, 300).map(
    lambda n: ("a." * n)[:n]
)
_ports = st.one_of(
    st.none(),
    st.integers(-5, 200_000).map(str),
    st.sampled_from(["", "0", "65535", "65536", "99999", "x", "8" * 30]),
)
_schemes = st.sampled_from(["http", "https", "HTTP", "ftp", "file", "data", "javascript", ""])
_tails = st.sampled_from(["/", "/feed.xml", "", "/x?y=1#z", "/%", "/ü"])


@st.composite
def _urls(draw: st.DrawFn) -> str:
    if draw(st.integers(0, 9)) == 0:
        return draw(
            st.sampled_from(
                ["data:text/xml,<rss/>", "javascript:alert(1)", "//x.example/", "http://", ""]
            )
            | st.text(max_size=40)
        )
    port = draw(_ports)
    netloc = draw(_hosts) + ("" if port is None else f":{port}")
    return f"{draw(_schemes)}://{netloc}{draw(_tails)}"


ANY_URL = _urls()
QUICK = hypothesis_settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@QUICK
@given(url=ANY_URL)
def test_the_url_check_refuses_with_invalid_url_only(url: str) -> None:
    try:
        cleaned = require_http_url(url)
    except InvalidURL:
        assert url_problem(url) is not None
        return
    assert is_http_url(cleaned)
    # what the check lets through, httpx can parse and IDNA can encode
    parsed = httpx.URL(cleaned)
    assert parsed.host.encode("idna")
    assert all(1 <= len(label) <= 63 for label in parsed.raw_host.rstrip(b".").split(b"."))


def _mock_get(url: str, location: str | None) -> None:
    """A GET of ``url`` through the whole client over an in-memory transport that redirects to
    ``location`` (or answers 404): only a SourceError may come out."""

    def answer(request: httpx.Request) -> httpx.Response:
        if location is not None and request.url.path == "/start":
            return httpx.Response(302, headers={"Location": location})
        return httpx.Response(404)

    async def go() -> None:
        transport = httpx.MockTransport(answer)
        async with HttpClient(LIMITS, transport=transport) as http:
            await http.get(url)

    with contextlib.suppress(SourceError):
        asyncio.run(go())


@QUICK
@given(url=ANY_URL)
def test_any_url_or_redirect_target_fails_only_as_a_source_error(url: str) -> None:
    _mock_get(url, None)
    _mock_get("http://feeds.example/start", url)
    _mock_get("http://feeds.example/start", url.removeprefix("http:"))  # scheme-relative


@QUICK
@given(url=ANY_URL)
def test_any_url_in_a_page_or_feed_is_dropped_or_usable(url: str) -> None:
    quoted = url.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    html = f'<html><head><link rel="alternate" type="application/rss+xml" href="{quoted}"></head></html>'
    for link in feed_links(html, "https://acme.example/"):
        require_http_url(link)
    body = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item>'
        f"<title>Acme Corp wins award</title><link>{quoted}</link></item></channel></rss>"
    ).encode()
    parsed = parse_feed(
        body, {}, source="feed:x", feed_url="https://acme.example/feed", now=RECORDED_AT
    )
    for item in parsed.items:
        assert item.url is None or is_http_url(item.url)


@QUICK
@given(url=ANY_URL)
def test_any_url_saved_in_a_profile_becomes_a_source(url: str) -> None:
    source = saved_source(url)
    assert source.url_for  # never raises: a bad one fails when fetched, as its own source
    saved_source(url, newsroom=True)


@QUICK
@given(url=ANY_URL)
def test_any_url_at_the_library_is_invalid_input_or_a_source_failure(
    url: str, acme_replay: Path
) -> None:
    try:
        result = research.research(
            "Acme Corp", feeds=[url], builtin=False, replay=acme_replay, now=RECORDED_AT
        )
    except research.InvalidInput:
        pass
    else:
        # the replay holds no answer for it: a failure of that source (and of any feed an
        # earlier example saved on the profile), never an exception
        assert result.failures
        assert {f.reason for f in result.failures} == {"not_recorded"}
    for options in ({"feeds": [url]}, {"newsroom": url}, {"domain": url}):
        with contextlib.suppress(research.InvalidInput):
            research.add_company("Acme Corp", **options)  # type: ignore[arg-type]


# --- real sockets: a redirect to a bad URL fails that source only ----------------------------

BAD_TARGETS = {
    "port out of range": ("http://127.0.0.1:99999/feed", "not a number from 1 to 65535"),
    "label over 63": ("http://" + "a" * 64 + ".example/feed", "1 to 63 long"),
    "xn-- garbage": ("http://xn--/feed", "not a valid IDNA label"),
    "punycode of a forbidden code point": ("http://xn--ls8h.example/", "not a valid IDNA label"),
    "data": ("data:application/rss+xml,<rss/>", "not an http(s) URL"),
    "javascript": ("javascript:alert(1)", "not an http(s) URL"),
}


@pytest.mark.parametrize("case", sorted(BAD_TARGETS))
def test_a_redirect_to_a_bad_url_fails_that_source_and_names_the_target(
    server: TestServer, case: str
) -> None:
    target, why = BAD_TARGETS[case]
    settings = load_settings(
        google_news_url=server.route("/google", Reply(200, GOOGLE, RSS)),
        bing_news_url=server.route("/bing", Reply(302, headers={"Location": target})),
        http=LIMITS,
    )

    result = research.research("acme-corp", settings=settings, now=RECORDED_AT)

    [failure] = result.failures
    assert (failure.source, failure.reason) == ("bing-news", "protocol")
    assert f"redirected to {target[:40]}" in failure.error.replace("'", "")
    assert "refused" in failure.error and why in failure.error
    assert "/bing" not in failure.error  # the target is refused, not the feed's own URL
    assert not result.all_failed and result.events
    assert all(e.source == "google-news" for e in result.events)
    assert len(server.hits_for("/bing")) == 1  # not retried


def test_a_redirect_to_a_bad_url_on_the_command_line_exits_as_documented(
    server: TestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One failed source among working ones: the run reports it and exits 0; JSON lists it."""
    serve_acme_search(server, monkeypatch)
    server.route("/bing/news/search", Reply(302, headers={"Location": "http://xn--/x"}))

    result = runner.invoke(app, ["acme-corp", "--json"])

    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [(f["source"], f["reason"]) for f in data["failures"]] == [("bing-news", "protocol")]
    # The other searches still count (whether their dated news is in the window depends on the
    # day the test runs, as the command reads the clock).
    assert (data["sources_total"], data["sources_answered"]) == (3, 2)


def test_a_digest_survives_a_redirect_to_a_bad_port(
    server: TestServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    serve_acme_search(server, monkeypatch)
    server.route("/bing/news/search", Reply(302, headers={"Location": "http://127.0.0.1:99999/"}))
    research.watch(["acme-corp", "Beta Labs"])
    out = tmp_path / "out"

    result = runner.invoke(app, ["digest", "--out", str(out), "--format", "md"])

    assert result.exit_code == 0, result.output
    assert list(out.rglob("*.md"))


# --- cookies ------------------------------------------------------------------------------------


def test_no_cookie_one_answer_sets_goes_out_with_another_request(
    server: TestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A search service that sets a cookie for one company never sees it with the next."""
    cookie = {"Set-Cookie": "sid=watchlist-link; Path=/", **RSS}
    server.route("/google", Reply(200, GOOGLE, cookie))
    server.route("/bing", Reply(302, headers={"Location": "/bing2", "Set-Cookie": "hop=1; Path=/"}))
    server.route("/bing2", Reply(200, BING, cookie))
    settings = load_settings(
        google_news_url=server.url("/google"), bing_news_url=server.url("/bing"), http=LIMITS
    )

    digest = research.weekly_digest(
        ["Acme Corp", "Beta Labs", "Gamma Works"], settings=settings, now=RECORDED_AT
    )

    assert not digest.failures
    assert len(server.hits) >= 9
    assert all("Cookie" not in hit.headers for hit in server.hits)


# --- the command line and saved profiles -------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["http://xn--/x", "http://host:99999/", "http://" + "a" * 64 + ".example/"]
)
def test_a_bad_feed_url_on_the_command_line_is_a_usage_error(url: str) -> None:
    for args in (["acme-corp", "--feed", url], ["company", "add", "Acme Corp", "--feed", url]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, (args, result.output)
        assert "Traceback" not in result.output + result.stderr
        assert url[:20] in result.stderr
    assert research.list_companies() == []


def test_a_saved_profile_with_a_bad_feed_url_fails_that_feed_only(
    server: TestServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A profile saved before these checks (or edited by hand) keeps working: the bad feed is
    one failed source with its reason, every run, and the search sources still count."""
    serve_acme_search(server, monkeypatch)
    Store(load_settings().store_path).save_company(
        Company(
            slug="acme-corp",
            name="Acme Corp",
            feeds=("http://xn--/x", "http://" + "b" * 70 + ".example/feed"),
            discovered_pages=("http://host:99999/news",),
            discovered_at=datetime(2026, 11, 1, tzinfo=timezone.utc),
        ),
        RECORDED_AT,
    )

    for _ in range(2):
        result = runner.invoke(app, ["acme-corp", "--json"])
        assert result.exit_code == 0, result.output
        data = json.loads(result.stdout)
        reasons = {(f["url"][:15], f["reason"]) for f in data["failures"]}
        assert reasons == {
            ("http://xn--/x", "invalid_url"),
            ("http://bbbbbbbb", "invalid_url"),
            ("http://host:999", "invalid_url"),
        }
        assert data["events"]

    research.watch(["acme-corp"])
    out = tmp_path / "out"
    result = runner.invoke(app, ["digest", "--out", str(out), "--format", "md"])
    assert result.exit_code == 0, result.output
    assert list(out.rglob("*.md"))


def test_a_saved_profile_with_a_bad_newsroom_url_says_so_and_still_searches(
    server: TestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    serve_acme_search(server, monkeypatch)
    Store(load_settings().store_path).save_company(
        Company(slug="acme-corp", name="Acme Corp", newsroom="http://xn--/news"), RECORDED_AT
    )

    result = research.research("acme-corp", now=RECORDED_AT)

    assert result.events and not result.failures
    assert any("xn--" in w and "cannot be fetched" in w for w in result.warnings)

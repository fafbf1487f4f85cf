"""GDELT DOC 2.0 (issue 15): the URL as documented, articles as items, and every way the service
fails told apart, end to end on the local server."""

from __future__ import annotations

import asyncio
import dataclasses
import itertools
import json
from datetime import datetime, timezone
from urllib.parse import parse_qs, urlsplit

import pytest

import research
from sources import (
    EmptyResponse,
    HttpClient,
    HttpLimits,
    Malformed,
    Query,
    RateLimited,
    Refused,
)
from sources.net.slots import Spacing
from sources.providers.endpoints import GDELT_DOC_API, gdelt_url
from sources.providers.gdelt import gdelt_title, parse_articles, seen_date

from .helpers import LOOPBACK, RECORDED_AT
from .server import Reply, TestServer

JSON = {"Content-Type": "application/json; charset=utf-8"}
TEXT = {"Content-Type": "text/html; charset=utf-8"}
ONLY_GDELT = {"builtin": False, "sources": ["gdelt"], "now": RECORDED_AT}


def article(title: str, url: str, seen: str = "20261118T091500Z", domain: str = "") -> dict:
    return {"url": url, "title": title, "seendate": seen, "domain": domain, "language": "English"}


def answer(*articles: dict) -> bytes:
    return json.dumps({"articles": list(articles)}).encode()


# --- the URL ---------------------------------------------------------------------------------


def test_the_url_is_the_documented_artlist_query() -> None:
    url = gdelt_url(Query("Acme Corp", ("Acme",), days=30))
    assert url == (
        "https://api.gdeltproject.org/api/v2/doc/doc?query=%28%22Acme%20Corp%22%20OR%20%22Acme"
        "%22%29%20sourcelang%3Aenglish&mode=artlist&format=json&maxrecords=200&sort=datedesc"
        "&timespan=30d"
    )
    query = parse_qs(urlsplit(url).query)
    assert query["query"] == ['("Acme Corp" OR "Acme") sourcelang:english']
    assert int(query["maxrecords"][0]) <= 250


def test_one_name_needs_no_parentheses_and_the_window_stays_within_three_months() -> None:
    url = gdelt_url(Query('AT&T "Mobility"', days=365), "http://127.0.0.1:9/doc")
    query = parse_qs(urlsplit(url).query)
    assert url.startswith("http://127.0.0.1:9/doc?query=")
    assert query["query"] == ['"AT&T Mobility" sourcelang:english']
    assert query["timespan"] == ["90d"]


# --- reading an answer -------------------------------------------------------------------------


def test_articles_become_items_with_the_publisher_s_own_link_newest_first() -> None:
    body = answer(
        article(
            "Acme Corp wins award",
            "https://ledger.example/a?utm_source=x",
            domain="www.ledger.example",
        ),
        article("Acme Corp opens plant", "https://post.example/b", "20261119T120000Z"),
        article("no link", "javascript:alert(1)"),
        article("", "https://post.example/untitled"),
    )
    parsed = parse_articles(body, source="gdelt", url=GDELT_DOC_API, now=RECORDED_AT)
    assert [i.title for i in parsed.items] == ["Acme Corp opens plant", "Acme Corp wins award"]
    award = parsed.items[1]
    assert award.url == "https://ledger.example/a"
    assert (award.publisher, award.publisher_domain) == ("ledger.example", "ledger.example")
    assert award.published == datetime(2026, 11, 18, 9, 15, tzinfo=timezone.utc)
    assert parsed.items[0].publisher_domain == "post.example"  # no domain given: the link's


def test_titles_lose_gdelt_s_spaces_around_punctuation() -> None:
    assert gdelt_title("Acme ' s plant , opened ( finally ) : 20 % up") == (
        "Acme's plant, opened (finally): 20% up"
    )
    assert gdelt_title("Acme Corp &amp; Beta <b>team up</b>") == "Acme Corp & Beta team up"


def test_seen_dates_are_utc_and_a_future_one_is_unknown() -> None:
    assert seen_date("20261118T091500Z") == datetime(2026, 11, 18, 9, 15, tzinfo=timezone.utc)
    assert seen_date("2026-11-18") is None
    parsed = parse_articles(
        answer(article("Acme Corp wins", "https://a.example/", "20991231T000000Z")),
        source="gdelt",
        url=GDELT_DOC_API,
        now=RECORDED_AT,
    )
    assert parsed.items[0].published is None


def test_an_answer_that_found_nothing_is_no_items_not_a_failure() -> None:
    for body in (b"{}", b'{"articles": []}', b"\xef\xbb\xbf{}\n"):
        assert parse_articles(body, source="gdelt", url=GDELT_DOC_API, now=RECORDED_AT).items == ()


def test_stray_backslashes_gdelt_sends_are_forgiven() -> None:
    body = (
        b'{"articles": [{"url": "https://a.example/x", "title": "Acme \\x Corp wins \\\' award"}]}'
    )
    parsed = parse_articles(body, source="gdelt", url=GDELT_DOC_API, now=RECORDED_AT)
    assert len(parsed.items) == 1 and "Acme" in parsed.items[0].title


@pytest.mark.parametrize(
    ("body", "error", "words"),
    [
        (b"", EmptyResponse, "empty"),
        (b"   \n", EmptyResponse, "empty"),
        (
            b"Please limit requests to one every 5 seconds or contact us.",
            RateLimited,
            "rate-limited",
        ),
        (b"<html><body>Too Many Requests</body></html>", RateLimited, "rate-limited"),
        (b"The specified phrase is too short.", Refused, "too short"),
        (b'{"articles": [{"url": "https://a.example/"', Malformed, "not valid JSON"),
        (b'["a", "b"]', Malformed, "not an object"),
        (b'{"articles": {"url": "x"}}', Malformed, "not a list"),
        (b'{"articles": [{"title": "no link"}]}', Malformed, "usable link"),
    ],
)
def test_what_is_not_data_is_never_read_as_data(body: bytes, error: type, words: str) -> None:
    with pytest.raises(error, match=words):
        parse_articles(body, source="gdelt", url=GDELT_DOC_API, now=RECORDED_AT)


# --- end to end --------------------------------------------------------------------------------


def test_gdelt_articles_become_events(server: TestServer, monkeypatch: pytest.MonkeyPatch) -> None:
    body = answer(
        article(
            "Acme Corp wins 2026 Edison Award",
            "https://ledger.example/award",
            domain="ledger.example",
        ),
        article("Acme Corp to cut 200 jobs", "https://post.example/cuts"),
    )
    monkeypatch.setenv("RESEARCH_GDELT_URL", server.route("/doc", Reply(200, body, JSON)))
    result = research.research("acme-corp", **ONLY_GDELT)
    assert not result.failures and result.sources_total == 1
    (event,) = result.events
    assert (event.source, event.kind.value, event.url) == (
        "gdelt",
        "award",
        "https://ledger.example/award",
    )
    (hit,) = server.hits_for("/doc")
    assert parse_qs(urlsplit(hit.path).query)["mode"] == ["artlist"]


@pytest.mark.parametrize(
    ("reply", "reason"),
    [
        (Reply(403, b"<html>denied</html>", TEXT), "blocked"),
        (Reply(429, b"slow down", {**TEXT, "Retry-After": "3600"}), "rate_limited"),
        (Reply(200, b"Please limit requests to one every 5 seconds", TEXT), "rate_limited"),
        (Reply(200, b'{"articles": [', JSON), "malformed"),
        (Reply(200, b"", JSON), "empty"),
        (Reply(200, b"Your search contained invalid characters.", TEXT), "refused"),
        (Reply(200, b"{}", JSON, delay=3.0), "timed_out"),
    ],
    ids=["blocked", "429", "text-rate-limit", "malformed", "empty", "refused", "slow"],
)
def test_each_failure_has_its_own_reason_and_the_other_sources_still_count(
    server: TestServer,
    monkeypatch: pytest.MonkeyPatch,
    fast_limits: HttpLimits,
    reply: Reply,
    reason: str,
) -> None:
    monkeypatch.setenv("RESEARCH_GDELT_URL", server.route("/doc", reply))
    feed = server.fixture("/feed.atom", "feeds/acme-newsroom.atom", "application/atom+xml")
    settings = research.load_settings(http=dataclasses.replace(fast_limits, retries=0))
    result = research.research("acme-corp", feeds=[feed], days=365, settings=settings, **ONLY_GDELT)
    assert [(f.source, f.reason) for f in result.failures] == [("gdelt", reason)]
    assert result.events and not result.all_failed
    if reason == "rate_limited":
        assert "rate-limited" in result.failures[0].error


def test_requests_to_a_service_keep_its_spacing(server: TestServer) -> None:
    """GDELT asks one request per five seconds: the client keeps a service's spacing, here a
    shorter one on the test server's address, across sources and companies alike."""
    url = server.route("/doc", Reply(200, b"{}", JSON))
    limits = HttpLimits(allow_private=LOOPBACK, spacing=(("127.0.0.1", 0.5),))

    async def three() -> None:
        async with HttpClient(limits) as http:
            await asyncio.gather(*(http.get(url) for _ in range(3)))

    asyncio.run(three())
    times = [hit.at for hit in server.hits_for("/doc")]
    assert len(times) == 3
    assert all(b - a >= 0.35 for a, b in itertools.pairwise(times))  # 0.5 s, less any lag


def test_spacing_rules_cover_a_host_and_the_hosts_under_it() -> None:
    spacing = Spacing((("sec.gov", 0.1), ("api.gdeltproject.org", 5.0)))
    assert spacing.rule_for("www.sec.gov") == ("sec.gov", 0.1)
    assert spacing.rule_for("data.sec.gov") == ("sec.gov", 0.1)
    assert spacing.rule_for("API.gdeltproject.org.") == ("api.gdeltproject.org", 5.0)
    assert spacing.rule_for("notsec.gov") is None
    assert spacing.rule_for("gdeltproject.org") is None

"""robots.txt as RFC 9309 reads it, and discovery that obeys it and stays bounded on bad sites."""

from __future__ import annotations

import asyncio
import time
from datetime import datetime, timezone

import pytest

from sources import HttpClient, HttpLimits, discover_newsroom
from sources.discover import COMMON_FEED_PATHS, MAX_CANDIDATE_PAGES
from sources.net.robots import parse_robots
from sources.parse.pages import release_details

from .helpers import LOOPBACK
from .server import Reply, TestServer

NOW = datetime(2026, 11, 20, 12, tzinfo=timezone.utc)
HTML = {"Content-Type": "text/html; charset=utf-8"}


@pytest.mark.parametrize(
    ("robots", "path", "allowed"),
    [
        ("User-agent: *\nAllow: /\nDisallow: /newsroom/\n", "/newsroom/", False),  # longest wins
        ("User-agent: *\nDisallow: /news\nAllow: /news/feed\n", "/news/feed.xml", True),
        ("User-agent: *\nDisallow: /*press\n", "/en/press/2026", False),  # wildcard
        ("User-agent: *\nDisallow: /*.xml$\n", "/feed.xml", False),  # end anchor
        ("User-agent: *\nDisallow: /*.xml$\n", "/feed.xml?page=2", True),
        ("User-agent: OtherBot\nDisallow: /\n\nUser-agent: *\nDisallow: /private\n", "/", True),
        ("User-agent: research\nDisallow: /private\nUser-agent: *\nDisallow: /\n", "/news/", True),
        ("User-agent: Research\nDisallow: /\n", "/news/", False),  # agent names ignore case
        ("", "/anything", True),
        ("User-agent: *\nDisallow: /\n", "/robots.txt", True),
    ],
)
def test_robots_rules(robots: str, path: str, allowed: bool) -> None:
    assert parse_robots(robots).allows(f"https://acme.example{path}") is allowed


def _discover(origin: str, limits: HttpLimits | None = None, newsroom: str | None = None):  # type: ignore[no-untyped-def]
    async def run():  # type: ignore[no-untyped-def]
        async with HttpClient(limits or HttpLimits(allow_private=LOOPBACK)) as http:
            return await discover_newsroom(origin, http, now=NOW, newsroom=newsroom)

    return asyncio.run(run())


def test_allow_all_then_disallow_newsroom_is_obeyed(server: TestServer) -> None:
    server.route(
        "/robots.txt",
        Reply(
            200, b"User-agent: *\nAllow: /\nDisallow: /newsroom/\n", {"Content-Type": "text/plain"}
        ),
    )
    server.route(
        "/", Reply(200, b'<html><body><a href="/newsroom/">Newsroom</a></body></html>', HTML)
    )
    server.route("/newsroom/", Reply(200, b"<html>secret listing</html>", HTML))
    found = _discover(server.url("").rstrip("/"))
    assert not server.hits_for("/newsroom/")
    assert found.pages == ()


def test_a_newsroom_on_another_host_is_checked_against_that_hosts_robots(
    server: TestServer,
) -> None:
    with TestServer("127.0.0.2") as other:
        other.route(
            "/robots.txt",
            Reply(200, b"User-agent: *\nDisallow: /\n", {"Content-Type": "text/plain"}),
        )
        other.route("/press/", Reply(200, b"<html>listing</html>", HTML))
        server.route("/robots.txt", Reply(404))
        server.route("/", Reply(200, b"<html><body>Welcome</body></html>", HTML))
        found = _discover(server.url("").rstrip("/"), newsroom=other.url("/press/"))
        assert not other.hits_for("/press/")
        assert any("robots.txt forbids" in n and "/press/" in n for n in found.notes)


def test_discovery_on_a_failing_site_is_bounded_and_left_for_later(server: TestServer) -> None:
    server.route("/robots.txt", Reply(404))
    for path in ("/", "/news/", *COMMON_FEED_PATHS):
        server.route(path, Reply(500))
    started = time.monotonic()
    found = _discover(
        server.url("").rstrip("/"), HttpLimits(backoff=(0.01, 0.01), allow_private=LOOPBACK)
    )
    assert time.monotonic() - started < 5
    assert not found.reachable  # the home page failed: try again next time
    assert found.requests == 2  # robots.txt and the home page, no retries


def test_discovery_requests_stay_within_the_documented_bound(server: TestServer) -> None:
    links = "".join(f'<a href="/news{i}/">News {i}</a>' for i in range(20))
    server.route("/robots.txt", Reply(404))
    server.route("/", Reply(200, f"<html><body>{links}</body></html>".encode(), HTML))
    found = _discover(server.url("").rstrip("/"))
    assert found.requests <= 2 + MAX_CANDIDATE_PAGES + len(COMMON_FEED_PATHS)
    assert len(server.hits) == found.requests


def test_links_are_resolved_against_the_page_after_redirects(server: TestServer) -> None:
    server.route("/robots.txt", Reply(404))
    server.route("/", Reply(301, headers={"Location": "/en/"}))
    server.route(
        "/en/",
        Reply(
            200,
            b'<html><head><link rel="alternate" type="application/rss+xml" href="feed.xml"></head></html>',
            HTML,
        ),
    )
    found = _discover(server.url("").rstrip("/"))
    assert found.feeds == (server.url("/en/feed.xml"),)


def test_a_release_whose_body_is_a_url_is_never_fetched(server: TestServer) -> None:
    server.route("/secret", Reply(200, b"internal"))
    published, lead = release_details(server.url("/secret"), "https://acme.example/news/1")
    assert (published, lead) == (None, "")
    assert not server.hits_for("/secret")


def test_a_redirect_to_a_path_robots_txt_forbids_is_not_followed(server: TestServer) -> None:
    server.route(
        "/robots.txt",
        Reply(200, b"User-agent: *\nDisallow: /private/\n", {"Content-Type": "text/plain"}),
    )
    server.route("/", Reply(200, b'<html><body><a href="/news/">News</a></body></html>', HTML))
    server.route("/news/", Reply(302, headers={"Location": "/private/news/"}))
    server.route("/private/news/", Reply(200, b"<html>hidden listing</html>", HTML))
    found = _discover(server.url("").rstrip("/"))
    assert not server.hits_for("/private/news/")
    assert any("/private/news/" in note and "robots.txt" in note for note in found.notes)

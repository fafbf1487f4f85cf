"""Press-release wires (issue 15): a profile's organisation feed on a wire is read like any feed
and speaks for the company; discovery keeps the wire feed its newsroom links to."""

from __future__ import annotations

import asyncio
from datetime import datetime, timezone

import pytest
from typer.testing import CliRunner

import research
from research.cli import app
from research.plan.sources import own_sources
from sources import HttpClient, HttpLimits, discover_newsroom
from sources.providers.wires import is_wire_feed, wire_links

from .helpers import LOOPBACK
from .server import Reply, TestServer
from .sites import SITES, serve_site

NOW = datetime(2026, 11, 20, 12, tzinfo=timezone.utc)
WIRE_FEED = "https://www.globenewswire.com/RssFeed/organization/q8Zk2bWire0Acme=="
runner = CliRunner()


@pytest.mark.parametrize(
    ("url", "wire_feed"),
    [
        (WIRE_FEED, True),
        ("https://feed.businesswire.com/rss/home/?rss=G1QFDERJXkJeGVtRWA==", True),
        ("https://www.prnewswire.com/rss/news-releases-list.rss", False),  # every release
        ("https://www.globenewswire.com/news-release/2026/11/18/1/0/en/acme.html", False),
        ("https://acme.example/RssFeed/organization/x", False),  # not a wire
        ("https://globenewswire.com.evil.example/RssFeed/organization/x", False),
    ],
)
def test_an_organisation_feed_on_a_wire_is_told_apart(url: str, wire_feed: bool) -> None:
    assert is_wire_feed(url) is wire_feed


def test_wire_links_are_found_in_anchors_and_link_elements() -> None:
    html = (
        f'<link rel="alternate" href="{WIRE_FEED}"><a href="/news/">News</a>'
        '<a href="https://www.globenewswire.com/news-release/x.html">a release</a>'
        f'<a href="{WIRE_FEED}">RSS</a><a href="javascript:alert(1)">x</a>'
    )
    assert wire_links(html) == [WIRE_FEED]


def test_a_profile_s_wire_feed_is_first_party_and_can_be_switched_off(
    server: TestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    wire = server.fixture(
        "/RssFeed/organization/acme", "feeds/acme-newsroom.atom", "application/atom+xml"
    )
    done = runner.invoke(
        app, ["company", "add", "acme-corp", "--name", "Acme Corp", "--wire", wire]
    )
    assert done.exit_code == 0, done.stderr
    assert f"wires: {wire}" in done.stdout
    result = research.research("acme-corp", builtin=False, now=NOW)
    assert not result.failures and result.events
    assert {e.source for e in result.events} == {"wire:127.0.0.1"}
    assert all(e.first_party for e in result.events)
    hits = len(server.hits_for("/RssFeed/organization/acme"))
    switched_off = research.research("acme-corp", no_sources=["wire"], days=365, now=NOW)
    assert len(server.hits_for("/RssFeed/organization/acme")) == hits
    assert "wire:127.0.0.1" not in {e.source for e in switched_off.events}


def test_discovery_keeps_the_wire_feed_a_newsroom_links_to(server: TestServer) -> None:
    origin = serve_site(server, "cards-site")
    room = (SITES / "cards-site" / "press-room" / "index.html").read_text(encoding="utf-8")
    room = room.replace("https://brightwell.example", origin).replace(
        "</body>", f'<a href="{WIRE_FEED}">Our releases on GlobeNewswire (RSS)</a></body>'
    )
    server.route("/press-room/", Reply(200, room.encode(), {"Content-Type": "text/html"}))

    async def discover():  # type: ignore[no-untyped-def]
        async with HttpClient(HttpLimits(allow_private=LOOPBACK)) as http:
            return await discover_newsroom(origin, http, now=NOW)

    found = asyncio.run(discover())
    assert found.pages == (origin + "/press-room/",)  # the wire did not end the search
    assert found.feeds == (WIRE_FEED,)
    company = research.Company(
        "brightwell", "Brightwell Logistics", discovered_feeds=found.feeds, domain=origin
    )
    (wire,) = [s for s in own_sources(company, (), wires=True) if s.name.startswith("wire:")]
    assert wire.name == "wire:globenewswire.com"
    assert not [s for s in own_sources(company, (), wires=False) if s.name.startswith("wire:")]


def test_a_wire_that_is_not_a_url_is_a_usage_error() -> None:
    done = runner.invoke(app, ["company", "add", "acme-corp", "--wire", "ftp://wire.example/x"])
    assert done.exit_code == 2 and "wire feed" in done.stderr

"""Newsroom discovery and extraction on the fixture sites, and company profiles end to end.

Each site is served from a real local server; the golden files beside the fixtures pin what is
requested, what is found and the exact items extracted.
"""

from __future__ import annotations

import asyncio
import json
from datetime import datetime, timezone
from pathlib import Path

import pytest
from typer.testing import CliRunner

import research
from research.cli import app
from research.store.profiles import add_company, get_company
from sources import HttpClient, HttpLimits, Query, discover_newsroom, fetch_all, newsroom_source
from sources.discover import COMMON_FEED_PATHS, MAX_CANDIDATE_PAGES

from .helpers import LOOPBACK
from .regen_site_goldens import observe
from .server import FIXTURES, Reply, TestServer
from .sites import SITES, golden, serve_site

NOW = datetime(2026, 11, 20, 12, tzinfo=timezone.utc)
SITE_NAMES = sorted(p.name for p in SITES.iterdir() if (p / "site.json").is_file())
runner = CliRunner()


@pytest.mark.parametrize("name", SITE_NAMES)
def test_site_matches_its_golden_file(name: str) -> None:
    assert observe(name) == golden(name)


def test_every_site_has_a_manifest_line_saying_what_it_imitates() -> None:
    manifest = (SITES / "MANIFEST.md").read_text(encoding="utf-8")
    for name in SITE_NAMES:
        assert name in manifest, name
        assert json.loads((SITES / name / "site.json").read_text())["imitates"]


@pytest.mark.parametrize("name", SITE_NAMES)
def test_discovery_makes_a_bounded_number_of_requests(name: str) -> None:
    bound = 2 + MAX_CANDIDATE_PAGES + len(COMMON_FEED_PATHS)
    requests = golden(name)["discovery"]["requests"]  # type: ignore[index]
    assert 1 <= requests <= bound


def _discover(server: TestServer, origin: str):  # type: ignore[no-untyped-def]
    async def run():  # type: ignore[no-untyped-def]
        async with HttpClient(HttpLimits(allow_private=LOOPBACK)) as http:
            return await discover_newsroom(origin, http, now=NOW)

    return asyncio.run(run())


def test_robots_txt_is_obeyed(server: TestServer) -> None:
    origin = serve_site(server, "robots-site")
    found = _discover(server, origin)
    assert found.feeds == () and found.pages == ()
    paths = [hit.path for hit in server.hits]
    assert not [p for p in paths if p.startswith("/newsroom")]
    assert any("robots.txt forbids" in note and "/newsroom/" in note for note in found.notes)


def test_an_unreadable_robots_txt_stops_discovery_and_leaves_it_for_later(
    server: TestServer,
) -> None:
    server.route("/robots.txt", Reply(503))
    server.route(
        "/", Reply(200, b"<html><a href='/news/'>News</a></html>", {"Content-Type": "text/html"})
    )
    found = _discover(server, server.url("").rstrip("/"))
    assert not found.reachable
    assert {hit.path for hit in server.hits} == {"/robots.txt"}


def test_a_javascript_only_newsroom_says_a_browser_is_needed(server: TestServer) -> None:
    origin = serve_site(server, "js-site")

    async def run():  # type: ignore[no-untyped-def]
        async with HttpClient(HttpLimits(allow_private=LOOPBACK)) as http:
            return await fetch_all(
                [newsroom_source(origin + "/news/")], Query("Quanta"), http, now=NOW
            )

    report = asyncio.run(run())
    (failure,) = report.failures
    assert failure.reason == "needs_browser"
    assert "nothing extractable without a browser" in failure.error


def test_a_profile_discovers_once_and_its_press_releases_are_first_party(
    server: TestServer, tmp_path: Path
) -> None:
    origin = serve_site(server, "cards-site")
    settings = research.load_settings(home=tmp_path / "home")
    add_company("brightwell", name="Brightwell Logistics", domain=origin, settings=settings)
    first = research.research("brightwell", builtin=False, settings=settings, now=NOW)
    saved = get_company("brightwell", settings=settings)
    assert saved.discovered_pages == (origin + "/press-room/",)
    assert saved.discovered_at == NOW
    home_requests = len(server.hits_for("/"))
    second = research.research("brightwell", builtin=False, settings=settings, now=NOW)
    assert len(server.hits_for("/")) == home_requests  # not discovered again
    assert [e.title for e in second.events] == [e.title for e in first.events]
    assert first.events and all(e.first_party for e in first.events)
    top = first.events[0]
    assert "from the company's own site" in top.reasons[0]
    assert "the company's own announcement" in top.reasons
    skipped = {s.title: s.reason for s in first.skipped}
    restructuring = next(t for t in skipped if "restructuring" in t)
    assert skipped[restructuring].startswith("negative news")


def test_a_profile_with_a_feed_on_its_site_marks_those_items_first_party(
    server: TestServer, tmp_path: Path
) -> None:
    origin = serve_site(server, "feed-site")
    settings = research.load_settings(home=tmp_path / "home")
    add_company("northwind", name="Northwind Turbines", domain=origin, settings=settings)
    result = research.research("northwind", builtin=False, settings=settings, now=NOW)
    assert not result.failures
    assert result.events and all(e.first_party for e in result.events)
    assert any(e.kind is research.EventKind.AWARD for e in result.events)


def test_namesakes_and_excluded_terms_are_skipped_with_reasons(
    server: TestServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = (FIXTURES / "feeds" / "google-news-acme-namesakes.xml").read_bytes()
    monkeypatch.setenv("RESEARCH_GOOGLE_NEWS_URL", server.route("/google", Reply(200, body)))
    settings = research.load_settings(home=tmp_path / "home")
    add_company(
        "acme-corp",
        name="Acme Corp",
        aliases=["Acme"],
        exclude=["Acme Hardware", "Acme Pencil Works"],
        settings=settings,
    )
    result = research.research("acme-corp", settings=settings, now=NOW)
    reasons = {s.title: s.reason for s in result.skipped}

    def reason_for(fragment: str) -> str:
        return next(r for t, r in reasons.items() if fragment in t)

    assert (
        reason_for("Acme Hardware") == "mentions 'Acme Hardware', which is excluded for Acme Corp"
    )
    assert reason_for("Acme Pencil Works").startswith("mentions 'Acme Pencil Works'")
    assert reason_for("Acme Brick Co. breaks ground").startswith("names another company")
    assert reason_for("acme of luxury").startswith("neither the headline nor")
    events = {e.title: e for e in result.events}
    # Acme Corp is named in the summary, but the funding is the startup's, not Acme's.
    assert reason_for("Lumen Cove") == "the headline's event belongs to someone else"
    assert not any("Lumen Cove" in t for t in events)
    assert not any("Brick" in t or "Hardware" in t or "Pencil" in t for t in events)


def test_company_commands_round_trip(server: TestServer) -> None:
    origin = serve_site(server, "table-site")
    added = runner.invoke(
        app,
        ["company", "add", "halvorsen", "--name", "Halvorsen Biotech", "--domain", origin,
         "--alias", "Halvorsen", "--exclude", "Halvorsen Marine"],
    )  # fmt: skip
    assert added.exit_code == 0, added.stderr
    assert "saved halvorsen: Halvorsen Biotech" in added.stdout
    listed = runner.invoke(app, ["company", "list"])
    assert listed.stdout.split()[:3] == ["halvorsen", "Halvorsen", "Biotech"]
    discovered = runner.invoke(app, ["company", "discover", "halvorsen"])
    assert discovered.exit_code == 0, discovered.stderr
    assert f"newsroom page: {origin}/investors/press-releases/" in discovered.stdout
    shown = runner.invoke(app, ["company", "show", "halvorsen", "--json"])
    profile = json.loads(shown.stdout)
    assert profile["aliases"] == ["Halvorsen"]
    assert profile["exclude"] == ["Halvorsen Marine"]
    assert profile["discovered_pages"] == [f"{origin}/investors/press-releases/"]
    removed = runner.invoke(app, ["company", "remove", "halvorsen"])
    assert removed.exit_code == 0
    missing = runner.invoke(app, ["company", "show", "halvorsen"])
    assert missing.exit_code == 2
    assert "no saved profile for 'halvorsen'" in missing.stderr


@pytest.mark.parametrize("name", ["AT&T", "L'Oréal", "Yahoo!", "Nestlé", "3M"])
def test_awkward_names_make_working_profiles(name: str) -> None:
    added = runner.invoke(app, ["company", "add", name, "--domain", "example.com"])
    assert added.exit_code == 0, added.stderr
    profile = get_company(name)
    assert profile.name == name
    assert runner.invoke(app, ["company", "show", profile.slug]).exit_code == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["company", "add", "x", "--domain", "not a domain"], "not a host name"),
        (["company", "add", "x", "--newsroom", "javascript:alert(1)"], "not usable"),
        (["company", "add", "x", "--feed", "file:///etc/passwd"], "not usable"),
        (["company", "discover", "nobody"], "no saved profile"),
    ],
)
def test_bad_profile_input_is_a_usage_error(args: list[str], message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_damaged_profile_is_named_listed_as_damaged_and_removable(tmp_path: Path) -> None:
    import sqlite3

    add_company("acme-corp", name="Acme Corp", domain="acme.example")
    add_company("beta", name="Beta Inc.", domain="beta.example")
    store = Path(research.load_settings().store_path)
    connection = sqlite3.connect(store)
    connection.execute(
        """UPDATE companies SET data = '{"slug": "beta", "aliases": [1]}' WHERE slug = 'beta'"""
    )
    connection.commit()
    connection.close()
    shown = runner.invoke(app, ["company", "show", "beta"])
    assert shown.exit_code == 1
    assert (
        "the saved profile 'beta'" in shown.stderr
        and "research company remove beta" in shown.stderr
    )
    listed = runner.invoke(app, ["company", "list"])
    assert listed.exit_code == 0
    assert "acme-corp" in listed.stdout and "damaged" in listed.stderr
    assert runner.invoke(app, ["company", "remove", "beta"]).exit_code == 0
    assert "damaged" not in runner.invoke(app, ["company", "list"]).stderr


def test_a_run_saves_only_what_discovery_found_into_the_profile(
    server: TestServer, tmp_path: Path
) -> None:
    origin = serve_site(server, "cards-site")
    add_company("brightwell", name="Brightwell Logistics Inc.", domain=origin)
    research.research("brightwell", aliases=["One Off Alias"], builtin=False, now=NOW)
    saved = get_company("brightwell")
    assert saved.aliases == ()
    assert saved.discovered_pages == (origin + "/press-room/",)


def test_a_newsroom_only_profile_keeps_its_own_press_releases(server: TestServer) -> None:
    origin = serve_site(server, "cards-site")
    add_company("bw2", name="Brightwell Logistics", newsroom=origin + "/press-room/")
    result = research.research("bw2", builtin=False, now=NOW)
    titles = [e.title for e in result.events]
    assert any(t.startswith("Northstar Grocers selects Brightwell") for t in titles)


def test_javascript_only_reason_stays_in_the_profile(server: TestServer) -> None:
    origin = serve_site(server, "js-site")
    add_company("quanta", name="Quanta Retail", domain=origin)
    research.research("quanta", now=NOW)
    shown = runner.invoke(app, ["company", "show", "quanta"])
    assert "nothing extractable without a browser" in shown.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["company", "add", "p1", "--domain", "http://127.0.0.1:99999"],
        ["company", "add", "p2", "--newsroom", "http://127.0.0.1:notaport/"],
        ["company", "add", "p3", "--domain", "https://user:pw@acme.com"],
    ],
)
def test_unusable_site_urls_are_refused_when_added(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.stdout
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("name", "headline"),
    [
        ("AT&T", "AT&T wins 2026 network reliability award"),
        ("L'Oréal", "L\u2019Oréal opens new research lab in Lyon"),
        ("Yahoo!", "Yahoo! launches redesigned mail app"),
        ("Nestlé", "Nestle breaks ground on new plant in Ohio"),
        ("3M", "3M named one of the best places to work"),
    ],
)
def test_awkward_names_find_their_news_end_to_end(
    server: TestServer, name: str, headline: str
) -> None:
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item>'
        f"<title>{headline.replace('&', '&amp;')}</title><link>https://news.example/1</link>"
        "<pubDate>Wed, 18 Nov 2026 10:00:00 GMT</pubDate></item></channel></rss>"
    ).encode()
    url = server.route("/feed", Reply(200, feed))
    add_company(name, domain="example.com")
    result = research.research(name, feeds=[url], builtin=False, now=NOW)
    assert [e.title for e in result.events] == [headline], result.skipped

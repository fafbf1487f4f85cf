"""The headline of `research COMPANY` tells the truth about how many events there were and when.

It used to say "10 pieces of good news" when 11 were found and --limit showed 10, and "in the
last day" about an event whose date is unknown.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import pytest
from typer.testing import CliRunner

from research.cli import app
from research.models import Company, Event, EventKind, Result
from research.write.render import format_text, result_to_dict

from .server import Reply, TestServer

runner = CliRunner()
CITIES = (
    "Denver Austin Boston Chicago Seattle Portland Atlanta Miami Dallas Phoenix Detroit".split()
)
NOW = datetime(2026, 11, 20, 12, tzinfo=timezone.utc)
ACME = Company("acme-corp", "Acme Corp")


def rss(items: str) -> bytes:
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'.encode()


def office(city: str, published: datetime | None) -> str:
    date = f"<pubDate>{format_datetime(published)}</pubDate>" if published else ""
    return (
        f"<item><title>Acme Corp opens new office in {city}</title>"
        f"<link>https://news.example/{city.lower()}</link>{date}</item>"
    )


@pytest.fixture
def search(server: TestServer, monkeypatch: pytest.MonkeyPatch) -> TestServer:
    """Google News answers from the local server (each test routes /google); Bing is empty."""
    server.route("/bing", Reply(200, rss("")))
    monkeypatch.setenv("RESEARCH_GOOGLE_NEWS_URL", server.url("/google"))
    monkeypatch.setenv("RESEARCH_BING_NEWS_URL", server.url("/bing"))
    return server


def research_cli(*args: str) -> str:
    result = runner.invoke(app, ["acme-corp", *args])
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_a_cut_list_says_how_many_were_found(search: TestServer) -> None:
    now = datetime.now(timezone.utc)
    items = "".join(office(city, now - timedelta(days=1 + n)) for n, city in enumerate(CITIES))
    search.route("/google", Reply(200, rss(items)))

    out = research_cli()
    assert out.splitlines()[0] == (
        "Acme Corp: showing 10 of 11 pieces of good news in the last 30 days, best first"
    )
    assert "\n10. " in out and "\n11. " not in out
    document = json.loads(research_cli("--json"))
    assert (document["events_found"], len(document["events"])) == (11, 10)

    whole = research_cli("--limit", "11")
    assert (
        whole.splitlines()[0] == "Acme Corp: 11 pieces of good news in the last 30 days, best first"
    )
    assert json.loads(research_cli("--limit", "11", "--json"))["events_found"] == 11


def test_an_undated_event_is_not_said_to_be_from_the_last_day(search: TestServer) -> None:
    recent = datetime.now(timezone.utc) - timedelta(hours=2)
    search.route("/google", Reply(200, rss(office("Denver", recent) + office("Austin", None))))
    out = research_cli("--days", "1")
    assert out.splitlines()[0] == (
        "Acme Corp: 2 pieces of good news (1 in the last day, 1 with the date unknown), best first"
    )

    search.route("/google", Reply(200, rss(office("Austin", None))))
    out = research_cli("--days", "1", "--limit", "1")
    assert out.splitlines()[0] == "Acme Corp: 1 piece of good news (date unknown), best first"
    assert "in the last day" not in out


def event(city: str, published: datetime | None) -> Event:
    return Event(
        title=f"Acme Corp opens new office in {city}",
        url=f"https://news.example/{city.lower()}",
        publisher="The Daily Ledger",
        publisher_domain="dailyledger.example",
        published=published,
        kind=EventKind.EXPANSION,
        score=0.5,
        reasons=("the headline names Acme Corp",),
        sentence="Congratulations to the Acme Corp team on the new office.",
        source="google-news",
    )


@pytest.mark.parametrize(
    ("dates", "found", "headline"),
    [
        ([NOW], None, "1 piece of good news in the last 7 days"),
        ([NOW, NOW], 2, "2 pieces of good news in the last 7 days"),
        ([NOW, NOW], 5, "showing 2 of 5 pieces of good news in the last 7 days"),
        ([None, None], 3, "showing 2 of 3 pieces of good news (dates unknown)"),
        ([NOW, None, None], None, "3 pieces of good news (1 in the last 7 days, 2 with the date unknown)"),
    ],
)  # fmt: skip
def test_the_headline_counts_what_was_found_and_dates_only_what_has_a_date(
    dates: list[datetime | None], found: int | None, headline: str
) -> None:
    events = tuple(event(city, date) for city, date in zip(CITIES, dates, strict=False))
    result = Result(ACME, NOW, 7, events, events_found=found)
    assert format_text(result).splitlines()[0] == f"Acme Corp: {headline}, best first"
    assert result_to_dict(result)["events_found"] == (found or len(events))

"""Topics from the interview and the standing of outlets, as the ranker uses them."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from research.judge.outlets import established_outlet
from research.judge.rank import rank_items
from research.judge.topics import touches
from research.models import Company
from sources import Item, Outlet

NOW = datetime(2026, 11, 20, 12, tzinfo=timezone.utc)
ACME = Company(slug="acme-corp", name="Acme Corp")


@pytest.mark.parametrize(
    ("topic", "text", "expected"),
    [
        ("supply chain", "Acme Corp partners with Beta to fix supply chains", True),
        ("the Denver office", "Acme Corp opens new office in Denver", True),
        ("cloud migration", "Acme Corp wins cloud contract", False),
        ("Cloud Migrations", "Acme helps banks with their cloud migration", True),
        ("of the", "Acme Corp wins award", False),
    ],
)
def test_touches(topic: str, text: str, expected: bool) -> None:
    assert touches(topic, text) is expected


def test_established_outlets_are_known_by_domain_and_subdomain() -> None:
    assert established_outlet(["smallblog.example", "www.reuters.com"]) == "reuters.com"
    assert established_outlet(["markets.businesswire.com"]) == "markets.businesswire.com"
    assert established_outlet(["reuters.com.evil.example", "notreuters.com"]) == ""


def _item(title: str, domain: str, days: float = 1.0, summary: str = "") -> Item:
    url = f"https://{domain}/{abs(hash(title))}"
    return Item(
        key=title,
        title=title,
        url=url,
        published=NOW - timedelta(days=days),
        summary=summary,
        publisher=domain,
        publisher_domain=domain,
        source="test",
        outlets=(Outlet(domain, domain, url, "test"),),
    )


def test_a_topic_lifts_the_event_that_touches_it_and_says_so() -> None:
    items = [
        _item("Acme Corp wins 2026 Edison Award", "news.example", days=1),
        _item("Acme Corp opens new office in Denver", "news.example", days=10),
    ]
    events, _ = rank_items(items, ACME, now=NOW, days=30, limit=10, topics=("Denver office",))
    assert events[0].title == "Acme Corp opens new office in Denver"
    assert events[0].topics == ("Denver office",)
    assert "touches the topic 'Denver office'" in events[0].reasons
    assert events[1].topics == ()


def test_an_established_outlet_ranks_above_an_unknown_site() -> None:
    items = [
        _item("Acme Corp wins 2026 Edison Award", "tinyblog.example"),
        _item("Acme Corp launches HomeCell 3 battery", "www.reuters.com"),
    ]
    events, _ = rank_items(items, ACME, now=NOW, days=30, limit=10)
    launch = next(e for e in events if "HomeCell" in e.title)
    award = next(e for e in events if "Edison" in e.title)
    assert "from an established outlet (reuters.com)" in launch.reasons
    assert not any("established" in r for r in award.reasons)
    assert launch.score - award.score == pytest.approx(0.1 - (1.0 - 0.8), abs=1e-3)


@pytest.mark.parametrize(
    ("topic", "text", "expected"),
    [
        ("hiring", "Acme to hire 500 engineers", True),
        ("shipping", "Acme ships its new model", True),
        ("data centers", "Acme opens data centre in Dublin", True),
        ("news", "Acme opens new plant", False),
    ],
)
def test_topic_words_match_their_other_forms(topic: str, text: str, expected: bool) -> None:
    assert touches(topic, text) is expected

"""Feed parsing through the real source classes, against goldens and direct checks."""

from __future__ import annotations

import json
import re
import time
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

import sources
from sources import EmptyResponse, Item, NotAFeed, Query, parse_feed
from sources.parse.text import TITLE_LIMIT

from .regen_golden import FEEDS, NOW, golden_path, parse_recorded, recorded_responses, snapshot

UTC = timezone.utc
RSS_HEADERS = {"content-type": "application/rss+xml; charset=utf-8"}
QUERY = Query("Acme Corp")
RESPONSES = {r["body"]: r for r in recorded_responses()}


def _items(fixture: str) -> tuple[Item, ...]:
    return parse_recorded(RESPONSES[fixture]).items


def _by_title(items: tuple[Item, ...], start: str) -> Item:
    found = [i for i in items if i.title.startswith(start)]
    assert len(found) == 1, (start, [i.title for i in items])
    return found[0]


def _rss(items: str, extra_head: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="utf-8"?>{extra_head}<rss version="2.0"><channel>'
        f"<title>Test Feed</title><link>https://feed.example/</link>{items}</channel></rss>"
    ).encode()


def _parse(body: bytes, headers: dict[str, str] | None = None) -> sources.ParsedFeed:
    return parse_feed(
        body,
        headers if headers is not None else RSS_HEADERS,
        source="test",
        feed_url="https://feed.example/rss",
        now=NOW,
    )


# --- goldens ----------------------------------------------------------------------------------


def test_every_feed_fixture_has_a_golden() -> None:
    fixtures = {p.name for p in FEEDS.iterdir() if p.suffix in (".xml", ".atom", ".json")}
    fixtures.discard("index.json")
    assert fixtures == set(RESPONSES)
    for name in fixtures:
        assert golden_path(name).is_file(), f"missing golden for {name}"


@pytest.mark.parametrize("fixture", sorted(RESPONSES))
def test_fixture_matches_golden(fixture: str) -> None:
    path = golden_path(fixture)
    before = path.read_bytes()
    expected: dict[str, Any] = json.loads(before)
    actual = snapshot(RESPONSES[fixture], parse_recorded(RESPONSES[fixture]))
    assert actual["feed_title"] == expected["feed_title"]
    assert actual["warnings"] == expected["warnings"]
    assert [i["title"] for i in actual["items"]] == [i["title"] for i in expected["items"]]
    for got, want in zip(actual["items"], expected["items"], strict=True):
        assert got == want, got["title"]
    assert path.read_bytes() == before, "the test must never rewrite a golden"


def test_golden_counts_match_manifest() -> None:
    counts = {name: len(_items(name)) for name in RESPONSES}
    assert counts == {
        "google-news-acme-corp.xml": 14,
        "google-news-acme-corp-7d.xml": 5,
        "bing-news-acme-corp.xml": 9,
        "acme-newsroom.atom": 5,
        "acme-newsroom.json": 4,
        "windows-1252.xml": 3,
        "google-news-acme-namesakes.xml": 10,
        "gdelt-acme-corp.json": 0,
        "google-news-topic-supply-chain-visibility.xml": 0,
        "bing-news-topic-supply-chain-visibility.xml": 4,
        "gdelt-topic-supply-chain-visibility.json": 0,
    }


# --- Google News ------------------------------------------------------------------------------


def test_google_publisher_split_uses_source_element() -> None:
    items = _items("google-news-acme-corp.xml")
    harbor = _by_title(items, "Acme Corp Wins 2026 Edison Award")
    assert harbor.title == "Acme Corp Wins 2026 Edison Award For HomeCell Solar Battery"
    assert harbor.publisher == "Harbor - Tribune"
    assert harbor.publisher_domain == "harbortribune.example"
    northwind = _by_title(items, "Acme Corp posts record")
    assert northwind.title == "Acme Corp posts record third-quarter revenue as battery sales surge"
    assert northwind.publisher == "Markets | Northwind Post"
    assert northwind.publisher_domain == "northwindpost.example"
    for item in items:
        assert not item.title.endswith(f" - {item.publisher}")
        assert item.publisher and item.publisher not in item.title


def test_google_headline_keeps_internal_dashes() -> None:
    body = _rss(
        "<item><title>Acme Corp - the battery maker - wins award - Harbor - Tribune</title>"
        "<link>https://www.harbortribune.example/a</link>"
        "<pubDate>Wed, 18 Nov 2026 14:05:00 GMT</pubDate>"
        '<source url="https://www.harbortribune.example">Harbor - Tribune</source></item>'
    )
    google = sources.builtin_sources()[0]
    (item,) = google.parse(body, RSS_HEADERS, url="https://news.google.com/rss", now=NOW).items
    assert item.title == "Acme Corp - the battery maker - wins award"
    assert item.publisher == "Harbor - Tribune"


def test_google_publisher_domain_comes_from_source_url_even_for_opaque_links() -> None:
    items = _items("google-news-acme-corp.xml")
    opaque = [i for i in items if i.url and i.url.startswith("https://news.google.com/")]
    assert len(opaque) == 8
    expected_domains = {
        "harbortribune.example", "valleycourier.example", "gadgetorbit.example",
        "frontrangegazette.example", "millbrookherald.example", "legalbeacon.example",
        "lakesidejournal.example", "buckeyebuilder.example",
    }  # fmt: skip
    assert {i.publisher_domain for i in opaque} == expected_domains
    for item in opaque:
        assert item.url is not None
        assert re.fullmatch(r"https://news\.google\.com/rss/articles/CBMi[\w-]+\?oc=5", item.url)
        assert item.outlets[0].domain == item.publisher_domain


def test_google_decodable_ids_are_unwrapped_and_untracked() -> None:
    items = _items("google-news-acme-corp.xml")
    decoded = {i.publisher: i.url for i in items if "news.google.com" not in (i.url or "")}
    assert decoded == {
        "The Daily Ledger": "https://www.dailyledger.example/business/2026/11/18/"
        "acme-corp-wins-edison-award-solar-battery",
        "Markets | Northwind Post": "https://www.northwindpost.example/markets/2026/11/05/"
        "acme-corp-record-q3-revenue",
        "Freight Wire Weekly": "https://www.freightwireweekly.example/news/"
        "acme-brightwell-fleet-electrification-partnership",
        "Ridgeline Business Review": "https://www.ridgelinereview.example/deals/"
        "acme-corp-to-acquire-voltaire-labs",
        "Metro Business Daily": "https://www.metrobizdaily.example/companies/"
        "acme-corp-to-cut-200-jobs",
        "Circuit Review": "https://www.circuitreview.example/interviews/"
        "acme-corp-cto-rd-spending-supply-chains",
    }
    for item in items:
        assert "utm_" not in (item.url or "")
        assert item.outlets[0].url == item.url


def test_google_titles_are_clean_text() -> None:
    items = _items("google-news-acme-corp.xml")
    cto = _by_title(items, "Acme Corp CTO")
    assert cto.title == "Acme Corp CTO talks R&D spending and battery supply chains"
    fifty = _by_title(items, "Acme Corp marks 50 years")
    assert fifty.title == "Acme Corp marks 50 years with community celebration in its hometown"
    # The description only repeats "headline publisher": no summary rather than a duplicate.
    assert all(i.summary == "" for i in items)


# --- Bing News --------------------------------------------------------------------------------


def test_bing_links_are_unwrapped_and_publishers_read() -> None:
    items = _items("bing-news-acme-corp.xml")
    for item in items:
        assert item.url is not None
        assert "bing.com" not in item.url and "utm_" not in item.url
        assert item.publisher_domain in item.url
    edison = _by_title(items, "Acme Corp wins Edison Award")
    assert edison.url == (
        "https://www.dailyledger.example/business/2026/11/18/acme-corp-wins-edison-award-solar-battery"
    )
    assert edison.publisher == "The Daily Ledger"
    assert edison.publisher_domain == "dailyledger.example"
    assert edison.summary.startswith("Acme Corp took home a 2026 Edison Award")


def test_bing_item_without_pubdate_is_undated_and_last() -> None:
    items = _items("bing-news-acme-corp.xml")
    recycling = _by_title(items, "Acme Corp expands solar panel recycling")
    assert recycling.published is None
    assert items[-1] is recycling
    assert all(i.published is not None for i in items[:-1])


# --- Atom, JSON Feed, windows-1252 ------------------------------------------------------------


def test_atom_offsets_converted_to_utc_and_undated_entry_kept() -> None:
    items = _items("acme-newsroom.atom")
    dates = {i.title: i.published for i in items}
    assert dates["Acme Corp HomeCell Battery Named 2026 Edison Award Winner"] == datetime(
        2026, 11, 18, 15, 0, tzinfo=UTC
    )
    assert dates["Acme Corp Completes Acquisition of Voltaire Labs"] == datetime(
        2026, 11, 17, 14, 30, tzinfo=UTC
    )
    assert dates["Acme Corp Celebrates 50 Years of Building Energy Solutions"] == datetime(
        2026, 11, 1, 16, 0, tzinfo=UTC
    )
    assert dates["Acme Corp Appoints Priya Raman as Chief Sustainability Officer"] is None
    for published in dates.values():
        assert published is None or published.utcoffset() == timedelta(0)


def test_json_feed_dates_and_summary_fallbacks() -> None:
    items = _items("acme-newsroom.json")
    brightwell = _by_title(items, "Acme Corp and Brightwell Logistics Partner")
    assert brightwell.published == datetime(2026, 11, 10, 14, 0, tzinfo=UTC)
    assert brightwell.summary.startswith("Acme Corp and Brightwell Logistics today announced")
    assert "<" not in brightwell.summary
    grants = _by_title(items, "Acme Foundation")
    assert grants.published == datetime(2026, 9, 15, 10, 0, tzinfo=UTC)


def test_windows_1252_decoded() -> None:
    parsed = parse_recorded(RESPONSES["windows-1252.xml"])
    text = parsed.title + "".join(i.title + i.summary for i in parsed.items)
    assert "\ufffd" not in text
    for char in "éÉ“”’—–ü":  # noqa: RUF001
        assert char in text, char
    assert parsed.title == "Le Petit Économiste — Affaires"
    assert parsed.items[0].title == (
        "Acme Corp’s “HomeCell” battery now powers Montréal’s first solar café"  # noqa: RUF001
    )
    assert "Société Énergie Boréale — its largest in Québec" in parsed.items[1].title


@pytest.mark.parametrize("fixture", sorted(RESPONSES))
def test_html_became_plain_text(fixture: str) -> None:
    for item in _items(fixture):
        for text in (item.title, item.summary, item.publisher):
            assert not re.search(r"<[a-zA-Z/!]", text), text
            assert not re.search(r"&(amp|lt|gt|nbsp|quot|#\d+);", text), text
            assert text == text.strip() and "  " not in text and "\n" not in text


@pytest.mark.parametrize("fixture", sorted(RESPONSES))
def test_items_newest_first_then_undated(fixture: str) -> None:
    items = _items(fixture)
    dated = [i.published for i in items if i.published is not None]
    assert dated == sorted(dated, reverse=True)
    seen_undated = False
    for item in items:
        seen_undated = seen_undated or item.published is None
        assert not (seen_undated and item.published is not None)
    assert len({i.key for i in items}) == len(items)


# --- rejections -------------------------------------------------------------------------------


def test_html_page_raises_not_a_feed() -> None:
    body = (FEEDS / "not-a-feed.html").read_bytes()
    feed = sources.feed_source("https://www.gadgetorbit.example/feed")
    with pytest.raises(NotAFeed):
        feed.parse(
            body, {"content-type": "text/html; charset=utf-8"}, url=feed.url_for(QUERY), now=NOW
        )
    # Served with a feed content type, it is still a web page.
    with pytest.raises(NotAFeed):
        feed.parse(body, {"content-type": "application/rss+xml"}, url="https://x.example/", now=NOW)


@pytest.mark.parametrize("body", [b"", b"   \r\n\t ", b"\xef\xbb\xbf  \n"])
def test_empty_body_raises_empty_response(body: bytes) -> None:
    with pytest.raises(EmptyResponse):
        _parse(body)


@pytest.mark.parametrize(
    ("body", "headers"),
    [
        (b'{"status": "ok", "items": []}', {"content-type": "application/json"}),
        (b'[{"title": "Acme"}]', {"content-type": "application/json"}),
        (b'{"version": "1.0", "items": []}', {}),
        (b'{"version": "https://jsonfeed.org/version/1.1", "items": {}}', {}),
        (b"{not json at all", {"content-type": "application/json"}),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", {"content-type": "application/rss+xml"}),
        (b"\x89PNG\r\n\x1a\n\x00\x00", {"content-type": "application/rss+xml"}),
        (b"just some words, not xml", {"content-type": "text/plain"}),
    ],
)
def test_non_feeds_raise_not_a_feed(body: bytes, headers: dict[str, str]) -> None:
    with pytest.raises(NotAFeed):
        _parse(body, headers)


# --- hostile and large feeds ------------------------------------------------------------------


def test_billion_laughs_is_not_expanded() -> None:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 2 else "") + ";") * 10}">'
        for n in range(2, 10)
    )
    body = _rss(
        "<item><title>Acme Corp &lol9; wins</title><link>https://feed.example/a</link>"
        "<description>&lol9;&lol9;</description></item>",
        extra_head=f"<!DOCTYPE lolz [{entities}]>",
    )
    started = time.perf_counter()
    parsed = _parse(body)
    assert time.perf_counter() - started < 1.0
    assert parsed.items, "the item itself is still read"
    for item in parsed.items:
        assert len(item.title) < len(body)
        assert len(item.summary) < len(body)
        assert "lollollol" not in item.title + item.summary
    assert "lollollol" not in parsed.title


def test_only_the_newest_200_of_500_items_are_kept() -> None:
    dates = [NOW - timedelta(hours=h) for h in range(500)]
    order = [(i * 37) % 500 for i in range(500)]  # a fixed shuffle of 0..499
    items = "".join(
        f"<item><title>Acme Corp item {h}</title><link>https://feed.example/{h}</link>"
        f"<guid>id-{h}</guid><pubDate>{dates[h]:%a, %d %b %Y %H:%M:%S} GMT</pubDate></item>"
        for h in order
    )
    parsed = _parse(_rss(items))
    assert len(parsed.items) == 200
    assert [i.published for i in parsed.items] == dates[:200]
    assert {i.title for i in parsed.items} == {f"Acme Corp item {h}" for h in range(200)}


def test_huge_title_is_truncated() -> None:
    title = " ".join(["Acme Corp wins"] * 800)[:10_000]
    assert len(title) >= 9_000
    parsed = _parse(_rss(f"<item><title>{title}</title><link>https://feed.example/a</link></item>"))
    (item,) = parsed.items
    assert len(item.title) <= TITLE_LIMIT
    assert item.title.endswith("…")
    assert item.title.startswith("Acme Corp wins Acme Corp wins")


def test_repeated_guid_does_not_collapse_distinct_links() -> None:
    items = "".join(
        f"<item><title>Acme Corp story {n}</title><link>https://feed.example/story-{n}</link>"
        "<guid isPermaLink='false'>same-guid</guid></item>"
        for n in range(3)
    )
    parsed = _parse(_rss(items))
    assert sorted(i.url or "" for i in parsed.items) == [
        f"https://feed.example/story-{n}" for n in range(3)
    ]


def test_unique_guids_with_the_same_link_stay_distinct_items() -> None:
    items = "".join(
        f"<item><title>Acme Corp update {n}</title><link>https://feed.example/live</link>"
        f"<guid isPermaLink='false'>update-{n}</guid></item>"
        for n in range(2)
    )
    assert len(_parse(_rss(items)).items) == 2


def test_json_feed_repeated_id_does_not_collapse_distinct_links() -> None:
    body = json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": "Newsroom",
            "items": [
                {"id": "same", "url": f"https://feed.example/story-{n}", "title": f"Story {n}"}
                for n in range(3)
            ],
        }
    ).encode()
    parsed = _parse(body, {"content-type": "application/feed+json"})
    assert len(parsed.items) == 3


def test_future_dates_handled() -> None:
    items = (
        "<item><title>Acme Corp skewed clock</title><link>https://feed.example/a</link>"
        f"<pubDate>{NOW + timedelta(hours=3):%a, %d %b %Y %H:%M:%S} GMT</pubDate></item>"
        "<item><title>Acme Corp typo year</title><link>https://feed.example/b</link>"
        "<pubDate>Fri, 20 Nov 2096 12:00:00 GMT</pubDate></item>"
    )
    parsed = _parse(_rss(items))
    dates = {i.title: i.published for i in parsed.items}
    assert dates["Acme Corp skewed clock"] == NOW
    assert dates["Acme Corp typo year"] is None


def test_javascript_links_are_not_kept() -> None:
    parsed = _parse(
        _rss("<item><title>Acme Corp wins</title><link>javascript:alert(1)</link></item>")
    )
    (item,) = parsed.items
    assert item.url is None
    assert item.publisher_domain == "feed.example"


def test_any_feed_naming_its_source_loses_the_publisher_suffix() -> None:
    """Not only Google News: a press-wire or aggregator RSS item with <source> is credited to that
    publisher and loses exactly its " - Publisher" suffix; other dashes stay."""
    body = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        b"<link>https://wire.example/</link>"
        b"<item><title>Acme - Beta merger closes - Harbor - Tribune</title>"
        b"<link>https://wire.example/a</link>"
        b'<source url="https://harbortribune.example/rss">Harbor - Tribune</source></item>'
        b"<item><title>Acme opens plant - Not The Source</title>"
        b"<link>https://wire.example/b</link>"
        b'<source url="https://daily.example/">Daily</source></item>'
        b"<item><title>Acme hires 40 - Daily</title><link>https://wire.example/c</link></item>"
        b"</channel></rss>"
    )
    parsed = parse_feed(
        body,
        {"content-type": "application/rss+xml"},
        source="feed:x",
        feed_url="https://wire.example/rss",
        now=NOW,
    )
    items = {i.url: i for i in parsed.items}
    first = items["https://wire.example/a"]
    assert first.title == "Acme - Beta merger closes"
    assert (first.publisher, first.publisher_domain) == (
        "Harbor - Tribune",
        "harbortribune.example",
    )
    assert items["https://wire.example/b"].title == "Acme opens plant - Not The Source"
    assert items["https://wire.example/b"].publisher == "Daily"
    assert items["https://wire.example/c"].title == "Acme hires 40 - Daily"  # no <source>: kept

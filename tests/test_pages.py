"""Reading company web pages without fetching them: dates, feed and newsroom links, listings,
press-release details, charsets. Fixture pages are read from disk."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from sources.parse.pages import (
    decode_html,
    feed_links,
    listing_entries,
    looks_javascript_only,
    newsroom_links,
    parse_date_text,
    release_details,
    site_name,
)

SITES = Path(__file__).resolve().parent.parent / "fixtures" / "sites"
BRIGHTWELL = "https://brightwell.example/press-room/"
HALVORSEN = "https://halvorsen.example/investors/press-releases/"


def page(relative: str) -> str:
    return (SITES / relative).read_text(encoding="utf-8")


def utc(year: int, month: int, day: int, hour: int = 0) -> datetime:
    return datetime(year, month, day, hour, tzinfo=timezone.utc)


# --- parse_date_text --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("November 18, 2026", utc(2026, 11, 18)),
        ("Nov. 12, 2026", utc(2026, 11, 12)),
        ("Nov 12 2026", utc(2026, 11, 12)),
        ("Sept 3, 2026", utc(2026, 9, 3)),
        ("Sept. 3, 2026", utc(2026, 9, 3)),
        ("May 1st, 2026", utc(2026, 5, 1)),
        ("3 November 2026", utc(2026, 11, 3)),
        ("19 Nov 2026", utc(2026, 11, 19)),
        ("2026-10-30", utc(2026, 10, 30)),
        ("2026-1-5", utc(2026, 1, 5)),
        ("11/17/2026", utc(2026, 11, 17)),
        ("01/02/2026", utc(2026, 1, 2)),
        ("25/12/2026", utc(2026, 12, 25)),
        ("18.11.2026", utc(2026, 11, 18)),
        ("01.02.2026", utc(2026, 2, 1)),
        ("Posted on November 18, 2026 by Press Office", utc(2026, 11, 18)),
        ("CAMBRIDGE, Mass., Nov. 17, 2026 (FIXTURE WIRE) --", utc(2026, 11, 17)),
    ],
)
def test_parse_date_text(text: str, expected: datetime) -> None:
    assert parse_date_text(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "garbage",
        "no date here, just 2026",
        "2026-02-30",
        "2026-13-01",
        "Feb 30, 2026",
        "31 April 2026",
        "13/13/2026",
        "04/31/2026",
        "32.01.2026",
        "Smarch 3, 2026",
    ],
)
def test_parse_date_text_without_a_real_date_is_none(text: str) -> None:
    assert parse_date_text(text) is None


def test_parse_date_text_skips_an_invalid_date_for_a_valid_one_of_another_form() -> None:
    assert parse_date_text("2026-02-30, corrected: Nov 5, 2026") == utc(2026, 11, 5)


def test_parse_date_text_takes_the_first_date_written() -> None:
    assert parse_date_text("November 18, 2026 (updated 2026-11-19)") == utc(2026, 11, 18)


# --- feed_links -------------------------------------------------------------------------------


def test_feed_links_on_the_feed_site_are_exactly_its_two_feeds() -> None:
    found = feed_links(page("feed-site/index.html"), "https://northwind.example/")
    assert found == [
        "https://northwind.example/news/feed.xml",
        "https://northwind.example/blog/atom.xml",
    ]


def test_feed_links_kinds_relative_hrefs_and_non_feeds() -> None:
    html = """<html><head>
    <link rel="alternate" type="application/rss+xml" href="feed.xml">
    <link rel="alternate" type="application/atom+xml; charset=utf-8" href="../atom/">
    <link rel="ALTERNATE" type="Application/Feed+JSON" href="/feed.json">
    <link rel="alternate" type="application/rss+xml" href="https://cdn.example/rss?utm_source=x">
    <link rel="alternate" type="application/rss+xml" href="feed.xml">
    <link rel="alternate" hreflang="de" href="/de/">
    <link rel="alternate" type="application/json" href="/wp-json/wp/v2/pages/2">
    <link rel="stylesheet" type="text/css" href="/style.css">
    <link rel="alternate stylesheet" type="text/css" href="/dark.css">
    <link rel="alternate" type="application/rss+xml">
    <link rel="alternate" type="application/rss+xml" href="#top">
    <link rel="alternate" type="application/rss+xml" href="javascript:void(0)">
    </head><body><a href="/other.xml" type="application/rss+xml" rel="alternate">x</a></body></html>"""
    assert feed_links(html, "https://acme.example/news/index.html") == [
        "https://acme.example/news/feed.xml",
        "https://acme.example/atom/",
        "https://acme.example/feed.json",
        "https://cdn.example/rss",
    ]


def test_feed_links_none_on_a_page_without_feeds() -> None:
    assert feed_links(page("cards-site/press-room/index.html"), BRIGHTWELL) == []


# --- newsroom_links -----------------------------------------------------------------------------

NAV = """<html><body><nav>
<a href="/blog/">Blog</a>
<a href="/about/">About us</a>
<a href="/media-kit/">Downloads</a>
<a href="/press-room/">Press Room</a>
<a href="/newsroom/">Newsroom</a>
<a href="https://other.example/newsroom/">Newsroom</a>
<a href="/news/?page=2">Newsroom page 2</a>
<a href="/news/2026/11/acme-wins-award">Newsroom: Acme wins award</a>
<a href="mailto:press@acme.example">Press contact</a>
<a href="#news">News</a>
</nav></body></html>"""


def test_newsroom_links_ranks_and_filters() -> None:
    assert newsroom_links(NAV, "https://acme.example/") == [
        "https://acme.example/newsroom/",
        "https://acme.example/press-room/",
        "https://acme.example/media-kit/",
        "https://acme.example/blog/",
    ]


def test_newsroom_links_by_text_only_ignores_path_only_matches() -> None:
    assert newsroom_links(NAV, "https://acme.example/", by_text_only=True) == [
        "https://acme.example/newsroom/",
        "https://acme.example/press-room/",
        "https://acme.example/blog/",
    ]


def test_newsroom_links_accept_subdomains_of_the_site() -> None:
    html = '<a href="https://news.acme.example/">Newsroom</a><a href="https://acme.example.evil/">Press</a>'
    assert newsroom_links(html, "https://www.acme.example/") == ["https://news.acme.example/"]


def test_newsroom_links_on_fixture_home_pages() -> None:
    northwind = newsroom_links(page("feed-site/index.html"), "https://northwind.example/")
    assert northwind[0] == "https://northwind.example/news/"
    assert northwind.index("https://northwind.example/news/") < northwind.index(
        "https://northwind.example/blog/"
    )
    assert not any("linkedin" in u or "service." in u or "/de/" in u for u in northwind)
    assert newsroom_links(page("cards-site/index.html"), "https://brightwell.example/") == [
        "https://brightwell.example/press-room/"
    ]
    investors = newsroom_links(
        page("table-site/investors/index.html"), "https://halvorsen.example/"
    )
    assert investors[0] == "https://halvorsen.example/investors/press-releases/"


# --- looks_javascript_only -------------------------------------------------------------------


def test_javascript_shell_is_recognised() -> None:
    assert looks_javascript_only(page("js-site/news/index.html")) is True


@pytest.mark.parametrize(
    "relative",
    ["cards-site/press-room/index.html", "table-site/investors/press-releases/index.html"],
)
def test_real_listings_are_not_javascript_only(relative: str) -> None:
    assert looks_javascript_only(page(relative)) is False


def test_enable_javascript_notice_with_little_text_is_javascript_only() -> None:
    text = "Our latest stories from around the company. " * 7  # about 300 characters
    html = f"<body><noscript>Please enable JavaScript.</noscript><p>{text}</p></body>"
    assert looks_javascript_only(html) is True
    assert looks_javascript_only(html.replace("enable JavaScript", "use a modern browser")) is False


def test_scripts_do_not_count_as_text() -> None:
    script = "var x = 1;" * 100
    assert looks_javascript_only(f"<body><script>{script}</script><div id=app></div></body>")


# --- listing_entries: cards --------------------------------------------------------------------

CARDS = [
    (
        "Brightwell Logistics and Acme Corp partner to put 500 electric delivery vans on Midwest roads",
        "brightwell-acme-electric-van-partnership",
        utc(2026, 11, 18),
    ),
    (
        "Brightwell Logistics opens 400,000-square-foot distribution center in Joliet, Illinois",
        "joliet-distribution-center-opening",
        utc(2026, 11, 12),
    ),
    (
        "Brightwell Logistics named 2026 Green Freight Carrier of the Year",
        "green-freight-carrier-of-the-year",
        utc(2026, 11, 5),
    ),
    (
        "Brightwell Logistics announces restructuring of Midwest terminal network",
        "midwest-network-restructuring",
        utc(2026, 11, 3),
    ),
    (
        "Northstar Grocers selects Brightwell for cold-chain distribution across 14 states",
        "northstar-grocers-cold-chain-contract",
        utc(2026, 10, 30),
    ),
    (
        "Brightwell Logistics appoints Priya Raman as Chief Operating Officer",
        "priya-raman-chief-operating-officer",
        None,
    ),
    (
        "Brightwell Logistics celebrates 25 years of moving the Midwest",
        "brightwell-25th-anniversary",
        utc(2026, 10, 21, 15),  # 10:00 at -05:00
    ),
    (
        "Brightwell earns Platinum rating in Fleet Safety Council annual audit",
        "fleet-safety-council-platinum",
        utc(2026, 9, 29),
    ),
]


@pytest.fixture(scope="module")
def cards() -> list:  # type: ignore[type-arg]
    return listing_entries(page("cards-site/press-room/index.html"), BRIGHTWELL)


def test_cards_titles_urls_and_dates(cards: list) -> None:  # type: ignore[type-arg]
    assert [(e.title, e.url, e.published) for e in cards] == [
        (title, f"{BRIGHTWELL}2026/{slug}", published) for title, slug, published in CARDS
    ]


def test_cards_have_no_duplicates_or_non_release_links(cards: list) -> None:  # type: ignore[type-arg]
    urls = [e.url for e in cards]
    assert len(urls) == len(set(urls)) == 8
    for url in urls:
        assert url.startswith(f"{BRIGHTWELL}2026/")
        assert "?" not in url and "/page/" not in url
    assert not any(e.title.lower().startswith(("read more", "older")) for e in cards)


def test_cards_summaries_come_from_the_card_text(cards: list) -> None:  # type: ignore[type-arg]
    by_slug = {e.url.rsplit("/", 1)[1]: e.summary for e in cards}
    assert by_slug["northstar-grocers-cold-chain-contract"] == (
        "The five-year agreement covers temperature-controlled delivery to 310 Northstar stores "
        "from Brightwell's food-grade warehouses."
    )
    assert by_slug["brightwell-acme-electric-van-partnership"].startswith(
        "Acme Corp will supply HomeCell-based charging depots"
    )


def test_cards_urls_follow_the_base_url_passed() -> None:
    html = page("cards-site/press-room/index.html")
    local = "http://127.0.0.1:8000/press-room/"
    entries = listing_entries(
        html.replace("https://brightwell.example", "http://127.0.0.1:8000"), local
    )
    assert [e.url for e in entries] == [f"{local}2026/{slug}" for _, slug, _ in CARDS]


def test_listing_limit() -> None:
    entries = listing_entries(page("cards-site/press-room/index.html"), BRIGHTWELL, limit=3)
    assert [e.title for e in entries] == [title for title, _, _ in CARDS[:3]]


def test_plain_list_of_links_without_headings() -> None:
    html = """<main><ul>
    <li><a href="/news/a">Acme opens a new plant in Ohio</a> <a href="/news/a">More</a></li>
    <li><span>Nov 2, 2026</span> <a href="b">Acme names a new chief executive</a></li>
    <li><a href="/about">About</a></li>
    <li><a href="https://other.example/x">Acme featured in a trade magazine</a></li>
    </ul></main>"""
    entries = listing_entries(html, "https://acme.example/news/")
    assert [(e.title, e.url, e.published) for e in entries] == [
        ("Acme opens a new plant in Ohio", "https://acme.example/news/a", None),
        ("Acme names a new chief executive", "https://acme.example/news/b", utc(2026, 11, 2)),
    ]


# --- listing_entries: table -----------------------------------------------------------------

TABLE_DATES = [
    utc(2026, 11, 17),
    utc(2026, 11, 10),
    utc(2026, 11, 3),
    utc(2026, 10, 27),
    utc(2026, 10, 19),
    utc(2026, 10, 8),
    utc(2026, 9, 24),
    utc(2026, 9, 2),
    utc(2026, 8, 6),
    utc(2025, 12, 15),
]


@pytest.fixture(scope="module")
def rows() -> list:  # type: ignore[type-arg]
    return listing_entries(page("table-site/investors/press-releases/index.html"), HALVORSEN)


def test_table_rows_with_us_dates(rows: list) -> None:  # type: ignore[type-arg]
    assert len(rows) == 10
    assert [e.published for e in rows] == TABLE_DATES
    for entry, published in zip(rows, TABLE_DATES, strict=True):
        assert entry.url.startswith(f"{HALVORSEN}{published.date().isoformat()}-")
        assert entry.url.endswith(".html")
        assert entry.title.startswith("Halvorsen Biotech ")
    assert len({e.url for e in rows}) == 10


def test_table_pdf_links_are_not_entries(rows: list) -> None:  # type: ignore[type-arg]
    assert not any("/pdf/" in e.url or e.url.endswith(".pdf") for e in rows)
    assert not any("PDF" in e.title or "KB" in e.title for e in rows)


def test_table_title_entities_are_decoded(rows: list) -> None:  # type: ignore[type-arg]
    assert rows[0].title == (
        "Halvorsen Biotech Announces Positive Topline Results from Phase 2 Trial of HB-301 in "
        "Moderate-to-Severe Asthma"
    )
    assert rows[-1].title == (
        "Halvorsen Biotech Named One of Bay State Business Review's Best Places to Work in Life "
        "Sciences"
    )


def test_javascript_shell_has_no_entries() -> None:
    assert listing_entries(page("js-site/news/index.html"), "https://quanta.example/news/") == []


# --- release_details ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("slug", "published", "lead_start"),
    [
        ("brightwell-acme-electric-van-partnership", date(2026, 11, 18), None),
        (
            "joliet-distribution-center-opening",
            date(2026, 11, 12),
            "Brightwell Logistics today opened",
        ),
        (
            "green-freight-carrier-of-the-year",
            date(2026, 11, 5),
            "Brightwell Logistics has been named",
        ),
    ],
)
def test_release_details_on_cards_site_articles(
    slug: str, published: date, lead_start: str | None
) -> None:
    html = page(f"cards-site/press-room/2026/{slug}.html")
    found, lead = release_details(html, f"{BRIGHTWELL}2026/{slug}")
    assert found is not None
    assert found.date() == published  # not the 2026-11-19 modified date
    assert len(lead.split()) >= 8
    assert not lead.upper().startswith(("CHICAGO", "JOLIET"))
    assert "Fixture Wire" not in lead and "--" not in lead
    assert lead in " ".join(html.split()).replace("&#39;", "'")  # text from the article itself
    if lead_start:
        assert lead.startswith(lead_start)


def test_release_details_removes_a_dateline_with_a_parenthesised_wire() -> None:
    slug = "2026-11-10-halvorsen-biotech-reports-third-quarter-2026-financial-results.html"
    found, lead = release_details(
        page(f"table-site/investors/press-releases/{slug}"), f"{HALVORSEN}{slug}"
    )
    assert found is not None and found.date() == date(2026, 11, 10)
    assert lead.startswith("Halvorsen Biotech, Inc. (Nasdaq: HLVB) today reported")


# --- decode_html / site_name -----------------------------------------------------------------


def test_decode_html_header_charset_wins() -> None:
    body = '<meta charset="utf-8"><p>Caf\u00e9</p>'.encode("iso-8859-1")
    assert "Caf\u00e9" in decode_html(body, {"content-type": "text/html; charset=ISO-8859-1"})
    quoted = {"content-type": 'text/html; charset="windows-1252"'}
    assert decode_html(b"\x93Hi\x94", quoted) == "\u201cHi\u201d"


@pytest.mark.parametrize(
    "meta",
    [
        '<meta charset="windows-1252">',
        "<meta charset=windows-1252>",
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">',
    ],
)
def test_decode_html_meta_charset_without_header(meta: str) -> None:
    body = f"<html><head>{meta}</head><body>\x93Hi\x94 caf\xe9</body></html>".encode("latin-1")
    text = decode_html(body, {"content-type": "text/html"})
    assert "\u201cHi\u201d caf\u00e9" in text


def test_decode_html_utf8_with_replacement_by_default() -> None:
    assert decode_html("Nestl\u00e9".encode(), {}) == "Nestl\u00e9"
    assert decode_html(b"ok \xff end", {}) == "ok \ufffd end"


def test_decode_html_unknown_charset_falls_back_to_utf8() -> None:
    body = "Nestl\u00e9".encode()
    assert (
        decode_html(body, {"content-type": "text/html; charset=no-such-charset"}) == "Nestl\u00e9"
    )


def test_site_name_from_og_site_name() -> None:
    assert site_name(page("feed-site/index.html"), "northwind.example") == "Northwind Turbines"
    assert site_name(page("js-site/index.html"), "quanta.example") == "Quanta Retail"
    # og:title only: the fallback
    assert site_name(page("cards-site/index.html"), "brightwell.example") == "brightwell.example"
    assert site_name('<meta property="og:site_name" content="  ">', "fallback") == "fallback"

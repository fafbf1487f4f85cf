"""Search URL builders: exact documented formats, every query character percent-encoded."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

import sources
from sources import Query
from sources.providers.endpoints import bing_news_url, google_news_url, search_expression

GOOGLE_SUFFIX = "&hl=en-US&gl=US&ceid=US:en"
# What may appear in a percent-encoded value: unreserved characters and %XX escapes only.
ENCODED_VALUE = re.compile(r"^(?:[A-Za-z0-9._~-]|%[0-9A-F]{2})*$")


def _raw_q(url: str) -> str:
    """The q= value exactly as it appears in the URL, still encoded."""
    query = urlsplit(url).query
    values = [p[2:] for p in query.split("&") if p.startswith("q=")]
    assert len(values) == 1, url
    return values[0]


def _decoded_q(url: str) -> str:
    values = parse_qs(urlsplit(url).query, keep_blank_values=True, strict_parsing=True)["q"]
    assert len(values) == 1
    return values[0]


def test_google_url_is_exactly_the_documented_format() -> None:
    url = google_news_url(Query("Acme Corp", ("Acme",), days=30))
    assert url == (
        "https://news.google.com/rss/search?q=%22Acme%20Corp%22%20OR%20%22Acme%22%20when%3A30d"
        "&hl=en-US&gl=US&ceid=US:en"
    )


def test_bing_url_is_exactly_the_documented_format() -> None:
    url = bing_news_url(Query("Acme Corp", ("Acme",), days=30))
    assert url == (
        "https://www.bing.com/news/search?q=%22Acme%20Corp%22%20OR%20%22Acme%22&format=rss"
    )


def test_google_window_follows_query_days() -> None:
    assert _decoded_q(google_news_url(Query("Acme Corp", days=7))) == '"Acme Corp" when:7d'
    assert _decoded_q(google_news_url(Query("Acme Corp", days=90))) == '"Acme Corp" when:90d'


@pytest.mark.parametrize(
    ("name", "aliases", "expression"),
    [
        ("AT&T", (), '"AT&T"'),
        ("Procter & Gamble", ("P&G",), '"Procter & Gamble" OR "P&G"'),
        ("C++", (), '"C++"'),
        ("L'Oréal", ("L'Oreal",), '"L\'Oréal" OR "L\'Oreal"'),
        ("Nestlé", (), '"Nestlé"'),
        ('Acme "Best" Corp', (), '"Acme Best Corp"'),
        ('"Acme Corp"', (), '"Acme Corp"'),
        ("Yahoo!", ("Yahoo Inc.",), '"Yahoo!" OR "Yahoo Inc."'),
        ("  Acme   Corp ", (), '"Acme Corp"'),
        ("100% Juice Co #1", (), '"100% Juice Co #1"'),
    ],
)
def test_special_characters_round_trip_through_both_urls(
    name: str, aliases: tuple[str, ...], expression: str
) -> None:
    query = Query(name, aliases, days=14)
    google = google_news_url(query)
    bing = bing_news_url(query)

    assert google.startswith("https://news.google.com/rss/search?q=")
    assert google.endswith(GOOGLE_SUFFIX)
    assert bing.startswith("https://www.bing.com/news/search?q=")
    assert bing.endswith("&format=rss")
    for url in (google, bing):
        raw = _raw_q(url)
        assert ENCODED_VALUE.match(raw), f"raw character left in q: {raw!r}"
        for char in " \"&+:'#%!":
            if char != "%":
                assert char not in raw
    assert _decoded_q(google) == f"{expression} when:14d"
    assert _decoded_q(bing) == expression
    assert set(parse_qs(urlsplit(google).query)) == {"q", "hl", "gl", "ceid"}
    assert set(parse_qs(urlsplit(bing).query)) == {"q", "format"}


@pytest.mark.parametrize(
    ("name", "fragment"),
    [
        ("AT&T", "%22AT%26T%22"),
        ("C++", "%22C%2B%2B%22"),
        ("L'Oréal", "%22L%27Or%C3%A9al%22"),
        ("Nestlé", "%22Nestl%C3%A9%22"),
        ("Procter & Gamble", "%22Procter%20%26%20Gamble%22"),
    ],
)
def test_exact_percent_encoding_uses_utf8_and_percent20(name: str, fragment: str) -> None:
    raw = _raw_q(google_news_url(Query(name, days=30)))
    assert raw == f"{fragment}%20when%3A30d"


def test_double_quote_inside_a_name_does_not_break_the_phrase() -> None:
    expression = search_expression(Query('Acme "Best" Corp', ("Beta",)))
    assert expression == '"Acme Best Corp" OR "Beta"'
    # Exactly two quoted phrases: four quote characters, none unbalanced.
    assert expression.count('"') == 4


def test_terms_dedupe_case_insensitively_keeping_first_spelling() -> None:
    query = Query("Acme Corp", ("ACME CORP", "Acme", "acme", "", "AcMe"))
    assert query.terms == ("Acme Corp", "Acme")
    assert search_expression(query) == '"Acme Corp" OR "Acme"'


def test_terms_keep_distinct_aliases_in_order() -> None:
    assert Query("Acme Corp", ("Acme", "Acme Inc")).terms == ("Acme Corp", "Acme", "Acme Inc")


def test_base_url_override_keeps_our_query_string() -> None:
    query = Query("AT&T", ("ATT",), days=30)
    base = "http://127.0.0.1:8765/rss/search"
    google = google_news_url(query, base)
    default = google_news_url(query)
    assert google.startswith(base + "?q=")
    assert urlsplit(google).query == urlsplit(default).query

    bing_base = "http://127.0.0.1:8765/news/search"
    bing = bing_news_url(query, bing_base)
    assert bing.startswith(bing_base + "?q=")
    assert urlsplit(bing).query == urlsplit(bing_news_url(query)).query


def test_base_url_with_its_own_query_gets_an_ampersand() -> None:
    query = Query("Acme Corp", days=30)
    google = google_news_url(query, "http://127.0.0.1:8765/search?x=1")
    assert google.startswith("http://127.0.0.1:8765/search?x=1&q=%22Acme%20Corp%22")
    assert google.count("?") == 1
    assert parse_qs(urlsplit(google).query)["x"] == ["1"]
    assert _decoded_q(google) == '"Acme Corp" when:30d'

    bing = bing_news_url(query, "http://127.0.0.1:8765/search?x=1")
    assert bing == "http://127.0.0.1:8765/search?x=1&q=%22Acme%20Corp%22&format=rss"


def test_builtin_sources_use_overridden_bases() -> None:
    query = Query("Acme Corp", ("Acme",))
    google, bing = sources.builtin_sources(
        {
            "google-news": "http://127.0.0.1:9001/rss/search",
            "bing-news": "http://127.0.0.1:9002/news/search?mkt=en-US",
        }
    )
    assert google.url_for(query) == google_news_url(query, "http://127.0.0.1:9001/rss/search")
    assert bing.url_for(query).startswith("http://127.0.0.1:9002/news/search?mkt=en-US&q=")
    default_google, default_bing = sources.builtin_sources()
    assert default_google.url_for(query) == google_news_url(query)
    assert default_bing.url_for(query) == bing_news_url(query)


def test_builtin_sources_reject_unknown_names() -> None:
    with pytest.raises(ValueError, match="unknown"):
        sources.builtin_sources({"yahoo-news": "http://127.0.0.1:1/"})

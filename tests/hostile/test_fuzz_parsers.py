"""Fuzzing the parsers with hypothesis: feed bytes (RSS, Atom and JSON Feed skeletons with
arbitrary text and bytes in every field, and raw bytes) through ``parse_feed``, and page HTML
through sources.parse.pages. Whatever the input: no exception but our own SourceErrors, bounded output,
only http(s) links, and no control or format character in any text."""

from __future__ import annotations

import json
import unicodedata
from datetime import datetime, timezone
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sources import ParsedFeed, SourceError, parse_feed
from sources.parse.feeds import MAX_ITEMS
from sources.parse.pages import (
    decode_html,
    feed_links,
    listing_entries,
    looks_javascript_only,
    newsroom_links,
    release_details,
    site_name,
)
from sources.parse.text import SUMMARY_LIMIT, TITLE_LIMIT, html_to_text
from sources.parse.urls import is_http_url

NOW = datetime(2026, 11, 20, 12, tzinfo=timezone.utc)
BASE = "https://acme.example/news"
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces that have broken feedparser, bs4 or our code before, or are close to something that did.
HOSTILE = st.sampled_from(
    [
        "<![ x", "<![CDATA[", "]]>", "<!--", "<!DOCTYPE rss [", '<!ENTITY a "b">', "]>", "&a;",
        "&#xD800;", "&#55296;", "&#x110000;", "&#0;", "&#99999999999;", "&#x", "&amp;lt;script&amp;gt;",
        "&lt;![ x", "<script>alert(1)</script>", '<img src=x onerror="alert(1)">', "javascript:x",
        "data:text/html,x", "https://feed.example/a", "//evil.example/", "\x00", "\x1b[31m",
        "\u202e", "\u200b", "\r\n", "Fri, 31 Dec 9999 23:59:59 GMT", "Thu, 01 Jan 1970 00:00:00 +2500",
        "2026-11-20T12:00:00Z", "</item>", "</entry>", "<item>", "&", "<", ">",
    ]
)  # fmt: skip
TEXT = st.lists(st.one_of(st.text(max_size=40), HOSTILE), max_size=6).map("".join)
FIELD = st.one_of(TEXT.map(str.encode), st.binary(max_size=60))


def _is_control(char: str) -> bool:
    return unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co")


def _check_text(text: str, limit: int) -> None:
    assert len(text) <= limit, len(text)
    assert not any(_is_control(c) for c in text), repr(text)


def _check_feed(parsed: ParsedFeed) -> None:
    assert len(parsed.items) <= MAX_ITEMS
    assert not any(_is_control(c) for c in parsed.title), repr(parsed.title)
    for item in parsed.items:
        _check_text(item.title, TITLE_LIMIT)
        _check_text(item.summary, SUMMARY_LIMIT)
        _check_text(item.publisher, 10_000)
        assert item.title
        assert item.url is None or is_http_url(item.url), item.url
        assert all(o.url is None or is_http_url(o.url) for o in item.outlets)
    assert len({i.key for i in parsed.items}) == len(parsed.items)


def _parse(body: bytes, content_type: str) -> None:
    try:
        parsed = parse_feed(
            body,
            {"content-type": content_type},
            source="fuzz",
            feed_url="https://feed.example/rss",
            now=NOW,
        )
    except SourceError:
        return
    _check_feed(parsed)


@st.composite
def xml_feeds(draw: st.DrawFn) -> bytes:
    atom = draw(st.booleans())
    items = []
    for _ in range(draw(st.integers(0, 4))):
        title, link, date, text = (draw(FIELD) for _ in range(4))
        if atom:
            items.append(
                b"<entry><title type='html'>" + title + b"</title><link href='" + link + b"'/>"
                b"<id>" + draw(FIELD) + b"</id><updated>" + date + b"</updated>"
                b"<summary type='html'>" + text + b"</summary></entry>"
            )
        else:
            items.append(
                b"<item><title>" + title + b"</title><link>" + link + b"</link>"
                b"<guid>" + draw(FIELD) + b"</guid><pubDate>" + date + b"</pubDate>"
                b"<description>" + text + b"</description></item>"
            )
    head = b'<?xml version="1.0" encoding="utf-8"?>' + draw(st.sampled_from([b"", b"\n"]))
    if atom:
        body = head + b'<feed xmlns="http://www.w3.org/2005/Atom"><title>' + draw(FIELD)
        body += b"</title>" + b"".join(items) + b"</feed>"
    else:
        body = head + b'<rss version="2.0"><channel><title>' + draw(FIELD) + b"</title>"
        body += b"".join(items) + b"</channel></rss>"
    cut = draw(st.one_of(st.none(), st.integers(0, len(body))))
    body = body if cut is None else body[:cut]
    if draw(st.booleans()):  # the same document in UTF-16, as some servers send it
        text = body.decode("utf-8", "replace").replace('encoding="utf-8"', 'encoding="utf-16"')
        body = text.encode(draw(st.sampled_from(["utf-16", "utf-16-le", "utf-16-be"])))
    return body


CONTENT_TYPES = st.sampled_from(
    [
        "application/rss+xml; charset=utf-8",
        "application/atom+xml",
        "text/xml; charset=iso-8859-1",
        "text/html",
        "application/json",
        "",
        "application/rss+xml; charset=no-such-thing",
    ]
)


@FUZZ
@given(body=xml_feeds(), content_type=CONTENT_TYPES)
def test_fuzz_xml_feeds(body: bytes, content_type: str) -> None:
    _parse(body, content_type)


JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(TEXT, children, max_size=3),
    max_leaves=6,
)
JSON_ITEM = st.fixed_dictionaries(
    {},
    optional={
        key: JSON_VALUE | TEXT
        for key in ("id", "url", "external_url", "title", "summary", "content_html",
                    "content_text", "date_published", "date_modified")
    },
)  # fmt: skip


@settings(FUZZ, max_examples=80)
@given(
    items=st.lists(JSON_ITEM | JSON_VALUE, max_size=5),
    title=JSON_VALUE,
    home=JSON_VALUE,
)
def test_fuzz_json_feeds(items: list[Any], title: Any, home: Any) -> None:
    document = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": title,
        "home_page_url": home,
        "items": items,
    }
    _parse(json.dumps(document).encode(), "application/feed+json")


@FUZZ
@given(body=st.binary(max_size=400), content_type=CONTENT_TYPES)
def test_fuzz_raw_bytes_as_a_feed(body: bytes, content_type: str) -> None:
    _parse(body, content_type)


@st.composite
def pages(draw: st.DrawFn) -> str:
    cards = []
    for _ in range(draw(st.integers(0, 4))):
        href, title, when, text = (draw(TEXT) for _ in range(4))
        cards.append(
            f'<article><h2><a href="{href}">{title}</a></h2><time datetime="{when}">{when}</time>'
            f"<p>{text}</p></article><tr><td><a href='{draw(TEXT)}'>{draw(TEXT)}</a></td></tr>"
        )
    return (
        f'<html><head><meta property="og:site_name" content="{draw(TEXT)}">'
        f'<link rel="alternate" type="application/rss+xml" href="{draw(TEXT)}"></head>'
        f"<body>{draw(TEXT)}<main>{''.join(cards)}</main>{draw(TEXT)}</body></html>"
    )


@settings(FUZZ, max_examples=40)
@given(html=pages() | TEXT)
def test_fuzz_page_html(html: str) -> None:
    for entry in listing_entries(html, BASE):
        _check_text(entry.title, TITLE_LIMIT)
        _check_text(entry.summary, SUMMARY_LIMIT)
        assert is_http_url(entry.url), entry.url
    published, lead = release_details(html, BASE + "/release")
    _check_text(lead, SUMMARY_LIMIT)
    assert published is None or published.tzinfo is not None
    assert all(is_http_url(url) for url in feed_links(html, BASE) + newsroom_links(html, BASE))
    looks_javascript_only(html)
    assert not any(_is_control(c) for c in site_name(html, "fallback"))
    assert not any(_is_control(c) for c in html_to_text(html))


@FUZZ
@given(body=st.binary(max_size=300), content_type=CONTENT_TYPES)
def test_fuzz_page_bytes_decode_or_refuse(body: bytes, content_type: str) -> None:
    try:
        html = decode_html(body, {"content-type": content_type})
    except SourceError:
        return
    assert isinstance(html, str)
    listing_entries(html, BASE)

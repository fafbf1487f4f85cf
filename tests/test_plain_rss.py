"""The plain RSS 2.0 reader gives exactly what feedparser gives, and leaves to feedparser every
document it is not sure of.

The reader exists for speed (issue 18); its risk is reading a feed differently. So every check
here compares whole parsed feeds, read with it and with feedparser alone.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

import sources.parse.feeds as feeds
from sources.parse.feeds import ParsedFeed, parse_feed
from sources.parse.plain_rss import read_plain_rss
from sources.providers import bing_news, google_news

from .helpers import RECORDED_AT
from .hostile.test_parse_isolation import quadratic_author_feed
from .server import FIXTURES

XML = "application/rss+xml; charset=utf-8"
REFINES = (None, google_news.refine, bing_news.refine)


def _parsed(body: bytes, content_type: str, refine: object, plain: bool) -> ParsedFeed | str:
    original = feeds.read_plain_rss
    if not plain:
        feeds.read_plain_rss = lambda body, content_type: None  # type: ignore[assignment]
    try:
        return parse_feed(
            body,
            {"Content-Type": content_type},
            source="google-news",
            feed_url="https://search.example/rss",
            now=RECORDED_AT,
            refine=refine,  # type: ignore[arg-type]
        )
    except Exception as exc:  # the same failure either way is the same answer
        return f"{type(exc).__name__}: {exc}"
    finally:
        feeds.read_plain_rss = original


def assert_read_alike(body: bytes, content_type: str = XML) -> None:
    for refine in REFINES:
        plain = _parsed(body, content_type, refine, plain=True)
        assert plain == _parsed(body, content_type, refine, plain=False), body[:400]


def _rss(items: str, head: str = '<?xml version="1.0" encoding="UTF-8"?>') -> bytes:
    return (
        f'{head}<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:News="https://www.bing.com/news">'
        f"<channel><title>Ledger &amp; News</title><link>https://ledger.example/</link>{items}"
        "</channel></rss>"
    ).encode()


ITEM = (
    "<item><title>Acme Corp wins award - Daily Ledger</title>"
    "<link>https://www.ledger.example/a?utm_source=x&amp;id=3</link>"
    '<guid isPermaLink="false">a1</guid><pubDate>Mon, 16 Nov 2026 09:00:00 +0530</pubDate>'
    "<description>&lt;b&gt;Acme&lt;/b&gt; took home&amp;nbsp;the award</description>"
    '<source url="https://ledger.example">Daily Ledger</source></item>'
)


@pytest.mark.parametrize("path", sorted((FIXTURES / "feeds").glob("*.xml")), ids=lambda p: p.name)
def test_every_recorded_feed_reads_alike(path: Path) -> None:
    assert_read_alike(path.read_bytes())


def test_search_answers_are_read_by_it() -> None:
    """The speed is real only if the searches' own answers take the plain path."""
    for name in ("google-news-acme-corp.xml", "bing-news-acme-corp.xml"):
        body = (FIXTURES / "feeds" / name).read_bytes()
        assert read_plain_rss(body, "application/xml; charset=utf-8") is not None, name


def test_fields_are_read_as_feedparser_reads_them() -> None:
    plain = read_plain_rss(_rss(ITEM), XML)
    assert plain is not None
    assert plain.feed == {"title": "Ledger & News", "link": "https://ledger.example/"}
    (entry,) = plain.entries
    assert entry["title"] == "Acme Corp wins award - Daily Ledger"
    assert entry["summary"] == "<b>Acme</b> took home&nbsp;the award"
    assert entry["id"] == "a1"
    assert entry["source"] == {"href": "https://ledger.example", "title": "Daily Ledger"}
    assert tuple(entry["published_parsed"])[:6] == (2026, 11, 16, 3, 30, 0)  # +0530 as UTC
    assert_read_alike(_rss(ITEM))
    (item,) = _parsed(_rss(ITEM), XML, None, plain=True).items  # type: ignore[union-attr]
    assert item.title == "Acme Corp wins award"
    assert item.url == "https://www.ledger.example/a?id=3"
    assert item.summary == "Acme took home the award"


def test_a_bing_answer_keeps_its_news_source() -> None:
    item = ITEM.replace("<source", "<News:Source>Ledger Wire</News:Source><source")
    plain = read_plain_rss(_rss(item), XML)
    assert plain is not None and plain.entries[0]["news_source"] == "Ledger Wire"
    assert_read_alike(_rss(item))


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (_rss(ITEM, '<!DOCTYPE rss [<!ENTITY a "x">]>'), XML),
        (_rss(ITEM, '<?xml version="1.0" encoding="ISO-8859-1"?>'), XML),
        (_rss(ITEM), "application/xml; charset=iso-8859-1"),
        (_rss(ITEM), "text/html; charset=utf-8"),
        (b"\xef\xbb\xbf" + _rss(ITEM), XML),
        (_rss(ITEM).replace(b'version="2.0"', b'version="0.92"'), XML),
        (_rss(ITEM.replace("</title>", "</title><media:title>Other</media:title>")), XML),
        (_rss(ITEM.replace("</title>", "</title><dc:date>2026-11-01</dc:date>")), XML),
        (_rss(ITEM.replace("</title>", "</title><title>Second</title>")), XML),
        (_rss(ITEM.replace("<link>https://www.ledger.example/a?utm_source=x&amp;id=3</link>", "")), XML),
        (_rss(ITEM.replace("Mon, 16 Nov 2026 09:00:00 +0530", "2026-11-16T09:00:00Z")), XML),
        (_rss(ITEM.replace("Mon, 16 Nov 2026 09:00:00 +0530", "Mon, 31 Nov 2026 09:00:00 GMT")), XML),
        (_rss(ITEM.replace("Acme Corp wins", "Acme <b>Corp</b> wins")), XML),
        (_rss(ITEM).replace(b"</channel>", b"</channel><item><title>x</title></item>"), XML),
        (_rss(ITEM)[:-40], XML),
    ],
    ids=[
        "doctype", "latin-1 declared", "latin-1 sent", "sent as html", "byte order mark",
        "rss 0.92", "media title", "dc date", "title twice", "no link", "iso date",
        "impossible date", "markup in title", "item outside the channel", "cut short",
    ],
)  # fmt: skip
def test_what_it_is_not_sure_of_goes_to_feedparser(body: bytes, content_type: str) -> None:
    assert read_plain_rss(body, content_type) is None
    assert_read_alike(body, content_type)


def test_the_quadratic_author_attack_never_reaches_feedparser() -> None:
    """Authors are not read, so the plain path defuses P4 for RSS 2.0 (0.92 still needs the
    worker's deadline, tests/hostile/test_parse_isolation.py)."""
    body = quadratic_author_feed(3).replace(b'version="0.92"', b'version="2.0"')
    plain = read_plain_rss(body, XML)
    assert plain is not None and [e["title"] for e in plain.entries] == [
        "Item 0",
        "Item 1",
        "Item 2",
    ]


TEXTS = (
    "Acme Corp wins award", "  Acme &amp; Co   wins\n award ", "AT&amp;T &amp;amp; friends",
    "&lt;b&gt;Acme&lt;/b&gt; wins", "<![CDATA[Acme <b>bold</b> & co]]>", "Caf\u00e9 \u201cq\u201d",
    "", "   ", "&#39;quoted&#39; &#x2019;s", "Acme&#160;Corp", "Acme wins - Daily Ledger",
    "Acme <!-- c --> Corp", "&lt;script&gt;alert(1)&lt;/script&gt; wins", "&amp;lt;b&amp;gt;",
)  # fmt: skip
LINKS = (
    "https://www.ledger.example/a?utm_source=x&amp;id=3", " https://ledger.example/b ", "/relative",
    "javascript:alert(1)", "", "http://news.google.com/rss/articles/CBMiabc?oc=5",
    "http://www.bing.com/news/apiclick.aspx?ref=FexRss&amp;url=https%3a%2f%2fx.example%2fy",
    "HTTPS://LEDGER.EXAMPLE/UP", "https://ledger.example/a#frag",
)  # fmt: skip
DATES = (
    "Mon, 16 Nov 2026 09:00:00 GMT", "16 Nov 2026 09:00:00 GMT", "Mon, 16 Nov 2026 09:00 +0530",
    "Mon, 16 Nov 2026 23:59:59 -0800", "Mon, 6 Nov 2026 09:00:00 UT", "Mon, 16 Nov 2026 09:00:00 Z",
    "Mon, 16 Nov 2026 09:00:00 EST", "garbage", "", "  Mon, 16 Nov 2026 09:00:00 GMT  ",
)  # fmt: skip
EXTRAS = (
    "<author>a@b.example</author>", "<category>Biz</category>", "<dc:creator>Ann</dc:creator>",
    "<News:Source>Ledger News</News:Source>", "<!-- comment -->", "<media:title>T</media:title>",
    '<guid isPermaLink="true">https://g.example/1</guid>',
)  # fmt: skip


def _random_item(rng: random.Random) -> str:
    fields = [
        f"<title>{rng.choice(TEXTS)}</title>",
        f"<description>{rng.choice(TEXTS)}</description>",
        f"<link>{rng.choice(LINKS)}</link>",
        f"<pubDate>{rng.choice(DATES)}</pubDate>",
        f'<guid isPermaLink="false">{rng.randint(1, 3)}</guid>',
        f'<source url="{rng.choice(LINKS)}">{rng.choice(TEXTS)}</source>',
    ]
    kept = [f for f in fields if f.startswith("<link>") or rng.random() < 0.85]
    if rng.random() < 0.2:
        kept.append(rng.choice(EXTRAS))
    rng.shuffle(kept)
    return "<item>" + "".join(kept) + "</item>"


def test_random_plain_feeds_read_alike() -> None:
    """Feeds made of the odd texts, links and dates real feeds hold; most take the plain path."""
    rng = random.Random(18)
    plain = 0
    for _ in range(150):
        body = _rss("".join(_random_item(rng) for _ in range(rng.randint(0, 5))))
        plain += read_plain_rss(body, XML) is not None
        assert_read_alike(body)
    assert plain > 30  # the comparison exercised the plain path, not only the fallback

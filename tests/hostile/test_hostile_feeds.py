"""P1-P11 and O3 of HOSTILE.md: hostile feed bytes, crafted here, through ``parse_feed``.

Timings are taken after a warm-up parse, so they measure the parse, not the first import of
feedparser. Where an Item would hide a fault (titles and summaries are truncated anyway), the raw
feedparser entries are caught through ``parse_feed``'s public ``refine`` hook.
"""

from __future__ import annotations

import gzip
import json
import re
import time
import tracemalloc
from collections.abc import Mapping
from datetime import datetime, timedelta, timezone
from typing import Any

import feedparser
import pytest

import sources.parse.feeds
from sources import EmptyResponse, Item, NotAFeed, ParsedFeed, parse_feed
from sources.parse.text import SUMMARY_LIMIT, TITLE_LIMIT

from ..server import Reply, TestServer

NOW = datetime(2026, 11, 20, 12, tzinfo=timezone.utc)
RSS_HEADERS = {"content-type": "application/rss+xml; charset=utf-8"}
GOOD_ITEM = "<item><title>Acme Corp one</title><link>https://feed.example/1</link></item>"


def _rss(items: str, head: str = "", encoding: str = "utf-8") -> str:
    return (
        f'<?xml version="1.0" encoding="{encoding}"?>\n{head}<rss version="2.0"><channel>'
        f"<title>Test Feed</title><link>https://feed.example/</link>{items}</channel></rss>"
    )


def _parse(
    body: bytes, headers: Mapping[str, str] | None = None, *, raw: list[Any] | None = None
) -> ParsedFeed:
    """parse_feed on ``body``; the raw feedparser entries are appended to ``raw`` if given."""

    def keep_raw(item: Item, entry: Mapping[str, Any]) -> Item:
        if raw is not None:
            raw.append(entry)
        return item

    return parse_feed(
        body,
        RSS_HEADERS if headers is None else headers,
        source="test",
        feed_url="https://feed.example/rss",
        now=NOW,
        refine=keep_raw,
    )


def _timed(body: bytes, *, runs: int = 1, **kwargs: Any) -> tuple[ParsedFeed, float]:
    """The parse and its best time of ``runs``: other work on a shared machine only adds time."""
    _parse(_rss(GOOD_ITEM).encode())  # warm: imports and regex compilation are not the parse
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        parsed = _parse(body, **kwargs)
        best = min(best, time.perf_counter() - started)
    return parsed, best


def _longest_raw_string(entries: list[Any]) -> int:
    def walk(value: Any) -> int:
        if isinstance(value, str):
            return len(value)
        if isinstance(value, Mapping):
            return max((walk(v) for v in value.values()), default=0)
        if isinstance(value, list | tuple):
            return max((walk(v) for v in value), default=0)
        return 0

    return max((walk(entry) for entry in entries), default=0)


def _texts(parsed: ParsedFeed) -> list[str]:
    return [parsed.title] + [t for i in parsed.items for t in (i.title, i.summary, i.publisher)]


# --- P1 billion laughs --------------------------------------------------------------------------


def _billion_laughs() -> bytes:
    entities = '<!ENTITY lol "lol">\n' + "".join(
        f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 2 else "") + ";") * 10}">\n'
        for n in range(2, 10)
    )
    return _rss(
        "<item><title>Acme Corp &lol9; wins</title><link>https://feed.example/a</link>"
        "<description>&lol9;&lol9;</description></item>",
        head=f"<!DOCTYPE lolz [\n{entities}]>\n",
    ).encode()


def test_p1_billion_laughs_is_not_expanded_fast_and_memory_stays_flat() -> None:
    body = _billion_laughs()
    raw: list[Any] = []
    parsed, elapsed = _timed(body, runs=3, raw=raw)
    assert elapsed < 1.0
    tracemalloc.start()  # a second parse, as tracing slows it down several times
    try:
        _parse(body)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 5 * 1024 * 1024, f"{peak / 1e6:.1f} MB traced for a {len(body)} byte feed"
    (item,) = parsed.items
    assert item.title.startswith("Acme Corp")
    assert _longest_raw_string(raw) < len(body)
    assert all("lollol" not in text for text in _texts(parsed))


# --- P2 one big entity referenced many times ----------------------------------------------------

_BIG = "x" * 50_000


def _p2_document(encoding: str, *, refs: int = 2000, big: str = _BIG, prefix: str = "") -> str:
    # The entity on its own line is what feedparser's own DOCTYPE step keeps as "safe".
    return _rss(
        "<item><title>Acme Corp &big; wins</title><link>https://feed.example/a</link>"
        f"<description>{'&big;' * refs}</description></item>",
        head=f'{prefix}<!DOCTYPE rss [\n<!ENTITY big "{big}">\n]>\n',
        encoding=encoding,
    )


P2_CASES = {
    "utf-8": _p2_document("utf-8").encode(),
    "utf-16 with BOM": _p2_document("utf-16").encode("utf-16"),
    "utf-16le without BOM": _p2_document("utf-16").encode("utf-16-le"),
    "utf-16be without BOM": _p2_document("utf-16").encode("utf-16-be"),
    "two DOCTYPEs": _p2_document("utf-8", prefix="<!DOCTYPE a>\n").encode(),
    "lower-case doctype": _p2_document("utf-8").replace("<!DOCTYPE", "<!doctype").encode(),
    "after a comment holding a tag": _p2_document("utf-8", prefix="<!-- <a> -->\n").encode(),
}


@pytest.mark.parametrize("body", P2_CASES.values(), ids=P2_CASES.keys())
def test_p2_a_big_entity_used_2000_times_is_not_expanded_in_any_encoding(body: bytes) -> None:
    raw: list[Any] = []
    parsed, elapsed = _timed(body, runs=3, raw=raw)
    # HOSTILE.md's 50 ms is a quiet machine's figure, and CI is shared: this bound only has to
    # catch the expansion (100 MB of text takes seconds); the checks below catch it exactly.
    assert elapsed < 0.5, f"{elapsed:.3f} s"
    assert parsed.items[0].title.startswith("Acme Corp")
    assert _longest_raw_string(raw) < len(body)
    assert all(len(text) < len(body) and "xxxxx" not in text for text in _texts(parsed))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_p2_control_feedparsers_own_doctype_step_would_expand_the_entity(
    encoding: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Proves the P2 document is a real attack: with feedparser's own step back in place (and a
    smaller entity, to stay fast), the raw description is far longer than the whole feed."""
    monkeypatch.setattr(sources.parse.feeds, "_replace_doctype", feedparser.sanitizer.replace_doctype)
    body = _p2_document(encoding, refs=200, big="x" * 5000).encode(encoding)
    raw: list[Any] = []
    _parse(body, raw=raw)
    assert _longest_raw_string(raw) >= 200 * 5000


# --- P3 external entities -----------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_p3_system_entity_naming_a_local_file_is_not_read(encoding: str) -> None:
    body = _rss(
        "<item><title>Acme Corp &xxe; wins</title><link>https://feed.example/a</link>"
        "<description>&xxe;</description></item>",
        head='<!DOCTYPE rss [\n<!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n',
        encoding=encoding,
    ).encode(encoding)
    raw: list[Any] = []
    parsed = _parse(body, raw=raw)
    assert parsed.items[0].title.startswith("Acme Corp")
    assert "root:" not in repr(raw) + repr(parsed)


def test_p3_external_dtd_and_parameter_entities_on_a_server_get_no_hits() -> None:
    with TestServer() as server:
        dtd = server.route(
            "/evil.dtd",
            Reply(200, b'<!ENTITY leak "LEAKED">', {"Content-Type": "application/xml-dtd"}),
        )
        heads = [
            f'<!DOCTYPE rss SYSTEM "{dtd}">\n',
            f'<!DOCTYPE rss PUBLIC "-//X//Y" "{dtd}">\n',
            f'<!DOCTYPE rss [\n<!ENTITY % ext SYSTEM "{dtd}">\n%ext;\n]>\n',
            f'<!DOCTYPE rss [\n<!ENTITY leak SYSTEM "{dtd}">\n]>\n',
        ]
        for head in heads:
            for encoding in ("utf-8", "utf-16"):
                body = _rss(
                    "<item><title>Acme Corp &leak; wins</title>"
                    "<link>https://feed.example/a</link></item>",
                    head=head,
                    encoding=encoding,
                ).encode(encoding)
                parsed = _parse(body)
                assert "LEAKED" not in repr(parsed)
        assert server.hits_for("/evil.dtd") == []


# --- P5 ill-formed XML --------------------------------------------------------------------------

ILL_FORMED = {
    "unclosed root": _rss(GOOD_ITEM).split("</channel>")[0].encode()
    + b"<item><title>Acme Corp two",
    "broken CDATA": _rss(
        GOOD_ITEM + "<item><title><![CDATA[Acme Corp two</title><description>x]]</description>"
    ).encode(),
    "bare ampersand": _rss(
        GOOD_ITEM + "<item><title>Acme & Sons</title><link>https://feed.example/2?a=1&b=2</link>"
    ).encode(),
    "NUL and control characters": _rss(
        GOOD_ITEM + "<item><title>Acme\x00 Corp\x01 two\x1b[31m</title></item>"
    ).encode(),
    "lone surrogate bytes": _rss(GOOD_ITEM).encode().replace(b"one", b"one \xed\xa0\x80"),
}


@pytest.mark.parametrize("body", ILL_FORMED.values(), ids=ILL_FORMED.keys())
def test_p5_ill_formed_feeds_keep_their_items_with_a_warning(body: bytes) -> None:
    parsed = _parse(body)
    assert any(i.title.startswith("Acme Corp one") for i in parsed.items)
    assert any("not well-formed" in w for w in parsed.warnings) or b"\xed" in body
    for text in _texts(parsed):
        assert text.isprintable(), repr(text)


BAD_REFERENCES = ["&#xD800;", "&#55296;", "&#xDFFF;", "&#x110000;", "&#0;", "&#99999999999999;"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
@pytest.mark.parametrize("reference", BAD_REFERENCES)
def test_p5_references_to_no_character_do_not_lose_the_feed(reference: str, encoding: str) -> None:
    body = _rss(
        GOOD_ITEM + f"<item><title>Acme Corp two {reference} wins</title>"
        f"<link>https://feed.example/2</link><description>a {reference} b</description></item>",
        encoding=encoding,
    ).encode(encoding)
    parsed = _parse(body)
    titles = sorted(i.title for i in parsed.items)
    assert titles == ["Acme Corp one", "Acme Corp two \ufffd wins"]


def test_p5_valid_character_references_are_kept() -> None:
    body = _rss("<item><title>Acme &#x1F600; &#233; &#xE9;</title></item>").encode()
    assert _parse(body).items[0].title == "Acme \U0001f600 é é"


def test_p5_markup_html_parser_rejects_in_a_description_keeps_every_item() -> None:
    body = _rss(
        GOOD_ITEM + "<item><title>Acme Corp two &lt;![ x</title><link>https://feed.example/2</link>"
        "<description>&lt;p&gt;Lead&lt;/p&gt;&lt;![ x &lt;b&gt;more&lt;/b&gt;</description></item>"
    ).encode()
    parsed = _parse(body)
    two = next(i for i in parsed.items if i.title.startswith("Acme Corp two"))
    assert len(parsed.items) == 2
    assert two.summary.startswith("Lead")
    assert "<b>" not in two.summary


# --- P6 charsets --------------------------------------------------------------------------------

TITLE_BY_CHARSET = {
    "windows-1251": "Акме Корп открывает завод",
    "iso-8859-1": "Acme Corp ouvre une usine à Québec",
    "gb2312": "艾克米公司开设新工厂",
}


@pytest.mark.parametrize("charset", TITLE_BY_CHARSET)
def test_p6_declared_charsets_are_decoded(charset: str) -> None:
    title = TITLE_BY_CHARSET[charset]
    body = _rss(f"<item><title>{title}</title></item>", encoding=charset).encode(charset)
    for content_type in ("application/rss+xml", f"application/rss+xml; charset={charset}"):
        parsed = _parse(body, {"content-type": content_type})
        assert [i.title for i in parsed.items] == [title]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_p6_utf16_without_a_bom_is_decoded(codec: str) -> None:
    body = _rss("<item><title>Acme Corp à Québec</title></item>", encoding="utf-16").encode(codec)
    assert [i.title for i in _parse(body).items] == ["Acme Corp à Québec"]


@pytest.mark.parametrize("charset", TITLE_BY_CHARSET)
@pytest.mark.parametrize("header", ["utf-8", "iso-8859-1", "gb2312", "no-such-charset"])
def test_p6_a_header_that_disagrees_with_the_declaration_does_not_crash(
    charset: str, header: str
) -> None:
    title = TITLE_BY_CHARSET[charset]
    body = _rss(f"<item><title>{title}</title></item>", encoding=charset).encode(charset)
    parsed = _parse(body, {"content-type": f"application/rss+xml; charset={header}"})
    (item,) = parsed.items
    assert item.title and item.title.isprintable()
    if header in (charset, "no-such-charset"):
        assert item.title == title


# --- P7 not a feed ------------------------------------------------------------------------------

NOT_FEEDS = {
    "JSON": (b'{"status": "ok"}', "application/json"),
    "PDF": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "application/rss+xml"),
    "PNG": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "application/rss+xml"),
    "gzip": (gzip.compress(_rss(GOOD_ITEM).encode()), "application/rss+xml"),
    "plain text": (b"Acme Corp news will be back soon.", "text/plain"),
    "rss then garbage": (b"<rss>" + bytes(range(256)) * 20, "application/rss+xml"),
    "rss then binary": (b'<rss version="2.0">' + b"\x00\xff\xfe" * 500, "application/rss+xml"),
    "truncated before any item": (_rss(GOOD_ITEM).encode()[:90], "application/rss+xml"),
}


@pytest.mark.parametrize(("body", "content_type"), NOT_FEEDS.values(), ids=NOT_FEEDS.keys())
def test_p7_non_feeds_are_not_a_feed_never_zero_items(body: bytes, content_type: str) -> None:
    with pytest.raises(NotAFeed):
        _parse(body, {"content-type": content_type})


def test_p7_rss_followed_by_garbage_says_truncated_or_broken() -> None:
    with pytest.raises(NotAFeed, match="truncated or broken"):
        _parse(b"<rss>" + b"\x00\xff" * 1000)


@pytest.mark.parametrize("body", [b"", b" \r\n", b"\xef\xbb\xbf"])
def test_p7_empty_body_is_empty_not_zero_items(body: bytes) -> None:
    with pytest.raises(EmptyResponse):
        _parse(body)


def test_p7_a_well_formed_feed_with_no_items_is_zero_items() -> None:
    """The control: an honest empty feed is still read as an empty feed."""
    for content_type in ("application/rss+xml", "text/plain"):
        assert _parse(_rss("").encode(), {"content-type": content_type}).items == ()


# --- P8 50,000 items ----------------------------------------------------------------------------


def _many_items(hours: list[int]) -> bytes:
    return _rss(
        "".join(
            f"<item><title>Acme Corp item {h}</title><link>https://feed.example/{h}</link>"
            f"<guid>id-{h}</guid>"
            f"<pubDate>{NOW - timedelta(hours=h):%a, %d %b %Y %H:%M:%S} GMT</pubDate>"
            f"<description>&lt;p&gt;Acme Corp &lt;b&gt;news&lt;/b&gt; {h}&lt;/p&gt;</description>"
            "</item>"
            for h in hours
        )
    ).encode()


@pytest.mark.parametrize("order", ["newest first", "oldest first"])
def test_p8_fifty_thousand_items_keep_the_newest_200_quickly(order: str) -> None:
    hours = list(range(50_000))
    body = _many_items(hours if order == "newest first" else hours[::-1])
    parsed, elapsed = _timed(body)
    assert elapsed < 5.0, f"{elapsed:.2f} s"
    assert [i.title for i in parsed.items] == [f"Acme Corp item {h}" for h in range(200)]
    assert parsed.items[0].summary == "Acme Corp news 0"
    assert parsed.warnings == (), "cutting the middle out must leave a well-formed feed"


def test_p8_json_feed_with_fifty_thousand_items_keeps_the_newest_200_quickly() -> None:
    body = json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": "Newsroom",
            "items": [
                {
                    "id": f"id-{h}",
                    "url": f"https://feed.example/{h}",
                    "title": f"Acme Corp item {h}",
                    "content_html": f"<p>Acme Corp <b>news</b> {h}</p>",
                    "date_published": (NOW - timedelta(hours=h)).isoformat(),
                }
                for h in reversed(range(50_000))
            ],
        }
    ).encode()
    parsed, elapsed = _timed(body, headers={"content-type": "application/feed+json"})
    assert elapsed < 5.0, f"{elapsed:.2f} s"
    assert [i.title for i in parsed.items] == [f"Acme Corp item {h}" for h in range(200)]


# --- P9 4 MB fields -----------------------------------------------------------------------------

FOUR_MB = 4 * 1024 * 1024
HUGE_TEXT = {
    "plain": "Acme Corp wins " * (FOUR_MB // 15),
    "escaped markup": "&lt;b&gt;Acme&lt;/b&gt; Corp wins " * (FOUR_MB // 33),
    "CDATA markup": "<![CDATA[" + "<p><b>Acme</b> Corp wins</p> " * (FOUR_MB // 29) + "]]>",
}


@pytest.mark.parametrize("field", ["title", "description"])
@pytest.mark.parametrize("kind", HUGE_TEXT)
def test_p9_a_4_mb_field_is_truncated(field: str, kind: str) -> None:
    huge = HUGE_TEXT[kind]
    title, description = (huge, "Short") if field == "title" else ("Acme Corp wins", huge)
    body = _rss(
        f"<item><title>{title}</title><link>https://feed.example/1</link>"
        f"<description>{description}</description></item>"
    ).encode()
    assert len(body) > 4_000_000
    parsed, elapsed = _timed(body)
    (item,) = parsed.items
    assert elapsed < 5.0, f"{elapsed:.2f} s"
    assert item.title.startswith("Acme Corp wins")
    assert len(item.title) <= TITLE_LIMIT
    assert len(item.summary) <= SUMMARY_LIMIT
    if field == "title":
        assert item.title.endswith("…")
    else:
        assert item.summary.endswith("…") and len(item.summary) > SUMMARY_LIMIT - 100
    assert "<" not in item.title + item.summary


def test_p9_a_4_mb_json_feed_title_is_truncated() -> None:
    body = json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "items": [{"id": "1", "title": "<b>Acme</b> Corp wins " * (FOUR_MB // 21)}],
        }
    ).encode()
    parsed, elapsed = _timed(body, headers={"content-type": "application/feed+json"})
    (item,) = parsed.items
    assert elapsed < 2.0
    assert len(item.title) <= TITLE_LIMIT and item.title.startswith("Acme Corp wins")


# --- P10 identity -------------------------------------------------------------------------------


def _keys(body: bytes) -> dict[str, str]:
    return {i.title: i.key for i in _parse(body).items}


def test_p10_the_same_guid_on_every_item_keeps_the_items_apart_and_stable() -> None:
    body = _rss(
        "".join(
            f"<item><title>Acme Corp story {n}</title><link>https://feed.example/{n}</link>"
            "<guid isPermaLink='false'>same</guid></item>"
            for n in range(3)
        )
    ).encode()
    keys = _keys(body)
    assert len(set(keys.values())) == 3
    assert _keys(body) == keys


def test_p10_items_without_guid_or_link_are_keyed_by_their_text() -> None:
    body = _rss(
        "<item><title>Acme Corp one</title><description>First</description></item>"
        "<item><title>Acme Corp two</title><description>Second</description></item>"
        "<item><title>Acme Corp one</title><description>First</description></item>"
    ).encode()
    keys = _keys(body)
    assert len(_parse(body).items) == 2
    assert len(set(keys.values())) == 2
    assert _keys(body) == keys


def test_p10_the_same_link_twice_without_guid_is_one_item() -> None:
    item = (
        "<item><title>Acme Corp wins</title><link>https://feed.example/a?utm_source=x</link></item>"
    )
    parsed = _parse(_rss(item + item.replace("?utm_source=x", "")).encode())
    assert [i.url for i in parsed.items] == ["https://feed.example/a"]


def test_p10_an_items_key_does_not_depend_on_the_other_items() -> None:
    """A guid that another item starts to share in a later fetch must not change this item's key
    (which would make an old item look new)."""
    old = "<item><title>Acme Corp old</title><link>https://feed.example/old</link><guid>g</guid></item>"
    new = "<item><title>Acme Corp new</title><link>https://feed.example/new</link><guid>g</guid></item>"
    alone = _keys(_rss(old).encode())["Acme Corp old"]
    assert _keys(_rss(new + old).encode())["Acme Corp old"] == alone
    json_items = [
        {"id": "g", "url": "https://feed.example/old", "title": "Acme Corp old"},
        {"id": "g", "url": "https://feed.example/new", "title": "Acme Corp new"},
    ]

    def json_key(items: list[dict[str, str]]) -> str:
        body = json.dumps({"version": "https://jsonfeed.org/version/1.1", "items": items})
        parsed = _parse(body.encode(), {"content-type": "application/feed+json"})
        return next(i.key for i in parsed.items if i.title == "Acme Corp old")

    assert json_key(json_items) == json_key(json_items[:1])


# --- P11 dates ----------------------------------------------------------------------------------

DATES: dict[str, tuple[str, datetime | None]] = {
    "missing": ("", None),
    "unparseable": ("<pubDate>next Tuesday-ish</pubDate>", None),
    "empty": ("<pubDate></pubDate>", None),
    "year 9999": ("<pubDate>Fri, 31 Dec 9999 23:59:59 GMT</pubDate>", None),
    "1970": ("<pubDate>Thu, 01 Jan 1970 00:00:00 GMT</pubDate>", datetime(1970, 1, 1, tzinfo=timezone.utc)),
    "offset +2500": (f"<pubDate>{NOW:%a, %d %b %Y %H:%M:%S} +2500</pubDate>", NOW - timedelta(hours=25)),
    "three hours ahead": (
        f"<pubDate>{NOW + timedelta(hours=3):%a, %d %b %Y %H:%M:%S} GMT</pubDate>",
        NOW,
    ),
    "Atom year 9999": ("<updated>9999-12-31T23:59:59Z</updated>", None),
}  # fmt: skip


@pytest.mark.parametrize(("markup", "expected"), DATES.values(), ids=DATES.keys())
def test_p11_odd_dates_are_unknown_clamped_or_kept(markup: str, expected: datetime | None) -> None:
    body = _rss(
        f"<item><title>Acme Corp wins</title><link>https://feed.example/a</link>{markup}</item>"
    ).encode()
    (item,) = _parse(body).items
    assert item.published == expected


def test_p11_every_odd_date_in_one_feed_gives_each_item_once() -> None:
    body = _rss(
        "".join(
            f"<item><title>Acme Corp {name}</title><link>https://feed.example/{n}</link>"
            f"{markup}</item>"
            for n, (name, (markup, _)) in enumerate(DATES.items())
        )
    ).encode()
    parsed = _parse(body)
    assert sorted(i.title for i in parsed.items) == sorted(f"Acme Corp {name}" for name in DATES)
    assert all(i.published is None or i.published <= NOW for i in parsed.items)
    assert [i.published for i in parsed.items if i.published is None] == [None] * 5
    assert parsed.items[-1].published is None


# --- O3 HTML in summaries -----------------------------------------------------------------------

O3_SUMMARIES = {
    "img onerror": '<p>Lead</p><img src="x" onerror="alert(1)">',
    "iframe": '<p>Lead</p><iframe src="https://evil.example/" onload="alert(1)"></iframe>',
    "style": "<style>body{background:url(javascript:alert(1))}</style><p>Lead</p>",
    "form": '<form action="https://evil.example/"><input name="pw" onfocus="alert(1)"></form><p>Lead</p>',
    "svg script": "<svg><script>alert(1)</script></svg><p>Lead</p>",
    "script": "<p>Lead</p><script>alert(1)</script>",
    "event handler on a link": '<p>Lead <a href="javascript:alert(1)" onclick="alert(1)">x</a></p>',
}  # fmt: skip


@pytest.mark.parametrize("how", ["escaped", "CDATA"])
@pytest.mark.parametrize("summary", O3_SUMMARIES.values(), ids=O3_SUMMARIES.keys())
def test_o3_html_in_summaries_becomes_plain_text(summary: str, how: str) -> None:
    if how == "CDATA":
        description = f"<![CDATA[{summary}]]>"
    else:
        description = summary.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    body = _rss(
        f"<item><title>Acme Corp wins</title><link>https://feed.example/a</link>"
        f"<description>{description}</description></item>"
    ).encode()
    (item,) = _parse(body).items
    assert item.summary.startswith("Lead")
    for forbidden in ("<", ">", "alert", "onerror", "onload", "javascript", "background"):
        assert forbidden not in item.summary, item.summary


@pytest.mark.parametrize("times", [2, 3, 10])
def test_o3_markup_escaped_several_times_is_still_read_as_markup(times: int) -> None:
    """Feeds escape twice, or more: the markup unescaping reveals is dropped like any other (up to
    three rounds), and no summary ever holds text that looks like a tag."""
    markup = "<p>Lead</p><script>alert(1)</script><img src=x onerror=alert(2)>"
    for _ in range(times):
        markup = markup.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    body = _rss(
        "<item><title>Acme Corp wins</title><link>https://feed.example/a</link>"
        f"<description>{markup}</description></item>"
    ).encode()
    (item,) = _parse(body).items
    assert not re.search(r"<[a-zA-Z/!?]", item.summary), item.summary
    if times <= 3:
        assert item.summary == "Lead"

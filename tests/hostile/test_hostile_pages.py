"""X1, X3, X4 of HOSTILE.md and the markup html.parser refuses: crafted newsroom and release
pages through sources.parse.pages (and NewsroomPage, which reads them)."""

from __future__ import annotations

import asyncio
import gzip
import time
import tracemalloc
from collections.abc import Callable
from datetime import datetime, timezone

import pytest

from sources import HttpClient, HttpLimits, ParseError
from sources.parse.pages import (
    ListingEntry,
    decode_html,
    feed_links,
    listing_entries,
    looks_javascript_only,
    newsroom_links,
    release_details,
    site_name,
)
from sources.parse.text import html_to_text
from sources.providers.newsroom import NewsroomPage

from ..helpers import LOOPBACK
from ..server import Reply, TestServer

NOW = datetime(2026, 11, 20, 12, tzinfo=timezone.utc)
BASE = "https://acme.example/news"
HTML = {"content-type": "text/html; charset=utf-8"}
LEAD = "Acme Corp said today that it has won an award for its home battery."


def _card(n: int) -> str:
    return (
        f'<article><h2><a href="/news/release-{n}">Acme Corp wins a big award {n}</a></h2>'
        f'<time datetime="2026-11-0{n % 9 + 1}">Nov {n % 9 + 1}</time><p>{LEAD}</p></article>'
    )


def _page(middle: str, cards: int = 2) -> str:
    cards_html = "".join(_card(n) for n in range(1, cards + 1))
    return (
        '<html><head><meta property="og:site_name" content="Acme Corp">'
        '<link rel="alternate" type="application/rss+xml" href="/feed.xml"></head>'
        f'<body><a href="/newsroom">Newsroom</a><main>{cards_html}{middle}</main></body></html>'
    )


# --- X1 compressed or binary bodies without Content-Encoding --------------------------------------

BINARY_BODIES = {
    "gzip": gzip.compress(_page("").encode()),
    "zstd": b"\x28\xb5\x2f\xfd\x24\x10\x81\x00\x00" + b"\x00" * 64,
    "PDF": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>",
    "PNG": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
}


@pytest.mark.parametrize("kind", BINARY_BODIES)
def test_x1_binary_page_bodies_are_refused_naming_what_they_are(kind: str) -> None:
    with pytest.raises(ParseError, match=kind):
        decode_html(BINARY_BODIES[kind], HTML)
    page = NewsroomPage(BASE)
    with pytest.raises(ParseError, match="without a Content-Encoding"):
        page.parse(BINARY_BODIES[kind], HTML, url=BASE, now=NOW)


def test_x1_a_gzip_bomb_body_is_never_expanded() -> None:
    bomb = gzip.compress(b"<p>" + b"\0" * (64 * 1024 * 1024), compresslevel=9)
    assert len(bomb) < 200_000
    tracemalloc.start()
    try:
        with pytest.raises(ParseError, match="gzip"):
            decode_html(bomb, HTML)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 2 * 1024 * 1024, f"{peak / 1e6:.1f} MB traced"


def test_x1_html_that_merely_mentions_the_magic_bytes_is_read() -> None:
    """The control: only a body that starts with the magic bytes is refused."""
    assert "%PDF" in decode_html(b"<html><body>%PDF-1.7 and \x1f\x8b</body></html>", HTML)


def test_x1_a_gzip_release_page_is_a_warning_and_never_becomes_the_summary() -> None:
    """Through a real server: the release page is gzip bytes with no Content-Encoding header."""
    with TestServer() as server:
        server.route("/robots.txt", Reply(404, b"", {"Content-Type": "text/plain"}))
        release = server.route(
            "/news/release-1", Reply(200, BINARY_BODIES["gzip"], {"Content-Type": "text/html"})
        )
        listing = _page("", cards=1).replace("/news/release-1", release)
        page = NewsroomPage(server.url("/news"))

        async def run() -> tuple[str, tuple[str, ...]]:
            parsed = page.parse(listing.encode(), HTML, url=page.url, now=NOW)
            async with HttpClient(HttpLimits(allow_private=LOOPBACK)) as http:
                completed = await page.complete(parsed, http, now=NOW)
            return completed.items[0].summary, completed.warnings

        summary, warnings = asyncio.run(run())
        assert len(server.hits_for("/news/release-1")) == 1
    assert summary == LEAD
    assert any("gzip" in w and release in w for w in warnings), warnings


# --- X2 a page over the page cap -----------------------------------------------------------------


def test_x2_pages_have_a_smaller_byte_cap_than_feeds_and_are_skipped_with_a_reason() -> None:
    """A 4 MiB release page (under the 5 MiB feed cap) is refused while reading, before any
    parsing; the listing keeps its own lead and says why."""
    big = b"<html><body>" + b"<p>Acme Corp news</p>" * 200_000 + b"</body></html>"
    assert 3 * 1024 * 1024 < len(big) < 5 * 1024 * 1024
    with TestServer() as server:
        server.route("/robots.txt", Reply(404, b"", {"Content-Type": "text/plain"}))
        release = server.route("/news/release-1", Reply(200, big, {"Content-Type": "text/html"}))
        listing = _page("", cards=1).replace("/news/release-1", release)
        page = NewsroomPage(server.url("/news"))

        async def run() -> tuple[str, tuple[str, ...]]:
            parsed = page.parse(listing.encode(), HTML, url=page.url, now=NOW)
            async with HttpClient(HttpLimits(allow_private=LOOPBACK)) as http:
                completed = await page.complete(parsed, http, now=NOW)
            return completed.items[0].summary, completed.warnings

        summary, warnings = asyncio.run(run())
    assert summary == LEAD
    assert any("the limit is 3,145,728" in w for w in warnings), warnings


def test_x2_a_table_with_huge_colspan_and_rowspan_is_read_quickly() -> None:
    """Table layout arithmetic is where some parsers blow up; ours only walk the tree."""
    rows = "".join(
        f'<tr><td colspan="2147483647" rowspan="65534">Acme Corp news {n}</td>'
        f'<td><a href="/news/release-{n}">Acme Corp opens plant {n}</a></td>'
        "<td>November 18, 2026</td></tr>"
        for n in range(200)
    )
    page = _page(f"<table>{rows}</table>")
    started = time.perf_counter()
    entries = listing_entries(page, BASE)
    release_details(page, BASE + "/release-1")
    assert time.perf_counter() - started < 5.0
    assert len(entries) >= 1


# --- X3 thousands of long data: URIs --------------------------------------------------------------


def test_x3_thousands_of_long_data_uris_cost_no_more_than_long_ordinary_links() -> None:
    """Timed against the same page with long http links in their place, so that the bound holds
    on a busy machine: data: URIs must not be a slow path of their own."""
    data_uri = "data:image/png;base64," + "iVBORw0KGgo" * 36
    ordinary = "https://acme.example/img/" + "a" * (len(data_uri) - 25)

    def page(uri: str) -> str:
        pictures = "".join(
            f'<img src="{uri}"><a href="{uri}">Acme Corp download the picture {n}</a>'
            for n in range(2000)
        )
        return _page(f"<div>{pictures}</div>")

    def read(html: str) -> tuple[float, list[ListingEntry], str]:
        started = time.thread_time()  # CPU time: other busy processes do not count
        entries = listing_entries(html, BASE)
        _, lead = release_details(html, BASE + "/release-1")
        return time.thread_time() - started, entries, lead

    read(_page(""))  # warm: trafilatura's first call loads its resources
    html = page(data_uri)
    assert len(html) > 1_500_000
    elapsed, entries, lead = read(html)
    baseline, _, _ = read(page(ordinary))
    assert elapsed < 3 * baseline + 0.5, f"{elapsed:.2f} s against {baseline:.2f} s"
    assert [e.url for e in entries] == [f"https://acme.example/news/release-{n}" for n in (1, 2)]
    assert lead.startswith("Acme Corp") and "data:" not in lead


# --- X4 markup that makes html.parser slow, or refuse ---------------------------------------------

X4_PATTERNS = {
    "bang": ("<!", 200_000),
    "unclosed comments": ("<!--", 100_000),
    "marked sections": ("<![", 100_000),
    "unknown marked sections": ("<![ x", 100_000),
    "CDATA openers": ("<![CDATA[", 50_000),
    "end-tag openers": ("</", 200_000),
    "processing instructions": ("<?", 200_000),
    "unclosed tags": ("<a ", 20_000),
}
X4_READERS: dict[str, Callable[[str], object]] = {
    "listing_entries": lambda html: listing_entries(html, BASE),
    "release_details": lambda html: release_details(html, BASE + "/release-1"),
    "html_to_text": html_to_text,
}


def _best_time(read: Callable[[str], object], html: str) -> float:
    """The least CPU time this thread spent reading ``html`` in three tries: CPU time, not wall
    time, so that other processes busy on the machine (CI runs several) do not count."""
    best = float("inf")
    for _ in range(3):
        started = time.thread_time()
        read(html)
        best = min(best, time.thread_time() - started)
    return best


@pytest.mark.parametrize("reader", X4_READERS)
@pytest.mark.parametrize(("pattern", "repeats"), X4_PATTERNS.values(), ids=X4_PATTERNS.keys())
def test_x4_runtime_grows_linearly_with_pathological_markup(
    pattern: str, repeats: int, reader: str
) -> None:
    """1x, 2x and 4x the input: linear work takes about 4 times as long at 4x, quadratic 16. The
    bound is a generous ratio; the small constant absorbs timer noise on millisecond runs."""
    read = X4_READERS[reader]
    read(_page(""))  # warm: imports
    one, two, four = (_best_time(read, _page(pattern * repeats * k)) for k in (1, 2, 4))
    assert four < 8 * one + 0.05, f"{one:.3f} s, {two:.3f} s, {four:.3f} s"
    assert two < 4 * one + 0.05, f"{one:.3f} s, {two:.3f} s, {four:.3f} s"


# --- markup html.parser refuses outright ----------------------------------------------------------

REJECTED = "<p>Acme Corp <![ x the rest</p>"


def test_markup_html_parser_rejects_does_not_lose_the_page() -> None:
    html = _page(REJECTED)
    assert [e.title for e in listing_entries(html, BASE)] == [
        "Acme Corp wins a big award 1",
        "Acme Corp wins a big award 2",
    ]
    assert feed_links(html, BASE) == ["https://acme.example/feed.xml"]
    assert newsroom_links(html, BASE)[0] == "https://acme.example/newsroom"
    assert site_name(html, "fallback") == "Acme Corp"
    assert looks_javascript_only(html) is False
    parsed = NewsroomPage(BASE).parse(html.encode(), HTML, url=BASE, now=NOW)
    assert len(parsed.items) == 2


def test_html_to_text_falls_back_when_html_parser_refuses() -> None:
    assert html_to_text("Acme <b>Corp</b> <![ x") == "Acme Corp"
    assert html_to_text("<![ x ]><script>alert(1)</script>Acme") == "Acme"

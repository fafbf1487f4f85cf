"""Pure parsing of RSS, Atom and JSON Feed bytes into Items.

feedparser gets a byte stream and the response headers, never a URL or a path (it would fetch or
open them). Its DOCTYPE step is replaced: feedparser's loose pass expands internal entities that its
strict pass refused (a 56 KB feed can become a 100-million-character title), and the replacement
runs after feedparser's conversion to UTF-8, so a UTF-16 feed cannot slip a DOCTYPE past it.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from ..errors import EmptyResponse, NotAFeed, ParseError
from ..models import Item
from .items import item_from_entry, make_item
from .plain_rss import read_plain_rss
from .text import (
    SUMMARY_LIMIT,
    TITLE_LIMIT,
    html_to_text,
    parse_date,
    plausible_date,
    truncate,
    utc_from_struct,
)
from .urls import host_of, is_http_url, strip_tracking

MAX_ITEMS = 200
# Items read from each end of a longer feed: feeds list newest first (or, rarely, oldest first), and
# feedparser takes about 0.1 ms per item, so 50,000 items would take seconds.
ITEMS_READ_PER_END = 500

_DOCTYPE_START = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
_DECLARATION_END = re.compile(rb"[\[>]")
_SUBSET_END = re.compile(rb"\]\s*>")
_CHARACTER_REFERENCE = re.compile(rb"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));")
# Byte order marks, and "<?" in UTF-16 without one.
_UNICODE_STARTS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"<\x00?\x00", b"\x00<\x00?")
_ITEM_END = re.compile(rb"</(?:[A-Za-z0-9_.-]+:)?(?:item|entry)\s*>")
_FEED_ROOT = re.compile(rb"<(?:[a-zA-Z0-9_-]+:)?(rss|feed|RDF)[\s>]")
_HTML_ROOT = re.compile(rb"<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", re.IGNORECASE)

# Called with each parsed item and its raw feedparser entry; returns the item a source wants.
Refine = Callable[[Item, Mapping[str, Any]], Item]


@dataclass(frozen=True)
class ParsedFeed:
    title: str
    items: tuple[Item, ...]
    warnings: tuple[str, ...] = ()


def parse_feed(
    body: bytes,
    headers: Mapping[str, str],
    *,
    source: str,
    feed_url: str,
    now: datetime,
    refine: Refine | None = None,
    max_items: int = MAX_ITEMS,
) -> ParsedFeed:
    """Items of an RSS, Atom or JSON feed, newest first, at most ``max_items``.

    Raises EmptyResponse for an empty body and NotAFeed for anything that is not a feed (an HTML
    login page, JSON, a PDF), so that a broken source is never reported as "no news".
    """
    head = body[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head:
        raise EmptyResponse("the server sent an empty response instead of a feed", url=feed_url)
    content_type = headers.get("content-type", "").lower()
    if head.startswith((b"{", b"[")) or "json" in content_type:
        return _parse_json_feed(
            body, source=source, feed_url=feed_url, now=now, max_items=max_items
        )
    _reject_non_feed(head, feed_url)
    return _parse_xml_feed(
        body, headers, source=source, feed_url=feed_url, now=now, refine=refine, max_items=max_items
    )


def _reject_non_feed(head: bytes, feed_url: str) -> None:
    if head.startswith(b"%PDF"):
        raise NotAFeed("the server sent a PDF document, not a feed", url=feed_url)
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK\x03\x04", b"\x1f\x8b")):
        raise NotAFeed("the server sent a binary file, not a feed", url=feed_url)
    if _HTML_ROOT.search(head) and not _FEED_ROOT.search(head):
        raise NotAFeed(
            "the server sent a web page (perhaps a login or error page), not a feed",
            url=feed_url,
        )


def _parse_xml_feed(
    body: bytes,
    headers: Mapping[str, str],
    *,
    source: str,
    feed_url: str,
    now: datetime,
    refine: Refine | None,
    max_items: int,
) -> ParsedFeed:
    cut = _ends_of(body)
    plain = read_plain_rss(cut, _content_type(headers))
    feed_info: Mapping[str, Any]
    entries: list[Any]
    warnings: list[str] = []
    if plain is not None:
        feed_info, entries = plain.feed, plain.entries
    else:
        feed_info, entries, warnings = _read_with_feedparser(cut, headers, feed_url)
    feed_title = html_to_text(str(feed_info.get("title", "")))
    feed_domain = host_of(str(feed_info.get("link", ""))) or host_of(feed_url)

    def build(entry: Mapping[str, Any], published: datetime | None) -> Item | None:
        item = item_from_entry(
            entry,
            published=published,
            source=source,
            publisher=feed_title,
            publisher_domain=feed_domain,
        )
        return refine(item, entry) if item is not None and refine else item

    dated = [(entry, plausible_date(_entry_date(entry), now)) for entry in entries]
    return ParsedFeed(feed_title, _take_newest(dated, build, max_items), tuple(warnings))


def _content_type(headers: Mapping[str, str]) -> str:
    return next((v for k, v in headers.items() if k.lower() == "content-type"), "")


def _read_with_feedparser(
    body: bytes, headers: Mapping[str, str], feed_url: str
) -> tuple[Mapping[str, Any], list[Any], list[str]]:
    """The feed, its entries and what is wrong with it, as feedparser reads any feed."""
    feedparser = _feedparser()
    response_headers = {k.lower(): v for k, v in headers.items() if k.lower() == "content-type"}
    if body.startswith(_UNICODE_STARTS) and "content-type" in response_headers:
        # The bytes show the encoding beyond doubt; a charset header (often a server's default
        # "utf-8") would make feedparser read UTF-16 as UTF-8 and find no feed at all.
        response_headers["content-type"] = response_headers["content-type"].split(";")[0]
    try:
        # Sanitising and resolving links inside HTML fields is slow on big fields (4 s for a 4 MB
        # description) and pointless here: every field becomes plain text.
        parsed = feedparser.parse(
            io.BytesIO(body),
            response_headers=response_headers,
            sanitize_html=False,
            resolve_relative_uris=False,
        )
    except Exception as exc:  # feedparser's own failures, whatever their type, mean "unreadable"
        raise ParseError(f"the feed could not be read: {exc}", url=feed_url) from exc
    entries = list(parsed.get("entries", []))
    if not parsed.get("version") and not entries:
        raise NotAFeed("the response is not an RSS, Atom or JSON feed", url=feed_url)
    # A charset or content type that contradicts the document is overridden by feedparser: not a
    # defect of the feed itself, so not worth a warning.
    harmless = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)
    ill_formed = parsed.get("bozo") and not isinstance(parsed.get("bozo_exception"), harmless)
    if ill_formed and not entries:
        raise NotAFeed(
            "the feed is truncated or broken: no items could be read from it", url=feed_url
        )
    warnings = []
    if ill_formed:
        warnings.append(f"the feed is not well-formed; {len(entries)} items were recovered")
    return parsed.get("feed", {}), entries, warnings


def _feedparser() -> Any:
    """feedparser, with its DOCTYPE step replaced by ``_replace_doctype``."""
    import feedparser  # imported here: it is slow to import and `research --help` needs none of it
    import feedparser.api

    feedparser.api.replace_doctype = _replace_doctype
    return feedparser


def _replace_doctype(data: bytes) -> tuple[str | None, bytes, dict[str, str]]:
    """Stands in for feedparser's ``replace_doctype``, which runs on the document once it is UTF-8.

    feedparser's own step keeps the first DOCTYPE's "safe" entities, which its loose parser then
    expands (one 50 KB entity used 2,000 times gives 100 MB). Here every DOCTYPE goes, with its
    entities, and character references that no character has (``&#xD800;``, ``&#x110000;``,
    ``&#0;``) become U+FFFD: feedparser raises on them, losing the whole feed.
    """
    first = _DOCTYPE_START.search(data)
    version = (
        "rss091n"
        if first and b"netscape" in data[first.end() : first.end() + 200].lower()
        else None
    )
    return version, _CHARACTER_REFERENCE.sub(_valid_reference, _without_doctypes(data)), {}


def _without_doctypes(data: bytes) -> bytes:
    """``data`` with every DOCTYPE removed, in one pass (no regex that can backtrack)."""
    kept = []
    position = 0
    subset_can_close = True  # False once no "]>" is left after the current position
    while start := _DOCTYPE_START.search(data, position):
        kept.append(data[position : start.start()])
        end = _DECLARATION_END.search(data, start.end())
        if end is None:
            position = len(data)
            break
        position = end.end()
        if end.group() == b"[":  # an internal subset: its entities go too
            close = _SUBSET_END.search(data, position) if subset_can_close else None
            subset_can_close = close is not None
            position = close.end() if close else position
    kept.append(data[position:])
    return b"".join(kept)


def _valid_reference(match: re.Match[bytes]) -> bytes:
    hexadecimal, decimal = match.groups()
    digits = hexadecimal or decimal
    code = int(digits, 16 if hexadecimal else 10) if len(digits) <= 8 else -1
    if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF:
        return match.group()
    return b"&#xFFFD;"


def _ends_of(body: bytes) -> bytes:
    """The body with all but the first and last ITEMS_READ_PER_END items cut out of the middle.

    What is cut lies between two item end tags, so a well-formed feed stays well-formed.
    """
    ends = [match.end() for match in _ITEM_END.finditer(body)]
    if len(ends) <= 2 * ITEMS_READ_PER_END:
        return body
    return body[: ends[ITEMS_READ_PER_END - 1]] + body[ends[-ITEMS_READ_PER_END - 1] :]


def _entry_date(entry: Mapping[str, Any]) -> datetime | None:
    for field in ("published_parsed", "updated_parsed", "created_parsed"):
        # ``in`` first: feedparser answers a missing "updated_parsed" with "published_parsed" and
        # a DeprecationWarning.
        published = utc_from_struct(entry.get(field)) if field in entry else None
        if published is not None:
            return published
    return None


def _take_newest(
    candidates: list[tuple[Any, datetime | None]],
    build: Callable[[Any, datetime | None], Item | None],
    limit: int,
) -> tuple[Item, ...]:
    """Items built from the newest candidates (dated newest first, then undated in feed order)
    until ``limit`` distinct ones: text cleaning, the slow part, runs on those only."""
    oldest = datetime.min.replace(tzinfo=timezone.utc)
    ordered = sorted(candidates, key=lambda pair: pair[1] or oldest, reverse=True)
    items: dict[str, Item] = {}
    for raw, published in ordered:
        if len(items) == limit:
            break
        item = build(raw, published)
        if item is not None:
            items.setdefault(item.key, item)
    return tuple(items.values())


def _parse_json_feed(
    body: bytes, *, source: str, feed_url: str, now: datetime, max_items: int
) -> ParsedFeed:
    try:
        document = json.loads(body)
    except (ValueError, RecursionError) as exc:
        raise NotAFeed("the response is neither a feed nor valid JSON", url=feed_url) from exc
    if not isinstance(document, dict) or "jsonfeed.org" not in str(document.get("version", "")):
        raise NotAFeed("the server sent JSON that is not a JSON Feed", url=feed_url)
    feed_title = html_to_text(str(document.get("title", "")))
    feed_domain = host_of(str(document.get("home_page_url", ""))) or host_of(feed_url)
    raw_items = document.get("items")
    if not isinstance(raw_items, list):
        raise NotAFeed("the JSON Feed has no list of items", url=feed_url)

    def build(raw: dict[str, Any], published: datetime | None) -> Item | None:
        title = truncate(html_to_text(str(raw.get("title") or "")[: TITLE_LIMIT * 20]), TITLE_LIMIT)
        summary_source = raw.get("summary") or raw.get("content_text") or raw.get("content_html")
        summary = truncate(
            html_to_text(str(summary_source or "")[: SUMMARY_LIMIT * 20]), SUMMARY_LIMIT
        )
        title = title or truncate(summary, 120)
        if not title:
            return None
        link = next(
            (
                str(u)
                for u in (raw.get("url"), raw.get("external_url"))
                if is_http_url(str(u or ""))
            ),
            None,
        )
        link = strip_tracking(link) if link else None
        return make_item(
            title=title,
            url=link,
            published=published,
            summary=summary,
            publisher=feed_title,
            publisher_domain=host_of(link) or feed_domain,
            source=source,
            guid=str(raw.get("id") or ""),
        )

    dated = [
        (raw, plausible_date(_json_date(raw), now)) for raw in raw_items if isinstance(raw, dict)
    ]
    return ParsedFeed(feed_title, _take_newest(dated, build, max_items))


def _json_date(raw: Mapping[str, Any]) -> datetime | None:
    return parse_date(str(raw.get("date_published") or raw.get("date_modified") or ""))

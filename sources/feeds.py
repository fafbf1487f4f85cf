"""Pure parsing of RSS, Atom and JSON Feed bytes into Items.

feedparser gets a byte stream and the response headers, never a URL or a path (it would fetch or
open them). DOCTYPEs are removed first: feedparser's loose pass expands internal entities that its
strict pass refused (a 56 KB feed can become a 100-million-character title).
"""

from __future__ import annotations

import hashlib
import io
import json
import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from .errors import EmptyResponse, NotAFeed, ParseError
from .models import Item, Outlet
from .text import (
    SUMMARY_LIMIT,
    TITLE_LIMIT,
    clean_text,
    html_to_text,
    parse_date,
    plausible_date,
    truncate,
    utc_from_struct,
)
from .urls import host_of, is_http_url, strip_tracking

MAX_ITEMS = 200

_DOCTYPE = re.compile(rb"<!DOCTYPE[^\[>]*(\[.*?\])?\s*>", re.IGNORECASE | re.DOTALL)
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
    import feedparser  # imported here: it is slow to import and `research --help` needs none of it

    cleaned = _DOCTYPE.sub(b"", body, count=1)
    response_headers = {k.lower(): v for k, v in headers.items() if k.lower() == "content-type"}
    try:
        parsed = feedparser.parse(io.BytesIO(cleaned), response_headers=response_headers)
    except Exception as exc:  # feedparser's own failures, whatever their type, mean "unreadable"
        raise ParseError(f"the feed could not be read: {exc}", url=feed_url) from exc
    entries = list(parsed.get("entries", []))
    if not parsed.get("version") and not entries:
        raise NotAFeed("the response is not an RSS, Atom or JSON feed", url=feed_url)
    warnings = []
    # A charset header that contradicts the document is overridden by feedparser: not a defect of
    # the feed itself, so not worth a warning.
    overridden = isinstance(parsed.get("bozo_exception"), feedparser.CharacterEncodingOverride)
    if parsed.get("bozo") and entries and not overridden:
        warnings.append(f"the feed is not well-formed; {len(entries)} items were recovered")
    feed_info = parsed.get("feed", {})
    feed_title = clean_text(str(feed_info.get("title", "")))
    feed_domain = host_of(str(feed_info.get("link", ""))) or host_of(feed_url)
    guid_counts = Counter(str(e.get("id", "")) for e in entries)
    items = []
    for entry in entries:
        guid = str(entry.get("id", ""))
        item = _item_from_entry(
            entry,
            guid=guid if guid and guid_counts[guid] == 1 else "",
            source=source,
            publisher=feed_title,
            publisher_domain=feed_domain,
            now=now,
        )
        if item is None:
            continue
        items.append(refine(item, entry) if refine else item)
    return ParsedFeed(feed_title, _newest(items, max_items), tuple(warnings))


def _item_from_entry(
    entry: Mapping[str, Any],
    *,
    guid: str,
    source: str,
    publisher: str,
    publisher_domain: str,
    now: datetime,
) -> Item | None:
    title = truncate(html_to_text(str(entry.get("title", ""))), TITLE_LIMIT)
    if not title:
        return None
    link = _entry_link(entry)
    published = None
    for field in ("published_parsed", "updated_parsed", "created_parsed"):
        published = utc_from_struct(entry.get(field))
        if published is not None:
            break
    summary_html = str(entry.get("summary", ""))
    if not summary_html and entry.get("content"):
        summary_html = str(entry["content"][0].get("value", ""))
    summary = truncate(html_to_text(summary_html[: SUMMARY_LIMIT * 20]), SUMMARY_LIMIT)
    return make_item(
        title=title,
        url=link,
        published=plausible_date(published, now),
        summary=summary,
        publisher=publisher,
        publisher_domain=publisher_domain if not link else host_of(link) or publisher_domain,
        source=source,
        guid=guid,
    )


def _entry_link(entry: Mapping[str, Any]) -> str | None:
    candidates = [str(entry.get("link", ""))]
    for link in entry.get("links", []) or []:
        if link.get("rel", "alternate") == "alternate":
            candidates.append(str(link.get("href", "")))
    for candidate in candidates:
        if is_http_url(candidate):
            return strip_tracking(candidate.strip())
    return None


def make_item(
    *,
    title: str,
    url: str | None,
    published: datetime | None,
    summary: str,
    publisher: str,
    publisher_domain: str,
    source: str,
    guid: str = "",
) -> Item:
    """An Item with a stable key: the guid, else the link, else a hash of title and summary."""
    if summary.casefold() in (title.casefold(), f"{title} {publisher}".casefold()):
        summary = ""
    identity = f"guid:{guid}" if guid else f"url:{url}" if url else f"text:{title}\n{summary}"
    key = hashlib.sha256(f"{source}\n{identity}".encode()).hexdigest()[:32]
    outlet = Outlet(name=publisher, domain=publisher_domain, url=url, source=source)
    return Item(
        key=key,
        title=title,
        url=url,
        published=published,
        summary=summary,
        publisher=publisher,
        publisher_domain=publisher_domain,
        source=source,
        outlets=(outlet,),
    )


def with_publisher(item: Item, *, publisher: str, domain: str, url: str | None = None) -> Item:
    """The item credited to another publisher (and link), its outlet list updated to match."""
    new_url = url if url is not None else item.url
    outlet = Outlet(name=publisher, domain=domain, url=new_url, source=item.source)
    return replace(
        item, publisher=publisher, publisher_domain=domain, url=new_url, outlets=(outlet,)
    )


def _newest(items: list[Item], limit: int) -> tuple[Item, ...]:
    seen: set[str] = set()
    unique = []
    for item in items:
        if item.key not in seen:
            seen.add(item.key)
            unique.append(item)
    dated = sorted((i for i in unique if i.published), key=lambda i: i.published, reverse=True)  # type: ignore[arg-type, return-value]
    undated = [i for i in unique if not i.published]
    return tuple((dated + undated)[:limit])


def _parse_json_feed(
    body: bytes, *, source: str, feed_url: str, now: datetime, max_items: int
) -> ParsedFeed:
    try:
        document = json.loads(body)
    except (ValueError, RecursionError) as exc:
        raise NotAFeed("the response is neither a feed nor valid JSON", url=feed_url) from exc
    if not isinstance(document, dict) or "jsonfeed.org" not in str(document.get("version", "")):
        raise NotAFeed("the server sent JSON that is not a JSON Feed", url=feed_url)
    feed_title = clean_text(str(document.get("title", "")))
    feed_domain = host_of(str(document.get("home_page_url", ""))) or host_of(feed_url)
    raw_items = document.get("items")
    if not isinstance(raw_items, list):
        raise NotAFeed("the JSON Feed has no list of items", url=feed_url)
    id_counts = Counter(str(raw.get("id") or "") for raw in raw_items if isinstance(raw, dict))
    items = []
    for raw in raw_items:
        if not isinstance(raw, dict):
            continue
        guid = str(raw.get("id") or "")
        title = truncate(html_to_text(str(raw.get("title") or "")), TITLE_LIMIT)
        summary_source = raw.get("summary") or raw.get("content_text") or raw.get("content_html")
        summary = truncate(
            html_to_text(str(summary_source or "")[: SUMMARY_LIMIT * 20]), SUMMARY_LIMIT
        )
        if not title:
            title = truncate(summary, 120)
        if not title:
            continue
        link = next(
            (
                str(u)
                for u in (raw.get("url"), raw.get("external_url"))
                if is_http_url(str(u or ""))
            ),
            None,
        )
        link = strip_tracking(link) if link else None
        published = parse_date(str(raw.get("date_published") or raw.get("date_modified") or ""))
        items.append(
            make_item(
                title=title,
                url=link,
                published=plausible_date(published, now),
                summary=summary,
                publisher=feed_title,
                publisher_domain=host_of(link) or feed_domain,
                source=source,
                guid=guid if id_counts[guid] == 1 else "",
            )
        )
    return ParsedFeed(feed_title, _newest(items, max_items))

"""Items with a stable key, whatever the source; and the Item a feed entry describes (its
headline, link, summary and the publisher it names)."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any

from ..models import Item, Outlet
from .text import SUMMARY_LIMIT, TITLE_LIMIT, clean_text, html_to_text, truncate
from .urls import host_of, is_http_url, strip_tracking


def item_from_entry(
    entry: Mapping[str, Any],
    *,
    published: datetime | None,
    source: str,
    publisher: str,
    publisher_domain: str,
) -> Item | None:
    title = truncate(html_to_text(str(entry.get("title", ""))[: TITLE_LIMIT * 20]), TITLE_LIMIT)
    if not title:
        return None
    link = _entry_link(entry)
    summary_html = str(entry.get("summary", ""))
    if not summary_html and entry.get("content"):
        summary_html = str(entry["content"][0].get("value", ""))
    summary = truncate(html_to_text(summary_html[: SUMMARY_LIMIT * 20]), SUMMARY_LIMIT)
    domain = publisher_domain if not link else host_of(link) or publisher_domain
    named, named_domain = _named_source(entry)
    if named:
        # <source url="...">Publisher</source>: the item is that publisher's, and a search feed
        # puts its name after the headline (" - Publisher"): exactly that suffix goes.
        title = split_publisher(title, named)
        publisher, domain = named, named_domain or domain
    return make_item(
        title=title,
        url=link,
        published=published,
        summary=summary,
        publisher=publisher,
        publisher_domain=domain,
        source=source,
        guid=str(entry.get("id", "")),
    )


def _named_source(entry: Mapping[str, Any]) -> tuple[str, str]:
    """The publisher an RSS ``<source>`` element names, and its host ("" when none)."""
    named = entry.get("source")
    if not isinstance(named, Mapping):
        return "", ""
    return clean_text(str(named.get("title", ""))), host_of(str(named.get("href", "")))


def split_publisher(title: str, publisher: str) -> str:
    """The headline without its " - Publisher" suffix, when the suffix is exactly that publisher
    (publishers contain dashes and pipes, so splitting on the last dash would be a guess)."""
    for separator in (" - ", " \u2013 ", " \u2014 ", " | "):
        suffix = f"{separator}{publisher}"
        if publisher and title.endswith(suffix) and len(title) > len(suffix):
            return title[: -len(suffix)].rstrip()
    return title


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
    """An Item with a stable key: the guid and link, else the link, else a hash of title and
    summary. The link is part of a guid's key because some feeds give every item the same guid; the
    key depends on this item alone, so an item keeps its key whatever else the feed holds."""
    if summary.casefold() in (title.casefold(), f"{title} {publisher}".casefold()):
        summary = ""
    if guid:
        identity = f"guid:{guid}\n{url or ''}"
    else:
        identity = f"url:{url}" if url else f"text:{title}\n{summary}"
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

"""Company newsrooms: a listing page of press releases without a feed, and newsroom discovery.

Discovery reads robots.txt first and never fetches what it forbids for our user agent. Then it
looks at the home page for announced feeds and for links that say news, press, media, investors
or blog, visits at most a few of those pages, and probes a short list of common feed paths only
when nothing was found. Every request goes through the shared HttpClient and its limits.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from .errors import HTTPStatusError, NeedsBrowser, NotFound, SourceError
from .feeds import ParsedFeed, make_item, parse_feed
from .http import HttpClient
from .models import Item, Query
from .pages import (
    decode_html,
    feed_links,
    listing_entries,
    looks_javascript_only,
    newsroom_links,
    release_details,
    site_name,
    unique,
)
from .urls import host_of, require_http_url

ROBOTS_AGENT = "research"
MAX_CANDIDATE_PAGES = 3
COMMON_FEED_PATHS = ("/feed/", "/rss.xml", "/feed.xml", "/news/feed/", "/news/rss.xml", "/atom.xml")
# Press releases fetched per listing to learn their date and lead paragraph.
RELEASES_TO_READ = 3


@dataclass(frozen=True)
class NewsroomPage:
    """A newsroom listing page: its entries become first-party items; the newest few are read."""

    url: str
    name: str = field(default="")

    def __post_init__(self) -> None:
        object.__setattr__(self, "url", require_http_url(self.url))
        if not self.name:
            object.__setattr__(self, "name", f"newsroom:{host_of(self.url)}")

    def url_for(self, query: Query) -> str:
        return self.url

    def parse(
        self, body: bytes, headers: Mapping[str, str], *, url: str, now: datetime
    ) -> ParsedFeed:
        html = decode_html(body, headers)
        entries = listing_entries(html, url)
        if not entries:
            if looks_javascript_only(html):
                raise NeedsBrowser(
                    "the newsroom page is drawn by JavaScript: nothing extractable without a browser",
                    url=url,
                )
            raise NeedsBrowser(
                "no press releases found on the newsroom page (an unfamiliar layout)", url=url
            )
        publisher = site_name(html, host_of(url))
        items = tuple(
            replace(
                make_item(
                    title=entry.title,
                    url=entry.url,
                    published=entry.published
                    if entry.published and entry.published <= now
                    else None,
                    summary=entry.summary,
                    publisher=publisher,
                    publisher_domain=host_of(entry.url),
                    source=self.name,
                ),
                first_party=True,
            )
            for entry in entries
        )
        return ParsedFeed(publisher, items)

    async def complete(self, parsed: ParsedFeed, http: HttpClient, *, now: datetime) -> ParsedFeed:
        """Read the newest few releases for their real date and lead paragraph."""
        dated = sorted(
            range(len(parsed.items)),
            key=lambda i: (parsed.items[i].published is not None, parsed.items[i].published or now),
            reverse=True,
        )
        chosen = [i for i in dated if parsed.items[i].url][:RELEASES_TO_READ]
        results = await asyncio.gather(
            *(self._read_release(parsed.items[i], http, now) for i in chosen)
        )
        items = list(parsed.items)
        warnings = list(parsed.warnings)
        for index, result in zip(chosen, results, strict=True):
            if isinstance(result, str):
                warnings.append(result)
            else:
                items[index] = result
        return replace(parsed, items=tuple(items), warnings=tuple(warnings))

    async def _read_release(self, item: Item, http: HttpClient, now: datetime) -> Item | str:
        assert item.url is not None
        try:
            response = await http.get(item.url)
            html = decode_html(response.body, response.headers)
            published, lead = await asyncio.get_running_loop().run_in_executor(
                None, release_details, html, item.url
            )
        except SourceError as error:
            return f"could not read the press release {item.url}: {error.message}"
        if published is not None and published > now:
            published = None
        return replace(
            item,
            published=published or item.published,
            summary=lead or item.summary,
        )


@dataclass(frozen=True)
class Discovery:
    """What newsroom discovery found on a site, and what it noticed on the way."""

    site: str
    feeds: tuple[str, ...]
    pages: tuple[str, ...]
    notes: tuple[str, ...]
    requests: int
    # False when the site could not be asked at all (network, robots.txt unreadable): worth
    # trying again later, unlike a site that answered and has no newsroom.
    reachable: bool = True


def site_origin(domain: str) -> str:
    """ "acme.com" -> "https://acme.com"; a URL keeps its scheme and host (and port)."""
    if "://" not in domain:
        domain = f"https://{domain}"
    parts = urlsplit(domain)
    return require_http_url(f"{parts.scheme}://{parts.netloc}")


async def discover_newsroom(
    domain: str, http: HttpClient, *, now: datetime, newsroom: str | None = None
) -> Discovery:
    """Find the company's feeds and newsroom listing pages, obeying robots.txt."""
    origin = site_origin(domain)
    start = http.requests_sent
    notes: list[str] = []
    robots = await _robots(origin, http, notes)
    if robots is None:
        return Discovery(origin, (), (), tuple(notes), http.requests_sent - start, reachable=False)
    feeds: list[str] = []
    pages: list[str] = []

    def allowed(url: str) -> bool:
        if robots.can_fetch(ROBOTS_AGENT, url):
            return True
        notes.append(f"robots.txt forbids {url}; not fetched")
        return False

    queue: list[str] = [newsroom] if newsroom else []
    if allowed(origin + "/"):
        home = await _get_page(origin + "/", http, notes)
        if isinstance(home, str):
            feeds += [f for f in feed_links(home, origin + "/") if allowed(f)]
            queue += newsroom_links(home, origin + "/")
    visited: set[str] = {origin + "/"}
    # Feeds on the home page are what the site wants read; pages are explored only without them.
    if feeds and not newsroom:
        queue = []
    while queue and len(visited) <= MAX_CANDIDATE_PAGES:
        page_url = queue.pop(0)
        if page_url in visited or page_url in feeds:
            continue
        visited.add(page_url)
        if not allowed(page_url):
            continue
        page = await _get_page(page_url, http, notes, now=now)
        if page is None:
            continue
        if page is True:  # the link led straight to a feed
            feeds.append(page_url)
            continue
        assert isinstance(page, str)
        page_feeds = [f for f in feed_links(page, page_url) if allowed(f)]
        feeds += page_feeds
        if page_feeds:
            continue
        if listing_entries(page, page_url):
            pages.append(page_url)
        elif looks_javascript_only(page):
            notes.append(
                f"{page_url} is drawn by JavaScript: nothing extractable without a browser"
            )
        else:
            queue += [
                u for u in newsroom_links(page, page_url, by_text_only=True) if u not in visited
            ]
    if not feeds and not pages:
        probes = [urljoin(origin, p) for p in COMMON_FEED_PATHS]
        permitted = [url for url in probes if robots.can_fetch(ROBOTS_AGENT, url)]
        for url in permitted:
            if await _is_feed(url, http, now):
                feeds.append(url)
                break
        else:
            notes.append(
                f"no feed at {len(permitted)} common feed paths"
                + (
                    f" ({len(probes) - len(permitted)} more forbidden by robots.txt)"
                    if len(permitted) < len(probes)
                    else ""
                )
            )
    return Discovery(
        site=origin,
        feeds=tuple(unique(feeds)),
        pages=tuple(unique(pages)),
        notes=tuple(notes),
        requests=http.requests_sent - start,
    )


async def _robots(origin: str, http: HttpClient, notes: list[str]) -> RobotFileParser | None:
    """robots.txt rules: missing (4xx) allows everything; None when it cannot be read (5xx or
    no answer), in which case nothing else may be fetched."""
    parser = RobotFileParser()
    try:
        response = await http.get(origin + "/robots.txt")
    except NotFound:
        parser.parse([])
        return parser
    except HTTPStatusError as error:
        if 400 <= error.status < 500:
            parser.parse([])
            return parser
        notes.append(f"robots.txt could not be read ({error.message}); nothing else fetched")
        return None
    except SourceError as error:
        notes.append(f"robots.txt could not be read ({error.message}); nothing else fetched")
        return None
    parser.parse(decode_html(response.body, response.headers).splitlines())
    return parser


async def _get_page(
    url: str, http: HttpClient, notes: list[str], *, now: datetime | None = None
) -> str | bool | None:
    """The page's HTML; True when it is a feed (checked when ``now`` is given); None on failure."""
    try:
        response = await http.get(url)
    except SourceError as error:
        notes.append(f"{url}: {error.message}")
        return None
    if now is not None and not _looks_like_html(response.body, response.headers):
        try:
            parse_feed(response.body, response.headers, source="probe", feed_url=url, now=now)
        except SourceError:
            return None
        return True
    return decode_html(response.body, response.headers)


def _looks_like_html(body: bytes, headers: Mapping[str, str]) -> bool:
    if "html" in headers.get("content-type", "").lower():
        return True
    head = body[:512].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head


async def _is_feed(url: str, http: HttpClient, now: datetime) -> bool:
    try:
        response = await http.get(url)
        parse_feed(response.body, response.headers, source="probe", feed_url=url, now=now)
    except SourceError:
        return False
    return True

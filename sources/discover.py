"""Newsroom discovery: find a company's feeds and newsroom pages from its web site.

robots.txt is read first, for every host asked, and obeyed (RFC 9309 rules). The home page's
announced feeds are taken; only without them are news-like links visited (a few pages, one level
deeper by link text), and only when nothing at all was found are common feed paths probed.
Organisation feeds on press-release wires that the pages link to are kept with the feeds found
(``sources.providers.wires``); they do not end the search for the company's own.
Requests are not retried and the whole discovery has one deadline, so a broken site costs
seconds, not minutes. A site that cannot be asked is reported as unreachable, to try again later.
Pages are read in parser processes (``sources.net.isolate``), never on the event loop; a page the
parsers cannot read (over the parse deadline, or markup a parser trips on) becomes a note.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urljoin, urlsplit

from .errors import HTTPStatusError, NotFound, SourceError
from .net.http import HttpClient
from .net.isolate import parse_workers, run_parse
from .net.robots import ALLOW_ALL, DENY_ALL, Robots, parse_robots
from .parse.feeds import parse_feed
from .parse.pages import (
    decode_html,
    feed_links,
    listing_entries,
    looks_javascript_only,
    newsroom_links,
    unique,
)
from .parse.urls import require_http_url
from .providers.wires import is_wire_feed, wire_links

# Pages visited after the home page (news-like links, and their news-like links in turn).
MAX_CANDIDATE_PAGES = 4
COMMON_FEED_PATHS = ("/feed/", "/rss.xml", "/feed.xml", "/news/feed/", "/news/rss.xml", "/atom.xml")
DISCOVERY_DEADLINE = 45.0
# A listing needs this many dated entries to count as a newsroom (a recipe page has none).
MIN_DATED_ENTRIES = 2

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Discovery:
    """What newsroom discovery found on a site, and what it noticed on the way."""

    site: str
    feeds: tuple[str, ...]
    pages: tuple[str, ...]
    notes: tuple[str, ...]
    requests: int
    # False when the site could not be asked (no answer, robots.txt or home page failing): worth
    # trying again later, unlike a site that answered and has no newsroom.
    reachable: bool = True


@dataclass(frozen=True)
class _Page:
    """What discovery needs of one fetched page, as a parser process read it."""

    url: str  # after redirects: links on the page are relative to it
    is_feed: bool = False
    feeds: tuple[str, ...] = ()  # the feeds the page announces
    dated_entries: int = 0  # press releases with a date, when the page is a listing
    javascript_only: bool = False
    links: tuple[str, ...] = ()  # news-like links worth visiting next
    wires: tuple[str, ...] = ()  # the company's organisation feeds on press-release wires


def site_origin(domain: str) -> str:
    """ "acme.com" -> "https://acme.com"; a URL keeps its scheme and host (and port)."""
    if "://" not in domain:
        domain = f"https://{domain}"
    parts = urlsplit(require_http_url(domain))
    return f"{parts.scheme}://{parts.netloc}"


async def fetch_robots(url: str, http: HttpClient) -> Robots:
    """The robots.txt rules of ``url``'s site: none (all allowed) when it has no robots.txt
    (4xx), everything forbidden when it cannot be read (5xx or no answer)."""
    try:
        origin = site_origin(url)
        response = await http.get(
            origin + "/robots.txt", retry=False, max_bytes=http.limits.max_page_bytes
        )
    except (NotFound, HTTPStatusError) as error:
        status = getattr(error, "status", 404)
        return ALLOW_ALL if 400 <= status < 500 else DENY_ALL
    except SourceError:
        return DENY_ALL
    try:
        return await run_parse(
            functools.partial(_robots_of, response.body, response.headers),
            url=response.url,
            size=len(response.body),
        )
    except Exception as error:  # rules that cannot be read forbid everything
        _log_unexpected(response.url, error)
        return DENY_ALL


def _robots_of(body: bytes, headers: Mapping[str, str]) -> Robots:
    return parse_robots(decode_html(body, headers))


async def discover_newsroom(
    domain: str,
    http: HttpClient,
    *,
    now: datetime,
    newsroom: str | None = None,
    deadline: float = DISCOVERY_DEADLINE,
) -> Discovery:
    """Find the company's feeds and newsroom listing pages, obeying robots.txt, within
    ``deadline`` seconds (at most DISCOVERY_DEADLINE)."""
    start = http.requests_sent
    notes: list[str] = []
    try:
        origin = site_origin(domain)
    except SourceError as error:  # a saved domain or newsroom no longer accepted: say so
        notes.append(f"{domain[:200]!r} cannot be fetched: {error.message}")
        return Discovery(domain[:200], (), (), tuple(notes), 0, reachable=False)
    deadline = max(0.0, min(deadline, DISCOVERY_DEADLINE))
    try:
        async with parse_workers():
            return await asyncio.wait_for(
                _discover(origin, http, now, newsroom, notes, start), timeout=deadline
            )
    except asyncio.TimeoutError:
        notes.append(f"discovery took longer than {deadline:g} s; it will be tried again")
        return Discovery(origin, (), (), tuple(notes), http.requests_sent - start, reachable=False)


async def _discover(
    origin: str,
    http: HttpClient,
    now: datetime,
    newsroom: str | None,
    notes: list[str],
    start: int,
) -> Discovery:
    robots_by_host: dict[str, Robots] = {}
    # Wire feeds the pages link to: kept with the feeds found, but they do not end the search
    # for the company's own (a newsroom that links its wire feed has releases of its own).
    wires: list[str] = []

    def result(feeds: list[str], pages: list[str], reachable: bool = True) -> Discovery:
        return Discovery(
            origin,
            tuple(unique([*feeds, *wires])),
            tuple(unique(pages)),
            tuple(notes),
            http.requests_sent - start,
            reachable,
        )

    async def allowed(url: str) -> bool:
        host = urlsplit(url).netloc
        if host not in robots_by_host:
            robots_by_host[host] = await fetch_robots(url, http)
        if robots_by_host[host].allows(url):
            return True
        notes.append(f"robots.txt forbids {url}; not fetched")
        return False

    robots_by_host[urlsplit(origin).netloc] = await fetch_robots(origin, http)
    if robots_by_host[urlsplit(origin).netloc] is DENY_ALL:
        notes.append(f"{origin}/robots.txt could not be read; nothing else fetched")
        return result([], [], reachable=False)
    feeds: list[str] = []
    pages: list[str] = []
    queue: list[str] = [newsroom] if newsroom else []
    home_url = origin + "/"
    if await allowed(home_url):
        home = await _get_page(home_url, http, notes, now, allowed, home=True)
        if home is None:
            return result([], [], reachable=False)
        feeds += [f for f in home.feeds if await allowed(f)]
        wires.extend(home.wires)
        queue += home.links
    if feeds and not newsroom:
        queue = []  # the feeds the home page announces are what the site wants read
    visited = {home_url}
    while queue and len(visited) <= MAX_CANDIDATE_PAGES:
        page_url = queue.pop(0)
        if page_url in visited or page_url in feeds:
            continue
        visited.add(page_url)
        if not await allowed(page_url):
            continue
        page = await _get_page(page_url, http, notes, now, allowed)
        if page is None:
            continue
        if page.is_feed:
            feeds.append(page.url)
            continue
        wires.extend(page.wires)
        page_feeds = [f for f in page.feeds if await allowed(f)]
        feeds += page_feeds
        if page_feeds:
            continue
        if page.dated_entries >= MIN_DATED_ENTRIES:
            pages.append(page.url)
        elif page.javascript_only:
            notes.append(
                f"{page.url} is drawn by JavaScript: nothing extractable without a browser"
            )
        else:
            queue += [u for u in page.links if u not in visited]
    if not feeds and not pages:
        await _probe(origin, http, now, notes, feeds, allowed)
    return result(feeds, pages)


async def _probe(
    origin: str,
    http: HttpClient,
    now: datetime,
    notes: list[str],
    feeds: list[str],
    allowed: Callable[[str], Awaitable[bool]],
) -> None:
    """Common feed paths, one after another, stopping at the first feed or the first failure
    that is not a plain 404."""
    for path in COMMON_FEED_PATHS:
        url = urljoin(origin, path)
        if not await allowed(url):
            continue
        try:
            response = await http.get(
                url, retry=False, may_follow=allowed, max_bytes=http.limits.max_page_bytes
            )
        except NotFound:
            continue
        except SourceError as error:
            notes.append(f"stopped probing common feed paths: {error.message}")
            return
        try:
            is_feed = await run_parse(
                functools.partial(_parses_as_feed, response.body, response.headers, url, now),
                url=url,
                size=len(response.body),
            )
        except Exception as error:  # over the parse deadline, or a parser tripped on it
            notes.append(_unreadable(url, error))
            is_feed = False
        if is_feed:
            feeds.append(response.url)
            return
    notes.append(f"no feed at {len(COMMON_FEED_PATHS)} common feed paths")


async def _get_page(
    url: str,
    http: HttpClient,
    notes: list[str],
    now: datetime,
    allowed: Callable[[str], Awaitable[bool]],
    *,
    home: bool = False,
) -> _Page | None:
    """The page (HTML or a feed), or None with a note; for the home page, a failure other than
    404 means the site is unreachable (also None). A page the parsers cannot read is skipped
    with a note; the home page then counts as answered with nothing on it."""
    try:
        response = await http.get(
            url, retry=False, may_follow=allowed, max_bytes=http.limits.max_page_bytes
        )
    except SourceError as error:
        notes.append(f"{url}: {error.message}")
        if home and isinstance(error, NotFound):
            return _Page(url)
        return None
    try:
        return await run_parse(
            functools.partial(
                _read_page, response.body, response.headers, response.url, now, home=home
            ),
            url=response.url,
            size=len(response.body),
        )
    except Exception as error:  # over the parse deadline, or a parser tripped on the markup
        notes.append(_unreadable(response.url, error))
        return _Page(response.url) if home else None


def _read_page(
    body: bytes, headers: Mapping[str, str], url: str, now: datetime, *, home: bool
) -> _Page | None:
    """What discovery needs of a response (run in a parser process); None when it is neither a
    web page nor a feed. The home page is only asked for feeds and news-like links."""
    if not _looks_like_html(body, headers):
        return _Page(url, is_feed=True) if _parses_as_feed(body, headers, url, now) else None
    html = decode_html(body, headers)
    feeds = tuple(f for f in feed_links(html, url) if not is_wire_feed(f))
    wires = tuple(wire_links(html))
    if home:
        return _Page(url, feeds=feeds, links=tuple(newsroom_links(html, url)), wires=wires)
    dated = sum(1 for e in listing_entries(html, url) if e.published)
    if dated >= MIN_DATED_ENTRIES:
        return _Page(url, feeds=feeds, dated_entries=dated, wires=wires)
    if looks_javascript_only(html):
        return _Page(url, feeds=feeds, javascript_only=True, wires=wires)
    links = tuple(newsroom_links(html, url, by_text_only=True))
    return _Page(url, feeds=feeds, dated_entries=dated, links=links, wires=wires)


def _unreadable(url: str, error: Exception) -> str:
    """The note for a response the parsers could not read."""
    _log_unexpected(url, error)
    if isinstance(error, SourceError):
        return f"{url}: {error.message}"
    return f"{url} could not be read ({type(error).__name__}); skipped"


def _log_unexpected(url: str, error: Exception) -> None:
    """A parser's own exception is a bug or input nobody foresaw: worth its traceback."""
    if not isinstance(error, SourceError):
        logger.error("unexpected error while reading %s", url, exc_info=error)


def _parses_as_feed(body: bytes, headers: Mapping[str, str], url: str, now: datetime) -> bool:
    try:
        parse_feed(body, headers, source="probe", feed_url=url, now=now)
    except SourceError:
        return False
    return True


def _looks_like_html(body: bytes, headers: Mapping[str, str]) -> bool:
    if "html" in headers.get("content-type", "").lower():
        return True
    head = body[:512].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head

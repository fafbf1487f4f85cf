"""A company newsroom page that lists press releases without a feed, read as a source.

Its entries become first-party items; the newest few releases are fetched (where the site's
robots.txt allows) for their publication date and lead paragraph.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from urllib.parse import urlsplit

from ..discover import fetch_robots
from ..errors import NeedsBrowser, ParseError, SourceError
from ..models import Item, Query
from ..net.http import HttpClient
from ..net.isolate import run_parse
from ..net.robots import Robots
from ..parse.feeds import ParsedFeed
from ..parse.items import make_item
from ..parse.pages import (
    decode_html,
    listing_entries,
    looks_javascript_only,
    release_details,
    site_name,
)
from ..parse.urls import host_of, require_http_url

# Press releases fetched per listing to learn their date and lead paragraph.
RELEASES_TO_READ = 3

logger = logging.getLogger(__name__)


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
            raise ParseError(
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
        rules: dict[str, Robots] = {}

        async def allowed(url: str) -> bool:
            host = urlsplit(url).netloc
            if host not in rules:
                rules[host] = await fetch_robots(url, http)
            return rules[host].allows(url)

        chosen = [
            i for i in dated if parsed.items[i].url and await allowed(parsed.items[i].url or "")
        ]
        results = await asyncio.gather(
            *(
                self._read_release(parsed.items[i], http, now, allowed)
                for i in chosen[:RELEASES_TO_READ]
            )
        )
        items = list(parsed.items)
        warnings = list(parsed.warnings)
        for index, result in zip(chosen[:RELEASES_TO_READ], results, strict=True):
            if isinstance(result, str):
                warnings.append(result)
            else:
                items[index] = result
        return replace(parsed, items=tuple(items), warnings=tuple(warnings))

    async def _read_release(
        self,
        item: Item,
        http: HttpClient,
        now: datetime,
        allowed: Callable[[str], Awaitable[bool]],
    ) -> Item | str:
        assert item.url is not None
        try:
            response = await http.get(
                item.url, may_follow=allowed, max_bytes=http.limits.max_page_bytes
            )
            published, lead = await run_parse(
                functools.partial(_release_details, response.body, response.headers, item.url),
                url=item.url,
                size=len(response.body),
            )
        except SourceError as error:
            return f"could not read the press release {item.url}: {error.message}"
        except Exception as error:  # a parser tripped on this page: skip it, keep the listing
            logger.exception("unexpected error while reading %s", item.url)
            return f"could not read the press release {item.url} ({type(error).__name__})"
        if published is not None and published > now:
            published = None
        return replace(
            item,
            published=published or item.published,
            summary=lead or item.summary,
        )


def _release_details(
    body: bytes, headers: Mapping[str, str], url: str
) -> tuple[datetime | None, str]:
    """Decoding and extraction together, so that both run in the parser process."""
    return release_details(decode_html(body, headers), url)

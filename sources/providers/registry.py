"""The Source protocol and the built-in sources, listed explicitly so they can be read and walked.

A source turns a query into one URL and turns that URL's response into Items. Fetching is not its
job: ``sources.fetch`` does that for all sources at once through one HTTP client.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from ..errors import InvalidURL
from ..models import Query
from ..parse.feeds import ParsedFeed
from ..parse.urls import host_of, url_problem
from . import bing_news, feed, gdelt, google_news

if TYPE_CHECKING:
    from ..net.http import HttpClient


class Source(Protocol):
    """What every source provides; ``name`` identifies it in reports and JSON.

    ``parse`` of a big body runs in a worker process (``sources.net.isolate``), so a source and
    what its ``parse`` returns must pickle: a dataclass of module-level functions does.
    """

    @property
    def name(self) -> str: ...

    def url_for(self, query: Query) -> str: ...

    def parse(
        self, body: bytes, headers: Mapping[str, str], *, url: str, now: datetime
    ) -> ParsedFeed: ...


@runtime_checkable
class SendsContact(Protocol):
    """A source whose service asks who is calling (SEC EDGAR): each of its requests carries
    this User-Agent, with the user's contact address, to its hosts only."""

    @property
    def user_agent(self) -> str: ...


@runtime_checkable
class FollowsLinks(Protocol):
    """A source whose first response is a listing: it fetches the linked pages to finish items."""

    async def complete(
        self, parsed: ParsedFeed, http: HttpClient, *, now: datetime
    ) -> ParsedFeed: ...


# name -> (default base URL, constructor taking the base URL)
BUILTIN_SOURCES: Mapping[str, tuple[str, Callable[[str], Source]]] = {
    google_news.NAME: (google_news.DEFAULT_BASE_URL, google_news.source),
    bing_news.NAME: (bing_news.DEFAULT_BASE_URL, bing_news.source),
}


SEC_EDGAR = "sec-edgar"
WIRE = "wire"
# Every source a run or a profile can switch on or off by name (--source / --no-source NAME),
# with what it is. Feeds and newsroom pages are the profile's own, switched by editing it.
SWITCHABLE: Mapping[str, str] = {
    google_news.NAME: "Google News search",
    bing_news.NAME: "Bing News search",
    gdelt.NAME: "GDELT DOC 2.0 article search",
    SEC_EDGAR: "SEC EDGAR current reports of a US-listed company",
    WIRE: "the company's organisation feeds on press-release wires",
}


def builtin_sources(base_urls: Mapping[str, str] | None = None) -> list[Source]:
    """Every built-in source, each with its base URL from ``base_urls`` or its default."""
    base_urls = base_urls or {}
    unknown = set(base_urls) - set(BUILTIN_SOURCES)
    if unknown:
        raise ValueError(f"unknown built-in source(s): {', '.join(sorted(unknown))}")
    return [
        make(base_urls.get(name) or default) for name, (default, make) in BUILTIN_SOURCES.items()
    ]


def feed_source(url: str, *, name: str = "", first_party: bool = False) -> Source:
    """A source for one RSS, Atom or JSON Feed URL."""
    return feed.Feed(url, name=name, first_party=first_party)


def newsroom_source(url: str) -> Source:
    """A source for a company newsroom page that lists press releases without a feed.
    Imported here: reading pages loads the page and discovery code, which only profiles with
    a newsroom need."""
    from .newsroom import NewsroomPage

    return NewsroomPage(url)


@dataclass(frozen=True)
class RefusedFeed:
    """A saved feed or newsroom URL that is no longer accepted (saved by an older version, or
    written into the store by hand): it fails as its own source, with the reason, when fetched
    (the fetch checks every URL again) instead of stopping the run."""

    url: str
    name: str = ""

    def __post_init__(self) -> None:
        if not self.name:
            object.__setattr__(self, "name", f"feed:{host_of(self.url) or 'invalid'}")

    def url_for(self, query: Query) -> str:
        return self.url

    def parse(
        self, body: bytes, headers: Mapping[str, str], *, url: str, now: datetime
    ) -> ParsedFeed:
        raise InvalidURL(f"not an accepted URL: {self.url[:200]!r}", url=self.url[:200])


def saved_source(
    url: str, *, first_party: bool = False, newsroom: bool = False, wire: bool = False
) -> Source:
    """The source for a URL saved in a profile: a feed, newsroom page or wire feed, or a
    RefusedFeed when the URL is not accepted any more."""
    if url_problem(url) is not None:
        return RefusedFeed(str(url))
    if wire:
        from .wires import wire_source

        return wire_source(url)
    return newsroom_source(url) if newsroom else feed_source(url, first_party=first_party)

"""A news-search engine's RSS endpoint as a Source: how to build its URL, how to clean its items."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime

from ..models import Query
from ..parse.feeds import ParsedFeed, Refine, parse_feed


@dataclass(frozen=True)
class SearchSource:
    name: str
    base_url: str
    build_url: Callable[[Query, str], str]
    refine: Refine

    def url_for(self, query: Query) -> str:
        return self.build_url(query, self.base_url)

    def parse(
        self, body: bytes, headers: Mapping[str, str], *, url: str, now: datetime
    ) -> ParsedFeed:
        return parse_feed(
            body, headers, source=self.name, feed_url=url, now=now, refine=self.refine
        )

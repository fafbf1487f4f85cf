"""Bing News RSS search.

Links are ``bing.com/news/apiclick.aspx?...&url=<publisher URL>`` redirects: the real URL is read
from the parameter, offline. The publisher is in a ``<News:Source>`` element.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from .endpoints import BING_NEWS_SEARCH, bing_news_url
from .feeds import ParsedFeed, parse_feed, with_publisher
from .models import Item, Query
from .text import clean_text
from .urls import host_of, strip_tracking, unwrap_bing

NAME = "bing-news"
DEFAULT_BASE_URL = BING_NEWS_SEARCH


def _refine(item: Item, entry: Mapping[str, Any]) -> Item:
    url = strip_tracking(unwrap_bing(item.url)) if item.url else None
    publisher = clean_text(str(entry.get("news_source", ""))) or host_of(url)
    return with_publisher(item, publisher=publisher, domain=host_of(url), url=url)


@dataclass(frozen=True)
class BingNews:
    base_url: str = DEFAULT_BASE_URL
    name: str = NAME

    def url_for(self, query: Query) -> str:
        return bing_news_url(query, self.base_url)

    def parse(
        self, body: bytes, headers: Mapping[str, str], *, url: str, now: datetime
    ) -> ParsedFeed:
        return parse_feed(body, headers, source=self.name, feed_url=url, now=now, refine=_refine)

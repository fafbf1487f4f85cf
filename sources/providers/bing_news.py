"""Bing News RSS search.

Links are ``bing.com/news/apiclick.aspx?...&url=<publisher URL>`` redirects: the real URL is read
from the parameter, offline. The publisher is in a ``<News:Source>`` element.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..models import Item
from ..parse.items import with_publisher
from ..parse.text import clean_text
from ..parse.urls import host_of, strip_tracking, unwrap_bing
from .endpoints import BING_NEWS_SEARCH, bing_news_url
from .search import SearchSource

NAME = "bing-news"
DEFAULT_BASE_URL = BING_NEWS_SEARCH


def refine(item: Item, entry: Mapping[str, Any]) -> Item:
    url = strip_tracking(unwrap_bing(item.url)) if item.url else None
    publisher = clean_text(str(entry.get("news_source", ""))) or host_of(url)
    return with_publisher(item, publisher=publisher, domain=host_of(url), url=url)


def source(base_url: str = DEFAULT_BASE_URL) -> SearchSource:
    """This search engine as a Source, its endpoint replaced by ``base_url`` when given."""
    return SearchSource(NAME, base_url, bing_news_url, refine)

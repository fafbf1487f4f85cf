"""Google News RSS search.

Titles end in " - Publisher"; the item's ``<source url="...">Publisher</source>`` says exactly which
suffix to cut, as in any feed (feeds.py).
Links are ``news.google.com/rss/articles/ID`` redirects, unwrapped where the ID can be read offline.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..models import Item
from ..parse.items import with_publisher
from ..parse.urls import host_of, is_http_url, strip_tracking, unwrap_google_news
from .endpoints import GOOGLE_NEWS_SEARCH, google_news_url
from .search import SearchSource

NAME = "google-news"
DEFAULT_BASE_URL = GOOGLE_NEWS_SEARCH


def refine(item: Item, entry: Mapping[str, Any]) -> Item:
    """The real article link where it can be read offline, credited to the publisher the
    feed named (feeds.py has already cut the " - Publisher" suffix)."""
    url = item.url
    if url:
        unwrapped = unwrap_google_news(url)
        url = strip_tracking(unwrapped) if unwrapped != url and is_http_url(unwrapped) else url
    if url == item.url:
        return item
    domain = item.publisher_domain
    if not domain or domain == host_of(item.url or ""):
        domain = host_of(url)
    return with_publisher(item, publisher=item.publisher, domain=domain, url=url)


def source(base_url: str = DEFAULT_BASE_URL) -> SearchSource:
    """This search engine as a Source, its endpoint replaced by ``base_url`` when given."""
    return SearchSource(NAME, base_url, google_news_url, refine)

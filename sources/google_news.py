"""Google News RSS search.

Titles end in " - Publisher"; the item's ``<source url="...">Publisher</source>`` says exactly which
suffix to cut (publishers contain dashes and pipes, so splitting on the last dash would be a guess).
Links are ``news.google.com/rss/articles/ID`` redirects, unwrapped where the ID can be read offline.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from .endpoints import GOOGLE_NEWS_SEARCH, google_news_url
from .feeds import with_publisher
from .models import Item
from .search import SearchSource
from .text import clean_text
from .urls import host_of, is_http_url, strip_tracking, unwrap_google_news

NAME = "google-news"
DEFAULT_BASE_URL = GOOGLE_NEWS_SEARCH


def split_publisher(title: str, publisher: str) -> str:
    """The headline without its " - Publisher" suffix, when the suffix is exactly that publisher."""
    publisher = clean_text(publisher)
    for separator in (" - ", " \u2013 ", " \u2014 ", " | "):
        suffix = f"{separator}{publisher}"
        if publisher and title.endswith(suffix) and len(title) > len(suffix):
            return title[: -len(suffix)].rstrip()
    return title


def refine(item: Item, entry: Mapping[str, Any]) -> Item:
    source = entry.get("source")
    if not isinstance(source, Mapping):
        source = {}
    publisher = clean_text(str(source.get("title", "")))
    domain = host_of(str(source.get("href", "")))
    url = item.url
    if url:
        unwrapped = unwrap_google_news(url)
        url = strip_tracking(unwrapped) if unwrapped != url and is_http_url(unwrapped) else url
    if not publisher:
        return replace(item, url=url)
    title = split_publisher(item.title, publisher)
    summary = item.summary
    if summary.casefold() in (f"{title} {publisher}".casefold(), title.casefold()):
        summary = ""
    refined = with_publisher(item, publisher=publisher, domain=domain or host_of(url), url=url)
    return replace(refined, title=title, summary=summary)


def source(base_url: str = DEFAULT_BASE_URL) -> SearchSource:
    """This search engine as a Source, its endpoint replaced by ``base_url`` when given."""
    return SearchSource(NAME, base_url, google_news_url, refine)

"""The fetch layer: news-search and feed sources, one careful HTTP client, items and failures.

This package never imports ``research``; ``research`` wires it to the store and the ranker. Names
are imported on first use, so the pure modules (models, text, urls) load without httpx.
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .discover import Discovery, discover_newsroom, site_origin
    from .errors import (
        Blocked,
        ConnectFailed,
        EmptyResponse,
        FetchError,
        Gone,
        HTTPStatusError,
        IncompleteBody,
        InvalidURL,
        Malformed,
        MissingContact,
        NameNotResolved,
        NeedsBrowser,
        NotAFeed,
        NotFound,
        NotListed,
        NotRecorded,
        ParseError,
        ParserCrashed,
        ParseTimedOut,
        ParseTooBig,
        PrivateAddress,
        ProtocolError,
        RateLimited,
        Refused,
        ReplayError,
        ServerError,
        SourceError,
        TimedOut,
        TLSFailed,
        TooLarge,
        TooManyRedirects,
        UnsupportedEncoding,
    )
    from .fetch import fetch_all, fetch_source
    from .models import CachedFeed, FetchReport, Item, Outlet, Query, SourceFailure, SourceOutcome
    from .net.http import HttpClient, Response
    from .net.isolate import ParseLimits, parse_workers
    from .net.limits import HttpLimits
    from .net.replay import Recorder, Recording, ReplayTransport, load_recording
    from .parse.feeds import ParsedFeed, parse_feed
    from .parse.merge import merge_items, told_together
    from .providers.newsroom import NewsroomPage
    from .providers.registry import (
        BUILTIN_SOURCES,
        FollowsLinks,
        SendsContact,
        Source,
        builtin_sources,
        feed_source,
        newsroom_source,
    )

logging.getLogger(__name__).addHandler(logging.NullHandler())

_HOMES = {
    "BUILTIN_SOURCES": "sources.providers.registry",
    "Blocked": "sources.errors",
    "CachedFeed": "sources.models",
    "ConnectFailed": "sources.errors",
    "EmptyResponse": "sources.errors",
    "FetchError": "sources.errors",
    "FetchReport": "sources.models",
    "Gone": "sources.errors",
    "HTTPStatusError": "sources.errors",
    "HttpClient": "sources.net.http",
    "HttpLimits": "sources.net.limits",
    "IncompleteBody": "sources.errors",
    "InvalidURL": "sources.errors",
    "Malformed": "sources.errors",
    "MissingContact": "sources.errors",
    "NotListed": "sources.errors",
    "Refused": "sources.errors",
    "SendsContact": "sources.providers.registry",
    "Item": "sources.models",
    "NameNotResolved": "sources.errors",
    "NeedsBrowser": "sources.errors",
    "Discovery": "sources.discover",
    "NewsroomPage": "sources.providers.newsroom",
    "discover_newsroom": "sources.discover",
    "site_origin": "sources.discover",
    "FollowsLinks": "sources.providers.registry",
    "newsroom_source": "sources.providers.registry",
    "NotAFeed": "sources.errors",
    "NotFound": "sources.errors",
    "NotRecorded": "sources.errors",
    "Outlet": "sources.models",
    "ParseError": "sources.errors",
    "ParsedFeed": "sources.parse.feeds",
    "ParseLimits": "sources.net.isolate",
    "ParseTimedOut": "sources.errors",
    "ParseTooBig": "sources.errors",
    "ParserCrashed": "sources.errors",
    "parse_workers": "sources.net.isolate",
    "PrivateAddress": "sources.errors",
    "ProtocolError": "sources.errors",
    "Query": "sources.models",
    "RateLimited": "sources.errors",
    "Recording": "sources.net.replay",
    "Recorder": "sources.net.replay",
    "ReplayError": "sources.errors",
    "ReplayTransport": "sources.net.replay",
    "Response": "sources.net.http",
    "ServerError": "sources.errors",
    "Source": "sources.providers.registry",
    "SourceError": "sources.errors",
    "SourceFailure": "sources.models",
    "SourceOutcome": "sources.models",
    "TLSFailed": "sources.errors",
    "TimedOut": "sources.errors",
    "TooLarge": "sources.errors",
    "TooManyRedirects": "sources.errors",
    "UnsupportedEncoding": "sources.errors",
    "builtin_sources": "sources.providers.registry",
    "feed_source": "sources.providers.registry",
    "fetch_all": "sources.fetch",
    "fetch_source": "sources.fetch",
    "load_recording": "sources.net.replay",
    "merge_items": "sources.parse.merge",
    "told_together": "sources.parse.merge",
    "parse_feed": "sources.parse.feeds",
}

__all__ = [
    "BUILTIN_SOURCES",
    "Blocked",
    "CachedFeed",
    "ConnectFailed",
    "Discovery",
    "EmptyResponse",
    "FetchError",
    "FetchReport",
    "FollowsLinks",
    "Gone",
    "HTTPStatusError",
    "HttpClient",
    "HttpLimits",
    "IncompleteBody",
    "InvalidURL",
    "Item",
    "Malformed",
    "MissingContact",
    "NameNotResolved",
    "NeedsBrowser",
    "NewsroomPage",
    "NotAFeed",
    "NotFound",
    "NotListed",
    "NotRecorded",
    "Outlet",
    "ParseError",
    "ParseLimits",
    "ParseTimedOut",
    "ParseTooBig",
    "ParsedFeed",
    "ParserCrashed",
    "PrivateAddress",
    "ProtocolError",
    "Query",
    "RateLimited",
    "Recorder",
    "Recording",
    "Refused",
    "ReplayError",
    "ReplayTransport",
    "Response",
    "SendsContact",
    "ServerError",
    "Source",
    "SourceError",
    "SourceFailure",
    "SourceOutcome",
    "TLSFailed",
    "TimedOut",
    "TooLarge",
    "TooManyRedirects",
    "UnsupportedEncoding",
    "builtin_sources",
    "discover_newsroom",
    "feed_source",
    "fetch_all",
    "fetch_source",
    "load_recording",
    "merge_items",
    "newsroom_source",
    "parse_feed",
    "parse_workers",
    "site_origin",
    "told_together",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'sources' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))

"""The fetch layer: news-search and feed sources, one careful HTTP client, items and failures.

This package never imports ``research``; ``research`` wires it to the store and the ranker.
"""

import logging

from .errors import (
    Blocked,
    ConnectFailed,
    EmptyResponse,
    FetchError,
    Gone,
    HTTPStatusError,
    IncompleteBody,
    InvalidURL,
    NameNotResolved,
    NotAFeed,
    NotFound,
    NotRecorded,
    ParseError,
    ProtocolError,
    RateLimited,
    ReplayError,
    ServerError,
    SourceError,
    TimedOut,
    TLSFailed,
    TooLarge,
    TooManyRedirects,
    UnsupportedEncoding,
)
from .feeds import ParsedFeed, parse_feed
from .fetch import fetch_all, fetch_source
from .http import HttpClient, HttpLimits, Response
from .merge import merge_items
from .models import CachedFeed, FetchReport, Item, Outlet, Query, SourceFailure, SourceOutcome
from .registry import BUILTIN_SOURCES, Source, builtin_sources, feed_source
from .replay import Recording, RecordingTransport, ReplayTransport, load_recording

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "BUILTIN_SOURCES",
    "Blocked",
    "CachedFeed",
    "ConnectFailed",
    "EmptyResponse",
    "FetchError",
    "FetchReport",
    "Gone",
    "HTTPStatusError",
    "HttpClient",
    "HttpLimits",
    "IncompleteBody",
    "InvalidURL",
    "Item",
    "NameNotResolved",
    "NotAFeed",
    "NotFound",
    "NotRecorded",
    "Outlet",
    "ParseError",
    "ParsedFeed",
    "ProtocolError",
    "Query",
    "RateLimited",
    "Recording",
    "RecordingTransport",
    "ReplayError",
    "ReplayTransport",
    "Response",
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
    "feed_source",
    "fetch_all",
    "fetch_source",
    "load_recording",
    "merge_items",
    "parse_feed",
]

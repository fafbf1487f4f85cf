"""Runs every source concurrently through one HTTP client; failures come back as values."""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Mapping, Sequence
from datetime import datetime

from .errors import SourceError
from .http import HttpClient
from .isolate import parse_workers, run_parse
from .merge import merge_items
from .models import CachedFeed, FetchReport, Query, SourceFailure, SourceOutcome
from .registry import FollowsLinks, Source

logger = logging.getLogger(__name__)


async def fetch_all(
    sources: Sequence[Source],
    query: Query,
    http: HttpClient,
    *,
    now: datetime,
    cache: Mapping[str, CachedFeed] | None = None,
) -> FetchReport:
    """Fetch and parse every source at once; merge the items of those that worked. Parsing
    happens in worker processes (``sources.isolate``), stopped before this returns."""
    cache = cache or {}
    async with parse_workers():
        outcomes = await asyncio.gather(
            *(fetch_source(source, query, http, now=now, cache=cache) for source in sources)
        )
    return report_of(outcomes)


def report_of(outcomes: Sequence[SourceOutcome]) -> FetchReport:
    """The report of these outcomes: each one, and the merged items of those that worked."""
    items = merge_items(item for outcome in outcomes for item in outcome.items)
    return FetchReport(outcomes=tuple(outcomes), items=tuple(items))


async def fetch_source(
    source: Source,
    query: Query,
    http: HttpClient,
    *,
    now: datetime,
    cache: Mapping[str, CachedFeed],
) -> SourceOutcome:
    url = source.url_for(query)
    cached = cache.get(url)
    try:
        response = await http.get(
            url,
            etag=cached.etag if cached else None,
            last_modified=cached.last_modified if cached else None,
        )
        if response.status == 304 and cached is not None:
            return SourceOutcome(
                source=source.name,
                url=url,
                items=cached.items,
                not_modified=True,
                etag=cached.etag,
                last_modified=cached.last_modified,
            )
        # In a worker process: the event loop stays free for the other downloads, and a
        # pathological body is stopped at the parse deadline.
        parsed = await run_parse(
            functools.partial(
                source.parse, response.body, response.headers, url=response.url, now=now
            ),
            url=response.url,
            size=len(response.body),
        )
        if isinstance(source, FollowsLinks):
            parsed = await source.complete(parsed, http, now=now)
    except SourceError as error:
        return SourceOutcome(
            source=source.name,
            url=url,
            failure=SourceFailure(source.name, url, error.reason, error.message),
        )
    except Exception as error:  # a parser tripped on input nobody foresaw: one source, not the run
        logger.exception("unexpected error while reading %s", url)
        message = f"the response could not be read ({type(error).__name__}: {error})"
        return SourceOutcome(
            source=source.name, url=url, failure=SourceFailure(source.name, url, "parse", message)
        )
    return SourceOutcome(
        source=source.name,
        url=url,
        items=parsed.items,
        etag=response.headers.get("etag"),
        last_modified=response.headers.get("last-modified"),
        warnings=parsed.warnings,
    )

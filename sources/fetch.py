"""Runs every source concurrently through one HTTP client; failures come back as values."""

from __future__ import annotations

import asyncio
import functools
import hashlib
import logging
from collections.abc import Awaitable, Callable, Coroutine, Mapping, Sequence
from datetime import datetime, timedelta, timezone
from typing import Any, TypeVar

from .errors import Gone, RateLimited, SourceError, TimedOut
from .models import CachedFeed, FetchReport, Hold, Query, SourceFailure, SourceOutcome
from .net.http import HttpClient, Response
from .net.isolate import parse_workers, run_parse
from .parse.merge import merge_items
from .parse.urls import host_of
from .providers.registry import FollowsLinks, SendsContact, Source

logger = logging.getLogger(__name__)

# A 410 keeps a URL from being asked for this long; then it is asked once more, in case the
# feed came back (a site rebuilt, a path restored).
GONE_RECHECK = timedelta(days=30)
# The longest Retry-After honoured across runs (``sources.net.failures`` caps the header the
# same way).
MAX_RATE_LIMIT = timedelta(hours=24)
REMOVE_FEED = (
    "remove the feed from the company's profile (`research company add` with the feeds to keep; "
    "`research company discover` if it was found on the site) or stop passing it with --feed"
)

# (sources done, sources in all, the name of one still being fetched, or "" once all are done)
Progress = Callable[[int, int, str], None]


async def fetch_all(
    sources: Sequence[Source],
    query: Query,
    http: HttpClient,
    *,
    now: datetime,
    cache: Mapping[str, CachedFeed] | None = None,
    deadline: float | None = None,
    progress: Progress | None = None,
) -> FetchReport:
    """Fetch and parse every source at once; merge the items of those that worked. Parsing
    happens in worker processes (``sources.net.isolate``), stopped before this returns. With a
    ``deadline`` (seconds), a source still busy then is stopped and reported as timed out;
    the others keep what they found. ``progress`` is called at once and as each source ends."""
    cache = cache or {}
    tracker = Tracker([source.name for source in sources], progress)
    async with parse_workers():
        outcomes = await asyncio.gather(
            *(
                tracker.track(
                    source.name,
                    _within(
                        deadline,
                        source,
                        query,
                        fetch_source(source, query, http, now=now, cache=cache),
                    ),
                )
                for source in sources
            )
        )
    return report_of(outcomes)


Done = TypeVar("Done")


class Tracker:
    """Tells ``progress`` how many tasks there are (sources here, companies in a digest), then
    each time one ends: a caller (a server answering over MCP) can show that a run of up to a
    minute is moving. A task that was cancelled is not counted as done."""

    def __init__(self, names: Sequence[str], progress: Progress | None) -> None:
        self.waiting = list(names)
        self.total = len(names)
        self.progress = progress
        self._tell()

    async def track(self, name: str, task: Awaitable[Done]) -> Done:
        outcome = await task
        self.waiting.remove(name)
        self._tell()
        return outcome

    def _tell(self) -> None:
        if self.progress is not None:
            done = self.total - len(self.waiting)
            self.progress(done, self.total, self.waiting[0] if self.waiting else "")


async def _within(
    deadline: float | None,
    source: Source,
    query: Query,
    fetching: Coroutine[Any, Any, SourceOutcome],
) -> SourceOutcome:
    """The source's outcome, or a timed-out failure once the caller's deadline has passed."""
    if deadline is None:
        return await fetching
    try:
        return await asyncio.wait_for(fetching, max(deadline, 0.0))
    except asyncio.TimeoutError:
        url = source.url_for(query)
        message = f"{host_of(url)} was still being read at the caller's deadline; it was stopped"
        return SourceOutcome(
            source=source.name,
            url=url,
            failure=SourceFailure(source.name, url, TimedOut.reason, message),
        )


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
    """One source's outcome. A held URL (rate-limited or gone, see ``Hold``) is not asked;
    a 304, or a 200 with the stored strong ETag or the very same bytes, reuses the stored items
    without parsing."""
    url = source.url_for(query)
    cached = cache.get(url)
    hold = active_hold(cached, now)
    if cached is not None and hold is not None:
        return _held(source.name, url, cached, hold)
    try:
        response = await http.get(
            url,
            etag=cached.etag if cached else None,
            last_modified=cached.last_modified if cached else None,
            # A listing page is a web page: the page cap, not the feed cap.
            max_bytes=http.limits.max_page_bytes if isinstance(source, FollowsLinks) else None,
            user_agent=source.user_agent if isinstance(source, SendsContact) else None,
        )
    except SourceError as error:
        return _refused(source.name, url, error, cached, now, http.limits.max_retry_wait)
    if cached is not None and response.status == 304:
        return _reused(source.name, url, cached, response, cached.body_sha256)
    digest = hashlib.sha256(response.body).hexdigest()
    if cached is not None and unchanged(cached, response.headers.get("etag"), digest):
        return _reused(source.name, url, cached, response, digest)
    try:
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
        body_sha256=digest,
    )


def active_hold(cached: CachedFeed | None, now: datetime) -> Hold | None:
    """The hold that keeps this URL from being asked at ``now``, if any. One that ends further
    ahead than it could have been set (the clock was turned back) is ignored."""
    hold = cached.hold if cached is not None else None
    if hold is None or now >= hold.until:
        return None
    longest = GONE_RECHECK if hold.reason == "gone" else MAX_RATE_LIMIT
    return hold if hold.until - now <= longest else None


def hold_after(
    error: SourceError, earlier: Hold | None, now: datetime, waited: float
) -> Hold | None:
    """What to remember after this error: a 410 holds the URL for ``GONE_RECHECK`` (keeping the
    date it was first seen gone); a Retry-After longer than a run waits (``waited`` seconds)
    holds it for that long, at most 24 h. Anything else is not remembered: a 404 is often
    temporary."""
    if isinstance(error, Gone):
        since = earlier.since if earlier is not None and earlier.reason == "gone" else now
        return Hold("gone", since, now + GONE_RECHECK)
    retry_after = error.retry_after if isinstance(error, RateLimited) else None
    if retry_after is not None and retry_after > waited:
        return Hold("rate_limited", now, now + min(timedelta(seconds=retry_after), MAX_RATE_LIMIT))
    return None


def unchanged(cached: CachedFeed, etag: str | None, body_sha256: str) -> bool:
    """True when a 200 carries what the store has: the same strong ETag, or the same bytes.
    A weak ETag (W/"...") promises only an equivalent body, so it does not skip parsing."""
    etag = etag.strip() if etag else None
    if etag and not etag.startswith("W/") and etag == cached.etag:
        return True
    return cached.body_sha256 == body_sha256


def _reused(
    name: str, url: str, cached: CachedFeed, response: Response, body_sha256: str | None
) -> SourceOutcome:
    """Not modified: the stored items, with the validators this response gave, else the stored
    ones (a 304 may update them)."""
    return SourceOutcome(
        name,
        url,
        items=cached.items,
        not_modified=True,
        etag=response.headers.get("etag") or cached.etag,
        last_modified=response.headers.get("last-modified") or cached.last_modified,
        body_sha256=body_sha256,
    )


def _held(name: str, url: str, cached: CachedFeed, hold: Hold) -> SourceOutcome:
    """A URL not asked in this run: a failure that says why and until when."""
    if hold.reason == "gone":
        message = (
            f"gone (HTTP 410) since {hold.since.astimezone(timezone.utc):%Y-%m-%d}: {url} is not "
            f"asked again before {_stamp(hold.until)}; {REMOVE_FEED}"
        )
        return SourceOutcome(
            name, url, failure=SourceFailure(name, url, "gone", message), hold=hold
        )
    message = f"rate-limited by {host_of(url)}: not asked again before {_stamp(hold.until)}"
    return _with_stored(name, url, cached, message, hold)


def _refused(
    name: str,
    url: str,
    error: SourceError,
    cached: CachedFeed | None,
    now: datetime,
    waited: float,
) -> SourceOutcome:
    """The outcome of a request that gave no usable response, with what to remember of it."""
    hold = hold_after(error, cached.hold if cached else None, now, waited)
    message = error.message
    if hold is not None:
        message += f"; not asked again before {_stamp(hold.until)}"
    if isinstance(error, RateLimited) and cached is not None:
        return _with_stored(name, url, cached, message, hold)
    return SourceOutcome(
        name, url, failure=SourceFailure(name, url, error.reason, message), hold=hold
    )


def _with_stored(
    name: str, url: str, cached: CachedFeed, message: str, hold: Hold | None
) -> SourceOutcome:
    """A rate-limited feed: reported as failed, and its stored items still count (the feed did
    not say they changed; it only asked us to wait). A gone feed's items are not offered."""
    if cached.items:
        message += f"; using the {len(cached.items)} items stored {_stamp(cached.fetched_at)}"
    return SourceOutcome(
        name,
        url,
        items=cached.items,
        failure=SourceFailure(name, url, "rate_limited", message),
        not_modified=True,
        etag=cached.etag,
        last_modified=cached.last_modified,
        body_sha256=cached.body_sha256,
        hold=hold,
    )


def _stamp(moment: datetime) -> str:
    return f"{moment.astimezone(timezone.utc):%Y-%m-%d %H:%M} UTC"

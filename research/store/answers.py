"""What a run takes from the cache and leaves in it: the validators of its conditional requests,
the answers it keeps (and so which items were seen), and each source's cached answer offline.

A cache that cannot be read or written costs the run a warning, never its result.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sources import CachedFeed, FetchReport, Query, Source, SourceFailure, SourceOutcome
from sources.fetch import report_of
from sources.providers.bing_news import NAME as BING_NEWS
from sources.providers.gdelt import NAME as GDELT
from sources.providers.google_news import NAME as GOOGLE_NEWS

from ..errors import StoreError
from .cache import Cache


def cached_for(
    cache: Cache, sources: Sequence[Source], query: Query, warnings: list[str]
) -> dict[str, CachedFeed]:
    """What the cache holds for these sources' URLs (validators, items, holds), for conditional
    requests; nothing, with a warning, when the cache cannot be read."""
    try:
        return cache.cached_feeds(source.url_for(query) for source in sources)
    except StoreError as exc:
        warnings.append(f"{exc} (the cache was not used)")
        return {}


def keep_answers(
    cache: Cache,
    outcomes: Sequence[SourceOutcome],
    now: datetime,
    subject: str,
    warnings: list[str],
) -> None:
    """Save what the sources answered (validators, items, which items were seen) under
    ``subject``; a warning when it cannot be saved."""
    try:
        cache.save_outcomes(outcomes, now, subject=subject)
    except StoreError as exc:
        warnings.append(f"{exc} (results were not saved)")


_SEARCHES = (GOOGLE_NEWS, BING_NEWS, GDELT)


def from_cache(
    cache: Cache, sources: Sequence[Source], query: Query, subject: str
) -> tuple[FetchReport, datetime | None]:
    """The cached answers for these sources: the same request if cached, else the newest one
    cached for this source and company (another window or alias list gives another URL)."""
    urls = {source.name: source.url_for(query) for source in sources}
    cached = cache.cached_feeds(urls.values())
    outcomes = []
    used = []
    for source in sources:
        url = urls[source.name]
        feed = cached.get(url)
        if (feed is None or not feed.answered) and source.name in _SEARCHES:
            # A search's URL changes with the window and aliases; a feed's never does.
            feed = cache.latest_feed(source.name, subject)
        if feed is not None and not feed.answered:
            feed = None
        if feed is None:
            failure = SourceFailure(
                source.name,
                url,
                "not_stored",
                "nothing stored for this source and company yet; run once without --offline",
            )
            outcomes.append(SourceOutcome(source.name, url, failure=failure))
        else:
            used.append(feed)
            outcomes.append(SourceOutcome(source.name, url, items=feed.items, not_modified=True))
    as_of = min((feed.fetched_at for feed in used), default=None)
    return report_of(outcomes), as_of

"""Data the fetch layer hands to its callers: items, outlets, failures, reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Query:
    """What to search for: a display name, its aliases and the look-back window in days."""

    name: str
    aliases: tuple[str, ...] = ()
    days: int = 30

    @property
    def terms(self) -> tuple[str, ...]:
        """The name then each alias, once each, case-insensitively."""
        seen: set[str] = set()
        terms: list[str] = []
        for term in (self.name, *self.aliases):
            folded = term.casefold()
            if term and folded not in seen:
                seen.add(folded)
                terms.append(term)
        return tuple(terms)


@dataclass(frozen=True)
class Outlet:
    """One publisher that carried a story, and where."""

    name: str
    domain: str
    url: str | None
    source: str


@dataclass(frozen=True)
class Item:
    """One news item, cleaned: plain-text title and summary, real link, UTC date or None.

    ``published`` is None when the feed gave no usable date; it is never filled with the time of
    fetching. ``outlets`` lists every publisher that carried the story once duplicates merge.
    """

    key: str
    title: str
    url: str | None
    published: datetime | None
    summary: str
    publisher: str
    publisher_domain: str
    source: str
    outlets: tuple[Outlet, ...] = field(default=())
    # True for items read from the company's own newsroom pages.
    first_party: bool = False


@dataclass(frozen=True)
class SourceFailure:
    """A source that gave nothing usable, in words a user understands."""

    source: str
    url: str
    reason: str
    error: str


@dataclass(frozen=True)
class Hold:
    """A feed URL that is not asked again before ``until``, remembered across runs.

    ``rate_limited``: it asked for a longer wait (Retry-After) than a run waits out; ``since`` is
    when it asked. ``gone``: it answered 410; ``since`` is when it was first seen gone, and
    ``until`` when it is asked once more, so a feed that comes back is not lost for ever.
    """

    reason: str
    since: datetime
    until: datetime


@dataclass(frozen=True)
class SourceOutcome:
    """What one source gave in one run: items or a failure, and the caching validators.

    A failure can come with items: a rate-limited feed still offers its stored ones
    (``not_modified``, as they were not fetched in this run). ``hold`` is what the store should
    remember about the URL after this run; None forgets any earlier hold.
    """

    source: str
    url: str
    items: tuple[Item, ...] = ()
    failure: SourceFailure | None = None
    not_modified: bool = False
    etag: str | None = None
    last_modified: str | None = None
    warnings: tuple[str, ...] = ()
    # SHA-256 of the body the items came from: a later identical body is not parsed again.
    body_sha256: str | None = None
    hold: Hold | None = None

    @property
    def ok(self) -> bool:
        return self.failure is None


@dataclass(frozen=True)
class CachedFeed:
    """What the store kept from a source's last good response, for conditional GET, and the
    URL's hold, if any. A URL held before it ever answered has no items, and ``fetched_at`` is
    the hold's ``since``."""

    etag: str | None
    last_modified: str | None
    items: tuple[Item, ...]
    fetched_at: datetime
    body_sha256: str | None = None
    hold: Hold | None = None
    answered: bool = True  # False for a URL held before it ever gave a good answer


@dataclass(frozen=True)
class Filer:
    """A company in the SEC's list of filers: its Central Index Key, ticker and name."""

    cik: int
    ticker: str
    title: str


@dataclass(frozen=True)
class FetchReport:
    """Every source's outcome and the merged items of those that worked."""

    outcomes: tuple[SourceOutcome, ...]
    items: tuple[Item, ...]

    @property
    def failures(self) -> tuple[SourceFailure, ...]:
        return tuple(o.failure for o in self.outcomes if o.failure is not None)

    @property
    def all_failed(self) -> bool:
        return bool(self.outcomes) and all(not o.ok for o in self.outcomes)

    @property
    def warnings(self) -> tuple[str, ...]:
        """What the sources that answered noted along the way, each after its source's name."""
        return tuple(f"{o.source}: {w}" for o in self.outcomes for w in o.warnings)

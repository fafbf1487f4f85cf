"""The typed data the library returns: companies, events, results."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Literal

from sources import Outlet, SourceFailure

# A sentence's register: formal (the default everywhere) or warm (may address the reader).
Tone = Literal["formal", "warm"]


class EventKind(str, Enum):
    """Kinds of news worth congratulating a company on."""

    AWARD = "award"
    GROWTH = "growth"
    FUNDING = "funding"
    NEW_ACCOUNT = "new_account"
    PARTNERSHIP = "partnership"
    LAUNCH = "launch"
    ACQUISITION = "acquisition"
    EXPANSION = "expansion"
    MILESTONE = "milestone"


@dataclass(frozen=True)
class Company:
    """Who to research: a slug for files and commands, a display name, and other names to match.

    A saved profile also knows the company's web ``domain`` (its own site's items always count),
    its ``newsroom`` page, extra ``feeds``, ``exclude`` terms that mark namesakes, and what
    newsroom discovery found (``discovered_feeds``, ``discovered_pages``, ``discovered_at``).
    ``cik`` is its SEC filer number (else found by name), ``wires`` its organisation feeds on
    press-release wires, and ``sources`` / ``no_sources`` the built-in sources switched on or
    off for it.
    """

    slug: str
    name: str
    aliases: tuple[str, ...] = ()
    domain: str | None = None
    newsroom: str | None = None
    feeds: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    discovered_feeds: tuple[str, ...] = ()
    discovered_pages: tuple[str, ...] = ()
    discovered_at: datetime | None = None
    discovery_notes: tuple[str, ...] = ()
    # False when the name's capitals are our guess (made from a slug such as "ebay"): the name
    # then matches in any case, unless it is a common word.
    exact_case: bool = True
    cik: int | None = None
    wires: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    no_sources: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Snippet:
    """A congratulatory sentence to paste into a note, and the facts it rests on."""

    text: str
    clause: str  # completes "especially now that you've ..."
    tone: str  # "warm" or "formal"
    variant: int
    url: str | None = None
    published: datetime | None = None


@dataclass(frozen=True)
class Event:
    """A piece of news kept for the note, with why it was kept and a sentence to paste."""

    title: str
    url: str | None
    publisher: str
    publisher_domain: str
    published: datetime | None
    kind: EventKind
    score: float
    reasons: tuple[str, ...]
    sentence: str
    source: str
    summary: str = ""
    outlets: tuple[Outlet, ...] = ()
    first_party: bool = False
    topics: tuple[str, ...] = ()  # the user's topics this event touches
    snippets: tuple[Snippet, ...] = ()  # every tone and variant of the sentence


@dataclass(frozen=True)
class Skipped:
    """An item that was fetched but not kept, and why."""

    title: str
    url: str | None
    published: datetime | None
    reason: str


@dataclass(frozen=True)
class Result:
    """Everything one research run found, including what failed and what was skipped."""

    company: Company
    generated_at: datetime
    window_days: int
    events: tuple[Event, ...]
    failures: tuple[SourceFailure, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    warnings: tuple[str, ...] = ()
    sources_total: int = 0
    offline: bool = False
    data_as_of: datetime | None = None
    replayed: bool = False
    topics: tuple[str, ...] = ()
    # Sources whose news counts, including a rate-limited one whose stored items were used;
    # None when not known (a Result built by hand), and then every failure counts as silent.
    sources_answered: int | None = None
    # Events found before ``limit`` cut them to ``events``; None when not known (built by hand).
    events_found: int | None = None

    @property
    def all_failed(self) -> bool:
        """True when no source gave an answer: the result says nothing about the company."""
        if self.sources_answered is not None:
            return self.sources_total > 0 and self.sources_answered == 0
        return self.sources_total > 0 and len(self.failures) >= self.sources_total


@dataclass(frozen=True)
class WatchEntry:
    """A watched company: its saved profile (or the name as typed), and when it was last seen."""

    company: Company
    added_at: datetime
    last_researched: datetime | None
    has_profile: bool
    problem: str | None = None  # why the saved profile could not be read


@dataclass(frozen=True)
class Article:
    """A recent piece from a trade or industry publication about a topic the interview touched,
    worth offering in the note; ``reasons`` say why it ranks where it does."""

    title: str
    url: str
    published: datetime | None
    publisher: str  # the publication's name, as a reader knows it ("Supply Chain Dive")
    publisher_domain: str
    summary: str
    source: str  # the search that found it
    score: float
    reasons: tuple[str, ...]
    trade: bool  # a trade or industry publication, not general news


@dataclass(frozen=True)
class Articles:
    """What ``research.find_articles`` found for a topic: the articles best first, what was
    skipped and why, and the sources that failed (a failure is not "nothing found")."""

    topic: str
    generated_at: datetime
    window_days: int
    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...]
    failures: tuple[SourceFailure, ...]
    warnings: tuple[str, ...]
    sources_total: int
    company: Company | None = None
    offline: bool = False
    replayed: bool = False

    @property
    def all_failed(self) -> bool:
        """True when every source failed, so an empty list means "unknown", not "nothing"."""
        return self.sources_total > 0 and len(self.failures) >= self.sources_total

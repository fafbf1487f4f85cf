"""Pure: the weekly digest's data, ISO weeks, and which events belong to which week's digest.

An event belongs to the digest of the ISO week (in UTC) it was published in, and to no other:
an undated event cannot be placed, so it is left out, and a story already reported in one
week's digest (by any of its links or a near-identical headline) is never listed again. Regenerating a week keeps what that week's
digest already reported and adds events of that week that arrived late.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone

from sources.parse.merge import similar_titles
from sources.parse.urls import canonical_url

from ..errors import InvalidInput
from ..models import Company, Event
from .render import digest_html, digest_markdown

_WEEK = re.compile(r"(\d{4})-?W(\d{2})", re.IGNORECASE)


@dataclass(frozen=True, order=True)
class IsoWeek:
    """An ISO 8601 week such as 2026-W47: Monday 00:00 UTC to the next Monday."""

    year: int
    week: int

    @classmethod
    def parse(cls, text: str) -> IsoWeek:
        """A week from "2026-W47" (or "2026W47"); InvalidInput names the value otherwise."""
        found = _WEEK.fullmatch(str(text).strip())
        if found:
            year, week = int(found.group(1)), int(found.group(2))
            try:
                date.fromisocalendar(year, week, 1)
            except ValueError:
                pass
            else:
                return cls(year, week)
        raise InvalidInput(f"week must look like 2026-W47 (an ISO year and week); got {text!r:.40}")

    @classmethod
    def of(cls, moment: datetime) -> IsoWeek:
        """The week a moment falls in, counted in UTC."""
        calendar = moment.astimezone(timezone.utc).isocalendar()
        return cls(calendar[0], calendar[1])

    @property
    def start(self) -> datetime:
        monday = date.fromisocalendar(self.year, self.week, 1)
        return datetime(monday.year, monday.month, monday.day, tzinfo=timezone.utc)

    @property
    def end(self) -> datetime:
        """The first moment after the week (exclusive)."""
        return self.start + timedelta(days=7)

    def contains(self, moment: datetime | None) -> bool:
        return moment is not None and self.start <= moment.astimezone(timezone.utc) < self.end

    def __str__(self) -> str:
        return f"{self.year}-W{self.week:02d}"


@dataclass(frozen=True)
class CompanySection:
    """One watched company in a digest: its good news of the week, best first.

    ``problem`` says why the company could not be researched at all (an unusable profile,
    say); ``researched`` is False when every one of its sources failed.
    """

    company: Company
    events: tuple[Event, ...] = ()
    researched: bool = True
    problem: str | None = None


@dataclass(frozen=True)
class DigestFailure:
    """A source that failed while the digest was made, and for which company."""

    company: str
    source: str
    url: str
    error: str
    reason: str


@dataclass(frozen=True)
class Digest:
    """A week's good news across the watchlist, ready to render as Markdown, HTML or Atom."""

    week: IsoWeek
    sections: tuple[CompanySection, ...]
    failures: tuple[DigestFailure, ...] = ()
    generated_at: datetime | None = None
    warnings: tuple[str, ...] = ()  # for the person running it; not part of the saved files
    offline: bool = False  # made from the cache alone: not the week's digest, never saved
    replayed: bool = False  # made from a recording: a demonstration, never saved
    data_as_of: datetime | None = None  # offline: when the oldest stored answer was fetched

    @property
    def notice(self) -> str | None:
        """What the digest is when it is not the week's own (replayed or offline), or None."""
        if self.replayed:
            when = f" made {_moment(self.generated_at)}" if self.generated_at else ""
            return f"Replayed from a recording{when}: a demonstration, not a saved digest."
        if self.offline:
            when = f", fetched {_moment(self.data_as_of)} or later" if self.data_as_of else ""
            return f"Made offline from stored news{when}: not a saved digest."
        return None

    @property
    def with_news(self) -> tuple[CompanySection, ...]:
        return tuple(s for s in self.sections if s.events)

    @property
    def without_news(self) -> tuple[CompanySection, ...]:
        return tuple(s for s in self.sections if not s.events)

    @property
    def nothing_answered(self) -> bool:
        """True when no watched company could be researched at all (no network, say): such a
        digest says nothing about the week and should not stand for it."""
        return bool(self.sections) and not any(s.researched for s in self.sections)

    @property
    def event_count(self) -> int:
        return sum(len(s.events) for s in self.sections)

    def to_markdown(self) -> str:
        return digest_markdown(self)

    def to_html(self) -> str:
        return digest_html(self)


@dataclass(frozen=True)
class SavedDigest:
    """A digest as the store keeps it, for the Atom feed of saved digests."""

    week: IsoWeek
    updated: datetime  # when its content last changed
    summary: str  # one line of plain text
    body_html: str  # the digest's HTML fragment, already escaped
    link: str | None = None  # the HTML digest's file name, relative to the feed


@dataclass(frozen=True)
class ReportedWeek:
    """A saved digest read back from the store: its row, and by company the news it reported.

    The store keeps the news a digest reported, not the companies that had none that week nor
    the sources that failed, so those are not here: this is what the week's files listed.
    """

    saved: SavedDigest
    sections: tuple[CompanySection, ...]


def _moment(moment: datetime) -> str:
    return f"{moment.astimezone(timezone.utc):%Y-%m-%d %H:%M} UTC"


def event_key(slug: str, event: Event) -> str:
    """A stable identity for "this company's event": its link, else its title.

    The company is part of the key, so news about two watched companies (a partnership
    between them) is listed under both.
    """
    what = event.url or " ".join(event.title.casefold().split())
    return f"{slug}\n{what}"


def same_event(a: Event, b: Event) -> bool:
    """One story, however it was reached: a link in common (its own or any outlet's) or
    near-identical headlines. Which link a merged story shows depends on which sources
    answered, so the link alone would let one story into a digest twice."""
    return bool(_links(a) & _links(b)) or similar_titles(a.title, b.title)


def _links(event: Event) -> set[str]:
    return {canonical_url(u) for u in (event.url, *(o.url for o in event.outlets)) if u}


def events_for_week(
    week: IsoWeek,
    found: Iterable[Event],
    already_in_week: Iterable[Event],
    reported_elsewhere: Iterable[Event],
) -> tuple[Event, ...]:
    """One company's events for the week, best first.

    ``already_in_week`` are the events this week's digest already reported: they are kept as
    they were, so regenerating is idempotent. ``reported_elsewhere`` are the company's events
    other weeks reported. A found event joins when it was published this week and is not the
    same story as any of those (it arrived late, or this is the week's first digest).
    """
    kept = list(already_in_week)
    elsewhere = list(reported_elsewhere)
    for event in found:
        if not week.contains(event.published):
            continue
        if any(same_event(event, other) for other in (*kept, *elsewhere)):
            continue
        kept.append(event)
    return tuple(sorted(kept, key=lambda e: (-e.score, e.title, e.url or "")))


def with_reported(
    digest: Digest,
    reported: Mapping[str, Sequence[Event]],
    reported_elsewhere: Mapping[str, Sequence[Event]],
) -> Digest:
    """``digest`` with every event its week already reported, by company slug.

    The store passes what it holds as it is written (under its write lock), so a digest made
    from an older reading (another process recorded the week meanwhile, with news this one did
    not see) adds its news to the week's and never replaces it; a story another week reported
    meanwhile is dropped. Failures and quiet companies stay this digest's own.
    """
    return replace(
        digest,
        sections=tuple(
            replace(
                section,
                events=events_for_week(
                    digest.week,
                    section.events,
                    reported.get(section.company.slug, ()),
                    reported_elsewhere.get(section.company.slug, ()),
                ),
            )
            for section in digest.sections
        ),
    )

"""The store (``research.db``): company profiles, the watchlist, and saved weekly digests.

One file under RESEARCH_HOME, created on the first write; profiles and reported events are kept
as JSON (research/store/encoding.py). The HTTP cache lived here up to
schema 4; it has its own file now (research/store/cache.py), so migration 5 drops its tables.
Migration 6 marks a digest whose files are still to be written (see :meth:`Store.record_week`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from ..digest.data import IsoWeek, SavedDigest, event_key
from ..errors import StoreError
from ..models import Company, Event
from .database import Database, writing
from .encoding import company_from_json, company_to_json, event_from_json, event_to_json

MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE http_cache (
        url TEXT PRIMARY KEY,
        etag TEXT,
        last_modified TEXT,
        fetched_at TEXT NOT NULL
    );
    CREATE TABLE feed_items (
        feed_url TEXT NOT NULL REFERENCES http_cache(url) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        item_key TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (feed_url, position)
    );
    CREATE TABLE items_seen (
        item_key TEXT PRIMARY KEY,
        first_seen TEXT NOT NULL,
        last_seen TEXT NOT NULL
    );
    """,
    """
    ALTER TABLE http_cache ADD COLUMN source TEXT;
    ALTER TABLE http_cache ADD COLUMN subject TEXT;
    CREATE INDEX http_cache_by_subject ON http_cache (source, subject, fetched_at);
    """,
    """
    CREATE TABLE companies (
        slug TEXT PRIMARY KEY,
        data TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    """,
    """
    CREATE TABLE watchlist (
        slug TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        added_at TEXT NOT NULL
    );
    CREATE TABLE digests (
        week TEXT PRIMARY KEY,
        written_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        summary TEXT NOT NULL,
        body_html TEXT NOT NULL,
        link TEXT
    );
    CREATE TABLE reported_events (
        event_key TEXT PRIMARY KEY,
        week TEXT NOT NULL REFERENCES digests(week) ON DELETE CASCADE,
        slug TEXT NOT NULL,
        data TEXT NOT NULL
    );
    CREATE INDEX reported_events_by_week ON reported_events (week, slug);
    """,
    """
    DROP TABLE feed_items;
    DROP TABLE items_seen;
    DROP TABLE http_cache;
    """,
    """
    ALTER TABLE digests ADD COLUMN files_pending INTEGER NOT NULL DEFAULT 0;
    """,
)


@dataclass(frozen=True)
class WeekRecord:
    """What the store knows of one week's digest: the digest row and the events it reported,
    and per company the events other weeks reported."""

    saved: SavedDigest | None
    events: dict[str, tuple[Event, ...]]  # by company slug, as first reported
    elsewhere: dict[str, tuple[Event, ...]]  # by company slug, reported in other weeks


# From what the store holds of a week: the digest to record and its events, by company slug.
BuildDigest = Callable[[WeekRecord], tuple[SavedDigest, Sequence[tuple[str, Event]]]]
# Writes the files of the digest just built, given every saved digest (for the feed).
PublishDigest = Callable[[list[SavedDigest]], None]


class Store(Database):
    """Profiles, the watchlist and saved digests: what the user made, kept apart from the cache."""

    migrations = MIGRATIONS

    def save_company(self, company: Company, now: datetime) -> None:
        """Create or replace the profile of ``company.slug``."""
        with self._transaction() as connection:
            connection.execute(
                "INSERT INTO companies (slug, data, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT(slug) DO UPDATE SET data = excluded.data, "
                "updated_at = excluded.updated_at",
                (company.slug, company_to_json(company), now.isoformat()),
            )

    def company(self, slug: str) -> Company | None:
        """The saved profile for ``slug``, or None."""
        with self._connection(create=False) as connection:
            if connection is None:
                return None
            row = connection.execute(
                "SELECT data FROM companies WHERE slug = ?", (slug,)
            ).fetchone()
            return self._company_from_row(slug, row[0]) if row else None

    def companies(self) -> tuple[list[Company], list[str]]:
        """Every readable saved profile, by slug, and the slugs of damaged ones."""
        with self._connection(create=False) as connection:
            if connection is None:
                return [], []
            rows = connection.execute("SELECT slug, data FROM companies ORDER BY slug").fetchall()
        good: list[Company] = []
        damaged: list[str] = []
        for slug, data in rows:
            try:
                good.append(self._company_from_row(slug, data))
            except StoreError:
                damaged.append(slug)
        return good, damaged

    def remove_company(self, slug: str) -> bool:
        """Delete the profile; True when there was one."""
        with self._connection(create=False) as connection:
            if connection is None:
                return False
            with writing(connection):
                deleted = connection.execute(
                    "DELETE FROM companies WHERE slug = ?", (slug,)
                ).rowcount
            return bool(deleted)

    def _company_from_row(self, slug: str, data: str) -> Company:
        try:
            return company_from_json(data)
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise StoreError(
                f"the saved profile {slug!r} in {self.path} is damaged ({exc}); remove it with "
                f"'research company remove {slug}' and add it again"
            ) from exc

    def watch(self, companies: Sequence[tuple[str, str]], now: datetime) -> list[str]:
        """Add (slug, name) pairs to the watchlist; the slugs that were not on it yet."""
        with self._transaction() as connection:
            first: dict[str, str] = {}
            for slug, name in companies:
                first.setdefault(slug, name)  # a later spelling never renames an entry
            return [
                slug
                for slug, name in first.items()
                if connection.execute(
                    "INSERT INTO watchlist (slug, name, added_at) VALUES (?, ?, ?) "
                    "ON CONFLICT(slug) DO NOTHING",
                    (slug, name, now.isoformat()),
                ).rowcount
            ]

    def unwatch(self, slugs: Sequence[str]) -> list[str]:
        """Take companies off the watchlist; the slugs that were on it."""
        with self._connection(create=False) as connection:
            if connection is None:
                return []
            with writing(connection):
                return [
                    slug
                    for slug in dict.fromkeys(slugs)
                    if connection.execute("DELETE FROM watchlist WHERE slug = ?", (slug,)).rowcount
                ]

    def watchlist(self) -> list[tuple[str, str, datetime]]:
        """The watched companies as (slug, name as typed, when added), oldest first."""
        with self._connection(create=False) as connection:
            if connection is None:
                return []
            rows = connection.execute(
                "SELECT slug, name, added_at FROM watchlist ORDER BY added_at, slug"
            ).fetchall()
        return [(slug, name, datetime.fromisoformat(added)) for slug, name, added in rows]

    def week_record(self, week: IsoWeek, slugs: Sequence[str]) -> WeekRecord:
        """The week's saved digest and reported events, and what other weeks reported."""
        with self._connection(create=False) as connection:
            if connection is None:
                return WeekRecord(None, {}, {})
            return self._week_record(connection, week, slugs)

    def _week_record(
        self, connection: sqlite3.Connection, week: IsoWeek, slugs: Sequence[str]
    ) -> WeekRecord:
        row = connection.execute(
            "SELECT updated_at, summary, body_html, link FROM digests WHERE week = ?",
            (str(week),),
        ).fetchone()
        events: dict[str, list[Event]] = {}
        elsewhere: dict[str, list[Event]] = {}
        for slug in dict.fromkeys(slugs):
            for reported_week, data in connection.execute(
                "SELECT week, data FROM reported_events WHERE slug = ? ORDER BY rowid",
                (slug,),
            ):
                into = events if reported_week == str(week) else elsewhere
                try:
                    into.setdefault(slug, []).append(event_from_json(data))
                except (ValueError, KeyError, TypeError, AttributeError) as exc:
                    raise StoreError(
                        f"the store {self.path} has a damaged digest entry for {slug!r} in "
                        f"{reported_week} ({exc!r}); move the file aside to start a fresh one"
                    ) from exc
        saved = (
            SavedDigest(week, datetime.fromisoformat(row[0]), row[1], row[2], row[3])
            if row
            else None
        )
        return WeekRecord(
            saved,
            {k: tuple(v) for k, v in events.items()},
            {k: tuple(v) for k, v in elsewhere.items()},
        )

    def record_week(
        self,
        week: IsoWeek,
        slugs: Sequence[str],
        written_at: datetime,
        build: BuildDigest,
        publish: PublishDigest | None = None,
    ) -> None:
        """Record a week's digest, built from what the store holds, in one write transaction.

        ``build`` gets the week's record (for ``slugs``) as read under the write lock, so what
        another process recorded since this one read the week is merged, never overwritten; the
        events it returns are marked reported (those the week had stay as first recorded).

        Without ``publish`` the digest is marked as having files still to write, so the week
        stays due (:meth:`digest_written` is None, :meth:`digest_files_pending` True) until a
        later call with ``publish`` commits. ``publish`` writes the files of what ``build``
        returned, given every saved digest (this one included), still under the write lock:
        writers of the files take turns, each writing what the store holds, and the mark is
        cleared only when it returns. If it raises, this transaction is rolled back and the
        mark stays.
        """
        with self._transaction() as connection:
            saved, events = build(self._week_record(connection, week, slugs))
            connection.execute(
                "INSERT INTO digests "
                "(week, written_at, updated_at, summary, body_html, link, files_pending) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(week) DO UPDATE SET "
                "written_at = excluded.written_at, updated_at = excluded.updated_at, "
                "summary = excluded.summary, body_html = excluded.body_html, "
                "link = excluded.link, files_pending = excluded.files_pending",
                (
                    str(saved.week),
                    written_at.isoformat(),
                    saved.updated.isoformat(),
                    saved.summary,
                    saved.body_html,
                    saved.link,
                    int(publish is None),
                ),
            )
            connection.executemany(
                "INSERT INTO reported_events (event_key, week, slug, data) "
                "VALUES (?, ?, ?, ?) ON CONFLICT(event_key) DO NOTHING",
                [
                    (event_key(slug, event), str(saved.week), slug, event_to_json(event))
                    for slug, event in events
                ],
            )
            if publish is not None:
                publish(self._saved_digests(connection))

    def reported_slugs(self, week: IsoWeek) -> list[str]:
        """The companies whose news the week's saved digest reported, in the order first
        reported (for :meth:`week_record`)."""
        with self._connection(create=False) as connection:
            if connection is None:
                return []
            rows = connection.execute(
                "SELECT slug FROM reported_events WHERE week = ? GROUP BY slug ORDER BY MIN(rowid)",
                (str(week),),
            ).fetchall()
        return [slug for (slug,) in rows]

    def digest_written(self, week: IsoWeek) -> datetime | None:
        """When the week's digest was last written with its files, or None if never, or if the
        files of its last recording are still to be written."""
        with self._connection(create=False) as connection:
            if connection is None:
                return None
            row = connection.execute(
                "SELECT written_at FROM digests WHERE week = ? AND NOT files_pending",
                (str(week),),
            ).fetchone()
        return datetime.fromisoformat(row[0]) if row else None

    def digest_files_pending(self, week: IsoWeek) -> bool:
        """True when the week's digest was recorded but its files could not all be written."""
        with self._connection(create=False) as connection:
            if connection is None:
                return False
            row = connection.execute(
                "SELECT files_pending FROM digests WHERE week = ?", (str(week),)
            ).fetchone()
        return bool(row and row[0])

    def saved_digests(self) -> list[SavedDigest]:
        """Every saved digest, newest week first."""
        with self._connection(create=False) as connection:
            if connection is None:
                return []
            return self._saved_digests(connection)

    @staticmethod
    def _saved_digests(connection: sqlite3.Connection) -> list[SavedDigest]:
        rows = connection.execute(
            "SELECT week, updated_at, summary, body_html, link FROM digests ORDER BY week DESC"
        ).fetchall()
        return [
            SavedDigest(IsoWeek.parse(week), datetime.fromisoformat(updated), summary, body, link)
            for week, updated, summary, body, link in rows
        ]

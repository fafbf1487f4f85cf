"""The only SQLite code: the HTTP cache (validators and items per feed URL) and items seen.

One file under RESEARCH_HOME, created on the first write. WAL mode; every writing transaction
begins IMMEDIATE (a deferred one that reads then writes fails at once in WAL mode when another
connection committed in between); no transaction ever spans a network wait. Schema changes are
numbered migrations applied on open, tracked in ``PRAGMA user_version``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sources import CachedFeed, Item, Outlet, SourceOutcome
from sources.text import parse_date

from .digest import IsoWeek, SavedDigest, event_key
from .errors import StoreBusy, StoreError
from .models import Company, Event, EventKind, Snippet
from .render import company_to_dict, event_to_dict

BUSY_TIMEOUT_SECONDS = 5.0

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
)


def company_to_json(company: Company) -> str:
    """The profile as stored: the documented JSON company object, plus how its name matches."""
    return json.dumps(
        {**company_to_dict(company), "exact_case": company.exact_case}, ensure_ascii=False
    )


def company_from_json(text: str) -> Company:
    """A profile from its JSON; ValueError when any field has the wrong type."""
    data = json.loads(text)
    if not isinstance(data, dict):
        raise ValueError("a profile must be a JSON object")
    discovered_at = data.get("discovered_at")
    return Company(
        slug=_text(data.get("slug")),
        name=_text(data.get("name")),
        aliases=_texts(data.get("aliases", [])),
        domain=_optional_text(data.get("domain")),
        newsroom=_optional_text(data.get("newsroom")),
        feeds=_texts(data.get("feeds", [])),
        exclude=_texts(data.get("exclude", [])),
        discovered_feeds=_texts(data.get("discovered_feeds", [])),
        discovered_pages=_texts(data.get("discovered_pages", [])),
        discovered_at=_moment(discovered_at),
        discovery_notes=_texts(data.get("discovery_notes", [])),
        exact_case=data.get("exact_case", True) is not False,
    )


def _moment(value: object) -> datetime | None:
    if value is None:
        return None
    moment = parse_date(_text(value))
    if moment is None:
        raise ValueError(f"expected a date and time, found {value!r:.60}")
    return moment


def _text(value: object) -> str:
    if not isinstance(value, str) or not value:
        raise ValueError(f"expected a non-empty string, found {value!r:.60}")
    return value


def _optional_text(value: object) -> str | None:
    return None if value is None else _text(value)


def _texts(value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise ValueError(f"expected a list of strings, found {value!r:.60}")
    return tuple(_text(v) for v in value)


def item_to_json(item: Item) -> str:
    data = {
        "key": item.key,
        "title": item.title,
        "url": item.url,
        "published": item.published.isoformat() if item.published else None,
        "summary": item.summary,
        "publisher": item.publisher,
        "publisher_domain": item.publisher_domain,
        "source": item.source,
        "outlets": [[o.name, o.domain, o.url, o.source] for o in item.outlets],
        "first_party": item.first_party,
    }
    return json.dumps(data, ensure_ascii=False)


def item_from_json(text: str) -> Item:
    data: dict[str, Any] = json.loads(text)
    published = data.get("published")
    return Item(
        key=data["key"],
        title=data["title"],
        url=data.get("url"),
        published=datetime.fromisoformat(published) if published else None,
        summary=data.get("summary", ""),
        publisher=data.get("publisher", ""),
        publisher_domain=data.get("publisher_domain", ""),
        source=data.get("source", ""),
        outlets=tuple(Outlet(*o) for o in data.get("outlets", [])),
        first_party=bool(data.get("first_party", False)),
    )


def event_to_json(event: Event) -> str:
    return json.dumps(event_to_dict(event), ensure_ascii=False)


def event_from_json(text: str) -> Event:
    """An event as the JSON output documents it; ValueError/KeyError/TypeError when damaged."""
    data: dict[str, Any] = json.loads(text)
    url = _optional_text(data.get("url"))
    published = _moment(data.get("published"))
    return Event(
        title=_text(data["title"]),
        url=url,
        publisher=str(data.get("publisher") or ""),
        publisher_domain=str(data.get("publisher_domain") or ""),
        published=published,
        kind=EventKind(data["kind"]),
        score=float(data["score"]),
        reasons=tuple(str(r) for r in data.get("reasons", [])),
        sentence=_text(data["sentence"]),
        source=str(data.get("source") or ""),
        summary=str(data.get("summary") or ""),
        outlets=tuple(
            Outlet(str(o["name"]), str(o["domain"]), o.get("url"), str(data.get("source") or ""))
            for o in data.get("outlets", [])
        ),
        first_party=bool(data.get("first_party", False)),
        topics=_texts(data.get("topics", [])),
        snippets=tuple(
            Snippet(
                text=_text(x["text"]),
                clause=str(x["clause"]),
                tone=_text(x["tone"]),
                variant=int(x["variant"]),
                url=url,
                published=published,
            )
            for x in data.get("snippets", [])
        ),
    )


@dataclass(frozen=True)
class WeekRecord:
    """What the store knows of one week's digest: the digest row and the events it reported."""

    saved: SavedDigest | None
    events: dict[str, tuple[Event, ...]]  # by company slug, as first reported
    reported_elsewhere: dict[str, str]  # event key -> the other week that reported it


class Store:
    """The research store at ``path``; each method opens, works in one short transaction, closes."""

    def __init__(self, path: Path, *, busy_timeout: float = BUSY_TIMEOUT_SECONDS) -> None:
        self.path = path
        self.busy_timeout = busy_timeout

    @contextmanager
    def _connection(self, *, create: bool) -> Iterator[sqlite3.Connection | None]:
        if not create and not self.path.exists():
            yield None
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.path, timeout=self.busy_timeout, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise self._error(exc) from exc
        try:
            connection.execute("PRAGMA foreign_keys = ON")
            connection.execute("PRAGMA journal_mode = WAL")
            # In WAL mode NORMAL is safe against corruption; it skips an fsync per commit.
            connection.execute("PRAGMA synchronous = NORMAL")
            self._migrate(connection)
            yield connection
        except sqlite3.Error as exc:
            raise self._error(exc) from exc
        finally:
            connection.close()

    def _error(self, exc: BaseException) -> StoreError:
        text = str(exc)
        if "locked" in text or "busy" in text:
            return StoreBusy(
                f"the store {self.path} is busy: another research process kept it locked for more "
                f"than {self.busy_timeout:g} s; try again when it has finished"
            )
        if "not a database" in text or "malformed" in text or "corrupt" in text:
            return StoreError(
                f"the store {self.path} is damaged or not a research store ({text}); move it "
                "aside and run again to start a fresh one"
            )
        if "readonly" in text or "read-only" in text or isinstance(exc, PermissionError):
            return StoreError(
                f"the store {self.path} cannot be written ({text}); check permissions"
            )
        if "disk" in text or "full" in text:
            return StoreError(f"the store {self.path} cannot be written: {text}; free some space")
        return StoreError(f"the store {self.path} cannot be used: {text}")

    def _migrate(self, connection: sqlite3.Connection) -> None:
        version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        if version > len(MIGRATIONS):
            raise StoreError(
                f"the store {self.path} was written by a newer version of research "
                f"(schema {version}); upgrade research to use it"
            )
        for number in range(version + 1, len(MIGRATIONS) + 1):
            with _writing(connection):
                # Another process may have migrated while this one waited for the lock.
                if int(connection.execute("PRAGMA user_version").fetchone()[0]) >= number:
                    continue
                for statement in MIGRATIONS[number - 1].split(";"):
                    if statement.strip():
                        connection.execute(statement)
                connection.execute(f"PRAGMA user_version = {number}")

    def cached_feeds(self, urls: Iterable[str]) -> dict[str, CachedFeed]:
        """What the store kept for each of these feed URLs (validators, items, when)."""
        wanted = list(dict.fromkeys(urls))
        with self._connection(create=False) as connection:
            if connection is None or not wanted:
                return {}
            result: dict[str, CachedFeed] = {}
            for url in wanted:
                feed = self._load_feed(connection, url)
                if feed is not None:
                    result[url] = feed
            return result

    def latest_feed(self, source: str, subject: str) -> CachedFeed | None:
        """The newest stored answer of ``source`` for the company ``subject``, whatever its URL."""
        with self._connection(create=False) as connection:
            if connection is None:
                return None
            row = connection.execute(
                "SELECT url FROM http_cache WHERE source = ? AND subject = ? "
                "ORDER BY fetched_at DESC LIMIT 1",
                (source, subject),
            ).fetchone()
            return self._load_feed(connection, row[0]) if row else None

    def _load_feed(self, connection: sqlite3.Connection, url: str) -> CachedFeed | None:
        row = connection.execute(
            "SELECT etag, last_modified, fetched_at FROM http_cache WHERE url = ?", (url,)
        ).fetchone()
        if row is None:
            return None
        rows = connection.execute(
            "SELECT data FROM feed_items WHERE feed_url = ? ORDER BY position", (url,)
        )
        try:
            items = tuple(item_from_json(data) for (data,) in rows)
            return CachedFeed(row[0], row[1], items, datetime.fromisoformat(row[2]))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise StoreError(
                f"the store {self.path} has a damaged entry for {url} ({exc!r}); move the file "
                "aside and run again to start a fresh one"
            ) from exc

    def save_outcomes(
        self, outcomes: Sequence[SourceOutcome], now: datetime, *, subject: str | None = None
    ) -> None:
        """Record every source that answered: validators, items, and which items were seen."""
        answered = [o for o in outcomes if o.ok]
        if not answered:
            return
        stamp = now.isoformat()
        with self._connection(create=True) as connection:
            assert connection is not None
            with _writing(connection):
                for outcome in answered:
                    self._save_outcome(connection, outcome, stamp, subject)

    @staticmethod
    def _save_outcome(
        connection: sqlite3.Connection, outcome: SourceOutcome, stamp: str, subject: str | None
    ) -> None:
        connection.execute(
            "INSERT INTO http_cache (url, etag, last_modified, fetched_at, source, subject) "
            "VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, "
            "last_modified = excluded.last_modified, fetched_at = excluded.fetched_at, "
            "source = excluded.source, subject = coalesce(excluded.subject, subject)",
            (outcome.url, outcome.etag, outcome.last_modified, stamp, outcome.source, subject),
        )
        if not outcome.not_modified:
            connection.execute("DELETE FROM feed_items WHERE feed_url = ?", (outcome.url,))
            connection.executemany(
                "INSERT INTO feed_items (feed_url, position, item_key, data) VALUES (?, ?, ?, ?)",
                [
                    (outcome.url, position, item.key, item_to_json(item))
                    for position, item in enumerate(outcome.items)
                ],
            )
        connection.executemany(
            "INSERT INTO items_seen (item_key, first_seen, last_seen) VALUES (?, ?, ?) "
            "ON CONFLICT(item_key) DO UPDATE SET last_seen = excluded.last_seen",
            [(item.key, stamp, stamp) for item in outcome.items],
        )

    def save_company(self, company: Company, now: datetime) -> None:
        """Create or replace the profile of ``company.slug``."""
        with self._connection(create=True) as connection:
            assert connection is not None
            with _writing(connection):
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
            with _writing(connection):
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
        with self._connection(create=True) as connection:
            assert connection is not None
            with _writing(connection):
                return [
                    slug
                    for slug, name in dict(companies).items()
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
            with _writing(connection):
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

    def last_researched(self, slugs: Sequence[str]) -> dict[str, datetime]:
        """When a source last answered for each company (live runs only; replays are not kept)."""
        with self._connection(create=False) as connection:
            if connection is None or not slugs:
                return {}
            found: dict[str, datetime] = {}
            for slug in slugs:
                row = connection.execute(
                    "SELECT max(fetched_at) FROM http_cache WHERE subject = ?", (slug,)
                ).fetchone()
                if row and row[0]:
                    found[slug] = datetime.fromisoformat(row[0])
            return found

    def week_record(self, week: IsoWeek, slugs: Sequence[str]) -> WeekRecord:
        """The week's saved digest and reported events, and events other weeks reported."""
        with self._connection(create=False) as connection:
            if connection is None:
                return WeekRecord(None, {}, {})
            row = connection.execute(
                "SELECT updated_at, summary, body_html, link FROM digests WHERE week = ?",
                (str(week),),
            ).fetchone()
            events: dict[str, list[Event]] = {}
            elsewhere: dict[str, str] = {}
            for slug in dict.fromkeys(slugs):
                for key, reported_week, data in connection.execute(
                    "SELECT event_key, week, data FROM reported_events WHERE slug = ? "
                    "ORDER BY rowid",
                    (slug,),
                ):
                    if reported_week != str(week):
                        elsewhere[key] = reported_week
                        continue
                    try:
                        events.setdefault(slug, []).append(event_from_json(data))
                    except (ValueError, KeyError, TypeError, AttributeError) as exc:
                        raise StoreError(
                            f"the store {self.path} has a damaged digest entry for {slug!r} in "
                            f"{week} ({exc!r}); move the file aside to start a fresh one"
                        ) from exc
        saved = (
            SavedDigest(week, datetime.fromisoformat(row[0]), row[1], row[2], row[3])
            if row
            else None
        )
        return WeekRecord(saved, {k: tuple(v) for k, v in events.items()}, elsewhere)

    def record_digest(
        self, saved: SavedDigest, written_at: datetime, events: Sequence[tuple[str, Event]]
    ) -> None:
        """Save a week's digest and mark its events (by company slug) as reported, at once.

        Events the week already reported stay as first recorded, so a rerun changes nothing.
        """
        with self._connection(create=True) as connection:
            assert connection is not None
            with _writing(connection):
                connection.execute(
                    "INSERT INTO digests (week, written_at, updated_at, summary, body_html, link) "
                    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(week) DO UPDATE SET "
                    "written_at = excluded.written_at, updated_at = excluded.updated_at, "
                    "summary = excluded.summary, body_html = excluded.body_html, "
                    "link = excluded.link",
                    (
                        str(saved.week),
                        written_at.isoformat(),
                        saved.updated.isoformat(),
                        saved.summary,
                        saved.body_html,
                        saved.link,
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

    def digest_written(self, week: IsoWeek) -> datetime | None:
        """When the week's digest was last written, or None if never."""
        with self._connection(create=False) as connection:
            if connection is None:
                return None
            row = connection.execute(
                "SELECT written_at FROM digests WHERE week = ?", (str(week),)
            ).fetchone()
        return datetime.fromisoformat(row[0]) if row else None

    def saved_digests(self) -> list[SavedDigest]:
        """Every saved digest, newest week first."""
        with self._connection(create=False) as connection:
            if connection is None:
                return []
            rows = connection.execute(
                "SELECT week, updated_at, summary, body_html, link FROM digests ORDER BY week DESC"
            ).fetchall()
        return [
            SavedDigest(IsoWeek.parse(week), datetime.fromisoformat(updated), summary, body, link)
            for week, updated, summary, body, link in rows
        ]


@contextmanager
def _writing(connection: sqlite3.Connection) -> Iterator[None]:
    """One writing transaction, begun IMMEDIATE so it never fails half way on a lock upgrade."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise

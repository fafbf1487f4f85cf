"""The HTTP cache: validators and items of each feed URL, and which items were seen.

A file of its own (``cache.db``), apart from profiles, the watchlist and digests: everything in
it can be fetched again, so a damaged cache is moved aside and rebuilt on the spot instead of
stopping a run or costing the user their watchlist.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from sources import CachedFeed, Item, Outlet, SourceOutcome
from sources.models import Hold

from ..errors import StoreError
from .database import BUSY_TIMEOUT_SECONDS, Database, is_damage, writing

P = ParamSpec("P")
T = TypeVar("T")

CACHE_MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE http_cache (
        url TEXT PRIMARY KEY,
        etag TEXT,
        last_modified TEXT,
        fetched_at TEXT NOT NULL,
        source TEXT,
        subject TEXT
    );
    CREATE INDEX http_cache_by_subject ON http_cache (source, subject, fetched_at);
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
    # A hash of each good body, so an identical one is not parsed again; and the URLs not to
    # ask for a while (rate-limited or gone). A table apart: a URL can be held before it ever
    # answered, and http_cache rows stand for answers (fetched_at, items, last_researched).
    """
    ALTER TABLE http_cache ADD COLUMN body_sha256 TEXT;
    CREATE TABLE url_holds (
        url TEXT PRIMARY KEY,
        reason TEXT NOT NULL,
        since TEXT NOT NULL,
        until TEXT NOT NULL
    );
    """,
    # Reference lists a source needs before it can build its URL (the SEC's list of filers,
    # to find a company's CIK), kept whole and asked for again when they are old.
    """
    CREATE TABLE reference_lists (
        name TEXT PRIMARY KEY,
        fetched_at TEXT NOT NULL,
        data TEXT NOT NULL
    );
    """,
)


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


class DamagedEntry(StoreError):
    """A cache row that no longer reads (a value of the wrong type): the whole cache is rebuilt,
    as for damage SQLite itself reports; everything in it can be fetched again."""


def _rebuilt_when_damaged(method: Callable[P, T]) -> Callable[P, T]:
    """Run a cache method; if the file or one of its rows is damaged, move the file aside and
    run the method again on a fresh cache."""

    @functools.wraps(method)
    def run(*args: P.args, **kwargs: P.kwargs) -> T:
        try:
            return method(*args, **kwargs)
        except StoreError as exc:
            cache = args[0]
            cause = exc if isinstance(exc, DamagedEntry) else exc.__cause__
            if not isinstance(cache, Cache) or cause is None or not (
                cause is exc or is_damage(cause)
            ):
                raise
            cache.move_aside(cause)
            return method(*args, **kwargs)

    return run


class Cache(Database):
    """The HTTP cache file; ``notes`` says what happened when a damaged one was replaced."""

    migrations = CACHE_MIGRATIONS
    what = "the cache"
    remedy_when_damaged = "delete it: it is rebuilt on the next run"

    def __init__(self, path: Path, *, busy_timeout: float = BUSY_TIMEOUT_SECONDS) -> None:
        super().__init__(path, busy_timeout=busy_timeout)
        self.notes: list[str] = []

    def move_aside(self, cause: BaseException) -> None:
        """Rename the damaged file (kept for a bug report) so the next open starts afresh."""
        stamp = datetime.now(timezone.utc).strftime("%Y%m%d%H%M%S")
        target = self.path.with_name(f"{self.path.name}.damaged-{stamp}")
        self.release()
        try:
            self.path.replace(target)
            for suffix in ("-wal", "-shm"):
                self.path.with_name(self.path.name + suffix).unlink(missing_ok=True)
        except OSError as exc:
            raise StoreError(
                f"the cache {self.path} is damaged ({cause}) and cannot be moved aside ({exc}); "
                "delete it: it is rebuilt on the next run"
            ) from exc
        self.notes.append(
            f"the cache {self.path} was damaged ({cause}); moved it to {target.name} and started "
            "a fresh one (profiles, the watchlist and digests are kept apart and were not touched)"
        )

    @_rebuilt_when_damaged
    def cached_feeds(self, urls: Iterable[str]) -> dict[str, CachedFeed]:
        """What the store kept for each of these feed URLs (validators, items, when, hold).
        A URL held before it ever answered comes back with no items, as of the hold."""
        wanted = list(dict.fromkeys(urls))
        with self._connection(create=False) as connection:
            if connection is None or not wanted:
                return {}
            result: dict[str, CachedFeed] = {}
            for url in wanted:
                feed = self._load_feed(connection, url)
                hold = self._load_hold(connection, url)
                if feed is not None:
                    result[url] = replace(feed, hold=hold)
                elif hold is not None:
                    result[url] = CachedFeed(
                        None, None, (), hold.since, hold=hold, answered=False
                    )
            return result

    @_rebuilt_when_damaged
    def latest_feed(self, source: str, subject: str) -> CachedFeed | None:
        """The newest cached answer of ``source`` for the company ``subject``, whatever its URL."""
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
            "SELECT etag, last_modified, fetched_at, body_sha256 FROM http_cache WHERE url = ?",
            (url,),
        ).fetchone()
        if row is None:
            return None
        rows = connection.execute(
            "SELECT data FROM feed_items WHERE feed_url = ? ORDER BY position", (url,)
        )
        try:
            items = tuple(item_from_json(data) for (data,) in rows)
            return CachedFeed(row[0], row[1], items, datetime.fromisoformat(row[2]), row[3])
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise self._damaged(url, exc) from exc

    def _load_hold(self, connection: sqlite3.Connection, url: str) -> Hold | None:
        row = connection.execute(
            "SELECT reason, since, until FROM url_holds WHERE url = ?", (url,)
        ).fetchone()
        if row is None:
            return None
        try:
            return Hold(row[0], datetime.fromisoformat(row[1]), datetime.fromisoformat(row[2]))
        except (ValueError, TypeError) as exc:
            raise self._damaged(url, exc) from exc

    def _damaged(self, url: str, exc: Exception) -> StoreError:
        return DamagedEntry(f"a damaged entry for {url}: {exc!r}")

    @_rebuilt_when_damaged
    def save_outcomes(
        self, outcomes: Sequence[SourceOutcome], now: datetime, *, subject: str | None = None
    ) -> None:
        """Record every source that answered (validators, items, which items were seen) and
        every URL's hold. A failure never touches the stored items of its URL."""
        worth_a_file = any(o.ok or o.hold is not None for o in outcomes)
        stamp = now.isoformat()
        with self._connection(create=worth_a_file) as connection:
            if connection is None:
                return  # no file yet and nothing to keep: no hold to forget either
            with writing(connection):
                for outcome in outcomes:
                    if outcome.ok:
                        self._save_outcome(connection, outcome, stamp, subject)
                    self._save_hold(connection, outcome.url, outcome.hold)

    @staticmethod
    def _save_outcome(
        connection: sqlite3.Connection, outcome: SourceOutcome, stamp: str, subject: str | None
    ) -> None:
        connection.execute(
            "INSERT INTO http_cache "
            "(url, etag, last_modified, fetched_at, source, subject, body_sha256) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, "
            "last_modified = excluded.last_modified, fetched_at = excluded.fetched_at, "
            "source = excluded.source, subject = coalesce(excluded.subject, subject), "
            "body_sha256 = excluded.body_sha256",
            (
                outcome.url,
                outcome.etag,
                outcome.last_modified,
                stamp,
                outcome.source,
                subject,
                outcome.body_sha256,
            ),
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

    @staticmethod
    def _save_hold(connection: sqlite3.Connection, url: str, hold: Hold | None) -> None:
        if hold is None:
            connection.execute("DELETE FROM url_holds WHERE url = ?", (url,))
            return
        connection.execute(
            "INSERT INTO url_holds (url, reason, since, until) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(url) DO UPDATE SET reason = excluded.reason, since = excluded.since, "
            "until = excluded.until",
            (url, hold.reason, hold.since.isoformat(), hold.until.isoformat()),
        )

    @_rebuilt_when_damaged
    def reference_list(self, name: str) -> tuple[datetime, str] | None:
        """When the list ``name`` was fetched, and its data, if it is stored."""
        with self._connection(create=False) as connection:
            if connection is None:
                return None
            row = connection.execute(
                "SELECT fetched_at, data FROM reference_lists WHERE name = ?", (name,)
            ).fetchone()
            if row is None:
                return None
            try:
                return datetime.fromisoformat(row[0]), str(row[1])
            except (ValueError, TypeError) as exc:
                raise self._damaged(f"the stored list {name}", exc) from exc

    @_rebuilt_when_damaged
    def save_reference_list(self, name: str, data: str, now: datetime) -> None:
        """Keep the list ``name`` as fetched at ``now``, replacing the one stored."""
        with self._connection(create=True) as connection:
            assert connection is not None
            with writing(connection):
                connection.execute(
                    "INSERT INTO reference_lists (name, fetched_at, data) VALUES (?, ?, ?) "
                    "ON CONFLICT(name) DO UPDATE SET fetched_at = excluded.fetched_at, "
                    "data = excluded.data",
                    (name, now.isoformat(), data),
                )

    @_rebuilt_when_damaged
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

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
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from sources import CachedFeed, Item, Outlet, SourceOutcome

from .database import BUSY_TIMEOUT_SECONDS, Database, is_damage, writing
from .errors import StoreError

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


def _rebuilt_when_damaged(method: Callable[P, T]) -> Callable[P, T]:
    """Run a cache method; if SQLite finds the file damaged, move it aside and run it again."""

    @functools.wraps(method)
    def run(*args: P.args, **kwargs: P.kwargs) -> T:
        try:
            return method(*args, **kwargs)
        except StoreError as exc:
            cache = args[0]
            if not isinstance(cache, Cache) or exc.__cause__ is None or not is_damage(exc.__cause__):
                raise
            cache.move_aside(exc.__cause__)
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

    @_rebuilt_when_damaged
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
            with writing(connection):
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


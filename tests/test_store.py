"""The SQLite store: migrations, round trips, and clear errors for damaged or busy stores."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from pathlib import Path

import pytest

from research.errors import StoreBusy, StoreError
from research.store import MIGRATIONS, Store, item_from_json, item_to_json
from sources import Item, Outlet, SourceFailure, SourceOutcome

NOW = datetime(2026, 11, 20, 12, tzinfo=timezone.utc)


def make_item(
    key: str, title: str = "Acme Corp wins award", published: datetime | None = NOW
) -> Item:
    outlet = Outlet(
        "The Daily Ledger", "dailyledger.example", f"https://dailyledger.example/{key}", "feed:x"
    )
    return Item(
        key=key,
        title=title,
        url=f"https://dailyledger.example/{key}",
        published=published,
        summary="Acme took home the award — and a café crème.",
        publisher="The Daily Ledger",
        publisher_domain="dailyledger.example",
        source="feed:x",
        outlets=(outlet, Outlet("Harbor - Tribune", "harbortribune.example", None, "feed:y")),
    )


def test_items_round_trip_through_json_exactly() -> None:
    for item in (make_item("a"), make_item("b", published=None)):
        assert item_from_json(item_to_json(item)) == item


def test_store_is_created_on_first_write_only(tmp_path: Path) -> None:
    store = Store(tmp_path / "deep" / "research.db")
    assert store.cached_feeds(["https://x.example/feed"]) == {}
    assert not store.path.exists()
    store.save_outcomes(
        [SourceOutcome("feed:x", "https://x.example/feed", items=(make_item("a"),))], NOW
    )
    assert store.path.exists()
    connection = sqlite3.connect(store.path)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert connection.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


def test_saved_feed_comes_back_with_validators_items_and_time(tmp_path: Path) -> None:
    store = Store(tmp_path / "research.db")
    items = (make_item("a"), make_item("b", "Acme Corp opens Denver office"))
    outcome = SourceOutcome(
        "feed:x",
        "https://x.example/feed",
        items=items,
        etag='"e1"',
        last_modified="Thu, 19 Nov 2026 10:00:00 GMT",
    )
    store.save_outcomes([outcome], NOW)
    cached = store.cached_feeds(["https://x.example/feed", "https://other.example/feed"])
    assert list(cached) == ["https://x.example/feed"]
    feed = cached["https://x.example/feed"]
    assert (feed.etag, feed.last_modified, feed.fetched_at) == (
        '"e1"',
        "Thu, 19 Nov 2026 10:00:00 GMT",
        NOW,
    )
    assert feed.items == items


def test_not_modified_keeps_items_and_refreshes_the_time(tmp_path: Path) -> None:
    store = Store(tmp_path / "research.db")
    url = "https://x.example/feed"
    store.save_outcomes([SourceOutcome("feed:x", url, items=(make_item("a"),), etag='"e1"')], NOW)
    later = datetime(2026, 11, 21, tzinfo=timezone.utc)
    store.save_outcomes(
        [SourceOutcome("feed:x", url, items=(), not_modified=True, etag='"e1"')], later
    )
    feed = store.cached_feeds([url])[url]
    assert feed.fetched_at == later
    assert [i.key for i in feed.items] == ["a"]


def test_failed_sources_do_not_overwrite_what_was_stored(tmp_path: Path) -> None:
    store = Store(tmp_path / "research.db")
    url = "https://x.example/feed"
    store.save_outcomes([SourceOutcome("feed:x", url, items=(make_item("a"),))], NOW)
    failure = SourceFailure("feed:x", url, "timed_out", "timed out")
    store.save_outcomes([SourceOutcome("feed:x", url, failure=failure)], NOW)
    assert [i.key for i in store.cached_feeds([url])[url].items] == ["a"]


def test_a_file_that_is_not_a_database_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "research.db"
    path.write_bytes(b"garbage" * 1000)
    with pytest.raises(StoreError, match="damaged or not a research store") as caught:
        Store(path).cached_feeds(["https://x.example/feed"])
    assert str(path) in str(caught.value)
    assert "move it aside" in str(caught.value)
    assert path.read_bytes() == b"garbage" * 1000


def test_a_store_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "research.db"
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    connection.close()
    with pytest.raises(StoreError, match="newer version of research"):
        Store(path).cached_feeds(["https://x.example/feed"])


def test_a_held_write_lock_gives_store_busy_after_the_timeout(tmp_path: Path) -> None:
    path = tmp_path / "research.db"
    store = Store(path, busy_timeout=0.2)
    store.save_outcomes(
        [SourceOutcome("feed:x", "https://x.example/a", items=(make_item("a"),))], NOW
    )
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreBusy, match="busy"):
            store.save_outcomes(
                [SourceOutcome("feed:x", "https://x.example/b", items=(make_item("b"),))], NOW
            )
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    # Nothing partial was written: the second feed is absent, the first intact.
    assert list(store.cached_feeds(["https://x.example/a", "https://x.example/b"])) == [
        "https://x.example/a"
    ]


def test_sql_metacharacters_are_stored_literally(tmp_path: Path) -> None:
    store = Store(tmp_path / "research.db")
    url = "https://x.example/feed?q=O'Reilly'; DROP TABLE http_cache;--%_"
    item = make_item("k'; DROP TABLE feed_items;--", title="C++ (AT&T) .*(a+)+$ wins")
    store.save_outcomes([SourceOutcome("feed:x", url, items=(item,))], NOW)
    assert store.cached_feeds([url])[url].items == (item,)

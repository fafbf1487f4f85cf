"""The SQLite files: the cache and the store, migrations, round trips, clear errors, recovery."""

from __future__ import annotations

import sqlite3
import threading
from datetime import datetime, timezone
from pathlib import Path

import pytest

from research.digest.data import IsoWeek
from research.errors import StoreBusy, StoreError
from research.models import Company
from research.store.cache import CACHE_MIGRATIONS, Cache, item_from_json, item_to_json
from research.store.research_db import MIGRATIONS, Store
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


def test_cache_is_created_on_first_write_only(tmp_path: Path) -> None:
    store = Cache(tmp_path / "deep" / "cache.db")
    assert store.cached_feeds(["https://x.example/feed"]) == {}
    assert not store.path.exists()
    store.save_outcomes(
        [SourceOutcome("feed:x", "https://x.example/feed", items=(make_item("a"),))], NOW
    )
    assert store.path.exists()
    connection = sqlite3.connect(store.path)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert connection.execute("PRAGMA user_version").fetchone()[0] == len(CACHE_MIGRATIONS)


def test_saved_feed_comes_back_with_validators_items_and_time(tmp_path: Path) -> None:
    store = Cache(tmp_path / "cache.db")
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
    store = Cache(tmp_path / "cache.db")
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
    store = Cache(tmp_path / "cache.db")
    url = "https://x.example/feed"
    store.save_outcomes([SourceOutcome("feed:x", url, items=(make_item("a"),))], NOW)
    failure = SourceFailure("feed:x", url, "timed_out", "timed out")
    store.save_outcomes([SourceOutcome("feed:x", url, failure=failure)], NOW)
    assert [i.key for i in store.cached_feeds([url])[url].items] == ["a"]


def test_a_damaged_cache_is_moved_aside_and_rebuilt_without_touching_the_store(
    tmp_path: Path,
) -> None:
    store = Store(tmp_path / "research.db")
    store.save_company(Company("acme-corp", "Acme Corp"), NOW)
    store.watch([("acme-corp", "Acme Corp")], NOW)
    cache_path = tmp_path / "cache.db"
    cache_path.write_bytes(b"garbage" * 1000)
    cache = Cache(cache_path)
    url = "https://x.example/feed"
    cache.save_outcomes([SourceOutcome("feed:x", url, items=(make_item("a"),))], NOW)
    assert [i.key for i in cache.cached_feeds([url])[url].items] == ["a"]
    (kept,) = [p for p in tmp_path.iterdir() if p.name.startswith("cache.db.damaged-")]
    assert kept.read_bytes() == b"garbage" * 1000  # kept for a bug report, not deleted
    assert len(cache.notes) == 1 and "moved it to cache.db.damaged-" in cache.notes[0]
    assert store.company("acme-corp") == Company("acme-corp", "Acme Corp")
    assert [slug for slug, _, _ in store.watchlist()] == ["acme-corp"]


def test_an_old_store_keeps_its_profiles_and_drops_the_cache_it_used_to_hold(
    tmp_path: Path,
) -> None:
    path = tmp_path / "research.db"
    old = sqlite3.connect(path)
    for number, migration in enumerate(MIGRATIONS[:3], 1):
        old.executescript(migration)
        old.execute(f"PRAGMA user_version = {number}")
    old.execute(
        "INSERT INTO companies VALUES ('acme-corp', ?, '2026-11-01T00:00:00+00:00')",
        ('{"slug": "acme-corp", "name": "Acme Corp"}',),
    )
    old.commit()
    old.close()
    assert Store(path).company("acme-corp") == Company("acme-corp", "Acme Corp")
    tables = {row[0] for row in sqlite3.connect(path).execute("SELECT name FROM sqlite_master")}
    assert "http_cache" not in tables and {"companies", "watchlist", "digests"} <= tables


def test_digests_saved_before_migration_6_count_as_written_with_their_files(
    tmp_path: Path,
) -> None:
    """Migration 6 marks digests whose files are still to write; older ones had theirs."""
    path = tmp_path / "research.db"
    old = sqlite3.connect(path)
    for number, migration in enumerate(MIGRATIONS[:5], 1):
        old.executescript(migration)
        old.execute(f"PRAGMA user_version = {number}")
    old.execute(
        "INSERT INTO digests VALUES ('2026-W46', ?, ?, '2026-W46: no good news', '<p></p>', NULL)",
        (NOW.isoformat(), NOW.isoformat()),
    )
    old.commit()
    old.close()
    store = Store(path)
    assert store.digest_written(IsoWeek(2026, 46)) == NOW
    assert not store.digest_files_pending(IsoWeek(2026, 46))


def test_a_store_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "research.db"
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    connection.close()
    with pytest.raises(StoreError, match="newer version of research"):
        Store(path).company("acme-corp")


def test_a_held_write_lock_gives_store_busy_after_the_timeout(tmp_path: Path) -> None:
    path = tmp_path / "cache.db"
    store = Cache(path, busy_timeout=0.2)
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
    store = Cache(tmp_path / "cache.db")
    url = "https://x.example/feed?q=O'Reilly'; DROP TABLE http_cache;--%_"
    item = make_item("k'; DROP TABLE feed_items;--", title="C++ (AT&T) .*(a+)+$ wins")
    store.save_outcomes([SourceOutcome("feed:x", url, items=(item,))], NOW)
    assert store.cached_feeds([url])[url].items == (item,)


def test_kept_open_holds_the_file_between_transactions_and_leaves_it_whole(tmp_path: Path) -> None:
    """Inside kept_open the write-ahead log survives each transaction's close (no checkpoint per
    transaction, the cost a digest paid hundreds of times); after it, the file alone holds every
    row, so a copy of research.db taken then is complete."""
    store = Store(tmp_path / "research.db")
    wal = tmp_path / "research.db-wal"
    store.save_company(Company("acme-corp", "Acme Corp"), NOW)
    assert not wal.exists()  # the last connection's close checkpointed and removed it
    with store.kept_open():
        store.save_company(Company("beta", "Beta"), NOW)
        assert wal.exists()
        with store.kept_open():  # nested: the outer block still holds it
            store.watch([("beta", "Beta")], NOW)
        assert wal.exists()
        assert Store(store.path).company("beta") == Company("beta", "Beta")  # others read it
    assert not wal.exists()
    copied = tmp_path / "copy.db"
    copied.write_bytes(store.path.read_bytes())
    assert Store(copied).company("beta") == Company("beta", "Beta")
    assert [slug for slug, _, _ in Store(copied).watchlist()] == ["beta"]


def test_kept_open_opens_the_file_once_for_many_transactions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening a connection in WAL mode and closing it cost more than a digest's short
    transactions; inside kept_open they share one, and other threads still get their own."""
    opened: list[int] = []
    real_connect = sqlite3.connect

    def counting_connect(*args: object, **kwargs: object) -> sqlite3.Connection:
        opened.append(threading.get_ident())
        return real_connect(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("research.store.database.sqlite3.connect", counting_connect)
    store = Store(tmp_path / "research.db")
    with store.kept_open():
        for n in range(20):
            store.save_company(Company(f"c{n}", f"C{n}"), NOW)
        other = threading.Thread(target=lambda: store.company("c3"))
        other.start()
        other.join()
        assert [c.slug for c in store.companies()[0]][:2] == ["c0", "c1"]
    assert len(opened) == 2 and opened[0] != opened[1]
    store.company("c4")  # outside kept_open each method opens the file again
    assert len(opened) == 3
    assert Store(store.path).company("c19") == Company("c19", "C19")


def test_a_damaged_cache_is_moved_aside_while_kept_open(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache.db")
    url = "https://x.example/feed"
    with cache.kept_open():
        cache.save_outcomes([SourceOutcome("feed:x", url, items=(make_item("a"),))], NOW)
        cache.path.write_bytes(b"garbage" * 1000)
        for suffix in ("-wal", "-shm"):
            cache.path.with_name(cache.path.name + suffix).unlink(missing_ok=True)
        cache.save_outcomes([SourceOutcome("feed:x", url, items=(make_item("b"),))], NOW)
        assert [i.key for i in cache.cached_feeds([url])[url].items] == ["b"]
    assert len(cache.notes) == 1 and "moved it to cache.db.damaged-" in cache.notes[0]
    assert [i.key for i in Cache(cache.path).cached_feeds([url])[url].items] == ["b"]

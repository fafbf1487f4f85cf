"""HOSTILE S1-S5: the store under locks, races, crashes and damage."""

from __future__ import annotations

import re
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

import research
from research import StoreBusy, StoreError
from research.models import Company
from research.store.cache import Cache
from research.store.research_db import Store

from ..server import Reply, TestServer
from ..test_digest import AWARD, SATURDAY_46, WEEK_46, rss

ROOT = Path(__file__).resolve().parents[2]


def test_s1_another_process_holding_the_lock_gives_store_busy_and_no_partial_write(
    tmp_path: Path,
) -> None:
    path = tmp_path / "research.db"
    store = Store(path, busy_timeout=0.3)
    store.save_company(Company("acme-corp", "Acme Corp"), SATURDAY_46)
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sqlite3, sys, time
            connection = sqlite3.connect({str(path)!r}, isolation_level=None)
            connection.execute("BEGIN IMMEDIATE")
            print("locked", flush=True)
            time.sleep(30)
        """)],
        stdout=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        started = time.monotonic()
        with pytest.raises(StoreBusy, match=r"research\.db is busy.*0\.3 s"):
            store.save_company(Company("beta", "Beta"), SATURDAY_46)
        assert 0.25 < time.monotonic() - started < 5
    finally:
        holder.kill()
        holder.communicate()
    assert store.company("beta") is None
    assert store.company("acme-corp") == Company("acme-corp", "Acme Corp")


@pytest.fixture
def statements(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[int, list[str]]]:
    """Every SQL statement run, by connection."""
    seen: dict[int, list[str]] = {}
    original = sqlite3.connect

    def connect(*args: object, **kwargs: object) -> sqlite3.Connection:
        connection = original(*args, **kwargs)  # type: ignore[arg-type]
        log = seen.setdefault(id(connection), [])
        connection.set_trace_callback(log.append)
        return connection

    monkeypatch.setattr(sqlite3, "connect", connect)
    yield seen


def test_s2_every_write_runs_inside_a_transaction_begun_immediate(
    quiet_searches: TestServer, tmp_path: Path, statements: dict[int, list[str]]
) -> None:
    url = quiet_searches.route("/acme.xml", Reply(200, rss(AWARD)))
    research.add_company("acme-corp", name="Acme Corp", feeds=[url])
    research.watch(["acme-corp"])
    digest = research.weekly_digest(week=WEEK_46, now=SATURDAY_46)
    research.save_digest(digest, out=tmp_path / "out", now=SATURDAY_46)
    research.unwatch(["acme-corp"])
    research.remove_company("acme-corp")

    writes = 0
    for log in statements.values():
        open_transaction = None
        for statement in log:
            word = statement.split(None, 1)[0].upper()
            if word == "BEGIN":
                open_transaction = statement.upper()
            elif word in ("COMMIT", "ROLLBACK"):
                open_transaction = None
            elif word in ("INSERT", "UPDATE", "DELETE", "CREATE", "DROP", "ALTER"):
                writes += 1
                assert open_transaction == "BEGIN IMMEDIATE", statement
    assert writes > 10  # profiles, watchlist, cache, digest and its events were all written


def test_s3_killed_between_fetching_and_recording_leaves_a_clean_store_and_the_same_rerun(
    quiet_searches: TestServer, tmp_path: Path
) -> None:
    url = quiet_searches.route("/acme.xml", Reply(200, rss(AWARD)))
    research.add_company("acme-corp", name="Acme Corp", feeds=[url])
    research.watch(["acme-corp"])
    out = tmp_path / "out"
    script = textwrap.dedent(f"""
        import os, signal
        import research
        from research.store.research_db import Store
        from tests.test_digest import SATURDAY_46, WEEK_46
        Store.record_week = lambda *a, **k: os.kill(os.getpid(), signal.SIGKILL)
        digest = research.weekly_digest(week=WEEK_46, now=SATURDAY_46)
        research.save_digest(digest, out={str(out)!r}, now=SATURDAY_46)
    """)
    killed = subprocess.run([sys.executable, "-c", script], cwd=ROOT, timeout=120)
    assert killed.returncode == -signal.SIGKILL
    store = Store(research.load_settings().store_path)
    record = store.week_record(WEEK_46, ["acme-corp"])
    assert record.saved is None and record.events == {}  # nothing marked reported
    assert not out.exists()  # the store is recorded first, so no file was written either

    rerun = research.weekly_digest(week=WEEK_46, now=SATURDAY_46)
    research.save_digest(rerun, out=out, now=SATURDAY_46)
    assert (out / "2026-W46.md").read_text() == rerun.to_markdown()
    assert [e.title for e in store.week_record(WEEK_46, ["acme-corp"]).events["acme-corp"]] == [
        AWARD[0]
    ]


def test_s4_a_read_only_store_is_a_clear_error_naming_the_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests run as root, where file modes do not stop writes; SQLite's read-only mode does."""
    path = tmp_path / "research.db"
    Store(path).save_company(Company("acme-corp", "Acme Corp"), SATURDAY_46)
    original = sqlite3.connect

    def read_only(database: object, *args: object, **kwargs: object) -> sqlite3.Connection:
        return original(f"file:{database}?mode=ro", *args, uri=True, **kwargs)  # type: ignore[arg-type, misc]

    monkeypatch.setattr(sqlite3, "connect", read_only)
    with pytest.raises(StoreError, match=r"research\.db cannot be written .*check permissions"):
        Store(path).save_company(Company("beta", "Beta"), SATURDAY_46)
    monkeypatch.undo()
    assert Store(path).company("acme-corp") == Company("acme-corp", "Acme Corp")


def test_s4_a_corrupt_cache_never_costs_the_watchlist(
    quiet_searches: TestServer, tmp_path: Path
) -> None:
    url = quiet_searches.route("/acme.xml", Reply(200, rss(AWARD)))
    research.add_company("acme-corp", name="Acme Corp", feeds=[url])
    research.watch(["acme-corp"])
    settings = research.load_settings()
    settings.cache_path.write_bytes(b"\x00garbage" * 500)
    digest = research.weekly_digest(week=WEEK_46, now=SATURDAY_46)
    assert [e.title for e in digest.sections[0].events] == [AWARD[0]]
    assert any("moved it to cache.db.damaged-" in w for w in digest.warnings)
    assert [e.company.slug for e in research.watched()] == ["acme-corp"]


def test_s5_no_transaction_is_open_while_a_request_is_in_flight(
    server: TestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the server answers, it takes both files' write locks with no waiting at all."""
    settings = research.load_settings()
    research.add_company("acme-corp", name="Acme Corp")  # creates research.db
    Cache(settings.cache_path).cached_feeds([])  # nothing yet: cache.db may not exist
    locked: list[str] = []

    def answer_after_locking(handler: BaseHTTPRequestHandler) -> None:
        for path in (settings.store_path, settings.cache_path):
            if path.exists():
                connection = sqlite3.connect(path, timeout=0, isolation_level=None)
                connection.execute("BEGIN IMMEDIATE")  # raises "database is locked" if held
                connection.execute("ROLLBACK")
                connection.close()
                locked.append(path.name)
        body = rss(AWARD)
        handler.send_response(200)
        handler.send_header("Content-Type", "application/rss+xml")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    server.route("/search", Reply(raw=answer_after_locking))
    monkeypatch.setenv("RESEARCH_GOOGLE_NEWS_URL", server.url("/search"))
    monkeypatch.setenv("RESEARCH_BING_NEWS_URL", server.url("/search"))
    research.research("acme-corp", now=SATURDAY_46)  # first run: creates cache.db
    result = research.research("acme-corp", now=SATURDAY_46)  # second run: both files exist
    assert not result.failures, result.failures
    assert locked.count("cache.db") >= 2 and locked.count("research.db") >= 2


def test_s4_a_store_that_is_not_a_database_gives_a_clear_error_and_is_left_alone(
    tmp_path: Path,
) -> None:
    path = tmp_path / "research.db"
    path.write_bytes(b"garbage" * 1000)
    with pytest.raises(StoreError, match="damaged or not a research store") as caught:
        Store(path).company("acme-corp")
    assert str(path) in str(caught.value)
    assert "move it aside" in str(caught.value)
    assert path.read_bytes() == b"garbage" * 1000


def test_s4_a_full_disk_is_a_clear_error_and_nothing_partial_is_kept(tmp_path: Path) -> None:
    store = Store(tmp_path / "research.db")
    store.save_company(Company("acme-corp", "Acme Corp"), SATURDAY_46)
    limit = sqlite3.connect(store.path)
    pages = limit.execute("PRAGMA page_count").fetchone()[0]
    limit.close()

    def tiny(connection: sqlite3.Connection) -> None:
        connection.execute(f"PRAGMA max_page_count = {pages}")

    big = Company("big", "Big Co", aliases=tuple(f"alias {n} " + "x" * 10_000 for n in range(20)))
    original = sqlite3.connect

    def connect(*args: object, **kwargs: object) -> sqlite3.Connection:
        connection = original(*args, **kwargs)  # type: ignore[arg-type]
        tiny(connection)
        return connection

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sqlite3, "connect", connect)
        with pytest.raises(StoreError, match=r"disk is full.*free some space"):
            store.save_company(big, SATURDAY_46)
    assert store.company("big") is None
    assert store.company("acme-corp") == Company("acme-corp", "Acme Corp")


def test_s4_a_store_path_that_cannot_be_created_names_the_path(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError, match=re.escape(str(blocker))):
        Store(blocker / "research.db").save_company(Company("a", "A"), SATURDAY_46)


def test_s2_a_writer_committing_between_our_read_and_write_never_makes_us_fail(
    tmp_path: Path,
) -> None:
    """Another process commits throughout while we read and write: every write of ours
    waits its turn (BEGIN IMMEDIATE, the busy timeout) and none fails."""
    import threading

    path = tmp_path / "research.db"
    store = Store(path)
    store.save_company(Company("acme-corp", "Acme Corp"), SATURDAY_46)
    stop = threading.Event()
    commits = 0

    def rival() -> None:
        nonlocal commits
        connection = sqlite3.connect(path, timeout=5, isolation_level=None)
        while not stop.is_set():
            connection.execute("BEGIN IMMEDIATE")
            connection.execute(
                "UPDATE companies SET updated_at = ? WHERE slug = 'acme-corp'", (str(commits),)
            )
            connection.execute("COMMIT")
            commits += 1
            time.sleep(0.002)  # another process doing its own work between commits
        connection.close()

    thread = threading.Thread(target=rival)
    thread.start()
    try:
        number = 0
        give_up = time.monotonic() + 20
        while (number < 20 or commits < 30) and time.monotonic() < give_up:
            store.watch([(f"c{number}", f"C {number}")], SATURDAY_46)  # reads, then writes
            store.save_company(Company(f"c{number}", f"C {number}"), SATURDAY_46)
            number += 1
    finally:
        stop.set()
        thread.join()
    assert commits >= 30  # the rival really was committing throughout
    assert len(store.watchlist()) == number

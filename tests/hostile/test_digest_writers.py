"""Issue 13, items 2 and 6: two digest writers at once, and a fault between the store and the files.

What a week's digest reported stays in it, whoever writes last: two real ``research digest``
processes for the same week, the second seeing less and writing last, leave every event either
reported in the week's files and in the store. The store records a digest before its files are
written, and a week whose files could not all be written stays due, so a real fault between the
two (a process killed, a file that cannot be written, a store that cannot be written) never
leaves files showing news the store does not hold, and the next run makes them agree.
"""

from __future__ import annotations

import html
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import feedparser
import pytest

import research
from research import IsoWeek, OutputError, StoreError
from research.digest.publish import due_weeks
from research.store.research_db import Store

from ..server import Reply, TestServer
from ..test_digest import AWARD, PLANT, SATURDAY_46, WEEK_46, at, rss

ROOT = Path(__file__).resolve().parents[2]
PARTNER = "Acme Corp partners with Contoso on battery recycling"
PLANT_46 = (PLANT[0], PLANT[1], at(12))
PARTNER_46 = (PARTNER, "https://news.example/acme-contoso", at(13))
FILES_46 = ("2026-W46.md", "2026-W46.html")


def readable(path: Path) -> str:
    """A digest file as a reader sees it: without Markdown escapes or HTML entities."""
    return html.unescape(path.read_text().replace("\\", ""))


def stored_titles(week: IsoWeek) -> list[str]:
    record = Store(research.load_settings().store_path).week_record(week, ["acme-corp"])
    return sorted(e.title for e in record.events.get("acme-corp", ()))


def feed_contents(folder: Path) -> str:
    """The text of every entry of the Atom feed of saved digests."""
    parsed = feedparser.parse((folder / "feed.xml").read_bytes())
    assert not parsed.bozo, parsed.bozo_exception
    return html.unescape(" ".join(c.value for entry in parsed.entries for c in entry.content))


def files_hold(out: Path, titles: list[str], names: tuple[str, ...] = FILES_46) -> bool:
    return all(title in readable(out / name) for name in names for title in titles)


def test_two_digest_processes_at_once_the_later_seeing_less_lose_nothing(
    quiet_searches: TestServer, tmp_path: Path
) -> None:
    """B starts first and reads the week (nothing yet); its feed answers only once A has
    written its digest (two events) and exited, and then with one other event. B writes last.
    Before the fix B's files and digest row held only B's event."""
    server = quiet_searches
    now = datetime.now(timezone.utc)
    week = IsoWeek.of(now)
    moment = week.start + (now - week.start) / 2  # inside this week, before now
    award = (AWARD[0], AWARD[1], moment)
    plant = (PLANT[0], PLANT[1], moment - (moment - week.start) / 2)
    partner = (PARTNER, "https://news.example/acme-contoso", moment)

    b_asked = threading.Event()
    a_finished = threading.Event()

    def late_with_less(handler: BaseHTTPRequestHandler) -> None:
        b_asked.set()
        assert a_finished.wait(timeout=30), "the first writer never finished"
        body = rss(partner)
        handler.send_response(200)
        handler.send_header("Content-Type", "application/rss+xml")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    url = server.route("/acme.xml", Reply(raw=late_with_less), Reply(200, rss(award, plant)))
    research.add_company("acme-corp", name="Acme Corp", feeds=[url])
    research.watch(["acme-corp"])
    out = tmp_path / "out"
    command = [sys.executable, "-m", "research", "digest", "--week", str(week), "--out", str(out)]

    later = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert b_asked.wait(timeout=30), "the second writer never asked for its feed"
        # B has read the week (empty) and waits for its feed; A now runs to the end.
        first = subprocess.run(
            command, cwd=ROOT, capture_output=True, text=True, timeout=60, check=False
        )
        assert first.returncode == 0, first.stderr
        assert PLANT[0] in readable(out / f"{week}.md")  # A wrote its two events
    finally:
        a_finished.set()
    _, b_err = later.communicate(timeout=60)
    assert later.returncode == 0, b_err
    assert len(server.hits_for("/acme.xml")) == 2  # one answer each: A's two events, B's one

    every = sorted([AWARD[0], PLANT[0], PARTNER])
    names = (f"{week}.md", f"{week}.html")
    assert files_hold(out, every, names), [readable(out / name) for name in names]
    assert not any("no good news" in readable(out / name).lower() for name in names)
    contents = feed_contents(out)
    assert all(title in contents for title in every)
    assert stored_titles(week) == every
    saved = Store(research.load_settings().store_path).week_record(week, ()).saved
    assert saved is not None and all(title in html.unescape(saved.body_html) for title in every)
    assert "3 pieces of good news" in saved.summary


def test_a_writer_paused_between_its_two_transactions_never_writes_older_files(
    quiet_searches: TestServer, tmp_path: Path
) -> None:
    """A records the week (two events) and stops before writing its files; B, seeing one
    other event, records and writes the files; then A writes its files. A's files must hold
    B's event too: each writer writes the files from what the store holds as it writes."""
    server = quiet_searches
    url = server.route("/acme.xml", Reply(200, rss(AWARD, PLANT_46)), Reply(200, rss(PARTNER_46)))
    research.add_company("acme-corp", name="Acme Corp", feeds=[url])
    research.watch(["acme-corp"])
    out = tmp_path / "out"
    recorded, b_done = tmp_path / "a-recorded", tmp_path / "b-done"
    writer = textwrap.dedent(f"""
        import time
        from pathlib import Path
        import research
        from research.store.research_db import Store
        from tests.test_digest import SATURDAY_46, WEEK_46
        pause = {{pause!r}}
        if pause:
            record_week = Store.record_week
            def paused(self, week, slugs, written_at, build, publish=None):
                if publish is not None:  # the store has recorded; the files are next
                    Path({str(recorded)!r}).touch()
                    give_up = time.monotonic() + 30
                    while not Path({str(b_done)!r}).exists() and time.monotonic() < give_up:
                        time.sleep(0.01)
                record_week(self, week, slugs, written_at, build, publish)
            Store.record_week = paused
        digest = research.weekly_digest(week=WEEK_46, now=SATURDAY_46)
        research.save_digest(digest, out={str(out)!r}, now=SATURDAY_46)
    """)
    first = subprocess.Popen([sys.executable, "-c", writer.format(pause=True)], cwd=ROOT)
    try:
        give_up = time.monotonic() + 30
        while not recorded.exists() and first.poll() is None and time.monotonic() < give_up:
            time.sleep(0.01)
        assert recorded.exists(), "the first writer never recorded the week"
        second = subprocess.run(
            [sys.executable, "-c", writer.format(pause=False)], cwd=ROOT, timeout=60, check=False
        )
        assert second.returncode == 0
        every = sorted([AWARD[0], PLANT_46[0], PARTNER])
        assert files_hold(out, every)  # B merged A's two events with its own
    finally:
        b_done.touch()
    assert first.wait(timeout=60) == 0  # A wrote its files last, from what the store holds
    assert files_hold(out, every), [readable(out / name) for name in FILES_46]
    assert all(title in feed_contents(out) for title in every)
    assert stored_titles(WEEK_46) == every
    assert due_weeks(WEEK_46, now=SATURDAY_46) == []


@pytest.fixture
def written_week(quiet_searches: TestServer, tmp_path: Path) -> Path:
    """Week 46 written once with the award; the feed now also carries the new plant."""
    url = quiet_searches.route("/acme.xml", Reply(200, rss(AWARD)))
    research.add_company("acme-corp", name="Acme Corp", feeds=[url])
    research.watch(["acme-corp"])
    out = tmp_path / "out"
    research.save_digest(research.weekly_digest(week=WEEK_46, now=SATURDAY_46), out=out,
                         now=SATURDAY_46)  # fmt: skip
    assert due_weeks(WEEK_46, now=SATURDAY_46) == []
    quiet_searches.route("/acme.xml", Reply(200, rss(AWARD, PLANT_46)))
    return out


def repair_after_the_sources_dropped_everything(server: TestServer, out: Path) -> None:
    """The next run, on a day the feed no longer carries either story: the week is due, and its
    files are written from what the store holds."""
    server.route("/acme.xml", Reply(200, rss()))
    later = SATURDAY_46 + timedelta(hours=1)
    assert due_weeks(WEEK_46, now=later) == [WEEK_46]
    research.save_digest(research.weekly_digest(week=WEEK_46, now=later), out=out, now=later)
    assert files_hold(out, [AWARD[0], PLANT_46[0]])
    assert PLANT_46[0] in feed_contents(out)
    assert due_weeks(WEEK_46, now=later) == []
    assert stored_titles(WEEK_46) == sorted([AWARD[0], PLANT_46[0]])


def test_killed_after_the_store_recorded_and_before_the_files_the_next_run_repairs(
    quiet_searches: TestServer, written_week: Path
) -> None:
    """A real SIGKILL once the store has committed and before any file is written."""
    out = written_week
    before = {name: (out / name).read_bytes() for name in FILES_46}
    script = textwrap.dedent(f"""
        import os, signal
        import research, research.digest.publish
        from tests.test_digest import SATURDAY_46, WEEK_46
        research.digest.publish.write_atomic = lambda *a: os.kill(os.getpid(), signal.SIGKILL)
        digest = research.weekly_digest(week=WEEK_46, now=SATURDAY_46)
        research.save_digest(digest, out={str(out)!r}, now=SATURDAY_46)
    """)
    killed = subprocess.run([sys.executable, "-c", script], cwd=ROOT, timeout=60, check=False)
    assert killed.returncode == -signal.SIGKILL
    # The news is recorded; the files are the previous complete ones (they show nothing the
    # store does not hold), and the week is due again, also for --if-due.
    assert stored_titles(WEEK_46) == sorted([AWARD[0], PLANT_46[0]])
    assert {name: (out / name).read_bytes() for name in before} == before
    assert due_weeks(WEEK_46, now=SATURDAY_46) == [WEEK_46]
    repair_after_the_sources_dropped_everything(quiet_searches, out)


def test_a_file_that_cannot_be_written_keeps_the_news_and_the_next_run_repairs(
    quiet_searches: TestServer, written_week: Path
) -> None:
    """A real OS error on the second file (a folder stands where it goes): the first file is
    new, the second old, and neither shows news the store does not hold."""
    out = written_week
    (out / "2026-W46.html").unlink()
    (out / "2026-W46.html").mkdir()
    (out / "2026-W46.html" / "keep").touch()
    with pytest.raises(OutputError, match=r"2026-W46\.html"):
        research.save_digest(
            research.weekly_digest(week=WEEK_46, now=SATURDAY_46), out=out, now=SATURDAY_46
        )
    assert stored_titles(WEEK_46) == sorted([AWARD[0], PLANT_46[0]])
    assert PLANT_46[0] in readable(out / "2026-W46.md")
    assert due_weeks(now=SATURDAY_46) == [WEEK_46]  # --if-due writes it again
    (out / "2026-W46.html" / "keep").unlink()
    (out / "2026-W46.html").rmdir()
    repair_after_the_sources_dropped_everything(quiet_searches, out)


def test_a_store_that_cannot_be_written_leaves_the_files_as_they_were(
    quiet_searches: TestServer, written_week: Path
) -> None:
    """SQLite refuses the write (opened read-only, as on a file system remounted read-only):
    nothing is recorded and no file changes, so files and store still agree."""
    out = written_week
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    digest = research.weekly_digest(week=WEEK_46, now=SATURDAY_46)
    assert sorted(e.title for e in digest.sections[0].events) == sorted([AWARD[0], PLANT_46[0]])
    original = sqlite3.connect

    def read_only(database: object, *args: object, **kwargs: object) -> sqlite3.Connection:
        return original(f"file:{database}?mode=ro", *args, uri=True, **kwargs)  # type: ignore[arg-type, misc]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sqlite3, "connect", read_only)
        with pytest.raises(StoreError, match="cannot be written"):
            research.save_digest(digest, out=out, now=SATURDAY_46)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert stored_titles(WEEK_46) == [AWARD[0]]
    assert due_weeks(WEEK_46, now=SATURDAY_46) == []  # files and store agree: nothing to repair
    research.save_digest(digest, out=out, now=SATURDAY_46 + timedelta(hours=1))
    assert files_hold(out, [AWARD[0], PLANT_46[0]])
    assert stored_titles(WEEK_46) == sorted([AWARD[0], PLANT_46[0]])

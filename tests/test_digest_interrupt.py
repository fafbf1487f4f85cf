"""Issue 14, item 9: `research digest` shows its progress at once, and when Ctrl-C or SIGTERM
stops it, says how far it got and that nothing was saved.

`research digest` runs as a real process against the real server on 127.0.0.1, where one
company's feed answers at once and another's is still on its way when the signal comes. The
progress line is read from a pseudo-terminal, as a user at a terminal would see it.
"""

from __future__ import annotations

import asyncio
import os
import pty
import select
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from email.utils import format_datetime
from pathlib import Path

import pytest

import research
from research import IsoWeek
from research.digest.publish import due_weeks
from research.store.research_db import Store

from .server import Reply, TestServer

ROOT = Path(__file__).resolve().parent.parent
SLOW = 60.0  # seconds before the slow feed answers: far longer than any test waits

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and terminals")


def feed(title: str) -> bytes:
    published = format_datetime(datetime.now(timezone.utc))
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        f"<item><title>{title}</title><link>https://news.example/{len(title)}</link>"
        f"<pubDate>{published}</pubDate></item></channel></rss>"
    ).encode()


@pytest.fixture
def watchlist(server: TestServer, monkeypatch: pytest.MonkeyPatch) -> TestServer:
    """acme-corp answers at once; beta-labs' own feed takes a minute."""
    empty = feed("Nothing much")
    monkeypatch.setenv("RESEARCH_GOOGLE_NEWS_URL", server.route("/google", Reply(200, empty)))
    monkeypatch.setenv("RESEARCH_BING_NEWS_URL", server.route("/bing", Reply(200, empty)))
    fast = server.route("/acme.xml", Reply(200, feed("Acme Corp wins the Edison Award")))
    slow = server.route("/beta.xml", Reply(200, feed("Beta Labs opens"), delay=SLOW))
    research.add_company("acme-corp", name="Acme Corp", feeds=[fast])
    research.add_company("beta-labs", name="Beta Labs", feeds=[slow])
    research.watch(["acme-corp", "beta-labs"])
    return server


class Terminal:
    """A pseudo-terminal for the run's stderr, and everything written to it so far."""

    def __init__(self) -> None:
        self.reader, self.writer = pty.openpty()
        self.text = ""

    def read_until(self, wanted: Callable[[str], bool], seconds: float) -> bool:
        end = time.monotonic() + seconds
        while not wanted(self.text) and time.monotonic() < end:
            ready, _, _ = select.select([self.reader], [], [], 0.1)
            if ready:
                try:
                    self.text += os.read(self.reader, 4096).decode("utf-8", "replace")
                except OSError:  # the run ended and closed its end
                    break
        return wanted(self.text)

    def close(self) -> None:
        for fd in (self.reader, self.writer):
            os.close(fd)


def start(*args: str, stdout: Path, stderr: int) -> subprocess.Popen[bytes]:
    with stdout.open("wb") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "research", "digest", *args],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=stderr,
            start_new_session=True,  # signals go to it alone, never to pytest
        )


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    opened = Terminal()
    yield opened
    opened.close()


def nothing_saved() -> None:
    week = IsoWeek.of(datetime.now(timezone.utc))
    assert Store(research.load_settings().store_path).digest_written(week) is None
    assert week in due_weeks()
    assert not (Path(research.load_settings().home) / "digests").exists()


def test_ctrl_c_says_how_far_the_digest_got_and_that_nothing_was_saved(
    watchlist: TestServer, terminal: Terminal, tmp_path: Path
) -> None:
    stdout = tmp_path / "stdout"
    run = start(stdout=stdout, stderr=terminal.writer)
    try:
        # The line shows at once, naming a company still being researched, then counts.
        assert terminal.read_until(lambda t: "researching 1/2 companies" in t, 30), terminal.text
        first, second = (
            terminal.text.index("researching 0/2 companies (acme-corp and 1 more)..."),
            terminal.text.index("researching 1/2 companies (beta-labs)..."),
        )
        assert first < second
        run.send_signal(signal.SIGINT)
        assert run.wait(15) == 130
        terminal.read_until(lambda t: t.endswith("\n") and "interrupted" in t, 5)
    finally:
        if run.poll() is None:
            run.kill()
            run.wait(10)
    last = terminal.text.replace("\r\n", "\n").rstrip("\n").splitlines()[-1]
    assert last == (
        "interrupted: 1 of 2 companies were researched; this week's digest was not saved"
    ), terminal.text
    assert "2/2" not in terminal.text  # never claims the run finished
    assert stdout.read_bytes() == b""
    nothing_saved()


def test_sigterm_under_cron_says_the_digest_is_still_due(
    watchlist: TestServer, tmp_path: Path
) -> None:
    """No terminal (cron, a systemd timer): no progress line, but the same account."""
    log = tmp_path / "stderr"
    with log.open("wb") as stderr:
        run = start("--if-due", stdout=tmp_path / "stdout", stderr=stderr.fileno())
    try:
        deadline = time.monotonic() + 30
        while not watchlist.hits_for("/beta.xml") and time.monotonic() < deadline:
            time.sleep(0.05)
        assert watchlist.hits_for("/beta.xml"), log.read_text()
        run.send_signal(signal.SIGTERM)
        assert run.wait(15) == 143
    finally:
        if run.poll() is None:
            run.kill()
            run.wait(10)
    lines = log.read_text().splitlines()
    week = IsoWeek.of(datetime.now(timezone.utc))
    assert lines[-1].startswith("interrupted (SIGTERM): ")
    assert lines[-1].endswith(
        f" companies were researched; the {week} digest was not saved and is still due"
    ), lines
    assert (tmp_path / "stdout").read_bytes() == b""
    assert not any("researching" in line for line in lines)
    nothing_saved()


def test_progress_counts_only_companies_whose_research_finished(watchlist: TestServer) -> None:
    """A cancelled run never reports the companies it did not finish as done."""
    calls: list[tuple[int, int, str]] = []

    async def stopped_after_the_first_company() -> None:
        task = asyncio.ensure_future(
            research.weekly_digest_async(progress=lambda *a: calls.append(a))
        )
        while len(calls) < 2:
            await asyncio.sleep(0.02)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(asyncio.wait_for(stopped_after_the_first_company(), 30))
    assert calls == [(0, 2, "acme-corp"), (1, 2, "beta-labs")]

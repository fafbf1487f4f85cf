"""Issue 13, item 3 and 6: a run stopped by a signal leaves no process behind and says so.

`research` runs as a real process against the real server on 127.0.0.1, on a feed that keeps a
parse worker busy for minutes (feedparser's quadratic author regex), and gets a real signal.
Whatever the signal, every process it started must be gone within seconds and nothing may be
written to its terminal afterwards; the signals it can handle stop it like Ctrl-C: the
"interrupted" line on stderr and exit code 128 + the signal's number.
"""

from __future__ import annotations

import functools
import os
import pickle
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from sources.net.isolate import ParseLimits, _Worker
from sources.net.isolate_worker import _read_frame, _write_frame

from ..server import Reply, TestServer
from .test_parse_isolation import RSS, quadratic_author_feed

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for listing in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            found += [int(child) for child in listing.read_text().split()]
        except OSError:
            continue  # the thread ended while we looked
    return found


def _descendants(pid: int) -> list[int]:
    found: list[int] = []
    waiting = _children(pid)
    while waiting:
        child = waiting.pop()
        found.append(child)
        waiting += _children(child)
    return found


def _running(pid: int, marker: bytes) -> bool:
    """Whether ``pid`` is still a live (not zombie) process whose command line has ``marker``
    (so a reused process id does not count)."""
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes()
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return marker in command and state != "Z"


def _parse_workers(pid: int) -> list[int]:
    return [p for p in _descendants(pid) if _running(p, b"sources.net.isolate")]


def _wait_for(condition: object, seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return bool(condition())  # type: ignore[operator]


@pytest.fixture
def busy_run(
    server: TestServer, tmp_path: Path
) -> Iterator[tuple[subprocess.Popen[bytes], Path, list[int]]]:
    """`research` with a parse worker busy on a feed that takes minutes to parse, its stderr (a
    file that the workers inherit too, so anything they write later shows there) and the
    processes it started, recorded before any signal (a worker that outlived its parent has
    another parent by the time the test looks again)."""
    hostile = server.route("/hostile.xml", Reply(200, quadratic_author_feed(50), RSS))
    stderr = tmp_path / "stderr"
    with stderr.open("wb") as terminal:
        run = subprocess.Popen(
            [sys.executable, "-m", "research", "acme-corp", "--feed", hostile],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=terminal,
            start_new_session=True,  # signals go to it alone, never to pytest
        )
    started: list[int] = []
    try:
        assert _wait_for(lambda: _parse_workers(run.pid), 30), stderr.read_text()
        time.sleep(0.5)  # well into the parse: a worker's first item takes about 5 s
        started += _descendants(run.pid)
        assert started
        yield run, stderr, started
    finally:
        for pid in [*started, *_descendants(run.pid)]:
            if _running(pid, b"sources.net.isolate"):  # left behind: stop it, the test has failed
                os.kill(pid, signal.SIGKILL)
        if run.poll() is None:
            run.kill()
        run.wait(10)


def _nothing_left_and_silent(started: list[int], stderr: Path) -> str:
    """Wait until no process the run started is left (a few seconds at most), check that the
    terminal gets nothing more, and return what it got."""
    assert _wait_for(lambda: not any(_running(p, b"") for p in started), 5), [
        Path(f"/proc/{p}/cmdline").read_bytes() for p in started if _running(p, b"")
    ]
    written = stderr.read_text()
    time.sleep(1.0)
    assert stderr.read_text() == written  # nothing written to the terminal afterwards
    assert "Traceback" not in written, written
    return written


@pytest.mark.parametrize(
    ("signum", "line"),
    [
        (signal.SIGINT, "interrupted"),
        (signal.SIGTERM, "interrupted (SIGTERM)"),
        (signal.SIGHUP, "interrupted (SIGHUP)"),
    ],
)
def test_a_signal_stops_the_run_like_ctrl_c_and_leaves_no_worker(
    busy_run: tuple[subprocess.Popen[bytes], Path, list[int]], signum: int, line: str
) -> None:
    run, stderr, started = busy_run
    run.send_signal(signum)
    assert run.wait(10) == 128 + signum
    written = _nothing_left_and_silent(started, stderr)
    assert written.splitlines()[-1] == line, written


def test_a_killed_run_leaves_no_worker_and_nothing_on_its_terminal(
    busy_run: tuple[subprocess.Popen[bytes], Path, list[int]],
) -> None:
    """SIGKILL cannot be handled: the workers end by themselves (on Linux the kernel kills them
    with their parent), without a traceback on the terminal."""
    run, stderr, started = busy_run
    run.send_signal(signal.SIGKILL)
    assert run.wait(10) == -signal.SIGKILL
    assert _nothing_left_and_silent(started, stderr) == ""


# --- the worker on its own: what it does where there is no parent-death signal -----------------


def _busy_worker(limits: ParseLimits) -> _Worker:
    worker = _Worker.start(limits)
    assert worker.process.stdin is not None
    _write_frame(worker.process.stdin, pickle.dumps(functools.partial(exec, "while True: pass")))
    return worker


def test_a_worker_whose_pipe_closes_mid_parse_exits_at_once() -> None:
    worker = _busy_worker(ParseLimits(deadline=60.0))
    try:
        time.sleep(0.3)
        assert worker.process.poll() is None  # parsing
        worker.process.stdin.close()  # type: ignore[union-attr]
        assert worker.process.wait(3) == 0
    finally:
        worker.stop()


def test_a_worker_enforces_the_parse_deadline_itself() -> None:
    """Even when the parent never kills it: the parent's deadline plus a second."""
    worker = _busy_worker(ParseLimits(deadline=0.5))
    try:
        started = time.monotonic()
        assert worker.process.wait(5) == -signal.SIGALRM
        assert time.monotonic() - started < 3
        assert worker.process.stdout is not None
        assert _read_frame(worker.process.stdout) is None  # no reply, and no traceback
    finally:
        worker.stop()

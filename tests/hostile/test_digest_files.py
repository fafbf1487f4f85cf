"""HOSTILE O8 and S3: digest files are all or nothing; a crash or a full disk never leaves half a digest."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import textwrap
from datetime import datetime, timezone
from pathlib import Path

import pytest

import research
from research import OutputError
from research.store.files import write_atomic
from research.store.research_db import Store

from ..server import Reply, TestServer
from ..test_digest import AWARD, SATURDAY_46, WEEK_46, rss


def test_a_full_disk_keeps_the_old_file_and_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "2026-W46.md"
    write_atomic(target, "old complete digest\n")

    def no_space(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(OutputError, match=r"2026-W46\.md.*free some space"):
        write_atomic(target, "new digest that does not fit\n")
    assert target.read_text() == "old complete digest\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2026-W46.md"]  # no temporary left


def test_a_process_killed_before_the_rename_leaves_the_old_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "2026-W46.html"
    write_atomic(target, "<p>old</p>")
    script = textwrap.dedent(
        f"""
        import os, signal
        from pathlib import Path
        from research.store.files import write_atomic
        os.replace = lambda *a: os.kill(os.getpid(), signal.SIGKILL)
        write_atomic(Path({str(target)!r}), "<p>new</p>" * 100_000)
        """
    )
    completed = subprocess.run([sys.executable, "-c", script], timeout=60)
    assert completed.returncode == -9
    assert target.read_text() == "<p>old</p>"


def test_a_folder_that_cannot_be_written_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(OutputError, match=r"cannot write .*file/2026-W46\.md"):
        write_atomic(blocker / "2026-W46.md", "x")


def test_a_crash_writing_the_files_keeps_the_news_recorded_and_the_rerun_is_the_same(
    server: TestServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The store records first; when no file can be written the week stays due, and the rerun
    writes the files the failed run would have written (real faults: test_digest_writers)."""
    server.route("/empty", Reply(200, rss()))
    monkeypatch.setenv("RESEARCH_GOOGLE_NEWS_URL", server.url("/empty"))
    monkeypatch.setenv("RESEARCH_BING_NEWS_URL", server.url("/empty"))
    server.route("/acme.xml", Reply(200, rss(AWARD)))
    research.add_company("acme-corp", name="Acme Corp", feeds=[server.url("/acme.xml")])
    research.watch(["acme-corp"])
    digest = research.weekly_digest(week=WEEK_46, now=SATURDAY_46)

    def crash(path: Path, text: str) -> None:
        raise OutputError(f"cannot write {path}: simulated crash")

    out = tmp_path / "out"
    monkeypatch.setattr("research.digest.publish.write_atomic", crash)
    with pytest.raises(OutputError):
        research.save_digest(digest, out=out, now=SATURDAY_46)
    store = Store(research.load_settings().store_path)
    record = store.week_record(WEEK_46, ["acme-corp"])
    assert [e.title for e in record.events["acme-corp"]] == [AWARD[0]]
    assert not out.exists()
    assert store.digest_files_pending(WEEK_46) and store.digest_written(WEEK_46) is None

    monkeypatch.setattr("research.digest.publish.write_atomic", write_atomic)
    rerun = research.weekly_digest(week=WEEK_46, now=SATURDAY_46)
    assert rerun.to_markdown() == digest.to_markdown()
    research.save_digest(rerun, out=out, now=datetime(2026, 11, 14, 13, tzinfo=timezone.utc))
    assert (out / "2026-W46.md").read_text() == digest.to_markdown()
    assert not store.digest_files_pending(WEEK_46) and store.digest_written(WEEK_46) is not None

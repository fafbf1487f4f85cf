"""Digest files get the permissions the user's umask allows, like any file they create.

They used to be 0600 whatever the umask (the mode of the temporary file they are written to), so
a web server could not serve feed.xml. A file being replaced keeps the mode it had.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

import research
from research.cli import app
from research.store.files import write_atomic

from .server import Reply, TestServer

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


@pytest.fixture
def umask() -> Iterator[None]:
    """Let a test set the umask, and put the runner's back afterwards."""
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.usefixtures("umask")
@pytest.mark.parametrize(("mask", "expected"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_a_new_file_gets_what_the_umask_allows(tmp_path: Path, mask: int, expected: int) -> None:
    os.umask(mask)
    target = tmp_path / "feed.xml"
    write_atomic(target, "<feed/>\n")
    assert mode(target) == expected
    assert target.read_text() == "<feed/>\n"
    assert [p.name for p in tmp_path.iterdir()] == ["feed.xml"]


@pytest.mark.usefixtures("umask")
@pytest.mark.parametrize("mask", [0o022, 0o077])
@pytest.mark.parametrize("kept", [0o640, 0o604, 0o444])
def test_a_replaced_file_keeps_its_mode_whatever_the_umask(
    tmp_path: Path, mask: int, kept: int
) -> None:
    target = tmp_path / "2026-W47.md"
    target.write_text("old\n")
    target.chmod(kept)
    os.umask(mask)
    write_atomic(target, "new\n")
    assert mode(target) == kept
    assert target.read_text() == "new\n"


@pytest.mark.usefixtures("umask")
def test_research_digest_writes_files_a_web_server_can_read(
    server: TestServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    empty = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'
    for path in ("/google", "/bing"):
        server.route(path, Reply(200, empty))
    monkeypatch.setenv("RESEARCH_GOOGLE_NEWS_URL", server.url("/google"))
    monkeypatch.setenv("RESEARCH_BING_NEWS_URL", server.url("/bing"))
    research.watch(["acme-corp"])
    out = tmp_path / "site"

    result = CliRunner().invoke(app, ["digest", "--out", str(out)])

    assert result.exit_code == 0, result.stderr
    written = [Path(line) for line in result.stdout.splitlines()]
    assert {p.name for p in written} >= {"feed.xml"} and len(written) == 3
    assert {p: mode(p) for p in written} == dict.fromkeys(written, 0o644)


@pytest.mark.usefixtures("umask")
def test_the_signature_file_is_private_whatever_the_umask(tmp_path: Path) -> None:
    """The config file holds a name, phone and email: readable by its owner only, even when
    it was readable by others before."""
    os.umask(0o002)
    config = tmp_path / "config.toml"
    config.write_text("", encoding="utf-8")
    config.chmod(0o644)
    done = CliRunner().invoke(
        app, ["config", "set", "signature.email", "ann@example.com"],
        env={"RESEARCH_CONFIG": str(config), "RESEARCH_HOME": str(tmp_path / "home")},
    )  # fmt: skip
    assert done.exit_code == 0, done.output
    assert mode(config) == 0o600
    assert "ann@example.com" in config.read_text(encoding="utf-8")
    write_atomic(tmp_path / "notes.md", "x", private=True)
    assert mode(tmp_path / "notes.md") == 0o600

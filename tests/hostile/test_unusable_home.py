"""Issue 13, item 6: RESEARCH_HOME pointing at a file is an error that names the path and the
remedy, not an empty watchlist or "No saved profiles"."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import research
from research.cli import app

from ..helpers import RECORDED_AT


@pytest.fixture
def home_is_a_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    home = tmp_path / "research-home"
    home.write_text("not a folder\n")
    monkeypatch.setenv("RESEARCH_HOME", str(home))
    return home


@pytest.mark.parametrize(
    "command",
    [
        ["digest"],
        ["company", "list"],
        ["watch", "list"],
        ["acme-corp"],
        ["acme-corp", "--offline"],
        ["note", "acme-corp", "--to", "Jane Doe", "--role", "analyst"],
        ["company", "add", "acme-corp", "--domain", "acme.com"],
        ["watch", "add", "acme-corp"],
    ],
)
def test_every_command_names_the_file_in_the_way(
    home_is_a_file: Path, acme_replay: Path, command: list[str]
) -> None:
    if command[0] in ("acme-corp", "note") and "--offline" not in command:
        command = [*command, "--replay", str(acme_replay)]
    result = CliRunner().invoke(app, command)
    assert result.exit_code == 1, result.output
    (line,) = [x for x in result.stderr.splitlines() if x.startswith("error:")]
    assert f"{home_is_a_file} is a file, not a folder" in line
    assert "set RESEARCH_HOME to a folder" in line
    assert "watchlist is empty" not in result.output
    assert "No saved profiles" not in result.output
    assert not result.stdout.strip()


def test_a_folder_below_a_file_is_named_too(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "file").write_text("x")
    monkeypatch.setenv("RESEARCH_HOME", str(tmp_path / "file" / "research"))
    result = CliRunner().invoke(app, ["watch", "list"])
    assert result.exit_code == 1
    assert f"{tmp_path / 'file'} is a file, not a folder" in result.stderr


def test_a_home_that_does_not_exist_yet_is_still_an_empty_start(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("RESEARCH_HOME", str(tmp_path / "new" / "home"))
    result = CliRunner().invoke(app, ["watch", "list"])
    assert result.exit_code == 0
    assert "The watchlist is empty" in result.stdout


def test_the_library_raises_store_error_naming_the_path(home_is_a_file: Path) -> None:
    with pytest.raises(research.StoreError, match="is a file, not a folder"):
        research.list_companies()
    with pytest.raises(research.StoreError, match="is a file, not a folder"):
        research.weekly_digest(now=RECORDED_AT)

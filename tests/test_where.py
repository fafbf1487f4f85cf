"""`research where`: the paths the tool uses now, whether each exists, and that it creates none."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from research.cli import app
from research.config import default_home

from .server import Reply, TestServer

runner = CliRunner()
PLACES = ["data_folder", "store", "cache", "digests", "config_file"]


def where(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["where", *args])
    return result.exit_code, result.stdout, result.stderr


def test_a_fresh_home_is_shown_and_nothing_is_created(tmp_path: Path) -> None:
    home = tmp_path / "home"  # the conftest's RESEARCH_HOME, not made yet
    code, out, err = where()
    assert code == 0, err
    lines = out.splitlines()
    assert lines[:5] == [
        f"data folder  {home}  (not created yet)",
        f"store        {home / 'research.db'}  (not created yet)",
        f"cache        {home / 'cache.db'}  (not created yet)",
        f"digests      {home / 'digests'}  (not created yet)",
        f"config file  {home / 'config.toml'}  (not created yet)",
    ]
    assert "The data folder comes from RESEARCH_HOME." in out
    assert not home.exists()


def test_json_gives_each_path_its_kind_and_whether_it_exists(tmp_path: Path) -> None:
    code, out, _ = where("--json")
    assert code == 0
    document = json.loads(out)
    assert list(document) == PLACES
    assert document["data_folder"] == {
        "path": str(tmp_path / "home"),
        "kind": "folder",
        "exists": False,
        "from": "RESEARCH_HOME",
    }
    assert document["store"] == {
        "path": str(tmp_path / "home" / "research.db"),
        "kind": "file",
        "exists": False,
    }


def test_without_research_home_the_platform_folder_is_shown(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("RESEARCH_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))  # keep the real one out of it
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    code, out, _ = where("--json")
    assert code == 0
    document = json.loads(out)
    assert document["data_folder"]["path"] == str(default_home())
    assert document["data_folder"]["from"] == "default"
    assert "set RESEARCH_HOME to use another" in where()[1]


def test_a_file_where_the_data_folder_belongs_is_pointed_out(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("RESEARCH_HOME", str(blocker))
    code, out, _ = where()
    assert code == 0
    assert f"data folder  {blocker}  (not a folder: move it away)" in out
    assert json.loads(where("--json")[1])["data_folder"]["exists"] is False


def test_a_blank_research_home_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RESEARCH_HOME", "  ")
    code, out, err = where()
    assert code == 2
    assert out == ""
    assert err.startswith("error: RESEARCH_HOME is empty")


def test_after_a_digest_the_paths_shown_are_the_ones_written(
    server: TestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'
    server.route("/search", Reply(200, empty))
    monkeypatch.setenv("RESEARCH_GOOGLE_NEWS_URL", server.url("/search"))
    monkeypatch.setenv("RESEARCH_BING_NEWS_URL", server.url("/search"))
    assert runner.invoke(app, ["watch", "add", "acme-corp"]).exit_code == 0
    digest = runner.invoke(app, ["digest", "--format", "md"])
    assert digest.exit_code == 0, digest.output
    written = [Path(line) for line in digest.stdout.splitlines()]

    document = json.loads(where("--json")[1])
    assert {path.parent for path in written} == {Path(document["digests"]["path"])}
    for place in ("data_folder", "store", "digests"):
        assert document[place]["exists"] is True, place

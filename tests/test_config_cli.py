"""`research config`: the signature kept in a TOML file, where that file lives, and what happens
when it is damaged."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

import research.config
from research.cli import app
from research.store.config_file import ENV_HOME, config_path, read_config, toml_string

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

runner = CliRunner()


@pytest.fixture
def config_file(tmp_path: Path) -> Path:
    """Where the tests' RESEARCH_HOME puts the config file."""
    return tmp_path / "home" / "config.toml"


def test_set_get_show_unset(config_file: Path) -> None:
    for key, value in [("signature.name", "Ann Smith"), ("signature.email", "ann@example.com")]:
        assert runner.invoke(app, ["config", "set", key, value]).exit_code == 0
    assert tomllib.loads(config_file.read_text()) == {
        "signature": {"name": "Ann Smith", "email": "ann@example.com"}
    }
    got = runner.invoke(app, ["config", "get", "signature.name"])
    assert (got.exit_code, got.stdout) == (0, "Ann Smith\n")
    shown = runner.invoke(app, ["config", "show"])
    assert shown.stdout.splitlines() == [
        f"# {config_file}",
        'signature.name = "Ann Smith"',
        "# signature.phone is not set",
        'signature.email = "ann@example.com"',
        "# edgar.contact is not set",
    ]
    removed = runner.invoke(app, ["config", "unset", "signature.name"])
    assert removed.exit_code == 0 and "signature.name removed" in removed.stderr
    assert tomllib.loads(config_file.read_text()) == {"signature": {"email": "ann@example.com"}}
    missing = runner.invoke(app, ["config", "get", "signature.name"])
    assert missing.exit_code == 1 and missing.stdout == ""
    assert "signature.name is not set" in missing.stderr


def test_show_before_anything_is_saved_names_the_file(config_file: Path) -> None:
    shown = runner.invoke(app, ["config", "show"])
    assert shown.exit_code == 0
    assert shown.stdout.splitlines()[0] == f"# {config_file} (not created yet)"
    assert not config_file.exists()


def test_unset_of_a_key_never_set_creates_nothing(config_file: Path) -> None:
    done = runner.invoke(app, ["config", "unset", "signature.phone"])
    assert done.exit_code == 0 and "signature.phone was not set" in done.stderr
    assert not config_file.exists()


@pytest.mark.parametrize(
    "command", [["set", "signature.nmae", "Ann"], ["get", "name"], ["unset", "phone"]]
)
def test_unknown_keys_are_refused_with_the_known_ones(
    config_file: Path, command: list[str]
) -> None:
    done = runner.invoke(app, ["config", *command])
    assert done.exit_code == 2
    assert "unknown key" in done.stderr
    assert "the known keys are signature.name, signature.phone, signature.email" in done.stderr
    assert not config_file.exists()


@pytest.mark.parametrize(
    ("key", "value", "problem"),
    [
        ("signature.email", "ann-at-example", "must be an address like ann@example.com"),
        ("signature.phone", "none", "must contain a number"),
        ("signature.name", "   ", "must be 1 to 120 characters"),
        ("signature.name", "Ann\nSmith", "must be one line"),
    ],
)
def test_bad_values_are_refused_and_the_file_kept(
    config_file: Path, key: str, value: str, problem: str
) -> None:
    assert runner.invoke(app, ["config", "set", "signature.name", "Ann Smith"]).exit_code == 0
    before = config_file.read_bytes()
    done = runner.invoke(app, ["config", "set", key, value])
    assert done.exit_code == 2 and problem in done.stderr
    assert config_file.read_bytes() == before


def test_quotes_and_backslashes_survive_the_round_trip(config_file: Path) -> None:
    name = 'Ann "Nan" O\'Brien \\ Smith'
    assert runner.invoke(app, ["config", "set", "signature.name", name]).exit_code == 0
    assert read_config(config_file) == {"signature.name": name}
    assert runner.invoke(app, ["config", "get", "signature.name"]).stdout == name + "\n"


@given(st.text(max_size=60))
def test_toml_string_is_read_back_as_written(value: str) -> None:
    assert tomllib.loads(f"key = {toml_string(value)}") == {"key": value}


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ('[signature]\nname = "Ann\n', "is damaged (Illegal character"),
        (b"\xff\xfe[signature]", "is damaged ('utf-8' codec"),
        ('[signature]\ntitle = "Dr."\n', "has an unknown key 'signature.title'"),
        ('name = "Ann"\n', "has an unknown key 'name'"),
        (
            "[signature]\nphone = 5550100\n",
            'signature.phone must be text in quotes, like phone = "5550100"',
        ),
        ('[signature]\nemail = "nobody"\n', "signature.email must be an address"),
    ],
)
@pytest.mark.parametrize(
    "command", [["show"], ["get", "signature.name"], ["set", "signature.name", "Bob"]]
)
def test_a_damaged_file_is_named_and_never_overwritten(
    config_file: Path, content: str | bytes, problem: str, command: list[str]
) -> None:
    config_file.parent.mkdir(parents=True)
    if isinstance(content, str):
        config_file.write_text(content)
    else:
        config_file.write_bytes(content)
    before = config_file.read_bytes()
    done = runner.invoke(app, ["config", *command])
    assert done.exit_code == 2, done.stderr
    assert done.stderr.startswith(f"error: the config file {config_file}")
    assert problem in done.stderr
    assert "Traceback" not in done.stderr
    assert config_file.read_bytes() == before


def test_a_folder_where_the_file_should_be_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RESEARCH_CONFIG", str(tmp_path))
    done = runner.invoke(app, ["config", "set", "signature.name", "Ann"])
    assert done.exit_code != 0
    assert f"cannot read the config file {tmp_path}" in done.stderr


def test_a_file_where_the_folder_should_be_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("RESEARCH_CONFIG", str(blocker / "config.toml"))
    done = runner.invoke(app, ["config", "set", "signature.name", "Ann"])
    assert done.exit_code == 2
    assert done.stderr.startswith(f"error: cannot read the config file {blocker / 'config.toml'}")
    assert blocker.read_text() == ""


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs a folder nobody can create in")
def test_an_unwritable_place_is_an_error_not_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    target = Path("/proc/research-test/config.toml")
    monkeypatch.setenv("RESEARCH_CONFIG", str(target))
    done = runner.invoke(app, ["config", "set", "signature.name", "Ann"])
    assert done.exit_code == 1
    assert done.stderr.startswith(f"error: cannot write {target}")
    assert "Traceback" not in done.stderr


# Where the file lives.


def test_research_config_names_the_file_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RESEARCH_CONFIG", str(tmp_path / "mine.toml"))
    assert config_path() == tmp_path / "mine.toml"
    assert runner.invoke(app, ["config", "set", "signature.name", "Ann"]).exit_code == 0
    assert (tmp_path / "mine.toml").is_file()
    assert not (tmp_path / "home" / "config.toml").exists()


def test_research_home_holds_the_config_file_beside_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RESEARCH_HOME", str(tmp_path / "elsewhere"))
    assert config_path() == tmp_path / "elsewhere" / "config.toml"
    assert config_path().parent == research.config.load_settings().home
    assert ENV_HOME == research.config.ENV_HOME


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG is the Linux convention")
def test_without_overrides_the_file_is_in_xdg_config_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("RESEARCH_HOME")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert config_path() == tmp_path / "xdg" / "research" / "config.toml"
    monkeypatch.delenv("XDG_CONFIG_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "user"))
    assert config_path() == tmp_path / "user" / ".config" / "research" / "config.toml"


@pytest.mark.parametrize("variable", ["RESEARCH_CONFIG", "RESEARCH_HOME"])
def test_a_blank_location_is_refused(monkeypatch: pytest.MonkeyPatch, variable: str) -> None:
    monkeypatch.setenv(variable, "   ")
    done = runner.invoke(app, ["config", "show"])
    assert done.exit_code == 2 and f"{variable} is" in done.stderr


def test_config_is_listed_in_the_help_and_loads_no_http_library() -> None:
    assert "  config " in runner.invoke(app, ["--help"]).stdout
    code = (
        "import sys; from research.cli import main; sys.argv = ['research', 'config', 'show']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('httpx' in sys.modules, file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stderr.strip().splitlines()[-1] == "False"

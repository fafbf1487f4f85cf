"""The public API is typed for its users: research ships py.typed, and a program written as a
note writer would write it passes `mypy --strict` (tests/typing/user_script.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "tests" / "typing" / "user_script.py"


def _strict_mypy(target: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """mypy --strict on ``target`` alone, as a user's project: the packages are found on
    MYPYPATH (an editable install's import hook is invisible to mypy); errors inside them are
    not reported (--follow-imports=silent), as for any installed package."""
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--follow-imports=silent",
         "--cache-dir", str(cwd / "cache"), "--python-version", "3.10", str(target)],
        capture_output=True, text=True, cwd=cwd, timeout=300,
        env={**os.environ, "MYPYPATH": str(ROOT)},
    )  # fmt: skip


def test_both_packages_ship_py_typed() -> None:
    assert (ROOT / "research" / "py.typed").is_file()
    assert (ROOT / "sources" / "py.typed").is_file()
    package_data = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"research" = ["py.typed"]' in package_data
    assert '"sources" = ["py.typed"]' in package_data


def test_a_user_script_passes_strict_mypy(tmp_path: Path) -> None:
    pytest.importorskip("mypy")
    done = _strict_mypy(SCRIPT, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_wrong_tone_is_a_type_error(tmp_path: Path) -> None:
    """The check above can fail: a tone outside the Literal is reported."""
    pytest.importorskip("mypy")
    wrong = tmp_path / "wrong.py"
    wrong.write_text(
        "import research\n"
        "def sentence(event: research.Event) -> str:\n"
        "    return research.congratulate(event, tone='cheerful').text\n",
        encoding="utf-8",
    )
    done = _strict_mypy(wrong, tmp_path)
    assert done.returncode == 1
    assert "tone" in done.stdout and "cheerful" in done.stdout, done.stdout

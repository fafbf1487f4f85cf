"""A mistyped command stops with a suggestion; a company with a similar name is researched."""

from __future__ import annotations

import pytest
import typer.main
from typer.testing import CliRunner

from research.cli import app
from research.cli.app import near_command

runner = CliRunner()
COMMANDS = list(typer.main.get_command(app).commands)  # type: ignore[attr-defined]

SLIPS = {
    "wach": "watch",  # a letter left out
    "wtch": "watch",
    "nte": "note",
    "digst": "digest",
    "compny": "company",
    "wacth": "watch",  # two neighbours swapped
    "noet": "note",
    "digset": "digest",
    "comapny": "company",
    "watchh": "watch",  # a letter typed twice
    "notee": "note",
    "newss": "news",
    "evall": "eval",
    "watvh": "watch",  # one letter replaced, in a name of five letters or more
    "digesr": "digest",
    "wherr": "where",
}
# Real or realistic company names near a command's name: each must be researched.
COMPANIES = [
    "acme-corp", "nvidia", "notion", "Notion", "note-ai", "notable", "notes", "noted",
    "watchguard", "Watchguard", "swatch", "match", "patch", "watcher", "watches",
    "digester", "Digester Inc", "digester-inc", "digests", "evaluate", "Evaluate Pharma",
    "evaluate-pharma", "evals", "mews", "nets", "newt", "newsy", "news-corp", "node", "nate",
    "Company", "companies", "compass", "configa", "Watch", "Wach", "W4ch", "wach-ai", "3m",
    "mp", "mc", "mpc", "mcpp", "mmcp",  # a three-letter command (mcp) has no slips
]  # fmt: skip


@pytest.mark.parametrize(("typo", "command"), SLIPS.items())
def test_a_slip_of_a_command_name_is_recognised(typo: str, command: str) -> None:
    assert near_command(typo, COMMANDS) == command


@pytest.mark.parametrize("name", COMPANIES)
def test_a_company_with_a_similar_name_is_not_taken_for_a_typo(name: str) -> None:
    assert near_command(name, COMMANDS) is None


def test_commands_themselves_are_not_near_misses() -> None:
    assert [command for command in COMMANDS if near_command(command, COMMANDS)] == []


def test_a_typo_stops_with_a_suggestion_and_the_way_to_research_that_name() -> None:
    result = runner.invoke(app, ["wach"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "error: no command 'wach'. Did you mean 'watch'? To research a company with that "
        "name, run: research news wach\n"
    )


def test_a_typo_with_options_after_it_is_refused_too() -> None:
    result = runner.invoke(app, ["digets", "--offline"])
    assert result.exit_code == 2
    assert "Did you mean 'digest'?" in result.stderr


@pytest.mark.parametrize(
    "words", [["news", "wach"], ["notion"], ["Company"], ["Digester Inc"], ["swatch"]]
)
def test_news_name_and_similar_names_are_researched(words: list[str]) -> None:
    """Offline with an empty store: the run reaches the sources, which have nothing yet."""
    result = runner.invoke(app, [*words, "--offline"])
    assert result.exit_code == 1, result.output
    assert "no command" not in result.stderr
    assert "every source failed" in result.stderr
    assert "run once without --offline" in result.stderr


def test_options_before_the_company_are_not_checked_as_a_command() -> None:
    result = runner.invoke(app, ["--days", "7", "wach", "--offline"])
    assert result.exit_code == 1
    assert "no command" not in result.stderr

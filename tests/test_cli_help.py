"""Every help screen of `research`, rendered: clean metavars, help for each option, choices
listed, the top-level help showing the main command; and shell completion."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, get_args

import pytest
import typer.main
from typer.testing import CliRunner

from research.cli import app
from research.cli.app import DEFAULT_COMMAND, HELP_ORDER, KEY_OPTIONS
from research.cli.common import ToneChoice
from research.cli.helptext import annotations, choices

runner = CliRunner()
# What Typer 0.27 and later print for a value when left to themselves.
LEAKED = ("<str>", "<int", "<float", "<path>", "<bool", "{", "list[", "Path]", "str]")


def walk(command: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    """Every command and group below the root, with the words that reach it."""
    yield path, command
    for name, subcommand in getattr(command, "commands", {}).items():
        yield from walk(subcommand, (*path, name))


ROOT = typer.main.get_command(app)
COMMANDS = dict(walk(ROOT))


def help_of(path: tuple[str, ...]) -> str:
    result = runner.invoke(app, [*path, "--help"], prog_name="research")
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_walk_finds_every_command_and_subcommand() -> None:
    assert {("news",), ("where",), ("eval",), ("company", "add"), ("watch", "list")} <= set(
        COMMANDS
    )
    assert set(HELP_ORDER) >= {path[0] for path in COMMANDS if path}


@pytest.mark.parametrize("path", sorted(COMMANDS), ids=lambda path: " ".join(path) or "root")
def test_each_help_screen_reads_well(path: tuple[str, ...]) -> None:
    command = COMMANDS[path]
    text = help_of(path)
    assert not [leak for leak in LEAKED if leak in text], text
    found = annotations(command)
    for param in command.params:
        if getattr(param, "hidden", False):
            continue
        assert param.help, (path, param.name)  # every argument and option says what it is for
        for option in param.opts:
            if option.startswith("-"):
                assert re.search(rf"(^|[ ,]){re.escape(option)}\b", text, re.M), (path, option)
        allowed = choices(found.get(param.name))
        if allowed:
            assert "[" + "|".join(allowed) + "]" in text, (path, param.name)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (("news",), ["Usage: research news [OPTIONS] COMPANY", "  COMPANY  ", "--days N "]),
        (("news",), ["--tone [formal|warm] ", "--replay PATH ", "--limit N "]),
        (("note",), ["--tone [formal|warm] ", "--to TEXT "]),
        (("eval",), ["Usage: research eval [OPTIONS] FILES...", "  FILES...  ", "--show N "]),
        (("watch", "add"), ["Usage: research watch add [OPTIONS] COMPANIES...", "COMPANIES..."]),
        (("company", "add"), ["Usage: research company add [OPTIONS] COMPANY", "--name TEXT"]),
        (("where",), ["Usage: research where [OPTIONS]", "--json "]),
    ],
)
def test_metavars_are_the_names_a_reader_expects(
    path: tuple[str, ...], expected: list[str]
) -> None:
    text = help_of(path)
    for piece in expected:
        assert piece in text, (piece, text)


def test_group_help_lists_each_command_with_its_whole_first_sentence() -> None:
    text = help_of(("company",))
    assert "Create or update a profile; options given replace the saved ones." in text
    assert "..." not in text.split("Commands:")[1]


def test_top_level_help_shows_the_main_usage_and_its_key_options() -> None:
    text = help_of(())
    assert text.startswith("Usage: research COMPANY [OPTIONS]\n   or: research COMMAND [ARGS]...")
    key_section = text.split("Options of research COMPANY:")[1].split("\nOptions:")[0]
    rows = [line.split()[0] for line in key_section.splitlines() if line.startswith("  --")]
    assert rows == list(KEY_OPTIONS)
    assert "--tone [formal|warm]" in key_section and "--days N " in key_section
    assert f"research {DEFAULT_COMMAND} --help" in key_section
    commands = text.split("Commands:")[1]
    for name in HELP_ORDER:
        if (name,) in COMMANDS:
            assert f"\n  {name} " in commands, name
    for option in ("--version", "--install-completion", "--show-completion", "-h, --help"):
        assert option in text.split("\nOptions:")[1]


def test_no_arguments_prints_the_top_level_help() -> None:
    result = runner.invoke(app, [], prog_name="research")
    assert "Usage: research COMPANY [OPTIONS]" in result.output


def test_tone_takes_exactly_the_library_tones() -> None:
    from research.write.note import Tone

    assert get_args(ToneChoice) == get_args(Tone)
    result = runner.invoke(app, ["acme-corp", "--tone", "loud", "--offline"])
    assert result.exit_code == 2
    assert "'loud' is not one of 'formal', 'warm'" in result.stderr


def complete(words: str, env: dict[str, str] | None = None) -> list[str]:
    """What the shell script `--install-completion` installs gets back for the last word."""
    cword = str(len(words.split()) - (0 if words.endswith(" ") else 1))
    result = runner.invoke(
        app,
        [],
        prog_name="research",
        env={"_RESEARCH_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": cword},
    )
    assert result.exit_code == 0, result.output
    return result.stdout.split()


def test_completion_knows_commands_options_and_choices() -> None:
    assert complete("research wh") == ["where"]
    assert complete("research company a") == ["add"]
    assert complete("research acme-corp --da") == ["--days"]
    assert complete("research acme-corp --tone ") == ["formal", "warm"]


def test_completion_after_a_near_miss_still_completes_the_company_s_options() -> None:
    """A typo is refused when the command runs, never while the shell asks for completions."""
    assert complete("research wach --da") == ["--days"]


def test_completion_script_is_shown_for_bash() -> None:
    result = runner.invoke(app, [], prog_name="research", env={"_RESEARCH_COMPLETE": "source_bash"})
    assert "complete -o default -F _research_completion research" in result.stdout

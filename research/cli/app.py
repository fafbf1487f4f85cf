"""The root command group: ``research COMPANY`` next to the subcommands.

The root group treats a first word that is not a subcommand as a company for the default
``news`` command (``research news digest`` researches a company literally called "digest"),
except a near miss of a subcommand's name (``research wach``), which stops with a suggestion.
Its help shows both usages and the main command's key options (see also helptext.py).
"""

from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from .helptext import ReadableHelp, adopt, parameter_rows

DEFAULT_COMMAND = "news"
# The order the help lists commands in: the everyday ones first, whatever the import order.
HELP_ORDER = (
    "news",
    "note",
    "article",
    "digest",
    "watch",
    "company",
    "config",
    "where",
    "mcp",
    "eval",
)
# The default command's options that the top-level help shows; `research news --help` has all.
KEY_OPTIONS = ("--days", "--limit", "--topic", "--tone", "--json", "--offline", "--replay")
# Names of five letters or more may have one letter replaced: in shorter ones that makes
# other words (news: mews, nets; note: node, nate), which may be companies.
SHORTEST_TO_REPLACE = 5
# A name of three letters has no slips: one letter off "mcp" is "mp" or "mc", which may be
# companies.
SHORTEST_WITH_SLIPS = 4


class DefaultCommandGroup(ReadableHelp, TyperGroup):
    """A group that runs DEFAULT_COMMAND when the first argument is not a subcommand."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        for command in self.commands.values():
            adopt(command)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in self._own_options(ctx):
            if not ctx.resilient_parsing:  # shell completion parses what was typed so far
                refuse_near_miss(args[0], self.list_commands(ctx))
            args = [DEFAULT_COMMAND, *args]
        return super().parse_args(ctx, args)

    def _own_options(self, ctx: Any) -> set[str]:
        """--help, --version and the completion options; any other option is the company's."""
        return {name for param in self.get_params(ctx) for name in param.opts}

    def list_commands(self, ctx: Any) -> list[str]:
        known = [name for name in HELP_ORDER if name in self.commands]
        return known + [name for name in super().list_commands(ctx) if name not in known]

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        formatter.write_usage(ctx.command_path, "COMPANY [OPTIONS]")
        formatter.write_usage(ctx.command_path, "COMMAND [ARGS]...", prefix="   or: ")

    def format_options(self, ctx: Any, formatter: Any) -> None:
        self._format_key_options(ctx, formatter)
        super().format_options(ctx, formatter)

    def _format_key_options(self, ctx: Any, formatter: Any) -> None:
        """The main command's everyday options, from the command itself so the help agrees."""
        command = self.commands.get(DEFAULT_COMMAND)
        if command is None:
            return
        _, options = parameter_rows(command, type(ctx)(command, parent=ctx, info_name=command.name))
        rows = [row for key in KEY_OPTIONS for row in options if row[0].split()[0] == key]
        with formatter.section(f"Options of {ctx.command_path} COMPANY"):
            formatter.write_dl(rows)
            formatter.write_paragraph()
            formatter.write_text(f"All options: {ctx.command_path} {DEFAULT_COMMAND} --help")


def refuse_near_miss(word: str, commands: list[str]) -> None:
    """Stop with a usage error (exit 2) when ``word`` is a slip of a command's name."""
    command = near_command(word, commands)
    if command is not None:
        typer.echo(
            f"error: no command {word!r}. Did you mean {command!r}? To research a company "
            f"with that name, run: research {DEFAULT_COMMAND} {word}",
            err=True,
        )
        raise typer.Exit(2)


def near_command(word: str, commands: list[str]) -> str | None:
    """The command ``word`` is a slip of, if any; anything else is taken for a company.

    Only a word typed as commands are (lower-case letters, nothing else) that keeps the
    command's first letter and has one slip: a letter left out (wach), two neighbours swapped
    (wacth), a letter typed twice (watchh), or in a longer name one letter replaced (watvh).
    So Notion, notion, note-ai, notes, swatch, match, digester, Company and mp are researched.
    """
    if not (word.isascii() and word.isalpha() and word.islower()):
        return None
    return next((command for command in commands if _one_slip(word, command)), None)


def _one_slip(word: str, name: str) -> bool:
    if word == name or word[:1] != name[:1] or len(name) < SHORTEST_WITH_SLIPS:
        return False
    positions = range(len(name))
    if len(word) == len(name) - 1:
        return any(name[:i] + name[i + 1 :] == word for i in positions)
    if len(word) == len(name) + 1:
        return any(name[: i + 1] + name[i:] == word for i in positions)
    if len(word) != len(name):
        return False
    swapped = any(name[:i] + name[i + 1] + name[i] + name[i + 2 :] == word for i in positions[:-1])
    replaced = sum(a != b for a, b in zip(word, name, strict=True)) == 1
    return swapped or (replaced and len(name) >= SHORTEST_TO_REPLACE)


app = typer.Typer(
    cls=DefaultCommandGroup,
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Find recent good news about a company to congratulate it on in a follow-up note.\n\n"
    'COMPANY is a slug like acme-corp or a quoted name ("Acme Corp"). A company named like a '
    "command is researched with: research news NAME",
)


def _version(value: bool) -> None:
    if value:
        from importlib import metadata

        typer.echo(f"research {metadata.version('research')}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Find recent good news about a company to congratulate it on in a follow-up note."""

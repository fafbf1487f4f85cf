"""The root command group: ``research COMPANY`` next to the subcommands.

The root group treats any first word that is not a subcommand as a company for the default
``news`` command (``research news digest`` researches a company literally called "digest").
"""

from typing import Annotated, Any

import typer
from typer.core import TyperGroup

DEFAULT_COMMAND = "news"
# The order the help lists commands in: the everyday ones first, whatever the import order.
HELP_ORDER = ("news", "note", "digest", "watch", "company", "eval")


class DefaultCommandGroup(TyperGroup):
    """A group that runs DEFAULT_COMMAND when the first argument is not a subcommand."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = [DEFAULT_COMMAND, *args]
        return super().parse_args(ctx, args)

    def list_commands(self, ctx: Any) -> list[str]:
        known = [name for name in HELP_ORDER if name in self.commands]
        return known + [name for name in super().list_commands(ctx) if name not in known]


app = typer.Typer(
    cls=DefaultCommandGroup,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Find recent good news about a company to congratulate it on in a follow-up note.\n\n"
    "Usage: research COMPANY [OPTIONS]   (COMPANY is a slug like acme-corp or a quoted name)",
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

"""The `research` command: a thin Typer layer over the library.

``research acme-corp`` works next to subcommands because the root group treats any first word that
is not a subcommand as a company for the default ``news`` command (``research news digest``
researches a company literally called "digest").
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from .errors import InvalidInput, ResearchError

DEFAULT_COMMAND = "news"


class DefaultCommandGroup(TyperGroup):
    """A group that runs DEFAULT_COMMAND when the first argument is not a subcommand."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = [DEFAULT_COMMAND, *args]
        return super().parse_args(ctx, args)


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


@app.command(DEFAULT_COMMAND)
def news(
    company: Annotated[
        str, typer.Argument(help='A slug (acme-corp) or a quoted name ("Acme Corp").')
    ],
    days: Annotated[int, typer.Option(min=1, max=365, help="Look back this many days.")] = 30,
    limit: Annotated[int, typer.Option(min=1, max=100, help="Show at most this many events.")] = 10,
    feed: Annotated[
        list[str] | None,
        typer.Option(
            "--feed", metavar="URL", help="Also read this RSS, Atom or JSON Feed URL (repeatable)."
        ),
    ] = None,
    alias: Annotated[
        list[str] | None,
        typer.Option(
            "--alias", metavar="NAME", help="Another name the company goes by (repeatable)."
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON document.")] = False,
    offline: Annotated[
        bool, typer.Option("--offline", help="Answer from the store only; no network.")
    ] = False,
    replay: Annotated[
        Path | None,
        typer.Option(help="Answer requests from a recording folder instead of the network."),
    ] = None,
    record: Annotated[
        Path | None,
        typer.Option(help="Save every response into this folder, for --replay or a bug report."),
    ] = None,
    verbose: Annotated[
        bool,
        typer.Option("-v", "--verbose", help="Also list skipped items and why, and log details."),
    ] = False,
) -> None:
    """Research COMPANY's recent good news and suggest a sentence for each event."""
    from .api import research
    from .render import format_problems, format_text, result_to_dict

    if verbose:
        logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
        for ours in ("research", "sources"):
            logging.getLogger(ours).setLevel(logging.INFO)

    try:
        result = research(
            company,
            days=days,
            limit=limit,
            feeds=feed or [],
            aliases=alias or [],
            offline=offline,
            replay=replay,
            record=record,
        )
    except InvalidInput as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    except ResearchError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    for line in format_problems(result):
        typer.echo(line, err=True)
    if as_json:
        typer.echo(json.dumps(result_to_dict(result), indent=2, ensure_ascii=False))
    else:
        typer.echo(format_text(result, verbose=verbose))
    if result.all_failed:
        if result.offline:
            advice = "Nothing is stored for it yet: run once without --offline."
        elif result.replayed:
            advice = "The recording has no usable answer for this company and these options."
        else:
            advice = "Check the network connection, or use --offline or --replay DIR."
        typer.echo(
            f"error: every source failed ({len(result.failures)}); nothing could be checked. {advice}",
            err=True,
        )
        raise typer.Exit(1)


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        sys.exit(130)

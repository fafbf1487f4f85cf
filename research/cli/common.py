"""What every command shares: option types, settings, error exits and terminal-safe output.

No ``from __future__ import annotations`` in this package: Typer would then evaluate every
option's annotation from its text, twice, at each start (about 25 ms of `research --help`); names
imported only for type checking are quoted instead.
"""

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal, NoReturn

import typer

from ..errors import ResearchError

if TYPE_CHECKING:
    from ..config import Settings
    from ..models import Company, Result


# --tone's values: research.write.note.Tone's (tests/test_cli_help.py checks they agree), written out
# because the CLI does not import the note at start. As a Literal, --tone lists them in its help
# and refuses anything else as a usage error.
ToneChoice = Literal["formal", "warm"]


def _check_allow_private(value: str | None) -> str | None:
    """--allow-private takes `all` or addresses and networks; anything else is a usage error."""
    if value is not None:
        from ..config import parse_allow_private  # lazy: config loads the HTTP library

        try:
            parse_allow_private(value, "--allow-private")
        except ResearchError as exc:
            raise typer.BadParameter(str(exc)) from None
    return value


AllowPrivate = Annotated[
    str | None,
    typer.Option(
        "--allow-private",
        metavar="LIST",
        callback=_check_allow_private,
        help="Also fetch from these private addresses (intranet feeds): `all` or a "
        "comma-separated list such as 127.0.0.1,10.20.0.0/16.",
    ),
]


# The options a research run and an article search share, written once.
AsJson = Annotated[bool, typer.Option("--json", help="Print one JSON document.")]
Offline = Annotated[bool, typer.Option("--offline", help="Answer from the store only; no network.")]
Replay = Annotated[
    Path | None,
    typer.Option(help="Answer requests from a recording folder instead of the network."),
]


# The names --source and --no-source take: sources.providers.registry.SWITCHABLE's (tests/test_cli_help.py
# checks they agree), written out because the CLI does not import the sources at start.
SOURCE_NAMES = "google-news, bing-news, gdelt, sec-edgar or wire"

SourcesOn = Annotated[
    list[str] | None,
    typer.Option(
        "--source",
        metavar="NAME",
        help=f"Switch a built-in source on for this run: {SOURCE_NAMES} (repeatable).",
    ),
]
SourcesOff = Annotated[
    list[str] | None,
    typer.Option(
        "--no-source",
        metavar="NAME",
        help="Switch a built-in source off for this run, e.g. gdelt (repeatable).",
    ),
]


def check_home() -> None:
    """Stop with StoreError when RESEARCH_HOME names a file: the library would carry on without
    profiles or cache, with only warnings. A bad setting is left for the library to report."""
    from ..config import load_settings
    from ..store.database import Database  # the store's own module is not needed to check

    try:
        settings = load_settings()
    except ResearchError:
        return
    Database(settings.store_path).check_folder()


def settings_for(allow_private: str | None) -> "Settings | None":
    """Settings with the --allow-private list, or None for the library's own defaults."""
    if allow_private is None:
        return None
    from ..config import load_settings

    return load_settings(allow_private=allow_private)


def check_tone(tone: str) -> None:
    """--tone takes formal or warm; anything else is a usage error (exit 2)."""
    if tone not in ("formal", "warm"):
        typer.echo(f"error: --tone must be formal or warm, not {tone!r}", err=True)
        raise typer.Exit(2)


def fail(exc: Exception) -> NoReturn:
    """One line on stderr; exit 2 for bad input, 1 for everything else."""
    typer.echo(f"error: {exc}", err=True)
    raise typer.Exit(2 if isinstance(exc, ValueError | LookupError) else 1) from None


def every_source_failed(result: "Result", outcome: str = "") -> NoReturn:
    """Say that no source answered, and what to try, then exit 1; ``outcome`` says what was not
    done because of it ("no note was written")."""
    if result.offline:
        advice = "Nothing is stored for it yet: run once without --offline."
    elif result.replayed:
        advice = "The recording has no usable answer for this company and these options."
    else:
        advice = "Check the network connection, or use --offline or --replay DIR."
    done = f", so {outcome}" if outcome else ""
    typer.echo(
        f"error: every source failed ({len(result.failures)}); nothing could be checked{done}. "
        f"{advice}",
        err=True,
    )
    raise typer.Exit(1)


def safe(text: str) -> str:
    """Text from servers and users with control characters and escape sequences removed."""
    from sources.parse.text import clean_text

    return clean_text(text)


def safe_block(text: str) -> str:
    return "\n".join(safe(line) for line in text.splitlines())


def print_company(company: "Company", as_json: bool, prefix: str = "") -> None:
    from ..write.render import company_to_dict, format_company

    if as_json:
        typer.echo(json.dumps(company_to_dict(company), indent=2, ensure_ascii=False))
    else:
        typer.echo(prefix + format_company(company))

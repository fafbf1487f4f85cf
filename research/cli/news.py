"""`research COMPANY` (the `news` command): the events worth congratulating, with sentences."""

import json
from pathlib import Path
from typing import Annotated

import typer

from ..errors import InvalidInput, ResearchError
from .app import DEFAULT_COMMAND, app
from .common import (
    AllowPrivate,
    AsJson,
    Offline,
    Replay,
    SourcesOff,
    SourcesOn,
    ToneChoice,
    check_home,
    check_tone,
    every_source_failed,
    settings_for,
)


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
    topic: Annotated[
        list[str] | None,
        typer.Option(
            "--topic",
            metavar="TEXT",
            help='What the interview was about, e.g. "supply chain"; events touching it rank first (repeatable).',
        ),
    ] = None,
    tone: Annotated[
        ToneChoice,
        typer.Option(help="The sentence's register: formal or warm (warm may address the reader)."),
    ] = "formal",
    variant: Annotated[
        int, typer.Option(min=0, max=2, help="Another phrasing of the sentence: 0, 1 or 2.")
    ] = 0,
    as_json: AsJson = False,
    offline: Offline = False,
    replay: Replay = None,
    record: Annotated[
        Path | None,
        typer.Option(help="Save every response into this folder, for --replay or a bug report."),
    ] = None,
    verbose: Annotated[
        bool,
        typer.Option("-v", "--verbose", help="Also list skipped items and why, and log details."),
    ] = False,
    allow_private: AllowPrivate = None,
    source: SourcesOn = None,
    no_source: SourcesOff = None,
) -> None:
    """Research COMPANY's recent good news and suggest a sentence for each event."""
    from ..api import research
    from ..write.render import format_problems, format_text, result_to_dict

    check_tone(tone)

    if verbose:
        from .verbose import log_progress

        log_progress()

    try:
        check_home()
        result = research(
            company,
            days=days,
            limit=limit,
            feeds=feed or [],
            aliases=alias or [],
            offline=offline,
            replay=replay,
            record=record,
            topics=topic or [],
            settings=settings_for(allow_private),
            sources=source or [],
            no_sources=no_source or [],
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
        typer.echo(format_text(result, verbose=verbose, tone=tone, variant=variant))
    if result.all_failed:
        every_source_failed(result)

"""`research article`: a recent trade piece about what the interview touched, worth sharing."""

import json
from typing import Annotated

import typer

from ..errors import ResearchError
from .app import app
from .common import (
    AllowPrivate,
    AsJson,
    Offline,
    Replay,
    SourcesOff,
    SourcesOn,
    check_home,
    fail,
    settings_for,
)


@app.command("article")
def article_command(
    topic: Annotated[
        str,
        typer.Option(
            metavar="TEXT", help='What the interview was about, e.g. "supply chain visibility".'
        ),
    ],
    company: Annotated[
        str | None,
        typer.Option(
            metavar="COMPANY",
            help="The company you talked to: pieces about it, or bad news for it, are skipped.",
        ),
    ] = None,
    competitor: Annotated[
        list[str] | None,
        typer.Option(
            "--competitor", metavar="NAME", help="Skip pieces naming this company (repeatable)."
        ),
    ] = None,
    days: Annotated[int, typer.Option(min=1, max=365, help="Look back this many days.")] = 30,
    limit: Annotated[int, typer.Option(min=1, max=50, help="Show at most this many.")] = 5,
    as_json: AsJson = False,
    offline: Offline = False,
    replay: Replay = None,
    verbose: Annotated[
        bool, typer.Option("-v", "--verbose", help="Also list skipped pieces and why.")
    ] = False,
    allow_private: AllowPrivate = None,
    source: SourcesOn = None,
    no_source: SourcesOff = None,
) -> None:
    """Find a recent trade or industry piece about TOPIC to offer in your note.

    The news searches are asked with the topic; pieces rank by how closely they match it, how
    recent and how substantial they are. Press releases, opinion pieces with no substance,
    paywalled teasers and pieces about the company itself are skipped.
    """
    from ..articles import find_articles
    from ..write.render import articles_to_dict, format_articles, format_problems

    try:
        check_home()
        found = find_articles(
            topic,
            company=company,
            days=days,
            limit=limit,
            competitors=competitor or [],
            offline=offline,
            replay=replay,
            settings=settings_for(allow_private),
            sources=source or [],
            no_sources=no_source or [],
        )
    except ResearchError as exc:
        fail(exc)
    for line in format_problems(found):
        typer.echo(line, err=True)
    if as_json:
        typer.echo(json.dumps(articles_to_dict(found), indent=2, ensure_ascii=False))
    else:
        typer.echo(format_articles(found, verbose=verbose))
    if found.all_failed:
        advice = (
            "Nothing is stored for this topic yet: run once without --offline."
            if found.offline
            else "The recording has no answer for this topic."
            if found.replayed
            else "Check the network connection, or use --offline or --replay DIR."
        )
        typer.echo(
            f"error: every source failed ({len(found.failures)}); nothing could be checked. "
            f"{advice}",
            err=True,
        )
        raise typer.Exit(1)

"""`research watch ...`: the companies the weekly digest covers."""

import json
from typing import Annotated

import typer

from ..errors import ResearchError
from .app import app
from .common import fail, safe

watch_app = typer.Typer(
    no_args_is_help=True,
    help="The watchlist: the companies the weekly digest covers.",
)
app.add_typer(watch_app, name="watch")


@watch_app.command("add")
def watch_add(
    companies: Annotated[
        list[str], typer.Argument(help="Slugs (acme-corp) or quoted names to watch.")
    ],
) -> None:
    """Add companies to the watchlist (a saved profile, if any, is used for each)."""
    from ..store.watchlist import watch

    try:
        placed = watch(companies)
    except ResearchError as exc:
        fail(exc)
    for company, (slug, added) in zip(companies, placed, strict=True):
        if not added:
            typer.echo(f"already watching {safe(slug)}")
        elif slug != _plain_slug(company):
            typer.echo(f"watching {safe(slug)} ({safe(company)}; {_plain_slug(company)} is taken)")
        else:
            typer.echo(f"watching {safe(slug)}")


def _plain_slug(company: str) -> str:
    from ..plan.company import resolve_company

    return resolve_company(company).slug


@watch_app.command("remove")
def watch_remove(
    companies: Annotated[list[str], typer.Argument(help="Slugs or names to stop watching.")],
) -> None:
    """Take companies off the watchlist (their profiles and saved digests stay)."""
    from ..store.watchlist import unwatch, watch_slugs

    try:
        slugs = watch_slugs(companies)
        removed = unwatch(companies)
    except ResearchError as exc:
        fail(exc)
    for slug in slugs:
        if slug in removed:
            typer.echo(f"stopped watching {safe(slug)}")
        else:
            typer.echo(f"warning: {safe(slug)} was not on the watchlist", err=True)


@watch_app.command("list")
def watch_list(
    as_json: Annotated[bool, typer.Option("--json", help="Print the watchlist as JSON.")] = False,
) -> None:
    """List watched companies with their profile summary and when each was last researched."""
    from ..store.watchlist import watched
    from ..write.render import format_watch_entry, watch_entry_to_dict

    try:
        entries = watched()
    except ResearchError as exc:
        fail(exc)
    if as_json:
        typer.echo(
            json.dumps([watch_entry_to_dict(e) for e in entries], indent=2, ensure_ascii=False)
        )
        return
    if not entries:
        typer.echo("The watchlist is empty. Add companies with: research watch add acme-corp")
    for entry in entries:
        typer.echo(format_watch_entry(entry))

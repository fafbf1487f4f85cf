"""`research company ...`: saved company profiles and newsroom discovery."""

import json
from pathlib import Path
from typing import Annotated

import typer

from ..errors import ResearchError
from .app import app
from .common import SOURCE_NAMES, AllowPrivate, fail, print_company, safe, settings_for

company_app = typer.Typer(
    no_args_is_help=True,
    help="Saved company profiles: names, domain, newsroom, feeds and exclude terms.",
)
app.add_typer(company_app, name="company")


@company_app.command("add")
def company_add(
    company: Annotated[str, typer.Argument(help="The profile's slug (acme-corp) or name.")],
    name: Annotated[str | None, typer.Option(help='Display name, e.g. "Acme Corp".')] = None,
    alias: Annotated[
        list[str] | None, typer.Option("--alias", metavar="NAME", help="Another name (repeatable).")
    ] = None,
    domain: Annotated[
        str | None,
        typer.Option(help="The company's web site, e.g. acme.com; its items always count."),
    ] = None,
    newsroom: Annotated[
        str | None, typer.Option(metavar="URL", help="The company's newsroom or press page.")
    ] = None,
    feed: Annotated[
        list[str] | None, typer.Option("--feed", metavar="URL", help="A feed to read (repeatable).")
    ] = None,
    exclude: Annotated[
        list[str] | None,
        typer.Option(
            "--exclude",
            metavar="TERM",
            help="Skip items naming this, e.g. a namesake (repeatable).",
        ),
    ] = None,
    cik: Annotated[
        str | None,
        typer.Option(
            metavar="NUMBER",
            help="Its SEC Central Index Key, e.g. 0000320193, when its name alone does not find "
            "it among SEC filers.",
        ),
    ] = None,
    wire: Annotated[
        list[str] | None,
        typer.Option(
            "--wire",
            metavar="URL",
            help="Its organisation feed on a press-release wire (repeatable).",
        ),
    ] = None,
    source: Annotated[
        list[str] | None,
        typer.Option(
            "--source",
            metavar="NAME",
            help=f"Switch a built-in source on for this company: {SOURCE_NAMES} (repeatable).",
        ),
    ] = None,
    no_source: Annotated[
        list[str] | None,
        typer.Option(
            "--no-source",
            metavar="NAME",
            help="Switch a built-in source off for this company (repeatable).",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the profile as JSON.")] = False,
) -> None:
    """Create or update a profile; options given replace the saved ones."""
    from ..store.profiles import add_company

    try:
        saved = add_company(
            company,
            name=name,
            aliases=alias or [],
            domain=domain,
            newsroom=newsroom,
            feeds=feed or [],
            exclude=exclude or [],
            cik=cik,
            wires=wire or [],
            sources=source or [],
            no_sources=no_source or [],
        )
    except ResearchError as exc:
        fail(exc)
    print_company(saved, as_json, prefix="saved ")


@company_app.command("show")
def company_show(
    company: Annotated[str, typer.Argument(help="The profile's slug or name.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the profile as JSON.")] = False,
) -> None:
    """Show a saved profile and what newsroom discovery found."""
    from ..store.profiles import get_company

    try:
        print_company(get_company(company), as_json)
    except ResearchError as exc:
        fail(exc)


@company_app.command("list")
def company_list(
    as_json: Annotated[bool, typer.Option("--json", help="Print the profiles as JSON.")] = False,
) -> None:
    """List saved profiles."""
    from ..store.profiles import damaged_companies, list_companies
    from ..write.render import company_to_dict

    try:
        damaged = damaged_companies()
        companies = list_companies()
    except ResearchError as exc:
        fail(exc)
    for slug in damaged:
        typer.echo(
            f"warning: the saved profile {slug!r} is damaged; remove it with "
            f"'research company remove {slug}' and add it again",
            err=True,
        )
    if as_json:
        typer.echo(
            json.dumps([company_to_dict(c) for c in companies], indent=2, ensure_ascii=False)
        )
        return
    if not companies:
        typer.echo(
            "No saved profiles. Add one with: research company add acme-corp --domain acme.com"
        )
    for company in companies:
        typer.echo(
            f"{safe(company.slug):<24} {safe(company.name):<32} {safe(company.domain or '-')}"
        )


@company_app.command("remove")
def company_remove(
    company: Annotated[str, typer.Argument(help="The profile's slug or name.")],
) -> None:
    """Delete a saved profile (the cached news stays)."""
    from ..store.profiles import remove_company

    try:
        remove_company(company)
    except ResearchError as exc:
        fail(exc)
    typer.echo(f"removed {company}")


@company_app.command("discover")
def company_discover(
    company: Annotated[str, typer.Argument(help="The profile's slug or name.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print what was found as JSON.")] = False,
    offline: Annotated[
        bool,
        typer.Option("--offline", help="Show what the last discovery saved; no network."),
    ] = False,
    replay: Annotated[
        Path | None,
        typer.Option(
            metavar="DIR",
            help="Ask a recording folder instead of the network; nothing is saved.",
        ),
    ] = None,
    allow_private: AllowPrivate = None,
) -> None:
    """Look for the company's feeds and newsroom pages again, and save what was found."""
    from datetime import timezone

    from ..store.profiles import discover_company
    from ..write.render import company_to_dict, format_discovery

    try:
        profile, discovery = discover_company(
            company, settings=settings_for(allow_private), offline=offline, replay=replay
        )
    except ResearchError as exc:
        fail(exc)
    if as_json:
        document = {
            **company_to_dict(profile),
            "notes": list(discovery.notes),
            "requests": discovery.requests,
            "offline": offline,
            "replayed": replay is not None,
        }
        typer.echo(json.dumps(document, indent=2, ensure_ascii=False))
        return
    if offline:
        saved_at = profile.discovered_at
        when = f"{saved_at.astimezone(timezone.utc):%Y-%m-%d %H:%M} UTC" if saved_at else "?"
        head = f"discovery saved {when} for {safe(discovery.site)} (offline: nothing was asked)"
    else:
        head = f"discovery on {safe(discovery.site)} ({discovery.requests} requests)"
        if replay is not None:
            head += ", replayed from a recording: nothing was saved"
    typer.echo(f"{profile.slug}: {head}")
    for line in format_discovery(discovery.feeds, discovery.pages, discovery.notes, "  "):
        typer.echo(line)

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
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from .errors import InvalidInput, ResearchError

if TYPE_CHECKING:
    from .models import Company

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
    topic: Annotated[
        list[str] | None,
        typer.Option(
            "--topic",
            metavar="TEXT",
            help='What the interview was about, e.g. "supply chain"; events touching it rank first (repeatable).',
        ),
    ] = None,
    tone: Annotated[
        str,
        typer.Option(help="The sentence's register: formal or warm (warm may address the reader)."),
    ] = "formal",
    variant: Annotated[
        int, typer.Option(min=0, max=2, help="Another phrasing of the sentence: 0, 1 or 2.")
    ] = 0,
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

    _check_tone(tone)

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
            topics=topic or [],
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


@app.command("eval")
def evaluate_command(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="Labelled headlines: JSON lines, JSON or CSV (title, company, label[, kind])."
        ),
    ],
    show: Annotated[
        int, typer.Option(min=0, max=1000, help="Also list this many harmful picks and misses.")
    ] = 0,
) -> None:
    """Measure the classifier on labelled headlines: harm, leak, coverage, kinds, speed."""
    import time

    from .evaluate import classifier_verdict, evaluate, format_evaluation
    from .labelled import load_labelled

    for path in files:
        try:
            rows = load_labelled(path)
        except ResearchError as exc:
            _fail(exc)
        started = time.perf_counter()
        result = evaluate(rows, classifier_verdict, examples=show)
        typer.echo(format_evaluation(path.name, result, time.perf_counter() - started))
        for row in result.harmful_examples:
            typer.echo(f"  harmful pick: {_safe(row.company)} | {_safe(row.title)}")
        for row in result.missed_examples:
            typer.echo(f"  missed: {_safe(row.company)} | {_safe(row.title)}")


@app.command("note")
def note_command(
    company: Annotated[str, typer.Argument(help="A slug (acme-corp) or a quoted name.")],
    to: Annotated[str, typer.Option(help='Who the note is for, e.g. "Jane Doe".')],
    role: Annotated[str, typer.Option(help="The role you interviewed for.")],
    topic: Annotated[
        str | None, typer.Option(metavar="TEXT", help="What the interview was about.")
    ] = None,
    tone: Annotated[str, typer.Option(help="formal or warm.")] = "formal",
    days: Annotated[int, typer.Option(min=1, max=365, help="Look back this many days.")] = 30,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the note's parts as JSON.")
    ] = False,
    offline: Annotated[bool, typer.Option("--offline", help="Use stored news only.")] = False,
    replay: Annotated[
        Path | None, typer.Option(help="Answer requests from a recording folder.")
    ] = None,
) -> None:
    """Draft a short follow-up email that congratulates COMPANY on its best recent news."""
    from .api import draft_note
    from .render import format_problems, note_to_dict

    _check_tone(tone)
    try:
        from .api import research

        result = research(
            company, days=days, topics=[topic] if topic else [], offline=offline, replay=replay
        )
        note = draft_note(result, to=to, role=role, topic=topic, tone=tone)
    except ResearchError as exc:
        _fail(exc)
    for line in format_problems(result):
        typer.echo(line, err=True)
    for remark in note.remarks:
        typer.echo(f"note: {remark}", err=True)
    if as_json:
        typer.echo(json.dumps(note_to_dict(note), indent=2, ensure_ascii=False))
    else:
        typer.echo(_safe_block(note.text))


def _check_tone(tone: str) -> None:
    """--tone takes formal or warm; anything else is a usage error (exit 2)."""
    if tone not in ("formal", "warm"):
        typer.echo(f"error: --tone must be formal or warm, not {tone!r}", err=True)
        raise typer.Exit(2)


def _safe_block(text: str) -> str:
    return "\n".join(_safe(line) for line in text.splitlines())


company_app = typer.Typer(
    no_args_is_help=True,
    help="Saved company profiles: names, domain, newsroom, feeds and exclude terms.",
)
app.add_typer(company_app, name="company")


def _fail(exc: Exception) -> NoReturn:
    """One line on stderr; exit 2 for bad input, 1 for everything else."""
    typer.echo(f"error: {exc}", err=True)
    raise typer.Exit(2 if isinstance(exc, ValueError | LookupError) else 1) from None


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
    as_json: Annotated[bool, typer.Option("--json", help="Print the profile as JSON.")] = False,
) -> None:
    """Create or update a profile; options given replace the saved ones."""
    from .profiles import add_company

    try:
        saved = add_company(
            company,
            name=name,
            aliases=alias or [],
            domain=domain,
            newsroom=newsroom,
            feeds=feed or [],
            exclude=exclude or [],
        )
    except ResearchError as exc:
        _fail(exc)
    _print_company(saved, as_json, prefix="saved ")


@company_app.command("show")
def company_show(
    company: Annotated[str, typer.Argument(help="The profile's slug or name.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the profile as JSON.")] = False,
) -> None:
    """Show a saved profile and what newsroom discovery found."""
    from .profiles import get_company

    try:
        _print_company(get_company(company), as_json)
    except ResearchError as exc:
        _fail(exc)


@company_app.command("list")
def company_list(
    as_json: Annotated[bool, typer.Option("--json", help="Print the profiles as JSON.")] = False,
) -> None:
    """List saved profiles."""
    from .profiles import list_companies
    from .render import company_to_dict

    try:
        companies, damaged = list_companies()
    except ResearchError as exc:
        _fail(exc)
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
            f"{_safe(company.slug):<24} {_safe(company.name):<32} {_safe(company.domain or '-')}"
        )


@company_app.command("remove")
def company_remove(
    company: Annotated[str, typer.Argument(help="The profile's slug or name.")],
) -> None:
    """Delete a saved profile (the cached news stays)."""
    from .profiles import remove_company

    try:
        remove_company(company)
    except ResearchError as exc:
        _fail(exc)
    typer.echo(f"removed {company}")


@company_app.command("discover")
def company_discover(
    company: Annotated[str, typer.Argument(help="The profile's slug or name.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print what was found as JSON.")] = False,
) -> None:
    """Look for the company's feeds and newsroom pages again, and save what was found."""
    from .profiles import discover_company
    from .render import company_to_dict, format_discovery

    try:
        profile, discovery = discover_company(company)
    except ResearchError as exc:
        _fail(exc)
    if as_json:
        document = {
            **company_to_dict(profile),
            "notes": list(discovery.notes),
            "requests": discovery.requests,
        }
        typer.echo(json.dumps(document, indent=2, ensure_ascii=False))
        return
    typer.echo(f"{profile.slug}: discovery on {discovery.site} ({discovery.requests} requests)")
    for line in format_discovery(discovery.feeds, discovery.pages, discovery.notes, "  "):
        typer.echo(line)


def _print_company(company: Company, as_json: bool, prefix: str = "") -> None:
    from .render import company_to_dict, format_company

    if as_json:
        typer.echo(json.dumps(company_to_dict(company), indent=2, ensure_ascii=False))
    else:
        typer.echo(prefix + format_company(company))


def _safe(text: str) -> str:
    from sources.text import clean_text

    return clean_text(text)


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        sys.exit(130)

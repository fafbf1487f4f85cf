"""The `research` command: a thin Typer layer over the library.

``research acme-corp`` works next to subcommands because the root group treats any first word that
is not a subcommand as a company for the default ``news`` command (``research news digest``
researches a company literally called "digest").

No ``from __future__ import annotations`` here: Typer would then evaluate every option's
annotation from its text, twice, at each start (about 25 ms of `research --help`); names imported
only for type checking are quoted instead.
"""

import contextlib
import json
import logging
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from .errors import InvalidInput, ResearchError

if TYPE_CHECKING:
    from .config import Settings
    from .digest import Digest
    from .models import Company
    from .weekly import Progress

DEFAULT_COMMAND = "news"


def _check_allow_private(value: str | None) -> str | None:
    """--allow-private takes `all` or addresses and networks; anything else is a usage error."""
    if value is not None:
        from .config import parse_allow_private  # lazy: config loads the HTTP library

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


def _check_home() -> None:
    """Stop with StoreError when RESEARCH_HOME names a file: the library would carry on without
    profiles or cache, with only warnings. A bad setting is left for the library to report."""
    from .config import load_settings
    from .store import Store

    try:
        settings = load_settings()
    except ResearchError:
        return
    Store(settings.store_path).check_folder()


def _settings(allow_private: str | None) -> "Settings | None":
    """Settings with the --allow-private list, or None for the library's own defaults."""
    if allow_private is None:
        return None
    from .config import load_settings

    return load_settings(allow_private=allow_private)


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
    allow_private: AllowPrivate = None,
) -> None:
    """Research COMPANY's recent good news and suggest a sentence for each event."""
    from .api import research
    from .render import format_problems, format_text, result_to_dict

    _check_tone(tone)

    if verbose:
        handler = logging.StreamHandler()
        handler.setFormatter(_SafeFormatter("%(levelname)s %(name)s: %(message)s"))
        logging.basicConfig(level=logging.WARNING, handlers=[handler])
        for ours in ("research", "sources"):
            logging.getLogger(ours).setLevel(logging.INFO)

    try:
        _check_home()
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
            settings=_settings(allow_private),
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
    allow_private: AllowPrivate = None,
) -> None:
    """Draft a short follow-up email that congratulates COMPANY on its best recent news."""
    from .api import draft_note
    from .render import format_problems, note_to_dict

    _check_tone(tone)
    try:
        from .api import research
        from .note import greeting

        greeting(to, tone)  # a recipient that is only a title is refused before any fetching
        _check_home()
        result = research(
            company,
            days=days,
            topics=[topic] if topic else [],
            offline=offline,
            replay=replay,
            settings=_settings(allow_private),
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
    allow_private: AllowPrivate = None,
) -> None:
    """Look for the company's feeds and newsroom pages again, and save what was found."""
    from .profiles import discover_company
    from .render import company_to_dict, format_discovery

    try:
        profile, discovery = discover_company(company, settings=_settings(allow_private))
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
    from .watchlist import watch

    try:
        placed = watch(companies)
    except ResearchError as exc:
        _fail(exc)
    for company, (slug, added) in zip(companies, placed, strict=True):
        if not added:
            typer.echo(f"already watching {_safe(slug)}")
        elif slug != _plain_slug(company):
            typer.echo(
                f"watching {_safe(slug)} ({_safe(company)}; {_plain_slug(company)} is taken)"
            )
        else:
            typer.echo(f"watching {_safe(slug)}")


def _plain_slug(company: str) -> str:
    from .company import resolve_company

    return resolve_company(company).slug


@watch_app.command("remove")
def watch_remove(
    companies: Annotated[list[str], typer.Argument(help="Slugs or names to stop watching.")],
) -> None:
    """Take companies off the watchlist (their profiles and saved digests stay)."""
    from .company import resolve_company
    from .watchlist import unwatch

    try:
        removed = unwatch(companies)
    except ResearchError as exc:
        _fail(exc)
    for company in companies:
        slug = resolve_company(company).slug
        if slug in removed:
            typer.echo(f"stopped watching {_safe(slug)}")
        else:
            typer.echo(f"warning: {_safe(slug)} was not on the watchlist", err=True)


@watch_app.command("list")
def watch_list(
    as_json: Annotated[bool, typer.Option("--json", help="Print the watchlist as JSON.")] = False,
) -> None:
    """List watched companies with their profile summary and when each was last researched."""
    from .render import format_watch_entry, watch_entry_to_dict
    from .watchlist import watched

    try:
        entries = watched()
    except ResearchError as exc:
        _fail(exc)
    if as_json:
        typer.echo(
            json.dumps([watch_entry_to_dict(e) for e in entries], indent=2, ensure_ascii=False)
        )
        return
    if not entries:
        typer.echo("The watchlist is empty. Add companies with: research watch add acme-corp")
    for entry in entries:
        typer.echo(format_watch_entry(entry))


@app.command("digest")
def digest_command(
    week: Annotated[
        str | None,
        typer.Option(metavar="YYYY-Www", help="The ISO week, e.g. 2026-W47 (default: this week)."),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(help="Folder for the digest files (default: digests/ in the data folder)."),
    ] = None,
    formats: Annotated[
        str, typer.Option("--format", metavar="LIST", help="Comma-separated: md, html or md,html.")
    ] = "md,html",
    if_due: Annotated[
        bool,
        typer.Option(
            "--if-due",
            help="Only write digests not written yet: this week's, and last week's if it was "
            "written before the week ended. For a daily cron or systemd timer.",
        ),
    ] = False,
    allow_private: AllowPrivate = None,
) -> None:
    """Research every watched company and write the week's digest of good news."""
    from .weekly import digest_formats, due_weeks, save_digest, weekly_digest

    try:
        settings = _settings(allow_private)
        chosen_formats = digest_formats(formats.split(","))  # checked before any research
        weeks = due_weeks(week=week, settings=settings) if if_due else [week]
        if not weeks:
            typer.echo("nothing due: the digest is already written")
            return
        for chosen in weeks:
            digest = weekly_digest(week=chosen, settings=settings, progress=_progress_line())
            for warning in _digest_problems(digest):
                typer.echo(warning, err=True)
            if digest.nothing_answered:
                typer.echo(
                    f"error: no source answered for any watched company, so the {digest.week} "
                    "digest was not written (it is still due); check the network connection",
                    err=True,
                )
                raise typer.Exit(1)
            for path in save_digest(digest, out=out, formats=chosen_formats, settings=settings):
                typer.echo(str(path))
    except ResearchError as exc:
        _fail(exc)


def _digest_problems(digest: "Digest") -> list[str]:
    lines = [
        f"warning: {_safe(f.company)}: {_safe(f.source)} failed: {_safe(f.error)} [{f.reason}]"
        for f in digest.failures
    ]
    lines += [
        f"warning: {_safe(s.company.name)} could not be researched: {_safe(s.problem)}"
        for s in digest.sections
        if s.problem
    ]
    lines += [f"warning: {_safe(w)}" for w in digest.warnings]
    return lines


def _progress_line() -> "Progress | None":
    """A one-line progress counter on a terminal; nothing when piped or run by cron."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int, slug: str) -> None:
        end = "\n" if done == total else ""
        sys.stderr.write(f"\rresearched {done}/{total} companies ({slug[:30]})\x1b[K{end}")
        sys.stderr.flush()

    return show


def _print_company(company: "Company", as_json: bool, prefix: str = "") -> None:
    from .render import company_to_dict, format_company

    if as_json:
        typer.echo(json.dumps(company_to_dict(company), indent=2, ensure_ascii=False))
    else:
        typer.echo(prefix + format_company(company))


class _SafeFormatter(logging.Formatter):
    """Log lines quote what servers sent (a parser's complaint about a feed): keep the
    terminal safe from escape sequences in them, as for every other line we print."""

    def format(self, record: logging.LogRecord) -> str:
        return "\n".join(_safe(line) for line in super().format(record).splitlines())


def _safe(text: str) -> str:
    from sources.text import clean_text

    return clean_text(text)


# Signals that stop a run the way Ctrl-C does: the run is cancelled where it waits (sources and
# parse workers are stopped, nothing half-written is kept), "interrupted" goes to stderr and the
# exit code is 128 + the signal's number: 130 for Ctrl-C, 143 for SIGTERM, 129 for SIGHUP.
_STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)


def main() -> None:
    """Console-script entry point."""
    received: list[int] = []

    def stop(signum: int, frame: Any) -> None:
        received.append(signum)
        on_interrupt = signal.getsignal(signal.SIGINT)
        if callable(on_interrupt) and on_interrupt is not stop:
            # What Ctrl-C does now: asyncio.run's handler cancels the run's task (the run then
            # ends with KeyboardInterrupt), the default one raises KeyboardInterrupt here.
            on_interrupt(signal.SIGINT, frame)
        else:  # Ctrl-C is ignored (started in the background): stop all the same
            raise KeyboardInterrupt

    previous = {}
    for signum in _STOP_SIGNALS:
        with contextlib.suppress(ValueError, OSError):  # not the main thread, or not allowed
            previous[signum] = signal.signal(signum, stop)
    try:
        app()
    except KeyboardInterrupt:
        _interrupted(received)
    except SystemExit as exc:
        if _by_interrupt(exc) or received:
            _interrupted(received)
        raise
    else:
        if received:  # a signal came while the run was already finishing
            _interrupted(received)
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _by_interrupt(exc: BaseException) -> bool:
    """Whether this exit comes from a KeyboardInterrupt: Typer turns one into ``Exit(130)``."""
    seen: set[int] = set()
    cause: BaseException | None = exc
    while cause is not None and id(cause) not in seen:
        if isinstance(cause, KeyboardInterrupt):
            return True
        seen.add(id(cause))
        cause = cause.__cause__ or cause.__context__
    return isinstance(exc, SystemExit) and exc.code == 130


def _interrupted(received: list[int]) -> NoReturn:
    signum = received[0] if received else signal.SIGINT
    name = "" if signum == signal.SIGINT else f" ({signal.Signals(signum).name})"
    with contextlib.suppress(OSError, ValueError):  # stdout closed, or its reader gone
        sys.stdout.flush()
    with contextlib.suppress(OSError, ValueError):  # the terminal closed (SIGHUP)
        sys.stderr.write(f"interrupted{name}\n")
        sys.stderr.flush()
    raise SystemExit(128 + signum)

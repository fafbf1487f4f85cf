"""`research digest`: research every watched company and write the week's digest."""

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import ResearchError
from .app import app
from .common import AllowPrivate, fail, safe, settings_for

if TYPE_CHECKING:
    from ..digest import Digest
    from ..weekly import Progress


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
    from ..weekly import digest_formats, due_weeks, save_digest, weekly_digest

    try:
        settings = settings_for(allow_private)
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
        fail(exc)


def _digest_problems(digest: "Digest") -> list[str]:
    lines = [
        f"warning: {safe(f.company)}: {safe(f.source)} failed: {safe(f.error)} [{f.reason}]"
        for f in digest.failures
    ]
    lines += [
        f"warning: {safe(s.company.name)} could not be researched: {safe(s.problem)}"
        for s in digest.sections
        if s.problem
    ]
    lines += [f"warning: {safe(w)}" for w in digest.warnings]
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

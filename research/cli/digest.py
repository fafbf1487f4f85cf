"""`research digest`: research every watched company and write the week's digest.

A replayed or offline digest is a preview, never the week's digest: it is printed (or written
under its own name with --out) and nothing is saved, so the week stays as it was for --if-due.
"""

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import ResearchError
from .app import app
from .common import AllowPrivate, SourcesOff, SourcesOn, fail, safe, settings_for

if TYPE_CHECKING:
    from ..config import Settings
    from ..digest.data import Digest


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
    company: Annotated[
        list[str] | None,
        typer.Option(
            "--company",
            metavar="NAME",
            help="Research this company instead of the watchlist (repeatable; needed with "
            "--replay).",
        ),
    ] = None,
    offline: Annotated[
        bool,
        typer.Option(
            "--offline",
            help="Answer from the store only; no network. Printed, not saved as the week's digest.",
        ),
    ] = False,
    replay: Annotated[
        Path | None,
        typer.Option(
            metavar="DIR",
            help="Answer requests from a recording folder (the week is the recording's). "
            "Printed, not saved.",
        ),
    ] = None,
    allow_private: AllowPrivate = None,
    source: SourcesOn = None,
    no_source: SourcesOff = None,
) -> None:
    """Research every watched company and write the week's digest of good news."""
    from ..digest.publish import digest_formats, due_weeks

    preview = offline or replay is not None
    if if_due and preview:
        typer.echo(
            "error: --if-due writes the digests that are due; a replayed or offline digest "
            "is never saved, so they do not go together",
            err=True,
        )
        raise typer.Exit(2)
    try:
        settings = settings_for(allow_private)
        chosen_formats = digest_formats(formats.split(","))  # checked before any research
        weeks = due_weeks(week=week, settings=settings) if if_due else [week]
        if not weeks:
            typer.echo("nothing due: the digest is already written")
            return
        for chosen in weeks:
            digest = _research(
                str(chosen) if chosen else None,
                company,
                settings,
                offline=offline,
                replay=replay,
                still_due=if_due,
                switches=(source or [], no_source or []),
            )
            for warning in _digest_problems(digest):
                typer.echo(warning, err=True)
            if digest.nothing_answered:
                _nothing_answered(digest)
            if preview:
                _show_preview(digest, out, chosen_formats)
            else:
                for path in _save(digest, out, chosen_formats, settings):
                    typer.echo(str(path))
    except ResearchError as exc:
        fail(exc)


def _research(
    week: str | None,
    companies: list[str] | None,
    settings: "Settings | None",
    *,
    offline: bool,
    replay: Path | None,
    still_due: bool,
    switches: tuple[list[str], list[str]],
) -> "Digest":
    """The week's digest, with a progress line on a terminal. Stopped by Ctrl-C or SIGTERM, it
    says how far it got and that nothing was saved (see main.py)."""
    from ..digest.weekly import weekly_digest

    line = ProgressLine(sys.stderr.isatty())
    try:
        return weekly_digest(
            companies,
            week=week,
            settings=settings,
            progress=line.show,
            offline=offline,
            replay=replay,
            sources=switches[0],
            no_sources=switches[1],
        )
    except KeyboardInterrupt:
        line.finish()
        label = f"the {week} digest" if week else "this week's digest"
        if offline or replay is not None:
            saved = "nothing is saved from a replayed or offline digest"
        else:
            saved = f"{label} was not saved" + (" and is still due" if still_due else "")
        how_far = (
            f"{line.done} of {line.total} companies were researched"
            if line.total
            else "before the research began"
        )
        raise KeyboardInterrupt(f"{how_far}; {saved}") from None


def _save(
    digest: "Digest", out: Path | None, formats: tuple[str, ...], settings: "Settings | None"
) -> tuple[Path, ...]:
    """The digest saved; stopped midway, what the store and the files hold is said."""
    from ..digest.publish import save_digest

    try:
        return save_digest(digest, out=out, formats=formats, settings=settings)
    except KeyboardInterrupt:
        raise KeyboardInterrupt(
            f"while saving the {digest.week} digest; the week stays due until all its files are "
            "written, and `research digest --if-due` writes them"
        ) from None


def _nothing_answered(digest: "Digest") -> None:
    """Exit 1: a digest in which no company could be researched says nothing about the week."""
    if digest.replayed:
        advice = "the recording has no usable answer for these companies and this week"
    elif digest.offline:
        advice = "nothing is stored for them yet: run research digest once without --offline"
    else:
        advice = (
            f"so the {digest.week} digest was not written (it is still due); "
            "check the network connection"
        )
    typer.echo(f"error: no source answered for any watched company, {advice}", err=True)
    raise typer.Exit(1)


def _show_preview(digest: "Digest", out: Path | None, formats: tuple[str, ...]) -> None:
    """Print the digest (the first format), or with --out write it under a name of its own
    (2026-W47-replay.md), so it never replaces the week's real files."""
    from ..store.files import write_atomic

    typer.echo(f"{safe(digest.notice or '')} Nothing was saved.", err=True)
    renderers = {"md": digest.to_markdown, "html": digest.to_html}
    if out is None:
        typer.echo(renderers[formats[0]](), nl=False)
        return
    kind = "replay" if digest.replayed else "offline"
    for extension in formats:
        path = out.expanduser() / f"{digest.week}-{kind}.{extension}"
        write_atomic(path, renderers[extension]())
        typer.echo(str(path))


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


class ProgressLine:
    """Counts the companies researched, for the message when the run is stopped, and shows the
    count on one line of a terminal (nothing when piped or run by cron): at once, then as each
    company is done, naming one still being researched."""

    def __init__(self, on_terminal: bool) -> None:
        self.on_terminal = on_terminal
        self.done = 0
        self.total = 0
        self.showing = False

    def show(self, done: int, total: int, waiting_for: str) -> None:
        self.done, self.total = done, total
        if not self.on_terminal:
            return
        if done == total:
            line = f"researched {total}/{total} companies"
        else:
            others = total - done - 1
            more = f" and {others} more" if others else ""
            line = f"researching {done}/{total} companies ({safe(waiting_for)[:30]}{more})..."
        self.showing = done < total
        sys.stderr.write(f"\r{line}\x1b[K" + ("" if self.showing else "\n"))
        sys.stderr.flush()

    def finish(self) -> None:
        """End a line left open, so what follows starts on a line of its own."""
        if self.showing:
            sys.stderr.write("\n")
            sys.stderr.flush()
            self.showing = False

"""`research note`: a short follow-up email built on the company's recent news.

stdout is the note alone, ready to paste; warnings, remarks and when to send it go to stderr.
"""

import json
import shlex
import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal, NoReturn

import typer

from ..errors import ResearchError, SourcesFailed
from .app import app
from .common import (
    AllowPrivate,
    SourcesOff,
    SourcesOn,
    ToneChoice,
    check_home,
    every_source_failed,
    fail,
    safe,
    safe_block,
    settings_for,
)

if TYPE_CHECKING:
    from ..config import Settings
    from ..models import Article, Articles, Company, Result

# The conversation the note follows; as a Literal (like --tone) the help lists the choices and
# anything else is a usage error.
RoundChoice = Literal["first", "second", "final"]
LIST_LIMIT = 10  # what `research COMPANY` lists by default, so --event N names the same event


@app.command("note")
def note_command(
    company: Annotated[str, typer.Argument(help="A slug (acme-corp) or a quoted name.")],
    to: Annotated[str, typer.Option(help='Who the note is for, e.g. "Jane Doe".')],
    role: Annotated[str, typer.Option(help="The role you interviewed for.")],
    topic: Annotated[
        str | None, typer.Option(metavar="TEXT", help="What the interview was about.")
    ] = None,
    tone: Annotated[ToneChoice, typer.Option(help="The note's register.")] = "formal",
    round_: Annotated[
        RoundChoice, typer.Option("--round", help="The conversation the note follows.")
    ] = "second",
    event: Annotated[
        int | None,
        typer.Option(
            metavar="N",
            min=1,
            max=100,
            help="Congratulate on event N as `research COMPANY` (with the same --topic and "
            "--days) numbers them; by default the best one, preferring one touching --topic.",
        ),
    ] = None,
    check_in: Annotated[
        bool,
        typer.Option(
            "--check-in",
            help="Write the short check-in to send once if no answer came by the date they "
            "gave, or after about a week, instead of the thank-you.",
        ),
    ] = False,
    article: Annotated[
        bool,
        typer.Option(
            "--article/--no-article",
            help="With --topic, offer a recent trade piece about it in one line (see `research "
            "article`); --no-article leaves it out.",
        ),
    ] = True,
    days: Annotated[int, typer.Option(min=1, max=365, help="Look back this many days.")] = 30,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the note's parts as JSON.")
    ] = False,
    offline: Annotated[bool, typer.Option("--offline", help="Use stored news only.")] = False,
    replay: Annotated[
        Path | None, typer.Option(help="Answer requests from a recording folder.")
    ] = None,
    allow_private: AllowPrivate = None,
    source: SourcesOn = None,
    no_source: SourcesOff = None,
) -> None:
    """Draft a short follow-up email that congratulates COMPANY on its recent news.

    Send the thank-you within a day of the conversation; if no answer comes by the date they
    gave, or after about a week, send one check-in (--check-in). Your name, phone and email
    fill the closing once saved with `research config set signature.name ...`.
    """
    from ..drafting import draft_note
    from ..write.render import format_problems, note_to_dict

    try:
        from ..api import research
        from ..store.config_file import load_signature
        from ..write.note import greeting

        greeting(to, tone)  # a recipient that is only a title is refused before any fetching
        check_home()
        signature = load_signature()  # a damaged config file stops before any fetching
        result = research(
            company,
            days=days,
            limit=max(LIST_LIMIT, event or 0),
            topics=[topic] if topic else [],
            offline=offline,
            replay=replay,
            settings=settings_for(allow_private),
            sources=source or [],
            no_sources=no_source or [],
        )
        if event is not None and not result.all_failed:  # all failed: say that, not "0 events"
            _check_event(event, result, _list_command(company, topic, days))
        researched = time.monotonic()
        offered, article_remark = (
            _article(
                topic, result, days, offline, replay, allow_private, source, no_source, researched
            )
            if topic and article and not result.all_failed
            else (None, "")
        )
        note = draft_note(
            result,
            to=to,
            role=role,
            topic=topic,
            tone=tone,
            round=round_,
            event=None if event is None else event - 1,
            check_in=check_in,
            signature=signature,
            article=offered,
        )
    except SourcesFailed as exc:
        _every_source_failed(exc.result)
    except ResearchError as exc:
        fail(exc)
    for line in format_problems(result):
        typer.echo(line, err=True)
    for remark in note.remarks:
        typer.echo(f"note: {remark}", err=True)
    if article_remark:
        typer.echo(f"note: {safe(article_remark)}", err=True)
    typer.echo(
        f"note: {note.timing}" + ("" if check_in else " Add --check-in to write it."), err=True
    )
    if signature.is_empty:
        typer.echo(
            "note: Fill in the [bracketed] placeholders, or save your signature once: research "
            'config set signature.name "Your Name" (and signature.phone, signature.email).',
            err=True,
        )
    if as_json:
        typer.echo(json.dumps(note_to_dict(note), indent=2, ensure_ascii=False))
    else:
        typer.echo(safe_block(note.text))


def _article(
    topic: str,
    result: "Result",
    days: int,
    offline: bool,
    replay: Path | None,
    allow_private: str | None,
    source: list[str] | None,
    no_source: list[str] | None,
    researched: float,
) -> "tuple[Article | None, str]":
    """The best trade piece about the topic, or None with why there is none: a failed search
    costs the note its article line, never the note. GDELT asks for seconds between two
    requests and the company's research has just asked it, so a live search asks the other
    searches first and GDELT only when they find nothing, after its spacing (the search uses
    a client of its own, which does not know when the research asked)."""
    from ..articles import find_articles

    try:
        settings = settings_for(allow_private)
        passes = _search_passes(result.company, source or [], no_source or [], offline, replay)
        found = None
        for number, (on, off) in enumerate(passes):
            if number:
                _wait_for_gdelt(settings, researched)
            answer = find_articles(
                topic,
                company=result.company,
                days=days,
                limit=1,
                offline=offline,
                replay=replay,
                settings=settings,
                sources=on,
                no_sources=off,
            )
            found = answer if found is None else _together(found, answer)
            if found.articles:
                break
    except ResearchError as exc:
        return None, f"No article offered: {exc}"
    assert found is not None  # there is always a first pass
    if found.articles:
        return found.articles[0], ""
    if found.all_failed:
        reasons = ", ".join(f"{f.source}: {f.reason}" for f in found.failures)
        return None, f"No article offered: every search for {topic!r} failed ({reasons})."
    return None, f"No recent trade piece on {topic!r} was found, so the note offers none."


def _search_passes(
    company: "Company", on: list[str], off: list[str], offline: bool, replay: Path | None
) -> list[tuple[list[str], list[str]]]:
    """The article search's --source and --no-source lists, pass by pass: one pass, or when a
    live search has GDELT and another search on, the others first and GDELT alone after."""
    from sources.providers.gdelt import NAME as GDELT

    from ..articles import SEARCHES
    from ..plan.switches import switched_on, switches

    chosen, _ = switched_on(company, switches(on, off), builtin=True, contact=False)
    others = [name for name in SEARCHES if name != GDELT]
    if offline or replay is not None or GDELT not in chosen or not set(others) & chosen:
        return [(on, off)]
    return [([n for n in on if n != GDELT], [*off, GDELT]), ([GDELT], others)]


def _wait_for_gdelt(settings: "Settings | None", researched: float) -> None:
    """Leave GDELT the spacing it asks after the company's research asked it."""
    from ..articles import gdelt_spacing
    from ..config import load_settings

    wait = gdelt_spacing(settings or load_settings()) - (time.monotonic() - researched)
    if wait > 0:
        time.sleep(wait)


def _together(first: "Articles", second: "Articles") -> "Articles":
    """Two passes of one article search as one answer: the second's articles, both failures."""
    return replace(
        second,
        failures=(*first.failures, *second.failures),
        warnings=(*first.warnings, *second.warnings),
        sources_total=first.sources_total + second.sources_total,
    )


def _list_command(company: str, topic: str | None, days: int) -> str:
    """The `research COMPANY` command whose list --event numbers refer to."""
    words = ["research", company, *(["--topic", topic] if topic else [])]
    return shlex.join([*words, *(["--days", str(days)] if days != 30 else [])])


def _check_event(event: int, result: "Result", command: str) -> None:
    """--event N must name one of the events found: a usage error (exit 2) that says how many."""
    count = len(result.events)
    if event <= count:
        return
    found = f"{count} event{'s' if count != 1 else ''}" if count else "no good news"
    listed = f"; choose 1 to {count}, as `{command}` numbers them" if count else ""
    typer.echo(
        f"error: --event {event} is out of range: {safe(result.company.name)} has {found} in the "
        f"last {result.window_days} days{safe(listed)}",
        err=True,
    )
    raise typer.Exit(2)


def _every_source_failed(result: "Result") -> NoReturn:
    """Each failure on stderr, then why no note was written and what to try: exit 1."""
    from ..write.render import format_problems

    for line in format_problems(result):
        typer.echo(line, err=True)
    every_source_failed(result, "no note was written")

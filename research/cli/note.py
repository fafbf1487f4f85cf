"""`research note`: a short follow-up email built on the company's best recent news."""

import json
from pathlib import Path
from typing import Annotated

import typer

from ..errors import ResearchError
from .app import app
from .common import AllowPrivate, check_home, check_tone, fail, safe_block, settings_for


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
    from ..drafting import draft_note
    from ..render import format_problems, note_to_dict

    check_tone(tone)
    try:
        from ..api import research
        from ..note import greeting

        greeting(to, tone)  # a recipient that is only a title is refused before any fetching
        check_home()
        result = research(
            company,
            days=days,
            topics=[topic] if topic else [],
            offline=offline,
            replay=replay,
            settings=settings_for(allow_private),
        )
        note = draft_note(result, to=to, role=role, topic=topic, tone=tone)
    except ResearchError as exc:
        fail(exc)
    for line in format_problems(result):
        typer.echo(line, err=True)
    for remark in note.remarks:
        typer.echo(f"note: {remark}", err=True)
    if as_json:
        typer.echo(json.dumps(note_to_dict(note), indent=2, ensure_ascii=False))
    else:
        typer.echo(safe_block(note.text))

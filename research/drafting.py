"""draft_note: research a company (or take a finished Result) and compose the follow-up note.

Apart from ``api`` so that ``research COMPANY`` never loads the note's code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import arguments
from .api import research
from .errors import InvalidInput
from .models import Article, Company, Event, Result, Tone

if TYPE_CHECKING:
    from .write.note import NoteDraft, Round
    from .write.signature import Signature


def draft_note(
    result_or_company: Result | str | Company,
    *,
    to: str,
    role: str,
    topic: str | None = None,
    tone: Tone = "formal",
    round: Round = "second",
    event: int | Event | None = None,
    check_in: bool = False,
    signature: Signature | None = None,
    article: Article | None = None,
    **research_options: Any,
) -> NoteDraft:
    """A follow-up email for a Result, or for a company (researched first, with ``topic``).

    ``round`` is the conversation it follows: "first", "second" or "final". ``check_in`` writes
    the short follow-up to send once when no answer came, instead of the thank-you. ``event``
    picks the news to congratulate on: an Event, or an index into ``result.events`` (0 is the
    best; ``research COMPANY`` numbers them from 1). ``signature`` defaults to the one saved
    with ``research config set`` (placeholders if none). ``NoteDraft.timing`` says when to send.
    ``article`` (one of ``research.find_articles(topic, company=...).articles``) adds one line
    offering that piece; this call never searches for one itself.

    Raises SourcesFailed (listing ``failures``) when every source failed, whether this call
    researched the company or was given the Result: a note then would wrongly say there is no
    news.
    """
    arguments.one_of(
        "result_or_company",
        result_or_company,
        (Result, str, Company),
        "a Result, a company name (str) or a Company",
    )
    arguments.text("to", to)
    arguments.text("role", role)
    arguments.optional_text("topic", topic)
    arguments.text("tone", tone)
    arguments.text("round", round)
    if event is not None and (isinstance(event, bool) or not isinstance(event, int | Event)):
        raise InvalidInput(
            f"event must be an index into result.events or an Event; got {arguments.shown(event)}"
        )
    arguments.flag("check_in", check_in)
    if article is not None:
        arguments.instance("article", article, Article, "an Article from find_articles() or None")
    from .store.config_file import load_signature
    from .write.note import compose_note  # imported here: `research COMPANY` writes no note
    from .write.signature import Signature

    if signature is not None:
        arguments.instance("signature", signature, Signature, "a Signature or None")
    signature = signature or load_signature()  # before researching: a damaged file stops early
    if isinstance(result_or_company, Result):
        result = result_or_company
    else:
        result = research(result_or_company, topics=[topic] if topic else (), **research_options)
    return compose_note(
        result,
        to=to,
        role=role,
        topic=topic,
        tone=tone,
        round=round,
        event=event,
        check_in=check_in,
        signature=signature,
        article=article,
    )

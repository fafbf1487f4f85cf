"""Pure: the congratulation a program asks for: for an event of a Result, or for a headline it
brings, judged first (NotCongratulable when it is not good news about the company)."""

from __future__ import annotations

from ..errors import InvalidInput
from ..models import Event, Snippet, Tone
from .snippets import _check, phrasings, pick


class NotCongratulable(InvalidInput):
    """The headline is not news to congratulate the company on; the message says why."""


MAX_HEADLINE = 2000


def congratulate_headline(
    title: str, company: object, *, tone: Tone = "formal", variant: int = 0
) -> Snippet:
    """A snippet for a headline a program brings; NotCongratulable when it is not good news
    about the company (it is never praised anyway)."""
    from .. import arguments

    arguments.text("title", title)
    arguments.company("company", company)
    from ..judge import classify  # the judge loads on first use
    from ..models import Company
    from ..plan.company import resolve_company, with_derived_aliases

    _check(tone, variant)
    if len(title) > MAX_HEADLINE:
        raise InvalidInput(
            f"the headline is {len(title):,} characters long; a headline has at most "
            f"{MAX_HEADLINE:,} (give the title, not the article)"
        )
    resolved = (
        company
        if isinstance(company, Company)
        else with_derived_aliases(resolve_company(str(company)))[0]
    )
    found = classify(title, resolved)
    if not found.congratulable or found.kind is None:
        raise NotCongratulable(
            f"not news to congratulate {resolved.name} on: {'; '.join(found.reasons)}"
        )
    text, clause = phrasings(title, resolved.name, found.kind, resolved.names)[tone][variant]
    return Snippet(text, clause, tone, variant)


def congratulate(
    event: Event | str,
    tone: Tone = "formal",
    variant: int = 0,
    *,
    company: str | object | None = None,
) -> Snippet:
    """A congratulatory sentence for an event from a Result, or for a plain headline about
    ``company`` (``congratulate("Acme wins 2026 Edison Award", company="Acme Corp")``).

    ``tone`` is "formal" by default, as in the CLI and :func:`draft_note`; "warm" may address
    the reader."""
    from .. import arguments

    arguments.one_of("event", event, (Event, str), "an Event from a Result, or a headline (str)")
    if company is not None:
        arguments.company("company", company)
    if isinstance(event, Event):
        _check(tone, variant)
        return pick(event.snippets, tone, variant)
    if company is None:
        raise InvalidInput(
            "a headline needs the company it is about: congratulate(title, company='Acme Corp')"
        )
    return congratulate_headline(str(event), company, tone=tone, variant=variant)

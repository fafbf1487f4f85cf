"""Pure: congratulatory snippets for an event or a plain headline, in two tones and a few
phrasings, with the clause that completes "especially now that you've ..."."""

from __future__ import annotations

from .errors import InvalidInput
from .models import Event, Snippet
from .phrase import TONES, VARIANTS, phrasings


class NotCongratulable(InvalidInput):
    """The headline is not news to congratulate the company on; the message says why."""


def _check(tone: str, variant: int) -> None:
    if tone not in TONES:
        raise InvalidInput(f"tone must be one of {', '.join(TONES)}; got {tone!r}")
    if isinstance(variant, bool) or not isinstance(variant, int) or not 0 <= variant < VARIANTS:
        raise InvalidInput(
            f"variant must be a whole number from 0 to {VARIANTS - 1}; got {variant!r}"
        )


def snippets_for_event(
    event: Event, company_name: str, names: tuple[str, ...] = ()
) -> tuple[Snippet, ...]:
    """Every tone and variant for an event, warm first."""
    options = phrasings(event.title, company_name, event.kind, names)
    return tuple(
        Snippet(text, clause, tone, number, event.url, event.published)
        for tone in TONES
        for number, (text, clause) in enumerate(options[tone])
    )


def default_snippet(snippets: tuple[Snippet, ...]) -> Snippet:
    """The sentence an Event shows by default: the first formal phrasing."""
    return pick(snippets, "formal", 0)


def pick(snippets: tuple[Snippet, ...], tone: str, variant: int) -> Snippet:
    _check(tone, variant)
    return next(s for s in snippets if s.tone == tone and s.variant == variant)


def congratulate_headline(
    title: str, company: object, *, tone: str = "warm", variant: int = 0
) -> Snippet:
    """A snippet for a headline a program brings; NotCongratulable when it is not good news
    about the company (it is never praised anyway)."""
    from .classifier import classify  # the classifier's rules load on first use
    from .company import resolve_company, with_derived_aliases
    from .models import Company

    _check(tone, variant)
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
    tone: str = "warm",
    variant: int = 0,
    *,
    company: str | object | None = None,
) -> Snippet:
    """A congratulatory sentence for an event from a Result, or for a plain headline about
    ``company`` (``congratulate("Acme wins 2026 Edison Award", company="Acme Corp")``)."""
    if isinstance(event, Event):
        _check(tone, variant)
        return pick(event.snippets, tone, variant)
    if company is None:
        raise InvalidInput(
            "a headline needs the company it is about: congratulate(title, company='Acme Corp')"
        )
    return congratulate_headline(str(event), company, tone=tone, variant=variant)

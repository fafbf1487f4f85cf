"""draft_note: research a company (or take a finished Result) and compose the follow-up note.

Apart from ``api`` so that ``research COMPANY`` never loads the note's code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import arguments
from .api import research
from .models import Company, Result

if TYPE_CHECKING:
    from .note import NoteDraft


def draft_note(
    result_or_company: Result | str | Company,
    *,
    to: str,
    role: str,
    topic: str | None = None,
    tone: str = "formal",
    **research_options: Any,
) -> NoteDraft:
    """A follow-up email for a Result, or for a company (researched first, with ``topic``)."""
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
    from .note import compose_note  # imported here: `research COMPANY` writes no note

    if isinstance(result_or_company, Result):
        result = result_or_company
    else:
        result = research(result_or_company, topics=[topic] if topic else (), **research_options)
    return compose_note(result, to=to, role=role, topic=topic, tone=tone)

"""Pure: a short follow-up email built around the best event of a research Result.

The shape follows what the note is for: thanks for the (second) conversation, a nod to what was
discussed, the congratulation with its "especially now that you've ..." line, an offer to share
anything else useful, and a closing with placeholders for the sender.
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import InvalidInput
from .models import Event, Result, Snippet
from .phrase import KIND_CLAUSES

MAX_FIELD = 120


@dataclass(frozen=True)
class NoteDraft:
    """The parts of the email, and the whole of it as plain text ready to paste."""

    subject: str
    greeting: str
    paragraphs: tuple[str, ...]
    closing: str
    congratulation: Snippet | None
    event: Event | None
    remarks: tuple[str, ...] = ()  # for the user, not for the email

    @property
    def text(self) -> str:
        body = "\n\n".join(self.paragraphs)
        return f"Subject: {self.subject}\n\n{self.greeting}\n\n{body}\n\n{self.closing}\n"


def _field(value: str, what: str) -> str:
    cleaned = " ".join(str(value).split())
    if not cleaned or len(cleaned) > MAX_FIELD:
        raise InvalidInput(f"{what} must be 1 to {MAX_FIELD} characters; got {value!r:.60}")
    return cleaned


def _snippet(event: Event | None, tone: str) -> Snippet | None:
    if event is None:
        return None
    return next((s for s in event.snippets if s.tone == tone and s.variant == 0), None)


def _is_generic(snippet: Snippet | None) -> bool:
    return snippet is None or snippet.clause in KIND_CLAUSES.values()


def compose_note(
    result: Result,
    *,
    to: str,
    role: str,
    topic: str | None = None,
    tone: str = "formal",
) -> NoteDraft:
    """The note for ``result``: the best event touching ``topic`` if any, else the best event."""
    if tone not in ("formal", "warm"):
        raise InvalidInput(f"tone must be formal or warm; got {tone!r}")
    to, role = _field(to, "the recipient"), _field(role, "the role")
    topic = _field(topic, "the topic") if topic else None
    company = result.company.name
    candidates = [e for e in result.events if topic and topic in e.topics] or list(result.events)
    # Prefer an event the sentence can name in detail over one it can only call "news".
    detailed = [e for e in candidates if _snippet(e, tone) and not _is_generic(_snippet(e, tone))]
    chosen = detailed or candidates
    event = chosen[0] if chosen else None
    snippet = _snippet(event, tone) if event else None
    first_name = to.split()[0]
    greeting = f"Dear {to}," if tone == "formal" else f"Hi {first_name},"
    discussed = f", and especially our discussion of {topic}" if topic else ""
    thanks = (
        f"Thank you for taking the time to speak with me again about the {role} position. "
        f"I enjoyed our second conversation{discussed}."
    )
    paragraphs = [thanks]
    remarks: list[str] = []
    if snippet is not None and event is not None:
        excited = "I am" if tone == "formal" else "I'm"
        paragraphs.append(
            f"{snippet.text} {excited} all the more excited about the chance to join {company}, "
            f"especially now that you've {snippet.clause}."
        )
    else:
        remarks.append(
            f"No positive news about {company} in the last {result.window_days} days, so the "
            "note has no congratulation."
        )
    paragraphs.append(
        "If there is anything else I can share to help with your decision, please let me know."
        if tone == "formal"
        else "If there's anything else I can send over that would help, just let me know."
    )
    closing = (
        "Kind regards,\n[Your name]\n[Your phone] | [Your email]"
        if tone == "formal"
        else "Best,\n[Your name]"
    )
    subject = f"Thank you for the {role} conversation"
    return NoteDraft(subject, greeting, tuple(paragraphs), closing, snippet, event, tuple(remarks))

"""Pure: a short follow-up email built around the best event of a research Result.

The shape follows what the note is for: thanks for the (second) conversation, a nod to what was
discussed, the congratulation with its "especially now that you've ..." line, an offer to share
anything else useful, and a closing with placeholders for the sender.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sources.text import clean_text

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
    congratulation: Snippet | None  # the note uses its clause, so the detail is said once
    event: Event | None
    remarks: tuple[str, ...] = ()  # for the user, not for the email

    @property
    def text(self) -> str:
        body = "\n\n".join(self.paragraphs)
        return f"Subject: {self.subject}\n\n{self.greeting}\n\n{body}\n\n{self.closing}\n"


def _field(value: str, what: str) -> str:
    """The caller's text as it will appear in the note: one line, no control characters (a
    program may print the note to a terminal)."""
    cleaned = clean_text(str(value))
    if not cleaned or len(cleaned) > MAX_FIELD:
        raise InvalidInput(f"{what} must be 1 to {MAX_FIELD} characters; got {value!r:.60}")
    return cleaned


def _snippet(event: Event | None, tone: str) -> Snippet | None:
    if event is None:
        return None
    return next((s for s in event.snippets if s.tone == tone and s.variant == 0), None)


def _is_generic(snippet: Snippet | None) -> bool:
    return snippet is None or snippet.clause in KIND_CLAUSES.values()


# Honorifics before a name ("Dr. Jane Doe"); a knight or dame is "Sir John", by the given name.
_TITLES = frozenset("dr mr mrs ms mx miss prof professor sir dame".split())
_KNIGHTED = frozenset({"sir", "dame"})
# After a name: generational suffixes stay part of it, degrees and honours are left out.
_GENERATIONS = frozenset("jr sr ii iii iv".split())
_POST_NOMINALS = frozenset("phd md mba esq cpa dds dphil obe mbe cbe kbe dbe frs".split())
# A team or a role, not a person: greeted as written ("Hi Hiring Team,").
_GROUPS = frozenset("team manager managers committee panel department recruiter recruiters".split())
# Scripts whose names put the family name first: the greeting keeps the whole name.
_FAMILY_FIRST = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_INITIAL = re.compile(r"[^\W\d_]\.?(?:-?[^\W\d_]\.)*")  # "J.", "J", "J.R."


def _key(word: str) -> str:
    return word.lower().replace(".", "").strip(",")


@dataclass(frozen=True)
class _Name:
    """A recipient as typed, split into honorifics, the name proper and a generational suffix."""

    titles: tuple[str, ...]
    words: tuple[str, ...]
    generation: tuple[str, ...]


def _parse_name(to: str) -> _Name:
    """Honorifics and suffixes apart from the name; "Doe, Jane" is read as Jane Doe, and whatever
    else follows a comma ("Jane Doe, PhD", "Jane Doe, Head of Sales") is left out."""
    head, comma, tail = (part.strip() for part in to.partition(","))
    after = tail.split()
    inverted = (
        comma
        and len(head.split()) == 1
        and 0 < len(after) <= 2
        and not any(_key(w) in _POST_NOMINALS | _GENERATIONS | _TITLES for w in after)
    )
    tokens = [*after, head] if inverted else head.split()
    titles = []
    while tokens and _key(tokens[0]) in _TITLES:
        titles.append(tokens.pop(0))
    generation: list[str] = []
    while tokens and _key(tokens[-1]) in _POST_NOMINALS | _GENERATIONS:
        suffix = tokens.pop()
        if _key(suffix) in _GENERATIONS:
            generation.insert(0, suffix)
    if not tokens:
        raise InvalidInput(
            f"the recipient needs a name, not only a title or suffix; got {to!r:.60}"
        )
    return _Name(tuple(titles), tuple(tokens), tuple(generation))


def greeting(to: str, tone: str) -> str:
    """ "Dear Dr. Jane Doe," or "Hi Jane,": formal names the whole name with its honorific (which
    word is the family name cannot be told safely: "de la Cruz", "García López", "山田 太郎");
    warm uses the given name, or the whole name when there is none to pick."""
    name = _parse_name(to)
    whole = " ".join(name.words)
    knighted = bool(name.titles) and _key(name.titles[-1]) in _KNIGHTED
    if tone == "formal":
        if knighted:
            return f"Dear {' '.join(name.titles)} {name.words[0]},"
        return f"Dear {' '.join([*name.titles, *name.words, *name.generation])},"
    if _FAMILY_FIRST.search(whole) or _key(name.words[-1]) in _GROUPS:
        return f"Hi {whole},"
    if len(name.words) == 1:  # "Dr. Doe" is a family name: keep the honorific with it
        return f"Hi {' '.join([*name.titles, whole]) if not knighted else whole},"
    given = next((w for w in name.words[:-1] if not _INITIAL.fullmatch(w)), None)
    return f"Hi {given or whole},"


# Nouns for one thing, which a topic written as a bare phrase needs "the" before ("the Denver
# office"); other topics read well bare ("supply chain planning", "pricing", "Project Atlas").
_ONE_THING = frozenset(
    """office plan roadmap team role position project launch product platform app website site
    campaign budget program programme initiative partnership acquisition merger deal contract
    rollout migration reorganisation reorganization restructuring expansion opening event
    conference market region store plant factory facility hub headquarters campus studio lab
    pipeline process system tool stack model report survey pilot study account chain backlog
    release redesign rebrand integration move transition strategy offsite""".split()
)
_DETERMINERS = frozenset("the a an your our their its his her my this that these those".split())


def topic_phrase(topic: str) -> str:
    """The topic as it reads after "our discussion of": "the Denver office", "supply chain
    planning"; a topic that already has its article, or several topics, is kept as written."""
    words = topic.split()
    first, last = words[0], words[-1]
    if (
        first.lower() in _DETERMINERS
        or first.lower().endswith(("'s", "\u2019s"))
        or re.search(r",|\band\b|&", topic)
        or last.lower() not in _ONE_THING
        or not last.islower()
    ):
        return topic
    return f"the {topic}"


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
    salutation = greeting(to, tone)
    topic = _field(topic, "the topic") if topic else None
    company = result.company.name
    candidates = [e for e in result.events if topic and topic in e.topics] or list(result.events)
    # Prefer an event the sentence can name in detail over one it can only call "news".
    detailed = [e for e in candidates if _snippet(e, tone) and not _is_generic(_snippet(e, tone))]
    chosen = detailed or candidates
    event = chosen[0] if chosen else None
    snippet = _snippet(event, tone) if event else None
    discussed = f", particularly our discussion of {topic_phrase(topic)}" if topic else ""
    thanks = (
        f"Thank you for taking the time to speak with me again about the {role} position. "
        f"I enjoyed our second conversation{discussed}."
    )
    paragraphs = [thanks]
    remarks: list[str] = []
    if snippet is not None:
        # The detail is said once, in the key line; the congratulation after it needs none.
        paragraphs.append(
            f"I am all the more excited about the chance to join {company}, especially now that "
            f"you've {snippet.clause}. My congratulations to the whole team."
            if tone == "formal"
            else f"I'm all the more excited about the chance to join {company}, especially now "
            f"that you've {snippet.clause}. Congratulations to you and the whole team!"
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
    return NoteDraft(
        subject, salutation, tuple(paragraphs), closing, snippet, event, tuple(remarks)
    )

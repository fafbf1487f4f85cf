"""Pure: a short follow-up email built around an event of a research Result.

The shape follows what the note is for. The thank-you, sent within a day: thanks for the first,
second or final conversation, a nod to what was discussed, the congratulation with its
"especially now that you've ..." line, an offer to share anything else useful. The check-in, sent
once if no answer comes by the date they gave or after about a week: shorter, the news in a
clause, a question about the timeline. Both close with the sender's signature, or placeholders.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from sources.parse.text import clean_text

from ..errors import InvalidInput, SourcesFailed
from ..models import Article, Event, Result, Snippet, Tone
from .phrase import KIND_CLAUSES
from .signature import Signature

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
    timing: str = ""  # when to send it, for the user
    article: Article | None = None  # the trade piece offered in one line, if any

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


Round = Literal["first", "second", "final"]
TONES: tuple[Tone, ...] = ("formal", "warm")
ROUNDS: tuple[Round, ...] = ("first", "second", "final")

# The thank-you's opening, by the conversation it follows ("{discussed}" is the topic, if any).
_THANKS: dict[Round, str] = {
    "first": "Thank you for taking the time to speak with me about the {role} position. "
    "I enjoyed our conversation{discussed}.",
    "second": "Thank you for taking the time to speak with me again about the {role} position. "
    "I enjoyed our second conversation{discussed}.",
    "final": "Thank you for taking the time to speak with me in the final round of interviews "
    "for the {role} position. I enjoyed our conversation{discussed}, and I appreciate the time "
    "you and the team have given me throughout the process.",
}
_OFFER: dict[tuple[Round, Tone], str] = {
    ("first", "formal"): "If there is anything else I can share in the meantime, please let me "
    "know. I look forward to continuing the conversation.",
    ("first", "warm"): "If there's anything else I can send over in the meantime, just let me "
    "know. I'm looking forward to continuing the conversation.",
    ("second", "formal"): "If there is anything else I can share to help with your decision, "
    "please let me know.",
    ("second", "warm"): "If there's anything else I can send over that would help, just let me "
    "know.",
    ("final", "formal"): "If there is anything else I can share to help with your decision, "
    "please let me know. I look forward to hearing from you.",
    ("final", "warm"): "If there's anything else I can send over that would help with your "
    "decision, just let me know. I look forward to hearing from you.",
}
# What a check-in follows up on.
_FOLLOWED: dict[Round, str] = {
    "first": "our conversation about the {role} position",
    "second": "our second conversation about the {role} position",
    "final": "the final round of interviews for the {role} position",
}
_TIMING = {
    False: "Send this within a day of the conversation. If there is no answer by the date they "
    "gave you, or after about a week, send one short check-in.",
    True: "Send this check-in only if there is no answer by the date they gave you, or after "
    "about a week; one is enough.",
}


def _choice(value: object, allowed: tuple[str, ...], what: str) -> None:
    if value not in allowed:
        raise InvalidInput(
            f"{what} must be {', '.join(allowed[:-1])} or {allowed[-1]}; got {value!r:.60}"
        )


def _chosen_event(
    result: Result, event: int | Event | None, topic: str | None, tone: Tone
) -> Event | None:
    """The caller's event (an Event, or an index into ``result.events``), else the best event
    touching ``topic``, else the best event, preferring one the note can name in detail."""
    if isinstance(event, Event):
        return event
    if event is not None:
        count = len(result.events)
        if isinstance(event, bool) or not isinstance(event, int) or not 0 <= event < count:
            raise InvalidInput(
                f"event must be an Event or an index into result.events, which has {count} "
                f"event{'s' if count != 1 else ''}"
                + (f" (0 to {count - 1})" if count else f" about {result.company.name}")
                + f"; got {event!r:.60}"
            )
        return result.events[event]
    candidates = [e for e in result.events if topic and topic in e.topics] or list(result.events)
    # Prefer an event the sentence can name in detail over one it can only call "news".
    detailed = [e for e in candidates if _snippet(e, tone) and not _is_generic(_snippet(e, tone))]
    chosen = detailed or candidates
    return chosen[0] if chosen else None


def _closing(tone: Tone, signature: Signature) -> str:
    """The sign-off: the saved signature, or placeholders when none is saved."""
    name = signature.name or "[Your name]"
    if tone == "warm":
        return f"Best,\n{name}"
    contacts = (
        ["[Your phone]", "[Your email]"]
        if signature.is_empty
        else [c for c in (signature.phone, signature.email) if c]
    )
    return "\n".join(["Kind regards,", name, *([" | ".join(contacts)] if contacts else [])])


def _congratulation(company: str, clause: str, tone: Tone, check_in: bool) -> str:
    """The key line: the news said once, in the clause; the congratulation after it needs none."""
    if check_in:
        return (
            f"I remain very interested in joining {company}, all the more so now that you've "
            f"{clause}. Congratulations to the whole team."
            if tone == "formal"
            else f"I'm still very excited about joining {company}, especially now that you've "
            f"{clause}. Congratulations!"
        )
    return (
        f"I am all the more excited about the chance to join {company}, especially now that "
        f"you've {clause}. My congratulations to the whole team."
        if tone == "formal"
        else f"I'm all the more excited about the chance to join {company}, especially now "
        f"that you've {clause}. Congratulations to you and the whole team!"
    )


def _thank_you(
    role: str, topic: str | None, round: Round, tone: Tone, key_line: str | None
) -> tuple[str, list[str]]:
    """The thank-you's subject and paragraphs: thanks, the key line if any, an offer to help."""
    discussed = f", particularly our discussion of {topic_phrase(topic)}" if topic else ""
    thanks = _THANKS[round].format(role=role, discussed=discussed)
    final = "final " if round == "final" else ""
    subject = f"Thank you for the {final}{role} {'interview' if final else 'conversation'}"
    return subject, [thanks, *([key_line] if key_line else []), _OFFER[round, tone]]


def article_line(article: Article, topic: str | None, tone: Tone) -> str:
    """The line offering a trade piece: where it appeared, what about, and its link."""
    about = f" on {topic_phrase(topic)}" if topic else ""
    where = f" in {clean_text(article.publisher)}" if clean_text(article.publisher) else ""
    thought = (
        "and thought of our conversation"
        if tone == "formal"
        else "and it made me think of our conversation"
    )
    return f"I came across this piece{where}{about} {thought}: {article.url}"


def _check_in(
    role: str, company: str, round: Round, tone: Tone, key_line: str | None
) -> tuple[str, list[str]]:
    """The check-in's subject and paragraphs: what it follows up on, the interest (with the
    news, if any), a question about the timeline."""
    followed = _FOLLOWED[round].format(role=role)
    if tone == "formal":
        opening = f"I hope you are well. I am writing to follow up on {followed}."
        interest = f"I remain very interested in the position and in joining {company}."
        question = (
            "Is there any news on the timeline? If there is anything else I can share, please "
            "let me know."
        )
    else:
        opening = f"I hope you're doing well! I wanted to follow up on {followed}."
        interest = f"I'm still very excited about the role and about joining {company}."
        question = (
            "Is there any news on the timeline? If there's anything else I can send over, just "
            "let me know."
        )
    return f"Following up on the {role} position", [opening, key_line or interest, question]


def _no_news_remark(result: Result) -> str:
    failed = len(result.failures)
    partial = f" ({failed} of {result.sources_total} sources failed)" if failed else ""
    return (
        f"No positive news about {result.company.name} in the last {result.window_days} days"
        f"{partial}, so the note has no congratulation."
    )


def compose_note(
    result: Result,
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
) -> NoteDraft:
    """The note for ``result``: a thank-you after the ``round`` conversation, or with
    ``check_in`` the short follow-up sent when no answer came. It congratulates on ``event``
    (an Event or an index into ``result.events``), else on the best event touching ``topic``,
    else on the best event; ``article`` (from ``find_articles``) is offered in one line before
    the closing offer or question. Raises SourcesFailed when no source answered: a note then
    would wrongly say there is no news."""
    _choice(tone, TONES, "tone")
    _choice(round, ROUNDS, "round")
    if result.all_failed:
        raise SourcesFailed(result)
    to, role = _field(to, "the recipient"), _field(role, "the role")
    salutation = greeting(to, tone)
    topic = _field(topic, "the topic") if topic else None
    company = result.company.name
    chosen = _chosen_event(result, event, topic, tone)
    snippet = _snippet(chosen, tone)
    key_line = _congratulation(company, snippet.clause, tone, check_in) if snippet else None
    remarks: list[str] = []
    if chosen is None:
        remarks.append(_no_news_remark(result))
    elif snippet is None:
        remarks.append(
            f"The chosen event has no {tone} sentence, so the note has no congratulation."
        )
    subject, paragraphs = (
        _check_in(role, company, round, tone, key_line)
        if check_in
        else _thank_you(role, topic, round, tone, key_line)
    )
    if article is not None:
        paragraphs.insert(len(paragraphs) - 1, article_line(article, topic, tone))
    return NoteDraft(
        subject,
        salutation,
        tuple(paragraphs),
        _closing(tone, signature or Signature()),
        snippet,
        chosen,
        tuple(remarks),
        _TIMING[check_in],
        article,
    )

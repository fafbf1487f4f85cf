"""Pure: the words a congratulation is said in: each kind of news praised in two tones, what the
news is called when nothing more can be named safely, and the sentences around it, three of each."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import EventKind

# What the news is called when no detail can be named safely ("Acme Corp's recent recognition":
# an award, a certification or a place on a list).
KIND_NEWS: dict[EventKind, str] = {
    EventKind.AWARD: "recent recognition",
    EventKind.GROWTH: "latest results",  # "strong" only when the headline says so
    EventKind.FUNDING: "new funding",
    EventKind.NEW_ACCOUNT: "new customer win",
    EventKind.PARTNERSHIP: "new partnership",
    EventKind.LAUNCH: "latest launch",
    EventKind.ACQUISITION: "latest acquisition",
    EventKind.EXPANSION: "expansion",
    EventKind.MILESTONE: "recent milestone",
}


@dataclass(frozen=True)
class _Voice:
    """How each kind of news is praised: a warm exclamation ("so well deserved"), a warm noun
    ("such a well-deserved honour") and a formal one ("a well-deserved honour")."""

    exclaim: str
    warm: str
    formal: str


VOICES: dict[EventKind, _Voice] = {
    EventKind.AWARD: _Voice(
        "so well deserved", "such a well-deserved honour", "a well-deserved honour"
    ),
    EventKind.GROWTH: _Voice("fantastic work", "a real achievement", "an impressive performance"),
    EventKind.FUNDING: _Voice(
        "what a vote of confidence", "a big vote of confidence", "a strong vote of confidence"
    ),
    EventKind.NEW_ACCOUNT: _Voice("brilliant news", "a real boost", "a notable success"),
    # Not "a great pairing": a partnership may have three parties, or be a programme one joins.
    EventKind.PARTNERSHIP: _Voice(
        "what exciting news", "an exciting step", "a promising development"
    ),
    # Not "an impressive achievement": most launches are routine, and the note should not gush.
    EventKind.LAUNCH: _Voice("how exciting", "an exciting moment", "an exciting development"),
    # Not "for the company": the company acquired is a company too.
    EventKind.ACQUISITION: _Voice(
        "what a bold move", "an exciting step", "a significant strategic step"
    ),
    EventKind.EXPANSION: _Voice(
        "exciting times ahead", "an exciting new chapter", "an important step for the company"
    ),
    # Not "a remarkable achievement": a first or an anniversary is a milestone, not a feat; and
    # not "milestone", which the news itself may already say ("Acme's recent milestone").
    EventKind.MILESTONE: _Voice("what a proud moment", "a proud moment", "a moment to be proud of"),
}
# A plan ("planning to open a studio") is not yet an achievement, a result or an honour.
PLANNED = _Voice(
    "exciting times ahead", "an exciting next step", "a promising step for the company"
)
# Praise a detail asks for instead of its kind's (details.Detail.praise): good news the
# headline does not call strong (a small rise, a profit figure, a recovery), a regulator's
# approval (an important step, not yet an achievement), and an issue just opened (a plan's).
PRAISE = {
    "modest": _Voice("great news", "a fine result", "a welcome result"),
    "approval": _Voice("great news", "a big step", "an important step forward"),
    "under way": PLANNED,  # an issue opened: bids not in yet, so no vote of confidence
}
DONE_VOICES = frozenset(
    {
        EventKind.AWARD,
        EventKind.FUNDING,  # a raise only planned is no vote of confidence yet
        EventKind.GROWTH,
        EventKind.NEW_ACCOUNT,
        EventKind.LAUNCH,
        EventKind.MILESTONE,
    }
)

# Sentences around what the company did: {phrase} "winning the Edison Award", {done} "won the
# Edison Award", {about} "Acme Corp winning the Edison Award", {team} "the Acme Corp team".
DID = {
    "warm": (
        "Congratulations to you and {team} on {phrase}, {exclaim}!",
        "It was great to read about {about}, {warm} for the whole team!",
        "Congratulations on {phrase}, {warm} for everyone at {company}!",
    ),
    "formal": (
        "Congratulations to {team} on {phrase}.",
        "I read with interest that {company} has {done}; it is {formal}.",
        "My congratulations to {team} on {phrase}, which is {formal}.",
    ),
}
# A plan is not congratulated as if done ("Congratulations on planning to raise ..." reads as a
# filled-in template): the sentence says the company announced it, and wishes it well.
PLANNED_DID = {
    "warm": (
        "It was great to read that {company} has {done}, {warm} for the whole team!",
        "Best of luck to you and the team now that {company} has {done}!",
        "How exciting that {company} has {done}; all the best to everyone there!",
    ),
    "formal": (
        "I read with interest that {company} has {done}; it is {formal}.",
        "I was glad to read that {company} has {done}, {formal}.",
        "My best wishes to the team now that {company} has {done}.",
    ),
}
# A phrase about a regulator's or shareholders' approval: praised as a step, like the detail.
APPROVAL_PHRASE = re.compile(
    r"^(?:getting|winning|receiving|securing|obtaining)\s+(?:\S+\s+){0,3}?"
    r"(?:approval|clearance|(?:the\s+)?nod|the\s+green\s+light)\b",
    re.IGNORECASE,
)
# Sentences around the news itself: {news} "Acme Corp's new partnership with Beta Labs".
NEWS = {
    "warm": (
        "Congratulations to you and the team on {news}, {exclaim}!",
        "It was great to see the news about {news}, {warm} for the whole team!",
        "I was so pleased to read about {news}, {warm} for everyone there!",
    ),
    "formal": (
        "I saw the news about {news} and wanted to offer my congratulations on {formal}.",
        "Please accept my congratulations on {news}, {formal}.",
        "I read with great interest about {news}, and I congratulate the team on {formal}.",
    ),
}

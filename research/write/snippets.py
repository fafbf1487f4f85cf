"""Pure: congratulatory snippets for an event or a plain headline, in two tones and a few
phrasings per kind of news, with the clause that completes "especially now that you've ..."."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from html.entities import html5

from ..errors import InvalidInput
from ..models import Event, EventKind, Snippet, Tone
from .details import Detail, names_alternation
from .figures import AMOUNT
from .grammar import possessive
from .headline import clean_headline
from .kind_details import detail
from .phrase import KIND_CLAUSES, MAX_WORDS, event_phrase, reason_phrase
from .reasons import reason_detail
from .results import results
from .share_moves import share_move_reason, told_of_company

TONES: tuple[Tone, ...] = ("warm", "formal")
VARIANTS = 3

# What the news is called when no detail can be named safely ("Acme Corp's recent recognition":
# an award, a certification or a place on a list).
_KIND_NEWS: dict[EventKind, str] = {
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


_VOICES: dict[EventKind, _Voice] = {
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
    EventKind.MILESTONE: _Voice(
        "what a proud moment", "a proud moment", "a moment to be proud of"
    ),
}
# A plan ("planning to open a studio") is not yet an achievement, a result or an honour.
_PLANNED = _Voice(
    "exciting times ahead", "an exciting next step", "a promising step for the company"
)
# Praise a detail asks for instead of its kind's (details.Detail.praise): good news the
# headline does not call strong (a small rise, a profit figure, a recovery), a regulator's
# approval (an important step, not yet an achievement), and an issue just opened (a plan's).
_PRAISE = {
    "modest": _Voice("great news", "a fine result", "a welcome result"),
    "approval": _Voice("great news", "a big step", "an important step forward"),
    "under way": _PLANNED,  # an issue opened: bids not in yet, so no vote of confidence
}
_DONE_VOICES = frozenset(
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
_DID = {
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
_PLANNED_DID = {
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
_APPROVAL_PHRASE = re.compile(
    r"^(?:getting|winning|receiving|securing|obtaining)\s+(?:\S+\s+){0,3}?"
    r"(?:approval|clearance|(?:the\s+)?nod|the\s+green\s+light)\b",
    re.IGNORECASE,
)
# Sentences around the news itself: {news} "Acme Corp's new partnership with Beta Labs".
_NEWS = {
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
_PLAIN_PHRASE = re.compile(r"[\w\s.,'&$%\u20ac\u00a3\u00a5\u20b9/:+\-]+")
# Not to quote though made of plain characters: an entity left escaped ("&NBSP;" in a shouted
# headline), or a dash between words (the headline's clause was not cut there, and what follows
# may be a publisher: "award - Reuters").
_NOT_PLAIN = re.compile(r"(?<!\w)&#?\w|&#|\s-\s")
_ENTITY_NAMES = frozenset(name.rstrip(";").lower() for name in html5 if len(name) > 2)


def _plain(phrase: str) -> bool:
    """Words and figures only: no markup, symbols or entities ("0&nbsp", unlike "AT&T"), and no
    quote left open ("'0 award"; a closing one alone is an apostrophe: "builders' federation")."""
    opened = len(re.findall(r"(?<!\w)'(?=\w)", phrase))
    closed = len(re.findall(r"(?<=\w)'(?!\w)", phrase))
    entity = any(w.lower() in _ENTITY_NAMES for w in re.findall(r"&([a-zA-Z]\w+)", phrase))
    return (
        bool(_PLAIN_PHRASE.fullmatch(phrase))
        and not _NOT_PLAIN.search(phrase)
        and not entity
        and opened <= closed
    )


def _without_owner(news: str, names: tuple[str, ...]) -> str:
    """The news without its owner, who may be the company or a unit named in full ("ICICI
    Prudential Life's"): only the rest can repeat the headline."""
    owners = rf"(?<!\w)(?:{names_alternation(names)})(?:\s+[A-Z][\w&.-]*){{0,3}}['\u2019]s?(?!\w)"
    return re.sub(owners, "", news)


def _garbled(phrase: str, opening: str = "") -> bool:
    """Not worth quoting: repeated words ("a a a"), a phrase too long to be a headline's, or a
    headline printed twice (a run of three words again, or the headline's ``opening`` words
    again: "winning an award Acme wins award")."""
    words = [w.strip(".,;:!?") for w in phrase.lower().split()]  # "Inc. Inc" is doubled too
    runs = list(zip(words, words[1:], words[2:], strict=False))
    return (
        len(words) > MAX_WORDS
        or any(a == b for a, b in itertools.pairwise(words))
        or len(set(runs)) < len(runs)
        or (bool(opening) and f" {opening.lower()} " in f" {' '.join(words)} ")
    )


def _yours(phrase: str) -> str:
    """The company's "its" as the reader's "your": "... for your cloud suite"."""
    return re.sub(r"\bits\b", "your", phrase)


# What a release's lead says between the company and its news: "Acme Corp, a maker of home
# batteries, today announced that it has won ..." is "Acme Corp won ...".
_LEAD_FILLER = re.compile(
    r"^(?:\s*,[^,]{1,100},)?\s+(?:(?:today|this\s+week)\s+)?"
    r"(?:(?:announced|said|reported|confirmed)\s+(?:today\s+)?(?:that\s+)?(?:it\s+)?(?:has\s+)?)?"
    r"(?P<news>.+)$"
)


def _lead_detail(kind: EventKind, lead: str, names: tuple[str, ...], company: str) -> Detail | None:
    """A detail from the lead's first sentence, only when that sentence starts with the company
    (so it is about the same news, told by the company's side), once a release's dateline and
    the words between the company and its news are set aside."""
    first = re.split(r"(?<=[.!?])\s+(?=[A-Z])", lead.strip(), maxsplit=1)[0]
    first = clean_headline(first, names).rstrip(".")
    name = next((n for n in names if first.lower().startswith(n.lower())), None)
    if name is None:
        return None
    told = _LEAD_FILLER.match(first[len(name) :])
    sentence = f"{name} {told.group('news')}" if told else first
    return detail(kind, sentence, names, company) or detail(kind, first, names, company)


# Market-page shorthand a note should not repeat when a detail can say it plainly.
_JARGON = re.compile(r"\b(?:nod|bourses?|mcap|scrip|biz|yoy|qoq|stk)\b", re.IGNORECASE)
# A fund raising not yet done: "plans to raise", "IPO opens on Thursday", "set to launch IPO".
_PLANNED_FUNDING = re.compile(
    r"\b(?:to\s+(?:raise|launch|list|float|issue|tap|sell|go\s+public|seek)|plans?|planning|"
    r"opens?|proposes?|seeks?|eyes|mulls|files\s+for)\b",
    re.I,
)


def _generic(kind: EventKind, headline: str, owner: str) -> Detail:
    """The news named by its kind alone, when no detail can be named safely."""
    if kind is EventKind.FUNDING and _PLANNED_FUNDING.search(headline):
        return Detail(f"{owner} planned fundraising", "announced plans to raise new funds")
    return Detail(f"{owner} {_KIND_NEWS[kind]}", KIND_CLAUSES[kind])


# Headline slang for a verb, in the words a note would use: "Acme bags order" -> "wins".
_SLANG_VERBS = {
    "bags": "wins", "bagged": "won", "bag": "win", "inks": "signs", "inked": "signed",
    "ink": "sign", "hikes": "raises", "hiked": "raised", "hike": "raise",
}  # fmt: skip
_SLANG = "|".join(_SLANG_VERBS)
_ANY_SLANG = re.compile(rf"(?:{_SLANG})\b", re.IGNORECASE)  # what plain_verbs needs, checked first


# Money is secured, not won: "bags $22M Series A" -> "secures".
_SLANG_FUNDING = {"bags": "secures", "bagged": "secured", "bag": "secure"}


def _names_more(news: str, phrase: str, names: tuple[str, ...]) -> bool:
    """Whether ``news`` names someone (a capitalised word inside it, not the company's own
    name) that ``phrase`` leaves out."""
    for name in sorted(names, key=len, reverse=True):
        news = re.sub(rf"{re.escape(name)}(?:['\u2019]s?)?", "", news)
    named = {w.strip(".,;:'\u2019") for w in news.split()[1:] if w[:1].isupper()}
    return bool(phrase) and any(name and name not in phrase for name in named)


def plain_verbs(told: str, names: tuple[str, ...], kind: EventKind | None = None) -> str:
    """Slang verbs where a verb stands: right after the company's name ("Acme bags order") or
    after "to" ("to hike its stake"); a noun ("price hikes") is left alone."""
    if not _ANY_SLANG.search(told):
        return told  # no pattern holding the company's name to compile
    ours = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    verbs = _SLANG_VERBS | (_SLANG_FUNDING if kind is EventKind.FUNDING else {})

    def plain(match: re.Match[str]) -> str:
        word = match.group("verb")
        said = verbs[word.lower()]
        return match.group("before") + (said.capitalize() if word[:1].isupper() else said)

    told = re.sub(
        rf"(?P<before>(?:^|\s)(?:{ours})(?:\s+(?:Ltd|Limited|Inc|Corp|plc)\.?)?\s+)"
        rf"(?P<verb>{_SLANG})\b",
        plain,
        told,
        flags=re.I,
    )
    return re.sub(rf"(?P<before>\bto\s+)(?P<verb>{_SLANG})\b", plain, told, flags=re.I)


def phrasings(
    title: str,
    company_name: str,
    kind: EventKind,
    names: tuple[str, ...] = (),
    lead: str = "",
) -> dict[str, tuple[tuple[str, str], ...]]:
    """Every (sentence, clause) for each tone, VARIANTS of each, best first; all within MAX_WORDS.

    A phrase quoted from the headline comes first; when there is none (or it would make the
    sentence too long), the news is named with its detail, else by its kind alone."""
    names = names or (company_name,)
    cleaned = clean_headline(title, names)
    # "Acme shares jump on $200 million order": the order is the news, not the share move.
    reason = share_move_reason(cleaned, names)
    told = f"{company_name} {reason}" if reason else told_of_company(cleaned, names) or cleaned
    told = plain_verbs(told, names, kind)
    phrase, done = (
        (reason_phrase(reason) if reason else None) or event_phrase(told, names) or ("", "")
    )
    # "Acme Corp wins": a phrase or detail carrying these again has quoted a doubled headline.
    opening = next(
        (m[0] for n in names if (m := re.match(rf"{re.escape(n)}\s+\S+", cleaned, re.I))), ""
    )
    if not _plain(phrase) or _garbled(phrase, opening):
        phrase = ""  # never quote markup, symbols or garbled text: name the news instead
    found = (
        detail(kind, cleaned, names, company_name)
        or (reason_detail(kind, reason, possessive(company_name)) if reason else None)
        or (detail(kind, told, names, company_name) if told != cleaned else None)
    )
    from_lead = found is None and bool(lead)
    if from_lead:
        found = _lead_detail(kind, lead, names, company_name)
    owner = possessive(company_name)
    # The news names its owner ("the 12% rise in Acme Corp's revenue"): only the rest is quoted.
    if found is not None and (
        not _plain(found.news) or _garbled(_without_owner(found.news, names), opening)
    ):
        found = None
    if found is not None and AMOUNT.search(found.news) and not AMOUNT.search(phrase):
        phrase = ""  # "pricing its IPO above range" says less than "its $610 million IPO"
    if found is not None and _JARGON.search(phrase):
        phrase = ""  # "getting Sebi nod for its IPO": the detail says it in plain words
    if found is not None and _names_more(found.news, phrase, (*names, company_name)):
        phrase = ""  # "winning another drug deal" says less than "its drug deal with Inovio"
    if from_lead and found is not None and not re.search(r"[A-Z0-9$\u00a3\u20ac\u20b9]", phrase):
        phrase = ""  # "announcing a new partnership": the lead names the partner
    said = results(cleaned, names, owner) if kind is EventKind.GROWTH else None
    if said is not None and not said.as_written:
        phrase = ""  # the figure read from the shorthand says it better than the quoted words
    generic = _generic(kind, cleaned, owner)
    told_plan = found.clause if found is not None else generic.clause
    planned = (phrase.startswith("planning to ") and kind in _DONE_VOICES) or (
        not phrase and told_plan.startswith("announced plans")
    )
    praise = found.praise if found is not None and not phrase else ""
    if phrase and _APPROVAL_PHRASE.match(phrase):
        praise = "approval"
    voice = _PLANNED if planned else _PRAISE[praise] if praise else _VOICES[kind]
    words = {"exclaim": voice.exclaim, "warm": voice.warm, "formal": voice.formal}
    team = company_name if company_name.lower().startswith("the ") else f"the {company_name}"
    result: dict[str, tuple[tuple[str, str], ...]] = {}
    for tone in TONES:
        options = []
        for variant in range(VARIANTS):
            candidates: list[tuple[str, str]] = []
            if phrase:
                # "Acme Corp winning the award", or "Acme Corp's new partnership with Beta"
                about = (
                    f"{owner} {phrase[4:]}"
                    if phrase.startswith("the ")
                    else f"{company_name} {phrase}"
                )
                # Warm speaks to the reader: the company's "its" is "your" (not in {about}).
                spoken = _yours(phrase) if tone == "warm" else phrase
                templates = _PLANNED_DID if phrase.startswith("planning to ") else _DID
                text = templates[tone][variant].format(
                    team=f"{team} team", company=company_name, phrase=spoken, done=done,
                    about=about, **words,
                )  # fmt: skip
                candidates.append((text, _yours(done)))  # "now that you've ..."
            for news in (found, generic):
                if news is not None:
                    text = _NEWS[tone][variant].format(news=news.news, **words)
                    candidates.append((text, news.clause))
            options.append(
                next((c for c in candidates if len(c[0].split()) <= MAX_WORDS), candidates[-1])
            )
        result[tone] = tuple(options)
    return result


def congratulation(
    title: str, company_name: str, kind: EventKind, names: tuple[str, ...] = ()
) -> str:
    """The default sentence: the first formal phrasing."""
    return phrasings(title, company_name, kind, names)["formal"][0][0]


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
    options = phrasings(event.title, company_name, event.kind, names, event.summary)
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

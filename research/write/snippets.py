"""Pure: congratulatory snippets for an event or a plain headline, in two tones and a few
phrasings per kind of news, with the clause that completes "especially now that you've ...".
The praise and the sentences are worded in voices.py; congratulate.py offers them to programs."""

from __future__ import annotations

import itertools
import re
from html.entities import html5

from ..errors import InvalidInput
from ..models import Event, EventKind, Snippet, Tone
from .details import Detail, after_name, names_alternation
from .figures import AMOUNT
from .grammar import possessive
from .headline import clean_headline
from .kind_details import detail
from .people import honoured_person
from .phrase import KIND_CLAUSES, MAX_WORDS, event_phrase, reason_phrase
from .reasons import reason_detail
from .results import results
from .share_moves import share_move_reason, told_of_company
from .units import unit_named
from .voices import (
    APPROVAL_PHRASE,
    DID,
    DONE_VOICES,
    KIND_NEWS,
    NEWS,
    PLANNED,
    PLANNED_DID,
    PRAISE,
    VOICES,
)

TONES: tuple[Tone, ...] = ("warm", "formal")
VARIANTS = 3


_PLAIN_PHRASE = re.compile(r"[\w\s.,'&$%\u20ac\u00a3\u00a5\u20b9/:+\-]+")
# Not to quote though made of plain characters: an entity left escaped ("&NBSP;" in a shouted
# headline), or a dash between words (the headline's clause was not cut there, and what follows
# may be a publisher: "award - Reuters").
_NOT_PLAIN = re.compile(r"(?<!\w)&#?\w|&#|\s-\s")
# A wire's or publisher's name inside the news is the feed's label, never quoted ("wins
# <b>NEWSWIRE award": the markup and the wire's name around a title the feed mangled).
_WIRE_NAME = re.compile(
    r"\b(?:PR ?Newswire|Business ?Wire|Globe ?Newswire|Accesswire|EIN Presswire|Newswire|"
    r"Reuters|Associated Press|Bloomberg|Press Release)\b",
    re.IGNORECASE,
)
_ENTITY_NAMES = frozenset(name.rstrip(";").lower() for name in html5 if len(name) > 2)


def _plain(phrase: str) -> bool:
    """Words and figures only: no markup, symbols or entities ("0&nbsp", unlike "AT&T"), and no
    quote left open ("'0 award"; a closing one alone is an apostrophe: "builders' federation")."""
    opened = len(re.findall(r"(?<!\w)(?<!\w\.)'(?=\w)(?!s\b)", phrase))  # not "Ltd.'s"
    closed = len(re.findall(r"(?<=\w)'(?!\w)", phrase))
    entity = any(w.lower() in _ENTITY_NAMES for w in re.findall(r"&([a-zA-Z]\w+)", phrase))
    return (
        bool(_PLAIN_PHRASE.fullmatch(phrase))
        and not _NOT_PLAIN.search(phrase)
        and not _WIRE_NAME.search(phrase)
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
_NOD = re.compile(r"(?<!\ba )(?<!\ban )(?<!\bthe )(?<=[\w.] )nod\b(?!-)")
# A fund raising not yet done: "plans to raise", "IPO opens on Thursday", "set to launch IPO".
_PLANNED_FUNDING = re.compile(
    r"\b(?:to\s+(?:raise|launch|list|float|issue(?!\s+price)|tap|sell|go\s+public|seek)|plans?|planning|"
    r"opens?|proposes?|seeks?|eyes|mulls|files\s+for)\b",
    re.I,
)


# An expansion not yet made: "plans to enter new markets", "to help Acme fund expansion".
_PLANNED_EXPANSION = re.compile(
    r"\b(?:plans?|planning|to\s+(?:enter|expand|open|set\s+up|build|fund|launch)|eyes|mulls|"
    r"proposes?|seeks?|set\s+to|fund(?:s|ing)?\s+(?:its\s+)?expansion)\b",
    re.I,
)


def _generic(kind: EventKind, headline: str, owner: str) -> Detail:
    """The news named by its kind alone, when no detail can be named safely."""
    if kind is EventKind.FUNDING and _PLANNED_FUNDING.search(headline):
        return Detail(f"{owner} planned fundraising", "announced plans to raise new funds")
    if kind is EventKind.EXPANSION and _PLANNED_EXPANSION.search(headline):
        return Detail(f"{owner} planned expansion", "announced plans to expand")  # not "expanded"
    return Detail(f"{owner} {KIND_NEWS[kind]}", KIND_CLAUSES[kind])


# Headline slang for a verb, in the words a note would use: "Acme bags order" -> "wins".
_SLANG_VERBS = {
    "bags": "wins", "bagged": "won", "bag": "win", "inks": "signs", "inked": "signed",
    "ink": "sign", "hikes": "raises", "hiked": "raised", "hike": "raise",
}  # fmt: skip
# A results headline's verbs for reporting ("MRF clocks record profit", "books solid growth").
_SLANG_GROWTH = {
    "clocks": "posts", "clocked": "posted", "clock": "post",
    "books": "posts", "booked": "posted", "book": "post",
}  # fmt: skip
_SLANG = "|".join([*_SLANG_VERBS, *_SLANG_GROWTH])
_ANY_SLANG = re.compile(rf"(?:{_SLANG})\b", re.IGNORECASE)  # what plain_verbs needs, checked first


# A share issue right after the company's name (and its amount), then its verb: "Acme Rs
# 300-crore IPO to hit market", "Acme IPO values ...": the headline's verb tells of the issue.
_ISSUE_SPEAKS = re.compile(
    r"(?:'s)?\s+(?:(?:Rs\.?\s?|US\$|\$|\u00a3|\u20ac|\u20b9)?\d[\d,.]*"
    r"(?:-?(?:crore|cr|million|billion|bn|mn|lakh|k))?\s+(?:(?:crore|cr|million|billion|bn|mn|lakh)\s+)?)?"
    r"(?:IPO|FPO|QIP|listing|float|offering|bonds?|qualified institutional placement"
    r"|(?:bond|debenture|NCD|rights|public)\s+issue)\s+[a-z]",
    re.IGNORECASE,
)

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
    verbs |= _SLANG_GROWTH if kind is EventKind.GROWTH else {}

    def plain(match: re.Match[str]) -> str:
        word = match.group("verb")
        said = verbs.get(word.lower())
        if said is None:
            return match.group(0)  # "books" of another kind of news: left as written
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
    # "Tata Power Rs 2,000 crore rights issue ...": the news is the unit's, named so
    subject = unit_named(cleaned, names) or company_name
    owner = possessive(subject)
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
    if kind is EventKind.AWARD and (person := honoured_person(cleaned, names, owner)):
        phrase, found = "", person  # "Acme CEO named ...": the CEO was named, not Acme
    from_lead = found is None and bool(lead)
    if from_lead:
        found = _lead_detail(kind, lead, names, company_name)
    # The news names its owner ("the 12% rise in Acme Corp's revenue"): only the rest is quoted.
    if found is not None and (
        not _plain(found.news) or _garbled(_without_owner(found.news, names), opening)
    ):
        found = None
    if found is not None and AMOUNT.search(found.news) and not AMOUNT.search(phrase):
        phrase = ""  # "pricing its IPO above range" says less than "its $610 million IPO"
    if found is not None and _ISSUE_SPEAKS.match(cleaned, after_name(cleaned, names)):
        phrase = ""  # "Acme IPO values the company at $3 billion": the IPO's verb, not Acme's
    if found is not None and _JARGON.search(phrase):
        phrase = ""  # "getting Sebi nod for its IPO": the detail says it in plain words
    # "getting FDA nod to proceed": headline shorthand for approval, which needs no article
    phrase, done = (_NOD.sub("approval", said) for said in (phrase, done))
    if found is not None and _names_more(found.news, phrase, (*names, company_name)):
        phrase = ""  # "winning another drug deal" says less than "its drug deal with Inovio"
    if from_lead and found is not None and not re.search(r"[A-Z0-9$\u00a3\u20ac\u20b9]", phrase):
        phrase = ""  # "announcing a new partnership": the lead names the partner
    said = results(cleaned, names, owner) if kind is EventKind.GROWTH else None
    if said is not None and not said.as_written:
        phrase = ""  # the figure read from the shorthand says it better than the quoted words
    generic = _generic(kind, cleaned, owner)
    told_plan = found.clause if found is not None else generic.clause
    if phrase.startswith("planning ") and not phrase.startswith("planning to "):
        # "planning another IPO": a plan, told as announced ("has announced plans for ...")
        done = f"announced plans for {phrase.removeprefix('planning ').removeprefix('for ')}"
    planned = (phrase.startswith("planning ") and kind in DONE_VOICES) or (
        not phrase and told_plan.startswith("announced plans")
    )
    praise = found.praise if found is not None and not phrase else ""
    if phrase and APPROVAL_PHRASE.match(phrase):
        praise = "approval"
    if phrase.startswith("filing ") and kind is EventKind.FUNDING:
        praise = "under way"  # "filing for its IPO": a step ahead, no money raised to praise yet
    voice = PLANNED if planned else PRAISE[praise] if praise else VOICES[kind]
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
                    else f"{subject} {phrase}"
                )
                # Warm speaks to the reader: the company's "its" is "your" (not in {about}).
                spoken = _yours(phrase) if tone == "warm" else phrase
                templates = PLANNED_DID if phrase.startswith("planning ") else DID
                text = templates[tone][variant].format(
                    team=f"{team} team", company=company_name, phrase=spoken, done=done,
                    about=about, **words,
                )  # fmt: skip
                candidates.append((text, _yours(done)))  # "now that you've ..."
            for news in (found, generic):
                if news is not None:
                    text = NEWS[tone][variant].format(news=news.news, **words)
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

"""Pure, first-pass headline classification: which kind of good news, or which kind of bad news.

Keyword rules over the headline, chosen so that a mistake drops good news rather than praising bad
news: any negative cue wins over any positive one ("record revenue but cuts 150 jobs" is dropped),
and questions and hedged headlines are never treated as events. The rules' patterns are data, in
patterns.py; whose event a trigger tells is decided in subject.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from ..models import EventKind
from .bad_news import NEGATIVE_FAMILIES
from .match import sentence_case
from .patterns import (
    APPOINTED,
    HEDGE,
    KIND_RULES,
    OF_ANOTHER,
    PREVENTS,
    QUESTION_START,
    SHARE_MOVE,
    TITLE_AFTER,
    TITLE_BEFORE,
    TITLE_INSIDE,
)
from .subject import CLAUSE_BREAK, good_for_subject, same_clause, subject_problem
from .syntax import Rule, rx


def _lower(text: str) -> str:
    """Lower case with every character kept in place, so positions match the original."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


# The patterns of patterns.py, compiled once.
_NEGATIVE_FAMILIES = tuple((family, Rule(pattern)) for family, pattern in NEGATIVE_FAMILIES)
_HEDGE = Rule(HEDGE)
_QUESTION_START = rx(QUESTION_START)
_KIND_RULES = tuple((kind, Rule(pattern)) for kind, pattern in KIND_RULES)
_PREVENTS = rx(PREVENTS)
_OF_ANOTHER = rx(OF_ANOTHER)
_SHARE_MOVE = Rule(SHARE_MOVE)
_APPOINTED = rx(APPOINTED)
_TITLE_BEFORE = rx(TITLE_BEFORE)
_TITLE_AFTER = rx(TITLE_AFTER)
_TITLE_INSIDE = rx(TITLE_INSIDE)

# "announces third-quarter earnings release date", "to report results on May 5": a calendar entry.
_SCHEDULE = re.compile(
    r"\b(release|reporting|conference call|webcast) date\b|\bearnings (release|call|webcast)\b"
    r"|\b(to|will) (release|report|announce|publish)\b[^.;]{0,40}\b(results|earnings)\b"
    r"|\bschedules?\b[^.;]{0,40}\b(results|earnings|conference call|webcast)\b"
)

POSITIVE, NEGATIVE, NEUTRAL = "positive", "negative", "neutral"


class Basis(str, Enum):
    """Which rule decided a reading: what a learned reading may add to it, and what it may not."""

    EVENT = "event"  # a kind of good news, the company's own
    NEGATIVE = "negative"  # a family of bad news
    HEDGE = "hedge"  # speculation, plans others report, offers, bids
    SHARE_MOVE = "share_move"  # only the share price moved
    NO_EVENT = "no_event"  # nothing the rules know
    QUESTION = "question"  # a question or a date for results
    ROLE = "role"  # the event is someone else's: buyer, customer, linked party, litigant
    NOT_ABOUT = "not_about"  # the headline is not about the company


@dataclass(frozen=True)
class Classification:
    """What a headline says about one company, with the reasons a user can read.

    ``confidence`` is how sure the judge is that the headline is news to congratulate the company
    on (1.0 for an event the rules find; the learned reading's probability for one only it
    finds). ``learned`` is the learned reading's probability whenever it knows the headline's
    words (None when it does not, or was not asked): events rank by it too.
    """

    kind: EventKind | None
    tone: str  # "positive", "negative" or "neutral" toward that company
    about_company: bool
    congratulable: bool
    reasons: tuple[str, ...]
    trigger: str = ""
    basis: Basis = Basis.NO_EVENT
    confidence: float = 0.0
    learned: float | None = None


def read_headline(title: str, subject_at: int | None) -> Classification:
    """Tone and kind of a headline toward the company whose name starts at ``subject_at``
    (None when the headline does not name it: the company is then taken as the subject)."""
    text = " ".join(title.split())
    lower = _lower(text)
    if text.endswith("?") or _QUESTION_START.match(text):
        return _neutral("phrased as a question, not news", Basis.QUESTION)
    if ("date" in lower or "result" in lower or "earning" in lower or "call" in lower
            or "webcast" in lower) and _SCHEDULE.search(lower):  # fmt: skip
        return _neutral(
            "a date set for results or a call, not news to congratulate", Basis.QUESTION
        )
    attributed = _attribution(text)
    if attributed:
        return Classification(
            None, NEUTRAL, True, False,
            (f"someone's view or a report, not news ({attributed!r})",), attributed, Basis.HEDGE,
        )  # fmt: skip
    for family, pattern in _NEGATIVE_FAMILIES:
        for match in pattern.finditer(lower):
            if _PREVENTS.search(text, 0, match.start()) or _OF_ANOTHER.match(text, match.end()):
                continue
            if _conceded(text, match):
                continue  # "grows despite a gloomy market", "first payout since its bailout"
            if subject_at is not None and good_for_subject(text, match, family, subject_at):
                if family == "legal trouble":
                    return _neutral(
                        "the company is the one taking legal action: not news to congratulate",
                        Basis.ROLE,
                    )
                continue
            words = text[match.start() : match.end()]
            return Classification(
                None, NEGATIVE, True, False, (f"negative news ({family}: {words!r})",), words,
                Basis.NEGATIVE,
            )  # fmt: skip
    hedges: list[re.Match[str]] | None = None  # found on the first trigger: most have none
    for kind, pattern in _KIND_RULES:
        for match in pattern.finditer(lower):
            if _about_the_share_price(lower, match) or _in_a_job_title(lower, match):
                continue
            if hedges is None:
                hedges = list(_HEDGE.finditer(lower))
            # "launches a $3 billion bid for Beta": a formal offer; the bid is the trigger's own
            hedge = next((h for h in hedges if not _bid_in_trigger(lower, kind, match, h)), None)
            if (
                hedge is not None
                and (hedge.start() < match.end() or same_clause(text, match.start(), hedge.start()))
                and not _done_before_trigger(text, lower, hedge, match)
            ):
                break  # hedged: "could win", "wins contract, expects more" is still a fact
            forecast = _forecast_before(lower, match) if kind in _FORECASTABLE else None
            if forecast is not None:
                words = text[forecast.start() : match.end()].strip()
                return Classification(
                    None, NEUTRAL, True, False, (f"speculation, not news ({words!r})",), words,
                    Basis.HEDGE,
                )  # fmt: skip
            if kind is EventKind.GROWTH and _NOT_REAL_GROWTH.search(lower):
                found = _NOT_REAL_GROWTH.search(text)
                said = found.group(0) if found else ""
                return _neutral(f"results only in line with estimates, or a one-off ({said!r})")
            problem = subject_problem(text, kind, match, subject_at)
            if problem is None:
                trigger = text[match.start() : match.end()].strip()
                return Classification(
                    kind, POSITIVE, True, True, (f"{kind.value} ({trigger!r})",), trigger,
                    Basis.EVENT, 1.0,
                )  # fmt: skip
            if problem:
                return _neutral(problem, Basis.ROLE)
    first = _HEDGE.search(lower) if hedges is None else next(iter(hedges), None)
    if first is not None:
        words = text[first.start() : first.end()]
        return Classification(
            None, NEUTRAL, True, False, (f"speculation, not news ({words!r})",), words, Basis.HEDGE
        )
    if _SHARE_MOVE.search(lower):
        return _neutral(
            "a share-price move alone is not an event to congratulate", Basis.SHARE_MOVE
        )
    return _neutral("no event to congratulate (neutral news)")


# Kinds that a modal or a purpose "to" turns into a forecast: "to post higher profit", "will
# see strong earnings", "to help Acme boost sales" (a plan to buy or to launch is still news).
_FORECASTABLE = frozenset(
    {EventKind.GROWTH, EventKind.AWARD, EventKind.NEW_ACCOUNT, EventKind.MILESTONE}
)
_FORECAST_BEFORE = re.compile(
    r"\b(will|would|could|may|might|can|should|must|need to|needs to"
    r"|to (post|report|show|register|log|clock|see|witness|deliver|help|boost|lift|drive|aid|fuel"
    r"|benefit|gain|get|win|bag|land|receive|become|be))\b(\s+[\w'&.-]+){0,3}\s+$"
)


def _forecast_before(lower: str, trigger: re.Match[str]) -> re.Match[str] | None:
    """A modal or a purpose "to" before the trigger, or before its first word when that is the
    verb: "to post higher profit", and "to post record profit" (trigger "post record profit")."""
    start = trigger.start()
    verb_end = lower.find(" ", start, trigger.end())
    end = verb_end + 1 if verb_end != -1 else start
    return _FORECAST_BEFORE.search(lower, max(0, start - 40), end)


# A bad word after these is the background, not the company's news: "grows despite a gloomy
# market", "first 100% mortgages since the crisis", "profit rises as it resists the oil slump".
_CONCEDED = re.compile(
    r"\b(despite|in spite of|defying|defies|defy|resists?|resisting|resisted|weathers?|weathered"
    r"|shrugs? off|shrugged off|since|amid|outpac(e|es|ed|ing))\b(\s+[\w'%$.,&-]+){0,3}\s+$",
    re.IGNORECASE,
)
# ... but only a bad background: the market, the economy, a crisis. "despite a lawsuit" or
# "despite lower margins" is the company's own trouble in a mixed headline.
_BACKGROUND = re.compile(
    r"\b(markets?|economy|economic|sector|industry|recession|downturn|slump|crisis|gloom|gloomy"
    r"|headwinds?|volatility|pandemic|war|inflation|rates|bail-?out|turmoil|uncertainty|oil|prices"
    r"|weather|competition|ftse|index|indices|benchmark|sensex|nifty|dow|nasdaq"
    r"|clients|customers|consumers|shoppers)\b",
    re.IGNORECASE,
)
# ... and not the company's own figures: "profit rises despite sales slump in China" is mixed.
_OWN_FIGURE = re.compile(
    r"\b(sales|revenues?|profits?|margins?|volumes?|orders|earnings|deliveries|subscribers"
    r"|market share|shares|stock)\b",
    re.IGNORECASE,
)
# A sentence-case headline ending in a name after a colon is someone's view ("...: Jane Doe,
# Acme Securities"); a trailing "sources" or "report" is a report, not news.
_ATTRIBUTED_TO_REPORT = re.compile(
    r"(?::|\s[-\u2013\u2014])\s*(sources?|sources say|source says|reports?|media reports?)\s*$"
    r"|:\s*(bloomberg|reuters|wsj|cnbc|analysts?|experts?|brokers?|brokerages?)\s*$"
    r"|:\s*(\w+ )?(key )?(takeaways|highlights|things to (know|watch( out for)?)|what (experts|analysts|brokers) say)\b"
    r"|^\s*(decoding|explained|explainer|analysis|opinion|comment|view|preview)\b",
    re.IGNORECASE,
)
_ATTRIBUTED_TO_PERSON = re.compile(
    r":\s*[A-Z][a-zA-Z.'-]+(\s+[A-Z][a-zA-Z.'-]+){1,3}(,\s*[A-Z][\w.&'-]*(\s+[A-Z&][\w.&'-]*){0,4})?\s*$"
)


def _attribution(text: str) -> str:
    """The attribution that makes a headline a report or someone's view, or ""."""
    found = _ATTRIBUTED_TO_REPORT.search(text)
    if found:
        return found.group(0).strip(" :-\u2013\u2014")
    found = _ATTRIBUTED_TO_PERSON.search(text)
    if found and sentence_case(text[: found.start()]):
        return found.group(0).strip(" :")
    return ""


# "weighs cash handout after beating profit forecast": what came first is done, whatever is
# weighed next.
_DONE_CAUSE = re.compile(r"\b(after|following)\s+$")


def _done_before_trigger(
    text: str, lower: str, hedge: re.Match[str], trigger: re.Match[str]
) -> bool:
    """The hedge comes before the trigger in its clause, and the trigger opens a cause already
    done ("top picks: Beta after record profit" is the picks' clause, and Beta's profit)."""
    return (
        hedge.end() <= trigger.start()
        and same_clause(text, hedge.end(), trigger.start())
        and bool(_DONE_CAUSE.search(lower, hedge.end(), trigger.start()))
    )


def _bid_in_trigger(
    lower: str, kind: EventKind, trigger: re.Match[str], hedge: re.Match[str]
) -> bool:
    return (
        kind is EventKind.ACQUISITION
        and trigger.start() <= hedge.start() < trigger.end()
        and lower.startswith("bid", hedge.start())
    )


def _conceded(text: str, match: re.Match[str]) -> bool:
    """A bad word that only sets the scene, after "despite", "since", "amid" and the like."""
    marker = _CONCEDED.search(text, max(0, match.start() - 40), match.start())
    if marker is None:
        return False
    scene = text[marker.start() : match.end() + 30]
    clause_end = CLAUSE_BREAK.search(scene, marker.end() - marker.start())
    scene = scene[: clause_end.start() if clause_end else None]
    return _BACKGROUND.search(scene) is not None and _OWN_FIGURE.search(scene) is None


_SHARE_SUBJECT = re.compile(r"\b(shares?|stocks?|scrip|stock price)\b[^.;:|]{0,25}$")


def _about_the_share_price(lower: str, match: re.Match[str]) -> bool:
    """A trigger whose subject is the share price ("shares set a new record", "stock posts its
    best-ever day", "shares jump in Nasdaq debut"): market talk, not the company's event."""
    if _TRADED_VOLUMES.match(match.group(0)) and _traded(lower, match):
        return True  # "hits 52-week high; volumes surge": shares traded, not goods sold
    if _BUSINESS_NOUN.search(match.group(0)):
        return False  # "shares surge on record profit": the profit is the event
    subject = _SHARE_SUBJECT.search(lower, 0, match.start())
    # "shares rally on pact with X", "as it wins": what follows the connector is the event.
    return subject is not None and not _CAUSE.search(lower, subject.start(), match.start())


def _in_a_job_title(lower: str, match: re.Match[str]) -> bool:
    """A trigger inside the title of a post someone is named to: "appoints Jane Doe as head of
    debt financing", "names John Roe chief partnership officer"."""
    if _APPOINTED.search(lower, 0, match.start()) is None:
        return False
    return bool(
        _TITLE_BEFORE.search(lower, max(0, match.start() - 60), match.start())
        or _TITLE_AFTER.match(lower, match.end())
        or _TITLE_INSIDE.search(lower, match.start(), match.end())
    )


_TRADED_VOLUMES = re.compile(r"(trading )?volumes?\b")
# Volumes of a business: "sales volumes jump", "cargo volumes rise".
_OWN_VOLUMES = re.compile(
    r"\b(sales|sold|production|output|cargo|freight|passenger|vehicle|car|cement|steel|loan"
    r"|deposit|business|export|domestic|retail|shipment|dispatch)s?\s+$"
)


def _traded(lower: str, match: re.Match[str]) -> bool:
    """Volumes in a headline about the share price are shares traded: "locked in upper
    circuit, hits 52-week high; volumes surge"."""
    if _OWN_VOLUMES.search(lower, max(0, match.start() - 20), match.start()):
        return False
    return "circuit" in lower or _SHARE_MOVE.search(lower) is not None


_CAUSE = re.compile(r"\b(on|as|after|following|post|with|over|amid)\b")


_BUSINESS_NOUN = re.compile(
    r"\b(revenue|profit|sales|results|earnings|income|net|order|contract|deal|customers?|users|award"
    r"|show|numbers|quarter)\b"
)


def _neutral(reason: str, basis: Basis = Basis.NO_EVENT) -> Classification:
    return Classification(None, NEUTRAL, True, False, (reason,), basis=basis)


# Results that only meet estimates, or a profit from a one-off, are not growth to congratulate.
_NOT_REAL_GROWTH = re.compile(
    r"\bin-line\b|\b(in line with|meets?|matches|matched)\b[^.;]{0,12}\b(estimates?|expectations|forecasts?|street)\b"
    r"|\b(one-time|one-off|exceptional|extraordinary)\b",
    re.IGNORECASE,
)

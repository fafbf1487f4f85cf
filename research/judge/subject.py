"""Pure: whose event a headline's trigger tells, once the rules have found one: the company's
own, or someone else's (the buyer, the customer, the one suing, the company named after it)."""

from __future__ import annotations

import re

from ..models import EventKind
from .patterns import ACTS_LEGALLY, BEING_BOUGHT, CHOOSES_COMPANY, SOLD_TO_COMPANY
from .syntax import rx

# The clues of patterns.py, compiled once.
_CHOOSES_COMPANY = rx(CHOOSES_COMPANY)
_ACTS_LEGALLY = rx(ACTS_LEGALLY)
_BEING_BOUGHT = rx(BEING_BOUGHT)
_SOLD_TO_COMPANY = rx(SOLD_TO_COMPANY)
# A new-account trigger whose subject is the customer: "Beta selects Acme" is Acme's win.
_CHOOSING = re.compile(r"(selects?|chooses|picks|taps)\b")
CLAUSE_BREAK = re.compile(
    r"[;:|]|\s[-\u2013\u2014]\s|\b(but|while|amid|despite|even as)\b", re.IGNORECASE
)


def same_clause(text: str, start: int, end: int) -> bool:
    low, high = sorted((start, end))
    return CLAUSE_BREAK.search(text, low, high) is None


def good_for_subject(text: str, match: re.Match[str], family: str, subject_at: int) -> bool:
    """Negative words that are not bad news for this company: it is the one suing ("Acme sues
    Beta"), or the one a contract was lost to ("Beta loses contract to Acme")."""
    if family == "legal trouble" and subject_at < match.start():
        # Searched past the match: whether "sued" has an object depends on what follows it.
        acting = _ACTS_LEGALLY.search(text, subject_at)
        return (
            acting is not None
            and acting.start() < match.end()
            and len(text[subject_at : acting.start()].split()) <= 4
        )
    if family == "a lost deal" and subject_at > match.end():
        return bool(re.search(r"\bto\s+$", text[match.end() : subject_at]))
    return False


def _continues_subject(text: str, subject_at: int, trigger_at: int) -> bool:
    """A later clause with no name of its own still speaks of the headline's subject:
    "Geometric rallies post Q1 results; net profit rises"."""
    if trigger_at < subject_at:
        return False
    breaks = list(CLAUSE_BREAK.finditer(text, subject_at, trigger_at))
    clause = text[breaks[-1].end() : trigger_at]
    return not any(word[:1].isupper() for word in clause.split()[1:])


# What follows "buys" or "acquires" when it is an investment: shares, a stake it does not size or
# one under ten per cent, a buyback. (Ten per cent or more reads as a strategic stake.)
_AN_INVESTMENT = re.compile(
    # shares bought are an investment; shares paid ("all-stock deal", "in cash and shares") not
    r"\s*(-?back\b|[^;:|]{0,40}(?<!-)(?<!\bin )(?<!\band )"
    r"\b(shares?|stocks?|securities|bonds|units|debentures)\b(?!\s+(deal|transaction|swap))"
    r"|[^;:|]{0,15}\b(minority|small|strategic) stake\b|\s*(a |an |its )?stake\b(?! of (5[1-9]|[6-9]\d|100))"
    r"|[^;:|]{0,20}(?<![\d.])\d(\.\d+)? ?(%|per ?cent|pc)(( [\w&.-]+){0,2} stake| in)\b)",
    re.IGNORECASE,
)
_AN_INVESTMENT_REASON = "buying shares or a small stake is an investment, not an acquisition"
# A trigger that names the stake itself: "picks up minority stake in".
_A_STAKE_TAKEN = re.compile(
    r"(picks up|takes?|took|buys|acquires?)\b(?=.*\bstake\b)" + _AN_INVESTMENT.pattern,
    re.IGNORECASE,
)
# The company's name, then its deal: "Acme's $2.7 billion takeover", "Acme's deal for Beta".
_OWN_DEAL = re.compile(
    r"[^\s']+(\s+[^\s']+){0,4}?('s?|\u2019s?)\s+([\w$\u00a3\u20ac.,-]+\s+){0,3}"
    r"(takeover|acquisition|deal|merger|purchase|bid|buyout)\b",
    re.IGNORECASE,
)
_WITH_BEFORE = re.compile(r"\bwith\s+(the\s+)?$", re.IGNORECASE)
# A connector and then another capitalised name just before a purchase: that name buys.
_ANOTHER_ACTOR = re.compile(r"\b(as|after|when|while|post|since)\s+(?:[A-Z][a-zA-Z&.'-]*\s+){1,3}$")
_INTERNAL = re.compile(
    r"\b(merge|merger|amalgamate|amalgamates|amalgamated|amalgamation)\b[^.;]{0,40}\b(with itself|subsidiaries|group (companies|firms|entities))",
    re.IGNORECASE,
)
_REPAIR_OR_SALE = re.compile(
    r"\bin (an? )?(arbitration|lawsuit|suit|case|dispute|damages|settlement)\b"
    r"|\bto (help )?(cut|reduce|repay|pare|trim|retire|lower) (its |the )?(debt|loans?|borrowings?)"
    r"|\brefinanc"  # a refinancing only replaces debt
    r"|\bdebt (load|burden|pile)|\bfrom (\w+ ){0,3}(stake|share|asset|business|unit) sale"
    r"|\bvia (a )?(\w+ )?(stake|asset) sale|\bby selling\b[^.;]{0,30}\b(stakes?|assets?|projects?|units?|businesses|business|propert(y|ies)|land|holdings?)\b(?![^.;]{0,15}\b(via|through|in) (an? |its )?(ipo|public|offer))|\bdivest"
    r"|\b(govt|government)\b[^.;]{0,12}\b(raise|raises|raising|stake sale|disinvestment)",
    re.IGNORECASE,
)


def subject_problem(
    text: str, kind: EventKind, match: re.Match[str], subject_at: int | None
) -> str | None:
    """None when the event is the company's own; a reason when it is someone else's; "" to keep
    looking for another trigger."""
    sold = re.match(r"(acquired|bought|taken over) by|sells?|sold", match.group(0))
    if kind is EventKind.ACQUISITION and sold:
        # "X acquired by Acme", "X sells unit to Acme": only the company named after is buying.
        if subject_at is not None and _SOLD_TO_COMPANY.search(text[:subject_at]):
            if _AN_INVESTMENT.match(match.group(0), sold.end()):
                return _AN_INVESTMENT_REASON  # "to sell 5 per cent stake in Beta to Acme"
            return None
        return "the company is being acquired, not buying" if "by" in match.group(0) else ""
    if _INTERNAL.search(text):
        return "a merger inside the group is a reorganisation, not news to congratulate"
    after = text[match.end() : match.end() + 70]
    if kind is EventKind.ACQUISITION and (
        _AN_INVESTMENT.match(after) or _A_STAKE_TAKEN.match(match.group(0))
    ):
        return _AN_INVESTMENT_REASON
    if kind is EventKind.FUNDING and _REPAIR_OR_SALE.search(
        text[max(0, match.start() - 40) : match.end() + 70]
    ):
        return "money raised to cut debt or by selling assets is not news to congratulate"
    if subject_at is None:
        return None
    if not same_clause(text, subject_at, match.start()) and not _continues_subject(
        text, subject_at, match.start()
    ):
        return ""
    if kind is EventKind.ACQUISITION and _SOLD_TO_COMPANY.search(text[:subject_at]):
        return None
    if kind is EventKind.ACQUISITION and _OWN_DEAL.match(text, subject_at):
        return None  # "regulators clear Acme's takeover of Beta": Acme's deal
    if (
        kind is EventKind.ACQUISITION
        and subject_at < match.start()
        and _ANOTHER_ACTOR.search(text, subject_at, match.start())
    ):
        return ""  # "Acme rallies as Beta Capital buys stake": Beta Capital's doing
    if subject_at < match.start():
        if kind is EventKind.ACQUISITION and _BEING_BOUGHT.search(text):
            return "the company is being acquired, not buying"
        if kind is EventKind.NEW_ACCOUNT and _CHOOSING.match(match.group(0)):
            return ""  # the customer choosing a supplier ("Beta selects Acme"): not Beta's win
        return None
    if kind is EventKind.PARTNERSHIP:
        # partners are partners whichever is named first, but "Beta rallies on tie-up with
        # Acme" is told as Beta's news, Acme only its counterpart
        return "" if _WITH_BEFORE.search(text, 0, subject_at) else None
    # The name comes after the trigger: fine for nouns ("record profit for Acme") and for verbs
    # that make the company the chosen one ("Beta selects Acme"), not otherwise.
    before_name = text[:subject_at]
    if _CHOOSES_COMPANY.search(before_name):
        return None
    if kind is EventKind.ACQUISITION:
        return "the company is being acquired, not buying"
    if kind is EventKind.NEW_ACCOUNT:
        return ""  # "order for Acme", "replaces Beta as provider for Acme": Acme is the customer
    if re.match(r"\s*([\d%.,$-]+\s+){0,2}(for|of|at|by)\s", text[match.end() : subject_at] or " "):
        return None
    return ""

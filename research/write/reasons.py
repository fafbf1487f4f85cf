"""Pure: the news a share move is explained by, named when it is a plain noun phrase ("shares up
4% on $200-million order" -> the order; "rallies on strategic tie-up with Teva" -> the tie-up;
"surges 28% on debut" -> the stock-market debut). The price move itself is never the news."""

from __future__ import annotations

import re

from ..models import EventKind
from .details import Detail
from .english import verb_forms
from .grammar import indefinite_article
from .noun_phrases import with_articles

_WON_HEADS = frozenset(
    "order orders contract contracts deal deals project mandate engagement".split()
)
# "strategic tie-up with Teva", "MoU with a Japan-based rating company": (agreement, partner)
_AGREEMENT = re.compile(
    r"(?P<agreement>(?:(?:strategic|technology|marketing|distribution|licensing)\s+)?"
    r"(?:tie-up|tieup|alliance|pact|MoU|partnership|agreement|JV|joint\s+venture|collaboration))"
    r"\s+with\s+(?P<partner>.+)$",
    re.IGNORECASE,
)
_SIGNED = ("pact", "mou", "agreement")  # signed; the others are formed
_ORDER_WIN = re.compile(
    r"(?P<what>(?:(?:big|major|large|fresh|new|maiden)\s+)?(?:(?P<amount>(?:Rs|\$|US\$|\u20b9)\s?"
    r"[\d,.]+(?:\s(?:crore|lakh|million|billion))?)\s+)?(?P<head>orders?|contracts?"
    r"|(?:coal|oil|gas|mining|exploration)\s+blocks?))\s+wins?"
    r"(?:\s+for\s+(?P<purpose>.+))?$",
    re.IGNORECASE,
)
_DEBUT = re.compile(
    r"(?:(?:a|its)\s+)?(?:(?:stellar|strong|bumper|bright|solid|stunning|good|decent)\s+)?"
    r"(?:(?:Nasdaq|NYSE|BSE|NSE|LSE|London|Wall\s+Street|Hong\s+Kong|Tokyo|Frankfurt)\s+)?"
    r"(?:(?:stock|share)?\s*market\s+|street\s+|bourse\s+|trading\s+|listing\s+)?debut"
    r"(?:\s+on\s+(?:the\s+)?(?:bourses|stock\s+exchanges?|BSE|NSE|Nasdaq|NYSE))?$",
    re.IGNORECASE,
)
_APPROVAL = re.compile(
    r"(?P<who>(?:US\s?)?FDA|USFDA|EMA|EU|DCGI|Sebi|SEBI|CCI|RBI)(?:'s)?\s+(?:nod|approval|clearance|"
    r"go-ahead)\s+for\s+(?P<what>.+)$",
    re.IGNORECASE,
)


def reason_detail(kind: EventKind, reason: str, owner: str) -> Detail | None:
    """The news a share move was explained by, named for ``owner`` ("Acme Corp's"), or None."""
    reason = re.split(r"\s*[,;:|]\s|\s+[-\u2013\u2014]\s", reason, maxsplit=1)[0].strip()
    if kind is EventKind.PARTNERSHIP:
        return _agreement(reason, owner)
    if kind is EventKind.NEW_ACCOUNT:
        return _order_win(reason, owner) or _won(reason, owner)
    # "soars in debut after China's biggest IPO since 2010": the debut, whatever came with it
    debut = re.split(r"\s+(?:after|as|amid|despite|following|while)\s+", reason, maxsplit=1)[0]
    if kind in (EventKind.LAUNCH, EventKind.FUNDING) and _DEBUT.fullmatch(debut):
        return Detail(f"{owner} stock-market debut", "made your stock-market debut")
    if kind is EventKind.LAUNCH:
        return _launch_of(reason, owner)
    if kind is EventKind.MILESTONE:
        return _approval(reason, owner)
    if kind is EventKind.ACQUISITION and (bought := _BUYOUT.fullmatch(reason)):
        # "gains 8% on buyout of Centum Learning": agreed or done, the headline does not say
        target = bought.group("target")
        return Detail(f"{owner} acquisition of {target}", f"announced the acquisition of {target}")
    return None


_BUYOUT = re.compile(
    r"(?:the\s+)?(?:buyout|acquisition|takeover|purchase)\s+of\s+"
    r"(?P<target>[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,3})"
)


def _agreement(reason: str, owner: str) -> Detail | None:
    match = _AGREEMENT.fullmatch(reason)
    if match is None:
        return None
    agreement = match.group("agreement")
    said = " ".join(with_articles([agreement, "with", *match.group("partner").split()]))
    said = re.sub(r"^(?:a|an|the)\s+", "", said)  # the owner or the verb's article goes there
    verb = "signed" if agreement.split()[-1].lower() in _SIGNED else "formed"
    first = agreement.split()[0]
    acronym = sum(c.isupper() for c in first) > 1  # "an MoU", read letter by letter
    article = ("an" if first[0] in "AEFHILMNORSX" else "a") if acronym else indefinite_article(said)
    return Detail(f"{owner} {said}", f"{verb} {article} {said}")


def _order_win(reason: str, owner: str) -> Detail | None:
    """ "big order win", "Rs 500 crore orders win", "order win for transmission lines"."""
    match = _ORDER_WIN.fullmatch(reason)
    if match is None:
        return None
    what = match.group("what")
    purpose = f" for {match.group('purpose')}" if match.group("purpose") else ""
    amount, head = match.group("amount"), match.group("head").lower()
    if amount and head.endswith("s"):
        won = f"{head} worth {amount}"  # "won orders worth Rs 500 crore"
    elif head.endswith("s"):
        won = what
    else:
        won = f"{indefinite_article(what)} {what}"
    return Detail(f"{owner} {what} win{purpose}", f"won {won}{purpose}")


def _won(reason: str, owner: str) -> Detail | None:
    """ "$200-million order": the order itself."""
    words = re.split(r"\s(?:from|with|for|in|amid|as|after)\s", reason, maxsplit=1)[0].split()
    if not words or words[-1].lower() not in _WON_HEADS:
        return None
    if any(w.lower() in verb_forms() for w in words[:-1]):
        return None  # "unit wins Rs 500 crore order" is a clause, not the order's name
    said = " ".join(words)
    article = "" if words[-1].endswith("s") else f"{indefinite_article(said)} "
    return Detail(f"{owner} {said}", f"won {article}{said}")


def _launch_of(reason: str, owner: str) -> Detail | None:
    """ "launch of new search app" -> the launch of a new search app."""
    words = reason.split()
    if len(words) < 3 or " ".join(words[:2]).lower() != "launch of":
        return None
    launched = " ".join(with_articles(words[2:], "launch"))
    return Detail(f"{owner} launch of {launched}", f"launched {launched}")


def _approval(reason: str, owner: str) -> Detail | None:
    """ "USFDA nod for Eszopiclone tablets" -> the USFDA approval for Acme's Eszopiclone
    tablets."""
    match = _APPROVAL.fullmatch(reason)
    if match is None:
        return None
    who, what = match.group("who"), match.group("what")
    # "Diovan's generic version": another's product is named after what is the company's own
    theirs = re.fullmatch(r"(?P<name>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)['\u2019]s\s+(?P<own>[a-z].*)", what)
    if theirs is not None:
        what = f"{theirs.group('own')} of {theirs.group('name')}"
    return Detail(
        f"the {who} approval for {owner} {what}", f"won {who} approval for your {what}", "approval"
    )

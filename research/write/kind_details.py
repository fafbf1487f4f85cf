"""Pure: the detail a congratulation names for each kind of news, from what its headline says
plainly; ``detail`` picks the kind's and names the news for the company."""

from __future__ import annotations

import re

from ..models import EventKind
from .approvals import (
    _approval,
    _deal_approved,
    _drug_status,
    _regulator_approval,
    _trial_success,
)
from .details import (
    Detail,
    acquired,
    award_event,
    award_name,
    customer,
    deal,
    names_alternation,
    offer_made,
    partner,
    place,
    product,
)
from .figures import amount, funding_round, growth_figure, milestone
from .grammar import indefinite_article, possessive
from .results import results
from .share_issues import _debut, _ipo_news
from .units import unit_named

# A raise not yet done: "to raise", "plans", "files for", "IPO opens", "gets nod for raising".
_DONE_RAISE = re.compile(
    r"\b(?:raises|raised|closes|closed|completes|completed|bags|secures|mops\s+up)\b", re.I
)
_PLANNED_RAISE = re.compile(
    r"\b(?:to\s+(?:raise|launch|list|float|issue(?!\s+price)|tap|sell|go\s+public|seek)|plans?|planning|"
    r"opens?|proposes?|seeks?|eyes|mulls|files?|nod|approv\w*|subscribed|set\s+to)\b",
    re.IGNORECASE,
)
# A raise its owners or board approved: "gets shareholders nod to raise up to Rs 1,000 crore".
_APPROVED_RAISE = re.compile(
    r"\b(?:gets?|got|receives?|wins?|secures?)\s+(?P<who>shareholder|board|member)s?(?:['\u2019]s?)?"
    r"\s+(?:nod|approval|go-ahead|consent)\s+(?:to|for)\s+(?:rais|garner|mobilis|mobiliz)",
    re.IGNORECASE,
)
_APPROVERS = {"shareholder": "the shareholders'", "board": "the board's", "member": "the members'"}
# People counted, rising with no figure given: "Passengers rise at easyJet".
_COUNTED = {
    "passengers": "passenger", "subscribers": "subscriber", "users": "user",
    "customers": "customer", "visitors": "visitor", "members": "member",
}  # fmt: skip
_RISING_COUNT = re.compile(
    r"\b(passengers|subscribers|users|customers|visitors|members)\s+(?:rise|rises|rose|grow|grows|"
    r"grew|climb|climbs|jump|jumps|up|increase|increases|soar|soars|surge|surges)\b",
    re.IGNORECASE,
)


def detail(kind: EventKind, title: str, names: tuple[str, ...], company: str) -> Detail | None:
    """The news with its detail for ``kind``, named for ``company``; None when nothing is safe,
    and always None when the headline does not name the company (whose news would it be?)."""
    if not any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", title, re.IGNORECASE) for n in names):
        return None
    # "Tata Power Rs 2,000 crore rights issue ...": the unit's issue, named as the unit's
    owner = possessive(unit_named(title, names) or company)
    return _DETAIL_BY_KIND[kind](title, names, owner, company)


def _award(title: str, names: tuple[str, ...], owner: str, company: str) -> Detail | None:
    found = award_name(title)
    if found is None:
        return None
    sort, name = found
    if sort == "prize":
        return Detail(f"{owner} {name.removeprefix('the ')}", f"received {name}")
    event = award_event(title)
    if sort == "title":
        return Detail(f"{owner} {name} award", f"won {name} at {event}" if event else f"won {name}")
    return Detail(f"{owner} win at {name}", f"won at {name}")


def _growth(title: str, names: tuple[str, ...], owner: str, company: str) -> Detail | None:
    said = results(title, names, owner)
    if said is not None:
        return Detail(said.news, said.clause, "" if said.strong else "modest")
    found = growth_figure(title)
    if found is None:
        rose = _RISING_COUNT.search(title)
        if rose is None:
            return None
        counted = f"{_COUNTED[rose.group(1).lower()]} numbers"
        return Detail(f"the rise in {owner} {counted}", f"grown your {counted}", "modest")
    percent, metric = found
    return Detail(
        f"{owner} {percent} rise in {metric}",
        f"posted {indefinite_article(percent)} {percent} rise in {metric}",
    )


_ISSUES = frozenset({"IPO", "rights issue", "bond issue", "NCD issue", "QIP"})


def _funding(title: str, names: tuple[str, ...], owner: str, company: str) -> Detail | None:
    debut = _debut(title, owner)
    if debut is not None:
        return debut
    news = _ipo_news(title, owner)
    money = amount(title)
    if news is not None or money is None:
        return news
    kind = funding_round(title, money)
    if re.search(rf"(?:{names_alternation(names)})(?!\w)\s+(?:is\s+)?raising\s", title):
        # "RBS raising $3.1 billion through issue of CoCo bonds": under way, not yet secured
        return Detail(f"{owner} {money} fundraising", f"begun raising {money}", "under way")
    approved = _APPROVED_RAISE.search(title)
    if approved is not None:  # "gets shareholders nod to raise up to Rs 42,000 crore": approved
        who = _APPROVERS[approved.group("who").lower()]
        return Detail(
            f"{who} approval for {owner} plan to raise {money}",
            f"won {who} approval to raise {money}",
            "approval",
        )
    if _PLANNED_RAISE.search(title) and not _DONE_RAISE.search(title):  # not raised yet
        if kind in _ISSUES and not money.startswith("up to"):
            return Detail(
                f"{owner} planned {money} {kind}",
                f"announced plans for {indefinite_article(money)} {money} {kind}",
            )
        if kind in _ISSUES:  # a ceiling: "plan to raise up to Rs 1,293 crore through an IPO"
            via = f" through {indefinite_article(kind)} {kind}"
            return Detail(
                f"{owner} plan to raise {money}{via}", f"announced plans to raise {money}{via}"
            )
        return Detail(f"{owner} plan to raise {money}", f"announced plans to raise {money}")
    if kind == "IPO":  # an IPO priced is not yet closed: say what was raised
        return Detail(f"{owner} {money} IPO", f"raised {money} in your IPO")
    if kind in _ISSUES:
        return Detail(
            f"{owner} {money} {kind}", f"raised {money} through {indefinite_article(kind)} {kind}"
        )
    if kind:
        return Detail(
            f"{owner} {money} {kind}", f"raised {indefinite_article(money)} {money} {kind}"
        )
    return Detail(f"the {money} in new funding for {company}", f"secured {money} in new funding")


def _new_account(title: str, names: tuple[str, ...], owner: str, company: str) -> Detail | None:
    who = customer(title, names)
    if who is None:
        return _deal(title, names, owner)
    return Detail(f"{owner} new business with {who}", f"won new business with {who}")


def _deal(title: str, names: tuple[str, ...], owner: str) -> Detail | None:
    found = deal(title, names)
    if found is None:
        return None
    what, noun, other = found
    named = f"{what} {noun}".strip()
    verb = "entered into" if noun in ("alliance", "partnership", "tie-up") else "signed"
    return Detail(
        f"{owner} new {named} with {other}",
        f"{verb} {indefinite_article(named)} {named} with {other}",
    )


def _partnership(title: str, names: tuple[str, ...], owner: str, company: str) -> Detail | None:
    other = partner(title, names)
    venture = "joint venture" if _JOINT_VENTURE.search(title) else "partnership"
    if other is None:
        if venture == "joint venture" and (split := _SPLIT.search(title)):
            return Detail(f"{owner} new {split.group(0)} joint venture", "formed a joint venture")
        return _deal(title, names, owner)
    return Detail(f"{owner} new {venture} with {other}", f"formed a new {venture} with {other}")


# "Kinder Morgan and BP Form Joint Venture", "completes establishment of a 50:50 JV": a joint
# venture, said as one; its split when the headline gives one.
_JOINT_VENTURE = re.compile(r"\b(?:joint\s+venture|JV)\b", re.IGNORECASE)
_SPLIT = re.compile(r"\b\d{1,2}:\d{1,2}(?=\s+(?:joint\s+venture|JV)\b)", re.IGNORECASE)


_A_MARKET = re.compile(r"\b(?:BSE|NSE|bourses?|stock|shares?|listing|Nasdaq|NYSE|IPO)\b", re.I)


def _launch(title: str, names: tuple[str, ...], owner: str, company: str) -> Detail | None:
    if _A_MARKET.search(title) and (debut := _debut(title, owner)) is not None:
        return debut  # "makes decent debut, surges 17% on BSE": a listing, not a product
    name = product(title, names)
    return Detail(f"{owner} launch of {name}", f"launched {name}") if name else None


def _acquisition(title: str, names: tuple[str, ...], owner: str, company: str) -> Detail | None:
    approved = _deal_approved(title, names, owner)
    if approved is not None:
        return approved
    offer = offer_made(title, names)
    if offer is not None:  # an offer made for the company: the bid, not yet a deal done
        money, bid_for = offer  # "bid", not "offer": the sentence offers its congratulations
        return Detail(f"{owner} {money} bid for {bid_for}", f"made a {money} bid for {bid_for}")
    found = acquired(title, names)
    if found is None:
        return None
    target, planned = found
    if planned:
        return Detail(f"{owner} planned acquisition of {target}", f"agreed to acquire {target}")
    return Detail(f"{owner} acquisition of {target}", f"acquired {target}")


def _expansion(title: str, names: tuple[str, ...], owner: str, company: str) -> Detail | None:
    found = place(title)
    if found is None:
        return None
    preposition, where = found
    company_names = names_alternation(names)
    if re.search(rf"(?:{company_names})(?:\s+Ltd\.?)?\s+(?:plans\s+)?to\s+\w", title):
        # "Just Dial Ltd to set up shop in UK, UAE": announced, not done
        return Detail(
            f"{owner} planned expansion into {where}", f"announced plans to expand into {where}"
        )
    return Detail(f"{owner} expansion {preposition} {where}", f"expanded {preposition} {where}")


def _milestone(title: str, names: tuple[str, ...], owner: str, company: str) -> Detail | None:
    found = milestone(title)
    if found is None:
        return (
            _approval(title, owner)
            or _regulator_approval(title, names, owner)
            or _drug_status(title, names, owner)
            or _trial_success(title, owner)
            or _discovery(title, owner)
            or _ipo_news(title, owner)
        )
    if found.endswith(("anniversary", "milestone")):
        return Detail(f"{owner} {found}", f"reached your {found}")
    return Detail(f"{owner} {found} milestone", f"reached the milestone of your {found}")


# "strikes gas in Mozambique", "oil discovery in second well", "major gas find": a find of oil or
# gas, where the headline says.
_FOUND_OIL_OR_GAS = re.compile(
    r"\b(?:(?:strikes?|struck|finds?|found|discovers?|discovered)\s+(?P<what>oil|gas|oil\s+and\s+gas)"
    r"|(?P<what2>oil|gas|oil\s+and\s+gas)\s+(?:discovery|find|strike))\b",
    re.IGNORECASE,
)


def _discovery(title: str, owner: str) -> Detail | None:
    found = _FOUND_OIL_OR_GAS.search(title)
    if found is None:
        return None
    what = " ".join((found.group("what") or found.group("what2")).lower().split())
    where = place(title)
    at = f" {where[0]} {where[1]}" if where else ""
    return Detail(f"{owner} {what} discovery{at}", f"struck {what}{at}")


_DETAIL_BY_KIND = {
    EventKind.AWARD: _award,
    EventKind.GROWTH: _growth,
    EventKind.FUNDING: _funding,
    EventKind.NEW_ACCOUNT: _new_account,
    EventKind.PARTNERSHIP: _partnership,
    EventKind.LAUNCH: _launch,
    EventKind.ACQUISITION: _acquisition,
    EventKind.EXPANSION: _expansion,
    EventKind.MILESTONE: _milestone,
}

"""Pure: a share issue's news as its headline tells it: the demand ("IPO oversubscribed 8.63
times"), its opening, a regulator's nod for it, the stock-market debut."""

from __future__ import annotations

import re

from .details import Detail
from .figures import AMOUNT, amount
from .grammar import indefinite_article

_TIMES = r"(?:(?:\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten)\s+times|\d+(?:\.\d+)?x(?!\w))"
# The demand for a share issue as the headline tells it: "IPO oversubscribed 8.63 times", "FPO
# fully subscribed", "IPO subscribed 1.47 times" (at least once over: 0.55 times is not news).
_SUBSCRIBED = re.compile(
    rf"\b(?P<issue>IPO|FPO|rights issue|bond issue|NCD issue|debenture issue|issue|bonds?)\b[^,;:]*?\b(?:(?:is|was|gets|got)\s+)?(?:"
    rf"(?P<how>fully\s+|over-?\s?)subscribed(?:\s+(?:by\s+)?(?:over\s+|nearly\s+|about\s+)?"
    rf"(?P<after>{_TIMES}))?|"
    rf"subscribed\s+(?P<plain>{_TIMES})|"
    rf"(?P<before>{_TIMES})\s+over-?subscribed)",
    re.IGNORECASE,
)
# "IPO sees robust demand; subscribed 43 times": the demand told after a break, of the issue the
# headline names before it.
_SUBSCRIBED_AFTER_BREAK = re.compile(
    rf"\b(?P<issue>IPO|FPO|rights issue|bond issue|debenture issue|issue|bonds?)\b[^.]*?[;,:]\s*"
    rf"(?:(?P<how>fully\s+|over-?\s?)?subscribed\s+(?:by\s+)?(?:over\s+|nearly\s+|about\s+)?"
    rf"(?P<after>{_TIMES})|(?P<before>{_TIMES})\s+over-?subscribed)",
    re.IGNORECASE,
)
_ISSUE_WORDS = {
    "IPO": "IPO", "FPO": "follow-on share offer", "RIGHTS ISSUE": "rights issue",
    "BOND ISSUE": "bond issue", "NCD ISSUE": "debenture issue", "DEBENTURE ISSUE": "debenture issue",
    "QIP": "QIP", "QUALIFIED INSTITUTIONAL PLACEMENT": "qualified institutional placement",
    "PUBLIC ISSUE": "public issue",
}  # fmt: skip
_REGULATOR_NOD = re.compile(
    r"\b(?:gets?|receives?|wins?|secures?|bags?)\s+(?P<who>Sebi|SEBI|RBI|CCI|FIPB|DCGI|USFDA|"
    r"US\s?FDA|FDA|EMA)(?:'s)?\s+(?:nod|approval|clearance|go-ahead)\s+for\s+(?:its\s+|an?\s+|the\s+)?"
    r"(?P<what>(?:[\w,.-]+\s+){0,3}?(?:IPO|FPO|issue|listing))\b|"
    r"\b(?P<what2>IPO|FPO)s?\s+(?:of\s+[^;:]{1,80}?\s+)?gets?\s+(?P<who2>Sebi|SEBI)(?:'s)?\s+"
    r"(?:nod|approval|go-ahead)",
)


# "Acme, Beta Foods file for IPO", "files draft papers for IPO": a filing, no money raised yet.
_FILED = re.compile(
    r"\b(?:files?|filed)\s+(?:(?:draft\s+)?(?:papers|prospectus)\s+)?for\s+(?:an?\s+|its\s+)?"
    r"(?P<issue>IPO|FPO)s?\b",
)
# "Acme, Beta get nod for IPOs": an issue cleared, by a regulator the headline does not name.
_CLEARED = re.compile(
    r"\b(?:gets?|got|receives?|wins?|secures?)\s+(?:the\s+)?(?:nod|approval|go-ahead|green\s+light)\s+"
    r"for\s+(?:its\s+|their\s+|an?\s+)?(?P<issue>IPO|FPO)s?\b"
)
_OPENS = re.compile(r"\b(?P<issue>IPO|FPO|rights issue|public issue)\s+opens\b", re.IGNORECASE)
# Demand told in words: "IPO sees robust demand", "bond issue a big hit", "QIP draws big investor
# interest". Said as "strong demand": the headline's own superlatives are left to it.
_STRONG_DEMAND = re.compile(
    r"\b(?P<issue>IPO|FPO|QIP|qualified institutional placement|rights issue|public issue|bond issue|"
    r"NCD issue|bonds?|NCDs|issue)\b"
    r"[^.]{0,40}?\b(?:(?:robust|strong|overwhelming|spectacular|huge|big|good|record|solid|heavy|"
    r"tremendous|bumper|massive|great)\s+(?:demand|response|subscription|investor\s+interest|"
    r"interest)|a\s+(?:big\s+|huge\s+)?hit|draws?\s+(?:big\s+|strong\s+|huge\s+|good\s+)?"
    r"(?:investor\s+)?(?:interest|demand|bids))\b",
    re.IGNORECASE,
)
# "IPO to hit market on Feb 21", "IPO hits market today": the issue opens, no bids in yet.
_TO_MARKET = re.compile(
    r"\b(?P<issue>IPO|FPO|public issue|bond issue|NCD issue)\b[^.;]{0,30}?\b(?:(?P<plan>to\s+)hit|hits)"
    r"\s+(?:the\s+)?(?:markets?|D-Street|Dalal\s+Street|street)\b"
    r"(?!\s+(?:rout|turmoil|slump|crash|volatility|jitters|sell-?off)\b)",
    re.IGNORECASE,
)


def _ipo_news(title: str, owner: str) -> Detail | None:
    """An issue's demand ("IPO oversubscribed 8.63 times") or a regulator's nod for it ("gets
    Sebi nod for IPO"), as the headline says them; bids are in, the money not yet raised."""
    demand = _demand(title)
    if demand is not None:
        issue, said = demand
        money = amount(title)
        if money is not None:
            issue = f"{money} {issue}"
        # covered about once: welcome, not yet "what a vote of confidence"
        praise = "modest" if _barely_covered(said) else ""
        return Detail(f"{owner} {issue} being {said}", f"seen your {issue} {said}", praise)
    valued = _valuation(title, owner) or _placement(title, owner)
    if valued is not None:
        return valued
    strong = _STRONG_DEMAND.search(title)
    if strong is not None:
        issue = _issue_in_words(strong.group("issue"), title)
        money = amount(title)
        if money is not None:
            issue = f"{money} {issue}"
        return Detail(
            f"the strong demand for {owner} {issue}", f"seen strong demand for your {issue}"
        )
    to_market = _TO_MARKET.search(title)
    if to_market is not None:
        issue = _issue_in_words(to_market.group("issue"), title)
        if to_market.group("plan"):
            return Detail(f"{owner} coming {issue}", f"announced your {issue}", "under way")
        return Detail(f"the opening of {owner} {issue}", f"opened your {issue}", "under way")
    opens = _OPENS.search(title)
    if opens is not None:  # "IPO opens today": the issue is launched, the money not yet raised
        issue = _ISSUE_WORDS.get(opens.group("issue").upper(), opens.group("issue").lower())
        return Detail(f"the opening of {owner} {issue}", f"opened your {issue}", "under way")
    nod = _REGULATOR_NOD.search(title)
    if nod is None:
        cleared = _CLEARED.search(title)
        if cleared is not None:  # "get nod for IPOs": cleared, though the headline says by whom
            issue = _ISSUE_WORDS[cleared.group("issue")]
            return Detail(
                f"the approval for {owner} {issue}", f"won approval for your {issue}", "approval"
            )
        filed = _FILED.search(title)
        if filed is None:
            return None
        issue = _ISSUE_WORDS[filed.group("issue")]
        return Detail(
            f"{owner} {issue} filing", f"filed for {indefinite_article(issue)} {issue}", "under way"
        )
    who = nod.group("who") or nod.group("who2")
    what = nod.group("what") or nod.group("what2")
    return Detail(
        f"{who}'s approval for {owner} {what}", f"won {who}'s approval for your {what}", "approval"
    )


# "IPO values bank at $17.9 billion", "valued at $7.4 billion in London listing": what the
# listing makes the company worth (planned when "to value").
_VALUED = re.compile(
    rf"\b(?P<issue>IPO|listing|float|offering)\b[^.;]{{0,25}}?\b(?P<plan>to\s+)?(?:values?|valued|"
    rf"valuing)\b[^.;]{{0,40}}?\bat\s+(?P<worth>(?:up\s+to\s+|about\s+|over\s+|above\s+)?"
    rf"{AMOUNT.pattern})"
    rf"|\bvalued\s+at\s+(?P<worth2>{AMOUNT.pattern})\s+in\s+(?:its\s+|an?\s+|the\s+)?(?:\w+\s+){{0,2}}?"
    rf"(?P<issue2>listing|IPO|float|debut)\b",
    re.IGNORECASE,
)


# "allots shares worth Rs 400 cr to institutional investors": shares placed, money raised.
_PLACED = re.compile(
    rf"\b(?:allots?|allotted|issues?|issued)\s+(?:[\d.,]+\s+(?:lakh|crore|million)\s+)?(?:equity\s+)?"
    rf"shares\s+(?:worth\s+(?P<money>{AMOUNT.pattern})\s+)?to\s+(?P<who>(?:qualified\s+)?institutional|"
    rf"anchor)\s+investors\b",
    re.IGNORECASE,
)


def _placement(title: str, owner: str) -> Detail | None:
    found = _PLACED.search(title)
    if found is None:
        return None
    who = " ".join(found.group("who").lower().split())
    money = found.group("money")
    if money:
        return Detail(
            f"{owner} {money} share placement with {who} investors",
            f"placed {money} of shares with {who} investors",
        )
    return Detail(
        f"{owner} share placement with {who} investors", f"placed shares with {who} investors"
    )


def _valuation(title: str, owner: str) -> Detail | None:
    found = _VALUED.search(title)
    if found is None:
        return None
    said = (found.group("issue") or found.group("issue2")).upper()
    issue = "IPO" if said == "IPO" else "stock-market listing"
    worth = found.group("worth") or found.group("worth2")
    if found.group("plan"):
        return Detail(
            f"{owner} coming {issue} at a valuation of {worth}",
            f"announced your {issue} at a valuation of {worth}",
            "under way",
        )
    return Detail(
        f"{owner} {issue} at a valuation of {worth}",
        f"reached a valuation of {worth} in your {issue}",
    )


def _issue_in_words(said: str, title: str) -> str:
    """The issue a headline names, in plain words: "IPO", "bond issue" ("bonds", or an "issue" of
    bonds), "debenture issue" ("NCDs"), else "share issue"."""
    plain = _ISSUE_WORDS.get(said.upper())
    if plain is not None:
        return plain
    bonds = re.search(r"\bbonds?\b", title, re.IGNORECASE)
    debentures = re.search(r"\b(?:debentures?|NCDs?)\b", title, re.IGNORECASE)
    return "bond issue" if bonds else "debenture issue" if debentures else "share issue"


def _barely_covered(said: str) -> bool:
    """ "fully subscribed", "subscribed 1.31 times": enough bids, not a rush for the shares."""
    times = re.search(r"(\d+(?:\.\d+)?) times", said)
    return said == "fully subscribed" or (times is not None and float(times.group(1)) < 2)


def _demand(title: str) -> tuple[str, str] | None:
    """(the issue in plain words, how it was subscribed) when the headline tells the demand."""
    match = _SUBSCRIBED.search(title) or _SUBSCRIBED_AFTER_BREAK.search(title)
    if match is None:
        return None
    issue = _issue_in_words(match.group("issue"), title)
    plain = match.groupdict().get("plain")
    if plain is not None:
        number = plain.split()[0]
        if number[0].isdigit() and float(number) < 1:
            return None  # undersubscribed so far: not news to congratulate
        return issue, f"subscribed {plain}"
    times = match.group("after") or match.group("before")
    if times and times.endswith("x"):
        times = f"{times[:-1]} times"  # "oversubscribed 12.09x"
    how = match.group("how")
    if how is None:  # "5 times oversubscribed"; "; subscribed 43 times"
        said = "oversubscribed" if match.group("before") else "subscribed"
    else:
        said = "fully subscribed" if how.strip(" -").lower() == "fully" else "oversubscribed"
    return issue, f"{said} {times}" if times else said


# "to make stock market debut on December 23", "makes decent debut": in a funding headline, a
# listing, not a raise (and the headline's verdict on it, "decent", is left out).
_DEBUT = re.compile(
    r"\b(?:(?P<plan>to\s+)?(?:make|makes|made|making)\s+(?:its\s+|their\s+|a\s+)?(?:\w+\s+)?"
    r"(?:(?:stock|share)[- ]market\s+|market\s+|bourse\s+|trading\s+|listing\s+)?debut|debuts|"
    r"(?<=after\s)listing\s+at"  # "after listing at 12 per cent gain": its first day of trade
    r"|lists\s+(?:at|with)\b(?=[^;]{0,30}\bpremium\b))"  # "lists at Rs 222, a 23% premium"
    r"(?:\s+on\s+(?P<when>(?:[A-Z][a-z]{2,8}\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})\b))?",
)


def _debut(title: str, owner: str) -> Detail | None:
    found = _DEBUT.search(title)
    if found is None:
        return None
    when = f" on {found.group('when')}" if found.group("when") else ""
    if found.group("plan"):
        return Detail(
            f"{owner} coming stock-market debut{when}",
            f"announced plans for your stock-market debut{when}",
        )
    return Detail(f"{owner} stock-market debut{when}", f"made your stock-market debut{when}")

"""Pure: a share issue's news as its headline tells it: the demand ("IPO oversubscribed 8.63
times"), its opening, a regulator's nod for it, the stock-market debut."""

from __future__ import annotations

import re

from .details import Detail
from .figures import amount
from .grammar import indefinite_article

_TIMES = r"(?:\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten)\s+times"
# The demand for a share issue as the headline tells it: "IPO oversubscribed 8.63 times", "FPO
# fully subscribed", "IPO subscribed 1.47 times" (at least once over: 0.55 times is not news).
_SUBSCRIBED = re.compile(
    rf"\b(?P<issue>IPO|FPO|rights issue|bond issue|NCD issue|debenture issue|issue)\b[^,;:]*?\b(?:(?:is|was|gets|got)\s+)?(?:"
    rf"(?P<how>fully\s+|over-?\s?)subscribed(?:\s+(?:by\s+)?(?:over\s+|nearly\s+|about\s+)?"
    rf"(?P<after>{_TIMES}))?|"
    rf"subscribed\s+(?P<plain>{_TIMES})|"
    rf"(?P<before>{_TIMES})\s+over-?subscribed)",
    re.IGNORECASE,
)
_ISSUE_WORDS = {
    "IPO": "IPO", "FPO": "follow-on share offer", "RIGHTS ISSUE": "rights issue",
    "BOND ISSUE": "bond issue", "NCD ISSUE": "debenture issue", "DEBENTURE ISSUE": "debenture issue",
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


def _ipo_news(title: str, owner: str) -> Detail | None:
    """An issue's demand ("IPO oversubscribed 8.63 times") or a regulator's nod for it ("gets
    Sebi nod for IPO"), as the headline says them; bids are in, the money not yet raised."""
    demand = _demand(title)
    if demand is not None:
        issue, said = demand
        money = amount(title)
        if money is not None:
            issue = f"{money} {issue}"
        return Detail(f"{owner} {issue} being {said}", f"seen your {issue} {said}")
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


def _demand(title: str) -> tuple[str, str] | None:
    """(the issue in plain words, how it was subscribed) when the headline tells the demand."""
    match = _SUBSCRIBED.search(title)
    if match is None:
        return None
    said = match.group("issue").upper()
    bonds = re.search(r"\bbonds?\b", title, re.IGNORECASE)
    debentures = re.search(r"\b(?:debentures?|NCDs?)\b", title, re.IGNORECASE)
    issue = _ISSUE_WORDS.get(said) or (
        "bond issue" if bonds else "debenture issue" if debentures else "share issue"
    )
    plain = match.group("plain")
    if plain is not None:
        number = plain.split()[0]
        if number[0].isdigit() and float(number) < 1:
            return None  # undersubscribed so far: not news to congratulate
        return issue, f"subscribed {plain}"
    times = match.group("after") or match.group("before")
    how = (match.group("how") or "over").strip(" -").lower()
    said = "fully subscribed" if how == "fully" else "oversubscribed"
    return issue, f"{said} {times}" if times else said


# "to make stock market debut on December 23", "makes decent debut": in a funding headline, a
# listing, not a raise (and the headline's verdict on it, "decent", is left out).
_DEBUT = re.compile(
    r"\b(?:(?P<plan>to\s+)?(?:make|makes|made|making)\s+(?:its\s+|their\s+|a\s+)?(?:\w+\s+)?"
    r"(?:(?:stock|share)[- ]market\s+|market\s+|bourse\s+|trading\s+|listing\s+)?debut|debuts|"
    r"(?<=after\s)listing\s+at"  # "after listing at 12 per cent gain": its first day of trade
    r"|lists\s+(?:at|with)\b(?=[^;]{0,30}\bpremium\b))"  # "lists at Rs 222, a 23% premium"
    r"(?:\s+on\s+(?P<when>(?:[A-Z][a-z]{2,8}\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}|[A-Z][a-z]+day)\b))?",
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

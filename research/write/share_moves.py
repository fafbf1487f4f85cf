"""Pure: the news a share move or a share-price page wraps: "Tesco shares jump 6% after Christmas
sales beat expectations" is news of Christmas sales beating expectations, "Acme surges 6%, bags
order" of Acme winning an order."""

from __future__ import annotations

import re

_MOVE = (
    r"(?:jumps?|rises?|gains?|surges?|soars?|rall(?:y|ies)|climbs?|zooms?|up|spurts?|advances?|"
    r"spikes?|leads?|outperforms?(?:\s+(?:the\s+)?(?:sector|market|index|peers))?|"
    r"(?:is\s+)?at\s+\d+%\s+upper\s+circuit|hits?\s+(?:\d+%\s+)?upper\s+circuit|"
    r"hits?\s+[\w\s-]*?high|(?:is\s+|are\s+)?at\s+(?:an?\s+|its\s+)?(?:fresh\s+|new\s+)?[\w-]+\s+high|"
    r"firms?\s+up|trades?\s+higher|edges?\s+up|extends?\s+gains|gains?\s+momentum)"
    r"(?:\s+(?:over|nearly|about|almost|by|as\s+much\s+as))*(?:\s+\d+(?:\.\d+)?%)?"
    r"(?:\s+(?:intraday|in\s+early\s+trade|in\s+trade|today|in\s+\w+\s+sessions?))?"
)
_SHARES = re.compile(
    rf"^(?P<lead>.*?)\s+(?:shares?|stocks?|scrip|share\s+price)?\s*{_MOVE}(?:,?\s+(?:and\s+)?{_MOVE})*"
    r"(?:\s+from\s+(?:its\s+)?IPO\s+price)?"
    r"\s+(?:on|after|as|post|following|over(?=\s+[a-z])|in(?=\s+(?:its\s+|a\s+)?(?:\w+\s+){0,2}debut))\s+"
    r"(?P<reason>.+)$",
    re.I,
)


def share_move_reason(title: str, names: tuple[str, ...]) -> str | None:
    """The news behind a share move: "Tesco shares jump 6% after Christmas sales beat
    expectations" -> "Christmas sales beat expectations"; None when the headline is not one."""
    # "FTSE ends higher; 3i Group leads after strong earnings": the company's clause
    clauses = [title, *(part.strip() for part in title.split(";")[1:])]
    match = next((m for c in clauses if (m := _SHARES.match(c)) and _moved(m, names)), None)
    if match is None:
        return None
    reason = re.split(r"\s*[;|]\s|\s+[-\u2013\u2014]\s", match.group("reason"), maxsplit=1)[0]
    # "as company bags orders": the company is the subject already
    reason = re.sub(
        r"^(?:the\s+)?(?:company|firm|group|it)\s+(?=\w)", "", reason.strip(), flags=re.I
    )
    # "as consortium wins Rs 1,800 crore order": the company won it with others, and says so
    together = _WITH_OTHERS.match(reason)
    if together:
        reason = f"{reason[together.end() :].strip(' ,.')} as part of a {together.group(1).lower()}"
    return reason.strip(" ,.")


def unit_that_moved(title: str, names: tuple[str, ...]) -> str | None:
    """The unit a share move names in full, when it does: "AstraZeneca Pharma rallies on strong Q3
    show" moved AstraZeneca Pharma, the parent's listed unit, whose results they were."""
    match = _SHARES.match(title)
    if match is None:
        return None
    _, bare = _lead_names(match)
    return bare if any(_unit_of(bare, name) for name in names) else None


def _moved(match: re.Match[str], names: tuple[str, ...]) -> bool:
    """Whether the words before the share move name the company."""
    lead, bare = _lead_names(match)
    return any(_names_the_company(lead, n) or _names_the_company(bare, n) for n in names)


def _lead_names(match: re.Match[str]) -> tuple[str, str]:
    """The words before the news as a name, and the same without a legal suffix: "Venus Remedies
    Ltd" names Venus Remedies, "D B Corp" is named with its "Corp"; "Acme's" and "Acme:" are
    Acme."""
    lead = re.sub(r"['\u2019]s?$", "", match.group("lead").strip().rstrip(":"))
    return lead, re.sub(r"\s+(?:Ltd|Limited|Inc|Corp|plc|Co)\.?$", "", lead)


def _names_the_company(lead: str, name: str) -> bool:
    """The words before a share move are the company: its name, its name and a unit's word
    ("AstraZeneca Pharma"), or a list of companies that moved together ("TVS, Ashok Leyland,
    Escorts rally on strong September sales": each had the strong sales)."""
    if lead.lower() == name.lower():
        return True
    if any(part.lower() == name.lower() for part in re.split(r",\s*|\s+(?:and|&)\s+", lead)):
        return True
    if _DESCRIBED.search(lead) and lead.lower().endswith(" " + name.lower()):
        return True  # "airport operator AENA", "drugmaker Acme": the company, described
    return _unit_of(lead, name)


def _unit_of(lead: str, name: str) -> bool:
    """The name and a unit's word or two: "AstraZeneca Pharma", "VIP Industries"."""
    rest = lead[len(name) :].split() if lead.lower().startswith(name.lower() + " ") else []
    return 0 < len(rest) <= 2 and all(w[:1].isupper() and w.isalpha() for w in rest)


# A description right before a company's name: its trade, in a common noun.
_DESCRIBED = re.compile(
    r"\b(?:\w*operator|\w*maker|firm|company|giant|major|lender|carrier|airline|retailer|insurer|miner"
    r"|developer|chain|platform|startup|start-up|group|provider|manufacturer|producer|bank)\s+\S+$",
    re.IGNORECASE,
)


_WITH_OTHERS = re.compile(
    r"(?:its\s+|a\s+|the\s+)?(consortium|joint\s+venture)\s+(?:led\s+by\s+it\s+)?"
    r"(?=(?:wins|won|bags|bagged|secures|secured|lands|landed)\b)",
    re.IGNORECASE,
)


# "Acme surges 6%, bags Rs 125 crore order": the share move said first, then the news.
_MOVE_FIRST = re.compile(
    rf"^(?P<lead>.*?)\s+(?:shares?\s+|stock\s+)?{_MOVE}(?:,?\s+(?:and\s+)?{_MOVE})*\s*[,;]\s*"
    r"(?:and\s+)?(?P<news>[a-z].+)$",
    re.IGNORECASE,
)
# "Sainsbury's share price: Grocer launches click-and-collect": the company, then a word for it.
_PRICE_PAGE = re.compile(
    r"^(?P<lead>.+?)(?:['\u2019]s?)?\s+share\s+price\s*:\s*(?:the\s+)?(?P<word>[A-Za-z]+)\s+"
    r"(?P<news>.+)$",
    re.IGNORECASE,
)
_WORDS_FOR_A_COMPANY = frozenset(
    """company group firm grocer retailer bank lender insurer miner airline carrier operator
    brewer drugmaker carmaker supermarket chain utility""".split()
)


def _bare_name(name: str) -> str:
    """ "Sainsbury's" and "Sainsbury" alike."""
    return re.sub(r"['\u2019]s?$", "", name.strip()).lower()


def told_of_company(title: str, names: tuple[str, ...]) -> str | None:
    """The headline as news of the company, when a share move or a price page wraps it:
    "Acme surges 6%, bags order" -> "Acme bags order"; "Acme share price: Group gets approval"
    -> "Acme gets approval"; None when neither wraps it."""
    for pattern in (_MOVE_FIRST, _PRICE_PAGE):
        match = pattern.match(title)
        if match is None:
            continue
        lead, bare = _lead_names(match)
        named = next(
            (n for n in names if _bare_name(n) in (_bare_name(lead), _bare_name(bare))), None
        )
        if named is None:
            continue
        if pattern is _PRICE_PAGE and match.group("word").lower() not in _WORDS_FOR_A_COMPANY:
            continue
        return f"{named} {match.group('news')}"
    return None

"""Pure: the figures a headline states, copied as written: the amount raised and its round, a
rise in percent, an anniversary or a count reached."""

from __future__ import annotations

import re

_CURRENCY = r"(?:[A-Z]{0,2}\$|US\$|[\u20ac\u00a3\u00a5\u20b9]|Rs\.?\s?|(?:SEK|NOK|DKK|CHF|EUR|GBP|USD|JPY|INR)\s)"
_UNIT = r"(?:[\s-]?(?:million|billion|trillion|crore|lakh|bn|[mMbBkK])\b)?"
# "Rs 600-700 crore": a range is one amount
AMOUNT = re.compile(rf"{_CURRENCY}\d[\d,]*(?:\.\d+)?(?:-\d[\d,]*(?:\.\d+)?)?{_UNIT}")
_PERCENT = r"\d+(?:\.\d+)?%"


def amount(title: str) -> str | None:
    """The sum a funding headline says was raised: "$45 million" in "raises $45 million Series
    B"; never a total or valuation ("brings total raised to $20M", "at $1.5 billion valuation")."""
    for match in AMOUNT.finditer(title):
        before = title[: match.start()].split()[-4:]
        ceiling = " ".join(before[-2:]).lower() in ("up to", "upto") or before[-1:] == ["upto"]
        if ceiling:  # "to raise up to Rs 2,500 crore": the ceiling is the news as written
            before = before[: -1 if before[-1].lower() == "upto" else -2]
        after = title[match.end() :].split()[:2]
        raised = bool(before) and before[-1].lower() in _RAISE_VERBS
        funding_noun = any(w.lower().strip(",.") in _FUNDING_NOUNS for w in after)
        of_funding = [w.lower() for w in before[-2:]] == ["funding", "of"]
        if raised or funding_noun or of_funding:
            return f"up to {match.group(0)}" if ceiling else match.group(0)
    return None


_RAISE_VERBS = frozenset(
    "raise raises raising secures closes lands bags attracts completes wins nets gets announces "
    "receives mops garners mobilises mobilizes".split()
)
_FUNDING_NOUNS = frozenset(
    "series seed round investment financing funding loan grant ipo capital crowdfunding "
    "raise rights qip fpo bond bonds issue".split()
)


def funding_round(title: str, money: str) -> str | None:
    """ "Series B", "seed round", "IPO" or another issue right after the amount ("$45 million
    Series B", "Rs 300 crore rights issue")."""
    after = title[title.find(money) + len(money) :]
    match = re.match(
        r"\s+(?:(?:via|through)\s+(?:an?\s+|its\s+)?(?=IPO|rights|bond|NCD|QIP))?"
        r"(Series\s+[A-H]\b|seed\s+round\b|IPO\b|(?:rights|bond|NCD)\s+issue\b|QIP\b)",
        after,
        re.IGNORECASE,
    )
    if match:
        word = match.group(1)
        return word if word[:1].isupper() or word.startswith("seed") else word.lower()
    return "IPO" if re.search(r"\bIPO\b", title) else None


def growth_figure(title: str) -> tuple[str, str] | None:
    """("22%", "revenue") from "revenue grows 22%": the rise and what rose, as written."""
    match = re.search(
        rf"\b((?:same-store\s+|net\s+|operating\s+|quarterly\s+|annual\s+)?(?:revenue|sales|"
        rf"profit|income|earnings|orders|bookings|subscribers|exports))\s+(?:rises|grows|"
        rf"climbs?|jumps?|soars?|surges?|up|increases|gains|rose|grew)\s+({_PERCENT})",
        title,
        re.IGNORECASE,
    )
    return (match.group(2), match.group(1).lower()) if match else None


def milestone(title: str) -> str | None:
    """The anniversary or count a milestone headline names: "75th anniversary", "100-year
    milestone", "500th regional jet"."""
    # A quoted title ("Two Centuries of Glass") names a work, not the company's age.
    title = re.sub(r"[\"\u201c][^\"\u201d]*[\"\u201d]", " ", title)
    # "150th birthday party" is the 150th anniversary: the party is how it was marked
    anniversary = re.search(
        r"\b(\d+(?:st|nd|rd|th)|silver|golden|diamond)\s+(?:anniversary|birthday)\b", title, re.I
    )
    if anniversary:
        return f"{anniversary.group(1).lower()} anniversary"
    years = re.search(r"\b(\d+|a|one|two)\s+(years?|decades?|century|centuries)\b", title, re.I)
    if years:
        count = {"a": 1, "one": 1, "two": 2}.get(years.group(1).lower()) or int(years.group(1))
        unit = years.group(2).lower().rstrip("s").replace("centurie", "century")
        total = count * {"year": 1, "decade": 10, "century": 100}[unit]
        return f"{total}-year milestone" if total > 1 else None
    ordinal = re.search(
        r"\b(\d[\d,]*(?:st|nd|rd|th)|[a-z]+-(?:millionth|billionth|thousandth|hundredth))\s+(.+)",
        title,
    )
    if ordinal is None:
        return None
    noun: list[str] = []
    for word in ordinal.group(2).split()[:3]:
        if not re.fullmatch(r"[a-z-]+", word) or word in _MILESTONE_STOPS:
            break
        noun.append(word)
    return f"{ordinal.group(1)} {' '.join(noun)}" if noun else None


_MILESTONE_STOPS = frozenset(
    "rolls leaves comes goes is was in at for to on since with from off by".split()
)

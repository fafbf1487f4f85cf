"""Pure: a unit of the company that a headline names in full ("Tata Power Rs 2,000 crore rights
issue" for Tata, "ABB India posts ..." for ABB), so that its news is told as the unit's: the
parent's name alone would credit the group with a listed unit's results or share issue."""

from __future__ import annotations

import re

from .casing import is_title_case
from .results_terms import BEAT, METRIC, PERIOD_WORD, POSTS, RISE

# A word of a unit's name: "Power", "India", "T&D", "BPO".
_UNIT_WORD = re.compile(r"[A-Z][a-z][\w&-]*|[A-Z][\w&]{1,4}")
_PERIOD_NAME = re.compile(
    r"quarter|half|year|^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*(?:-|$)|^FY|^Q[1-4]"
)
# Words after a name that are no unit's: its people, its issue, its legal form, money.
_NOT_A_UNIT = re.compile(
    r"(?:CEO|CFO|COO|CTO|MD|Chairman|Chief|President|Director|Founder|Board|Shareholders|Staff|"
    r"Employees|Promoters?|IPO|FPO|QIP|NCDs?|Ltds?|Limited|Inc|Corp|plc|Co|Rs|USD|INR)\.?"
)
# Words that are a headline's news, not a name: a period, a metric, a results verb.
_NEWS_WORD = re.compile(rf"{PERIOD_WORD}|{METRIC}|{POSTS}|{RISE}|{BEAT}", re.IGNORECASE)
# What follows a unit's name in a headline written in sentence case: a verb, an amount.
_NEWS_STARTS = re.compile(r"[a-z]|Rs\b|[$\u00a3\u20ac\u20b9]|\d")


def is_unit_word(word: str) -> bool:
    """A capitalised word that may continue a company's name into its unit's: never a period
    ("September-quarter", "Christmas"), a metric, or a verb of a Title Case headline ("Posts")."""
    return bool(
        _UNIT_WORD.fullmatch(word)
        and not _PERIOD_NAME.search(word)
        and not _NEWS_WORD.fullmatch(word)
        and not _NOT_A_UNIT.fullmatch(word)
    )


def unit_named(title: str, names: tuple[str, ...]) -> str | None:
    """The unit's full name when a sentence-case headline starts with the company's name and a
    unit's words, then its news ("Tata Power Rs 2,000 crore rights issue ..." -> "Tata Power");
    else None. In Title Case the capitals mark no names ("Tesco Mobile Partners With ...")."""
    if is_title_case(title, names):
        return None
    for name in sorted(names, key=len, reverse=True):
        found = re.match(rf"\s*({re.escape(name)})\s+(.+)$", title, re.IGNORECASE)
        if found is None:
            continue
        words = found.group(2).split()
        length = 0
        while length < 3 and length < len(words) - 1 and is_unit_word(words[length]):
            length += 1
        if length and words[length].lower() in ("and", "&", "of"):
            return None  # "Nokia Solutions and Networks": a name this reading would cut
        if length and _NEWS_STARTS.match(words[length]):
            return " ".join([found.group(1), *words[:length]])
        return None
    return None

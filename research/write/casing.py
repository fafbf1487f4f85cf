"""Pure: a Title Case headline's words in sentence case ("Posts Rise in Earnings" -> "posts
rise in earnings"): ordinary words lowered, names and quoted titles kept."""

from __future__ import annotations

import re

from .english import is_ordinary
from .noun_phrases import _CHUNK_ENDS, _DESCRIBES_A_NAME, _NAME_HEADS, _PREPOSITIONS, _bare

_SMALL_WORDS = frozenset(
    """a an and as at but by for from in into of on or over the to with million billion percent
    up its year""".split()
)
# Words a Title Case headline capitalises that are ordinary words, lowered in a sentence.
_ORDINARY_WORDS = frozenset(
    """acquisition acquisitions acquires acquire record records quarter quarterly first second
    third fourth fifth fiscal year years results result revenue revenues sales profit profits
    earnings growth partnership partnerships contract contracts deal deals order orders
    office offices plant plants facility facilities headquarters launch launches launched new
    expansion expands expanding funding round investment milestone anniversary celebration
    customers customer users clients employees jobs hires hiring opens opening announces
    announced completes completed agreement agreements strategic global annual largest biggest
    best top leading program programme service services product products platform solution
    solutions team teams company market markets release date line sensor industrial
    next-generation generation generative copilot analysts analyst report data pipelines
    open-source source log analytics banks bank three two four five ten hundred thousand
    centuries century decade decades glassmaking premier cloud provider provider's state
    employee employees benefits third-quarter second-quarter first-quarter fourth-quarter
    leader bookings over precision largest deal yet top employer certified across countries
    beat margins shipments expectations anniversary silver golden countries partner
    partners nearly almost about more than despite lower higher rise rises after amid""".split()
)
# Words that end a company's name in Title Case ("Larchmont Partners"): kept after a name.
_NAME_ENDINGS = frozenset(
    """partners partner group capital bank holdings ventures labs systems society mutual company
    pharmaceuticals industries motors airline airlines airways foods technologies networks brands
    resources healthcare""".split()
)
_ORDINARY_SUFFIXES = ("tion", "tions", "ment", "ments", "ness", "ity", "ities", "ance", "ence")


def is_title_case(title: str, names: tuple[str, ...]) -> bool:
    """A headline written in Title Case ("Acme Launches New App"): no ordinary word is in lower
    case, so capitals there do not mark names."""
    for name in sorted(names, key=len, reverse=True):
        title = re.sub(re.escape(name), " ", title, flags=re.IGNORECASE)
    words = [w for w in re.findall(r"[^\W\d_][\w'-]*", title)]
    lowered = [w for w in words if w[:1].islower() and w.lower() not in _SMALL_WORDS]
    return len(words) >= 2 and not lowered


def _ordinary(word: str) -> bool:
    """A Title Case word that is a plain English word, not part of a name."""
    lowered = word.lower().strip(",.:;")
    if word[1:2].isupper():
        return False  # "AI", "SDK", "HomeCell"
    if lowered in _ORDINARY_WORDS or lowered in _SMALL_WORDS or is_ordinary(lowered):
        return True
    if "-" in lowered:
        return all(_ordinary(part) for part in lowered.split("-") if part)
    return (len(lowered) >= 8 and lowered.endswith("ing")) or lowered.endswith(_ORDINARY_SUFFIXES)


_LEGAL_SUFFIXES = frozenset("corp corp. inc inc. ltd ltd. plc llc co co. ag sa nv".split())


def _before_legal_suffix(words: list[str]) -> set[int]:
    """The capitalised words of a name that ends in a legal suffix ("International Business
    Machines Corp."): ordinary words, but a name."""
    named: set[int] = set()
    for index, word in enumerate(words):
        if word.lower().rstrip(",;:") in _LEGAL_SUFFIXES and index:
            start = index
            while (
                start > 0
                and words[start - 1][:1].isupper()
                and _bare(words[start - 1]) not in _PREPOSITIONS
                and index - start < 5
            ):
                start -= 1
            named.update(range(start, index + 1))
    return named


def _after_descriptor(words: list[str]) -> set[int]:
    """The capitalised words right after a word that introduces a name ("Production Company
    Mammoth Screen"), up to a preposition, a conjunction or a comma: ordinary words, but a name."""
    named: set[int] = set()
    for index, word in enumerate(words[:-1]):
        if _bare(word) not in _DESCRIBES_A_NAME or word.endswith((",", ";", ":")):
            continue
        end = index + 1
        while (
            end < len(words)
            and end - index <= 4
            and words[end][:1].isupper()
            and _bare(words[end]) not in _CHUNK_ENDS
            and _bare(words[end]) not in ("to", "and", "or")
        ):
            end += 1
            if words[end - 1].endswith((",", ";", ":")):
                break
        named.update(range(index + 1, end))
    return named


def sentence_case(words: list[str]) -> list[str]:
    """Title Case words -> sentence case: ordinary words lowered ("Posts Rise in Earnings
    Despite Lower Oil Prices" -> "posts rise in earnings despite lower oil prices"), names kept
    ("Omnis Pharmaceuticals", "BG Group", "Data Pipelines SDK"), quoted titles kept whole."""
    named = _before_legal_suffix(words) | _after_descriptor(words)
    result: list[str] = []
    quoted = False
    for index, word in enumerate(words):
        in_quotes = quoted or word[:1] in "'\"\u2018\u201c"
        if in_quotes:  # inside a quoted title until a word ends with the closing quote
            quoted = not (word[-1:] in "'\"\u2019\u201d" and (quoted or len(word) > 1))
        keep = in_quotes or index in named
        # "Edison Award", "Omnis Pharmaceuticals": a name's last word is part of the name
        after_name = bool(result) and result[-1][:1].isupper() and not result[-1].endswith("'")
        ends_name = _bare(word) in _NAME_ENDINGS or word.rstrip(",.:;") in _NAME_HEADS
        if keep or (ends_name and after_name) or word[1:2].isupper() or not _ordinary(word):
            result.append(word)
        else:
            result.append(word.lower())
    return result

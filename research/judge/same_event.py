"""Pure: one event once. Outlets tell one event in different words ("Acme buys Beta for $2.7
billion", "Acme to Buy Beta for $2.7 Billion", "UPDATE 1-Acme buys Beta"); the fetch layer merges
only near-identical titles, so judged events are merged again here: the same kind of news, within
a few days, naming the same amount or the same other party, or the same headline under a wire's
prefix.
The best-worded headline is kept and every outlet is listed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Generic, TypeVar

from sources import Item, told_together

from ..models import EventKind
from .match import sentence_case

WINDOW = timedelta(days=3)

_WIRE_PREFIX = re.compile(
    r"^\s*(?:(?:UPDATE|RPT|REFILE|CORRECTED|EXCLUSIVE|BUZZ|PRESS|WRAPUP|BRIEF)(?:\s*\d+)?\s*[-:]\s*)+",
    re.IGNORECASE,
)
_AMOUNT = re.compile(
    r"(?:[$\u00a3\u20ac\u20b9\u00a5]|\brs\.?\s?|\busd\s?|\binr\s?|\beur\s?)\s?"
    r"(\d[\d,]*(?:\.\d+)?)\s*(?:-?\s*)(bn|billion|b|mn|million|m|crore|cr|lakh|k|thousand)?\b",
    re.IGNORECASE,
)
_SCALE = {
    "bn": 1e9, "billion": 1e9, "b": 1e9, "mn": 1e6, "million": 1e6, "m": 1e6, "crore": 1e7,
    "cr": 1e7, "lakh": 1e5, "k": 1e3, "thousand": 1e3,
}  # fmt: skip
_WORD = re.compile(r"[^\W\d_][\w'&.-]*")
# Words too common to say that two headlines tell the same event.
_COMMON = frozenset(
    """a an the and or of to in on for at by with from as its it is are be been has have had
    after over into new says said will up down per cent percent pc year years quarter q1 q2 q3
    q4 shares share stock stocks""".split()
)

Extra = TypeVar("Extra")


@dataclass(frozen=True)
class Candidate(Generic[Extra]):
    """A judged item waiting to become an event: its kind, and whatever the caller carries."""

    item: Item
    kind: EventKind
    extra: Extra


def one_event_once(
    candidates: Sequence[Candidate[Extra]], names: Sequence[str]
) -> list[Candidate[Extra]]:
    """The candidates with every group that tells one event folded into its best-worded
    member, which lists every outlet of the group; in order of first appearance."""
    groups: list[list[Candidate[Extra]]] = []
    for candidate in candidates:
        for group in groups:
            if any(_same_event(candidate, other, names) for other in group):
                group.append(candidate)
                break
        else:
            groups.append([candidate])
    return [_folded(group) for group in groups]


def _same_event(a: Candidate[Extra], b: Candidate[Extra], names: Sequence[str]) -> bool:
    if a.kind is not b.kind:
        return False
    if a.item.published and b.item.published and abs(a.item.published - b.item.published) > WINDOW:
        return False
    title_a, title_b = plain_title(a.item.title), plain_title(b.item.title)
    if title_a.casefold() == title_b.casefold() or amounts(title_a) & amounts(title_b):
        return True
    # A name with a capital in both, where one headline is in sentence case (so its capitals
    # mark names): "Acme buys Beta", "UPDATE 1-Acme Buys Beta Inc".
    shared = _share_a_name(capitalised(title_a, names), capitalised(title_b, names))
    return shared and (sentence_case(title_a) or sentence_case(title_b))


def plain_title(title: str) -> str:
    """The headline without a wire's prefix ("UPDATE 2-", "RPT-", "EXCLUSIVE-")."""
    return _WIRE_PREFIX.sub("", title)


def amounts(title: str) -> frozenset[float]:
    """The sums of money a headline names, in units: "$2.7 billion" and "$2.7bn" are one."""
    found = set()
    for match in _AMOUNT.finditer(title):
        value = float(match.group(1).replace(",", ""))
        found.add(round(value * _SCALE.get((match.group(2) or "").lower(), 1.0), 2))
    return frozenset(found)


def capitalised(title: str, names: Sequence[str]) -> frozenset[tuple[str, ...]]:
    """Runs of words with a capital after the first word ("Voltaire Labs", "Edison Award"),
    without the company's own names and words too common to tell events apart."""
    own = {w.casefold() for name in names for w in _WORD.findall(name)}
    runs: list[tuple[str, ...]] = []
    current: list[str] = []
    for word in [*_WORD.findall(title)[1:], ""]:
        folded = word.casefold()
        if word[:1].isupper() and folded not in own and folded not in _COMMON:
            current.append(folded)
            continue
        if current:
            runs.append(tuple(current))
        current = []
    return frozenset(runs)


def _share_a_name(a: frozenset[tuple[str, ...]], b: frozenset[tuple[str, ...]]) -> bool:
    """One run begins the other: "BG" and "BG Group", not "Edison Award" and "Webby Award"."""
    return any(x[: len(y)] == y or y[: len(x)] == x for x in a for y in b)


def _folded(group: list[Candidate[Extra]]) -> Candidate[Extra]:
    if len(group) == 1:
        return group[0]
    best = max(group, key=_wording)
    return replace(best, item=told_together(best.item, [c.item for c in group]))


def _wording(candidate: Candidate[Extra]) -> tuple[bool, bool, bool, bool, int]:
    """Prefer a headline without wire furniture, not in capitals, in sentence case (its
    capitals are names, so a sentence can quote it), with a real link, of a readable length."""
    title = candidate.item.title
    return (
        plain_title(title) == title,
        not title.isupper(),
        sentence_case(title),
        bool(candidate.item.url),
        -abs(len(title.split()) - 12),
    )

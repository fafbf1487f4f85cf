"""Pure: the rules' reading of a headline for one company it mentions: without press-release
furniture, with the company's own name masked, and given to someone linked to the company where
the words around the name say so ("Acme customer Beta", "former Acme engineer")."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..write.headline import boilerplate_removed
from .match import Mention, first_sentence_of
from .rules import NEUTRAL, Basis, Classification, read_headline

# "Acme customer Beta ...", "Acme-backed Beta ...", "former Acme engineer ...": someone else's news.
_ROLE_AFTER_NAME = re.compile(
    r"(\s|-)(customer|client|supplier|rival|competitor|backed|spinout|spin-off|alumni|alumnus"
    r"|engineer|employee|veteran|partner(?!s?\s+(with|to|on)\b))s?\b",
    re.IGNORECASE,
)
_FORMER_BEFORE_NAME = re.compile(r"\b(former|ex-|ex)\s*$", re.IGNORECASE)
# "Acme report reveals ...", "Acme's survey finds ...": what a report or survey the company
# published found is its subject's news, not the company's own.
_ITS_REPORT_AFTER_NAME = re.compile(
    r"('s?|\u2019s?)?\s+(reports?|surveys?|study|studies|polls?|research|index|analysis)\s+"
    r"(reveals?|shows?|finds?|found|says|said|suggests?|predicts?|states?|notes?)\b",
    re.IGNORECASE,
)

# "Acme places an order for 50 aircraft", "Acme orders 20 trains from Beta": the company is the
# customer, and the order is its supplier's win ("Acme orders jump", "Acme order book" are not).
_ORDERS_AFTER_NAME = re.compile(
    r"('s?|\u2019s?)?\s+(has |have |to |will )?"
    r"((places?|placed|placing)\s+([^\s.;:|]+\s+){0,3}orders?\b"
    r"|(orders|ordered|ordering)\s+(an?|more|new|additional|extra|another|\d[\d,.]*(?!\s*(%|per)))\s)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class RulesReading:
    """The rules' reading, and the headline text they read with the company's name where it
    stands in that text (None when the headline does not name it), for the learned reading."""

    classification: Classification
    text: str
    position: int | None


def rules_reading(title: str, mention: Mention, summary: str = "") -> RulesReading:
    """What the rules say once we know how the company is mentioned (``mention.position``, if
    any, is where the name starts in ``title`` as given). The rules read the headline without
    press-release furniture (phrase.strip_boilerplate: ticker tags, wire names, datelines), with
    the name's position moved to the same words in that text."""
    text, position = headline_to_read(title, mention.position)
    return RulesReading(_read_mentioned(text, position, title, mention, summary), text, position)


def _read_mentioned(
    text: str, position: int | None, title: str, mention: Mention, summary: str
) -> Classification:
    if mention.position is not None and (
        position is None
        or text[position : position + len(mention.name)]
        != title[mention.position : mention.position + len(mention.name)]
    ):
        # e.g. "Nasdaq" found only in "(NASDAQ: ACME)": a listing, not news about Nasdaq
        reason = "the headline names the company only in press-release furniture"
        return Classification(
            None, NEUTRAL, False, False, (mention.reason, reason), basis=Basis.NOT_ABOUT
        )
    title = text
    if mention.where == "summary" and not _starts_with(first_sentence_of(summary), mention.name):
        reading = read_headline(title, None)
        if reading.congratulable:
            return Classification(
                reading.kind, NEUTRAL, True, False,
                (mention.reason, "the headline's event belongs to someone else"), reading.trigger,
                Basis.ROLE,
            )  # fmt: skip
        return _with_reason(reading, mention.reason)
    if position is not None and (whose := _someone_elses(title, position, len(mention.name))):
        reading = read_headline(title, None)
        return Classification(
            None, NEUTRAL, True, False, (mention.reason, whose), reading.trigger, Basis.ROLE
        )
    if position is not None:
        title = _masked(title, position, len(mention.name))
    reading = read_headline(title, position)
    return _with_reason(reading, mention.reason)


def _someone_elses(title: str, position: int, length: int) -> str | None:
    """Why the event told after the name at ``position`` is not the company's own, or None."""
    end = position + length
    if _ROLE_AFTER_NAME.match(title, end) or _FORMER_BEFORE_NAME.search(title, 0, position):
        return "the event belongs to someone linked to the company, not to the company itself"
    if _ITS_REPORT_AFTER_NAME.match(title, end):
        return "what the company's report or survey found is not the company's own news"
    if _ORDERS_AFTER_NAME.match(title, end):
        return "the company is the customer placing the order: the supplier's win, not its own"
    return None


def headline_to_read(title: str, position: int | None = None) -> tuple[str, int | None]:
    """The headline as the rules read it: without press-release furniture, spaces collapsed;
    and where the character at ``position`` in ``title`` now stands (None when there is no
    position, or when that character was furniture)."""
    text, where = boilerplate_removed(title)
    if where is None and text.isprintable() and "  " not in text:
        return text, position  # no furniture, and single spaces only (the ends are stripped)
    plain = " ".join(text.split())
    if position is None:
        return plain, None
    if where is not None:
        try:
            position = where.index(position)
        except ValueError:
            return plain, None
    before = text[:position]
    # the words before it, and the one space that now separates them from it
    return plain, len(" ".join(before.split())) + (before[-1:].isspace() and bool(before.strip()))


def _masked(title: str, start: int, length: int) -> str:
    """The headline with the company's own name made unreadable to the rules, same length and
    spacing: "Drop Labs" or "Loss Prevention Inc" must not read as bad news about themselves."""
    name = title[start : start + length]
    if name.isascii():
        name = name.translate(_ASCII_MASK)
    else:
        name = "".join(ch if ch.isspace() else ("z" if ch.islower() else "Z") for ch in name)
    return title[:start] + name + title[start + length :]


_ASCII_MASK = {
    code: ("z" if chr(code).islower() else "Z") for code in range(128) if not chr(code).isspace()
}


def _with_reason(reading: Classification, reason: str) -> Classification:
    """The reading with how the company was found as its first reason (faster than replace)."""
    return replace(reading, reasons=(reason, *reading.reasons))


def _starts_with(text: str, name: str) -> bool:
    return text.casefold().startswith(name.casefold())

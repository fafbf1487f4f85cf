"""Pure: the phrases of two headline shapes that do not open with the company and its verb:
"City of Lakemont selects Acme Corp for X" and "Acme Corp and Beta sign fleet partnership"."""

from __future__ import annotations

import re

from .casing import is_title_case, sentence_case
from .details import is_demonym
from .headline import _first_clause
from .noun_phrases import with_articles


def _by_whom(who: str) -> str:
    """ "Regional hospital network" -> "a regional hospital network": a description written with
    a headline's capital; a name ("City of Lakemont", "Zephyr Airlines") keeps its capitals."""
    words = who.split()
    if len(words) > 1 and all(w[:1].islower() for w in words[1:]) and not is_demonym(words[0]):
        words[0] = words[0].lower()
    return " ".join(with_articles(words, "by"))


# What the patterns below need whatever the company: checked first, since a pattern holding the
# company's name is compiled anew for each company (a third of a 50-company digest's phrasing).
_SELECTING = re.compile(r"\s(?:selects|chooses|picks|taps|hires|awards)\s", re.IGNORECASE)
_AND_BETWEEN = re.compile(r"\sand\s", re.IGNORECASE)


def _selected_by(title: str, names: tuple[str, ...]) -> str | None:
    """ "City of Lakemont selects Acme Corp for X" -> "being selected by the City of Lakemont for
    X"."""
    if not _SELECTING.search(title):
        return None
    for name in names:
        match = re.match(
            rf"(?P<who>.+?)\s+(?P<verb>selects|chooses|picks|taps|hires|awards)\s+{re.escape(name)}"
            rf"(?!\w)\s+(?P<rest>(for|to|as)\s+.+)$",
            title,
            re.IGNORECASE,
        )
        if match:
            participle = {"selects": "selected", "chooses": "chosen", "picks": "picked",
                          "taps": "tapped", "hires": "hired", "awards": "awarded"}[match["verb"].lower()]  # fmt: skip
            rest = " ".join(with_articles(_first_clause(match["rest"]).split(), "by"))
            return f"being {participle} by {_by_whom(match['who'].strip())} {rest}"
    return None


def _joint_announcement(title: str, names: tuple[str, ...]) -> tuple[str, str] | None:
    """ "Acme Corp and Beta sign fleet partnership" -> ("the new fleet partnership with Beta",
    "signed a new fleet partnership with Beta"); one they expand is not new."""
    if not _AND_BETWEEN.search(title):
        return None
    for name in names:
        match = re.match(
            rf"\s*{re.escape(name)}(?!\w)\s+and\s+(?P<partner>.+?)\s+"
            rf"(?P<verb>announce|form|sign|launch|unveil|ink|expand|extend)\s+(?P<what>.+)$",
            title,
            re.IGNORECASE,
        )
        if match:
            what = _first_clause(match["what"]).strip(" .\u2026")
            what = re.sub(r"^((a|an|the|new)\s+)+", "", what, flags=re.IGNORECASE)
            if is_title_case(title, names):  # "Sign Memo of Understanding": not proper nouns
                what = " ".join(sentence_case(what.split()))
            what = re.sub(r"\bmemo of understanding\b", "memorandum of understanding", what)
            verb = match["verb"].lower()
            done = f"{verb}d" if verb.endswith("e") else f"{verb}ed"
            # the partner right after the noun: "joint venture with Beta for offshore wind"
            noun, *purpose = re.split(r"\s(?=(?:for|on|in|to)\s)", what, maxsplit=1)
            what = " ".join([noun, "with", match["partner"].strip(), *purpose])
            if verb in ("expand", "extend"):
                return f"the {done} {what}", f"{done} its {what}"
            return f"the new {what}", f"{done} a new {what}"
    return None

"""Pure: the pattern language of the judge's rules (patterns.py), compiled: a word in braces as
all its forms, whole; a gap within a sentence that may cross a decimal point."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .inflections import INFLECTIONS

_PLACEHOLDER = re.compile(r"\{([a-z][a-z'-]*)\}")


_WITHIN_SENTENCE = re.compile(r"\[\^\.([^\]]*)\]")


def _expand(pattern: str) -> str:
    """The pattern with every ``{lemma}`` written out as all its forms (inflections.py), so a
    rule names a word once and matches it whole: "{drag}" is drag, drags, dragged, dragging,
    never "Dragonfield". A gap that stays within a sentence ("[^.;]") may still cross the point
    of a decimal number ("$2.7 billion")."""
    pattern = _PLACEHOLDER.sub(
        lambda m: "(?:" + "|".join(INFLECTIONS[m.group(1)]) + ")\\b", pattern
    )
    return _WITHIN_SENTENCE.sub(lambda m: f"(?:[^.{m.group(1)}]|(?<=\\d)\\.(?=\\d))", pattern)


def rx(pattern: str) -> re.Pattern[str]:
    return re.compile(_expand(pattern), re.IGNORECASE)


class Rule:
    """A pattern searched in lower-cased text."""

    def __init__(self, pattern: str) -> None:
        self.pattern = re.compile(_expand(pattern))

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text)

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text)

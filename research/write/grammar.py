"""Pure: the small grammar every phrasing needs: "a" or "an", and the possessive of a name."""

from __future__ import annotations

import re

# A letter's name starts with a vowel sound: "an FY12 profit", "an MoU", "an R&D centre", "an SUV".
_VOWEL_SOUNDING_LETTERS = frozenset("AEFHILMNORSX")
_INITIALS = re.compile(r"[A-Z](?:[A-Za-z&]*[A-Z])?(?=[A-Z]*(?:$|[^A-Za-z]))|[A-Z](?=[-&.]|$)")


def _spelled_letter_by_letter(word: str) -> str | None:
    """The first letter of an initialism read out letter by letter ("FY12", "MoU", "R&D", "SME",
    "X-ray", "US"), or None for a word, or for an acronym said as a word ("NASA", "SEBI": four or
    more capitals with two vowels)."""
    initials = _INITIALS.match(word)
    if initials is None:
        return None
    letters = initials.group(0)
    if len(letters) >= 4 and letters.isupper() and sum(c in "AEIOU" for c in letters) >= 2:
        return None
    return letters[0]


def indefinite_article(word: str) -> str:
    """ "a" or "an" by sound: "an award", "a utility", "an hour", "an 18% rise", "a 180% rise",
    "an FY12 profit", "a US approval"."""
    letter = _spelled_letter_by_letter(word)
    if letter is not None:
        return "an" if letter in _VOWEL_SOUNDING_LETTERS else "a"
    lowered = word.lower()
    digits = re.match(r"[$\u20ac\u00a3\u00a5\u20b9]?([\d,]+)", lowered)  # "an $85 million round"
    if digits:
        number = digits.group(1).replace(",", "")
        said_as = number[:2] if len(number) in (2, 5) else number[:1]  # "eighteen thousand"
        return "an" if said_as in ("8", "11", "18") or number[:1] == "8" else "a"
    if lowered.startswith(("hour", "honest", "honor", "honour", "heir")):
        return "an"
    if lowered.startswith(("eu", "one", "once", "ewe")) or re.match(
        r"u[bcdfgjklmnpqrstvz][aeiou]", lowered
    ):
        return "a"  # "a utility", "a usage-based", "a unique", "a European" (a "you" or "w" sound)
    return "an" if lowered[:1] in ("a", "e", "i", "o", "u") else "a"


def possessive(name: str) -> str:
    """ "Acme" -> "Acme's", "Siemens" -> "Siemens'", "Sainsbury's" as it is."""
    if name.endswith(("'s", "\u2019s")):
        return name
    return f"{name}'" if name.endswith("s") and not name.endswith("ss") else f"{name}'s"

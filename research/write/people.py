"""Pure: an honour one of the company's people received ("Acme CEO named Businessperson of the
Year", "Acme founder Jane Doe wins EY Entrepreneur of the Year award"). The sentence names that
person as the one honoured: the company was not named anything."""

from __future__ import annotations

import re

from .details import Detail, after_name, award_name

# Posts whose holder's honour is news for the whole company. Case is ignored for the post only:
# the person's name after it must be capitalised.
_POST = (
    r"(?i:chief executive|managing director|ceo|md|cfo|coo|cto|chairman|chairwoman|chairperson"
    r"|chair|co-founder|founder|president|boss)"
)
_PERSON = r"(?:\s+[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,2}?)?"
# How the honour was received, and how a sentence says it: (being named), (winning), ...
_SAID = {
    "named": ("being named", "named"),
    "wins": ("winning", "win"),
    "won": ("winning", "win"),
    "bags": ("winning", "win"),
    "picks up": ("winning", "win"),
    "receives": ("receiving", "receive"),
    "received": ("receiving", "receive"),
    "gets": ("receiving", "receive"),
    "honoured with": ("being honoured with", "honoured with"),
    "honored with": ("being honoured with", "honoured with"),
    "awarded": ("being awarded", "awarded"),
}
_UPPER_POSTS = frozenset({"ceo", "md", "cfo", "coo", "cto"})


_VERBS = "|".join(sorted(_SAID, key=len, reverse=True))
# What follows the company's name: compiled once; the name is matched apart (a pattern holding
# it would be compiled anew for every company of a digest).
_HONOURED = re.compile(
    rf"(?:['\u2019]s?)?\s+(?P<post>{_POST})(?P<person>{_PERSON})\s+(?P<verb>(?i:{_VERBS}))\s"
)


def honoured_person(title: str, names: tuple[str, ...], owner: str) -> Detail | None:
    """The honour of the company's person the headline tells, named for ``owner`` ("Acme's");
    None when the headline does not open with the company's post holder being honoured."""
    found = _HONOURED.match(title, after_name(title, names))
    if found is None:
        return None
    post = found.group("post")
    post = post.upper() if post.lower() in _UPPER_POSTS else post.lower()
    who = f"{post}{found.group('person')}"
    doing, done = _SAID[found.group("verb").lower().replace("honored", "honoured")]
    award = award_name(found.group("verb").lower() + title[found.end("verb") :])  # "Receives"
    if award is None:
        return Detail(f"the recognition for {owner} {who}", f"seen your {who} recognised")
    sort, name = award
    if sort == "event":
        doing, done, name = "winning at", "win at", name
    elif sort == "title" and not doing.startswith("being named"):
        name = f"the {name} award"
    return Detail(f"{owner} {who} {doing} {name}", f"seen your {who} {done} {name}")

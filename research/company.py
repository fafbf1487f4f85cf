"""Pure: turn what the user typed (a slug or a name) into a Company."""

from __future__ import annotations

import re
import unicodedata

from .errors import InvalidInput
from .models import Company

MAX_NAME_LENGTH = 200
MAX_ALIASES = 20
_SLUG_SEPARATORS = re.compile(r"[-_]+")
_NON_SLUG = re.compile(r"[^a-z0-9]+")
_NON_WORD = re.compile(r"[\W_]+")


def slugify(name: str) -> str:
    """Lower case, words joined by hyphens: "L'Oréal" -> "l-oreal", "AT&T" -> "at-t".

    Latin letters lose their accents; names in other scripts keep their letters ("Яндекс" ->
    "яндекс"), so every name that has letters or digits gets a slug.
    """
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = _NON_SLUG.sub("-", folded.lower()).strip("-")
    if slug:
        return slug
    return _NON_WORD.sub("-", unicodedata.normalize("NFKC", name).casefold()).strip("-_")


def display_name_from_slug(slug: str) -> str:
    """ "acme-corp" -> "Acme Corp": each word capitalised, the rest of it left as typed."""
    words = [w for w in _SLUG_SEPARATORS.split(slug) if w]
    return " ".join(w[:1].upper() + w[1:] for w in words)


def _clean_name(text: str, what: str) -> str:
    if "\x00" in text:
        raise InvalidInput(f"{what} contains a NUL character")
    cleaned = " ".join(
        "".join(c for c in text if unicodedata.category(c)[0] != "C" or c in " \t").split()
    )
    if not cleaned:
        raise InvalidInput(f'{what} is empty; give a company name such as "Acme Corp" or acme-corp')
    if len(cleaned) > MAX_NAME_LENGTH:
        raise InvalidInput(
            f"{what} is {len(cleaned)} characters long; at most {MAX_NAME_LENGTH} are accepted"
        )
    return cleaned


def resolve_company(text: str, aliases: tuple[str, ...] | list[str] = ()) -> Company:
    """A Company from a slug (``acme-corp``) or a name (``"Acme Corp"``), with optional aliases.

    A slug is all lower case with hyphens or underscores and no spaces; it becomes the display
    name word by word. Anything else is taken as the name, exactly as written.
    """
    raw = _clean_name(text, "the company name")
    is_slug = " " not in raw and raw == raw.lower() and bool(re.fullmatch(r"[a-z0-9_-]+", raw))
    name = display_name_from_slug(raw) if is_slug else raw
    slug = slugify(name)
    if not slug:
        raise InvalidInput(
            f"cannot make a file-safe name from {raw!r}; use letters or digits, e.g. acme-corp"
        )
    if len(aliases) > MAX_ALIASES:
        raise InvalidInput(f"{len(aliases)} aliases given; at most {MAX_ALIASES} are accepted")
    seen = {name.casefold()}
    cleaned_aliases = []
    for alias in (_clean_name(a, f"alias {a[:40]!r}") for a in aliases):
        if alias.casefold() not in seen:
            seen.add(alias.casefold())
            cleaned_aliases.append(alias)
    return Company(slug=slug, name=name, aliases=tuple(cleaned_aliases))

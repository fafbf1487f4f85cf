"""Pure: turn what the user typed (a slug or a name) into a Company."""

from __future__ import annotations

import re
import shlex
import unicodedata
from dataclasses import replace

from .. import arguments
from ..errors import InvalidInput
from ..models import Company
from .words import COMMON_WORDS

MAX_NAME_LENGTH = 200
# Legal-form words dropped to find the name people actually write ("Acme Corp" -> "Acme").
LEGAL_SUFFIXES = frozenset(
    """inc inc. incorporated corp corp. corporation co co. company ltd ltd. limited llc l.l.c.
    llp lp l.p. plc p.l.c. gmbh ag sa s.a. se nv n.v. bv b.v. pty pty. oy ab asa spa s.p.a.
    sas s.a.s. kk k.k. kgaa sarl s.a.r.l. srl s.r.l. sl s.l. bhd sdn as a/s""".split()
)
MAX_ALIASES = 20
_SLUG_SEPARATORS = re.compile(r"[-_]+")
_NON_SLUG = re.compile(r"[^a-z0-9]+")
_NON_WORD = re.compile(r"[\W_]+")


def slugify(name: str) -> str:
    """Lower case, words joined by hyphens: "L'Oréal" -> "l-oreal", "AT&T" -> "at-t".

    Latin letters lose their accents; a name with letters that have no ASCII form keeps its
    letters ("Яндекс" -> "яндекс", "Яндекс 2" -> "яндекс-2", not "2"), so every name that has
    letters or digits gets a slug, no word is lost, and a slug slugifies to itself: a numbered
    slug a command suggests ("яндекс-2") names the same company when typed back.
    """
    arguments.text("name", name)
    slug = _NON_SLUG.sub("-", _ascii_form(name).lower()).strip("-")
    if not slug or any(c.isalnum() and not _ascii_form(c).isalnum() for c in name):
        kept = "".join(_ascii_form(c) or c for c in unicodedata.normalize("NFKC", name))
        slug = _NON_WORD.sub("-", kept.casefold()).strip("-_")
    # Normalising can multiply characters ("\ufdfa" is 18 letters): keep the name's own limit.
    return slug[:MAX_NAME_LENGTH].rstrip("-_")


def _ascii_form(text: str) -> str:
    """ "é" -> "e", "ﬁ" -> "fi": what is left in ASCII ("" for "Я", "ø" or "ß")."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def display_name_from_slug(slug: str) -> str:
    """ "acme-corp" -> "Acme Corp": each word capitalised, the rest of it left as typed."""
    words = [w for w in _SLUG_SEPARATORS.split(slug) if w]
    return " ".join(w[:1].upper() + w[1:] for w in words)


def command_name(company: Company) -> str:
    """The company as a suggested command should name it, so that running the command keeps
    the name: its slug when the slug spells the name (acme-corp for "Acme Corp"), else the name
    quoted for the shell ('AT&T': at-t alone would be saved as "At T")."""
    if display_name_from_slug(company.slug) == company.name:
        return company.slug
    return shlex.quote(company.name)


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
    arguments.company_name("text", text)
    aliases = arguments.names("aliases", aliases)
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
    cleaned = tuple(_clean_name(a, f"alias {a[:40]!r}") for a in aliases)
    return Company(
        slug=slug, name=name, aliases=unique_names(name, cleaned), exact_case=not is_slug
    )


def unique_names(name: str, aliases: tuple[str, ...]) -> tuple[str, ...]:
    """The aliases without repeats or the name itself, compared case-insensitively."""
    seen = {name.casefold()}
    kept = []
    for alias in aliases:
        if alias.casefold() not in seen:
            seen.add(alias.casefold())
            kept.append(alias)
    return tuple(kept)


def strip_legal_suffix(name: str) -> str:
    """ "Acme Corp" -> "Acme", "Procter & Gamble Co." -> "Procter & Gamble"; else unchanged."""
    words = name.replace(",", " ").split()
    if len(words) < 2 or words[-1].casefold() not in LEGAL_SUFFIXES:
        return name
    while len(words) > 1 and words[-1].casefold() in LEGAL_SUFFIXES:
        words.pop()
    if len(words) > 1 and words[-1] in ("&", "and"):
        words.pop()
    return " ".join(words)


def _ascii_fold(name: str) -> str:
    """ "Nestlé" -> "Nestle", "L'Oréal" -> "L'Oreal": how many headlines write them."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return folded if folded != name and len(folded) >= len(name) - 3 else ""


def is_generic(name: str) -> bool:
    """True for a name too common or too short to search for alone ("Apple", "Target", "GE")."""
    letters = [c for c in name if c.isalnum()]
    if len(letters) < 2 or (len(letters) == 2 and not any(c.isdigit() for c in letters)):
        return True
    return " " not in name.strip() and name.strip().casefold() in COMMON_WORDS


def with_derived_aliases(company: Company) -> tuple[Company, tuple[str, ...]]:
    """The company with the suffix-free form of its name added as an alias where that is safe,
    and notes for the user about names too generic to trust alone."""
    notes = []
    derived = strip_legal_suffix(company.name)
    aliases = company.aliases
    if derived != company.name:
        if is_generic(derived):
            notes.append(
                f"{derived!r} alone is too generic to search for, so only {company.name!r} is "
                f"used; add it with --alias if you want it, together with a domain or exclude "
                f"terms (research company add {command_name(company)} --domain ... --exclude ...)"
            )
        else:
            aliases = unique_names(company.name, (*aliases, derived))
    folded = tuple(
        plain
        for plain in (_ascii_fold(n) for n in (company.name, *aliases))
        if plain and not is_generic(plain)
    )
    aliases = unique_names(company.name, (*aliases, *folded))
    if is_generic(company.name) and not company.domain and not company.exclude:
        notes.append(
            f"{company.name!r} is a common word or very short, so some results may be about "
            "something else; "
            f"add a profile with the company's domain and exclude terms "
            f"(research company add {command_name(company)} --domain ... --exclude ...)"
        )
    return replace(company, aliases=aliases), tuple(notes)

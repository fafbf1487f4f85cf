"""The watchlist: the companies the weekly digest covers, kept in the store."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timezone

from .. import arguments
from ..config import Settings, checked_settings, load_settings
from ..errors import InvalidInput, StoreError
from ..models import Company, WatchEntry
from ..plan.company import resolve_company
from .cache import Cache
from .research_db import Store

MAX_WATCHED = 200


def _resolved(companies: Sequence[str]) -> list[Company]:
    companies = arguments.names("companies", companies, limit=MAX_WATCHED)
    if not companies:
        raise InvalidInput("name at least one company, e.g. acme-corp")
    if len(companies) > MAX_WATCHED:
        raise InvalidInput(
            f"{len(companies)} companies given; a watchlist holds at most {MAX_WATCHED}"
        )
    return [resolve_company(name) for name in companies]


def watch(
    companies: Sequence[str], *, settings: Settings | None = None, now: datetime | None = None
) -> list[tuple[str, bool]]:
    """Add companies (slugs or names) to the watchlist: each one's slug, and whether it was
    newly added. A name whose slug already belongs to another name ("C#" after "C++") gets a
    numbered slug ("c-2") instead of silently becoming the other company."""
    checked_settings(settings)
    arguments.aware("now", now)
    resolved = _resolved(companies)
    store = Store((settings or load_settings()).store_path)
    taken = _taken(store)
    placed: list[tuple[str, bool]] = []
    kept: list[Company] = []
    for typed in resolved:
        company = _in_store(typed, taken, store)
        placed.append((company.slug, company.slug not in taken))
        kept.append(company)
        taken.setdefault(company.slug, company.name)
    if len(taken) > MAX_WATCHED:
        raise InvalidInput(
            f"the watchlist would hold more than {MAX_WATCHED} companies; remove some first"
        )
    store.watch([(c.slug, c.name) for c in kept], now or datetime.now(timezone.utc))
    return placed


def stored_company(text: str, store: Store, aliases: Sequence[str] = ()) -> Company:
    """What the user typed (a slug or a name), as the store knows it.

    Names that slug alike are told apart: a name takes the slug it was watched or saved under,
    or the first numbered one free ("AT-T" is at-t-2 beside "AT&T" at at-t); a slug takes the
    name it was watched under ("at-t-2" is "AT-T", not "At T 2"). So a profile or a command
    made from either always lands on the same entry, under the name the user gave it.
    """
    return _in_store(resolve_company(text, tuple(aliases)), _taken(store), store)


def watch_slugs(companies: Sequence[str], *, settings: Settings | None = None) -> list[str]:
    """The watchlist slug of each company (a slug or a name), on the list or not: the entries
    ``watch`` and ``unwatch`` would touch, for messages that name them."""
    checked_settings(settings)
    resolved = _resolved(companies)
    return _slugs_in(Store((settings or load_settings()).store_path), resolved)


def _slugs_in(store: Store, companies: Sequence[Company]) -> list[str]:
    taken = _taken(store)
    return [_in_store(company, taken, store).slug for company in companies]


def _taken(store: Store) -> dict[str, str]:
    """Watched slugs and the names they were watched under."""
    return {slug: name for slug, name, _ in store.watchlist()}


def _in_store(company: Company, taken: dict[str, str], store: Store) -> Company:
    """``company`` under its slug in the store, given the watched slugs ``taken``."""
    if _typed_as_slug(company):
        watched_as = taken.get(company.slug)
        if watched_as is None or watched_as == company.name:
            return company
        return replace(resolve_company(watched_as, company.aliases), slug=company.slug)
    return replace(company, slug=_slug_for(company, taken, store))


def _typed_as_slug(company: Company) -> bool:
    """True when the text was a slug: "at-t-2", or a name that is its own slug ("яндекс-2")."""
    return not company.exact_case or company.name == company.slug


def _slug_for(company: Company, taken: dict[str, str], store: Store) -> str:
    """The slug that already holds this name, else the first one free: the name's own slug,
    then numbered ones. A name keeps its numbered slug after the plain one is freed ("AT-T"
    stays at-t-2 when "AT&T" leaves at-t), so its entry and profile are found again."""
    owners = _owners(company.slug, taken, store)
    for slug, owner in owners.items():
        if _same_name(owner, company.name):
            return slug
    if company.slug not in owners:
        return company.slug
    number = 2
    while f"{company.slug}-{number}" in owners:
        number += 1
    return f"{company.slug}-{number}"


def _owners(base: str, taken: dict[str, str], store: Store) -> dict[str, str]:
    """Who holds ``base`` and its numbered slugs (base-2, base-3, ...), in that order: the
    name each was watched under, else its profile's name. A damaged profile there is an error
    (StoreError says how to remove it), so a company never silently moves away from it."""
    profiles, damaged = store.companies()
    names = {c.slug: c.name for c in profiles} | dict.fromkeys(damaged, "") | taken
    numbered = re.compile(rf"{re.escape(base)}-([2-9]|[1-9][0-9]+)")
    held = sorted((int(match[1]), slug) for slug in names if (match := numbered.fullmatch(slug)))
    owners = {slug: names[slug] for slug in [base, *(slug for _, slug in held)] if slug in names}
    for slug, name in owners.items():
        if not name and slug not in taken:
            store.company(slug)  # raises the damaged profile's StoreError
    return owners


def _same_name(a: str, b: str) -> bool:
    """Spellings of one name: case, spacing and a final full stop aside ("Acme Corp." is
    "acme corp"), but not symbols ("C++" is not "C#", "AT&T" is not "AT-T")."""

    def key(name: str) -> str:
        return " ".join(name.casefold().split()).rstrip(".")

    return key(a) == key(b)


def unwatch(companies: Sequence[str], *, settings: Settings | None = None) -> list[str]:
    """Take companies off the watchlist; the slugs that were on it."""
    checked_settings(settings)
    resolved = _resolved(companies)
    store = Store((settings or load_settings()).store_path)
    return store.unwatch(_slugs_in(store, resolved))


def watched(*, settings: Settings | None = None) -> list[WatchEntry]:
    """The watchlist, oldest first, each with its profile and when it was last researched."""
    checked_settings(settings)
    settings = settings or load_settings()
    store = Store(settings.store_path)
    rows = store.watchlist()
    last = Cache(settings.cache_path).last_researched([slug for slug, _, _ in rows])
    entries = []
    for slug, name, added in rows:
        company, has_profile, problem = watched_company(store, slug, name)
        entries.append(
            WatchEntry(
                company=company,
                added_at=added,
                last_researched=last.get(slug),
                has_profile=has_profile,
                problem=problem,
            )
        )
    return entries


def watched_company(store: Store, slug: str, name: str) -> tuple[Company, bool, str | None]:
    """A watched company under its watchlist slug: its saved profile, else the name as typed;
    whether it has a profile; and why a saved profile could not be read, if it could not."""
    try:
        profile = store.company(slug)
    except StoreError as exc:
        return replace(resolve_company(name), slug=slug), False, str(exc)
    if profile is None:
        return replace(resolve_company(name), slug=slug), False, None
    return profile, True, None

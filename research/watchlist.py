"""The watchlist: the companies the weekly digest covers, kept in the store."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timezone

from . import arguments
from .cache import Cache
from .company import resolve_company
from .config import Settings, load_settings
from .errors import InvalidInput, StoreError
from .models import Company, WatchEntry
from .store import Store

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
    arguments.settings(settings)
    arguments.aware("now", now)
    resolved = _resolved(companies)
    store = Store((settings or load_settings()).store_path)
    taken = {slug: name for slug, name, _ in store.watchlist()}
    placed: list[tuple[str, bool]] = []
    for company in resolved:
        slug = _slug_for(company, taken, store)
        placed.append((slug, slug not in taken))
        taken.setdefault(slug, company.name)
    if len(taken) > MAX_WATCHED:
        raise InvalidInput(
            f"the watchlist would hold more than {MAX_WATCHED} companies; remove some first"
        )
    store.watch(
        [(slug, company.name) for (slug, _), company in zip(placed, resolved, strict=True)],
        now or datetime.now(timezone.utc),
    )
    return placed


def _slug_for(company: Company, taken: dict[str, str], store: Store) -> str:
    """The company's slug, or the first numbered one not held by a different name."""
    if not company.exact_case:
        return company.slug  # typed as a slug: it names the entry itself
    slug, number = company.slug, 1
    while True:
        owner = taken.get(slug)
        if owner is None:
            profile = store.company(slug)
            owner = profile.name if profile is not None else None
        if owner is None or _same_name(owner, company.name):
            return slug
        number += 1
        slug = f"{company.slug}-{number}"


def _same_name(a: str, b: str) -> bool:
    """Spellings of one name: case, spacing and a final full stop aside ("Acme Corp." is
    "acme corp"), but not symbols ("C++" is not "C#", "AT&T" is not "AT-T")."""

    def key(name: str) -> str:
        return " ".join(name.casefold().split()).rstrip(".")

    return key(a) == key(b)


def unwatch(companies: Sequence[str], *, settings: Settings | None = None) -> list[str]:
    """Take companies off the watchlist; the slugs that were on it."""
    arguments.settings(settings)
    resolved = _resolved(companies)
    return Store((settings or load_settings()).store_path).unwatch([c.slug for c in resolved])


def watched(*, settings: Settings | None = None) -> list[WatchEntry]:
    """The watchlist, oldest first, each with its profile and when it was last researched."""
    arguments.settings(settings)
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

"""The watchlist: the companies the weekly digest covers, kept in the store."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timezone

from .cache import Cache
from .company import resolve_company
from .config import Settings, load_settings
from .errors import InvalidInput, StoreError
from .models import Company, WatchEntry
from .store import Store

MAX_WATCHED = 200


def _resolved(companies: Sequence[str]) -> list[Company]:
    if isinstance(companies, str):
        raise InvalidInput("companies must be a list of names, not a single string")
    if not companies:
        raise InvalidInput("name at least one company, e.g. acme-corp")
    if len(companies) > MAX_WATCHED:
        raise InvalidInput(
            f"{len(companies)} companies given; a watchlist holds at most {MAX_WATCHED}"
        )
    return [resolve_company(name) for name in companies]


def watch(
    companies: Sequence[str], *, settings: Settings | None = None, now: datetime | None = None
) -> list[str]:
    """Add companies (slugs or names) to the watchlist; the slugs that were newly added."""
    resolved = _resolved(companies)
    store = Store((settings or load_settings()).store_path)
    already = {slug for slug, _, _ in store.watchlist()}
    if len(already | {c.slug for c in resolved}) > MAX_WATCHED:
        raise InvalidInput(
            f"the watchlist would hold more than {MAX_WATCHED} companies; remove some first"
        )
    return store.watch([(c.slug, c.name) for c in resolved], now or datetime.now(timezone.utc))


def unwatch(companies: Sequence[str], *, settings: Settings | None = None) -> list[str]:
    """Take companies off the watchlist; the slugs that were on it."""
    resolved = _resolved(companies)
    return Store((settings or load_settings()).store_path).unwatch([c.slug for c in resolved])


def watched(*, settings: Settings | None = None) -> list[WatchEntry]:
    """The watchlist, oldest first, each with its profile and when it was last researched."""
    settings = settings or load_settings()
    store = Store(settings.store_path)
    rows = store.watchlist()
    last = Cache(settings.cache_path).last_researched([slug for slug, _, _ in rows])
    entries = []
    for slug, name, added in rows:
        try:
            profile, problem = store.company(slug), None
        except StoreError as exc:
            profile, problem = None, str(exc)
        entries.append(
            WatchEntry(
                company=profile or resolve_company(name),
                added_at=added,
                last_researched=last.get(slug),
                has_profile=profile is not None,
                problem=problem,
            )
        )
    return entries

"""A profile's newsroom, discovered on the first run that needs it and saved onto the profile.

A company with a domain or newsroom and no discovery yet has its site asked for its feeds and
news pages once; what was found is recorded on the saved profile, so later runs plan from it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from ..deadline import time_left
from ..errors import StoreError
from ..models import Company

if TYPE_CHECKING:
    from sources import Discovery, HttpClient

    from ..store.research_db import Store


async def discovered(
    company: Company,
    http: HttpClient,
    store: Store | None,
    now: datetime,
    warnings: list[str],
    give_up_at: float | None,
) -> Company:
    """The company with its newsroom discovered when it has a site and was never discovered;
    what was found is saved onto its profile in ``store`` (None in a replay: nothing saved).
    ``give_up_at`` (the event loop's clock) ends discovery by then."""
    if not _needs_discovery(company):
        return company
    company = await _discover(company, http, now, warnings, time_left(give_up_at))
    if store is not None:
        _save_profile(store, company, now, warnings)
    return company


def _needs_discovery(company: Company) -> bool:
    return bool(company.domain or company.newsroom) and company.discovered_at is None


async def _discover(
    company: Company, http: HttpClient, now: datetime, warnings: list[str], left: float | None
) -> Company:
    """The company with what newsroom discovery found on its site recorded. Imported here:
    discovery's page-reading code is needed only for profiles with a domain or newsroom."""
    from sources.discover import DISCOVERY_DEADLINE, discover_newsroom

    discovery = await discover_newsroom(
        company.domain or company.newsroom or "",
        http,
        now=now,
        newsroom=company.newsroom,
        deadline=DISCOVERY_DEADLINE if left is None else left,
    )
    warnings.extend(f"newsroom discovery: {note}" for note in discovery.notes)
    if not discovery.reachable:
        return company  # not recorded: the next run tries again
    return with_discovery(company, discovery, now)


def _save_profile(store: Store, company: Company, now: datetime, warnings: list[str]) -> None:
    """Record what discovery found onto the saved profile, and nothing else: this run's extra
    aliases and derived names are not the user's profile."""
    try:
        saved = store.company(company.slug)
        if saved is not None:
            store.save_company(
                replace(
                    saved,
                    discovered_feeds=company.discovered_feeds,
                    discovered_pages=company.discovered_pages,
                    discovered_at=company.discovered_at,
                    discovery_notes=company.discovery_notes,
                ),
                now,
            )
    except StoreError as exc:
        warnings.append(f"{exc} (what discovery found was not saved)")


def with_discovery(company: Company, discovery: Discovery, now: datetime) -> Company:
    """The profile with what discovery found (and noticed) recorded."""
    return replace(
        company,
        discovered_feeds=discovery.feeds,
        discovered_pages=discovery.pages,
        discovered_at=now,
        discovery_notes=discovery.notes,
    )

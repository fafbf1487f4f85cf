"""Who a run's company is: its saved profile (in the store, or as a recording holds it) when
there is one, with any extra aliases given, else the company the user typed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Union

from ..errors import StoreError
from ..models import Company
from ..store.replaying import RecordedCompanies
from .company import resolve_company, unique_names

if TYPE_CHECKING:  # a replay never opens the store, so it need not import it
    from ..store.research_db import Store

# Where saved profiles are looked up: the store, or a recording's companies.
Profiles = Union["Store", RecordedCompanies]


def profile_or_company(
    company: str | Company, aliases: Sequence[str], profiles: Profiles, warnings: list[str]
) -> Company:
    """The saved profile when there is one (plus any extra aliases), else a Company from text."""
    if isinstance(company, Company):
        return company
    typed = resolve_company(company, tuple(aliases))
    try:
        if not isinstance(profiles, RecordedCompanies):  # "AT-T" beside a saved "AT&T"
            from ..store.watchlist import stored_company

            typed = stored_company(company, profiles, aliases)
        profile = profiles.company(typed.slug)
    except StoreError as exc:
        warnings.append(f"{exc} (the saved profile, if any, was not used)")
        profile = None
    if profile is None:
        return typed
    return replace(profile, aliases=unique_names(profile.name, (*profile.aliases, *typed.aliases)))

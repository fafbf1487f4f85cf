"""Saved weekly digests read back from the store: what ``research digest`` recorded, for programs
that want the week's news without fetching anything (the MCP server's ``watchlist_digest``)."""

from __future__ import annotations

from .. import arguments
from ..config import Settings, checked_settings, load_settings
from ..errors import InvalidInput
from ..models import Company
from ..store.research_db import Store
from ..store.watchlist import watched_company
from .data import CompanySection, IsoWeek, ReportedWeek

SHOWN_WEEKS = 5  # saved weeks a "not saved" message lists, newest first


def reported_week(
    week: str | IsoWeek | None = None, *, settings: Settings | None = None
) -> ReportedWeek:
    """The saved digest of ``week`` (``"2026-W47"``; the newest saved one when None), with the
    news it reported by company, named as the watchlist names them.

    InvalidInput when the week is malformed or has no saved digest: the message lists the
    weeks that have one, or says how to write the first.
    """
    arguments.one_of(
        "week", week, (str, IsoWeek, type(None)), "an ISO week such as 2026-W47 or None"
    )
    checked_settings(settings)
    chosen = IsoWeek.parse(week) if isinstance(week, str) else week
    store = Store((settings or load_settings()).store_path)
    saved = store.saved_digests()
    if not saved:
        raise InvalidInput(
            "no digest is saved yet; write this week's with: research digest "
            "(after research watch add COMPANY ...)"
        )
    chosen = chosen or saved[0].week
    row = next((digest for digest in saved if digest.week == chosen), None)
    if row is None:
        listed = ", ".join(str(digest.week) for digest in saved[:SHOWN_WEEKS])
        more = f" and {len(saved) - SHOWN_WEEKS} older" if len(saved) > SHOWN_WEEKS else ""
        raise InvalidInput(f"no digest is saved for {chosen}; saved weeks: {listed}{more}")
    slugs = store.reported_slugs(chosen)
    events = store.week_record(chosen, slugs).events
    names = {slug: name for slug, name, _ in store.watchlist()}
    sections = tuple(
        CompanySection(_company(store, slug, names), events.get(slug, ())) for slug in slugs
    )
    return ReportedWeek(row, sections)


def _company(store: Store, slug: str, names: dict[str, str]) -> Company:
    """The company as the watchlist has it (its profile, else the name as typed); one no longer
    watched by its profile, else its slug."""
    return watched_company(store, slug, names.get(slug, slug))[0]

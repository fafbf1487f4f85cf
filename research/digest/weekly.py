"""The weekly digest: research the watchlist at once into one week's news (saved by ``publish``)."""

from __future__ import annotations

import asyncio
import functools
import math
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sources import HttpClient, Recording, ReplayTransport, parse_workers
from sources.fetch import Progress, Tracker

from .. import arguments
from ..api import research_offline, research_with
from ..config import Settings, checked_settings, load_settings
from ..deadline import check_deadline, deadline_at
from ..errors import InvalidInput, ResearchError
from ..limits import MAX_DAYS, MAX_LIMIT
from ..models import Company, Result
from ..plan.company import with_derived_aliases
from ..plan.filers import Filers
from ..plan.profile import Profiles, profile_or_company
from ..plan.switches import Switches, switches
from ..runner import synchronous
from ..store.cache import Cache
from ..store.database import kept_open
from ..store.replaying import RecordedCompanies, open_recording
from ..store.research_db import Store, WeekRecord
from ..store.watchlist import MAX_WATCHED, watched_company
from .data import CompanySection, Digest, DigestFailure, IsoWeek, events_for_week

Outcome = Result | ResearchError  # a company's research, or the error that stopped it


def _week(week: str | IsoWeek | None, now: datetime) -> IsoWeek:
    chosen = IsoWeek.of(now) if week is None else week
    chosen = chosen if isinstance(chosen, IsoWeek) else IsoWeek.parse(chosen)
    if chosen.start > now:
        raise InvalidInput(f"week {chosen} has not started yet (today is in {IsoWeek.of(now)})")
    if now - chosen.start > timedelta(days=MAX_DAYS):
        raise InvalidInput(
            f"week {chosen} is more than {MAX_DAYS} days ago; news sources keep only recent news"
        )
    return chosen


def _watchlist_companies(store: Store, warnings: list[str]) -> list[Company]:
    rows = store.watchlist()
    if not rows:
        raise InvalidInput(
            "the watchlist is empty; add companies with: research watch add acme-corp"
        )
    return [_watched_company(slug, name, store, warnings) for slug, name, _ in rows]


def _named_companies(
    names: Sequence[str | Company], profiles: Profiles, warnings: list[str]
) -> list[Company]:
    if isinstance(names, str):
        raise InvalidInput("companies must be a list of names, not a single string")
    if len(names) > MAX_WATCHED:
        raise InvalidInput(f"{len(names)} companies given; a digest covers at most {MAX_WATCHED}")
    resolved: dict[str, Company] = {}
    for name in names:
        company, notes = with_derived_aliases(profile_or_company(name, (), profiles, warnings))
        warnings.extend(notes)
        resolved.setdefault(company.slug, company)
    return list(resolved.values())


def _watched_company(slug: str, name: str, store: Store, warnings: list[str]) -> Company:
    """A watched company under its watchlist slug, with its derived aliases."""
    company, _, problem = watched_company(store, slug, name)
    if problem:
        warnings.append(f"{problem} (the saved profile was not used)")
    company, notes = with_derived_aliases(company)
    warnings.extend(notes)
    return company


async def weekly_digest_async(
    companies: Sequence[str | Company] | None = None,
    week: str | IsoWeek | None = None,
    *,
    settings: Settings | None = None,
    now: datetime | None = None,
    progress: Progress | None = None,
    deadline: float | None = None,
    offline: bool = False,
    replay: Path | str | None = None,
    sources: Sequence[str] = (),
    no_sources: Sequence[str] = (),
) -> Digest:
    """The good news of one ISO week (this week by default) for the watchlist or ``companies``.

    Every company is researched at once over one HTTP client, so per-host politeness holds
    across the whole watchlist. Events this week's saved digest already reported are kept as
    they were; an event another week reported is not listed again. Nothing is saved: see
    :func:`save_digest`. With a ``deadline`` (seconds) it returns by then; sources still busy
    are reported as timed out. ``progress`` is called at the start and as each company is
    done, with how many are done, how many in all and one still being researched.

    ``offline`` answers from the cache alone; ``replay`` answers from a recording folder,
    reads and writes neither the store nor the cache (so ``companies`` must be given, and the
    week defaults to the recording's) and judges the week from the recording's time. Either
    digest is marked as such, and :func:`save_digest` refuses it: it is not the week's digest.
    ``sources`` and ``no_sources`` switch built-in sources on and off by name for every company
    (see :func:`research.research`).
    """
    if companies is not None:
        companies = arguments.companies("companies", companies, limit=MAX_WATCHED)
    arguments.one_of(
        "week", week, (str, IsoWeek, type(None)), "an ISO week such as 2026-W14 or None"
    )
    checked_settings(settings)
    arguments.aware("now", now)
    arguments.callable_or_none("progress", progress)
    arguments.flag("offline", offline)
    arguments.path("replay", replay)
    run = switches(sources, no_sources)
    give_up_at = deadline_at(check_deadline(deadline))
    if offline and replay is not None:
        raise InvalidInput("choose at most one of offline and replay")
    recording = open_recording(replay) if replay is not None else None
    now = now or (recording.recorded_at if recording else datetime.now(timezone.utc))
    chosen = _week(week, now)
    settings = settings or load_settings()
    warnings: list[str] = []
    store: Store | None = None  # a replay reads and writes neither the store nor the cache
    cache: Cache | None = None
    profiles: Profiles
    if recording is None:
        store = profiles = Store(settings.store_path)
        cache = Cache(settings.cache_path)
    else:
        profiles = RecordedCompanies(recording)
    with kept_open(store, cache):  # one connection each for the whole digest
        resolved, record = _companies_and_week(companies, chosen, store, profiles, warnings)
        research = functools.partial(
            _research_one,
            store=store,
            cache=cache,
            settings=settings,
            now=now,
            days=min(MAX_DAYS, max(7, math.ceil((now - chosen.start) / timedelta(days=1)))),
            offline=offline,
            give_up_at=give_up_at,
            run=run,
            # One list of SEC filers for the whole digest, loaded once whoever asks first.
            filers=Filers(cache, now),
        )
        tracker = Tracker([company.slug for company in resolved], progress)
        transport = ReplayTransport(recording) if recording else None
        async with (
            parse_workers(settings.parse),
            HttpClient(settings.http, transport=transport) as http,
        ):
            outcomes = await asyncio.gather(
                *(tracker.track(company.slug, research(company, http)) for company in resolved)
            )
    if cache is not None:
        warnings += cache.notes  # the shared cache's own notes (a damaged file replaced), once
    return _digest(chosen, resolved, outcomes, record, now, warnings, recording, offline)


def _companies_and_week(
    companies: Sequence[str | Company] | None,
    week: IsoWeek,
    store: Store | None,
    profiles: Profiles,
    warnings: list[str],
) -> tuple[list[Company], WeekRecord]:
    """The companies to research and what the store holds of the week. Without a store (a
    replay) neither the watchlist nor the saved week is read: the companies must be named."""
    if companies is not None:
        resolved = _named_companies(companies, profiles, warnings)
    elif store is not None:
        resolved = _watchlist_companies(store, warnings)
    else:
        raise InvalidInput(
            "a replayed digest does not read the watchlist; name the companies, e.g. "
            "research digest --replay DIR --company acme-corp"
        )
    if store is None:
        return resolved, WeekRecord(None, {}, {})
    return resolved, store.week_record(week, [c.slug for c in resolved])


async def _research_one(
    company: Company,
    http: HttpClient,
    *,
    store: Store | None,
    cache: Cache | None,
    settings: Settings,
    now: datetime,
    days: int,
    offline: bool,
    give_up_at: float | None,
    run: Switches,
    filers: Filers,
) -> Outcome:
    """One company's research for the digest, or the error that stopped it."""
    try:
        if offline and cache is not None:  # offline is never a replay: the cache is there
            return await research_offline(
                company,
                cache=cache,
                settings=settings,
                now=now,
                days=days,
                limit=MAX_LIMIT,
                run=run,
                shared_cache=True,
                filers=filers,
            )
        return await research_with(
            http,
            company,
            store=store,
            cache=cache,
            settings=settings,
            now=now,
            days=days,
            limit=MAX_LIMIT,
            give_up_at=give_up_at,
            shared_cache=True,
            run=run,
            filers=filers,
        )
    except ResearchError as exc:
        return exc


def _digest(
    week: IsoWeek,
    companies: Sequence[Company],
    outcomes: Sequence[Result | ResearchError],
    record: WeekRecord,
    now: datetime,
    warnings: list[str],
    recording: Recording | None,
    offline: bool,
) -> Digest:
    """The week's digest from each company's research (or the error that stopped it)."""
    sections = []
    failures = []
    for company, outcome in zip(companies, outcomes, strict=True):
        kept = record.events.get(company.slug, ())
        if isinstance(outcome, ResearchError):
            sections.append(CompanySection(company, kept, researched=False, problem=str(outcome)))
            continue
        events = events_for_week(week, outcome.events, kept, record.elsewhere.get(company.slug, ()))
        sections.append(CompanySection(outcome.company, events, researched=not outcome.all_failed))
        warnings += [f"{company.name}: {w}" for w in outcome.warnings]
        failures += [
            DigestFailure(company.name, f.source, f.url, f.error, f.reason)
            for f in outcome.failures
        ]
    as_of = [o.data_as_of for o in outcomes if isinstance(o, Result) and o.data_as_of]
    return Digest(
        week,
        tuple(sections),
        tuple(failures),
        generated_at=now,
        warnings=tuple(warnings),
        offline=offline,
        replayed=recording is not None,
        data_as_of=min(as_of, default=None),
    )


weekly_digest = synchronous(weekly_digest_async)
weekly_digest.__name__ = weekly_digest.__qualname__ = "weekly_digest"
weekly_digest.__doc__ = """Synchronous twin of :func:`weekly_digest_async`; returns a :class:`Digest`. It blocks
    the calling thread (and a running event loop in it) until done; from async code, await
    :func:`weekly_digest_async`."""


__all__ = ["weekly_digest", "weekly_digest_async"]

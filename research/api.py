"""The library's entry point: a run in the order it happens.

Resolve the company (its saved profile, else what was typed), plan its sources (discovering its
newsroom first when it has a site and was never asked), fetch them all at once and keep their
answers in the cache, then judge and rank what they said, each event with its sentences written.
An offline run plans the same sources and takes their answers from the cache; a replay takes
them from a recording and reads and writes neither the store nor the cache.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from sources import (
    FetchReport,
    HttpClient,
    Query,
    Recorder,
    Recording,
    ReplayTransport,
    fetch_all,
    parse_workers,
)
from sources.fetch import Progress, report_of

from . import arguments
from .config import Settings, checked_settings, load_settings
from .deadline import check_deadline, deadline_at, time_left
from .errors import InvalidInput
from .judge.rank import rank_items
from .limits import MAX_FEEDS, check_options, check_topics
from .models import Company, Result
from .plan.company import with_derived_aliases
from .plan.discovery import discovered
from .plan.filers import Filers
from .plan.profile import profile_or_company
from .plan.sources import Plan, plan_sources
from .plan.switches import NO_SWITCHES, Switches, switches
from .runner import synchronous
from .store.answers import cached_for, from_cache, keep_answers
from .store.cache import Cache
from .store.database import kept_open
from .store.replaying import RecordedCompanies, keep_company, open_recording

if TYPE_CHECKING:
    from .store.research_db import Store


async def research_async(
    company: str | Company,
    *,
    days: int = 30,
    limit: int = 10,
    feeds: Iterable[str] = (),
    aliases: Sequence[str] = (),
    builtin: bool = True,
    offline: bool = False,
    replay: Path | str | None = None,
    record: Path | str | None = None,
    topics: Sequence[str] = (),
    settings: Settings | None = None,
    now: datetime | None = None,
    deadline: float | None = None,
    progress: Progress | None = None,
    sources: Sequence[str] = (),
    no_sources: Sequence[str] = (),
) -> Result:
    """Research a company: fetch every source at once, rank what they say, explain the picks.

    A saved profile (``research company add``) supplies aliases, the domain, feeds and exclude
    terms; its newsroom is discovered on the first run and remembered. ``replay`` answers
    requests from a recording folder instead of the network (and judges recency from the
    recording's time); it never reads or writes the store or the cache, profiles included: the
    company is the one the recording holds (``record`` keeps it) or else the name and aliases
    given, so the same recording always gives the same result. ``record`` saves every response
    into a folder for later replay. ``offline`` answers from the store alone. Sources that fail
    come back in ``Result.failures``. With a ``deadline`` (seconds), the call returns by then:
    sources still busy are stopped and reported as timed out, the others count.
    ``progress(done, total, source)`` is called when the sources are about to be fetched and
    as each one ends, with how many are done, how many in all and one still being fetched
    (``""`` when all are done); an offline run fetches nothing and never calls it.
    ``sources`` and ``no_sources`` switch built-in sources on and off by name for this run
    (``sources.providers.registry.SWITCHABLE``), over the profile's switches and the defaults;
    ``builtin=False`` switches off the searches and services the run does not name.
    """
    arguments.company("company", company)
    feeds = arguments.items("feeds", feeds, "URLs", limit=MAX_FEEDS, item=arguments.text)
    aliases = arguments.names("aliases", aliases)
    topics = arguments.names("topics", topics)
    arguments.flag("builtin", builtin)
    arguments.flag("offline", offline)
    arguments.path("replay", replay)
    arguments.path("record", record)
    checked_settings(settings)
    arguments.aware("now", now)
    arguments.callable_or_none("progress", progress)
    run = switches(sources, no_sources)
    give_up_at = deadline_at(check_deadline(deadline))
    feeds = check_options(days, limit, feeds)
    topics = check_topics(topics)
    if sum(bool(x) for x in (offline, replay, record)) > 1:
        raise InvalidInput("choose at most one of offline, replay and record")
    settings = settings or load_settings()
    if replay is not None:
        return await _research_replay(
            company,
            aliases,
            open_recording(replay),
            settings=settings,
            now=now,
            days=days,
            limit=limit,
            feeds=feeds,
            builtin=builtin,
            run=run,
            topics=topics,
            give_up_at=give_up_at,
            progress=progress,
        )
    warnings: list[str] = []
    from .store.research_db import Store  # a replay never opens the store

    store = Store(settings.store_path)
    cache = Cache(settings.cache_path)
    resolved = profile_or_company(company, aliases, store, warnings)
    now = now or datetime.now(timezone.utc)
    recorder = None
    if record is not None:
        try:
            recorder = Recorder(Path(record), now=now)
        except OSError as exc:
            raise InvalidInput(f"cannot record into {record}: {exc}") from exc
        keep_company(recorder, resolved)  # as resolved here: its replay derives the rest again
    resolved, notes = with_derived_aliases(resolved)
    warnings.extend(notes)
    with kept_open(store, cache):  # a run makes a dozen short transactions
        if offline:
            return await research_offline(
                resolved,
                cache=cache,
                settings=settings,
                now=now,
                days=days,
                limit=limit,
                feeds=feeds,
                builtin=builtin,
                run=run,
                topics=topics,
                warnings=warnings,
            )
        async with (
            parse_workers(settings.parse),
            HttpClient(settings.http, recorder=recorder) as http,
        ):
            return await research_with(
                http,
                resolved,
                store=store,
                cache=cache,
                settings=settings,
                now=now,
                days=days,
                limit=limit,
                feeds=feeds,
                builtin=builtin,
                run=run,
                topics=topics,
                send_validators=record is None,
                warnings=warnings,
                give_up_at=give_up_at,
                progress=progress,
            )


async def research_with(
    http: HttpClient,
    company: Company,
    *,
    store: Store | None,
    cache: Cache | None,
    settings: Settings,
    now: datetime,
    days: int,
    limit: int,
    feeds: Sequence[str] = (),
    builtin: bool = True,
    run: Switches = NO_SWITCHES,
    topics: tuple[str, ...] = (),
    send_validators: bool = True,
    warnings: list[str] | None = None,
    give_up_at: float | None = None,
    shared_cache: bool = False,
    progress: Progress | None = None,
    filers: Filers | None = None,
) -> Result:
    """Research an already resolved company with a client the caller shares between companies.

    The ``store`` receives what discovery finds and the ``cache`` the fetched items; a replay
    passes None for both, as it reads and writes neither (its result is marked replayed).
    ``send_validators`` sends the cached validators (a recording must stand alone, so it sends
    none). ``give_up_at`` (the event loop's clock) ends discovery and every source by then. With
    ``shared_cache`` (one cache for many companies) the cache's notes are left to the caller.
    ``progress`` hears of the sources as they are fetched (see :func:`research_async`).
    ``filers`` is the SEC's list of filers the companies of a digest share (one per run).
    """
    warnings = [] if warnings is None else warnings
    company = await discovered(company, http, store, now, warnings, give_up_at)
    query = Query(company.name, company.aliases, days)
    filers = filers or Filers(cache, now, stored_first=send_validators)
    plan = await plan_sources(
        company, settings, feeds=feeds, run=run, builtin=builtin, filers=filers, http=http
    )
    report = await _fetch(
        plan, query, http, cache, now, warnings, send_validators, give_up_at, progress
    )
    if cache is not None:
        keep_answers(cache, report.outcomes, now, company.slug, warnings)
        if not shared_cache:
            warnings.extend(cache.notes)  # a shared cache's notes are the caller's, once
    return _result(company, report, now, days, limit, topics, warnings, replayed=cache is None)


async def _fetch(
    plan: Plan,
    query: Query,
    http: HttpClient,
    cache: Cache | None,
    now: datetime,
    warnings: list[str],
    send_validators: bool,
    give_up_at: float | None,
    progress: Progress | None,
) -> FetchReport:
    """Every planned source fetched at once, and the outcomes of those refused before asking."""
    sources = plan.sources
    cached = cached_for(cache, sources, query, warnings) if cache and send_validators else {}
    report = await fetch_all(
        sources,
        query,
        http,
        now=now,
        cache=cached,
        deadline=time_left(give_up_at),
        progress=progress,
    )
    return report_of((*report.outcomes, *plan.refused)) if plan.refused else report


def _result(
    company: Company,
    report: FetchReport,
    now: datetime,
    days: int,
    limit: int,
    topics: tuple[str, ...],
    warnings: list[str],
    *,
    offline: bool = False,
    replayed: bool = False,
    data_as_of: datetime | None = None,
) -> Result:
    """Rank what the sources said and explain it, with every warning of the run."""
    warnings.extend(report.warnings)
    events, skipped = rank_items(
        report.items, company, now=now, days=days, limit=None, topics=topics
    )
    return Result(
        company=company,
        generated_at=now,
        window_days=days,
        events=events[:limit],
        events_found=len(events),
        failures=report.failures,
        skipped=skipped,
        warnings=tuple(warnings),
        sources_total=len(report.outcomes),
        sources_answered=sum(1 for o in report.outcomes if o.ok or o.items),
        offline=offline,
        data_as_of=data_as_of,
        replayed=replayed,
        topics=topics,
    )


async def research_offline(
    company: Company,
    *,
    cache: Cache,
    settings: Settings,
    now: datetime,
    days: int,
    limit: int,
    feeds: Sequence[str] = (),
    builtin: bool = True,
    run: Switches = NO_SWITCHES,
    topics: tuple[str, ...] = (),
    warnings: list[str] | None = None,
    shared_cache: bool = False,
    filers: Filers | None = None,
) -> Result:
    """Research a resolved company from what the cache holds, without any network access.

    With ``shared_cache`` (one cache for many companies) the cache's notes are left to the
    caller; ``filers`` is the SEC's list the companies of a digest share.
    """
    warnings = [] if warnings is None else warnings
    query = Query(company.name, company.aliases, days)
    plan = await plan_sources(
        company,
        settings,
        feeds=feeds,
        run=run,
        builtin=builtin,
        filers=filers or Filers(cache, now),
        http=None,
    )
    report, data_as_of = from_cache(cache, plan.sources, query, company.slug)
    report = report_of((*report.outcomes, *plan.refused))
    if not shared_cache:
        warnings.extend(cache.notes)
    return _result(
        company,
        report,
        now,
        days,
        limit,
        topics,
        warnings,
        offline=True,
        data_as_of=data_as_of,
    )


async def _research_replay(
    company: str | Company,
    aliases: Sequence[str],
    recording: Recording,
    *,
    settings: Settings,
    now: datetime | None,
    days: int,
    limit: int,
    feeds: Sequence[str],
    builtin: bool,
    run: Switches,
    topics: tuple[str, ...],
    give_up_at: float | None,
    progress: Progress | None,
) -> Result:
    """Research from a recording alone: the company as the recording holds it, else as typed;
    neither the store nor the cache is read or written."""
    warnings: list[str] = []
    resolved = profile_or_company(company, aliases, RecordedCompanies(recording), warnings)
    resolved, notes = with_derived_aliases(resolved)
    async with (
        parse_workers(settings.parse),
        HttpClient(settings.http, transport=ReplayTransport(recording)) as http,
    ):
        return await research_with(
            http,
            resolved,
            store=None,
            cache=None,
            settings=settings,
            now=now or recording.recorded_at,
            days=days,
            limit=limit,
            feeds=feeds,
            builtin=builtin,
            run=run,
            topics=topics,
            warnings=[*warnings, *notes],
            give_up_at=give_up_at,
            progress=progress,
        )


research = synchronous(research_async)
research.__name__ = research.__qualname__ = "research"
research.__doc__ = """Synchronous twin of :func:`research_async`, safe to call from any program.

Takes the same arguments and returns the same :class:`Result`. It blocks the calling thread
(and a running event loop in it) until done; from async code, await :func:`research_async`.
"""

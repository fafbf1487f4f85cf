"""Wires sources, store and the pure ranking together: the library's entry points."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import ParamSpec, Protocol

from sources import (
    CachedFeed,
    FetchReport,
    HttpClient,
    Query,
    Recorder,
    Recording,
    ReplayTransport,
    Source,
    SourceError,
    fetch_all,
    parse_workers,
)
from sources.fetch import Progress, report_of
from sources.parse.urls import require_http_url

from . import arguments
from .config import Settings, load_settings
from .errors import InvalidInput, StoreError
from .judge.rank import rank_items
from .judge.topics import MAX_TOPIC_LENGTH, MAX_TOPICS, topic_words
from .models import Company, Result
from .plan.company import resolve_company, unique_names, with_derived_aliases
from .plan.filers import Filers
from .plan.sources import Plan, plan_sources
from .plan.switches import NO_SWITCHES, Switches, switches
from .runner import synchronous
from .store.cache import Cache
from .store.database import kept_open
from .store.offline import from_cache
from .store.replaying import RecordedCompanies, keep_company, open_recording
from .store.research_db import Store

P = ParamSpec("P")

MAX_DAYS = 365
MAX_LIMIT = 100
MAX_DEADLINE = 3600
MAX_FEEDS = 50


def _check_options(days: int, limit: int, feeds: Iterable[str]) -> tuple[str, ...]:
    """Checked options; the feeds as a tuple of at most MAX_FEEDS strings."""
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_DAYS:
        raise InvalidInput(f"days must be a whole number from 1 to {MAX_DAYS}; got {days!r}")
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
        raise InvalidInput(f"limit must be a whole number from 1 to {MAX_LIMIT}; got {limit!r}")
    if isinstance(feeds, str | bytes):
        raise InvalidInput("feeds must be a list of URLs, not a single string")
    checked = tuple(itertools.islice(feeds, MAX_FEEDS + 1))
    if len(checked) > MAX_FEEDS:
        raise InvalidInput(f"more than {MAX_FEEDS} feeds given; at most {MAX_FEEDS} are accepted")
    for feed in checked:
        if not isinstance(feed, str):
            raise InvalidInput(f"each feed must be a URL string; got {feed!r:.80}")
        try:
            require_http_url(feed)
        except SourceError as exc:  # checked before anything is fetched, discovery included
            raise InvalidInput(f"feed {feed[:200]!r} is not usable: {exc.message}") from exc
    return checked


def _check_topics(topics: Sequence[str]) -> tuple[str, ...]:
    if isinstance(topics, str):
        topics = (topics,)
    cleaned = tuple(dict.fromkeys(" ".join(str(t).split()) for t in topics))
    if len(cleaned) > MAX_TOPICS:
        raise InvalidInput(f"{len(cleaned)} topics given; at most {MAX_TOPICS} are accepted")
    for topic in cleaned:
        if not topic_words(topic) or len(topic) > MAX_TOPIC_LENGTH:
            raise InvalidInput(
                f"topic {topic[:60]!r} must have a word or two to look for "
                f"(at most {MAX_TOPIC_LENGTH} characters)"
            )
    return cleaned


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
    arguments.settings(settings)
    arguments.aware("now", now)
    arguments.callable_or_none("progress", progress)
    run = switches(sources, no_sources)
    give_up_at = deadline_at(check_deadline(deadline))
    feeds = _check_options(days, limit, feeds)
    topics = _check_topics(topics)
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


class Profiles(Protocol):
    """Where saved profiles are looked up: the store, or a recording's companies."""

    def company(self, slug: str) -> Company | None: ...


def profile_or_company(
    company: str | Company, aliases: Sequence[str], profiles: Profiles, warnings: list[str]
) -> Company:
    """The saved profile when there is one (plus any extra aliases), else a Company from text."""
    if isinstance(company, Company):
        return company
    typed = resolve_company(company, tuple(aliases))
    try:
        if isinstance(profiles, Store):  # "AT-T" beside a saved "AT&T": the entry it was given
            from .store.watchlist import stored_company

            typed = stored_company(company, profiles, aliases)
        profile = profiles.company(typed.slug)
    except StoreError as exc:
        warnings.append(f"{exc} (the saved profile, if any, was not used)")
        profile = None
    if profile is None:
        return typed
    return replace(profile, aliases=unique_names(profile.name, (*profile.aliases, *typed.aliases)))


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
    if _needs_discovery(company):
        company = await _discover(company, http, now, warnings, _left(give_up_at))
        if store is not None:
            _save_profile(store, company, now, warnings)
    query = Query(company.name, company.aliases, days)
    filers = filers or Filers(cache, now, stored_first=send_validators)
    plan = await plan_sources(
        company, settings, feeds=feeds, run=run, builtin=builtin, filers=filers, http=http
    )
    report = await _fetch(
        plan, query, http, cache, now, warnings, send_validators, give_up_at, progress
    )
    if cache is not None:
        try:
            cache.save_outcomes(report.outcomes, now, subject=company.slug)
        except StoreError as exc:
            warnings.append(f"{exc} (results were not saved)")
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
    cached = _cached(cache, sources, query, warnings) if cache and send_validators else {}
    report = await fetch_all(
        sources, query, http, now=now, cache=cached, deadline=_left(give_up_at), progress=progress
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
    for outcome in report.outcomes:
        warnings.extend(f"{outcome.source}: {w}" for w in outcome.warnings)
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


def _cached(
    cache: Cache, sources: Sequence[Source], query: Query, warnings: list[str]
) -> dict[str, CachedFeed]:
    try:
        return cache.cached_feeds(source.url_for(query) for source in sources)
    except StoreError as exc:
        warnings.append(f"{exc} (the cache was not used)")
        return {}


def deadline_at(deadline: float | None) -> float | None:
    """The event loop's time at which the caller's ``deadline`` (seconds from now) passes."""
    return None if deadline is None else asyncio.get_running_loop().time() + deadline


def _left(give_up_at: float | None) -> float | None:
    """Seconds left before the caller's deadline, or None when there is none."""
    if give_up_at is None:
        return None
    return max(0.0, give_up_at - asyncio.get_running_loop().time())


def check_deadline(deadline: float | None) -> float | None:
    """The caller's deadline in seconds, checked: a positive number up to an hour, or None."""
    if deadline is None:
        return None
    if (
        isinstance(deadline, bool)
        or not isinstance(deadline, int | float)
        or not (0 < deadline <= MAX_DEADLINE)
    ):
        raise InvalidInput(
            f"deadline must be a number of seconds above 0 and at most {MAX_DEADLINE}; "
            f"got {deadline!r:.40}"
        )
    return float(deadline)


def _needs_discovery(company: Company) -> bool:
    return bool(company.domain or company.newsroom) and company.discovered_at is None


async def _discover(
    company: Company, http: HttpClient, now: datetime, warnings: list[str], left: float | None
) -> Company:
    """The company with what newsroom discovery found on its site recorded. Imported here:
    discovery's page-reading code is needed only for profiles with a domain or newsroom."""
    from sources.discover import DISCOVERY_DEADLINE, discover_newsroom

    from .store.profiles import with_discovery

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


research = synchronous(research_async)
research.__name__ = research.__qualname__ = "research"
research.__doc__ = """Synchronous twin of :func:`research_async`, safe to call from any program.

Takes the same arguments and returns the same :class:`Result`. It blocks the calling thread
(and a running event loop in it) until done; from async code, await :func:`research_async`.
"""

"""find_articles: recent trade and industry pieces about a topic the interview touched.

The news searches (Google News, Bing News, GDELT) are asked with the topic as the query, through
the same fetch path as a company's research: the same client, politeness, replay, cache and
failure reporting. ``research.judge.articles`` decides what is worth sharing. The company, when
given, is only what the articles must not be about (and its profile's source switches).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from sources import (
    FetchReport,
    HttpClient,
    Query,
    ReplayTransport,
    Source,
    fetch_all,
    parse_workers,
)
from sources.net.slots import Spacing
from sources.parse.urls import host_of
from sources.providers.bing_news import NAME as BING_NEWS
from sources.providers.gdelt import NAME as GDELT
from sources.providers.google_news import NAME as GOOGLE_NEWS

from . import arguments
from .config import Settings, checked_settings, load_settings
from .deadline import check_deadline, deadline_at, time_left
from .errors import InvalidInput
from .judge.articles import rank_articles
from .limits import check_topics
from .models import Articles, Company
from .plan.company import with_derived_aliases
from .plan.profile import profile_or_company
from .plan.sources import news_searches
from .plan.switches import Switches, switched_on, switches
from .runner import synchronous
from .store.answers import cached_for, from_cache, keep_answers
from .store.cache import Cache
from .store.database import kept_open
from .store.replaying import RecordedCompanies, open_recording

if TYPE_CHECKING:
    from .store.research_db import Store

MAX_DAYS = 365
MAX_LIMIT = 50
MAX_COMPETITORS = 20
SEARCHES = (GOOGLE_NEWS, BING_NEWS, GDELT)


async def find_articles_async(
    topic: str,
    *,
    company: str | Company | None = None,
    days: int = 30,
    limit: int = 10,
    competitors: Sequence[str] = (),
    offline: bool = False,
    replay: Path | str | None = None,
    settings: Settings | None = None,
    now: datetime | None = None,
    deadline: float | None = None,
    sources: Sequence[str] = (),
    no_sources: Sequence[str] = (),
) -> Articles:
    """Recent pieces about ``topic`` worth offering in a note, best first.

    The news searches are asked with the topic; what comes back is ranked by how closely it
    matches the topic, how recent and how substantial it is, trade and industry publications
    first. Pieces about ``company`` itself or negative about it, wire press releases, pieces
    naming one of ``competitors``, opinion pieces with no substance and paywalled teasers are
    skipped (``Articles.skipped`` says why). ``replay`` answers from a recording folder (and
    judges recency from its time) without reading or writing the store or cache; ``offline``
    answers from what an earlier search for the same topic stored. Sources that fail come back
    in ``Articles.failures``; ``sources`` and ``no_sources`` switch the searches by name.
    """
    arguments.text("topic", topic)
    if company is not None:
        arguments.company("company", company)
    competitors = arguments.names("competitors", competitors)
    arguments.flag("offline", offline)
    arguments.path("replay", replay)
    checked_settings(settings)
    arguments.aware("now", now)
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_DAYS:
        raise InvalidInput(f"days must be a whole number from 1 to {MAX_DAYS}; got {days!r}")
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
        raise InvalidInput(f"limit must be a whole number from 1 to {MAX_LIMIT}; got {limit!r}")
    if len(competitors) > MAX_COMPETITORS:
        raise InvalidInput(f"at most {MAX_COMPETITORS} competitors are accepted")
    (topic,) = check_topics([topic])
    run = switches(sources, no_sources)
    give_up_at = deadline_at(check_deadline(deadline))
    if offline and replay is not None:
        raise InvalidInput("choose at most one of offline and replay")
    settings = settings or load_settings()
    warnings: list[str] = []
    if replay is not None:
        recording = open_recording(replay)
        resolved = _company(company, RecordedCompanies(recording), warnings)
        now = now or recording.recorded_at
        chosen = _searches(resolved, run, settings)
        query = Query(topic, (), days)
        async with (
            parse_workers(settings.parse),
            HttpClient(settings.http, transport=ReplayTransport(recording)) as http,
        ):
            report = await fetch_all(chosen, query, http, now=now, deadline=time_left(give_up_at))
        return _articles(
            topic, resolved, report, now, days, limit, competitors, warnings, replayed=True
        )
    from .store.research_db import Store  # a replay never opens the store

    store = Store(settings.store_path)
    cache = Cache(settings.cache_path)
    now = now or datetime.now(timezone.utc)
    with kept_open(store, cache):
        resolved = _company(company, store, warnings)
        chosen = _searches(resolved, run, settings)
        query = Query(topic, (), days)
        subject = f"topic:{topic.casefold()}"  # never a company's slug
        if offline:
            report, _ = from_cache(cache, chosen, query, subject)
            warnings.extend(cache.notes)
            return _articles(
                topic, resolved, report, now, days, limit, competitors, warnings, offline=True
            )
        cached = cached_for(cache, chosen, query, warnings)
        async with parse_workers(settings.parse), HttpClient(settings.http) as http:
            report = await fetch_all(
                chosen, query, http, now=now, cache=cached, deadline=time_left(give_up_at)
            )
        keep_answers(cache, report.outcomes, now, subject, warnings)
        warnings.extend(cache.notes)
    return _articles(topic, resolved, report, now, days, limit, competitors, warnings)


def _company(
    company: str | Company | None, profiles: Store | RecordedCompanies, warnings: list[str]
) -> Company | None:
    """The company the articles must not be about, as its profile (or the recording) has it,
    with the names derived from it; None when none is given."""
    if company is None:
        return None
    resolved = profile_or_company(company, (), profiles, warnings)
    return with_derived_aliases(resolved)[0]


def _searches(company: Company | None, run: Switches, settings: Settings) -> list[Source]:
    """The news searches switched on for this run (and the company's profile): a company's own
    feeds, newsroom, filings and wires speak about the company, not the topic."""
    placeholder = Company(slug="topic", name="topic")
    on, _ = switched_on(company or placeholder, run, builtin=True, contact=False)
    chosen = news_searches(on, settings)
    if not chosen:
        raise InvalidInput(
            "no sources: articles are found through the news searches, and every one is "
            f"switched off; switch one on (--source NAME: {', '.join(SEARCHES)})"
        )
    return chosen


def _articles(
    topic: str,
    company: Company | None,
    report: FetchReport,
    now: datetime,
    days: int,
    limit: int,
    competitors: tuple[str, ...],
    warnings: list[str],
    *,
    offline: bool = False,
    replayed: bool = False,
) -> Articles:
    warnings.extend(report.warnings)
    ranked, skipped = rank_articles(
        report.items, topic, now=now, days=days, company=company, competitors=competitors
    )
    return Articles(
        topic=topic,
        generated_at=now,
        window_days=days,
        articles=tuple(ranked[:limit]),
        skipped=tuple(skipped),
        failures=report.failures,
        warnings=tuple(warnings),
        sources_total=len(report.outcomes),
        company=company,
        offline=offline,
        replayed=replayed,
    )


def gdelt_spacing(settings: Settings) -> float:
    """The seconds GDELT asks between two requests from a client (0 when no rule covers the
    configured endpoint). Spacing is kept within one client: a program that researches a
    company and then searches articles with a new client leaves this long between the two."""
    rule = Spacing(settings.http.spacing).rule_for(host_of(settings.gdelt_url))
    return rule[1] if rule else 0.0


find_articles = synchronous(find_articles_async)
find_articles.__name__ = find_articles.__qualname__ = "find_articles"
find_articles.__doc__ = """Synchronous twin of :func:`find_articles_async`, safe to call from
any program: the same arguments, the same :class:`Articles`; it blocks until done."""

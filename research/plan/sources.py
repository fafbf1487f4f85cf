"""Which sources a run asks: the built-in ones switched on (``research.plan.switches``), the
caller's feeds, and the company's own feeds, newsroom pages and wire feeds.

A source that is on but cannot be asked (EDGAR without a contact, or for a company the SEC does
not list) is reported as failed with the reason when it was asked for by name, and left out
quietly when it was only on by default.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sources import (
    HttpClient,
    MissingContact,
    NotListed,
    Source,
    SourceError,
    SourceFailure,
    SourceOutcome,
    builtin_sources,
)
from sources.parse.urls import host_of
from sources.providers.bing_news import NAME as BING_NEWS
from sources.providers.endpoints import EDGAR_DATA, EDGAR_WWW, edgar_tickers_url
from sources.providers.gdelt import NAME as GDELT
from sources.providers.gdelt import Gdelt
from sources.providers.google_news import NAME as GOOGLE_NEWS
from sources.providers.registry import SEC_EDGAR, WIRE, saved_source

from ..config import Settings
from ..errors import ConfigError, InvalidInput
from ..judge.match import own_hosts
from ..models import Company
from .filers import Filers
from .switches import BUILTIN, Switches, switched_on

SET_CONTACT = 'research config set edgar.contact "Your Name you@example.com"'


@dataclass(frozen=True)
class Plan:
    """The sources to fetch, and the outcomes of those that are on but cannot be asked."""

    sources: tuple[Source, ...]
    refused: tuple[SourceOutcome, ...] = ()


def news_searches(on: frozenset[str], settings: Settings) -> list[Source]:
    """The news searches among the sources switched ``on`` (Google News, Bing News, GDELT), at
    the endpoints ``settings`` name: what a company's research and an article search share."""
    chosen: list[Source] = [
        s
        for s in builtin_sources(
            {GOOGLE_NEWS: settings.google_news_url, BING_NEWS: settings.bing_news_url}
        )
        if s.name in on
    ]
    if GDELT in on:
        chosen.append(Gdelt(settings.gdelt_url))
    return chosen


async def plan_sources(
    company: Company,
    settings: Settings,
    *,
    feeds: Sequence[str],
    run: Switches,
    builtin: bool,
    filers: Filers,
    http: HttpClient | None,
) -> Plan:
    """The sources of this run; ``http`` None (offline) finds a CIK in the stored list only.
    InvalidInput when nothing at all is left to ask."""
    contact, contact_problem = edgar_contact(settings)
    on, asked = switched_on(company, run, builtin=builtin, contact=contact is not None)
    chosen = news_searches(on, settings)
    refused: list[SourceOutcome] = []
    if SEC_EDGAR in on:
        edgar = await _edgar(company, settings, contact, contact_problem, filers, http)
        if not isinstance(edgar, SourceError):
            chosen.append(edgar)
        elif SEC_EDGAR in asked or not isinstance(edgar, NotListed):
            # A company the SEC does not list has no filings: news only when EDGAR was wanted.
            refused.append(_refused(edgar, settings))
    chosen += own_sources(company, feeds, wires=WIRE in on)
    if not chosen and not refused:
        raise InvalidInput(
            "no sources: every built-in source is switched off and no feed is given; give a "
            f"feed or switch a source on (--source NAME: {', '.join(sorted(BUILTIN))})"
        )
    return Plan(tuple(chosen), tuple(refused))


def own_sources(company: Company, feeds: Sequence[str], *, wires: bool) -> list[Source]:
    """The caller's feeds, and the company's own feeds, wire feeds and newsroom pages."""
    from sources.providers.wires import is_wire_feed, wire_source

    chosen: list[Source] = []
    own = own_hosts(company)
    for url in dict.fromkeys((*feeds, *company.feeds, *company.discovered_feeds)):
        if url in company.discovered_feeds and is_wire_feed(url):
            if wires:  # found linked from the company's newsroom: its releases on a wire
                chosen.append(wire_source(url))
            continue
        # A feed found on the company's own site speaks for the company; one it links
        # elsewhere (a news aggregator, a partner) does not.
        first_party = url in company.discovered_feeds and host_of(url) in own
        # A saved URL no longer accepted fails as its own source (typed feeds were checked).
        chosen.append(saved_source(str(url), first_party=first_party))
    if wires:
        chosen += [saved_source(str(url), wire=True) for url in dict.fromkeys(company.wires)]
    chosen.extend(
        saved_source(str(url), newsroom=True) for url in dict.fromkeys(company.discovered_pages)
    )
    return chosen


def edgar_contact(settings: Settings) -> tuple[str | None, str]:
    """Who calls EDGAR: the settings' contact, else the config file's; and, when there is none
    because the config file cannot be read, why."""
    if settings.edgar_contact is not None:
        return settings.edgar_contact, ""
    from ..store.config_file import load_contact

    try:
        return load_contact(), ""
    except ConfigError as exc:
        return None, f" ({exc})"


async def _edgar(
    company: Company,
    settings: Settings,
    contact: str | None,
    contact_problem: str,
    filers: Filers,
    http: HttpClient | None,
) -> Source | SourceError:
    """The EDGAR source of this company, or the error saying why it cannot be asked."""
    www = settings.edgar_url or EDGAR_WWW
    if contact is None:
        return MissingContact(
            "SEC EDGAR was not asked: its fair-access rules want every automated request to say "
            f"who is calling, and no contact address is set{contact_problem}; set yours with: "
            f"{SET_CONTACT} (or the RESEARCH_EDGAR_CONTACT variable)"
        )
    try:
        cik = await filers.cik_for(company, http, contact, www)
    except SourceError as error:
        return error
    from sources.providers.edgar import Edgar  # the filings reader, only when EDGAR is asked

    return Edgar(cik, contact, company.name, www, settings.edgar_url or EDGAR_DATA)


def _refused(error: SourceError, settings: Settings) -> SourceOutcome:
    """EDGAR's outcome when it could not be asked, at the address of the SEC's list of filers."""
    url = edgar_tickers_url(settings.edgar_url or EDGAR_WWW)
    return SourceOutcome(
        SEC_EDGAR, url, failure=SourceFailure(SEC_EDGAR, url, error.reason, error.message)
    )

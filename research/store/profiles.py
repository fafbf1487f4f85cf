"""Saved company profiles: add, show, list, remove, and newsroom discovery on demand."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

from sources import (
    Discovery,
    HttpClient,
    Recording,
    ReplayTransport,
    SourceError,
    discover_newsroom,
    parse_workers,
    site_origin,
)
from sources.parse.urls import require_http_url
from sources.providers.endpoints import MAX_CIK

from .. import arguments
from ..config import Settings, checked_settings, load_settings
from ..errors import DiscoveryFailed, InvalidInput, UnknownCompany
from ..logs import library_logger
from ..models import Company
from ..plan.company import resolve_company, unique_names
from ..plan.discovery import with_discovery
from ..plan.switches import switches
from ..runner import synchronous
from .replaying import RecordedCompanies, open_recording
from .research_db import Store
from .watchlist import stored_company

logger = library_logger(__name__)

MAX_LIST_ITEMS = 50
_HOST = re.compile(r"^(?=.{1,253}$)[\w-]+(\.[\w-]+)*(:\d{1,5})?$")


def _clean_domain(domain: str) -> str:
    """A host ("acme.com") or a site URL ("http://127.0.0.1:8000"), checked."""
    value = domain.strip()
    if "://" in value:
        try:
            return site_origin(value)
        except SourceError as exc:
            raise InvalidInput(f"domain {value[:100]!r} is not usable: {exc.message}") from exc
    value = value.lower().removeprefix("www.").rstrip("/")
    if not _HOST.match(value) or "." not in value.split(":")[0]:
        raise InvalidInput(f"domain {domain[:100]!r} is not a host name such as acme.com")
    return value


def _clean_urls(urls: Sequence[str], what: str) -> tuple[str, ...]:
    if len(urls) > MAX_LIST_ITEMS:
        raise InvalidInput(f"{len(urls)} {what}s given; at most {MAX_LIST_ITEMS} are accepted")
    cleaned = []
    for url in urls:
        try:
            cleaned.append(require_http_url(url))
        except SourceError as exc:
            raise InvalidInput(f"{what} {url[:200]!r} is not usable: {exc.message}") from exc
    return tuple(dict.fromkeys(cleaned))


def _clean_terms(terms: Sequence[str]) -> tuple[str, ...]:
    if len(terms) > MAX_LIST_ITEMS:
        raise InvalidInput(
            f"{len(terms)} exclude terms given; at most {MAX_LIST_ITEMS} are accepted"
        )
    cleaned = tuple(dict.fromkeys(" ".join(t.split()) for t in terms))
    if any(not t or len(t) > 200 for t in cleaned):
        raise InvalidInput("exclude terms must be 1 to 200 characters long")
    return cleaned


def _clean_cik(cik: int | str) -> int:
    """A CIK as typed (320193, "0000320193", "CIK0000320193"), checked."""
    text = str(cik).strip().upper().removeprefix("CIK")
    if isinstance(cik, bool) or not text.isdigit() or not 0 < int(text) <= MAX_CIK:
        raise InvalidInput(
            f"cik {cik!r:.40} is not an SEC Central Index Key: a number of 1 to 10 digits, "
            "such as 0000320193 (EDGAR's company search shows it)"
        )
    return int(text)


def add_company(
    company: str,
    *,
    name: str | None = None,
    aliases: Sequence[str] = (),
    domain: str | None = None,
    newsroom: str | None = None,
    feeds: Sequence[str] = (),
    exclude: Sequence[str] = (),
    settings: Settings | None = None,
    now: datetime | None = None,
    cik: int | str | None = None,
    wires: Sequence[str] = (),
    sources: Sequence[str] = (),
    no_sources: Sequence[str] = (),
) -> Company:
    """Create or update the profile ``company`` (a slug or a name); returns what was saved.

    Options given replace what the profile had; options left out keep it. A new domain or
    newsroom clears what discovery found, so the next run discovers again. ``cik`` is the
    company's SEC filer number, ``wires`` its organisation feeds on press-release wires;
    ``sources`` and ``no_sources`` switch built-in sources on and off for it (a name switched
    one way leaves the other list).
    """
    arguments.company_name("company", company)
    arguments.optional_text("name", name)
    aliases = arguments.names("aliases", aliases)
    arguments.optional_text("domain", domain)
    arguments.optional_text("newsroom", newsroom)
    feeds = arguments.names("feeds", feeds, limit=MAX_LIST_ITEMS)
    exclude = arguments.names("exclude", exclude, limit=MAX_LIST_ITEMS)
    checked_settings(settings)
    arguments.aware("now", now)
    arguments.one_of("cik", cik, (int, str, type(None)), "a number such as 320193, or None")
    wires = arguments.names("wires", wires, limit=MAX_LIST_ITEMS)
    run = switches(sources, no_sources)
    store = Store((settings or load_settings()).store_path)
    key = stored_company(company, store)
    existing = store.company(key.slug)
    display = name or (existing.name if existing else None) or key.name
    typed = resolve_company(display, tuple(aliases))
    base = existing or Company(slug=key.slug, name=typed.name)
    updated = replace(
        base,
        name=typed.name,
        aliases=unique_names(typed.name, typed.aliases) if aliases else base.aliases,
        domain=_clean_domain(domain) if domain else base.domain,
        newsroom=_clean_urls([newsroom], "newsroom")[0] if newsroom else base.newsroom,
        feeds=_clean_urls(feeds, "feed") if feeds else base.feeds,
        exclude=_clean_terms(exclude) if exclude else base.exclude,
        # A name made from a slug has guessed capitals ("Ebay" for eBay).
        exact_case=True if name else (base.exact_case if existing else key.exact_case),
        cik=_clean_cik(cik) if cik is not None else base.cik,
        wires=_clean_urls(wires, "wire feed") if wires else base.wires,
        sources=tuple(n for n in run.on or base.sources if n not in run.off),
        no_sources=tuple(n for n in run.off or base.no_sources if n not in run.on),
    )
    if (updated.domain, updated.newsroom) != (base.domain, base.newsroom):
        updated = replace(updated, discovered_feeds=(), discovered_pages=(), discovered_at=None)
    store.save_company(updated, now or datetime.now(timezone.utc))
    return updated


def get_company(company: str, *, settings: Settings | None = None) -> Company:
    """The saved profile; UnknownCompany when there is none."""
    arguments.company_name("company", company)
    checked_settings(settings)
    store = Store((settings or load_settings()).store_path)
    slug = stored_company(company, store).slug
    profile = store.company(slug)
    if profile is None:
        raise UnknownCompany(
            f"no saved profile for {company!r}; add one with: research company add {slug} "
            "--name '...' --domain ..."
        )
    return profile


def list_companies(*, settings: Settings | None = None) -> list[Company]:
    """Every readable saved profile, by slug. A damaged one is left out with a logged warning;
    :func:`damaged_companies` names them."""
    checked_settings(settings)
    companies, damaged = Store((settings or load_settings()).store_path).companies()
    for slug in damaged:
        logger.warning("the saved profile %r is damaged and was left out", slug)
    return companies


def damaged_companies(*, settings: Settings | None = None) -> list[str]:
    """The slugs of saved profiles that cannot be read (remove and add them again)."""
    checked_settings(settings)
    return Store((settings or load_settings()).store_path).companies()[1]


def remove_company(company: str, *, settings: Settings | None = None) -> None:
    """Delete the profile (even a damaged one); UnknownCompany when there was none."""
    arguments.company_name("company", company)
    checked_settings(settings)
    store = Store((settings or load_settings()).store_path)
    if not store.remove_company(stored_company(company, store).slug):
        raise UnknownCompany(f"no saved profile for {company!r}; nothing was removed")


async def discover_company_async(
    company: str,
    *,
    settings: Settings | None = None,
    now: datetime | None = None,
    offline: bool = False,
    replay: Path | str | None = None,
) -> tuple[Company, Discovery]:
    """Redo newsroom discovery for a saved profile, save what was found, and report it.

    ``offline`` asks nothing: it reports what the last discovery saved (DiscoveryFailed when
    there was none). ``replay`` asks a recording folder instead of the network and saves
    nothing; the profile is the one the recording holds, else the saved one (a discovery needs
    the domain or newsroom to ask). Either way the returned profile is not saved.
    """
    arguments.company_name("company", company)
    checked_settings(settings)
    arguments.aware("now", now)
    arguments.flag("offline", offline)
    arguments.path("replay", replay)
    if offline and replay is not None:
        raise InvalidInput("choose at most one of offline and replay")
    settings = settings or load_settings()
    recording = open_recording(replay) if replay is not None else None
    profile = _profile_to_discover(company, settings, recording)
    if offline:
        return profile, _saved_discovery(profile)
    now = now or (recording.recorded_at if recording else datetime.now(timezone.utc))
    transport = ReplayTransport(recording) if recording else None
    async with (
        parse_workers(settings.parse),
        HttpClient(settings.http, transport=transport) as http,
    ):
        discovery = await discover_newsroom(
            profile.domain or profile.newsroom or "", http, now=now, newsroom=profile.newsroom
        )
    if not discovery.reachable:
        raise DiscoveryFailed(
            f"could not ask {discovery.site}: {'; '.join(discovery.notes)}; nothing was changed"
        )
    updated = with_discovery(profile, discovery, now)
    if recording is None:
        Store(settings.store_path).save_company(updated, now)
    return updated, discovery


def _profile_to_discover(company: str, settings: Settings, recording: Recording | None) -> Company:
    """The profile with a domain or newsroom to ask: the recording's, else the saved one."""
    slug = resolve_company(company).slug
    recorded = RecordedCompanies(recording).company(slug) if recording else None
    profile = recorded or get_company(company, settings=settings)
    if not (profile.domain or profile.newsroom):
        raise InvalidInput(
            f"{profile.slug} has no domain or newsroom to discover from; add one with "
            f"research company add {profile.slug} --domain acme.com"
        )
    return profile


def _saved_discovery(profile: Company) -> Discovery:
    """What the last discovery saved, as a Discovery that asked nothing."""
    if profile.discovered_at is None:
        raise DiscoveryFailed(
            f"{profile.slug} has no saved discovery to show offline; run research company "
            f"discover {profile.slug} with a network connection"
        )
    site = profile.domain or profile.newsroom or ""
    with contextlib.suppress(SourceError):  # a saved address no longer accepted: shown as saved
        site = site_origin(site)
    return Discovery(
        site=site,
        feeds=profile.discovered_feeds,
        pages=profile.discovered_pages,
        notes=profile.discovery_notes,
        requests=0,
    )


discover_company = synchronous(discover_company_async)
discover_company.__name__ = discover_company.__qualname__ = "discover_company"

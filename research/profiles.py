"""Saved company profiles: add, show, list, remove, and newsroom discovery on demand."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timezone

from sources import (
    Discovery,
    HttpClient,
    SourceError,
    discover_newsroom,
    parse_workers,
    site_origin,
)
from sources.urls import require_http_url

from . import arguments
from .company import resolve_company, unique_names
from .config import Settings, load_settings
from .errors import DiscoveryFailed, InvalidInput, UnknownCompany
from .models import Company
from .runner import synchronous
from .store import Store

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
) -> Company:
    """Create or update the profile ``company`` (a slug or a name); returns what was saved.

    Options given replace what the profile had; options left out keep it. A new domain or
    newsroom clears what discovery found, so the next run discovers again.
    """
    arguments.company_name("company", company)
    arguments.optional_text("name", name)
    aliases = arguments.names("aliases", aliases)
    arguments.optional_text("domain", domain)
    arguments.optional_text("newsroom", newsroom)
    feeds = arguments.names("feeds", feeds, limit=MAX_LIST_ITEMS)
    exclude = arguments.names("exclude", exclude, limit=MAX_LIST_ITEMS)
    arguments.settings(settings)
    arguments.aware("now", now)
    store = Store((settings or load_settings()).store_path)
    key = resolve_company(company)
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
        exact_case=True if name else (base.exact_case if existing else company != key.slug),
    )
    if (updated.domain, updated.newsroom) != (base.domain, base.newsroom):
        updated = replace(updated, discovered_feeds=(), discovered_pages=(), discovered_at=None)
    store.save_company(updated, now or datetime.now(timezone.utc))
    return updated


def get_company(company: str, *, settings: Settings | None = None) -> Company:
    """The saved profile; UnknownCompany when there is none."""
    arguments.company_name("company", company)
    arguments.settings(settings)
    slug = resolve_company(company).slug
    profile = Store((settings or load_settings()).store_path).company(slug)
    if profile is None:
        raise UnknownCompany(
            f"no saved profile for {company!r}; add one with: research company add {slug} "
            "--name '...' --domain ..."
        )
    return profile


def list_companies(*, settings: Settings | None = None) -> tuple[list[Company], list[str]]:
    """Every readable saved profile by slug, and the slugs of damaged profiles."""
    arguments.settings(settings)
    return Store((settings or load_settings()).store_path).companies()


def remove_company(company: str, *, settings: Settings | None = None) -> None:
    """Delete the profile (even a damaged one); UnknownCompany when there was none."""
    arguments.company_name("company", company)
    arguments.settings(settings)
    slug = resolve_company(company).slug
    if not Store((settings or load_settings()).store_path).remove_company(slug):
        raise UnknownCompany(f"no saved profile for {company!r}; nothing was removed")


async def discover_company_async(
    company: str, *, settings: Settings | None = None, now: datetime | None = None
) -> tuple[Company, Discovery]:
    """Redo newsroom discovery for a saved profile, save what was found, and report it."""
    arguments.company_name("company", company)
    arguments.settings(settings)
    arguments.aware("now", now)
    settings = settings or load_settings()
    profile = get_company(company, settings=settings)
    if not (profile.domain or profile.newsroom):
        raise InvalidInput(
            f"{profile.slug} has no domain or newsroom to discover from; add one with "
            f"research company add {profile.slug} --domain acme.com"
        )
    now = now or datetime.now(timezone.utc)
    async with parse_workers(settings.parse), HttpClient(settings.http) as http:
        discovery = await discover_newsroom(
            profile.domain or profile.newsroom or "", http, now=now, newsroom=profile.newsroom
        )
    if not discovery.reachable:
        raise DiscoveryFailed(
            f"could not ask {discovery.site}: {'; '.join(discovery.notes)}; nothing was changed"
        )
    updated = with_discovery(profile, discovery, now)
    Store(settings.store_path).save_company(updated, now)
    return updated, discovery


def with_discovery(company: Company, discovery: Discovery, now: datetime) -> Company:
    """The profile with what discovery found (and noticed) recorded."""
    return replace(
        company,
        discovered_feeds=discovery.feeds,
        discovered_pages=discovery.pages,
        discovered_at=now,
        discovery_notes=discovery.notes,
    )


discover_company = synchronous(discover_company_async)
discover_company.__name__ = discover_company.__qualname__ = "discover_company"

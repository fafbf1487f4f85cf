"""research: recent, congratulation-worthy news about a company, for a job seeker's follow-up note.

    >>> import research
    >>> result = research.research("Acme Corp", days=30)
    >>> for event in result.events:
    ...     print(event.sentence)

Names are imported on first use, so ``research --help`` starts without loading the HTTP and
parsing libraries. Every public function checks its arguments' types first (see
``research.arguments``): a wrong type raises :class:`InvalidInput` naming the argument.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sources import Discovery, Outlet, SourceFailure

    from .api import research, research_async
    from .articles import find_articles, find_articles_async
    from .config import Settings, load_settings
    from .digest.data import CompanySection, Digest, DigestFailure, IsoWeek
    from .digest.publish import save_digest
    from .digest.weekly import weekly_digest, weekly_digest_async
    from .drafting import draft_note
    from .errors import (
        ConfigError,
        DiscoveryFailed,
        InvalidInput,
        OutputError,
        ResearchError,
        SourcesFailed,
        StoreBusy,
        StoreError,
        UnknownCompany,
    )
    from .judge import Classification, classify
    from .models import (
        Article,
        Articles,
        Company,
        Event,
        EventKind,
        Result,
        Skipped,
        Snippet,
        Tone,
        WatchEntry,
    )
    from .plan.company import resolve_company, slugify
    from .store.profiles import (
        add_company,
        damaged_companies,
        discover_company,
        discover_company_async,
        get_company,
        list_companies,
        remove_company,
    )
    from .store.watchlist import unwatch, watch, watched
    from .write.congratulate import NotCongratulable, congratulate
    from .write.note import NoteDraft, Round
    from .write.render import result_to_dict
    from .write.signature import Signature

_HOMES = {
    "Article": "research.models",
    "Articles": "research.models",
    "find_articles": "research.articles",
    "find_articles_async": "research.articles",
    "Outlet": "sources",
    "SourceFailure": "sources",
    "research": "research.api",
    "draft_note": "research.drafting",
    "NoteDraft": "research.write.note",
    "research_async": "research.api",
    "resolve_company": "research.plan.company",
    "slugify": "research.plan.company",
    "Settings": "research.config",
    "load_settings": "research.config",
    "ConfigError": "research.errors",
    "InvalidInput": "research.errors",
    "ResearchError": "research.errors",
    "Signature": "research.write.signature",
    "SourcesFailed": "research.errors",
    "StoreBusy": "research.errors",
    "StoreError": "research.errors",
    "Company": "research.models",
    "Event": "research.models",
    "EventKind": "research.models",
    "Result": "research.models",
    "Skipped": "research.models",
    "result_to_dict": "research.write.render",
    "NotCongratulable": "research.write.congratulate",
    "congratulate": "research.write.congratulate",
    "Snippet": "research.models",
    "Classification": "research.judge",
    "classify": "research.judge",
    "DiscoveryFailed": "research.errors",
    "UnknownCompany": "research.errors",
    "add_company": "research.store.profiles",
    "discover_company": "research.store.profiles",
    "discover_company_async": "research.store.profiles",
    "get_company": "research.store.profiles",
    "list_companies": "research.store.profiles",
    "damaged_companies": "research.store.profiles",
    "Discovery": "sources",
    "Tone": "research.models",
    "Round": "research.write.note",
    "remove_company": "research.store.profiles",
    "CompanySection": "research.digest.data",
    "Digest": "research.digest.data",
    "DigestFailure": "research.digest.data",
    "IsoWeek": "research.digest.data",
    "OutputError": "research.errors",
    "WatchEntry": "research.models",
    "unwatch": "research.store.watchlist",
    "watch": "research.store.watchlist",
    "watched": "research.store.watchlist",
    "save_digest": "research.digest.publish",
    "weekly_digest": "research.digest.weekly",
    "weekly_digest_async": "research.digest.weekly",
}

__all__ = [
    "Article",
    "Articles",
    "Classification",
    "Company",
    "CompanySection",
    "ConfigError",
    "Digest",
    "DigestFailure",
    "Discovery",
    "DiscoveryFailed",
    "Event",
    "EventKind",
    "InvalidInput",
    "IsoWeek",
    "NotCongratulable",
    "NoteDraft",
    "Outlet",
    "OutputError",
    "ResearchError",
    "Result",
    "Round",
    "Settings",
    "Signature",
    "Skipped",
    "Snippet",
    "SourceFailure",
    "SourcesFailed",
    "StoreBusy",
    "StoreError",
    "Tone",
    "UnknownCompany",
    "WatchEntry",
    "add_company",
    "classify",
    "congratulate",
    "damaged_companies",
    "discover_company",
    "discover_company_async",
    "draft_note",
    "find_articles",
    "find_articles_async",
    "get_company",
    "list_companies",
    "load_settings",
    "remove_company",
    "research",
    "research_async",
    "resolve_company",
    "result_to_dict",
    "save_digest",
    "slugify",
    "unwatch",
    "watch",
    "watched",
    "weekly_digest",
    "weekly_digest_async",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'research' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))

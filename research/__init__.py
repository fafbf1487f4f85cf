"""research: recent, congratulation-worthy news about a company, for a job seeker's follow-up note.

    >>> import research
    >>> result = research.research("Acme Corp", days=30)
    >>> for event in result.events:
    ...     print(event.sentence)
"""

import logging

from sources import Outlet, SourceFailure

from .api import research, research_async
from .company import resolve_company, slugify
from .config import Settings, load_settings
from .errors import ConfigError, InvalidInput, ResearchError, StoreBusy, StoreError
from .models import Company, Event, EventKind, Result, Skipped
from .render import result_to_dict

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "Company",
    "ConfigError",
    "Event",
    "EventKind",
    "InvalidInput",
    "Outlet",
    "ResearchError",
    "Result",
    "Settings",
    "Skipped",
    "SourceFailure",
    "StoreBusy",
    "StoreError",
    "load_settings",
    "research",
    "research_async",
    "resolve_company",
    "result_to_dict",
    "slugify",
]

"""Errors the research library raises on purpose, each naming what is wrong and what to do.

    ResearchError
     ├── InvalidInput (also ValueError)     a bad company name, option or feed URL
     ├── ConfigError (also ValueError)      a bad RESEARCH_* setting or config file
     ├── UnknownCompany (also LookupError)  no saved profile by that name
     ├── DiscoveryFailed                    the company's site could not be asked at all
     ├── SourcesFailed                      every source failed: nothing to write a note on
     ├── StoreError                         the SQLite store cannot be used
     │    └── StoreBusy                     another process holds the write lock too long
     └── OutputError                        a digest or config file cannot be written

Failures of single sources are not errors: they come back in ``Result.failures``. Only where
a result with no answer at all would be misread (a note saying there is no news) do they become
:class:`SourcesFailed`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sources import SourceFailure

    from .models import Result


class ResearchError(Exception):
    """Base class of every error the research library raises on purpose."""


class InvalidInput(ResearchError, ValueError):
    """A value given by the caller cannot be used; the message names it."""


class ConfigError(ResearchError, ValueError):
    """A setting (argument or RESEARCH_* variable) cannot be used; the message names it."""


class UnknownCompany(ResearchError, LookupError):
    """No saved profile has that name; the message says how to add one."""


class DiscoveryFailed(ResearchError):
    """Newsroom discovery could not reach the company's site; the profile is unchanged."""


class SourcesFailed(ResearchError):
    """Every source failed, so nothing about the company could be checked: a note written from
    that would wrongly say there is no news. ``failures`` lists each source's failure and
    ``result`` is the whole run (its warnings say more, e.g. that nothing is stored offline)."""

    def __init__(self, result: Result) -> None:
        self.result = result
        self.failures: tuple[SourceFailure, ...] = result.failures
        listed = "; ".join(f"{f.source}: {f.error}" for f in result.failures)
        super().__init__(
            f"every source failed for {result.company.name} ({len(result.failures)}), so its "
            "news could not be checked and no note was written" + (f": {listed}" if listed else "")
        )


class StoreError(ResearchError):
    """The store file cannot be opened, read or written; the message names the path."""


class StoreBusy(StoreError):
    """Another process kept the store locked longer than the busy timeout."""


class OutputError(ResearchError):
    """A file the user asked for cannot be written; the message names the path and the cause."""

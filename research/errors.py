"""Errors the research library raises on purpose, each naming what is wrong and what to do.

    ResearchError
     ├── InvalidInput (also ValueError)     a bad company name, option or feed URL
     ├── ConfigError (also ValueError)      a bad RESEARCH_* setting
     ├── UnknownCompany (also LookupError)  no saved profile by that name
     ├── DiscoveryFailed                    the company's site could not be asked at all
     ├── StoreError                         the SQLite store cannot be used
 │    └── StoreBusy                     another process holds the write lock too long
 └── OutputError                        a digest file cannot be written

Failures of single sources are not errors: they come back in ``Result.failures``.
"""

from __future__ import annotations


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


class StoreError(ResearchError):
    """The store file cannot be opened, read or written; the message names the path."""


class StoreBusy(StoreError):
    """Another process kept the store locked longer than the busy timeout."""


class OutputError(ResearchError):
    """A file the user asked for cannot be written; the message names the path and the cause."""

"""The HTTP client's settings: timeouts, size caps, retries, politeness and the user agent.

Plain data in a module of their own, so that settings can be made and checked (research.config
does) without loading httpx.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata

from .addresses import AllowList

HOME_PAGE = "https://github.com/research-notes/research"
# Services that document how often they may be asked: (host, and the hosts under it; seconds
# between two requests). GDELT's DOC API asks for one request per five seconds; the SEC allows
# at most ten requests a second to all of its EDGAR hosts together.
SERVICE_SPACING: tuple[tuple[str, float], ...] = (("api.gdeltproject.org", 5.0), ("sec.gov", 0.1))


@lru_cache(maxsize=1)
def package_version() -> str:
    """The installed version, read once: reading the package metadata costs over a
    millisecond, and a digest asks for it hundreds of times (settings, the SEC's user agent)."""
    try:
        return metadata.version("research")
    except metadata.PackageNotFoundError:
        return "dev"


def _user_agent() -> str:
    return f"research/{package_version()} (+{HOME_PAGE})"


@dataclass(frozen=True)
class HttpLimits:
    """Timeouts in seconds, sizes in bytes. The defaults are the documented ones."""

    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    write_timeout: float = 10.0
    pool_timeout: float = 5.0
    request_deadline: float = 30.0
    source_deadline: float = 60.0
    max_body_bytes: int = 5 * 1024 * 1024
    max_page_bytes: int = 3 * 1024 * 1024  # web pages (newsrooms, releases, home pages)
    max_redirects: int = 5
    max_in_flight: int = 10
    max_per_host: int = 2
    retries: int = 2
    backoff: tuple[float, ...] = (1.0, 4.0)
    # A Retry-After up to this long is waited out in the run; a longer one is reported.
    max_retry_wait: float = 10.0
    user_agent: str = field(default_factory=_user_agent)
    # Loopback, private, link-local and other non-public addresses are refused unless listed.
    allow_private: AllowList = field(default_factory=AllowList)
    # A PEM file of certificate authorities to trust as well as the usual ones (a company's own
    # CA for intranet feeds). Certificates and host names are still always checked.
    ca_file: str | None = None
    # The least time between two requests to a host (or the hosts under it); see SERVICE_SPACING.
    spacing: tuple[tuple[str, float], ...] = SERVICE_SPACING

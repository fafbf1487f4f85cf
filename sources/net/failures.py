"""What went wrong with a request, as the most specific SourceError: an HTTP status (with the
wait its Retry-After asks for), a failed connection, a broken response."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime, timezone

import httpx

from ..errors import (
    Blocked,
    ConnectFailed,
    FetchError,
    Gone,
    HTTPStatusError,
    IncompleteBody,
    NameNotResolved,
    NotFound,
    ProtocolError,
    RateLimited,
    ServerError,
    TLSFailed,
)
from ..parse.text import parse_date
from ..parse.urls import host_of

MAX_RETRY_AFTER = 24 * 3600.0


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or HTTP date), capped at 24 h.

    Garbage gives None (ignored); a negative or past value gives 0.
    """
    if not value:
        return None
    value = value.strip()
    if re.fullmatch(r"-?[0-9]{1,400}", value):
        return min(max(float(value), 0.0), MAX_RETRY_AFTER)
    when = parse_date(value)
    if when is None:
        return None
    seconds = (when - (now or datetime.now(timezone.utc))).total_seconds()
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)


def status_error(url: str, status: int, headers: Mapping[str, str]) -> HTTPStatusError:
    host = host_of(url)
    retry_after = parse_retry_after(headers.get("retry-after"))
    if headers.get("cf-mitigated", "").strip().lower() == "challenge":
        # Cloudflare's bot check, whatever the status (403, sometimes 503): no retry passes it.
        return Blocked(
            f"blocked by {host} (HTTP {status}): a bot challenge that only a browser can pass",
            url=url,
            status=status,
        )
    if status in (401, 403):
        return Blocked(
            f"blocked by {host} (HTTP {status}): it refuses automated requests or wants a login",
            url=url,
            status=status,
        )
    if status == 429:
        wait = f"; it asks to wait {_duration(retry_after)}" if retry_after else ""
        return RateLimited(
            f"rate-limited by {host} (HTTP 429){wait}",
            url=url,
            status=status,
            retry_after=retry_after,
        )
    if status == 404:
        return NotFound(f"not found (HTTP 404) at {url}", url=url, status=status)
    if status == 410:
        return Gone(f"gone for good (HTTP 410): {url}; remove this feed", url=url, status=status)
    if status >= 500:
        if status == 503 and retry_after is not None and retry_after > 0:
            return RateLimited(
                f"{host} is unavailable (HTTP 503) and asks to wait {_duration(retry_after)}",
                url=url,
                status=status,
                retry_after=retry_after,
            )
        return ServerError(f"{host} had a server error (HTTP {status})", url=url, status=status)
    return HTTPStatusError(f"{host} answered HTTP {status}", url=url, status=status)


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "a while"
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"


def connect_failed(url: str, exc: httpx.ConnectError) -> ConnectFailed:
    host = host_of(url)
    text = str(exc)
    lowered = text.lower()
    if "certificate" in lowered or "ssl" in lowered or "tls" in lowered:
        return TLSFailed(f"secure connection to {host} failed: {text}", url=url)
    if (
        "name or service not known" in lowered
        or "nodename nor servname" in lowered
        or ("temporary failure in name resolution" in lowered or "getaddrinfo" in lowered)
    ):
        try:
            hostname = httpx.URL(url).host
        except (httpx.InvalidURL, UnicodeError, ValueError):
            hostname = host
        return NameNotResolved(f"could not look up {hostname} (no internet connection?)", url=url)
    return ConnectFailed(f"could not connect to {host}: {text or 'connection refused'}", url=url)


def protocol_error(url: str, exc: httpx.RemoteProtocolError) -> FetchError:
    text = str(exc)
    if "without sending a response" in text.lower():
        return ConnectFailed(f"{host_of(url)} closed the connection before answering", url=url)
    if "incomplete" in text.lower() or "peer closed" in text.lower():
        return IncompleteBody(f"{host_of(url)} cut the connection mid-response", url=url)
    return ProtocolError(f"{host_of(url)} sent a broken HTTP response: {text}", url=url)

"""Where a redirect may lead: an absolute http(s) URL without credentials, or a refusal that
names the target and why."""

from __future__ import annotations

import re

import httpx

from ..errors import ProtocolError
from ..parse.urls import host_of, url_problem

REDIRECTS = frozenset({301, 302, 303, 307, 308})


def redirect_target(current: str, location: str, url: str) -> str:
    """The absolute URL a redirect from ``current`` points to, or a ProtocolError naming that
    target and why it is refused (``url`` is the one first asked, whose source fails)."""
    location = location.strip()
    host = host_of(current)
    scheme = re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", location)
    if scheme and scheme.group().lower() not in ("http:", "https:"):
        raise ProtocolError(
            f"{host} redirected to {location[:200]!r}, which is not an http(s) URL; "
            "the redirect was refused",
            url=url,
        )
    try:
        target = str(httpx.URL(current).join(location))
    except (httpx.InvalidURL, UnicodeError, ValueError, OverflowError) as exc:
        raise ProtocolError(
            f"{host} redirected to {location[:200]!r}, which is not a usable URL ({exc}); "
            "the redirect was refused",
            url=url,
        ) from None
    problem = url_problem(target, credentials=False)
    if problem is not None:
        raise ProtocolError(
            f"{host} redirected to {target[:200]!r}, which was refused: {problem}", url=url
        )
    return target

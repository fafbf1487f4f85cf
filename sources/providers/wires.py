"""Press-release wires: a company's organisation feed on a wire, read like any feed.

Companies publish their releases through wires (GlobeNewswire, PR Newswire, Business Wire, ...)
that give each organisation its own RSS feed, and their newsrooms often link to it. Such a feed
holds only the company's own releases, so its items are first-party, as its newsroom's are. A
profile names one (``--wire URL``); discovery keeps one its newsroom links to (``wire_links``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ..parse.urls import host_of, is_http_url
from .feed import Feed

if TYPE_CHECKING:
    from .registry import Source

# The wires whose organisation feeds discovery recognises, by host (and the hosts under it).
WIRE_HOSTS = (
    "globenewswire.com",
    "prnewswire.com",
    "businesswire.com",
    "accessnewswire.com",
    "accesswire.com",
    "newsfilecorp.com",
    "newswire.ca",
    "cision.com",
    "einpresswire.com",
    "prweb.com",
    "mfn.se",
)
# A wire's feed, as opposed to its article pages: the address says RSS, Atom or feed ...
_FEED_WORDS = ("rss", "atom", "feed", ".xml")
# ... of one organisation, as opposed to the wire's feeds of every release of a subject.
_ORGANISATION_WORDS = ("organization", "organisation", "company", "companies", "client", "rss=")


def is_wire(url: str) -> bool:
    """True for an address on one of the press-release wires."""
    host = host_of(url)
    return any(host == wire or host.endswith("." + wire) for wire in WIRE_HOSTS)


def is_wire_feed(url: str) -> bool:
    """True for an organisation's feed on a wire, such as GlobeNewswire's
    ``/RssFeed/organization/ID`` or a Business Wire feed ``/rss/home/?rss=ID``."""
    if not is_wire(url):
        return False
    parts = urlsplit(url)
    address = f"{parts.path}?{parts.query}".lower()
    return any(w in address for w in _FEED_WORDS) and any(
        w in address for w in _ORGANISATION_WORDS
    )


def wire_name(url: str) -> str:
    return f"wire:{host_of(url) or 'invalid'}"


def wire_source(url: str) -> Source:
    """The company's organisation feed on a wire: a feed whose items are its own releases."""
    return Feed(url, name=wire_name(url), first_party=True)


def wire_links(html: str) -> list[str]:
    """Organisation feeds on wires that a page links to (``<a href>`` or ``<link href>``), in
    page order. The page reader is imported here: only discovery needs it."""
    from ..parse.pages import soup_of, unique

    found = []
    for node in soup_of(html).find_all(["a", "link"], href=True):
        href = str(node.get("href") or "").strip()
        url = href if is_http_url(href) else ""
        if url and is_wire_feed(url):
            found.append(url)
    return unique(found)

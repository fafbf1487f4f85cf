"""GDELT DOC 2.0 article search: a third news index, free and without a key.

``mode=artlist&format=json`` answers ``{"articles": [{"url", "title", "seendate", "domain",
"language", "sourcecountry", ...}]}``: the publisher's own URL, the title, when GDELT saw it
(``YYYYMMDDTHHMMSSZ``, UTC) and the domain; a search that finds nothing answers ``{}``. What is
not JSON is never data: GDELT explains a refused query, or asks a client to slow down ("Please
limit requests to one every 5 seconds"), in a line of plain text, sometimes with status 200.
The service asks for one request per five seconds per client: the HTTP client keeps that
spacing (``sources.net.limits.SERVICE_SPACING``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone

from ..errors import EmptyResponse, Malformed, RateLimited, Refused
from ..models import Item, Query
from ..parse.feeds import ParsedFeed
from ..parse.items import make_item
from ..parse.text import TITLE_LIMIT, clean_text, html_to_text, plausible_date, truncate
from ..parse.urls import host_of, is_http_url, strip_tracking
from .endpoints import GDELT_DOC_API, GDELT_MAX_RECORDS, gdelt_url

NAME = "gdelt"
DEFAULT_BASE_URL = GDELT_DOC_API
HOST = "api.gdeltproject.org"

# GDELT's plain-text answers that ask a client to wait ("Please limit requests to one every 5
# seconds ..."), as opposed to those that explain a query it will not run.
_SLOW_DOWN = re.compile(r"limit requests|too many requests|rate limit|slow down", re.IGNORECASE)
# A backslash JSON does not allow ("\x", "\'"): GDELT copies some titles' backslashes raw.
_BAD_ESCAPE = re.compile(r'\\(?!["\\/bfnrtu])')
# GDELT writes titles with spaces before punctuation: "Acme Corp , Inc . wins" -> "Acme Corp,
# Inc. wins"; "Acme ' s" -> "Acme's".
_SPACE_BEFORE = re.compile(r"\s+([,.;:!?%)\]])")
_SPACE_AFTER = re.compile(r"([(\[$])\s+")
_SPLIT_POSSESSIVE = re.compile(r"(\w)\s+['\u2019]\s*s\b")


@dataclass(frozen=True)
class Gdelt:
    """The DOC 2.0 API as a Source; ``base_url`` replaces the endpoint (a mirror, a test)."""

    base_url: str = DEFAULT_BASE_URL
    name: str = NAME

    def url_for(self, query: Query) -> str:
        return gdelt_url(query, self.base_url)

    def parse(
        self, body: bytes, headers: Mapping[str, str], *, url: str, now: datetime
    ) -> ParsedFeed:
        return parse_articles(body, source=self.name, url=url, now=now)


def source(base_url: str = DEFAULT_BASE_URL) -> Gdelt:
    """GDELT as a Source, its endpoint replaced by ``base_url`` when given."""
    return Gdelt(base_url)


def parse_articles(body: bytes, *, source: str, url: str, now: datetime) -> ParsedFeed:
    """Items of an artlist answer, newest first; the failure a text answer stands for."""
    text = body.decode("utf-8", errors="replace").lstrip("\ufeff").strip()
    if not text:
        raise EmptyResponse("GDELT sent an empty answer instead of a list of articles", url=url)
    if not text.startswith(("{", "[")):
        said = truncate(html_to_text(text[:2000]), 200)
        if _SLOW_DOWN.search(said):
            raise RateLimited(
                f"rate-limited by {HOST}: it answered {said!r} (it allows one request per 5 s)",
                url=url,
                status=200,
            )
        raise Refused(f"GDELT did not run the search: it answered {said!r}", url=url)
    document = _loads(text, url)
    articles = document.get("articles", [])
    if not isinstance(articles, list):
        raise Malformed("GDELT's answer has 'articles' that is not a list", url=url)
    items = [_item(a, source, now) for a in articles[:GDELT_MAX_RECORDS] if isinstance(a, dict)]
    kept = [item for item in items if item is not None]
    if articles and not kept:
        raise Malformed(
            "none of the articles in GDELT's answer has a usable link and title", url=url
        )
    kept.sort(key=lambda i: i.published or datetime.min.replace(tzinfo=timezone.utc), reverse=True)
    return ParsedFeed("GDELT", tuple(kept))


def _loads(text: str, url: str) -> dict[str, object]:
    """The JSON object, forgiving the stray backslashes GDELT is known to send."""
    for attempt in (text, _BAD_ESCAPE.sub(r"\\\\", text)):
        try:
            document = json.loads(attempt)
        except (ValueError, RecursionError):
            continue
        if not isinstance(document, dict):
            raise Malformed("GDELT's answer is JSON but not an object", url=url)
        return document
    raise Malformed("GDELT's answer is not valid JSON (cut short, or garbled)", url=url)


def _item(article: Mapping[str, object], source: str, now: datetime) -> Item | None:
    link = str(article.get("url") or "").strip()
    title = gdelt_title(str(article.get("title") or ""))
    if not title or not is_http_url(link):
        return None
    link = strip_tracking(link)
    domain = clean_text(str(article.get("domain") or "")).lower().removeprefix("www.")
    domain = domain or host_of(link)
    return make_item(
        title=title,
        url=link,
        published=plausible_date(seen_date(str(article.get("seendate") or "")), now),
        summary="",
        publisher=domain,
        publisher_domain=domain,
        source=source,
    )


def gdelt_title(raw: str) -> str:
    """A title as a headline is written: GDELT's extra spaces around punctuation removed."""
    title = html_to_text(raw)
    title = _SPLIT_POSSESSIVE.sub(r"\1's", title)
    title = _SPACE_AFTER.sub(r"\1", _SPACE_BEFORE.sub(r"\1", title))
    return truncate(title, TITLE_LIMIT)


def seen_date(text: str) -> datetime | None:
    """``20261118T091500Z`` (when GDELT saw the article) as an aware UTC datetime."""
    try:
        return datetime.strptime(text.strip(), "%Y%m%dT%H%M%SZ").replace(tzinfo=timezone.utc)
    except ValueError:
        return None

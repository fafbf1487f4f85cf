"""Any RSS, Atom or JSON Feed URL the user names (``--feed URL``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime

from ..models import Query
from ..parse.feeds import ParsedFeed, parse_feed
from ..parse.urls import host_of, require_http_url


@dataclass(frozen=True)
class Feed:
    url: str
    name: str = field(default="")
    # A feed of the company's own site: its items are first-party announcements.
    first_party: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "url", require_http_url(self.url))
        if not self.name:
            object.__setattr__(self, "name", f"feed:{host_of(self.url)}")

    def url_for(self, query: Query) -> str:
        return self.url

    def parse(
        self, body: bytes, headers: Mapping[str, str], *, url: str, now: datetime
    ) -> ParsedFeed:
        parsed = parse_feed(body, headers, source=self.name, feed_url=url, now=now)
        if not self.first_party:
            return parsed
        return replace(parsed, items=tuple(replace(i, first_party=True) for i in parsed.items))

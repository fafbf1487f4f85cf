"""Regenerate the golden files of parsed fixture feeds. Run only on purpose, then review the diff:

    cd /work/main && python -m tests.regen_golden

Every feed fixture listed in fixtures/feeds/index.json (except the HTML page, which must be
rejected; GDELT's JSON answers count as feeds) is parsed through the real source that would fetch
it, at the recording time, and its items are written to fixtures/golden/<fixture-name-ext>.json.
tests/test_feeds.py compares against these files and never writes them.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import sources
from sources import ParsedFeed, Source
from sources.providers import gdelt
from sources.providers.endpoints import BING_NEWS_SEARCH, GDELT_DOC_API, GOOGLE_NEWS_SEARCH

ROOT = Path(__file__).resolve().parent.parent
FEEDS = ROOT / "fixtures" / "feeds"
GOLDEN = ROOT / "fixtures" / "golden"
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=timezone.utc)
# Not feeds: a page that must be rejected, and the acme.com site that newsroom discovery reads.
NOT_FEEDS = frozenset(
    {"not-a-feed.html", "acme-com-robots.txt", "acme-com-home.html", "acme-com-news.html"}
)


def recorded_responses() -> list[dict[str, Any]]:
    """index.json's responses that hold a feed: url, headers and body file name."""
    index = json.loads((FEEDS / "index.json").read_text(encoding="utf-8"))
    return [r for r in index["responses"] if r["body"] not in NOT_FEEDS]


def source_for(url: str) -> Source:
    """The source that fetches ``url``: a built-in search source, else a user-named feed."""
    google, bing = sources.builtin_sources()
    if url.startswith(GOOGLE_NEWS_SEARCH):
        return google
    if url.startswith(BING_NEWS_SEARCH):
        return bing
    if url.startswith(GDELT_DOC_API):
        return gdelt.source()
    return sources.feed_source(url)


def parse_recorded(response: dict[str, Any]) -> ParsedFeed:
    body = (FEEDS / response["body"]).read_bytes()
    source = source_for(response["url"])
    return source.parse(body, response["headers"], url=response["url"], now=NOW)


def snapshot(response: dict[str, Any], parsed: ParsedFeed) -> dict[str, Any]:
    """The key fields of every parsed item, in order, as JSON-ready values."""
    return {
        "fixture": response["body"],
        "feed_url": response["url"],
        "now": NOW.isoformat(),
        "feed_title": parsed.title,
        "warnings": list(parsed.warnings),
        "items": [
            {
                "title": item.title,
                "url": item.url,
                "published": item.published.isoformat() if item.published else None,
                "publisher": item.publisher,
                "publisher_domain": item.publisher_domain,
                "source": item.source,
                "summary": item.summary,
            }
            for item in parsed.items
        ],
    }


def golden_path(fixture: str) -> Path:
    """fixtures/golden/<fixture name with dots as dashes>.json: acme-newsroom-atom.json."""
    return GOLDEN / f"{fixture.replace('.', '-')}.json"


def main() -> None:
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for response in recorded_responses():
        data = snapshot(response, parse_recorded(response))
        path = golden_path(response["body"])
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)} ({len(data['items'])} items)")


if __name__ == "__main__":
    main()

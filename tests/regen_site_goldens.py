"""Regenerate fixtures/sites/<site>/expected.json. Run only on purpose, then review the diff:

    cd /work/main && python -m tests.regen_site_goldens

Each site is served from the local test server; newsroom discovery runs on it, and every
newsroom page it finds is read like a research run would. The requests made, what was found and
the items extracted are written with the test server's address replaced by the site's host.
tests/test_newsroom.py compares against these files and never writes them.
"""

from __future__ import annotations

import asyncio
import json
from datetime import datetime, timezone
from typing import Any

from sources import HttpClient, HttpLimits, Query, discover_newsroom, fetch_all, newsroom_source

from .helpers import LOOPBACK
from .server import TestServer
from .sites import SITES, serve_site, site_meta

NOW = datetime(2026, 11, 20, 12, tzinfo=timezone.utc)


def observe(name: str) -> dict[str, Any]:
    """What discovery and extraction do on one site, as JSON-ready values."""
    host = str(site_meta(name)["host"])
    with TestServer() as server:
        origin = serve_site(server, name)

        def local(text: str) -> str:
            return text.replace(origin, f"https://{host}")

        async def run() -> dict[str, Any]:
            async with HttpClient(HttpLimits(allow_private=LOOPBACK)) as http:
                found = await discover_newsroom(origin, http, now=NOW)
                discovery_hits = [hit.path for hit in server.hits]
                pages = []
                for page in found.pages:
                    report = await fetch_all([newsroom_source(page)], Query(host), http, now=NOW)
                    (outcome,) = report.outcomes
                    pages.append(
                        {
                            "page": local(page),
                            "failure": outcome.failure.reason if outcome.failure else None,
                            "warnings": [local(w) for w in outcome.warnings],
                            "items": [
                                {
                                    "title": item.title,
                                    "url": local(item.url or ""),
                                    "published": item.published.isoformat()
                                    if item.published
                                    else None,
                                    "summary": item.summary,
                                    "publisher": item.publisher,
                                    "publisher_domain": local(item.publisher_domain),
                                    "source": local(item.source),
                                    "first_party": item.first_party,
                                }
                                for item in outcome.items
                            ],
                        }
                    )
            return {
                "site": name,
                "now": NOW.isoformat(),
                "discovery": {
                    "feeds": [local(f) for f in found.feeds],
                    "pages": [local(p) for p in found.pages],
                    "notes": [local(n) for n in found.notes],
                    "requests": found.requests,
                    "paths_requested": discovery_hits,
                },
                "newsroom_pages": pages,
            }

        return asyncio.run(run())


def main() -> None:
    for folder in sorted(p for p in SITES.iterdir() if (p / "site.json").is_file()):
        expected = observe(folder.name)
        target = folder / "expected.json"
        target.write_text(
            json.dumps(expected, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        print(f"wrote {target.relative_to(SITES.parent.parent)}")


if __name__ == "__main__":
    main()

"""Benchmark: 20 feeds on 20 loopback hosts, each answering after 300 ms.

Target: one `research` run (all feeds at once, at most 2 per host, 10 in flight) takes under 1 s of
wall time, where fetching the same feeds one after another takes over 6 s.
Run from the repository root: ``python3 benchmarks/fetch_concurrency.py``.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import research  # noqa: E402
from sources import HttpClient, HttpLimits  # noqa: E402
from tests.server import Reply, TestServer  # noqa: E402

FEEDS = 20
DELAY = 0.3
# The servers listen on 127.0.0.1 to 127.0.0.20, which the private-address guard refuses unless allowed.
SERVER_ADDRESSES = "127.0.0.0/27"
NOW = datetime(2026, 11, 20, 12, tzinfo=timezone.utc)


def main() -> None:
    body = (ROOT / "fixtures" / "feeds" / "acme-newsroom.atom").read_bytes()
    servers = [TestServer(f"127.0.0.{n}") for n in range(1, FEEDS + 1)]
    for server in servers:
        server.__enter__()
    try:
        urls = [
            s.route(
                "/feed.atom",
                Reply(200, body, {"Content-Type": "application/atom+xml"}, delay=DELAY),
            )
            for s in servers
        ]
        with tempfile.TemporaryDirectory() as home:
            settings = research.load_settings(home=home, allow_private=SERVER_ADDRESSES)
            concurrent_runs = []
            for _ in range(3):
                started = time.perf_counter()
                result = research.research(
                    "acme-corp", feeds=urls, builtin=False, settings=settings, now=NOW
                )
                concurrent_runs.append(time.perf_counter() - started)
                assert not result.failures, result.failures
            started = time.perf_counter()
            asyncio.run(_one_after_another(urls, settings.http))
            sequential = time.perf_counter() - started
    finally:
        for server in servers:
            server.__exit__(None, None, None)
    best = min(concurrent_runs)
    print(
        f"{FEEDS} feeds x {DELAY * 1000:.0f} ms, concurrent research run: "
        f"median {statistics.median(concurrent_runs):.2f} s, best {best:.2f} s (target < 1 s)"
    )
    print(
        f"{FEEDS} feeds x {DELAY * 1000:.0f} ms, one after another: {sequential:.2f} s (target > 6 s)"
    )
    if best >= 1.0 or sequential <= 6.0:
        raise SystemExit("benchmark target missed")


async def _one_after_another(urls: list[str], limits: HttpLimits) -> None:
    async with HttpClient(limits) as http:
        for url in urls:
            await http.get(url)


if __name__ == "__main__":
    main()

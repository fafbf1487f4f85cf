"""Benchmark: what parsing in worker processes (sources.net.isolate) costs a normal run.

Compares parsing the fixture feeds, a 200-item search feed and a newsroom listing in a thread
(how parsing ran before, and how bodies up to 16 KiB still run) with parsing them in a worker
process, one at a time and 20 at once, and measures the start of the workers: each is a fresh
interpreter that imports the parsers it is given work for.
Run from the repository root: ``python3 benchmarks/parse_isolation.py``.
"""

from __future__ import annotations

import asyncio
import functools
import re
import statistics
import sys
import time
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sources import feed_source, newsroom_source  # noqa: E402
from sources.net.isolate import ParseLimits, parse_workers, run_parse  # noqa: E402

NOW = datetime(2026, 11, 20, 12, tzinfo=timezone.utc)
ROUNDS = 30
IN_THREADS = ParseLimits(thread_max_bytes=1 << 30)
IN_WORKERS = ParseLimits(thread_max_bytes=0)
FEEDS = ROOT / "fixtures" / "feeds"
RSS = {"content-type": "application/rss+xml; charset=utf-8"}


def _search_feed(items: int) -> bytes:
    """A Google News answer of ``items`` items (about what a real search returns), made by
    repeating the fixture's items with distinct links."""
    text = (FEEDS / "google-news-acme-corp.xml").read_text()
    found = re.findall(r"<item>.*?</item>", text, re.S)
    repeated = [
        found[n % len(found)]
        .replace("</link>", f"?n={n}</link>")
        .replace("</guid>", f"-{n}</guid>")
        for n in range(items)
    ]
    head, tail = text.split(found[0], 1)[0], text.rsplit(found[-1], 1)[1]
    return (head + "".join(repeated) + tail).encode()


def _tasks() -> dict[str, Callable[[], Any]]:
    tasks: dict[str, Callable[[], Any]] = {}
    for name in ("google-news-acme-corp.xml", "bing-news-acme-corp.xml", "acme-newsroom.atom"):
        body = (FEEDS / name).read_bytes()
        source = feed_source(f"https://example.com/{name}")
        tasks[f"{name} ({len(body) // 1024} KiB)"] = functools.partial(
            source.parse, body, RSS, url=source.url, now=NOW
        )
    body = _search_feed(200)
    source = feed_source("https://example.com/search")
    tasks[f"200-item search feed ({len(body) // 1024} KiB)"] = functools.partial(
        source.parse, body, RSS, url=source.url, now=NOW
    )
    listing = ROOT / "fixtures" / "sites" / "cards-site" / "press-room" / "index.html"
    body = listing.read_bytes()
    page = newsroom_source("https://cards.example/press-room/")
    tasks[f"newsroom listing ({len(body) // 1024} KiB)"] = functools.partial(
        page.parse, body, {"content-type": "text/html"}, url=page.url, now=NOW
    )
    return tasks


async def _parse(task: Callable[[], Any]) -> Any:
    return await run_parse(task, url="https://example.com/", size=1)


async def _median_ms(limits: ParseLimits, task: Callable[[], Any]) -> float:
    times = []
    async with parse_workers(limits):
        await _parse(task)  # warm: modules imported, worker started
        for _ in range(ROUNDS):
            started = time.perf_counter()
            await _parse(task)
            times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


async def _twenty_at_once_ms(limits: ParseLimits, task: Callable[[], Any]) -> float:
    async with parse_workers(limits):
        await asyncio.gather(*(_parse(task) for _ in range(2)))  # warm both workers
        started = time.perf_counter()
        await asyncio.gather(*(_parse(task) for _ in range(20)))
        return (time.perf_counter() - started) * 1000


async def _first_parse_ms(limits: ParseLimits, task: Callable[[], Any]) -> float:
    """From opening a scope to the first parse's result, closing included."""
    started = time.perf_counter()
    async with parse_workers(limits):
        await _parse(task)
    return (time.perf_counter() - started) * 1000


async def main() -> None:
    tasks = _tasks()
    first = next(iter(tasks.values()))
    cold = await _first_parse_ms(IN_WORKERS, first)
    warm = statistics.median([await _first_parse_ms(IN_WORKERS, first) for _ in range(10)])
    thread = statistics.median([await _first_parse_ms(IN_THREADS, first) for _ in range(10)])
    print(f"first scope, start a worker + its first parse + stop: {cold:.0f} ms")
    print(f"each later scope, the same: median {warm:.0f} ms")
    print(f"the same parse in a thread scope: median {thread:.0f} ms")
    print()
    print(
        f"{'median of ' + str(ROUNDS) + ' parses':44} {'thread':>9} {'worker':>9} {'overhead':>9}"
    )
    for name, task in tasks.items():
        in_thread = await _median_ms(IN_THREADS, task)
        in_worker = await _median_ms(IN_WORKERS, task)
        print(f"{name:44} {in_thread:7.1f}ms {in_worker:7.1f}ms {in_worker - in_thread:+7.1f}ms")
    print()
    name, task = next((n, t) for n, t in tasks.items() if n.startswith("200-item"))
    in_thread = await _twenty_at_once_ms(IN_THREADS, task)
    in_worker = await _twenty_at_once_ms(IN_WORKERS, task)
    print(f"20 x {name} at once: threads {in_thread:.0f} ms, workers {in_worker:.0f} ms")


if __name__ == "__main__":
    asyncio.run(main())

"""Benchmark: the weekly digest of a 50-company watchlist, every response delayed 200 ms.

Each company has 4 sources: the two news searches (two shared hosts, so 50 requests each) and two
feeds of its own on two further loopback addresses. Politeness (2 requests in flight per host)
bounds the run at the busiest host's requests / 2 x 200 ms = 5 s. Targets: within 1.3 times that
bound, and peak memory (max RSS of this process; the servers run in another process) under 300 MB.
Run from the repository root: ``python3 benchmarks/digest_watchlist.py``.
"""

from __future__ import annotations

import multiprocessing
import resource
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

COMPANIES = 50
DELAY = 0.2
PER_HOST = 2
NOW = datetime(2026, 11, 20, 12, tzinfo=timezone.utc)
SEARCH_HOSTS = ("127.0.0.2", "127.0.0.3")


def company_hosts(number: int) -> tuple[str, str]:
    return f"127.1.{number}.1", f"127.1.{number}.2"


HEADLINES = (
    "wins 2026 Edison Award",
    "opens new plant in Ohio",
    "cuts 200 jobs",
    "raises $40 million Series B",
    "partners with Contoso",
)


def _feed(name: str, copies: int = 1) -> bytes:
    """Five items dated 16 to 20 November (this benchmark's week), one of them bad news; a
    search answer repeats them (200 items, about 40 KiB, as a real news search sends), which
    sends its parsing to a worker process."""
    items = "".join(
        f"<item><title>{name} {what}</title><link>https://news.example/{name.replace(' ', '-')}/"
        f"{n}-{copy}</link><pubDate>{16 + n} Nov 2026 09:00:00 GMT</pubDate></item>"
        for copy in range(copies)
        for n, what in enumerate(HEADLINES)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'.encode()


def _serve(ready: multiprocessing.Queue, stop: multiprocessing.Event) -> None:  # type: ignore[type-arg]
    """Runs in a child process: the two search hosts and 2 hosts per company."""
    from tests.server import Reply, TestServer

    servers = []
    ports: dict[str, int] = {}
    for host in SEARCH_HOSTS:
        server = TestServer(host).__enter__()
        server.route("/search", Reply(200, _feed("Other Co", copies=40), delay=DELAY))
        servers.append(server)
        ports[host] = server.port
    for number in range(COMPANIES):
        for index, host in enumerate(company_hosts(number)):
            server = TestServer(host).__enter__()
            server.route(f"/feed{index}.xml", Reply(200, _feed(f"Company {number:02d}"), delay=DELAY))
            servers.append(server)
            ports[host] = server.port
    ready.put(ports)
    stop.wait()
    for server in servers:
        server.__exit__(None, None, None)


def main() -> None:
    import research

    ready: multiprocessing.Queue = multiprocessing.Queue()  # type: ignore[type-arg]
    stop = multiprocessing.Event()
    child = multiprocessing.Process(target=_serve, args=(ready, stop), daemon=True)
    child.start()
    try:
        ports = ready.get(timeout=60)
        with tempfile.TemporaryDirectory() as home:
            google, bing = (f"http://{h}:{ports[h]}/search" for h in SEARCH_HOSTS)
            settings = research.load_settings(
                home=home, google_news_url=google, bing_news_url=bing, allow_private="127.0.0.0/8"
            )
            names = []
            for number in range(COMPANIES):
                name = f"Company {number:02d}"
                feeds = [
                    f"http://{host}:{ports[host]}/feed{index}.xml"
                    for index, host in enumerate(company_hosts(number))
                ]
                research.add_company(name, feeds=feeds, settings=settings, now=NOW)
                names.append(name)
            research.watch(names, settings=settings, now=NOW)
            started = time.perf_counter()
            digest = research.weekly_digest(settings=settings, now=NOW)
            elapsed = time.perf_counter() - started
            # Parse workers have ended and been reaped; the servers' process has not.
            worker_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    finally:
        stop.set()
        child.join(timeout=10)
    assert not digest.failures, digest.failures[:3]
    assert len(digest.with_news) == COMPANIES, len(digest.with_news)
    bound = COMPANIES / PER_HOST * DELAY  # the busiest host: one search host
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{COMPANIES} companies x 4 sources, {DELAY * 1000:.0f} ms each: {elapsed:.2f} s "
        f"= {elapsed / bound:.2f} x the politeness bound of {bound:.1f} s (target <= 1.3 x)"
    )
    workers = research.load_settings().parse.workers
    total_mb = peak_mb + workers * worker_mb
    print(
        f"peak memory (max RSS): this process {peak_mb:.0f} MB, the largest parse worker "
        f"{worker_mb:.0f} MB; at most {total_mb:.0f} MB with {workers} workers (target < 300 MB)"
    )
    if elapsed > 1.3 * bound or total_mb >= 300:
        raise SystemExit("benchmark target missed")


if __name__ == "__main__":
    main()

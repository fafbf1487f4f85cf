"""Benchmark: the weekly digest of a 50-company watchlist, every response delayed 200 ms.

    python3 benchmarks/digest_watchlist.py            # from the repository root
    python3 benchmarks/digest_watchlist.py --runs 5

Each company has 4 sources: the two news searches (two shared hosts, so 50 requests each) and two
feeds of its own on two further loopback addresses. Politeness (2 requests in flight per host)
bounds the run at the busiest host's requests / 2 x 200 ms = 5 s. The searches answer 200 items
(40 to 50 KiB) in two ways, each timed over several runs, interleaved: realistically (about 100
distinct headlines, some carried by several outlets) and in the worst case (40 copies of five
headlines from one outlet). Targets: each within 1.2 times that bound (median of the runs), and
peak memory (max RSS of this process; the servers run in another process) under 300 MB.
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import statistics
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
TARGET_RATIO = 1.2  # issue 18: within 1.2 x the politeness bound
NOW = datetime(2026, 11, 20, 12, tzinfo=timezone.utc)
SEARCH_HOSTS = ("127.0.0.2", "127.0.0.3")
SCENARIOS = {
    "/search/realistic": "realistic searches (100 distinct headlines in 200 items, syndicated)",
    "/search/worst": "worst-case searches (40 copies of 5 headlines from one outlet)",
}


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
    return _rss(items)


def _rss(items: str) -> bytes:
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'.encode()


# Made-up headlines: 10 x 10 of them, no two near-identical (they differ in two words or more).
DOINGS = (
    "opens a new plant", "expands its research lab", "launches a solar battery",
    "names a chief executive", "reports record revenue", "signs a supply deal with Contoso",
    "completes its acquisition of Fabrikam", "wins a design award", "starts a cloud service",
    "begins a training programme",
)  # fmt: skip
PLACES = (
    "in Ohio", "across Texas", "near Denver", "outside Austin", "throughout Europe", "for Japan",
    "with schools", "around Brazil", "beyond farmers", "within Kenya",
)  # fmt: skip
# How many outlets carry each headline: 60 once, 25 twice, 10 five times, 5 eight times.
CARRIED_BY = (1,) * 60 + (2,) * 25 + (5,) * 10 + (8,) * 5


def _realistic_search(name: str) -> bytes:
    """200 items telling 100 stories, each copy from another outlet that the item's
    ``<source>`` names (its title ending " - Outlet"), every third through a Google News link."""
    items = []
    for story, outlets in enumerate(CARRIED_BY):
        headline = f"{name} {DOINGS[story % 10]} {PLACES[(story // 10 + story) % 10]}"
        for copy in range(outlets):
            number = len(items)
            outlet = f"outlet{(story + 7 * copy) % 90:02d}.example"
            link = (
                f"https://news.google.com/rss/articles/CBMi{number:04d}opaque?oc=5"
                if number % 3 == 0
                else f"https://www.{outlet}/business/{story}-{copy}"
            )
            items.append(
                f"<item><title>{headline} - {outlet}</title><link>{link}</link>"
                f"<pubDate>{16 + number % 5} Nov 2026 09:00:00 GMT</pubDate>"
                f'<source url="https://{outlet}/">{outlet}</source></item>'
            )
    return _rss("".join(items))


def _serve(ready: multiprocessing.Queue, stop: multiprocessing.Event) -> None:  # type: ignore[type-arg]
    """Runs in a child process: the two search hosts and 2 hosts per company."""
    from tests.server import Reply, TestServer

    servers = []
    ports: dict[str, int] = {}
    for host in SEARCH_HOSTS:
        server = TestServer(host).__enter__()
        server.route("/search/realistic", Reply(200, _realistic_search("Other Co"), delay=DELAY))
        server.route("/search/worst", Reply(200, _feed("Other Co", copies=40), delay=DELAY))
        servers.append(server)
        ports[host] = server.port
    for number in range(COMPANIES):
        for index, host in enumerate(company_hosts(number)):
            server = TestServer(host).__enter__()
            server.route(
                f"/feed{index}.xml", Reply(200, _feed(f"Company {number:02d}"), delay=DELAY)
            )
            servers.append(server)
            ports[host] = server.port
    ready.put(ports)
    stop.wait()
    for server in servers:
        server.__exit__(None, None, None)


def digest_seconds(ports: dict[str, int], search: str) -> float:
    """One weekly digest of the whole watchlist in a fresh home, searches answered at ``search``."""
    import research

    with tempfile.TemporaryDirectory() as home:
        google, bing = (f"http://{h}:{ports[h]}{search}" for h in SEARCH_HOSTS)
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
    assert not digest.failures, digest.failures[:3]
    assert len(digest.with_news) == COMPANIES, len(digest.with_news)
    return elapsed


def spread(times: list[float], unit: float = 1.0) -> str:
    """Min / median / max: one run says little on a noisy machine."""
    return " / ".join(f"{t / unit:.2f}" for t in (min(times), statistics.median(times), max(times)))


def main() -> None:
    import research

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each kind of search answer")
    args = parser.parse_args()
    ready: multiprocessing.Queue = multiprocessing.Queue()  # type: ignore[type-arg]
    stop = multiprocessing.Event()
    child = multiprocessing.Process(target=_serve, args=(ready, stop), daemon=True)
    child.start()
    runs: dict[str, list[float]] = {search: [] for search in SCENARIOS}
    try:
        ports = ready.get(timeout=60)
        for _ in range(args.runs):
            for search in SCENARIOS:
                runs[search].append(digest_seconds(ports, search))
        # Parse workers have ended and been reaped; the servers' process has not.
        worker_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    finally:
        stop.set()
        child.join(timeout=10)
    bound = COMPANIES / PER_HOST * DELAY  # the busiest host: one search host
    print(
        f"{COMPANIES} companies x 4 sources, {DELAY * 1000:.0f} ms each; politeness bound "
        f"{bound:.1f} s; min / median / max of {args.runs} interleaved runs (target <= {TARGET_RATIO} x):"
    )
    for search, described in SCENARIOS.items():
        print(
            f"  {described}: {spread(runs[search])} s = {spread(runs[search], bound)} x the bound"
        )
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = research.load_settings().parse.workers
    total_mb = peak_mb + workers * worker_mb
    print(
        f"peak memory (max RSS): this process {peak_mb:.0f} MB, the largest parse worker "
        f"{worker_mb:.0f} MB; at most {total_mb:.0f} MB with {workers} workers (target < 300 MB)"
    )
    slowest = max(statistics.median(times) for times in runs.values())
    if slowest > TARGET_RATIO * bound or total_mb >= 300:
        raise SystemExit("benchmark target missed")
    print("benchmark target met")


if __name__ == "__main__":
    main()

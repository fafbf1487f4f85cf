"""Benchmark: the weekly digest of a 50-company watchlist, every response delayed 200 ms.

    python3 benchmarks/digest_watchlist.py            # from the repository root
    python3 benchmarks/digest_watchlist.py --runs 5

Each company has 7 sources: the two news searches and GDELT (three shared hosts, 50 requests
each), its organisation feed on a press-release wire (one shared host), SEC EDGAR (one shared
host: the list of filers once, each company's submissions, and for every tenth company a
current report's index and press release), and two feeds of its own on two further loopback
addresses. Politeness bounds the run: 2 requests in flight per host (a host's requests / 2 x
200 ms), a service's spacing between requests (EDGAR's real 0.1 s; GDELT's 5 s scaled down to
0.1 s, else its 50 requests alone would take 250 s), and 10 requests in flight in all (every
request / 10 x 200 ms); the bound is the largest of these. The searches answer 200 items (40 to
50 KiB) in two ways, each timed over several runs, interleaved: realistically (about 100
distinct headlines, some carried by several outlets) and in the worst case (40 copies of five
headlines from one outlet). Targets: each within 1.2 times the bound (median of the runs), the
spacing kept on the paced hosts, and peak memory (max RSS of this process; the servers run in
another process) under 300 MB.
"""

from __future__ import annotations

import argparse
import bisect
import json
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
IN_FLIGHT = 10
TARGET_RATIO = 1.2  # issue 18: within 1.2 x the politeness bound
NOW = datetime(2026, 11, 20, 12, tzinfo=timezone.utc)
SEARCH_HOSTS = ("127.0.0.2", "127.0.0.3")
GDELT_HOST, EDGAR_HOST, WIRE_HOST = "127.0.0.4", "127.0.0.5", "127.0.0.6"
SPACING = {GDELT_HOST: 0.1, EDGAR_HOST: 0.1}
FILING_EVERY = 10  # every tenth company filed a current report with a press release this week
CIK_BASE = 9990100
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


def _gdelt(name: str) -> bytes:
    """GDELT's answer: 40 articles about another company, as the searches answer."""
    articles = [
        {
            "url": f"https://www.outlet{n % 30:02d}.example/{n}",
            "title": f"{name} {DOINGS[n % 10]} {PLACES[n // 10 % 10]}",
            "seendate": f"202611{16 + n % 5}T090000Z",
            "domain": f"outlet{n % 30:02d}.example",
        }
        for n in range(40)
    ]
    return json.dumps({"articles": articles}).encode()


def _accession(number: int) -> str:
    return f"{CIK_BASE + number:010d}-26-000001"


def _filing_folder(number: int) -> str:
    return f"/Archives/edgar/data/{CIK_BASE + number}/{_accession(number).replace('-', '')}"


def _edgar_routes(number: int) -> dict[str, bytes]:
    """A company's submissions and, for every tenth, its current report's index and release."""
    filed = number % FILING_EVERY == 0
    recent = {
        "accessionNumber": [_accession(number)],
        "form": ["8-K" if filed else "10-Q"],
        "filingDate": ["2026-11-18"],
        "acceptanceDateTime": ["2026-11-18T12:00:00.000Z"],
        "items": ["8.01,9.01" if filed else ""],
        "primaryDocument": ["report.htm"],
    }
    document = {"name": f"COMPANY {number:02d} INC", "filings": {"recent": recent}}
    routes = {f"/submissions/CIK{CIK_BASE + number:010d}.json": json.dumps(document).encode()}
    if filed:
        folder = _filing_folder(number)
        routes[f"{folder}/{_accession(number)}-index.htm"] = (
            "<table><tr><th>Seq</th><th>Description</th><th>Document</th><th>Type</th></tr>"
            f'<tr><td>1</td><td>RELEASE</td><td><a href="{folder}/ex99-1.htm">ex99-1.htm</a></td>'
            "<td>EX-99.1</td></tr></table>"
        ).encode()
        routes[f"{folder}/ex99-1.htm"] = (
            f"<p>Exhibit 99.1</p><p><b>Company {number:02d} Wins 2026 Precision Award</b></p>"
            "<p>DENVER, Nov. 18, 2026 -- The company was named the winner of an industry award "
            "for its measuring instruments by a panel of engineers and operators.</p>"
        ).encode()
    return routes


def _tickers() -> bytes:
    return json.dumps(
        {
            str(n): {"cik_str": CIK_BASE + n, "ticker": f"C{n:02d}", "title": f"Company {n:02d} Inc"}
            for n in range(COMPANIES)
        }
    ).encode()


def busiest_window(times: list[float], width: float) -> int:
    """The most requests that arrived within ``width`` seconds of one another."""
    times = sorted(times)
    return max((bisect.bisect_left(times, t + width) - i for i, t in enumerate(times)), default=0)


def _serve(ready: multiprocessing.Queue, stop: multiprocessing.Event) -> None:  # type: ignore[type-arg]
    """Runs in a child process: the shared hosts and 2 hosts per company; at the end, the most
    requests each paced host received in any window of ten times its spacing."""
    from tests.server import Reply, TestServer

    servers = []
    ports: dict[str, int] = {}
    for host in SEARCH_HOSTS:
        server = TestServer(host).__enter__()
        server.route("/search/realistic", Reply(200, _realistic_search("Other Co"), delay=DELAY))
        server.route("/search/worst", Reply(200, _feed("Other Co", copies=40), delay=DELAY))
        servers.append(server)
        ports[host] = server.port
    shared = {host: TestServer(host).__enter__() for host in (GDELT_HOST, EDGAR_HOST, WIRE_HOST)}
    shared[GDELT_HOST].route("/doc", Reply(200, _gdelt("Other Co"), delay=DELAY))
    shared[EDGAR_HOST].route("/files/company_tickers.json", Reply(200, _tickers(), delay=DELAY))
    for number in range(COMPANIES):
        for path, body in _edgar_routes(number).items():
            shared[EDGAR_HOST].route(path, Reply(200, body, delay=DELAY))
        feed = _feed(f"Company {number:02d}")
        shared[WIRE_HOST].route(f"/RssFeed/organization/{number}", Reply(200, feed, delay=DELAY))
    for host, server in shared.items():
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
    ready.put(
        {
            host: busiest_window([hit.at for hit in shared[host].hits], 10 * SPACING[host])
            for host in SPACING
        }
    )
    for server in servers:
        server.__exit__(None, None, None)


def digest_seconds(ports: dict[str, int], search: str) -> float:
    """One weekly digest of the whole watchlist in a fresh home, searches answered at ``search``."""
    import research
    from sources import HttpLimits

    with tempfile.TemporaryDirectory() as home:
        google, bing = (f"http://{h}:{ports[h]}{search}" for h in SEARCH_HOSTS)
        settings = research.load_settings(
            home=home,
            google_news_url=google,
            bing_news_url=bing,
            gdelt_url=f"http://{GDELT_HOST}:{ports[GDELT_HOST]}/doc",
            edgar_url=f"http://{EDGAR_HOST}:{ports[EDGAR_HOST]}",
            edgar_contact="Benchmark Runner bench@example.com",
            http=HttpLimits(spacing=tuple(SPACING.items())),
            allow_private="127.0.0.0/8",
        )
        names = []
        for number in range(COMPANIES):
            name = f"Company {number:02d}"
            feeds = [
                f"http://{host}:{ports[host]}/feed{index}.xml"
                for index, host in enumerate(company_hosts(number))
            ]
            wire = f"http://{WIRE_HOST}:{ports[WIRE_HOST]}/RssFeed/organization/{number}"
            research.add_company(name, feeds=feeds, wires=[wire], settings=settings, now=NOW)
            names.append(name)
        research.watch(names, settings=settings, now=NOW)
        started = time.perf_counter()
        digest = research.weekly_digest(settings=settings, now=NOW)
        elapsed = time.perf_counter() - started
    assert not digest.failures, digest.failures[:3]
    assert len(digest.with_news) == COMPANIES, len(digest.with_news)
    return elapsed


def politeness_bound() -> tuple[float, str]:
    """The least time politeness allows, and which limit sets it."""
    edgar = 1 + COMPANIES + 2 * len(range(0, COMPANIES, FILING_EVERY))
    per_host = {
        "a search host": COMPANIES * DELAY / PER_HOST,
        "GDELT's host": COMPANIES * max(DELAY / PER_HOST, SPACING[GDELT_HOST]),
        "EDGAR's host": edgar * max(DELAY / PER_HOST, SPACING[EDGAR_HOST]),
        "the wire's host": COMPANIES * DELAY / PER_HOST,
    }
    requests = COMPANIES * 6 + edgar  # 3 searches, a wire and 2 feeds each, and EDGAR
    per_host["10 requests in flight"] = requests * DELAY / IN_FLIGHT
    limit = max(per_host, key=per_host.__getitem__)
    return per_host[limit], limit


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
    busiest: dict[str, int] = ready.get(timeout=60)
    child.join(timeout=10)
    bound, limit = politeness_bound()
    print(
        f"{COMPANIES} companies x 7 sources, {DELAY * 1000:.0f} ms each; politeness bound "
        f"{bound:.1f} s ({limit}); min / median / max of {args.runs} interleaved runs "
        f"(target <= {TARGET_RATIO} x):"
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
    # Spaced requests start at most 10 in any 10 spacings; one more for the network's jitter.
    spaced = all(count <= 11 for count in busiest.values())
    print(
        "most requests in any 10 spacings (target <= 11): "
        + ", ".join(
            f"{host} {busiest[host]} in {10 * SPACING[host]:g} s" for host in SPACING
        )
    )
    slowest = max(statistics.median(times) for times in runs.values())
    if slowest > TARGET_RATIO * bound or total_mb >= 300 or not spaced:
        raise SystemExit("benchmark target missed")
    print("benchmark target met")


if __name__ == "__main__":
    main()

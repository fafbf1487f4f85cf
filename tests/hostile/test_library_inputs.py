"""HOSTILE L1-L2: what library callers pass is checked up front and matched literally."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

import research
from research import InvalidInput

from ..server import Reply, TestServer


@pytest.fixture
def feed_server(server: TestServer, monkeypatch: pytest.MonkeyPatch) -> TestServer:
    """Searches answer with an empty feed, so only the given feeds carry news."""
    empty = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'
    server.route("/search", Reply(200, empty))
    monkeypatch.setenv("RESEARCH_GOOGLE_NEWS_URL", server.url("/search"))
    monkeypatch.setenv("RESEARCH_BING_NEWS_URL", server.url("/search"))
    return server


@pytest.mark.parametrize(
    ("call", "names"),
    [
        (lambda url: research.research("Acme", feeds=[url] * 10_000), "more than 50 feeds"),
        (lambda url: research.research("Acme", feeds=[url + "?" + "x" * 1_000_000]), "1000"),
        (lambda url: research.research("A" * 1_000_000), "1000000 characters long"),
        (lambda url: research.research("Acme", feeds=["file:///etc/passwd"]), "file:///etc/passwd"),
        (lambda url: research.research("Acme", feeds=[url, "javascript:alert(1)"]), "javascript"),
        (lambda url: research.weekly_digest([f"Company {n}" for n in range(5_000)]), "5000"),
        (lambda url: research.watch([f"Company {n}" for n in range(5_000)]), "5000"),
        (lambda url: research.research("Acme", aliases=["x"] * 1_000), "1000 aliases"),
    ],
    ids=["10k-urls", "1mb-url", "1mb-name", "file-url", "js-url", "5k-digest", "5k-watch", "aliases"],
)
def test_oversized_or_unusable_inputs_are_refused_before_anything_is_fetched(
    feed_server: TestServer, call: object, names: str
) -> None:
    url = feed_server.route("/feed.xml", Reply(200, b"<rss/>"))
    with pytest.raises(InvalidInput) as caught:
        call(url)  # type: ignore[operator]
    assert names in str(caught.value)
    assert len(str(caught.value)) < 600  # names the value without echoing a megabyte back
    assert feed_server.hits == []


def test_a_bad_feed_is_refused_before_newsroom_discovery_runs(feed_server: TestServer) -> None:
    research.add_company("acme-corp", name="Acme Corp", domain="acme.example")
    with pytest.raises(InvalidInput, match="ftp://"):
        research.research("acme-corp", feeds=["ftp://acme.example/feed"])
    assert research.get_company("acme-corp").discovered_at is None
    assert feed_server.hits == []


@pytest.mark.parametrize(
    "name", ["C++ (AT&T) .*(a+)+$", "O'Reilly'; DROP TABLE companies;--", "100%_Done Labs"]
)
def test_metacharacters_in_names_match_literally_and_leave_the_store_intact(
    feed_server: TestServer, tmp_path: Path, name: str
) -> None:
    research.add_company("acme-corp", name="Acme Corp")
    headline = f"{name} wins 2026 Edison Award"
    decoy = "C wins 2026 Edison Award" if name.startswith("C++") else "Oreilly wins award"
    body = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        + "".join(
            f"<item><title>{t.replace('&', '&amp;')}</title><link>https://n.example/{i}</link>"
            "<pubDate>Fri, 20 Nov 2026 09:00:00 GMT</pubDate></item>"
            for i, t in enumerate([headline, decoy, "a" * 5_000 + " wins award"])
        )
        + "</channel></rss>"
    ).encode()
    url = feed_server.route("/feed.xml", Reply(200, body))
    started = time.perf_counter()
    result = research.research(name, feeds=[url], days=7, now=research.IsoWeek(2026, 47).end)
    assert time.perf_counter() - started < 10  # no catastrophic regex backtracking
    assert [e.title for e in result.events] == [headline]
    research.watch([name])
    store = sqlite3.connect(research.load_settings().store_path)
    tables = {row[0] for row in store.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"companies", "watchlist", "digests", "reported_events"} <= tables
    assert research.get_company("acme-corp").name == "Acme Corp"
    assert [e.company.name for e in research.watched()] == [name]


def test_l3_a_callers_deadline_returns_partial_results_with_nothing_left_running(
    feed_server: TestServer,
) -> None:
    """Five quick feeds and one host that trickles its answer: the call returns at the
    deadline with the five counted and the slow one reported as timed out."""
    import threading

    body = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item>'
        "<title>Acme Corp wins 2026 Edison Award</title><link>https://n.example/{n}</link>"
        "<pubDate>Fri, 20 Nov 2026 09:00:00 GMT</pubDate></item></channel></rss>"
    )
    quick = [
        feed_server.route(f"/quick{n}.xml", Reply(200, body.replace("{n}", str(n)).encode()))
        for n in range(5)
    ]
    slow = feed_server.route("/slow.xml", Reply(200, body.encode() * 50, trickle=0.2))
    threads_before = set(threading.enumerate())
    started = time.perf_counter()
    result = research.research(
        "acme-corp", feeds=[*quick, slow], builtin=False, deadline=2.0,
        now=research.IsoWeek(2026, 47).end,
    )  # fmt: skip
    elapsed = time.perf_counter() - started
    assert elapsed < 2.0 + 0.75, elapsed  # the deadline, plus stopping what was still running
    assert [(f.url, f.reason) for f in result.failures] == [(slow, "timed_out")]
    assert "the caller's deadline" in result.failures[0].error
    assert result.sources_total == 6 and len(result.events) >= 1
    time.sleep(0.3)
    left = {t for t in threading.enumerate() if t not in threads_before and not t.daemon}
    assert not left, left


@pytest.mark.parametrize("deadline", [0, -1, 3601, "soon", True])
def test_l3_a_deadline_that_is_not_a_sensible_number_is_refused(deadline: object) -> None:
    with pytest.raises(InvalidInput, match="deadline"):
        research.research("acme-corp", deadline=deadline)  # type: ignore[arg-type]

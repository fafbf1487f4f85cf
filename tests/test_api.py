"""The library call, end to end against the local server: fetch, store, rank, explain."""

from __future__ import annotations

import asyncio
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

import research
from research import EventKind, InvalidInput

from .helpers import RECORDED_AT, serve_acme_search
from .server import Reply, TestServer

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "feeds"


def test_research_ranks_fixture_news_and_explains_each_pick(
    server: TestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    serve_acme_search(server, monkeypatch)
    result = research.research("acme-corp", now=RECORDED_AT)

    assert result.company.name == "Acme Corp"
    assert not result.failures
    titles = [e.title for e in result.events]
    # Best first: the award, carried by several outlets, is the top pick.
    assert result.events[0].kind is EventKind.AWARD
    assert len(result.events[0].outlets) == 2
    # Negative, stale, namesake, question and mixed items never become events.
    for bad in ("cut 200 jobs", "lawsuit", "recalls", "best places to work", "Acme Brick",
                "Will Acme", "cuts 150 jobs"):  # fmt: skip
        assert not any(bad in title for title in titles), bad
    skipped = {s.title: s.reason for s in result.skipped}
    assert any("older than 30 days" in r for r in skipped.values())
    assert any("negative news" in r for r in skipped.values())
    for event in result.events:
        assert event.reasons and event.sentence.endswith(".")
        assert "Acme Corp" in event.sentence
    # Undated items come after every dated one.
    dated_flags = [e.published is not None for e in result.events]
    assert dated_flags == sorted(dated_flags, reverse=True)


def test_search_requests_carry_the_encoded_company_query(
    server: TestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    serve_acme_search(server, monkeypatch)
    research.research("AT&T", days=7, now=RECORDED_AT)
    google = server.hits_for("/google/rss/search")[0].path
    query = parse_qs(urlsplit(google).query)
    assert query["q"] == ['"AT&T" when:7d']
    assert query["ceid"] == ["US:en"]
    bing = parse_qs(urlsplit(server.hits_for("/bing/news/search")[0].path).query)
    assert bing == {"q": ['"AT&T"'], "format": ["rss"]}


def test_a_failing_source_is_reported_and_the_others_still_count(
    server: TestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    serve_acme_search(server, monkeypatch)
    server.route(
        "/bing/news/search", Reply(403, b"<html>challenge</html>", {"Content-Type": "text/html"})
    )
    result = research.research("acme-corp", now=RECORDED_AT)
    assert [f.reason for f in result.failures] == ["blocked"]
    assert result.failures[0].source == "bing-news"
    assert "blocked" in result.failures[0].error
    assert result.events and not result.all_failed


def test_every_source_failing_is_all_failed_not_no_news(
    server: TestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(
        "RESEARCH_GOOGLE_NEWS_URL", server.route("/g", Reply(429, headers={"Retry-After": "7200"}))
    )
    monkeypatch.setenv("RESEARCH_BING_NEWS_URL", server.route("/b", Reply(404)))
    monkeypatch.setenv("RESEARCH_GDELT_URL", server.route("/d", Reply(403)))
    result = research.research("acme-corp", now=RECORDED_AT)
    assert result.all_failed
    assert sorted(f.reason for f in result.failures) == ["blocked", "not_found", "rate_limited"]
    assert not result.events


def test_progress_hears_of_each_source_as_it_ends(
    server: TestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 16: a caller (the MCP server) can tell a run of up to a minute is moving. The slow
    source is the one named as still being fetched once the other has answered."""
    serve_acme_search(server, monkeypatch)
    body = (FIXTURES / "bing-news-acme-corp.xml").read_bytes()
    server.route("/bing/news/search", Reply(200, body, delay=0.3))
    heard: list[tuple[int, int, str]] = []
    research.research(
        "acme-corp", now=RECORDED_AT, progress=lambda *a: heard.append(a), no_sources=["gdelt"]
    )
    assert heard == [(0, 2, "google-news"), (1, 2, "bing-news"), (2, 2, "")]
    research.research("acme-corp", now=RECORDED_AT, offline=True, progress=heard.append)
    assert len(heard) == 3  # offline fetches nothing, so tells nothing


def test_user_feeds_are_fetched_alongside_the_search_sources(
    server: TestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    serve_acme_search(server, monkeypatch)
    atom = server.fixture("/news/feed.atom", "feeds/acme-newsroom.atom", "application/atom+xml")
    result = research.research("acme-corp", feeds=[atom], now=RECORDED_AT)
    assert any("acme.example" in (e.url or "") for e in result.events)
    assert result.sources_total == 4  # the three searches and the feed


def test_conditional_get_reuses_stored_items_on_304(
    server: TestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = (FIXTURES / "acme-newsroom.atom").read_bytes()
    validators = {"ETag": '"v1"', "Last-Modified": "Thu, 19 Nov 2026 10:00:00 GMT"}
    feed = server.route(
        "/feed.atom",
        Reply(200, body, {"Content-Type": "application/atom+xml", **validators}),
        Reply(304, headers=validators),
    )
    first = research.research("acme-corp", feeds=[feed], builtin=False, now=RECORDED_AT)
    second = research.research("acme-corp", feeds=[feed], builtin=False, now=RECORDED_AT)
    hits = server.hits_for("/feed.atom")
    assert hits[1].headers.get("If-None-Match") == '"v1"'
    assert hits[1].headers.get("If-Modified-Since") == validators["Last-Modified"]
    assert [e.title for e in second.events] == [e.title for e in first.events]
    assert first.events


def test_offline_answers_from_the_store_and_says_how_old(
    server: TestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    serve_acme_search(server, monkeypatch)
    online = research.research("acme-corp", now=RECORDED_AT)
    hits_before = len(server.hits)
    offline = research.research("acme-corp", offline=True, now=RECORDED_AT)
    assert len(server.hits) == hits_before  # no network at all
    assert offline.offline and offline.data_as_of == RECORDED_AT
    assert [e.title for e in offline.events] == [e.title for e in online.events]


def test_offline_with_an_empty_store_fails_every_source_clearly() -> None:
    result = research.research("acme-corp", offline=True, now=RECORDED_AT)
    assert result.all_failed
    assert all(f.reason == "not_stored" for f in result.failures)
    assert "without --offline" in result.failures[0].error


def test_replay_runs_the_fetch_path_on_recordings_at_their_time(acme_replay: Path) -> None:
    result = research.research("acme-corp", replay=acme_replay)
    assert result.replayed and result.generated_at == RECORDED_AT
    assert not result.failures
    assert result.events[0].kind is EventKind.AWARD


def test_replay_of_an_unrecorded_url_is_a_failure_not_a_crash(acme_replay: Path) -> None:
    result = research.research("beta-inc", replay=acme_replay)
    assert result.all_failed
    assert {f.reason for f in result.failures} == {"not_recorded"}


def test_record_then_replay_gives_the_same_report(
    server: TestServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    serve_acme_search(server, monkeypatch)
    recording = tmp_path / "recording"
    live = research.research("acme-corp", record=recording, now=RECORDED_AT)
    replayed = research.research("acme-corp", replay=recording, now=RECORDED_AT)
    assert (recording / "index.json").is_file()
    assert [e.title for e in replayed.events] == [e.title for e in live.events]
    assert [e.sentence for e in replayed.events] == [e.sentence for e in live.events]


@pytest.mark.parametrize(
    ("kwargs", "needle"),
    [
        ({"days": 0}, "days"),
        ({"days": 10_000}, "days"),
        ({"limit": 0}, "limit"),
        ({"feeds": "https://a.example/feed"}, "list of URLs"),
        ({"feeds": ["file:///etc/passwd"]}, "file:///etc/passwd"),
        ({"feeds": [f"https://a.example/{i}" for i in range(51)]}, "more than 50 feeds"),
        ({"feeds": (f"https://a.example/{i}" for i in range(10**9))}, "more than 50 feeds"),
        ({"feeds": [42]}, "42"),
        ({"days": True}, "True"),
        ({"offline": True, "replay": FIXTURES}, "at most one"),
        ({"replay": "/nonexistent/recording"}, "index.json"),
    ],
)
def test_bad_options_raise_invalid_input_naming_the_value(kwargs: dict, needle: str) -> None:
    with pytest.raises(InvalidInput, match=None) as caught:
        research.research("acme-corp", **kwargs)
    assert needle in str(caught.value)
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize("name", ["", "   ", "x" * 1000, "a\x00b", "!!!"])
def test_bad_company_names_raise_invalid_input(acme_replay: Path, name: str) -> None:
    with pytest.raises(InvalidInput):
        research.research(name, replay=acme_replay)


def test_bad_setting_names_the_variable(acme_replay: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RESEARCH_BING_NEWS_URL", "not a url")
    with pytest.raises(research.ConfigError, match="RESEARCH_BING_NEWS_URL"):
        research.research("acme-corp", replay=acme_replay)


def test_sync_call_works_inside_a_running_event_loop(acme_replay: Path) -> None:
    async def caller() -> research.Result:
        return research.research("acme-corp", replay=acme_replay)

    result = asyncio.run(caller())
    assert result.events


def test_async_twin_gives_the_same_result(acme_replay: Path) -> None:
    sync = research.research("acme-corp", replay=acme_replay)
    asynchronous = asyncio.run(research.research_async("acme-corp", replay=acme_replay))
    assert sync.events == asynchronous.events


def test_a_corrupt_store_does_not_stop_the_run(
    server: TestServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    serve_acme_search(server, monkeypatch)
    home = tmp_path / "home"
    home.mkdir()
    (home / "research.db").write_bytes(b"this is not sqlite" * 100)
    result = research.research("acme-corp", now=RECORDED_AT)
    assert result.events
    assert any("damaged or not a research store" in w for w in result.warnings)
    assert (home / "research.db").read_bytes() == b"this is not sqlite" * 100


def test_a_corrupt_cache_is_rebuilt_and_the_run_says_so(
    server: TestServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    serve_acme_search(server, monkeypatch)
    research.add_company("acme-corp", name="Acme Corp")
    home = tmp_path / "home"
    (home / "cache.db").write_bytes(b"this is not sqlite" * 100)
    result = research.research("acme-corp", now=RECORDED_AT)
    assert result.events
    assert any("cache.db.damaged-" in w for w in result.warnings)
    assert research.get_company("acme-corp").name == "Acme Corp"
    assert research.research("acme-corp", offline=True, now=RECORDED_AT).events


def test_record_after_an_earlier_run_still_gives_a_replayable_recording(
    server: TestServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    body = (FIXTURES / "google-news-acme-corp.xml").read_bytes()
    validators = {"Content-Type": "application/rss+xml", "ETag": '"g1"'}
    monkeypatch.setenv(
        "RESEARCH_GOOGLE_NEWS_URL",
        server.route("/google", Reply(200, body, validators)),
    )
    research.research("acme-corp", now=RECORDED_AT)  # stores the ETag
    recording = tmp_path / "recording"
    research.research("acme-corp", record=recording, now=RECORDED_AT)
    hits = server.hits_for("/google")
    assert hits[0].headers.get("If-None-Match") is None
    # A conditional request would have let the server answer 304, which a replay cannot use.
    assert "If-None-Match" not in hits[1].headers
    replayed = research.research("acme-corp", replay=recording, now=RECORDED_AT)
    assert [f.source for f in replayed.failures] == ["bing-news"]  # the sink's 404, recorded
    assert replayed.events


def test_recording_into_a_file_path_is_a_usage_error(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    with pytest.raises(InvalidInput, match="cannot record into"):
        research.research("acme-corp", record=not_a_folder)


def test_offline_finds_stored_answers_for_another_window_or_alias_list(
    server: TestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    serve_acme_search(server, monkeypatch)
    research.research("acme-corp", now=RECORDED_AT)
    offline = research.research(
        "acme-corp", days=7, aliases=["Acme"], offline=True, now=RECORDED_AT
    )
    assert not offline.failures
    assert offline.events
    assert all(e.published is None or (RECORDED_AT - e.published).days < 7 for e in offline.events)


def test_a_damaged_cache_row_rebuilds_the_cache_and_says_so(
    server: TestServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A row that no longer reads is damage like any other: the cache is moved aside (kept for
    a bug report) and rebuilt, never a run stopped or a profile lost."""
    import sqlite3

    serve_acme_search(server, monkeypatch)
    research.add_company("acme-corp", name="Acme Corp")
    research.research("acme-corp", now=RECORDED_AT)
    connection = sqlite3.connect(tmp_path / "home" / "cache.db")
    connection.execute("""UPDATE feed_items SET data = '{"title": 1}'""")
    connection.commit()
    connection.close()
    offline = research.research("acme-corp", offline=True, now=RECORDED_AT)
    assert offline.all_failed and {f.reason for f in offline.failures} == {"not_stored"}
    assert any("damaged entry" in w and "cache.db.damaged-" in w for w in offline.warnings)
    online = research.research("acme-corp", now=RECORDED_AT)
    assert online.events and not online.failures
    # The online run stored fresh answers: offline works again, and the profile is intact.
    assert research.research("acme-corp", offline=True, now=RECORDED_AT).events
    assert research.get_company("acme-corp").name == "Acme Corp"
    assert len(list((tmp_path / "home").glob("cache.db.damaged-*"))) == 1


@pytest.mark.parametrize(
    ("name", "slug"), [("Яндекс", "яндекс"), ("株式会社", "株式会社"), ("Nestlé", "nestle")]
)
def test_names_in_any_script_are_accepted(acme_replay: Path, name: str, slug: str) -> None:
    result = research.research(name, replay=acme_replay)
    assert result.company.slug == slug
    assert result.company.name == name


def test_a_replay_index_with_a_bad_header_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "index.json").write_text(
        '{"recorded_at": "2026-11-20T12:00:00Z", "responses": '
        '[{"url": "https://x.example/", "status": 200, "headers": {"x": "caf\\u00e9"}, "body": ""}]}'
    )
    with pytest.raises(InvalidInput, match="not printable ASCII"):
        research.research("acme-corp", replay=tmp_path)

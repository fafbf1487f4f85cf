"""Issue 14, items 2 and 3: every command runs from a recording or offline, and a replay never
reads or writes the store (a saved profile cannot break the README's demo).

The digest and discovery replays use the hand-written recording in fixtures/feeds (its 7-day
Google News answer and its tiny acme.com); offline runs answer from a cache filled by a live run
against the local server.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

import research
from research import InvalidInput, IsoWeek
from research.cli import app
from research.digest.publish import due_weeks
from research.store.research_db import Store

from .helpers import RECORDED_AT, serve_acme_search
from .server import TestServer

runner = CliRunner()
RECORDED_WEEK = IsoWeek(2026, 47)


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def home() -> Path:
    return Path(research.load_settings().home)


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under ``folder`` with its bytes and modification time."""
    if not folder.exists():
        return {}
    return {
        str(path.relative_to(folder)): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def add_readme_profile() -> None:
    """The README's own profile: an alias that changes the search URL, a domain to discover."""
    code, _, err = run(
        "company", "add", "acme-corp", "--name", "Acme Corp",
        "--alias", "Acme Corporation", "--domain", "acme.com",
    )  # fmt: skip
    assert code == 0, err


# --- item 3: a replay reads and writes no store --------------------------------------------------


def test_the_readme_demo_replays_the_same_with_a_saved_profile_and_leaves_the_store_alone(
    acme_replay: Path,
) -> None:
    code, before_profile, err = run("acme-corp", "--replay", str(acme_replay))
    assert code == 0, err
    assert not home().exists()  # a replay creates no store, no cache

    add_readme_profile()
    stored = snapshot(home())
    assert stored
    code, with_profile, err = run("acme-corp", "--replay", str(acme_replay))
    assert code == 0, err
    assert "warning" not in err  # no search URL changed by the alias, no discovery of acme.com
    assert with_profile == before_profile
    assert snapshot(home()) == stored
    assert research.get_company("acme-corp").discovered_at is None


def test_a_recording_keeps_the_profile_it_was_made_with_so_its_replay_asks_the_same(
    server: TestServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    serve_acme_search(server, monkeypatch)
    feed = server.fixture("/news/feed.atom", "feeds/acme-newsroom.atom", "application/atom+xml")
    research.add_company("acme-corp", name="Acme Corp", aliases=["Acme Corporation"], feeds=[feed])
    recording = tmp_path / "recording"
    live = research.research("acme-corp", record=recording, now=RECORDED_AT)
    kept = json.loads((recording / "index.json").read_text())["companies"]["acme-corp"]
    assert kept["aliases"] == ["Acme Corporation"] and kept["feeds"] == [feed]

    research.remove_company("acme-corp")  # the replay must not need the store
    hits = len(server.hits)
    replayed = research.research("acme-corp", replay=recording)
    assert len(server.hits) == hits
    assert not replayed.failures
    # The three searches and the profile's feed.
    assert replayed.sources_answered == replayed.sources_total == 4
    assert [e.title for e in replayed.events] == [e.title for e in live.events]


@pytest.mark.parametrize(
    ("companies", "needle"),
    [
        ([], "must be an object"),
        ({"acme-corp": "Acme"}, "must be an object"),
        ({"acme-corp": {"slug": "beta-labs", "name": "Beta Labs"}}, "must agree"),
        ({"acme-corp": {"slug": "acme-corp", "name": 42}}, "malformed"),
        ({"acme-corp": {"slug": "acme-corp", "name": "A" * 500}}, "at most 200"),
    ],
)
def test_a_recording_with_a_bad_company_is_a_usage_error(
    tmp_path: Path, companies: object, needle: str
) -> None:
    index = {"recorded_at": "2026-11-20T12:00:00Z", "responses": [], "companies": companies}
    (tmp_path / "index.json").write_text(json.dumps(index))
    with pytest.raises(InvalidInput, match=needle):
        research.research("acme-corp", replay=tmp_path)


# --- item 2: the digest from a recording, and offline ----------------------------------------------


def test_a_replayed_digest_is_printed_marked_and_never_saved(acme_replay: Path) -> None:
    add_readme_profile()
    run("watch", "add", "acme-corp")
    stored = snapshot(home())

    code, out, err = run("digest", "--replay", str(acme_replay), "--company", "acme-corp")
    assert code == 0, err
    assert out.startswith(f"# Replayed weekly digest {RECORDED_WEEK} ")
    assert "Replayed from a recording made 2026-11-20 12:00 UTC" in out
    assert "Acme Corp wins Edison Award for HomeCell solar battery" in out
    assert "Nothing was saved" in err and "warning" not in err
    assert snapshot(home()) == stored  # no digest recorded, no cache written, no files
    assert Store(research.load_settings().store_path).digest_written(RECORDED_WEEK) is None
    assert due_weeks(week=str(RECORDED_WEEK)) == [RECORDED_WEEK]  # still due for --if-due


def test_a_replayed_digest_with_out_writes_files_of_its_own_name(
    acme_replay: Path, tmp_path: Path
) -> None:
    out = tmp_path / "digests"
    out.mkdir()
    (out / f"{RECORDED_WEEK}.md").write_text("the real digest")
    code, printed, err = run(
        "digest", "--replay", str(acme_replay), "--company", "acme-corp", "--out", str(out)
    )
    assert code == 0, err
    assert printed.splitlines() == [
        str(out / f"{RECORDED_WEEK}-replay.md"),
        str(out / f"{RECORDED_WEEK}-replay.html"),
    ]
    assert (out / f"{RECORDED_WEEK}.md").read_text() == "the real digest"
    assert not (out / "feed.xml").exists()  # the feed lists saved digests only
    assert "Replayed from a recording" in (out / f"{RECORDED_WEEK}-replay.html").read_text()


def test_a_replayed_digest_needs_named_companies_and_no_if_due(acme_replay: Path) -> None:
    run("watch", "add", "acme-corp")
    code, _, err = run("digest", "--replay", str(acme_replay))
    assert code == 2 and "--company acme-corp" in err
    code, _, err = run("digest", "--replay", str(acme_replay), "--company", "x", "--if-due")
    assert code == 2 and "--if-due" in err
    code, _, err = run("digest", "--offline", "--replay", str(acme_replay), "--company", "x")
    assert code == 2 and "at most one" in err


def test_weekly_digest_takes_replay_and_save_digest_refuses_the_result(acme_replay: Path) -> None:
    digest = research.weekly_digest(["acme-corp"], replay=acme_replay)
    assert digest.replayed and not digest.offline
    assert digest.week == RECORDED_WEEK and digest.generated_at == RECORDED_AT
    assert not digest.failures
    assert [s.company.slug for s in digest.with_news] == ["acme-corp"]
    with pytest.raises(InvalidInput, match="not saved"):
        research.save_digest(digest)
    with pytest.raises(InvalidInput, match="name the companies"):
        research.weekly_digest(replay=acme_replay)


def test_an_offline_digest_answers_from_the_cache_is_marked_and_never_saved(
    server: TestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    serve_acme_search(server, monkeypatch)
    live = research.weekly_digest(["acme-corp"], now=RECORDED_AT)
    hits = len(server.hits)
    offline = research.weekly_digest(["acme-corp"], now=RECORDED_AT, offline=True)
    assert len(server.hits) == hits  # no network at all
    assert offline.offline and offline.data_as_of == RECORDED_AT
    assert [e.title for s in offline.sections for e in s.events] == [
        e.title for s in live.sections for e in s.events
    ]
    assert offline.to_markdown().startswith("# Offline weekly digest")
    assert "Made offline from stored news, fetched 2026-11-20 12:00 UTC" in offline.to_html()
    with pytest.raises(InvalidInput, match="offline digest is not saved"):
        research.save_digest(offline)

    stored = snapshot(home())
    code, out, err = run("digest", "--offline", "--company", "acme-corp")
    assert code == 0, err
    assert out.startswith("# Offline weekly digest") and "Nothing was saved" in err
    assert snapshot(home()) == stored
    assert len(server.hits) == hits


def test_an_offline_digest_with_nothing_stored_says_to_run_once_online() -> None:
    code, out, err = run("digest", "--offline", "--company", "acme-corp")
    assert code == 1 and out == ""
    assert "nothing is stored for them yet" in err


# --- item 2: newsroom discovery from a recording, and offline --------------------------------------


def test_discovery_replays_the_recorded_site_and_saves_nothing(acme_replay: Path) -> None:
    add_readme_profile()
    stored = snapshot(home())
    code, out, err = run("company", "discover", "acme-corp", "--replay", str(acme_replay))
    assert code == 0, err
    assert out.splitlines() == [
        "acme-corp: discovery on https://acme.com (3 requests), replayed from a recording: "
        "nothing was saved",
        "  feed: https://acme.com/news/feed.atom",
    ]
    assert snapshot(home()) == stored
    profile, found = research.discover_company("acme-corp", replay=acme_replay)
    assert profile.discovered_feeds == found.feeds == ("https://acme.com/news/feed.atom",)
    assert research.get_company("acme-corp").discovered_at is None


def test_discovery_offline_shows_what_was_saved_without_asking(acme_replay: Path) -> None:
    add_readme_profile()
    code, _, err = run("company", "discover", "acme-corp", "--offline")
    assert code == 1 and "no saved discovery" in err

    store = Store(research.load_settings().store_path)
    saved = replace(
        research.get_company("acme-corp"),
        discovered_feeds=("https://acme.com/news/feed.atom",),
        discovered_at=RECORDED_AT,
        discovery_notes=("a note",),
    )
    store.save_company(saved, RECORDED_AT)
    code, out, err = run("company", "discover", "acme-corp", "--offline", "--json")
    assert code == 0, err
    document = json.loads(out)
    assert document["discovered_feeds"] == ["https://acme.com/news/feed.atom"]
    assert document["requests"] == 0 and document["offline"] is True
    assert document["notes"] == ["a note"]
    code, out, _ = run("company", "discover", "acme-corp", "--offline")
    assert out.splitlines()[0] == (
        "acme-corp: discovery saved 2026-11-20 12:00 UTC for https://acme.com "
        "(offline: nothing was asked)"
    )


def test_discovery_with_replay_and_offline_at_once_is_a_usage_error(acme_replay: Path) -> None:
    add_readme_profile()
    code, _, err = run(
        "company", "discover", "acme-corp", "--offline", "--replay", str(acme_replay)
    )
    assert code == 2 and "at most one" in err


def test_discovery_replay_of_a_site_not_recorded_fails_and_changes_nothing(
    acme_replay: Path, server: TestServer
) -> None:
    research.add_company("beta-labs", domain="beta.example")
    stored = snapshot(home())
    code, _, err = run("company", "discover", "beta-labs", "--replay", str(acme_replay))
    assert code == 1 and "could not ask https://beta.example" in err
    assert snapshot(home()) == stored
    assert not server.hits

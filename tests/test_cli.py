"""The `research` command: output, exit codes, JSON schema, and the default command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from research.cli import app

from .helpers import serve_acme_search
from .server import Reply, TestServer

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "feeds"
runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_default_command_prints_events_with_sentences(acme_replay: Path) -> None:
    code, out, err = run("acme-corp", "--replay", str(acme_replay))
    assert code == 0, err
    assert "Acme Corp:" in out
    assert "1. Acme Corp wins Edison Award" in out
    assert "Say: Congratulations to the Acme Corp team on winning the Edison Award" in out
    assert "Why: the headline names Acme Corp" in out
    assert "https://www.dailyledger.example/" in out
    assert err == ""


def test_options_may_come_before_the_company(acme_replay: Path) -> None:
    code, out, _ = run("--limit", "1", "acme-corp", "--replay", str(acme_replay))
    assert code == 0
    assert "1. " in out and "2. " not in out


def test_a_company_named_like_a_subcommand_works_through_news(acme_replay: Path) -> None:
    code, _, err = run("news", "news", "--replay", str(acme_replay))
    assert code == 1  # nothing recorded for a company called "news": every source fails
    assert "every source failed" in err
    assert "not recorded" in err or "no response for this URL" in err


def test_json_document_follows_the_documented_schema(acme_replay: Path) -> None:
    code, out, _ = run("acme-corp", "--replay", str(acme_replay), "--json")
    assert code == 0
    document = json.loads(out)
    assert set(document) >= {
        "company", "generated_at", "window_days", "events", "failures", "skipped", "warnings",
    }  # fmt: skip
    company = document["company"]
    assert (company["slug"], company["name"], company["aliases"]) == (
        "acme-corp",
        "Acme Corp",
        ["Acme"],
    )
    assert company["domain"] is None and company["exclude"] == []
    assert document["generated_at"] == "2026-11-20T12:00:00Z"
    assert document["window_days"] == 30
    event = document["events"][0]
    assert set(event) >= {
        "title", "url", "publisher", "published", "kind", "score", "reasons", "sentence", "outlets",
    }  # fmt: skip
    assert event["kind"] == "award"
    assert event["published"].endswith("Z")
    assert [o["name"] for o in event["outlets"]] == ["The Daily Ledger", "Harbor - Tribune"]
    assert document["failures"] == []


def test_failed_source_is_a_warning_on_stderr_and_results_still_print(
    server: TestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    serve_acme_search(server, monkeypatch)
    server.route("/bing/news/search", Reply(429, headers={"Retry-After": "3600"}))
    code, out, err = run("acme-corp", "--days", "365")
    assert code == 0
    assert "warning: bing-news failed: rate-limited" in err
    assert "[rate_limited]" in err
    assert "1. " in out


def test_no_positive_news_is_a_plain_message_with_exit_0(server: TestServer) -> None:
    only_bad_news = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item>'
        b"<title>Acme Corp to cut 300 jobs</title><link>https://news.example/a</link>"
        b"<pubDate>Wed, 18 Nov 2026 10:00:00 GMT</pubDate></item></channel></rss>"
    )
    feed = server.route("/bad-news", Reply(200, only_bad_news))
    code, out, _ = run("acme-corp", "--feed", feed, "--days", "365")
    assert code == 0
    assert "No positive news about Acme Corp in the last 365 days." in out


def test_all_sources_failing_exits_1_and_lists_each_failure(
    server: TestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RESEARCH_GOOGLE_NEWS_URL", server.route("/g", Reply(500)))
    monkeypatch.setenv("RESEARCH_BING_NEWS_URL", server.route("/b", Reply(404)))
    monkeypatch.setenv("RESEARCH_GDELT_URL", server.route("/d", Reply(403)))
    code, _, err = run("acme-corp")
    assert code == 1
    assert "google-news failed" in err and "bing-news failed" in err and "gdelt failed" in err
    assert "every source failed (3)" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "args",
    [
        ["acme-corp", "--days", "0"],
        ["acme-corp", "--days", "abc"],
        ["acme-corp", "--feed", "ftp://example.com/feed"],
        ["   "],
        ["acme-corp", "--no-such-option"],
    ],
)
def test_usage_errors_exit_2_without_traceback(args: list[str]) -> None:
    code, out, err = run(*args)
    assert code == 2, (out, err)
    assert "Traceback" not in out + err


def test_verbose_lists_skipped_items_with_reasons(acme_replay: Path) -> None:
    code, out, _ = run("acme-corp", "--replay", str(acme_replay), "-v")
    assert code == 0
    assert "Skipped (" in out
    assert "Acme Corp to cut 200 jobs in restructuring of consumer division: negative news" in out


def test_offline_says_how_old_the_data_is(
    server: TestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    serve_acme_search(server, monkeypatch)
    assert run("acme-corp", "--days", "365")[0] == 0
    code, out, _ = run("acme-corp", "--days", "365", "--offline")
    assert code == 0
    assert "(offline: answered from the store; data fetched " in out


def test_terminal_output_strips_escape_sequences(
    server: TestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    hostile = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item>'
        b"<title>Acme Corp wins \x1b[31mred\x1b[0m award \xe2\x80\xae</title>"
        b"<link>https://news.example/a</link><pubDate>Wed, 18 Nov 2026 10:00:00 GMT</pubDate>"
        b"</item></channel></rss>"
    )
    feed = server.route("/hostile", Reply(200, hostile))
    runner_result = runner.invoke(app, ["acme-corp", "--feed", feed, "--days", "365"])
    assert "\x1b" not in runner_result.stdout
    assert "\u202e" not in runner_result.stdout
    assert "Acme Corp wins" in runner_result.stdout


def test_console_script_runs_as_a_real_process(acme_replay: Path) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "research", "acme-corp", "--replay", str(acme_replay), "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)["events"]


def _documentation() -> str:
    """The user documentation: the README and every page of docs/ it links to."""
    root = Path(__file__).resolve().parent.parent
    pages = [root / "README.md", *sorted((root / "docs").glob("*.md"))]
    return "\n".join(page.read_text(encoding="utf-8") for page in pages)


def _command_tree() -> list[tuple[tuple[str, ...], Any]]:
    """Every command as (its words after `research`, the click command): the root, each group
    and each subcommand of a group."""
    import typer.main

    found: list[tuple[tuple[str, ...], Any]] = []

    def walk(path: tuple[str, ...], command: Any) -> None:
        found.append((path, command))
        for name, sub in getattr(command, "commands", {}).items():
            walk((*path, name), sub)

    walk((), typer.main.get_command(app))
    return found


def test_every_option_of_every_command_is_in_help_and_documented() -> None:
    """Each option of each command, subcommands and the root's (--install-completion) too, is
    in that command's --help and in the README or a page of docs/; each command is named."""
    documentation = _documentation()
    tree = _command_tree()
    assert len(tree) > 10
    for path, command in tree:
        if path:
            assert f"research {' '.join(path)}" in documentation, path
        code, help_text, _ = run(*path, "--help")
        assert code == 0, path
        for parameter in command.params:
            for option in parameter.opts:
                if option.startswith("--") and option != "--help":
                    assert option in help_text, (path, option)
                    assert f"`{option}" in documentation, (path, option)


def test_allow_private_lets_an_intranet_feed_through_and_bad_values_are_usage_errors(
    server: TestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("RESEARCH_ALLOW_PRIVATE")
    url = server.fixture("/news.atom", "feeds/acme-newsroom.atom", "application/atom+xml")
    args = ("acme-corp", "--feed", url, "--days", "365")

    code, _, err = run(*args)
    assert code == 1  # every source, the built-in searches' 404 sink too, is on 127.0.0.1
    assert "refused to connect to 127.0.0.1: a loopback address" in err
    assert "--allow-private 127.0.0.1" in err
    assert server.hits_for("/news.atom") == []

    code, _, err = run(*args, "--allow-private", "127.0.0.1")
    assert code == 0, err
    assert len(server.hits_for("/news.atom")) == 1
    assert "refused to connect" not in err

    code, _, err = run(*args, "--allow-private", "10.0.0.0/33")
    assert code == 2
    assert "10.0.0.0/33" in err
    code, _, err = run("digest", "--allow-private", "everything")
    assert code == 2 and "everything" in err

"""`research watch` and `research digest` from the command line, against the local server."""

from __future__ import annotations

import json
import re
from datetime import datetime, timezone
from email.utils import format_datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

import research
from research import IsoWeek
from research.cli import app

from .server import Reply, TestServer

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def this_week_moment() -> datetime:
    """A moment inside the current ISO week and before now, whatever the time of the test."""
    now = datetime.now(timezone.utc)
    start = IsoWeek.of(now).start
    return start + (now - start) / 2


def feed(items: str) -> bytes:
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'.encode()


@pytest.fixture
def served(server: TestServer, monkeypatch: pytest.MonkeyPatch) -> TestServer:
    empty = feed("")
    server.route("/google", Reply(200, empty))
    server.route("/bing", Reply(200, empty))
    server.route("/gdelt", Reply(200, b"{}"))
    monkeypatch.setenv("RESEARCH_GOOGLE_NEWS_URL", server.url("/google"))
    monkeypatch.setenv("RESEARCH_BING_NEWS_URL", server.url("/bing"))
    monkeypatch.setenv("RESEARCH_GDELT_URL", server.url("/gdelt"))
    return server


def test_watch_add_list_remove(served: TestServer) -> None:
    research.add_company("acme-corp", name="Acme Corp", domain="acme.example")
    code, out, err = run("watch", "add", "acme-corp", "Beta Labs")
    assert code == 0, err
    assert out.splitlines() == ["watching acme-corp", "watching beta-labs"]
    assert run("watch", "add", "acme-corp")[1] == "already watching acme-corp\n"

    code, out, _ = run("watch", "list")
    lines = out.splitlines()
    assert lines[0].startswith("acme-corp") and "acme.example" in lines[0]
    assert "never researched" in lines[0]
    assert lines[1].startswith("beta-labs") and "no profile" in lines[1]
    entries = json.loads(run("watch", "list", "--json")[1])
    assert [e["company"]["name"] for e in entries] == ["Acme Corp", "Beta Labs"]
    assert entries[0]["has_profile"] is True and entries[1]["has_profile"] is False

    code, out, err = run("watch", "remove", "beta-labs", "zeta")
    assert code == 0
    assert out == "stopped watching beta-labs\n"
    assert "zeta was not on the watchlist" in err
    assert [e.company.slug for e in research.watched()] == ["acme-corp"]


def test_watch_rejects_a_name_that_cannot_be_a_file_safe_slug() -> None:
    code, _, err = run("watch", "add", "../..")
    assert code == 2
    assert "file-safe" in err


def test_digest_writes_files_prints_paths_and_if_due_writes_once(
    served: TestServer, tmp_path: Path
) -> None:
    published = format_datetime(this_week_moment())
    served.route(
        "/acme.xml",
        Reply(200, feed(
            f"<item><title>Acme Corp wins the Edison Award</title>"
            f"<link>https://news.example/acme-award</link><pubDate>{published}</pubDate></item>"
        )),
    )  # fmt: skip
    research.add_company("acme-corp", name="Acme Corp", feeds=[served.url("/acme.xml")])
    run("watch", "add", "acme-corp")
    week = IsoWeek.of(datetime.now(timezone.utc))
    out_dir = tmp_path / "out"

    code, out, err = run("digest", "--out", str(out_dir), "--format", "md")
    assert code == 0, err
    assert out.splitlines() == [str(out_dir / f"{week}.md"), str(out_dir / "feed.xml")]
    assert "Acme Corp wins the Edison Award" in (out_dir / f"{week}.md").read_text()
    assert err == ""  # no progress bar when not on a terminal

    code, out, _ = run("digest", "--if-due", "--out", str(out_dir))
    assert code == 0
    assert out == "nothing due: the digest is already written\n"

    default = run("digest", "--week", str(week))[1].splitlines()
    home = Path(research.load_settings().home)
    assert default == [
        str(home / "digests" / f"{week}.md"),
        str(home / "digests" / f"{week}.html"),
        str(home / "digests" / "feed.xml"),
    ]


def test_digest_options_are_checked(served: TestServer) -> None:
    run("watch", "add", "acme-corp")
    code, _, err = run("digest", "--format", "pdf")
    assert code == 2 and "md, html" in err
    code, _, err = run("digest", "--week", "last")
    assert code == 2 and "2026-W47" in err


def test_digest_of_an_empty_watchlist_says_how_to_add_companies() -> None:
    code, _, err = run("digest")
    assert code == 2
    assert "research watch add" in err


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.hrefs: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.hrefs += [v or "" for k, v in attrs if k == "href"]
        assert not any(k.startswith("on") for k, _ in attrs), attrs

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_hostile_feed_text_is_inert_in_every_digest_file(served: TestServer, tmp_path: Path) -> None:
    """Titles and links from a feed, through the whole fetch path, never become markup."""
    published = format_datetime(this_week_moment())
    hostile = (
        "<item><title><![CDATA[Acme Corp wins award <script>alert(1)</script> "
        "[click](javascript:alert(2)) <img src=x onerror=alert(3)>]]></title>"
        f"<link>javascript:alert(4)</link><pubDate>{published}</pubDate></item>"
        "<item><title>Acme Corp opens new plant in Ohio | `rm -rf` # heading</title>"
        f"<link>https://news.example/plant?a=1&amp;b=&quot;x&quot;</link><pubDate>{published}</pubDate></item>"
    )
    served.route("/acme.xml", Reply(200, feed(hostile)))
    research.add_company("acme-corp", name="Acme Corp", feeds=[served.url("/acme.xml")])
    research.watch(["acme-corp"])
    paths = research.save_digest(research.weekly_digest(), out=tmp_path)
    assert len(research.weekly_digest().sections[0].events) >= 1

    for path in paths:
        text = path.read_text()
        assert "<script" not in text.lower().replace("&lt;script", "")
        assert not re.search(r"javascript:alert\(4\)\)?\]?\(|href=\"javascript", text, re.I)
    page = _Elements()
    page.feed((tmp_path / f"{IsoWeek.of(datetime.now(timezone.utc))}.html").read_text())
    assert "script" not in page.tags and "img" not in page.tags
    assert all(h.startswith(("https://", "http://")) for h in page.hrefs), page.hrefs
    markdown = next(p for p in paths if p.suffix == ".md").read_text()
    assert "](javascript:" not in markdown
    assert not any(line.startswith("#") and "heading" in line for line in markdown.splitlines())


def test_a_digest_run_where_nothing_answered_fails_and_stays_due(
    server: TestServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A laptop waking without a network must not record an empty week as written."""
    server.route("/down", Reply(503, b"down", {"Content-Type": "text/plain"}))
    monkeypatch.setenv("RESEARCH_GOOGLE_NEWS_URL", server.url("/down"))
    monkeypatch.setenv("RESEARCH_BING_NEWS_URL", server.url("/down"))
    monkeypatch.setenv("RESEARCH_GDELT_URL", server.url("/down"))
    from sources import HttpLimits

    fast = HttpLimits(retries=0)
    monkeypatch.setattr("research.config.HttpLimits", lambda: fast)
    run("watch", "add", "acme-corp", "Beta Labs")
    code, out, err = run("digest", "--if-due", "--out", str(tmp_path / "out"))
    assert code == 1
    assert "was not written (it is still due)" in err
    assert out == "" and not (tmp_path / "out").exists()
    from research.digest.publish import due_weeks

    assert due_weeks() == [IsoWeek.of(datetime.now(timezone.utc))]


def test_a_bad_format_is_refused_before_anything_is_fetched(served: TestServer) -> None:
    run("watch", "add", "acme-corp")
    code, _, err = run("digest", "--format", "md,pdf")
    assert code == 2 and "pdf" in err
    assert served.hits == []

"""HOSTILE O1-O7: what feeds say never becomes markup, links, formulas, paths or terminal codes.

Every test feeds hostile text through the whole path (local server, fetch, parse, rank) and reads
every output a user or program gets: terminal text, JSON, the note, and the digest's Markdown,
HTML and Atom files.
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timezone
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

import research
from research import IsoWeek
from research.cli import app

from ..server import Reply, TestServer

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 11, 20, 12, tzinfo=timezone.utc)
runner = CliRunner()

HANDLER = re.compile(r"\bon[a-z]+\s*=", re.IGNORECASE)


def atom(*entries: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>t</title><id>urn:t</id><updated>2026-11-20T00:00:00Z</updated>"
        + "".join(entries)
        + "</feed>"
    ).encode()


def entry(title: str, link: str, summary: str = "", title_type: str = "text", n: int = 0) -> str:
    return (
        f'<entry><title type="{title_type}">{title}</title><link href="{link}"/>'
        f"<id>urn:e{n}</id><updated>2026-11-19T09:00:00Z</updated>"
        f'<summary type="html">{summary}</summary></entry>'
    )


HOSTILE_ENTRIES = (
    # O1: markup in a text/plain title (escaped once: it is literal text), and double-escaped
    entry("&lt;script&gt;alert(1)&lt;/script&gt; Acme Corp wins Edison Award",
          "https://news.example/a", n=1),
    entry("Acme Corp opens &amp;lt;script&amp;gt;alert(2)&amp;lt;/script&amp;gt; plant in Ohio",
          "https://news.example/b", n=2),
    # O1: event handlers in Atom xhtml-ish text
    entry("Acme Corp wins &lt;img src=x onerror=alert(3)&gt; award for design",
          "https://news.example/c", n=3),
    # O2: link schemes that must never become links
    entry("Acme Corp launches HomeCell battery", "JaVaScRiPt:alert(4)", n=4),
    entry("Acme Corp partners with Beta Labs", "java&#x09;script:alert(5)", n=5),
    entry("Acme Corp raises $40 million Series B", "data:text/html,&lt;script&gt;alert(6)&lt;/script&gt;", n=6),
    entry("Acme Corp acquires Gamma Works", "vbscript:msgbox(7)", n=7),
    entry("Acme Corp marks 50th anniversary", "//evil.example/x", n=8),
    # O3: HTML in summaries
    entry("Acme Corp lands contract with Delta Rail", "https://news.example/d",
          summary="&lt;img src=x onerror=alert(8)&gt;&lt;iframe src=https://evil.example&gt;&lt;/iframe&gt;"
          "&lt;style&gt;body{display:none}&lt;/style&gt;&lt;form action=https://evil.example&gt;"
          "&lt;input&gt;&lt;/form&gt;&lt;svg&gt;&lt;script&gt;alert(9)&lt;/script&gt;&lt;/svg&gt;Acme won.",
          n=9),
)  # fmt: skip


@pytest.fixture
def hostile_feed(server: TestServer, monkeypatch: pytest.MonkeyPatch) -> str:
    empty = atom()
    server.route("/search", Reply(200, empty, {"Content-Type": "application/atom+xml"}))
    monkeypatch.setenv("RESEARCH_GOOGLE_NEWS_URL", server.url("/search"))
    monkeypatch.setenv("RESEARCH_BING_NEWS_URL", server.url("/search"))
    return server.route(
        "/hostile.atom", Reply(200, atom(*HOSTILE_ENTRIES), {"Content-Type": "application/atom+xml"})
    )


def assert_inert(text: str, where: str) -> None:
    lowered = text.lower()
    assert "<script" not in lowered, where
    assert "<iframe" not in lowered and "<img" not in lowered and "<svg" not in lowered, where
    assert not HANDLER.search(text), (where, HANDLER.search(text))
    for scheme in ("javascript:", "vbscript:", "data:text/html"):
        assert scheme not in lowered.replace("\t", ""), (where, scheme)


def test_o1_o2_o3_every_output_of_a_hostile_feed_is_inert(
    hostile_feed: str, tmp_path: Path
) -> None:
    result = research.research("acme-corp", feeds=[hostile_feed], builtin=False, now=NOW)
    assert len(result.events) >= 6  # the hostile items still count as news, made harmless
    for event in result.events:
        assert event.url is None or event.url.startswith("https://news.example/"), event.url
        assert "<" not in event.summary and ">" not in event.summary, event.summary
    outputs = {
        "json": json.dumps(research.result_to_dict(result), ensure_ascii=False),
        "note": research.draft_note(result, to="Jane Doe", role="Engineer").text,
    }
    text = runner.invoke(
        app, ["acme-corp", "--feed", hostile_feed, "--days", "365", "--limit", "20"]
    )
    assert text.exit_code == 0, text.stderr
    outputs["terminal"] = text.stdout + text.stderr

    research.add_company("acme-corp", name="Acme Corp", feeds=[hostile_feed])
    research.watch(["acme-corp"])
    week = IsoWeek.of(NOW)
    digest = research.weekly_digest(week=week, now=NOW)
    assert digest.event_count >= 6
    for path in research.save_digest(digest, out=tmp_path, now=NOW):
        outputs[path.name] = path.read_text()
    for where, output in outputs.items():
        assert_inert(output, where)

    hrefs = _hrefs(outputs[f"{week}.html"])
    assert hrefs and all(h.startswith("https://news.example/") for h in hrefs), hrefs
    links = re.findall(r"\]\(([^)]*)\)", outputs[f"{week}.md"])
    assert links and all(link.startswith("https://news.example/") for link in links), links


def _hrefs(page: str) -> list[str]:
    found: list[str] = []

    class Links(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.extend(value or "" for name, value in attrs if name == "href")

    Links().feed(page)
    return found


def test_o4_markdown_in_titles_is_escaped_and_cannot_start_blocks(
    server: TestServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    server.route("/search", Reply(200, atom(), {"Content-Type": "application/atom+xml"}))
    monkeypatch.setenv("RESEARCH_GOOGLE_NEWS_URL", server.url("/search"))
    monkeypatch.setenv("RESEARCH_BING_NEWS_URL", server.url("/search"))
    titles = (
        "Acme Corp wins [prize](javascript:alert(1)) award",
        "Acme Corp opens plant ![x](https://evil.example/pixel.png) in Ohio",
        "# Acme Corp launches | table | row | `code` battery",
        "Acme Corp partners with Beta Labs\n\n## injected heading",
    )
    feed = server.route(
        "/md.atom",
        Reply(
            200,
            atom(*(entry(t, f"https://news.example/{n}", n=n) for n, t in enumerate(titles))),
            {"Content-Type": "application/atom+xml"},
        ),
    )
    research.add_company("acme-corp", name="Acme Corp", feeds=[feed])
    research.watch(["acme-corp"])
    digest = research.weekly_digest(week=IsoWeek.of(NOW), now=NOW)
    assert digest.event_count == 4
    markdown = digest.to_markdown()
    assert "](javascript:" not in markdown and "![x](" not in markdown
    for line in markdown.splitlines():
        assert not line.startswith("## injected"), line
        assert not line.lstrip("- *").startswith("# Acme"), line
        if "Acme Corp launches" in line:
            # backticks are escaped; a "|" makes no table without a delimiter row, so it stays
            assert "\\`" in line and "| table |" in line


def test_o5_no_output_is_a_spreadsheet_so_formula_injection_cannot_happen() -> None:
    """Does not apply: nothing writes CSV or spreadsheet files (research/judge/labelled.py only reads
    evaluation CSV). The day a CSV export is added, this test fails and asks for cell guards."""
    writers = re.compile(r"csv\.writer|DictWriter|\.xlsx|openpyxl|to_csv")
    for package in ("research", "sources"):
        for module in (ROOT / package).glob("*.py"):
            assert not writers.search(module.read_text()), module


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../etc/x", "etc-x"),
        ("/abs", "abs"),
        ("CON", "con"),
        ("\uff21\uff43\uff4d\uff45 \uff23\uff4f\uff52\uff50", "acme-corp"),  # full-width
        ("x" * 150, "x" * 150),
    ],
)
def test_o6_hostile_company_names_give_safe_slugs_and_never_name_files(
    name: str, expected: str, tmp_path: Path, server: TestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    company = research.resolve_company(name)
    assert company.slug == expected
    assert re.fullmatch(r"[\w-]+", company.slug) and ".." not in company.slug
    server.route("/search", Reply(200, atom(), {"Content-Type": "application/atom+xml"}))
    monkeypatch.setenv("RESEARCH_GOOGLE_NEWS_URL", server.url("/search"))
    monkeypatch.setenv("RESEARCH_BING_NEWS_URL", server.url("/search"))
    research.watch([name])
    out = tmp_path / "out"
    written = research.save_digest(research.weekly_digest(now=NOW), out=out, now=NOW)
    week = IsoWeek.of(NOW)
    # Files are named by the week alone; a company name never becomes a path.
    assert sorted(p.name for p in out.iterdir()) == sorted([f"{week}.md", f"{week}.html", "feed.xml"])
    assert all(p.resolve().parent == out.resolve() for p in written)


@pytest.mark.parametrize("name", ["bad\x00name", "x" * 300, "...", "   ", "%_"])
def test_o6_names_that_cannot_be_a_safe_slug_are_refused(name: str) -> None:
    with pytest.raises(research.InvalidInput):
        research.watch([name])


def test_o6_colliding_names_get_a_numbered_slug_and_say_so(
    server: TestServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    result = runner.invoke(app, ["watch", "add", "C++", "C#", "c++", "AT&T", "AT-T"])
    assert result.stdout.splitlines() == [
        "watching c",
        "watching c-2 (C#; c is taken)",
        "already watching c",
        "watching at-t",
        "watching at-t-2 (AT-T; at-t is taken)",
    ]
    assert sorted((e.company.slug, e.company.name) for e in research.watched()) == [
        ("at-t", "AT&T"), ("at-t-2", "AT-T"), ("c", "C++"), ("c-2", "C#"),
    ]  # fmt: skip
    # The digest researches each under its own slug and name: none is lost.
    server.route("/search", Reply(200, atom(), {"Content-Type": "application/atom+xml"}))
    monkeypatch.setenv("RESEARCH_GOOGLE_NEWS_URL", server.url("/search"))
    monkeypatch.setenv("RESEARCH_BING_NEWS_URL", server.url("/search"))
    digest = research.weekly_digest(now=NOW)
    assert sorted((s.company.slug, s.company.name) for s in digest.sections) == [
        ("at-t", "AT&T"), ("at-t-2", "AT-T"), ("c", "C++"), ("c-2", "C#"),
    ]  # fmt: skip


def test_o7_terminal_output_and_warnings_carry_no_control_sequences(
    server: TestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    nasty = (
        "\x1b[2J\x1b]8;;https://evil.example\x07click\x1b]8;;\x07 "
        "\u202eevil\u202c \u200bzero\u200dwidth \x9b31m carriage\rreturn"
    )
    body = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item>'
        f"<title>Acme Corp wins Edison Award {nasty}</title><link>https://news.example/a</link>"
        f"<source url=\"https://pub.example/\">Pub {nasty}</source>"
        "<pubDate>Thu, 19 Nov 2026 09:00:00 GMT</pubDate></item></channel></rss>"
    ).encode()
    server.route("/search", Reply(200, body))
    server.route("/fails", Reply(404, f"not here {nasty}".encode(), {"Content-Type": "text/plain"}))
    monkeypatch.setenv("RESEARCH_GOOGLE_NEWS_URL", server.url("/search"))
    monkeypatch.setenv("RESEARCH_BING_NEWS_URL", server.url("/search"))
    result = runner.invoke(
        app, ["acme-corp", "--feed", server.url(f"/fails?{nasty.encode().hex()}"), "-v"]
    )
    assert result.exit_code == 0, result.stderr
    assert "Acme Corp wins Edison Award" in result.stdout
    assert "warning:" in result.stderr
    for stream in (result.stdout, result.stderr):
        for bad in ("\x1b", "\x9b", "\r", "\u202e", "\u202c", "\u200b", "\u200d", "\x07"):
            assert bad not in stream, repr(bad)


def test_o7_log_lines_under_verbose_carry_no_control_sequences() -> None:
    """Logs quote what servers sent (a parser's complaint about a feed's bytes)."""
    import logging

    from research.cli.verbose import SafeFormatter as _SafeFormatter

    record = logging.LogRecord(
        "sources.fetch", logging.ERROR, __file__, 1,
        "unexpected error while reading %s", ("\x1b]8;;https://evil.example\x07x\x1b[2J\u202e\r",),
        None,
    )  # fmt: skip
    line = _SafeFormatter("%(levelname)s %(name)s: %(message)s").format(record)
    assert line.startswith("ERROR sources.fetch: unexpected error while reading")
    for bad in ("\x1b", "\x07", "\u202e", "\r"):
        assert bad not in line

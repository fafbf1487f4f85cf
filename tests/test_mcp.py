"""Issue 16: `research mcp`, driven as an assistant drives it, with the SDK's own stdio client.

One server answers from the Acme recording (`--replay`) for the whole module: its tools are
listed and called, their answers checked against docs/schema/, and hostile calls refused. A
second one, live against the local test server's slow search, takes a burst of calls. Nothing
here reaches the network.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import anyio
import pytest
from anyio.from_thread import BlockingPortal, start_blocking_portal
from mcp import Client, StdioServerParameters
from mcp.client.stdio import stdio_client
from mcp.types import CallToolResult
from typer.testing import CliRunner

import research
from research.cli import app
from research.digest.data import CompanySection, Digest, IsoWeek
from research.mcp.tools import MAX_FETCHING, Busy, Tools

from .helpers import RECORDED_AT
from .schemas import validate
from .server import FIXTURES, Reply, TestServer

RECORDING = FIXTURES / "feeds"
TOOLS = {"find_good_news", "congratulate", "draft_note", "find_articles", "watchlist_digest"}
TOPIC = "supply chain visibility"  # what the Acme recording answers
LATEST = "research://digests/latest"
RECORDED_WEEK = IsoWeek.of(RECORDED_AT)


@dataclass(frozen=True)
class Session:
    """A client connected to a server, called from plain test functions through the portal's
    event loop; ``progress`` collects the progress notifications of the calls that ask for it."""

    portal: BlockingPortal
    client: Client
    home: Path
    stderr: Path
    progress: list[tuple[float, float | None]] = field(default_factory=list)

    def call(self, tool: str, arguments: dict[str, Any], *, progress: bool = False) -> CallToolResult:
        async def heard(done: float, total: float | None, message: str | None) -> None:
            self.progress.append((done, total))

        return self.portal.call(
            lambda: self.client.call_tool(tool, arguments, progress_callback=heard if progress else None)
        )

    def answer(self, tool: str, arguments: dict[str, Any], *, progress: bool = False) -> Any:
        """The answer of a call that must succeed: its structured content, which is also the
        JSON text the model reads."""
        result = self.call(tool, arguments, progress=progress)
        assert not result.is_error, result.content
        assert json.loads(result.content[0].text) == result.structured_content  # type: ignore[union-attr]
        return result.structured_content

    def refusal(self, tool: str, arguments: dict[str, Any]) -> str:
        """The message of a call that must come back as a tool error."""
        result = self.call(tool, arguments)
        assert result.is_error, result.structured_content
        return str(result.content[0].text)  # type: ignore[union-attr]


@contextlib.contextmanager
def serving(args: list[str], env: dict[str, str], folder: Path) -> Iterator[Session]:
    """`research mcp ARGS` started by the SDK's stdio client, its stderr kept in a file."""
    home = folder / "home"
    params = StdioServerParameters(
        command=sys.executable,
        args=["-m", "research", "mcp", *args],
        env={"RESEARCH_HOME": str(home), **env},
    )
    stderr = folder / "server-stderr.txt"
    with stderr.open("w") as errlog, start_blocking_portal() as portal:
        client = Client(stdio_client(params, errlog=errlog), read_timeout_seconds=60)
        with portal.wrap_async_context_manager(client):
            yield Session(portal, client, home, stderr)


@pytest.fixture(scope="module")
def replayed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    with serving(["--replay", str(RECORDING)], {}, tmp_path_factory.mktemp("replayed")) as session:
        yield session


@pytest.fixture(scope="module")
def saved_week(replayed: Session) -> None:
    """The recorded week's digest of Acme Corp, saved in the server's store as
    `research digest` saves it."""
    settings = research.load_settings({}, home=replayed.home)
    found = research.research("acme-corp", replay=RECORDING, settings=settings)
    research.watch(["acme-corp"], settings=settings)
    digest = Digest(RECORDED_WEEK, (CompanySection(found.company, found.events),))
    research.save_digest(digest, settings=settings, now=RECORDED_AT)


# --- what an assistant sees and gets ------------------------------------------------------------


def test_the_tools_and_the_resource_are_listed_with_schemas_an_assistant_can_act_on(
    replayed: Session,
) -> None:
    tools = {tool.name: tool for tool in replayed.portal.call(replayed.client.list_tools).tools}
    assert set(tools) == TOOLS
    for tool in tools.values():
        assert tool.description and len(tool.description) > 150, tool.name
        for name, schema in tool.input_schema["properties"].items():
            assert schema.get("description"), (tool.name, name)
    news = tools["find_good_news"].input_schema
    assert news["required"] == ["company"]
    assert news["properties"]["company"]["maxLength"] == 200
    assert (news["properties"]["days"]["minimum"], news["properties"]["days"]["maximum"]) == (1, 365)
    assert news["properties"]["limit"]["default"] == 10
    assert news["properties"]["feeds"]["maxItems"] == 50
    assert news["properties"]["topics"]["maxItems"] == 10
    note = tools["draft_note"].input_schema
    assert set(note["required"]) == {"company", "to", "role"}
    assert note["properties"]["round"]["enum"] == ["first", "second", "final"]
    assert note["properties"]["tone"]["enum"] == ["formal", "warm"]
    assert tools["congratulate"].annotations and tools["congratulate"].annotations.read_only_hint
    resources = replayed.portal.call(replayed.client.list_resources).resources
    assert [(str(r.uri), r.mime_type) for r in resources] == [(LATEST, "application/json")]


def test_find_good_news_answers_the_result_document_with_progress(replayed: Session) -> None:
    replayed.progress.clear()
    answer = replayed.answer("find_good_news", {"company": "acme-corp"}, progress=True)
    validate(answer, "result")
    assert answer["replayed"] and answer["sources_answered"] == answer["sources_total"] == 3
    first = answer["events"][0]
    assert first["title"] == "Acme Corp wins Edison Award for HomeCell solar battery"
    assert first["url"].startswith("https://") and first["published"].startswith("2026-11-18")
    assert {(s["tone"], s["variant"]) for s in first["snippets"]} == {
        (tone, variant) for tone in ("formal", "warm") for variant in range(3)
    }
    # Told as the sources answered, in order, and all of it before the answer.
    assert replayed.progress[0] == (0, 3) and replayed.progress[-1] == (3, 3)
    assert [done for done, _ in replayed.progress] == sorted({d for d, _ in replayed.progress})


def test_a_failed_fetch_comes_back_as_failures_not_as_no_news(replayed: Session) -> None:
    nothing = replayed.answer("find_good_news", {"company": "beta-labs", "days": 7})
    validate(nothing, "result")
    assert nothing["events"] == [] and nothing["sources_answered"] == 0
    assert [f["reason"] for f in nothing["failures"]] == ["not_recorded"] * 3
    partial = replayed.answer(
        "find_good_news",
        {"company": "acme-corp", "feeds": ["https://feeds.example/gone.xml"], "limit": 2},
    )
    validate(partial, "result")
    assert len(partial["events"]) == 2 and partial["sources_answered"] == 3
    assert [f["url"] for f in partial["failures"]] == ["https://feeds.example/gone.xml"]


def test_congratulate_writes_the_sentence_or_refuses_with_the_reasons(replayed: Session) -> None:
    written = replayed.answer(
        "congratulate",
        {"headline": "Acme wins 2026 Edison Award", "company": "Acme Corp", "tone": "warm"},
    )
    refused = replayed.answer(
        "congratulate", {"headline": "Acme Corp to cut 200 jobs", "company": "Acme Corp"}
    )
    for answer in (written, refused):
        validate(answer, "congratulation")
    assert written["sentence"] == (
        "Congratulations to you and the Acme Corp team on winning the 2026 Edison Award, so "
        "well deserved!"
    )
    assert written["clause"] == "won the 2026 Edison Award"
    assert refused["sentence"] is None and "layoffs" in refused["refusal"]


def test_draft_note_answers_the_note_document(replayed: Session) -> None:
    note = replayed.answer(
        "draft_note",
        {"company": "acme-corp", "to": "Jane Doe", "role": "Analyst", "topic": "Denver office",
         "tone": "warm", "round": "final"},
    )  # fmt: skip
    validate(note, "note")
    assert note["greeting"] == "Hi Jane,"
    assert "final round" in note["paragraphs"][0] and "Denver office" in note["text"]
    assert note["event"]["url"] and note["congratulation"]["clause"] in note["text"]
    failed = replayed.refusal("draft_note", {"company": "beta-labs", "to": "Jane", "role": "CTO"})
    assert "every source failed for Beta Labs (3)" in failed
    assert "no note was written" in failed


def test_the_saved_digest_as_a_tool_and_as_the_latest_digest_resource(
    replayed: Session, saved_week: None
) -> None:
    digest = replayed.answer("watchlist_digest", {"week": "2026-W47"})
    validate(digest, "digest")
    (acme,) = digest["companies"]
    assert acme["name"] == "Acme Corp" and acme["events"]
    assert all(e["published"].startswith("2026-11-1") for e in acme["events"])  # of that week
    assert replayed.answer("watchlist_digest", {}) == digest  # the newest saved one
    read = replayed.portal.call(lambda: replayed.client.read_resource(LATEST))
    (contents,) = read.contents
    assert contents.mime_type == "application/json"
    assert json.loads(contents.text) == digest  # type: ignore[union-attr]


def test_sources_and_no_sources_switch_the_built_in_sources_for_one_call(
    replayed: Session,
) -> None:
    tools = {tool.name: tool for tool in replayed.portal.call(replayed.client.list_tools).tools}
    for name in ("find_good_news", "draft_note"):
        for switch in ("sources", "no_sources"):
            schema = tools[name].input_schema["properties"][switch]
            assert schema["items"]["enum"] == ["google-news", "bing-news", "gdelt", "sec-edgar", "wire"]
            assert schema["default"] == [] and switch not in tools[name].input_schema["required"]
    # Off: not fetched, so neither counted nor failed, where it failed before.
    nothing = replayed.answer("find_good_news", {"company": "beta-labs", "no_sources": ["gdelt"]})
    validate(nothing, "result")
    assert nothing["sources_total"] == 2
    assert [f["source"] for f in nothing["failures"]] == ["google-news", "bing-news"]
    acme = replayed.answer("find_good_news", {"company": "acme-corp", "no_sources": ["gdelt", "bing-news"]})
    validate(acme, "result")
    assert acme["sources_total"] == acme["sources_answered"] == 1 and not acme["failures"]
    assert acme["events"] and {e["source"] for e in acme["events"]} == {"google-news"}
    failed = replayed.refusal(
        "draft_note", {"company": "beta-labs", "to": "Jane", "role": "CTO", "no_sources": ["gdelt"]}
    )
    assert "every source failed for Beta Labs (2)" in failed


def test_find_articles_answers_the_document_research_article_json_prints(
    replayed: Session, acme_replay: Path
) -> None:
    schema = {t.name: t for t in replayed.portal.call(replayed.client.list_tools).tools}[
        "find_articles"
    ].input_schema
    assert schema["required"] == ["topic"]
    assert schema["properties"]["topic"]["maxLength"] == 100
    assert (schema["properties"]["limit"]["maximum"], schema["properties"]["limit"]["default"]) == (50, 5)
    assert schema["properties"]["competitors"]["maxItems"] == 20
    assert schema["properties"]["no_sources"]["items"]["enum"][:3] == ["google-news", "bing-news", "gdelt"]
    found = replayed.answer("find_articles", {"topic": TOPIC, "company": "acme-corp"})
    validate(found, "articles")
    assert found["replayed"] and found["sources_total"] == 3 and not found["failures"]
    assert found["articles"][0]["title"].startswith("Mid-size shippers close the supply chain")
    assert "about Acme Corp itself, not the topic" in {s["reason"] for s in found["skipped"]}
    printed = CliRunner().invoke(
        app, ["article", "--topic", TOPIC, "--company", "acme-corp", "--replay", str(acme_replay), "--json"]
    )
    assert printed.exit_code == 0, printed.stderr
    assert json.loads(printed.stdout) == found
    # The switches as for a company's research: a search off is neither counted nor failed.
    fewer = replayed.answer("find_articles", {"topic": TOPIC, "limit": 1, "no_sources": ["gdelt"]})
    validate(fewer, "articles")
    assert fewer["sources_total"] == 2 and len(fewer["articles"]) == 1 and not fewer["failures"]


def test_find_articles_takes_a_place_among_the_calls_fetching_at_once(tmp_path: Path) -> None:
    """Refused while MAX_FETCHING calls fetch, whatever they are, and served once one is done."""
    tools = Tools(research.load_settings({}, home=tmp_path), RECORDING)
    tools.fetching = MAX_FETCHING
    with pytest.raises(Busy, match="busy: 3 calls are already fetching news"):
        anyio.run(lambda: tools.find_articles(TOPIC))
    tools.fetching = MAX_FETCHING - 1
    assert anyio.run(lambda: tools.find_articles(TOPIC))["articles"]
    assert tools.fetching == MAX_FETCHING - 1  # its place given back


# --- a hostile caller ---------------------------------------------------------------------------

PRIVATE = "refused to connect to"
HOSTILE = [
    ("find_good_news", {"company": "A" * 1000}, "the company name is 1000 characters long; at most 200"),
    ("find_good_news", {"company": "Acme", "aliases": ["B" * 300]}, "is 300 characters long"),
    ("congratulate", {"headline": "Acme wins " * 500, "company": "Acme"}, "a headline has at most 2,000"),
    ("find_good_news", {"company": "Acme", "feeds": ["file:///etc/passwd"]}, "not an http(s) URL: 'file:///etc/passwd'"),
    ("find_good_news", {"company": "Acme", "feeds": ["/etc/passwd"]}, "not an http(s) URL"),
    ("find_good_news", {"company": "Acme", "feeds": ["http://10.0.0.1/feed"]}, f"{PRIVATE} 10.0.0.1: a private network address"),
    ("find_good_news", {"company": "Acme", "feeds": ["http://169.254.169.254/latest/meta-data/"]}, "a link-local address"),
    ("find_good_news", {"company": "Acme", "feeds": ["http://127.0.0.1:9/feed"]}, f"{PRIVATE} 127.0.0.1: a loopback address"),
    ("find_good_news", {"company": "Acme", "feeds": ["http://[::ffff:127.0.0.1]/feed"]}, "a loopback address"),
    ("find_good_news", {"company": "Acme", "feeds": [f"https://f{n}.example/" for n in range(51)]}, "more than 50 feeds"),
    ("find_good_news", {"company": "Acme", "days": 100000}, "days must be a whole number from 1 to 365; got 100000"),
    ("find_good_news", {"company": "Acme", "limit": 0}, "limit must be a whole number from 1 to 100"),
    ("find_good_news", {"company": "Acme", "topics": [f"topic {n}" for n in range(11)]}, "11 topics given; at most 10"),
    ("find_good_news", {"company": "Acme", "days": "a month"}, "days"),
    ("draft_note", {"company": "Acme", "to": "Dr.", "role": "Analyst"}, "the recipient needs a name"),
    ("draft_note", {"company": "Acme", "to": "Jane", "role": "R" * 500}, "the role must be 1 to 120 characters"),
    ("find_good_news", {"company": "Acme", "no_sources": ["reddit"]}, "unknown source 'reddit' in no_sources; the sources are google-news, bing-news, gdelt, sec-edgar, wire"),
    ("find_good_news", {"company": "Acme", "sources": ["gdelt"], "no_sources": ["gdelt"]}, "source 'gdelt' is both switched on and off"),
    ("find_good_news", {"company": "Acme", "no_sources": "gdelt"}, "no_sources"),
    ("draft_note", {"company": "Acme", "to": "Jane", "role": "Analyst", "sources": ["twitter"]}, "unknown source 'twitter' in sources"),
    ("find_articles", {"topic": ""}, "topic '' must have a word or two to look for"),
    ("find_articles", {"topic": "T" * 500}, "(at most 100 characters)"),
    ("find_articles", {"topic": TOPIC, "limit": 51}, "limit must be a whole number from 1 to 50; got 51"),
    ("find_articles", {"topic": TOPIC, "days": 0}, "days must be a whole number from 1 to 365"),
    ("find_articles", {"topic": TOPIC, "company": "A" * 1000}, "the company name is 1000 characters long"),
    ("find_articles", {"topic": TOPIC, "competitors": [f"Rival {n}" for n in range(21)]}, "at most 20 competitors"),
    ("find_articles", {"topic": TOPIC, "no_sources": ["reddit"]}, "unknown source 'reddit' in no_sources"),
    ("find_articles", {"topic": TOPIC, "no_sources": ["google-news", "bing-news", "gdelt"]}, "no sources: articles are found through the news searches"),
    ("watchlist_digest", {"week": "1999-W01"}, "no digest is saved for 1999-W01; saved weeks: 2026-W47"),
    ("watchlist_digest", {"week": "last week"}, "week must look like 2026-W47"),
]  # fmt: skip


@pytest.mark.parametrize(("tool", "arguments", "message"), HOSTILE, ids=lambda v: str(v)[:40])
def test_a_hostile_call_gets_a_clear_tool_error_and_the_server_keeps_serving(
    replayed: Session, saved_week: None, tool: str, arguments: dict[str, Any], message: str
) -> None:
    assert message in replayed.refusal(tool, arguments)
    again = replayed.answer("congratulate", {"headline": "Acme wins award", "company": "Acme"})
    assert again["congratulable"]
    assert "Traceback" not in replayed.stderr.read_text()  # refused on purpose, not a crash


def test_a_burst_of_calls_beyond_the_limit_is_refused_at_once_and_fetches_nothing(
    tmp_path: Path,
) -> None:
    """Live against the local test server, whose searches answer after half a second: the calls
    that find no place are refused while the first ones wait, and never reach the server."""
    with TestServer() as search:
        for path, fixture in (("/google", "google-news-acme-corp.xml"),
                              ("/bing", "bing-news-acme-corp.xml")):  # fmt: skip
            body = (RECORDING / fixture).read_bytes()
            search.route(path, *[Reply(200, body, delay=0.5)] * MAX_FETCHING, Reply(200, body))
        search.route("/gdelt", Reply(200, b"{}"))
        env = {
            "RESEARCH_GOOGLE_NEWS_URL": search.url("/google"),
            "RESEARCH_BING_NEWS_URL": search.url("/bing"),
            "RESEARCH_GDELT_URL": search.url("/gdelt"),
            "RESEARCH_ALLOW_PRIVATE": "127.0.0.1",
        }
        with serving([], env, tmp_path) as session:
            answers: list[CallToolResult] = []

            async def burst() -> None:
                async def one() -> None:
                    answers.append(await session.client.call_tool("find_good_news", {"company": "acme-corp"}))

                async with anyio.create_task_group() as calls:
                    for _ in range(20):
                        calls.start_soon(one)

            session.portal.call(burst)
            refused = [a for a in answers if a.is_error]
            answered = [a.structured_content for a in answers if not a.is_error]
            assert len(answers) == 20 and len(answered) == MAX_FETCHING
            for result in refused:
                assert "busy: 3 calls are already fetching news" in result.content[0].text  # type: ignore[union-attr]
            for document in answered:
                validate(document, "result")
                assert document["events"] and not document["failures"]
            assert len(search.hits_for("/google")) == MAX_FETCHING  # the refused asked nothing
            after = session.answer("find_good_news", {"company": "acme-corp"})
            assert after["events"] and len(search.hits_for("/google")) == MAX_FETCHING + 1


# --- the SDK stays optional ---------------------------------------------------------------------


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)


def test_without_the_sdk_research_mcp_says_how_to_install_it() -> None:
    done = _run(
        "import sys; sys.modules['mcp'] = None  # as if it were not installed\n"
        "sys.argv = ['research', 'mcp']\n"
        "from research.cli import main; main()"
    )
    assert done.returncode == 1 and done.stdout == ""
    (line,) = done.stderr.splitlines()  # one line, no traceback
    assert line.startswith("error: research mcp needs the MCP Python SDK (mcp 2.3 or later")
    assert line.endswith("; install it with: pip install 'research[mcp]'")


def test_importing_research_and_its_help_load_no_sdk() -> None:
    done = _run(
        "import sys, research, research.cli\n"
        "sys.argv = ['research', '--help']\n"
        "try:\n    research.cli.main()\nexcept SystemExit:\n    pass\n"
        "print('\\n'.join(sys.modules), file=sys.stderr)"
    )
    loaded = set(done.stderr.split())
    assert "research.cli.mcp" in loaded and "research.cli.news" in loaded  # the help was built
    assert not {m for m in loaded if m.split(".")[0] in ("mcp", "mcp_types")}
    assert "research.mcp" not in loaded

"""An article worth sharing (issue 15): `research article` and `research.find_articles` end to
end on the local server and from a replay folder, the note's line offering the best piece, and
the ways a search fails. Every answer here is written for these tests, in our own words."""

from __future__ import annotations

import dataclasses
import json
import shutil
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from typer.testing import CliRunner

import research
from research.cli import app
from research.write.render import articles_to_dict, note_to_dict
from sources import HttpLimits
from sources.models import Query
from sources.providers.endpoints import bing_news_url, gdelt_url, google_news_url

from .helpers import RECORDED_AT
from .schemas import validate
from .server import Reply, TestServer

runner = CliRunner()
TOPIC = "supply chain visibility"
JSON = {"Content-Type": "application/json; charset=utf-8"}
RSS = {"Content-Type": "application/rss+xml; charset=utf-8"}
TRADE = "https://www.supplychaindive.com/news/visibility-midsize-shippers/1/"

LEAD = (
    "Mid-size shippers that can see each order from the supplier's dock to the store shelf "
    "carry less safety stock, planners told us, and supply chain visibility tools now cost a "
    "fraction of what they did, because carriers share tracking data with each other."
)


def rss(*items: tuple[str, str, str, str, str]) -> bytes:
    """A news search's RSS: (title, link, date, publisher, summary) for each item."""
    body = "".join(
        f"<item><title>{title} - {publisher}</title><link>{link}</link>"
        f"<pubDate>{date}</pubDate><description>{summary}</description>"
        f'<source url="https://{urlsplit(link).hostname}">{publisher}</source></item>'
        for title, link, date, publisher, summary in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>search</title>{body}</channel></rss>"
    ).encode()


def google_answer(at: datetime) -> bytes:
    """Google News on the topic, as asked at ``at``: a trade piece, the company's own news and
    another company's release, all of the last three days."""
    return rss(
        (
            "What supply chain visibility is worth to mid-size shippers",
            TRADE,
            _rss_date(at - timedelta(days=2, hours=2)),
            "Supply Chain Dive",
            LEAD,
        ),
        (
            "Acme Corp adds supply chain visibility to its delivery fleet",
            "https://www.freightwaves.com/news/acme-fleet-visibility",
            _rss_date(at - timedelta(days=1, hours=4)),
            "FreightWaves",
            "",
        ),
        (
            "Beta Labs launches a supply chain visibility suite",
            "https://www.prnewswire.com/news-releases/beta-labs-visibility-1.html",
            _rss_date(at - timedelta(days=2, hours=23)),
            "PR Newswire",
            "",
        ),
    )


def gdelt_answer(at: datetime) -> bytes:
    """GDELT on the topic, as asked at ``at``: a survey, an opinion, a paywalled piece and one
    older than any window."""
    seen = [
        ("https://www.logisticsmgmt.com/article/visibility_survey",
         "Survey : supply chain visibility budgets rise", timedelta(days=4, hours=3)),
        ("https://opinions.example/opinion/visibility-is-a-fad",
         "Supply chain visibility is a fad", timedelta(days=1, hours=3)),
        ("https://www.wsj.com/articles/visibility-costs",
         "The real cost of supply chain visibility", timedelta(days=1)),
        ("https://www.supplychaindive.com/news/visibility-2024/",
         "Supply chain visibility, two years on", timedelta(days=80, hours=3)),
    ]  # fmt: skip
    articles = [
        {
            "url": url,
            "title": title,
            "seendate": (at - age).strftime("%Y%m%dT%H%M%SZ"),
            "domain": urlsplit(url).hostname.removeprefix("www."),  # type: ignore[union-attr]
        }
        for url, title, age in seen
    ]
    return json.dumps({"articles": articles}).encode()


def _rss_date(when: datetime) -> str:
    return format_datetime(when, usegmt=True)


GOOGLE_ANSWER = google_answer(RECORDED_AT)
GDELT_ANSWER = gdelt_answer(RECORDED_AT)


def serve_topic(
    server: TestServer,
    monkeypatch: pytest.MonkeyPatch,
    *,
    gdelt: Reply,
    google: bytes = GOOGLE_ANSWER,
) -> None:
    """The searches on the local server: Google News answers, Bing is down, GDELT as given."""
    monkeypatch.setenv("RESEARCH_GOOGLE_NEWS_URL", server.route("/google", Reply(200, google, RSS)))
    monkeypatch.setenv("RESEARCH_BING_NEWS_URL", server.route("/bing", Reply(503, b"down")))
    monkeypatch.setenv("RESEARCH_GDELT_URL", server.route("/gdelt", gdelt))  # fmt: skip


def quick(limits: HttpLimits) -> research.Settings:
    """Settings with short waits and no retries, read once the searches point at the server."""
    return research.load_settings(http=dataclasses.replace(limits, retries=0))


def test_trade_pieces_on_the_topic_come_first_and_the_rest_say_why_not(
    server: TestServer, monkeypatch: pytest.MonkeyPatch, fast_limits: HttpLimits
) -> None:
    serve_topic(server, monkeypatch, gdelt=Reply(200, GDELT_ANSWER, JSON))
    found = research.find_articles(
        TOPIC, company="acme-corp", now=RECORDED_AT, settings=quick(fast_limits)
    )
    assert [a.url for a in found.articles] == [
        TRADE,
        "https://www.logisticsmgmt.com/article/visibility_survey",
    ]
    best = found.articles[0]
    assert (best.publisher, best.trade, best.source) == ("Supply Chain Dive", True, "google-news")
    assert found.articles[1].title == "Survey: supply chain visibility budgets rise"
    reasons = {s.title: s.reason for s in found.skipped}
    assert reasons["Acme Corp adds supply chain visibility to its delivery fleet"] == (
        "about Acme Corp itself, not the topic"
    )
    assert "press release" in reasons["Beta Labs launches a supply chain visibility suite"]
    assert "opinion piece" in reasons["Supply chain visibility is a fad"]
    assert "paywalled" in reasons["The real cost of supply chain visibility"]
    assert reasons["Supply chain visibility, two years on"] == "older than 30 days"
    assert [(f.source, f.reason) for f in found.failures] == [("bing-news", "server_error")]
    assert not found.all_failed and found.sources_total == 3
    # The topic is the query, through the same URL builders as a company's searches.
    (hit,) = server.hits_for("/gdelt")
    assert parse_qs(urlsplit(hit.path).query)["query"] == [f'"{TOPIC}" sourcelang:english']
    validate(articles_to_dict(found), "articles")


def test_the_cli_lists_them_and_prints_json(
    server: TestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    now = datetime.now(timezone.utc)  # the command reads the clock
    serve_topic(
        server, monkeypatch, gdelt=Reply(200, gdelt_answer(now), JSON), google=google_answer(now)
    )
    done = runner.invoke(app, ["article", "--topic", TOPIC, "--company", "acme-corp", "-v"])
    assert done.exit_code == 0, done.stderr
    assert "warning: bing-news failed" in done.stderr
    assert (
        f"on '{TOPIC}' in the last" in done.stdout and "(not about Acme Corp itself)" in done.stdout
    )
    assert "1. What supply chain visibility is worth to mid-size shippers" in done.stdout
    assert "Skipped:" in done.stdout
    done = runner.invoke(app, ["article", "--topic", TOPIC, "--json", "--no-source", "bing-news"])
    document = json.loads(done.stdout)
    validate(document, "articles")
    assert document["company"] is None and document["sources_total"] == 2
    # Without a company, its own news is judged on the topic alone.
    assert "https://www.freightwaves.com/news/acme-fleet-visibility" in [
        a["url"] for a in document["articles"]
    ]


def test_a_named_competitor_is_skipped(server: TestServer, monkeypatch: pytest.MonkeyPatch) -> None:
    serve_topic(server, monkeypatch, gdelt=Reply(200, b"{}", JSON))
    found = research.find_articles(TOPIC, competitors=["Acme Corp"], now=RECORDED_AT)
    assert "https://www.freightwaves.com/news/acme-fleet-visibility" not in [
        a.url for a in found.articles
    ]


@pytest.mark.parametrize(
    ("reply", "reason"),
    [
        (Reply(200, b"Please limit requests to one every 5 seconds", RSS), "rate_limited"),
        (Reply(200, b'{"articles": [', JSON), "malformed"),
        (Reply(403, b"<html>no</html>", RSS), "blocked"),
        (Reply(200, b"{}", JSON, delay=3.0), "timed_out"),
    ],
    ids=["rate-limited", "malformed", "blocked", "slow"],
)
def test_a_failing_search_is_reported_and_the_others_still_count(
    server: TestServer,
    monkeypatch: pytest.MonkeyPatch,
    fast_limits: HttpLimits,
    reply: Reply,
    reason: str,
) -> None:
    serve_topic(server, monkeypatch, gdelt=reply)
    found = research.find_articles(TOPIC, now=RECORDED_AT, settings=quick(fast_limits))
    assert ("gdelt", reason) in [(f.source, f.reason) for f in found.failures]
    assert found.articles[0].url == TRADE


def test_nothing_found_is_not_a_failure(
    server: TestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RESEARCH_GOOGLE_NEWS_URL", server.route("/google", Reply(200, rss(), RSS)))
    monkeypatch.setenv("RESEARCH_GDELT_URL", server.route("/gdelt", Reply(200, b"{}", JSON)))
    done = runner.invoke(app, ["article", "--topic", TOPIC, "--no-source", "bing-news"])
    assert done.exit_code == 0, done.stderr
    assert f"No article on '{TOPIC}' in the last 30 days." in done.stdout


@pytest.mark.usefixtures("gdelt_down")
def test_every_search_failing_is_said_and_exits_1() -> None:
    done = runner.invoke(app, ["article", "--topic", TOPIC])
    assert done.exit_code == 1
    assert "error: every source failed (3)" in done.stderr


def test_bad_input_is_a_usage_error() -> None:
    assert runner.invoke(app, ["article", "--topic", "   "]).exit_code == 2
    with pytest.raises(research.InvalidInput, match="switched off"):
        research.find_articles(TOPIC, no_sources=["google-news", "bing-news", "gdelt"])
    with pytest.raises(research.InvalidInput, match="topic"):
        research.find_articles(42)  # type: ignore[arg-type]


def test_offline_answers_from_what_a_live_search_stored(
    server: TestServer, monkeypatch: pytest.MonkeyPatch, fast_limits: HttpLimits
) -> None:
    serve_topic(server, monkeypatch, gdelt=Reply(200, GDELT_ANSWER, JSON))
    live = research.find_articles(TOPIC, now=RECORDED_AT, settings=quick(fast_limits))
    stored = research.find_articles(TOPIC, now=RECORDED_AT, offline=True)
    assert stored.offline and [a.url for a in stored.articles] == [a.url for a in live.articles]
    assert [f.reason for f in stored.failures] == ["not_stored"]  # Bing never answered
    other = research.find_articles("warehouse robots", offline=True, now=RECORDED_AT)
    assert other.all_failed and not other.articles


# --- a replay folder, and the note's line ------------------------------------------------------


def recording(folder: Path) -> Path:
    """The Acme Corp recording, plus the three searches for the topic (written here)."""
    shutil.copytree(Path(__file__).resolve().parent.parent / "fixtures" / "feeds", folder)
    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    query = Query(TOPIC, (), 30)
    (folder / "topic-google.xml").write_bytes(GOOGLE_ANSWER)
    (folder / "topic-bing.xml").write_bytes(rss())
    (folder / "topic-gdelt.json").write_bytes(GDELT_ANSWER)
    index["responses"] += [
        {"url": google_news_url(query), "status": 200, "headers": {"content-type": RSS["Content-Type"]}, "body": "topic-google.xml"},
        {"url": bing_news_url(query), "status": 200, "headers": {"content-type": RSS["Content-Type"]}, "body": "topic-bing.xml"},
        {"url": gdelt_url(query), "status": 200, "headers": {"content-type": JSON["Content-Type"]}, "body": "topic-gdelt.json"},
    ]  # fmt: skip
    (folder / "index.json").write_text(json.dumps(index), encoding="utf-8")
    return folder


@pytest.fixture
def replay(tmp_path: Path, acme_replay: Path) -> Path:
    return recording(tmp_path / "recording")


def test_a_replay_finds_the_same_articles_without_the_network(replay: Path) -> None:
    found = research.find_articles(TOPIC, company="acme-corp", replay=replay)
    assert found.replayed and not found.failures
    assert found.generated_at == RECORDED_AT
    assert found.articles[0].url == TRADE


def _note(replay: Path, *extra: str, topic: str = TOPIC) -> tuple[int, str, str]:
    done = runner.invoke(
        app,
        ["note", "acme-corp", "--to", "Jane Doe", "--role", "Analyst", "--topic", topic,
         "--replay", str(replay), *extra],
    )  # fmt: skip
    return done.exit_code, done.stdout, done.stderr


def test_the_note_offers_the_best_piece_in_one_line(replay: Path) -> None:
    code, out, err = _note(replay)
    assert code == 0, err
    line = (
        f"I came across this piece in Supply Chain Dive on {TOPIC} and thought of our "
        f"conversation: {TRADE}"
    )
    paragraphs = out.split("\n\n")
    assert line in paragraphs
    assert (
        paragraphs.index(line)
        == next(i for i, p in enumerate(paragraphs) if p.startswith("If there is anything else"))
        - 1
    )
    code, out, _ = _note(replay, "--json", "--tone", "warm")
    document = json.loads(out)
    validate(document, "note")
    assert document["article"]["url"] == TRADE
    assert "and it made me think of our conversation" in document["text"]


def test_no_article_turns_the_line_off(replay: Path) -> None:
    code, out, err = _note(replay, "--no-article", "--json")
    assert code == 0, err
    document = json.loads(out)
    assert document["article"] is None and "came across" not in document["text"]


def test_a_failed_article_search_costs_the_line_not_the_note(acme_replay: Path) -> None:
    # the plain recording holds searches for one topic only, not this one
    code, out, err = _note(acme_replay, topic="cold chain monitoring")
    assert code == 0, err
    assert "came across" not in out
    assert "note: No article offered: every search for 'cold chain monitoring' failed" in err


@pytest.mark.parametrize("trade_piece_in_google", [True, False])
def test_a_live_note_asks_gdelt_for_its_article_only_when_the_other_searches_find_none(
    server: TestServer, monkeypatch: pytest.MonkeyPatch, trade_piece_in_google: bool
) -> None:
    """GDELT asks for seconds between two requests and the company's research has just asked
    it: the note's article search asks the other searches first, GDELT only if they find none."""
    now = datetime.now(timezone.utc)  # the command reads the clock
    google = google_answer(now) if trade_piece_in_google else rss()
    serve_topic(server, monkeypatch, gdelt=Reply(200, gdelt_answer(now), JSON), google=google)
    argv = ["note", "acme-corp", "--to", "Jane Doe", "--role", "Analyst", "--topic", TOPIC]
    done = runner.invoke(app, [*argv, "--json"])
    assert done.exit_code == 0, done.stderr
    offered = json.loads(done.stdout)["article"]
    gdelt_topic_searches = [
        hit for hit in server.hits_for("/gdelt") if "visibility" in hit.path.casefold()
    ]
    if trade_piece_in_google:
        assert offered["url"] == TRADE
        assert gdelt_topic_searches == []
    else:
        assert offered["url"] == "https://www.logisticsmgmt.com/article/visibility_survey"
        assert len(gdelt_topic_searches) == 1
    assert len(server.hits_for("/gdelt")) == len(gdelt_topic_searches) + 1  # and the research


def test_a_note_whose_searches_all_fail_says_which_in_both_passes(
    server: TestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The company's own feed answers, every search fails: the note, with a remark naming the
    searches of both passes."""
    serve_topic(server, monkeypatch, gdelt=Reply(503, b"down"), google=b"not a feed")
    research.add_company("Acme Corp", feeds=[server.route("/own", Reply(200, rss(), RSS))])
    argv = ["note", "acme-corp", "--to", "Jane Doe", "--role", "Analyst", "--topic", TOPIC]
    done = runner.invoke(app, argv)
    assert done.exit_code == 0, done.stderr
    assert "came across" not in done.stdout
    line = next(x for x in done.stderr.splitlines() if "No article offered" in x)
    assert f"every search for '{TOPIC}' failed" in line
    for name in ("google-news", "bing-news", "gdelt"):
        assert f"{name}:" in line


def test_the_library_note_takes_an_article_and_never_searches_itself(replay: Path) -> None:
    result = research.research("acme-corp", replay=replay, topics=[TOPIC])
    found = research.find_articles(TOPIC, company=result.company, replay=replay)
    note = research.draft_note(
        result, to="Jane Doe", role="Analyst", topic=TOPIC, article=found.articles[0]
    )
    assert note.article == found.articles[0] and TRADE in note.text
    assert (
        note_to_dict(research.draft_note(result, to="Jane Doe", role="Analyst"))["article"] is None
    )
    with pytest.raises(research.InvalidInput, match="article"):
        research.draft_note(result, to="J Doe", role="A", article="x")  # type: ignore[arg-type]

"""The follow-up note: its parts, its tones, and the case with no good news."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import research
from research.cli import app
from research.models import Tone
from research.write.note import greeting, topic_phrase

runner = CliRunner()


def test_note_thanks_names_the_topic_and_congratulates_with_the_clause(acme_replay: Path) -> None:
    note = research.draft_note(
        "acme-corp",
        to="Jane Doe",
        role="Marketing Specialist",
        topic="Denver office",
        replay=acme_replay,
    )
    assert note.subject == "Thank you for the Marketing Specialist conversation"
    assert note.greeting == "Dear Jane Doe,"
    assert note.paragraphs[0].endswith(
        "I enjoyed our second conversation, particularly our discussion of the Denver office."
    )
    assert note.event is not None and "Denver office" in note.event.topics
    assert note.paragraphs[1] == (
        "I am all the more excited about the chance to join Acme Corp, especially now that "
        "you've opened the Denver office. My congratulations to the whole team."
    )
    # The achievement is told once: not "congratulations on opening ..." and then "opened ...".
    assert note.text.count("the Denver office") == 2  # the topic, then the achievement
    assert "opening the Denver office" not in note.text
    assert "anything else I can share" in note.paragraphs[-1]
    assert note.closing.startswith("Kind regards,\n[Your name]")
    assert "!" not in note.text  # formal
    assert note.text.startswith("Subject: ")


def test_warm_note_uses_the_first_name(acme_replay: Path) -> None:
    note = research.draft_note(
        "acme-corp", to="Dr. Jane Doe", role="Analyst", tone="warm", replay=acme_replay
    )
    assert note.greeting == "Hi Jane,"
    assert note.closing.startswith("Best,")
    assert "our second conversation." in note.paragraphs[0]  # no topic, no discussion of one


@pytest.mark.parametrize("tone", ["formal", "warm"])
def test_every_event_is_named_once_in_its_note(acme_replay: Path, tone: Tone) -> None:
    """Whichever event the note rests on, its detail is in the key line and nowhere else, and
    the congratulation paragraph passes the sentence lint."""
    from .test_snippets import fragment_problems, lint

    result = research.research("acme-corp", replay=acme_replay)
    assert len(result.events) >= 5
    for event in result.events:
        note = research.draft_note(
            dataclasses.replace(result, events=(event,)), to="Jane Doe", role="Analyst", tone=tone
        )
        assert note.congratulation is not None and note.event == event
        paragraph = note.paragraphs[1]
        assert f"especially now that you've {note.congratulation.clause}." in paragraph
        assert note.text.count(note.congratulation.clause) == 1, note.text
        assert note.congratulation.text not in note.text
        words = [w.strip(",.;:!?") for w in paragraph.lower().split()]
        runs = list(zip(words, words[1:], words[2:], strict=False))
        assert len(set(runs)) == len(runs), paragraph
        for sentence in re.split(r"(?<=[.!])\s+", paragraph):
            assert not fragment_problems(sentence), sentence
        assert not lint(paragraph.split(". ")[0] + ".", "Acme Corp", tone)


@pytest.mark.parametrize(
    ("to", "formal", "warm"),
    [
        ("Jane Doe", "Dear Jane Doe,", "Hi Jane,"),
        ("Dr. Jane Doe", "Dear Dr. Jane Doe,", "Hi Jane,"),
        ("Dr Jane Doe", "Dear Dr Jane Doe,", "Hi Jane,"),
        ("Prof. Dr. Anna Schmidt", "Dear Prof. Dr. Anna Schmidt,", "Hi Anna,"),
        ("Professor Ana de la Cruz", "Dear Professor Ana de la Cruz,", "Hi Ana,"),
        ("Mx. Sam Lee", "Dear Mx. Sam Lee,", "Hi Sam,"),
        ("Mrs. Doe", "Dear Mrs. Doe,", "Hi Mrs. Doe,"),  # a title with one name: a family name
        ("Sir John Smith", "Dear Sir John,", "Hi John,"),
        ("Dame Judi Dench", "Dear Dame Judi,", "Hi Judi,"),
        ("Jane", "Dear Jane,", "Hi Jane,"),
        ("John Smith Jr.", "Dear John Smith Jr.,", "Hi John,"),
        ("Jane Doe, PhD", "Dear Jane Doe,", "Hi Jane,"),
        ("Dr. Jane Doe, PhD", "Dear Dr. Jane Doe,", "Hi Jane,"),
        ("Sam Lee MBA", "Dear Sam Lee,", "Hi Sam,"),
        ("Jane Doe, Head of Sales", "Dear Jane Doe,", "Hi Jane,"),
        ("Doe, Jane", "Dear Jane Doe,", "Hi Jane,"),
        ("J. Robert Smith", "Dear J. Robert Smith,", "Hi Robert,"),
        ("J. Smith", "Dear J. Smith,", "Hi J. Smith,"),
        ("Иван Петров", "Dear Иван Петров,", "Hi Иван,"),
        ("محمد علي", "Dear محمد علي,", "Hi محمد,"),
        ("山田 太郎", "Dear 山田 太郎,", "Hi 山田 太郎,"),  # family name first: the whole name
        ("王伟", "Dear 王伟,", "Hi 王伟,"),
        ("Hiring Team", "Dear Hiring Team,", "Hi Hiring Team,"),
    ],
)
def test_greeting_handles_titles_suffixes_and_scripts(to: str, formal: str, warm: str) -> None:
    assert (greeting(to, "formal"), greeting(to, "warm")) == (formal, warm)


@pytest.mark.parametrize("to", ["", "   ", "Dr.", "PhD", "Prof. Jr."])
def test_a_recipient_without_a_name_is_refused(acme_replay: Path, to: str) -> None:
    result = research.research("acme-corp", replay=acme_replay)
    with pytest.raises(research.InvalidInput, match="recipient"):
        research.draft_note(result, to=to, role="Analyst")


@pytest.mark.parametrize(
    ("topic", "phrase"),
    [
        ("Denver office", "the Denver office"),
        ("supply chain planning", "supply chain planning"),
        ("product launch", "the product launch"),
        ("2027 roadmap", "the 2027 roadmap"),
        ("pricing", "pricing"),
        ("Q3 results", "Q3 results"),
        ("Project Atlas", "Project Atlas"),
        ("AI", "AI"),
        ("the Denver office", "the Denver office"),
        ("your team's roadmap", "your team's roadmap"),
        ("Acme's roadmap", "Acme's roadmap"),
        ("hiring and the Denver office", "hiring and the Denver office"),
    ],
)
def test_a_topic_reads_naturally_after_our_discussion_of(topic: str, phrase: str) -> None:
    assert topic_phrase(topic) == phrase


def test_without_good_news_the_note_has_no_congratulation_and_says_so(server) -> None:  # type: ignore[no-untyped-def]
    from .server import Reply

    feed = server.route(
        "/bad",
        Reply(
            200,
            b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item>'
            b"<title>Acme Corp to cut 300 jobs</title><link>https://news.example/a</link>"
            b"<pubDate>Wed, 18 Nov 2026 10:00:00 GMT</pubDate></item></channel></rss>",
        ),
    )
    result = research.research("acme-corp", feeds=[feed], builtin=False, days=365)
    note = research.draft_note(result, to="Jane Doe", role="Analyst")
    assert note.congratulation is None
    assert len(note.paragraphs) == 2
    assert note.remarks and "has no congratulation" in note.remarks[0]


def test_note_command_prints_text_and_json(acme_replay: Path) -> None:
    text = runner.invoke(
        app,
        [
            "note",
            "acme-corp",
            "--to",
            "Jane Doe",
            "--role",
            "Analyst",
            "--replay",
            str(acme_replay),
        ],
    )
    assert text.exit_code == 0, text.stderr
    assert text.stdout.startswith("Subject: Thank you for the Analyst conversation")
    parts = runner.invoke(
        app,
        [
            "note",
            "acme-corp",
            "--to",
            "Jane Doe",
            "--role",
            "Analyst",
            "--replay",
            str(acme_replay),
            "--json",
        ],
    )
    document = json.loads(parts.stdout)
    assert set(document) >= {
        "subject",
        "greeting",
        "paragraphs",
        "closing",
        "congratulation",
        "event",
    }


@pytest.mark.parametrize(
    "args", [["--to", ""], ["--to", "Dr."], ["--tone", "casual"], ["--role", "x" * 500]]
)
def test_note_command_usage_errors(acme_replay: Path, args: list[str]) -> None:
    base = {"--to": "Jane Doe", "--role": "Analyst"}
    for flag, value in zip(args[::2], args[1::2], strict=True):
        base[flag] = value
    argv = ["note", "acme-corp", "--replay", str(acme_replay)]
    for flag, value in base.items():
        argv += [flag, value]
    result = runner.invoke(app, argv)
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr


# Every source failed: the note would say "no news" about a company nobody could check.
# The test environment points the searches at a local server that answers 404 (GDELT too, with
# the gdelt_down fixture).


def test_draft_note_refuses_when_every_source_failed(gdelt_down: None) -> None:
    with pytest.raises(research.SourcesFailed) as raised:
        research.draft_note("Beta Labs", to="Sam Lee", role="Analyst")
    error = raised.value
    assert isinstance(error, research.ResearchError)
    assert {f.source for f in error.failures} == {"google-news", "bing-news", "gdelt"}
    assert error.result.all_failed and error.failures == error.result.failures
    message = str(error)
    assert "every source failed for Beta Labs (3)" in message
    assert "google-news:" in message and "bing-news:" in message
    assert "no note was written" in message


def test_draft_note_refuses_a_given_result_whose_sources_all_failed(gdelt_down: None) -> None:
    result = research.research("Beta Labs")
    assert result.all_failed and not result.events
    for check_in in (False, True):
        with pytest.raises(research.SourcesFailed, match="every source failed"):
            research.draft_note(result, to="Sam Lee", role="Analyst", check_in=check_in)


def test_draft_note_offline_with_nothing_stored_refuses_too() -> None:
    with pytest.raises(research.SourcesFailed) as raised:
        research.draft_note("Beta Labs", to="Sam Lee", role="Analyst", offline=True)
    assert all(f.reason == "not_stored" for f in raised.value.failures)


def test_note_command_exits_1_listing_the_failures_and_prints_no_note(gdelt_down: None) -> None:
    done = runner.invoke(app, ["note", "beta-labs", "--to", "Sam Lee", "--role", "Analyst"])
    assert done.exit_code == 1, (done.stdout, done.stderr)
    assert done.stdout == ""  # nothing to paste
    lines = done.stderr.splitlines()
    assert any(line.startswith("warning: google-news failed:") for line in lines)
    assert any(line.startswith("warning: bing-news failed:") for line in lines)
    assert lines[-1].startswith("error: every source failed (3); nothing could be checked")
    assert "Check the network connection, or use --offline or --replay DIR." in lines[-1]
    assert "No positive news" not in done.stderr
    assert "Traceback" not in done.stderr


def test_note_command_offline_with_nothing_stored_says_what_to_do() -> None:
    argv = ["note", "beta-labs", "--to", "Sam Lee", "--role", "Analyst", "--offline"]
    done = runner.invoke(app, argv)
    assert done.exit_code == 1 and done.stdout == ""
    assert "Nothing is stored for it yet: run once without --offline." in done.stderr


def test_without_news_while_some_sources_failed_the_remark_says_so(server, gdelt_down) -> None:  # type: ignore[no-untyped-def]
    """One source answered with nothing to congratulate, three failed: a note, and a remark
    that does not pretend everything was checked."""
    from .server import Reply

    feed = server.route(
        "/quiet",
        Reply(
            200,
            b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>',
        ),
    )
    result = research.research("acme-corp", feeds=[feed], days=365)
    assert len(result.failures) == 3 and not result.all_failed
    note = research.draft_note(result, to="Jane Doe", role="Analyst")
    assert note.congratulation is None
    assert note.remarks == (
        "No positive news about Acme Corp in the last 365 days (3 of 4 sources failed), so the "
        "note has no congratulation.",
    )


def test_note_command_with_an_event_still_reports_that_every_source_failed(
    gdelt_down: None,
) -> None:
    argv = ["note", "beta-labs", "--to", "Sam Lee", "--role", "Analyst", "--event", "2"]
    done = runner.invoke(app, argv)
    assert done.exit_code == 1 and done.stdout == ""
    assert "error: every source failed (3)" in done.stderr
    assert "--event" not in done.stderr

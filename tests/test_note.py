"""The follow-up note: its parts, its tones, and the case with no good news."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import research
from research.cli import app

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
    assert (
        "second conversation, and especially our discussion of Denver office" in note.paragraphs[0]
    )
    assert note.event is not None and "Denver office" in note.event.topics
    assert "especially now that you've opened the Denver office." in note.paragraphs[1]
    assert "anything else I can share" in note.paragraphs[-1]
    assert note.closing.startswith("Kind regards,\n[Your name]")
    assert "!" not in note.text  # formal
    assert note.text.startswith("Subject: ")


def test_warm_note_uses_the_first_name(acme_replay: Path) -> None:
    note = research.draft_note(
        "acme-corp", to="Jane Doe", role="Analyst", tone="warm", replay=acme_replay
    )
    assert note.greeting == "Hi Jane,"
    assert note.closing.startswith("Best,")


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


@pytest.mark.parametrize("args", [["--to", ""], ["--tone", "casual"], ["--role", "x" * 500]])
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

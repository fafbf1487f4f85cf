"""The note the user controls: which conversation it follows, which event, the check-in, the
signature in its closing, and when to send it."""

from __future__ import annotations

import dataclasses
import json
import re
import typing
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

import research
import research.write.note
from research.cli import app
from research.models import Tone
from research.store.config_file import set_value
from research.write.note import Round

from .server import Reply, TestServer
from .test_snippets import fragment_problems

runner = CliRunner()
ROUNDS: tuple[Round, ...] = ("first", "second", "final")
TONES: tuple[Tone, ...] = ("formal", "warm")


@pytest.fixture
def acme(acme_replay: Path) -> research.Result:
    return research.research("acme-corp", replay=acme_replay)


def _sentences(text: str) -> list[str]:
    return [s for p in text.split("\n\n") for s in re.split(r"(?<=[.!?])\s+", p) if s]


def test_the_round_is_a_literal_and_so_is_the_tone() -> None:
    hints = typing.get_type_hints(
        research.draft_note, localns={**vars(research.write.note), "Signature": research.Signature}
    )
    assert hints["tone"] == typing.Literal["formal", "warm"]
    assert hints["round"] == typing.Literal["first", "second", "final"]


@pytest.mark.parametrize("tone", TONES)
def test_a_first_round_note_never_says_again_or_second(acme: research.Result, tone: Tone) -> None:
    note = research.draft_note(acme, to="Jane Doe", role="Analyst", tone=tone, round="first")
    assert not re.search(r"\b(again|second)\b", note.text, re.IGNORECASE), note.text
    assert note.paragraphs[0] == (
        "Thank you for taking the time to speak with me about the Analyst position. "
        "I enjoyed our conversation."
    )
    assert "continuing the conversation" in note.paragraphs[-1]


def test_the_second_round_is_the_default(acme: research.Result) -> None:
    default = research.draft_note(acme, to="Jane Doe", role="Analyst")
    second = research.draft_note(acme, to="Jane Doe", role="Analyst", round="second")
    assert default == second
    assert "speak with me again" in default.text and "our second conversation" in default.text


@pytest.mark.parametrize("tone", TONES)
def test_a_final_round_note_reads_like_the_last_step(acme: research.Result, tone: Tone) -> None:
    note = research.draft_note(
        acme,
        to="Jane Doe",
        role="Analyst",
        tone=tone,
        round="final",
        topic="Denver office",
    )
    assert note.subject == "Thank you for the final Analyst interview"
    assert note.paragraphs[0] == (
        "Thank you for taking the time to speak with me in the final round of interviews for "
        "the Analyst position. I enjoyed our conversation, particularly our discussion of the "
        "Denver office, and I appreciate the time you and the team have given me throughout "
        "the process."
    )
    assert note.paragraphs[-1].endswith("I look forward to hearing from you.")
    assert "your decision" in note.paragraphs[-1]
    assert not re.search(r"\b(again|second)\b", note.text, re.IGNORECASE)


@pytest.mark.parametrize("round_", ROUNDS)
@pytest.mark.parametrize("tone", TONES)
@pytest.mark.parametrize("check_in", [False, True])
def test_every_kind_of_note_reads_cleanly(
    acme: research.Result, round_: Round, tone: Tone, check_in: bool
) -> None:
    """Each sentence of each variant: no doubled word, bracket or stray quote; formal notes
    have no exclamation mark; the news is said once; the recipient is greeted once."""
    note = research.draft_note(
        acme,
        to="Dr. Jane Doe",
        role="Marketing Specialist",
        topic="Denver office",
        tone=tone,
        round=round_,
        check_in=check_in,
        signature=research.Signature("Ann Smith", "+1 555 0100", "ann@example.com"),
    )
    body = "\n\n".join(note.paragraphs)
    for sentence in _sentences(body):
        assert not fragment_problems(sentence), sentence
        assert sentence[0].isupper() and sentence.endswith((".", "!", "?")), sentence
    assert ("!" in note.text) is (tone == "warm")
    assert note.congratulation is not None
    assert note.text.count(note.congratulation.clause) == 1
    assert "[" not in note.text  # the signature filled every placeholder
    assert note.text.count(note.greeting) == 1


@pytest.mark.parametrize("round_", ROUNDS)
@pytest.mark.parametrize("tone", TONES)
def test_the_check_in_is_shorter_and_follows_up_on_that_round(
    acme: research.Result, round_: Round, tone: Tone
) -> None:
    thanks = research.draft_note(acme, to="Jane Doe", role="Analyst", tone=tone, round=round_)
    check_in = research.draft_note(
        acme,
        to="Jane Doe",
        role="Analyst",
        tone=tone,
        round=round_,
        check_in=True,
    )
    assert len(" ".join(check_in.paragraphs).split()) < len(" ".join(thanks.paragraphs).split())
    assert check_in.subject == "Following up on the Analyst position"
    assert "Thank you for taking the time" not in check_in.text
    followed = {
        "first": "follow up on our conversation about the Analyst position.",
        "second": "follow up on our second conversation about the Analyst position.",
        "final": "follow up on the final round of interviews for the Analyst position.",
    }[round_]
    assert check_in.paragraphs[0].endswith(followed)
    assert check_in.paragraphs[-1].startswith("Is there any news on the timeline?")
    # Briefly, the same news as the thank-you.
    assert check_in.event == thanks.event and check_in.congratulation is not None
    assert f"now that you've {check_in.congratulation.clause}." in check_in.paragraphs[1]


def test_a_check_in_without_news_still_says_the_interest(acme: research.Result) -> None:
    quiet = dataclasses.replace(acme, events=())
    note = research.draft_note(quiet, to="Jane Doe", role="Analyst", check_in=True)
    assert note.congratulation is None
    assert (
        note.paragraphs[1] == "I remain very interested in the position and in joining Acme Corp."
    )
    assert note.remarks and "has no congratulation" in note.remarks[0]
    assert "no news" not in note.text.lower() and "No positive" not in note.text


def test_each_note_says_when_to_send_it(acme: research.Result) -> None:
    thanks = research.draft_note(acme, to="Jane Doe", role="Analyst")
    check_in = research.draft_note(acme, to="Jane Doe", role="Analyst", check_in=True)
    assert thanks.timing.startswith("Send this within a day of the conversation.")
    assert "after about a week, send one short check-in" in thanks.timing
    assert "only if there is no answer by the date they gave you" in check_in.timing
    assert "one is enough" in check_in.timing
    assert thanks.timing not in thanks.text and check_in.timing not in check_in.text


def test_the_event_can_be_chosen_by_index_or_given(acme: research.Result) -> None:
    assert len(acme.events) >= 3
    third = research.draft_note(acme, to="Jane Doe", role="Analyst", event=2)
    assert third.event == acme.events[2]
    assert third.congratulation is not None
    assert third.congratulation.clause in third.paragraphs[1]
    given = research.draft_note(acme, to="Jane Doe", role="Analyst", event=acme.events[4])
    assert given.event == acme.events[4]
    # The chosen event wins over the one touching the topic.
    chosen = research.draft_note(
        acme, to="Jane Doe", role="Analyst", topic="Denver office", event=0
    )
    assert chosen.event == acme.events[0] and "Denver office" not in chosen.event.topics


@pytest.mark.parametrize("event", [10, 99, -1, True, 1.0, "2"])
def test_an_event_out_of_range_or_of_the_wrong_type_is_refused(
    acme: research.Result, event: object
) -> None:
    count = len(acme.events)
    with pytest.raises(research.InvalidInput, match="event must be") as raised:
        research.draft_note(acme, to="Jane Doe", role="Analyst", event=event)  # type: ignore[arg-type]
    if isinstance(event, int) and not isinstance(event, bool):
        assert f"which has {count} events (0 to {count - 1})" in str(raised.value)


def test_an_event_index_with_no_events_names_the_company(acme: research.Result) -> None:
    quiet = dataclasses.replace(acme, events=())
    with pytest.raises(research.InvalidInput, match="which has 0 events about Acme Corp"):
        research.draft_note(quiet, to="Jane Doe", role="Analyst", event=0)


@pytest.mark.parametrize(("field", "value"), [("tone", "casual"), ("round", "third")])
def test_a_tone_or_round_outside_the_choices_is_refused(
    acme: research.Result, field: str, value: str
) -> None:
    with pytest.raises(research.InvalidInput, match=f"{field} must be"):
        research.draft_note(acme, to="Jane Doe", role="Analyst", **{field: value})  # type: ignore[arg-type]


# The signature in the closing.


def test_a_full_signature_fills_the_closing(acme: research.Result) -> None:
    signature = research.Signature(name="Ann Smith", phone="+1 555 0100", email="ann@example.com")
    formal = research.draft_note(acme, to="Jane Doe", role="Analyst", signature=signature)
    warm = research.draft_note(
        acme, to="Jane Doe", role="Analyst", tone="warm", signature=signature
    )
    assert formal.closing == "Kind regards,\nAnn Smith\n+1 555 0100 | ann@example.com"
    assert warm.closing == "Best,\nAnn Smith"
    assert "[" not in formal.text + warm.text


def test_a_partial_signature_shows_what_is_set_and_no_placeholder_for_the_rest(
    acme: research.Result,
) -> None:
    only_name = research.Signature(name="Ann Smith")
    note = research.draft_note(acme, to="Jane Doe", role="Analyst", signature=only_name)
    assert note.closing == "Kind regards,\nAnn Smith"
    only_email = research.Signature(email="ann@example.com")
    note = research.draft_note(acme, to="Jane Doe", role="Analyst", signature=only_email)
    assert note.closing == "Kind regards,\n[Your name]\nann@example.com"


def test_no_signature_keeps_the_placeholders(acme: research.Result) -> None:
    note = research.draft_note(acme, to="Jane Doe", role="Analyst", signature=research.Signature())
    assert note.closing == "Kind regards,\n[Your name]\n[Your phone] | [Your email]"


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"name": ""}, "name must be 1 to 120"),
        ({"name": "Ann\nSmith"}, "name must be one line"),
        ({"name": "Ann \x1b[31mSmith"}, "name must be one line"),
        ({"phone": "call me"}, "phone must contain a number"),
        ({"email": "ann-at-example"}, "email must be an address"),
        ({"email": "ann@example"}, "email must be an address"),
        ({"name": 42}, "name must be text"),
    ],
)
def test_a_bad_signature_is_refused(fields: dict[str, object], problem: str) -> None:
    with pytest.raises(research.InvalidInput, match=problem):
        research.Signature(**fields)  # type: ignore[arg-type]


def test_draft_note_reads_the_saved_signature(acme: research.Result) -> None:
    set_value("signature.name", "  Ann Smith ")
    set_value("signature.email", "ann@example.com")
    note = research.draft_note(acme, to="Jane Doe", role="Analyst")
    assert note.closing == "Kind regards,\nAnn Smith\nann@example.com"


# The command.


def _note(acme_replay: Path, *extra: str) -> typing.Any:
    argv = ["note", "acme-corp", "--to", "Jane Doe", "--role", "Analyst"]
    return runner.invoke(app, [*argv, "--replay", str(acme_replay), *extra])


def test_note_command_takes_the_round(acme_replay: Path) -> None:
    first = _note(acme_replay, "--round", "first")
    assert first.exit_code == 0, first.stderr
    assert not re.search(r"\b(again|second)\b", first.stdout)
    final = _note(acme_replay, "--round", "final")
    assert final.stdout.startswith("Subject: Thank you for the final Analyst interview")
    wrong = _note(acme_replay, "--round", "third")
    assert wrong.exit_code == 2
    assert "'third' is not one of 'first', 'second', 'final'" in wrong.stderr


def test_note_command_event_is_the_number_research_lists(
    acme_replay: Path, acme: research.Result
) -> None:
    done = _note(acme_replay, "--event", "3")
    assert done.exit_code == 0, done.stderr
    clause = next(s.clause for s in acme.events[2].snippets if s.tone == "formal")
    assert f"especially now that you've {clause}." in done.stdout
    listed = runner.invoke(app, ["acme-corp", "--replay", str(acme_replay)])
    assert f"3. {acme.events[2].title}" in listed.stdout


def _many_events_feed(server: TestServer, count: int) -> str:
    """A feed of ``count`` distinct pieces of good news about Acme Corp from the last days."""
    cities = "Denver Austin Boston Chicago Seattle Portland Atlanta Miami Dallas Phoenix Detroit Tampa Omaha Reno".split()
    now = datetime.now(timezone.utc)
    items = "".join(
        f"<item><title>Acme Corp opens new office in {city}</title>"
        f"<link>https://news.example/{city.lower()}</link>"
        f"<pubDate>{format_datetime(now - timedelta(days=1 + n))}</pubDate></item>"
        for n, city in enumerate(cities[:count])
    )
    body = (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'
    )
    return server.route("/many", Reply(200, body.encode()))


def test_note_command_event_past_the_default_list_is_found(server: TestServer) -> None:
    """`research acme-corp --limit 12` lists a 12th event: `--event 12` must reach it."""
    feed = _many_events_feed(server, 12)
    listed = research.research("acme-corp", feeds=[feed], builtin=False, limit=12)
    assert len(listed.events) == 12
    argv = ["note", "acme-corp", "--to", "Jane Doe", "--role", "Analyst", "--json"]
    with_feed = runner.invoke(app, ["company", "add", "acme-corp", "--feed", feed])
    assert with_feed.exit_code == 0, with_feed.stderr
    done = runner.invoke(app, [*argv, "--event", "12"])
    assert done.exit_code == 0, done.stderr
    assert json.loads(done.stdout)["event"]["title"] == listed.events[11].title


def test_note_command_event_out_of_range_says_how_many(acme_replay: Path) -> None:
    count = len(research.research("acme-corp", replay=acme_replay, limit=12).events)
    done = _note(acme_replay, "--event", "12", "--topic", "Denver office")
    assert done.exit_code == 2 and done.stdout == ""
    assert done.stderr.strip() == (
        f"error: --event 12 is out of range: Acme Corp has {count} events in the last 30 days; "
        f"choose 1 to {count}, as `research acme-corp --topic 'Denver office'` numbers them"
    )
    assert _note(acme_replay, "--event", "0").exit_code == 2


def test_note_command_check_in_and_timing_on_stderr(acme_replay: Path) -> None:
    thanks = _note(acme_replay)
    assert "note: Send this within a day of the conversation." in thanks.stderr
    assert "Add --check-in to write it." in thanks.stderr
    check_in = _note(acme_replay, "--check-in")
    assert check_in.exit_code == 0, check_in.stderr
    assert check_in.stdout.startswith("Subject: Following up on the Analyst position")
    assert "note: Send this check-in only if there is no answer" in check_in.stderr
    # stdout is the note alone, ready to paste.
    for done in (thanks, check_in):
        assert "note:" not in done.stdout and "warning:" not in done.stdout
        assert done.stdout.rstrip().endswith("[Your phone] | [Your email]")
        assert "research config set signature.name" in done.stderr


def test_note_command_uses_the_saved_signature(acme_replay: Path) -> None:
    for key, value in [
        ("name", "Ann Smith"),
        ("phone", "+1 555 0100"),
        ("email", "ann@example.com"),
    ]:
        assert runner.invoke(app, ["config", "set", f"signature.{key}", value]).exit_code == 0
    done = _note(acme_replay, "--json")
    document = json.loads(done.stdout)
    assert document["closing"] == "Kind regards,\nAnn Smith\n+1 555 0100 | ann@example.com"
    assert document["timing"].startswith("Send this within a day")
    assert "research config set" not in done.stderr  # no hint once the signature is saved


def test_note_command_with_a_damaged_config_stops_before_fetching(
    acme_replay: Path, tmp_path: Path
) -> None:
    config = tmp_path / "home" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('[signature]\nname = "Ann\n')
    done = _note(acme_replay)
    assert done.exit_code == 2 and done.stdout == ""
    assert f"the config file {config} is damaged" in done.stderr
    assert "warning:" not in done.stderr and "Traceback" not in done.stderr


def test_a_chosen_event_without_a_sentence_gives_a_note_without_congratulation(
    acme: research.Result,
) -> None:
    bare = dataclasses.replace(acme.events[0], snippets=())
    note = research.draft_note(acme, to="Jane Doe", role="Analyst", event=bare)
    assert note.event == bare and note.congratulation is None
    assert len(note.paragraphs) == 2  # thanks and the offer: no key line
    assert note.remarks == (
        "The chosen event has no formal sentence, so the note has no congratulation.",
    )

"""Issue 16: every JSON document the CLI and the library write follows its published schema in
docs/schema/, and the schemas say which schema_version they describe."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, ValidationError
from typer.testing import CliRunner

import research
from research.cli import app
from research.digest.data import CompanySection, Digest, IsoWeek
from research.digest.saved import reported_week
from research.mcp.tools import Tools
from research.write.render import (
    JSON_SCHEMA_VERSION,
    note_to_dict,
    reported_week_to_dict,
    result_to_dict,
)
from sources import errors as source_errors

from .helpers import RECORDED_AT
from .schemas import NAMES, PUBLISHED, validate

runner = CliRunner()


def cli_json(*args: str) -> Any:
    done = runner.invoke(app, [*args, "--json"])
    assert done.stdout.strip(), done.stderr
    return json.loads(done.stdout)


def test_the_schemas_are_valid_and_name_the_version_they_describe() -> None:
    for name in NAMES:
        schema = PUBLISHED[name]
        Draft202012Validator.check_schema(schema)
        assert schema["$id"].endswith(f"/docs/schema/{name}.json")
        assert schema["properties"]["schema_version"] == {"const": JSON_SCHEMA_VERSION}
        assert "schema_version" in schema["required"]


def test_every_failure_reason_the_sources_give_is_in_the_schema() -> None:
    listed = set(PUBLISHED["result"]["$defs"]["failure"]["properties"]["reason"]["enum"])
    given = {
        kind.reason
        for kind in vars(source_errors).values()
        if isinstance(kind, type) and issubclass(kind, source_errors.SourceError)
        and kind is not source_errors.SourceError
    }  # fmt: skip
    assert given, "no SourceError subclasses found"
    assert given | {"not_stored"} <= listed, sorted(given - listed)


def test_the_closed_schemas_catch_a_field_that_is_not_documented(acme_replay: Path) -> None:
    """The check below can fail: a new field, a field removed, a wrong type."""
    document = result_to_dict(research.research("acme-corp", replay=acme_replay))
    validate(document, "result")
    with pytest.raises(ValidationError, match="new_field"):
        validate({**document, "new_field": 1}, "result")
    with pytest.raises(ValidationError, match="'failures' is a required property"):
        validate({k: v for k, v in document.items() if k != "failures"}, "result")
    broken_event = {**document["events"][0], "published": "18 Nov 2026"}
    with pytest.raises(ValidationError):
        validate({**document, "events": [broken_event]}, "result")


def test_the_json_of_research_company_follows_the_result_schema(acme_replay: Path) -> None:
    documents = [
        cli_json("acme-corp", "--replay", str(acme_replay)),
        cli_json("acme-corp", "--replay", str(acme_replay), "--topic", "Denver office"),
        cli_json("beta-labs", "--replay", str(acme_replay)),  # every source failed
        cli_json("acme-corp", "--offline"),  # nothing stored: not_stored failures
    ]
    for document in documents:
        validate(document, "result")
    acme, with_topic, failed, offline = documents
    assert acme["events"] and acme["skipped"] and acme["sources_answered"] == 3
    assert any(event["topics"] for event in with_topic["events"])
    assert failed["events"] == [] and failed["sources_answered"] == 0
    assert {f["reason"] for f in failed["failures"]} == {"not_recorded"}
    assert offline["offline"] is True and offline["sources_answered"] == 0


def test_the_library_result_with_feeds_and_a_partial_failure_follows_the_schema(
    acme_replay: Path,
) -> None:
    result = research.research(
        "acme-corp",
        replay=acme_replay,
        feeds=["https://acme.example/news/feed.atom", "https://feeds.example/not-recorded.xml"],
        limit=3,
    )
    document = result_to_dict(result)
    validate(document, "result")
    assert len(document["events"]) == 3 and document["events_found"] > 3
    assert [f["reason"] for f in document["failures"]] == ["not_recorded"]
    assert document["sources_total"] == 5 and document["sources_answered"] == 4


def test_a_result_built_by_hand_follows_the_schema() -> None:
    """sources_answered is None when a program built the Result itself."""
    company = research.resolve_company("Acme Corp")
    document = result_to_dict(research.Result(company, RECORDED_AT, 30, ()))
    validate(document, "result")
    assert document["sources_answered"] is None and document["events_found"] == 0


def test_the_json_of_research_note_follows_the_note_schema(acme_replay: Path) -> None:
    note = ["note", "acme-corp", "--to", "Dr. Jane Doe", "--role", "Analyst"]
    documents = [
        cli_json(*note, "--replay", str(acme_replay)),
        cli_json(*note, "--replay", str(acme_replay), "--check-in", "--tone", "warm"),
        cli_json(*note, "--replay", str(acme_replay), "--round", "final", "--event", "3"),
    ]
    for document in documents:
        validate(document, "note")
        assert document["event"] is not None and document["congratulation"] is not None
    quiet = research.Result(
        research.resolve_company("Acme Corp"), RECORDED_AT, 30, (), sources_total=2,
        sources_answered=2,
    )  # fmt: skip
    document = note_to_dict(research.draft_note(quiet, to="Jane Doe", role="Analyst"))
    validate(document, "note")
    assert document["event"] is None and document["congratulation"] is None


def test_a_saved_digest_read_back_follows_the_digest_schema(acme_replay: Path) -> None:
    found = research.research("acme-corp", replay=acme_replay)
    research.watch(["acme-corp"])
    week = IsoWeek.of(RECORDED_AT)
    section = CompanySection(found.company, found.events)
    research.save_digest(Digest(week, (section,), generated_at=RECORDED_AT), now=RECORDED_AT)

    document = reported_week_to_dict(reported_week(str(week)))
    validate(document, "digest")
    assert document["week"] == "2026-W47" and document["starts"] == "2026-11-16T00:00:00Z"
    (company,) = document["companies"]
    assert (company["slug"], company["name"]) == ("acme-corp", "Acme Corp")
    in_week = {e.title for e in found.events if week.contains(e.published)}
    assert in_week and {e["title"] for e in company["events"]} == in_week
    assert reported_week_to_dict(reported_week()) == document  # the newest saved is this one


def test_the_congratulation_answers_follow_their_schema() -> None:
    tools = Tools(research.load_settings())
    written = tools.congratulate("Acme wins 2026 Edison Award", "Acme Corp", "warm")
    refused = tools.congratulate("Acme to cut 200 jobs", "Acme Corp")
    for answer in (written, refused):
        validate(answer, "congratulation")
    assert written["congratulable"] and written["clause"] == "won the 2026 Edison Award"
    assert not refused["congratulable"] and "cut 200 jobs" in refused["refusal"]
    with pytest.raises(ValidationError):
        validate({**refused, "sentence": "Congratulations!"}, "congratulation")


def test_the_company_json_of_other_commands_follows_the_result_schema_s_company() -> None:
    """`research company show|list --json` and `watch list --json` print the company object a
    result holds."""
    added = runner.invoke(app, ["company", "add", "acme-corp", "--domain", "acme.com"])
    assert added.exit_code == 0, added.stderr
    assert runner.invoke(app, ["watch", "add", "acme-corp", "Beta Labs"]).exit_code == 0
    shown = cli_json("company", "show", "acme-corp")
    listed = cli_json("company", "list")
    watched = [entry["company"] for entry in cli_json("watch", "list")]
    for company in [shown, *listed, *watched]:
        validate(company, "result", "company")
    assert shown["domain"] == "acme.com" and len(watched) == 2

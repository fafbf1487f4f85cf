"""Names that slug alike ("AT&T" and "AT-T" are both at-t) stay two companies under the names
the user typed, through every command, and every command the tool suggests works as printed.

`research watch add "AT&T" "AT-T"` used to suggest `research company add at-t-2`, which then
saved the profile as "At T 2" and renamed the watched "AT-T"; `watch remove "AT-T"` removed
"AT&T"; and `company add "AT-T"` wrote over AT&T's entry.
"""

from __future__ import annotations

import json
import re
import shlex

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from typer.testing import CliRunner

from research import resolve_company
from research.cli import app
from research.errors import InvalidInput
from research.plan.company import command_name, slugify, with_derived_aliases

runner = CliRunner()
SUGGESTED = re.compile(r"research (company add [^)\n]+)")


def run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, (args, result.stdout, result.stderr)
    return result.stdout


def watched() -> dict[str, str]:
    """The watchlist as the user sees it: slug to display name."""
    entries = json.loads(run("watch", "list", "--json"))
    return {e["company"]["slug"]: e["company"]["name"] for e in entries}


def run_suggestion(suggestion: str) -> str:
    """Run a command the tool printed as a user would paste it into a shell, leaving out the
    options it shows only as placeholders ("--domain ...")."""
    return run(*shlex.split(re.sub(r" --[a-z]+ \.\.\.", "", suggestion)))


def test_the_suggested_profile_command_keeps_both_watched_names() -> None:
    assert run("watch", "add", "AT&T", "AT-T").splitlines() == [
        "watching at-t",
        "watching at-t-2 (AT-T; at-t is taken)",
    ]
    listing = run("watch", "list")
    suggestions = SUGGESTED.findall(listing)
    assert suggestions == ["company add at-t", "company add at-t-2"]

    for suggestion in suggestions:
        run_suggestion(suggestion)

    assert watched() == {"at-t": "AT&T", "at-t-2": "AT-T"}
    assert "no profile" not in run("watch", "list")
    assert run("company", "show", "at-t-2").startswith("at-t-2: AT-T\n")
    assert run("company", "show", "at-t").startswith("at-t: AT&T\n")


def test_a_typed_name_reaches_its_own_entry_in_every_command() -> None:
    run("watch", "add", "AT&T", "AT-T")
    run("company", "add", "AT-T", "--domain", "at-t.example")
    run("company", "add", "AT&T", "--domain", "att.example")

    assert run("company", "show", "AT-T").startswith("at-t-2: AT-T\n  domain: at-t.example")
    assert run("company", "show", "AT&T").startswith("at-t: AT&T\n  domain: att.example")
    assert watched() == {"at-t": "AT&T", "at-t-2": "AT-T"}

    assert run("watch", "remove", "AT-T") == "stopped watching at-t-2\n"
    assert watched() == {"at-t": "AT&T"}
    assert run("watch", "add", "AT-T") == "watching at-t-2 (AT-T; at-t is taken)\n"
    run("company", "remove", "AT-T")
    assert "at-t:" in run("company", "show", "at-t")


def test_a_name_saved_first_keeps_its_slug_when_a_lookalike_is_watched() -> None:
    run("company", "add", "AT-T", "--domain", "at-t.example")
    assert run("watch", "add", "AT&T") == "watching at-t-2 (AT&T; at-t is taken)\n"
    run("company", "add", "at-t-2")
    assert watched() == {"at-t-2": "AT&T"}
    assert run("company", "show", "at-t").startswith("at-t: AT-T\n  domain: at-t.example")
    assert run("company", "show", "AT&T").startswith("at-t-2: AT&T\n")


def test_researching_a_lookalike_never_uses_the_other_profile() -> None:
    """`research "AT-T"` beside a saved "AT&T" searched with AT&T's profile (names, domain)."""
    run("company", "add", "AT&T", "--domain", "att.com")
    run("watch", "add", "AT-T")
    result = runner.invoke(app, ["AT-T", "--offline", "--json"])
    document = json.loads(result.stdout)
    assert document["company"]["name"] == "AT-T"
    assert document["company"]["slug"] == "at-t-2"
    assert document["company"]["domain"] is None
    at_and_t = json.loads(runner.invoke(app, ["AT&T", "--offline", "--json"]).stdout)
    assert at_and_t["company"]["domain"] == "att.com"


def test_a_name_keeps_its_numbered_slug_when_the_plain_one_is_freed() -> None:
    run("watch", "add", "AT&T", "AT-T")
    run("company", "add", "AT-T", "--domain", "at-t.example")
    assert run("watch", "remove", "AT&T") == "stopped watching at-t\n"

    assert run("watch", "add", "AT-T") == "already watching at-t-2\n"
    assert run("company", "show", "AT-T").startswith("at-t-2: AT-T\n")
    assert run("watch", "add", "AT&T") == "watching at-t\n"
    assert watched() == {"at-t-2": "AT-T", "at-t": "AT&T"}
    run("company", "remove", "AT-T")
    run("watch", "remove", "AT-T")
    assert watched() == {"at-t": "AT&T"}


def test_numbered_slugs_in_other_scripts_keep_their_names() -> None:
    run("watch", "add", "Яндекс!", "Яндекс?")
    suggestions = SUGGESTED.findall(run("watch", "list"))
    assert suggestions == ["company add яндекс", "company add яндекс-2"]
    for suggestion in suggestions:
        run_suggestion(suggestion)
    assert watched() == {"яндекс": "Яндекс!", "яндекс-2": "Яндекс?"}
    assert "no profile" not in run("watch", "list")
    assert run("company", "show", "яндекс-2").startswith("яндекс-2: Яндекс?\n")
    assert run("watch", "remove", "яндекс-2", "Яндекс!") == (
        "stopped watching яндекс-2\nstopped watching яндекс\n"
    )


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Яндекс 2", "яндекс-2"),  # was "2": the word without an ASCII form was dropped
        ("Café Яндекс", "cafe-яндекс"),
        ("Straße AG", "strasse-ag"),
        ("L'Oréal", "l-oreal"),
        ("AT&T", "at-t"),
    ],
)
def test_a_slug_keeps_every_word_of_the_name(name: str, slug: str) -> None:
    assert slugify(name) == slug


@given(st.text(min_size=1, max_size=30))
def test_a_slug_names_itself_so_a_suggested_numbered_slug_can_be_typed_back(name: str) -> None:
    try:
        slug = slugify(name)
    except InvalidInput:
        return
    assume(slug)
    assert slugify(slug) == slug
    assert slugify(f"{slug}-2") == f"{slug}-2"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Acme Corp", "acme-corp"),
        ("acme-corp", "acme-corp"),
        ("AT&T", "'AT&T'"),
        ("Nestlé", "'Nestlé'"),
        ("O'Brien Co", "'O'\"'\"'Brien Co'"),
    ],
)
def test_suggested_commands_name_the_company_so_its_name_survives(
    typed: str, expected: str
) -> None:
    company = resolve_company(typed)
    assert command_name(company) == expected
    run_suggestion(f"company add {command_name(company)}")
    assert run("company", "show", typed).startswith(f"{company.slug}: {company.name}\n")


def test_the_generic_name_note_suggests_a_command_that_keeps_the_name() -> None:
    _, notes = with_derived_aliases(resolve_company("A&B"))
    suggestion = SUGGESTED.search(notes[0])
    assert suggestion is not None
    assert suggestion.group(1) == "company add 'A&B' --domain ... --exclude ..."
    run_suggestion(suggestion.group(1))
    assert run("company", "show", "a-b").startswith("a-b: A&B\n")

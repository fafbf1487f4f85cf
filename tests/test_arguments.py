"""Every public function rejects wrong types at its door with InvalidInput naming the argument.

The table below lists, for each public function, a call that is valid and, for every one of its
parameters, values of the wrong type. The first test enumerates ``research.__all__``: a new public
function, or a new parameter of one, fails it until the table (and so the function) checks it.
"""

from __future__ import annotations

import asyncio
import inspect
import typing
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

import research
from research import arguments
from research.digest.data import Digest, IsoWeek

NOW = datetime(2026, 12, 7, 12, 0, tzinfo=timezone.utc)
NAIVE = datetime(2026, 12, 7, 12, 0)

# Public names that are classes (errors, records, enums), so they take no arguments to check
# here: each is asserted to be a class below.
NOT_FUNCTIONS = {
    "Classification", "Company", "CompanySection", "ConfigError", "Digest", "DigestFailure",
    "DiscoveryFailed", "Event", "EventKind", "InvalidInput", "IsoWeek", "NotCongratulable",
    "NoteDraft", "Outlet", "OutputError", "ResearchError", "Result", "Settings", "Skipped",
    "Snippet", "SourceFailure", "StoreBusy", "StoreError", "UnknownCompany", "WatchEntry",
    "Signature", "SourcesFailed", "Discovery", "Article", "Articles",
}  # fmt: skip
# Names of the values an argument takes, for type checkers: Literal aliases.
TYPE_ALIASES = {"Tone", "Round"}

# Wrong values by the kind of argument.
TEXT = [None, b"Acme", 42, {"a": 1}, ["Acme"]]
OPTIONAL_TEXT = [b"Acme", 42, {"a": 1}, ["Acme"]]
COMPANY = [None, b"Acme", 42, {"a": 1}, ["Acme"]]
NAMES = ["Acme", b"Acme", None, 42, {"a": 1}, [None], [b"Acme"], ("Acme", 42)]
NOW_VALUES = [NAIVE, "2026-12-07", 42, NOW.date()]
SETTINGS = [42, "home", {"home": "x"}]
FLAG = ["yes", None, 1]
PATH = [42, b"/tmp/x", ["x"]]
WHOLE = ["5", True, None, 2.5]
DEADLINE = ["5", True, [5]]
WEEK = [42, b"2026-W49", NOW]

# name: (a valid call's keyword arguments, {argument: wrong values}). Every call is valid apart
# from the one wrong value, so only the type check can make it fail.
RESEARCH_BASE = {"company": "Acme Corp", "offline": True}
RESEARCH_WRONG: dict[str, list[Any]] = {
    "company": COMPANY,
    "days": WHOLE,
    "limit": WHOLE,
    "feeds": NAMES,
    "aliases": NAMES,
    "builtin": FLAG,
    "offline": ["yes", 1],
    "replay": PATH,
    "record": PATH,
    "topics": NAMES,
    "settings": SETTINGS,
    "now": NOW_VALUES,
    "deadline": DEADLINE,
    "progress": [42, "print"],
    "sources": NAMES,
    "no_sources": NAMES,
}
ARTICLES_BASE = {"topic": "supply chain", "offline": True}
ARTICLES_WRONG: dict[str, list[Any]] = {
    "topic": TEXT,
    "company": [b"Acme", 42, {"a": 1}, ["Acme"]],
    "days": WHOLE,
    "limit": WHOLE,
    "competitors": NAMES,
    "offline": ["yes", 1],
    "replay": PATH,
    "settings": SETTINGS,
    "now": NOW_VALUES,
    "deadline": DEADLINE,
    "sources": NAMES,
    "no_sources": NAMES,
}
CASES: dict[str, tuple[dict[str, Any], dict[str, list[Any]]]] = {
    "research": (RESEARCH_BASE, RESEARCH_WRONG),
    "research_async": (RESEARCH_BASE, RESEARCH_WRONG),
    "find_articles": (ARTICLES_BASE, ARTICLES_WRONG),
    "find_articles_async": (ARTICLES_BASE, ARTICLES_WRONG),
    "draft_note": (
        {"result_or_company": "Acme Corp", "to": "Sam", "role": "analyst", "offline": True},
        {
            "result_or_company": COMPANY,
            "to": TEXT,
            "role": TEXT,
            "topic": OPTIONAL_TEXT,
            "tone": TEXT,
            "round": TEXT,
            "event": ["2", 1.5, True, [0]],
            "check_in": FLAG,
            "signature": [42, "Ann Smith", {"name": "Ann Smith"}],
            "article": [42, "https://a.example/", {"url": "https://a.example/"}],
            "research_options": [],  # passed on to research(), checked there:
            "aliases": NAMES,
            "now": NOW_VALUES,
        },
    ),
    "add_company": (
        {"company": "acme-corp"},
        {
            "company": TEXT,
            "name": OPTIONAL_TEXT,
            "aliases": NAMES,
            "domain": OPTIONAL_TEXT,
            "newsroom": OPTIONAL_TEXT,
            "feeds": NAMES,
            "exclude": NAMES,
            "settings": SETTINGS,
            "now": NOW_VALUES,
            "cik": [2.5, b"320193", ["320193"]],
            "wires": NAMES,
            "sources": NAMES,
            "no_sources": NAMES,
        },
    ),
    "get_company": ({"company": "acme-corp"}, {"company": TEXT, "settings": SETTINGS}),
    "remove_company": ({"company": "acme-corp"}, {"company": TEXT, "settings": SETTINGS}),
    "list_companies": ({}, {"settings": SETTINGS}),
    "damaged_companies": ({}, {"settings": SETTINGS}),
    "discover_company": (
        {"company": "acme-corp"},
        {"company": TEXT, "settings": SETTINGS, "now": NOW_VALUES, "offline": FLAG, "replay": PATH},
    ),
    "discover_company_async": (
        {"company": "acme-corp"},
        {"company": TEXT, "settings": SETTINGS, "now": NOW_VALUES, "offline": FLAG, "replay": PATH},
    ),
    "watch": (
        {"companies": ["acme-corp"]},
        {"companies": NAMES, "settings": SETTINGS, "now": NOW_VALUES},
    ),
    "unwatch": ({"companies": ["acme-corp"]}, {"companies": NAMES, "settings": SETTINGS}),
    "watched": ({}, {"settings": SETTINGS}),
    "weekly_digest": (
        {"companies": ["acme-corp"], "now": NOW, "deadline": 5},
        {
            "companies": ["Acme", b"Acme", 42, {"a": 1}, [None], [b"Acme"]],
            "week": WEEK,
            "settings": SETTINGS,
            "now": NOW_VALUES,
            "progress": [42, "print"],
            "deadline": DEADLINE,
            "offline": FLAG,
            "replay": PATH,
            "sources": NAMES,
            "no_sources": NAMES,
        },
    ),
    "weekly_digest_async": (
        {"companies": ["acme-corp"], "now": NOW, "deadline": 5},
        {
            "companies": ["Acme", b"Acme", 42, {"a": 1}, [None], [b"Acme"]],
            "week": WEEK,
            "settings": SETTINGS,
            "now": NOW_VALUES,
            "progress": [42, "print"],
            "deadline": DEADLINE,
            "offline": FLAG,
            "replay": PATH,
            "sources": NAMES,
            "no_sources": NAMES,
        },
    ),
    "save_digest": (
        {"digest": Digest(IsoWeek.of(NOW), ()), "formats": ["md"], "now": NOW},
        {
            "digest": [None, "2026-W49", {"week": "2026-W49"}],
            "out": PATH,
            "formats": ["md", b"md", None, 42, [None], [b"md"]],
            "settings": SETTINGS,
            "now": NOW_VALUES,
        },
    ),
    "congratulate": (
        {"event": "Acme wins 2026 Edison Award", "company": "Acme Corp"},
        {
            "event": [None, b"Acme wins award", 42, {"a": 1}],
            "tone": [None, 42, ["warm"]],
            "variant": ["0", True, None],
            "company": [b"Acme", 42, {"a": 1}, ["Acme"]],
        },
    ),
    "classify": (
        {"title": "Acme wins 2026 Edison Award", "company": "Acme Corp"},
        {"title": TEXT, "company": COMPANY, "summary": TEXT},
    ),
    "resolve_company": ({"text": "Acme Corp"}, {"text": TEXT, "aliases": NAMES}),
    "slugify": ({"name": "Acme Corp"}, {"name": TEXT}),
    "load_settings": (
        {},
        {
            "environ": [["RESEARCH_HOME=x"], 42, "RESEARCH_HOME=x"],
            "home": PATH,
            "google_news_url": OPTIONAL_TEXT,
            "bing_news_url": OPTIONAL_TEXT,
            "http": [42, {"connect_timeout": 1}],
            "allow_private": OPTIONAL_TEXT,
            "parse": [42, {"workers": 1}],
            "gdelt_url": OPTIONAL_TEXT,
            "edgar_url": OPTIONAL_TEXT,
            "edgar_contact": OPTIONAL_TEXT,
        },
    ),
    "result_to_dict": ({}, {"result": [None, "Acme", {"events": []}]}),
}


def test_every_public_name_is_a_class_or_has_its_wrong_types_listed() -> None:
    public = set(research.__all__)
    assert public == NOT_FUNCTIONS | TYPE_ALIASES | set(CASES), "add the new public name to CASES"
    for name in NOT_FUNCTIONS:
        assert inspect.isclass(getattr(research, name)), name
    for name in TYPE_ALIASES:
        assert typing.get_origin(getattr(research, name)) is typing.Literal, name
    for name, (_, wrong) in CASES.items():
        parameters = set(inspect.signature(getattr(research, name)).parameters)
        missing = parameters - set(wrong)
        assert not missing, f"{name}: no wrong values for {sorted(missing)}"


def _call(name: str, kwargs: dict[str, Any]) -> Any:
    outcome = getattr(research, name)(**kwargs)
    if inspect.iscoroutine(outcome):
        return asyncio.run(outcome)
    return outcome


WRONG_CALLS = [
    pytest.param(name, argument, value, id=f"{name}-{argument}-{value!r:.30}")
    for name, (_, wrong) in CASES.items()
    for argument, values in wrong.items()
    for value in values
]


@pytest.mark.parametrize(("name", "argument", "value"), WRONG_CALLS)
def test_a_wrong_type_raises_invalid_input_naming_the_argument(
    name: str, argument: str, value: Any, tmp_path: Path
) -> None:
    base, _ = CASES[name]
    kwargs = {**base, argument: value}
    if name == "save_digest":
        kwargs.setdefault("out", tmp_path / "out")
    with pytest.raises(research.InvalidInput) as raised:
        _call(name, kwargs)
    assert isinstance(raised.value, research.ResearchError)
    message = str(raised.value)
    assert argument in message, message


def test_a_bare_string_is_never_split_into_letters() -> None:
    with pytest.raises(research.InvalidInput) as raised:
        research.research("Acme Corp", aliases="Acme", offline=True)
    assert str(raised.value) == ("aliases must be a list of names, not a single string: got 'Acme'")
    with pytest.raises(research.InvalidInput, match="aliases must be a list of names"):
        research.add_company("acme-corp", aliases="Acme")
    assert not research.list_companies()  # nothing was saved


def test_a_naive_now_is_refused_before_any_fetch() -> None:
    with pytest.raises(research.InvalidInput, match="now must be a timezone-aware datetime"):
        research.research("Acme Corp", now=NAIVE)


def test_right_types_still_pass(tmp_path: Path) -> None:
    """Tuples, generators, Paths and other time zones are as good as lists, strs and UTC."""
    result = research.research(
        "Acme Corp",
        aliases=(a for a in ["Acme"]),
        topics=("funding",),
        offline=True,
        now=NOW.astimezone(timezone(timedelta(hours=-5))),
    )
    assert result.company.name == "Acme Corp"
    saved = research.add_company("acme-corp", aliases=["Acme"], feeds=())
    assert saved.aliases == ("Acme",)
    assert research.slugify("Acme Corp") == "acme-corp"
    assert research.resolve_company("Acme Corp", ("Acme",)).aliases == ("Acme",)
    assert research.load_settings(home=tmp_path).home == tmp_path
    assert research.classify("Acme wins 2026 Edison Award", "Acme Corp").congratulable


def test_the_checks_keep_their_messages_short() -> None:
    with pytest.raises(research.InvalidInput) as raised:
        arguments.text("title", b"x" * 10_000)
    assert len(str(raised.value)) < 200

"""A unit the headline names in full is the one whose news it is: "Tata Power's rights issue",
never "Tata's", and never a name read out of a verb, a period or a person."""

from __future__ import annotations

import pytest

from research.models import EventKind as K
from research.write.snippets import phrasings
from research.write.units import unit_named

NAMES = ("Acme",)


@pytest.mark.parametrize(
    ("title", "unit"),
    [
        ("Acme Power Rs 2,000 crore rights issue to open on March 31", "Acme Power"),
        ("Acme Laboratories $200 million IPO fully subscribed", "Acme Laboratories"),
        ("Acme T&D India to raise up to Rs 294 crore", "Acme T&D India"),
        ("Acme Securities launches e-voting facility", "Acme Securities"),
        # no unit: the company's own news, its people, its issue, its legal form, a period
        ("Acme launches e-voting facility", None),
        ("Acme CEO sells shares", None),
        ("Acme IPO subscribed 3 times", None),
        ("Acme Ltd raises Rs 500 crore", None),
        ("Acme Ltds Rs 1,000 crore QIP draws big investor interest", None),
        ("Acme Q3 net up 20%", None),
        ("Acme Christmas sales rise 3%", None),
        # a name this reading would cut, and capitals that mark no names
        ("Acme Solutions and Networks reports Q1 net profit", None),
        ("Acme Mobile Partners With Beta To Change Payments", None),
        ("Acme Hikes Dividend 20% As Profit Rises", None),
    ],
)
def test_a_unit_is_read_only_where_the_headline_names_one(title: str, unit: str | None) -> None:
    assert unit_named(title, NAMES) == unit


def test_a_units_share_issue_is_told_as_the_units() -> None:
    sentence, clause = phrasings(
        "Acme Power Rs 2,000 crore rights issue to open on March 31", "Acme", K.FUNDING, NAMES
    )["formal"][0]
    assert "Acme Power's planned Rs 2,000 crore rights issue" in sentence, sentence
    assert "Acme's" not in sentence
    assert clause == "announced plans for a Rs 2,000 crore rights issue"

"""Turning what the user typed into a Company: slugs, names, aliases, bad input."""

from __future__ import annotations

import pytest

from research.errors import InvalidInput
from research.plan.company import MAX_NAME_LENGTH, resolve_company, slugify


@pytest.mark.parametrize(
    ("typed", "name", "slug"),
    [
        ("acme-corp", "Acme Corp", "acme-corp"),
        ("acme_corp", "Acme Corp", "acme-corp"),
        ("acme--corp", "Acme Corp", "acme-corp"),
        ("Acme Corp", "Acme Corp", "acme-corp"),
        ("  Acme   Corp  ", "Acme Corp", "acme-corp"),
        ("acme corp", "acme corp", "acme-corp"),
        ("AT&T", "AT&T", "at-t"),
        ("L'Oréal", "L'Oréal", "l-oreal"),
        ("Yahoo!", "Yahoo!", "yahoo"),
        ("3M", "3M", "3m"),
        ("3m", "3m", "3m"),
        ("Nestlé", "Nestlé", "nestle"),
        ("nestlé", "nestlé", "nestle"),
        ("Procter & Gamble", "Procter & Gamble", "procter-gamble"),
        ("Acme\u200b Corp\u202e", "Acme Corp", "acme-corp"),
        ("Acme\tCorp", "Acme Corp", "acme-corp"),
    ],
)
def test_resolve_company(typed: str, name: str, slug: str) -> None:
    company = resolve_company(typed)
    assert (company.name, company.slug, company.aliases) == (name, slug, ())
    assert company.names == (name,)


@pytest.mark.parametrize(
    ("name", "slug"),
    [("Société Générale", "societe-generale"), ("Zürich Re", "zurich-re"), ("--Acme--", "acme")],
)
def test_slugify(name: str, slug: str) -> None:
    assert slugify(name) == slug


@pytest.mark.parametrize("typed", ["", "   ", "\t\n", "\u200b\u202e"])
def test_empty_names_rejected_with_a_clear_message(typed: str) -> None:
    with pytest.raises(InvalidInput, match=r"the company name is empty; give a company name"):
        resolve_company(typed)


def test_nul_rejected() -> None:
    with pytest.raises(InvalidInput, match="NUL"):
        resolve_company("Acme\x00Corp")


def test_over_long_name_rejected() -> None:
    resolve_company("A" * MAX_NAME_LENGTH)
    with pytest.raises(InvalidInput, match=rf"{MAX_NAME_LENGTH + 1} characters long; at most 200"):
        resolve_company("A" * (MAX_NAME_LENGTH + 1))


@pytest.mark.parametrize("typed", ["!!!", "---", "&&"])
def test_names_without_slug_characters_rejected(typed: str) -> None:
    with pytest.raises(InvalidInput):
        resolve_company(typed)


def test_invalid_input_is_a_value_error() -> None:
    assert issubclass(InvalidInput, ValueError)
    with pytest.raises(ValueError):
        resolve_company("")


def test_aliases_deduped_and_name_removed() -> None:
    company = resolve_company("acme-corp", ["Acme", " Acme ", "Acme Corp", "ACME CORP", "Acme Inc"])
    assert company.name == "Acme Corp"
    assert company.aliases == ("Acme", "Acme Inc")
    assert company.names == ("Acme Corp", "Acme", "Acme Inc")


def test_aliases_deduped_case_insensitively() -> None:
    assert resolve_company("Acme Corp", ["Acme", "ACME", "acme"]).aliases == ("Acme",)


def test_bad_alias_rejected() -> None:
    with pytest.raises(InvalidInput, match="alias"):
        resolve_company("Acme Corp", ["  "])
    with pytest.raises(InvalidInput, match="NUL"):
        resolve_company("Acme Corp", ["Ac\x00me"])
    with pytest.raises(InvalidInput, match="at most 20"):
        resolve_company("Acme Corp", [f"Alias {n}" for n in range(21)])

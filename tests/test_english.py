"""The generated English word lists: current with the libraries they come from, and read the way
the phrasing relies on."""

from __future__ import annotations

import pytest

from research.write.english import is_countable, is_ordinary, participles, verb_forms


def test_the_lexicon_matches_lemminflect_and_wordfreq() -> None:
    """lexicon.json is generated; after a library upgrade run `benchmarks/make_lexicon.py`."""
    from benchmarks.make_lexicon import TABLE, table

    assert TABLE.read_text(encoding="utf-8") == table()


@pytest.mark.parametrize(
    ("third_person", "gerund", "participle"),
    [("seals", "sealing", "sealed"), ("ties", "tying", "tied"), ("strikes", "striking", "struck"),
     ("files", "filing", "filed"), ("books", "booking", "booked")],
)  # fmt: skip
def test_verb_forms_include_irregular_and_doubled_spellings(
    third_person: str, gerund: str, participle: str
) -> None:
    assert verb_forms()[third_person] == (gerund, participle)
    assert participles()[gerund] == participle


def test_ordinary_words_are_never_names_or_months() -> None:
    for word in ("rise", "Oil", "lower", "prices", "dividend", "nearly"):
        assert is_ordinary(word), word
    for word in ("London", "June", "May", "Russell", "Inovio"):
        assert not is_ordinary(word), word


def test_only_nouns_that_always_count_need_an_article() -> None:
    for noun in ("team", "subsidiary", "pill", "stake"):
        assert is_countable(noun), noun
    for noun in ("profit", "software", "growth", "one", "research"):
        assert not is_countable(noun), noun

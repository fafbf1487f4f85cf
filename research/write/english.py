"""What the phrasing knows about English words, read once, on first use, from the generated
lexicon shipped in this package (research/write/lexicon.json, made by benchmarks/make_lexicon.py
from lemminflect and wordfreq): ``research --help`` never reads it."""

from __future__ import annotations

import functools


@functools.cache
def _lexicon() -> dict[str, str]:
    """The generated word lists: JSON strings, so loading runs no code. Read beside this module
    (importlib.resources would cost more to import than the file costs to read)."""
    import json
    from pathlib import Path

    raw = Path(__file__).with_name("lexicon.json").read_bytes()
    lists: dict[str, str] = json.loads(raw.decode("utf-8"))
    return lists


@functools.cache
def verb_forms() -> dict[str, tuple[str, str]]:
    """{third-person form: (-ing form, past participle)}: "seals" -> ("sealing", "sealed")."""
    words = iter(_lexicon()["verb_forms"].split())  # in threes
    return {
        word: (gerund, participle)
        for word, gerund, participle in zip(words, words, words, strict=True)
    }


@functools.cache
def participles() -> dict[str, str]:
    """{-ing form: past participle}: "sealing" -> "sealed"."""
    return dict(verb_forms().values())


@functools.cache
def _countable() -> frozenset[str]:
    return frozenset(_lexicon()["countable_nouns"].split())


@functools.cache
def _ordinary() -> frozenset[str]:
    return frozenset(_lexicon()["ordinary_words"].split())


def is_countable(noun: str) -> bool:
    """A noun that is only countable ("team", "subsidiary"), so a bare singular needs "a"."""
    return noun.lower() in _countable()


def is_ordinary(word: str) -> bool:
    """A frequent English noun, verb, adjective or adverb ("rise", "oil", "lower"), never a
    proper name ("London", "June"): Title Case capitalises it, a sentence does not."""
    return word.lower() in _ordinary()

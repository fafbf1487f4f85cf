"""Pure: what the phrasing knows about English words, read on first use from the generated
lexicon (research/write/lexicon.py, made by benchmarks/make_lexicon.py from lemminflect and wordfreq)."""

from __future__ import annotations

import functools


@functools.cache
def verb_forms() -> dict[str, tuple[str, str]]:
    """{third-person form: (-ing form, past participle)}: "seals" -> ("sealing", "sealed")."""
    from .lexicon import VERB_FORMS

    forms = {}
    for line in VERB_FORMS.splitlines():
        word, gerund, participle = line.split()
        forms[word] = (gerund, participle)
    return forms


@functools.cache
def participles() -> dict[str, str]:
    """{-ing form: past participle}: "sealing" -> "sealed"."""
    return dict(verb_forms().values())


@functools.cache
def _countable() -> frozenset[str]:
    from .lexicon import COUNTABLE_NOUNS

    return frozenset(COUNTABLE_NOUNS.split())


@functools.cache
def _ordinary() -> frozenset[str]:
    from .lexicon import ORDINARY_WORDS

    return frozenset(ORDINARY_WORDS.split())


def is_countable(noun: str) -> bool:
    """A noun that is only countable ("team", "subsidiary"), so a bare singular needs "a"."""
    return noun.lower() in _countable()


def is_ordinary(word: str) -> bool:
    """A frequent English noun, verb, adjective or adverb ("rise", "oil", "lower"), never a
    proper name ("London", "June"): Title Case capitalises it, a sentence does not."""
    return word.lower() in _ordinary()

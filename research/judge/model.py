"""Pure: the learned reading of a headline, next to the rules.

Three logistic regressions over the words of the headline with the company's own name masked
(word and stem unigrams and bigrams, numbers as shapes): how likely the headline is news to
congratulate the company on, how likely congratulating it would embarrass (bad news for the
company), and which kind of good news it is. They were trained on hand-labelled real headlines
by ``benchmarks/train_judge.py``; the weights come in as plain numbers (``weights.py`` reads
them), so nothing is executed when they load, and scoring is a sum of weights.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from ..models import EventKind

COMPANY_TOKEN = "__co__"
_PLACEHOLDER = "zzcompanyzz"  # stands in for the name while the text is split into words

_TOKEN = re.compile(
    r"(?P<money>(?:[$\u00a3\u20ac\u20b9\u00a5]|\brs\.?|\binr|\busd)\s?\d[\d,.]*)"
    r"|(?P<pct>\d[\d,.]*\s?(?:%|per ?cent|pc\b))"
    r"|(?P<year>\b(?:19|20)\d\d\b)"
    r"|(?P<num>\d[\d,.]*)"
    r"|(?P<word>[^\W\d_](?:[\w'&.-]*[^\W_])?)"
)


@dataclass(frozen=True)
class Weights:
    """One binary head: a bias and a weight per feature."""

    bias: float
    features: Mapping[str, float]

    def probability(self, features: Iterable[str]) -> float:
        total = self.bias + sum(self.features.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(min(total, 30.0), -30.0)))


@dataclass(frozen=True)
class KindWeights:
    """The kind head: a bias and feature weights per kind (a softmax over kinds)."""

    heads: Mapping[EventKind, Weights]

    def best(self, features: Iterable[str]) -> tuple[EventKind, float]:
        listed = list(features)
        scores = {
            kind: head.bias + sum(head.features.get(f, 0.0) for f in listed)
            for kind, head in self.heads.items()
        }
        top = max(scores.values())
        exps = {kind: math.exp(score - top) for kind, score in scores.items()}
        kind = max(exps, key=exps.__getitem__)
        return kind, exps[kind] / sum(exps.values())


@dataclass(frozen=True)
class Policy:
    """When the learned reading may add an event the rules did not find, chosen with the
    weights (see ``verdict.learned_event``): probabilities from 0 to 1, by rules' basis."""

    overrule: Mapping[str, float]  # the learned reading alone finds an event, per rules' basis
    harmful: float  # never good news when the embarrassment probability reaches this
    # The kinds the learned reading knows well enough to name an event the rules did not find.
    learned_kinds: frozenset[EventKind]
    # The learned reading acts only on headlines whose words it has mostly seen in training: on
    # others its probabilities say more about the training press than about the headline.
    familiar: float


@dataclass(frozen=True)
class Model:
    good: Weights
    harmful: Weights
    kinds: KindWeights
    policy: Policy


@dataclass(frozen=True)
class ModelReading:
    """What the model says about one headline for one company: the good-news probability and
    how well it knows the words; the other heads are read on demand (``harmful``, ``kind``)."""

    good: float  # probability that it is news to congratulate the company on
    familiarity: float  # the share of the headline's words that the weights know
    features: tuple[str, ...]

    def harmful(self, model: Model) -> float:
        """The probability that congratulating would embarrass."""
        return model.harmful.probability(self.features)

    def kind(self, model: Model) -> tuple[EventKind, float]:
        """The likeliest kind of good news, and its probability among the kinds."""
        return model.kinds.best(self.features)


def tokens(text: str, company_at: int | None = None, company_length: int = 0) -> list[str]:
    """The headline's tokens, lower-cased, with the company's name as one token and numbers as
    their shape (amounts, percentages, years and other numbers read alike whatever the value)."""
    if company_at is not None:
        text = f"{text[:company_at]} {_PLACEHOLDER} {text[company_at + company_length :]}"
    out: list[str] = []
    for match in _TOKEN.finditer(text.lower()):
        kind = match.lastgroup
        if kind == "word":
            word = match.group().strip("'.-").replace("\u2019", "'")
            if word == _PLACEHOLDER:
                out.append(COMPANY_TOKEN)
            elif word:
                out.append(word)
        else:
            out.append(f"<{kind}>")
    return out


def features(words: list[str]) -> list[str]:
    """Word and stem unigrams and bigrams, and where the company stands."""
    stems = [_stem(w) for w in words]
    found = {f"w:{w}" for w in words}
    found.update(f"s:{s}" for s in stems)
    for first, second in zip(["^", *stems], [*stems, "$"], strict=True):
        found.add(f"b:{first} {second}")
    if COMPANY_TOKEN not in words:
        found.add("co:absent")
    elif words[0] == COMPANY_TOKEN:
        found.add("co:first")
    return sorted(found)


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    if word.startswith(("<", "__")):
        return word
    return str(_stemmer().stemWord(word))


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    import snowballstemmer

    return snowballstemmer.stemmer("english")


def familiarity(words: list[str], known: Mapping[str, float]) -> float:
    """The share of the headline's words (not the company, not numbers) that have a weight."""
    plain = [w for w in words if not w.startswith(("<", "__"))]
    return sum(f"w:{w}" in known for w in plain) / len(plain) if plain else 0.0


def read(model: Model, text: str, company_at: int | None, company_length: int) -> ModelReading:
    words = tokens(text, company_at, company_length)
    listed = tuple(features(words))
    return ModelReading(
        model.good.probability(listed), familiarity(words, model.good.features), listed
    )

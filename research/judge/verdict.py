"""Pure: the judge's verdict on a headline, from the rules and the learned reading together.

The rules speak first, as spaCy places an entity ruler beside its statistical model: a family of
bad news vetoes; a question, a date for results, someone else's event or a headline that is not
about the company stays as the rules read it, and so does an event the rules find (a rule that is
sure wins). Where the rules find nothing, or only speculation or a share move, the learned
reading fills in: it may find an event of a kind it knows well (``Policy.learned_kinds``) when it
is sure (``Policy.overrule``) and does not think congratulating would embarrass
(``Policy.harmful``). It speaks only of headlines whose words it mostly knows
(``Policy.familiar``): on others its probabilities say more about the press it learned from than
about the headline. The thresholds are chosen on the training part of the labels, out of fold
(``benchmarks/train_judge.py``).

A vote of the learned reading against a rules event was measured and left out: trained mostly
on Indian market headlines, it doubted plain growth and startup funding headlines of other
presses (see research/judge/MODEL_CARD.md).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import replace

from .. import arguments
from ..errors import InvalidInput
from ..models import Company, EventKind
from ..plan.company import resolve_company, with_derived_aliases
from .match import Mention, mention_in_text
from .model import Model, ModelReading, Policy, read
from .reading import RulesReading, rules_reading
from .rules import NEUTRAL, POSITIVE, Basis, Classification

# What the learned reading may not change: the rules are sure, or there is nothing to read.
RULES_ONLY = frozenset({Basis.NEGATIVE, Basis.QUESTION, Basis.ROLE, Basis.NOT_ABOUT})


def classify(title: str, company: str | Company, summary: str = "") -> Classification:
    """What ``title`` (and its summary) says about ``company``: kind, tone, whether it is about
    the company, and whether it is news to congratulate it on. Pure: no network."""
    arguments.text("title", title)
    arguments.company("company", company)
    arguments.text("summary", summary)
    if isinstance(company, str):
        try:
            company = _company_named(company)
        except InvalidInput as exc:
            return Classification(None, NEUTRAL, False, False, (str(exc),), basis=Basis.NOT_ABOUT)
    mention = mention_in_text(title, summary, company)
    if isinstance(mention, str):
        return Classification(None, NEUTRAL, False, False, (mention,), basis=Basis.NOT_ABOUT)
    return classify_mentioned(title, mention, summary)


@functools.lru_cache(maxsize=65536)
def _company_named(name: str) -> Company:
    """A company from its name, with derived aliases; cached, as callers repeat names."""
    return with_derived_aliases(resolve_company(name))[0]


def classify_mentioned(
    title: str, mention: Mention, summary: str = "", model: Model | None = None
) -> Classification:
    """The verdict once we know how the company is mentioned (see ``match.find_mention``);
    ``model`` defaults to the one shipped with the package."""
    reading = rules_reading(title, mention, summary)
    if reading.classification.basis in RULES_ONLY:
        return reading.classification
    if model is None:
        from .weights import shipped_model  # the weights load on the first verdict that needs them

        model = shipped_model()
    length = len(mention.name) if reading.position is not None else 0
    learned = read(model, reading.text, reading.position, length)
    return combined(reading, learned, model)


def combined(reading: RulesReading, learned: ModelReading, model: Model) -> Classification:
    """The rules' reading, unless the learned one may add an event they did not find; either
    way with the learned probability when it knows the headline's words."""
    if learned.familiarity < model.policy.familiar:
        return reading.classification
    rules = replace(reading.classification, learned=learned.good)
    kind = learned_event(
        model.policy,
        rules.basis,
        learned.good,
        learned.familiarity,
        lambda: learned.harmful(model),
        lambda: learned.kind(model)[0],
    )
    if kind is None:
        return rules
    return Classification(
        kind, POSITIVE, True, True,
        (*rules.reasons[:1], f"{kind.value} (learned reading of the headline,"
         f" {learned.good:.0%} sure; the rules found {_what_rules_found(rules)})"),
        "", rules.basis, learned.good, learned.good,
    )  # fmt: skip


def learned_event(
    policy: Policy,
    basis: Basis,
    good: float,
    familiarity: float,
    harmful: Callable[[], float],
    kind: Callable[[], EventKind | None],
) -> EventKind | None:
    """The kind of event the learned reading adds where the rules' reading rests on ``basis``,
    or None. The heads other than the good-news one are read only when they can matter.
    benchmarks/train_judge.py chooses the policy with this very function."""
    if basis in RULES_ONLY or basis is Basis.EVENT or familiarity < policy.familiar:
        return None  # a rule that is sure wins; unfamiliar words say little
    needed = policy.overrule.get(basis)
    if needed is None or good < needed or harmful() >= policy.harmful:
        return None
    found = kind()
    return found if found is not None and found in policy.learned_kinds else None


def _what_rules_found(rules: Classification) -> str:
    if rules.basis is Basis.HEDGE:
        return f"only speculation ({rules.trigger!r})"
    if rules.basis is Basis.SHARE_MOVE:
        return "only a share move"
    return "no event"

"""Judging fetched news: is an item about the company, is it good news to congratulate it on,
which kind, and how the events rank. Pure: decisions from data, no I/O (but ``weights``, which
reads the learned weights shipped in this package, once).

- ``match``: is the item about this company (names, aliases, namesakes, own site)?
- ``rules``: what the headline says toward the company (kinds of good news, families of bad news,
  questions and hedges), from the patterns written as data in ``patterns``; ``subject``: whose
  event a trigger tells; ``reading``: the rules' reading for one company the headline mentions.
- ``model``: the learned reading of a headline, trained on hand-labelled real headlines.
- ``verdict``: the two together: ``classify``.
- ``rank``: from items to ranked events, each with its reasons.
- ``topics``, ``outlets``: what the interview touched, which outlets are established.
"""

from __future__ import annotations

from .reading import headline_to_read
from .rules import Basis, Classification, read_headline
from .verdict import classify, classify_mentioned

__all__ = [
    "Basis",
    "Classification",
    "classify",
    "classify_mentioned",
    "headline_to_read",
    "read_headline",
]

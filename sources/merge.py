"""Pure merging of duplicate items: one story, every outlet that carried it.

Two items are one story when their canonical URLs are equal (tracking parameters, "www." and
trailing slashes aside), or when outlets that differ give near-identical titles.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from difflib import SequenceMatcher
from fractions import Fraction

from .models import Item, Outlet
from .urls import canonical_url, host_of

NEAR_IDENTICAL = 0.9
# What the ratio alone tells of two similar titles of a and b words with M words matched: from
# 2M / (a + b) >= r and M <= a, b follow b >= r / (2 - r) * a (9/11 for r = 0.9), so other
# lengths are never similar, and a - M <= 2 (1 - r) / r * a: a title similar to one of a words
# lacks at most 2/9 of them.
_RATIO = Fraction(str(NEAR_IDENTICAL))
_SHORTER, _LONGER = (_RATIO / (2 - _RATIO)).as_integer_ratio()
_MISSED, _OF = (2 * (1 - _RATIO) / _RATIO).as_integer_ratio()
_WORD = re.compile(r"\w+")
_AGGREGATOR_HOSTS = ("news.google.com", "bing.com")


def title_tokens(title: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(title.casefold()))


def similar_titles(a: str, b: str) -> bool:
    """True when two headlines tell one story (the test merging uses)."""
    return _similar(title_tokens(a), title_tokens(b))


def _similar(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) < 4:
        return False
    shorter, longer = sorted((len(a), len(b)))
    if shorter / longer < 0.75:
        return False
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= NEAR_IDENTICAL


class _Title:
    """What matching needs of a title, worked out once however many copies of it come."""

    def __init__(self, tokens: tuple[str, ...]) -> None:
        self.tokens = tokens
        self.words = frozenset(tokens)
        index = _index_tokens(tokens)
        self.longest = index[0] if index else ""
        self.index = frozenset(index)
        size = len(tokens)
        # The bounds above in whole words: lengths a similar title can have, words it can lack.
        self.similar_lengths = range(-(-size * _SHORTER // _LONGER), size * _LONGER // _SHORTER + 1)
        self.may_miss = size * _MISSED // _OF


class _Story:
    """One story being gathered. What title matching asks of a candidate is kept up to date as
    items join: recomputing it for every candidate made merging quadratic."""

    def __init__(self, number: int, item: Item, title: _Title, via_aggregator: bool) -> None:
        self.number = number
        self.title = title
        self.items = [item]
        self.publisher_links = [bool(item.url) and not via_aggregator]
        self.outlet_names = _outlet_names(item)
        self.via_aggregator = via_aggregator

    def add(self, item: Item, via_aggregator: bool) -> None:
        self.items.append(item)
        self.publisher_links.append(bool(item.url) and not via_aggregator)
        self.outlet_names |= _outlet_names(item)
        self.via_aggregator = self.via_aggregator or via_aggregator


class _Stories:
    """The stories gathered so far, found by link and by the words of their first title."""

    def __init__(self) -> None:
        self.all: list[_Story] = []
        self.by_url: dict[str, _Story] = {}
        self.by_word: dict[str, list[_Story]] = {}
        self.titles: dict[str, _Title] = {}

    def title(self, text: str) -> _Title:
        """The title of this text, worked out once for all its copies."""
        known = self.titles.get(text)
        if known is None:
            known = self.titles[text] = _Title(title_tokens(text))
        return known

    def _rarest_needed_words(self, title: _Title) -> list[str]:
        """Words of this title of which every title similar to it holds one, the rarest so far
        so that few candidates are compared: one more than it may miss, and all of them when it
        has no more, since titles sharing no word are never similar."""
        by_rarity = sorted(title.words, key=lambda w: len(self.by_word.get(w, ())))
        return by_rarity[: title.may_miss + 1]

    def new(self, item: Item, title: _Title, via_aggregator: bool) -> _Story:
        story = _Story(len(self.all), item, title, via_aggregator)
        self.all.append(story)
        for word in title.words:
            self.by_word.setdefault(word, []).append(story)
        return story

    def candidates(self, title: _Title) -> list[_Story]:
        """The stories this title may join, in the order that decides which one it joins: those
        whose two longest words hold its longest word, then those holding its second, each
        earliest first. Only stories holding one of its needed words are looked at, and only
        those of a length that can be similar are kept."""
        found = {
            story.number: story
            for word in self._rarest_needed_words(title)
            for story in self.by_word.get(word, ())
            if len(story.title.tokens) in title.similar_lengths
            and not story.title.index.isdisjoint(title.index)
        }
        return sorted(found.values(), key=lambda s: (title.longest not in s.title.index, s.number))


def merge_items(items: Iterable[Item]) -> list[Item]:
    """Items with duplicates folded together, in order of first appearance."""
    stories = _Stories()
    for item in items:
        via_aggregator = bool(item.url and _is_aggregator(item.url))
        url_key = canonical_url(item.url) if item.url and not via_aggregator else None
        story = stories.by_url.get(url_key) if url_key else None
        title = stories.title(item.title)
        if story is None:
            story = _find_by_title(item, title, via_aggregator, stories)
        if story is None:
            story = stories.new(item, title, via_aggregator)
        else:
            story.add(item, via_aggregator)
        if url_key:
            stories.by_url.setdefault(url_key, story)
    return [_combine(story) for story in stories.all]


def _index_tokens(tokens: tuple[str, ...]) -> list[str]:
    """The two longest words: near-identical titles share at least one of them."""
    words = sorted(set(tokens))
    words.sort(key=len, reverse=True)  # a stable sort: alphabetical among words of one length
    return words[:2]


def _outlet_names(item: Item) -> set[str]:
    return {(o.domain or o.name).casefold() for o in item.outlets}


def _find_by_title(
    item: Item, title: _Title, via_aggregator: bool, stories: _Stories
) -> _Story | None:
    own = _outlet_names(item)
    for story in stories.candidates(title):
        # One outlet's two stories with the same title stay apart, unless one of them came
        # through a news aggregator: then it is the same article reached two ways.
        if own & story.outlet_names and not (via_aggregator or story.via_aggregator):
            continue
        if _near_identical(title, story.title):
            return story
    return None


def _near_identical(a: _Title, b: _Title) -> bool:
    """``_similar``, after a bound on the ratio far cheaper than matching the words: a word of
    one title that the other lacks is never matched."""
    size = len(a.tokens) + len(b.tokens)
    matched = min(len(a.tokens) - len(a.words - b.words), len(b.tokens) - len(b.words - a.words))
    if a.tokens != b.tokens and 2.0 * matched / size < NEAR_IDENTICAL:
        return False
    return _similar(a.tokens, b.tokens)


def _is_aggregator(url: str) -> bool:
    """True for a news aggregator's link. Most links are told apart without parsing them (which
    was a third of merging): only one holding an aggregator's host name, once lower case and
    without the tabs and line breaks that parsing drops, can be one."""
    folded = url.lower().replace("\t", "").replace("\r", "").replace("\n", "")
    if not any(h in folded for h in _AGGREGATOR_HOSTS):
        return False
    host = host_of(url)
    return any(host == h or host.endswith("." + h) for h in _AGGREGATOR_HOSTS)


def _combine(story: _Story) -> Item:
    items = story.items
    if len(items) == 1:
        return items[0]
    best, _ = max(zip(items, story.publisher_links, strict=True), key=_representative_rank)
    summary = best.summary or next((i.summary for i in items if i.summary), "")
    return replace(told_together(best, items), summary=summary)


def told_together(best: Item, items: Iterable[Item]) -> Item:
    """``best`` as the one telling of a story the ``items`` also tell: every outlet of them all
    (``best``'s first, each once), and the earliest date any of them gives."""
    told = [best, *items]
    outlets: list[Outlet] = []
    seen: set[str] = set()
    for item in told:
        for outlet in item.outlets:
            key = (outlet.domain or outlet.name).casefold()
            if key not in seen:
                seen.add(key)
                outlets.append(outlet)
    dates = [i.published for i in told if i.published is not None]
    return replace(best, published=min(dates) if dates else None, outlets=tuple(outlets))


def _representative_rank(told: tuple[Item, bool]) -> tuple[bool, bool, bool, int]:
    """Prefer a real publisher link, a known date and a summary."""
    item, publisher_link = told
    return (
        publisher_link,
        item.published is not None,
        bool(item.summary),
        -len(item.title),
    )

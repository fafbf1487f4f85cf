"""Pure merging of duplicate items: one story, every outlet that carried it.

Two items are one story when their canonical URLs are equal (tracking parameters, "www." and
trailing slashes aside), or when outlets that differ give near-identical titles.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace
from fractions import Fraction
from itertools import chain

from rapidfuzz.distance import Indel

from ..models import Item, Outlet
from .urls import canonical_url, host_of

NEAR_IDENTICAL = 0.9
# What the ratio alone tells of two similar titles of a and b words with M words matched: from
# 2M / (a + b) >= r and M <= b follows M >= r / (2 - r) * a, so a - M <= 2 (1 - r) / (2 - r) * a:
# a title similar to one of a words lacks at most 2/11 of them.
_RATIO = Fraction(str(NEAR_IDENTICAL))
_MISSED, _OF = (2 * (1 - _RATIO) / (2 - _RATIO)).as_integer_ratio()
_WORD = re.compile(r"\w+")
_AGGREGATOR_HOSTS = ("news.google.com", "bing.com")
_AGGREGATOR_SUBDOMAINS = tuple("." + host for host in _AGGREGATOR_HOSTS)


def title_tokens(title: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(title.casefold()))


def similar_titles(a: str, b: str) -> bool:
    """True when two headlines tell one story (the test merging uses)."""
    return _similar(title_tokens(a), title_tokens(b))


def _similar(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Near-identical word sequences: 2 M / (a + b) >= NEAR_IDENTICAL, M the words of their
    longest common subsequence (rapidfuzz's Indel similarity, in C; difflib's SequenceMatcher
    gave the same verdicts on the fixtures' titles, ten times slower)."""
    if a == b:
        return True
    if min(len(a), len(b)) < 4:
        return False
    shorter, longer = sorted((len(a), len(b)))
    if shorter / longer < 0.75:
        return False
    return Indel.normalized_similarity(a, b, score_cutoff=NEAR_IDENTICAL) >= NEAR_IDENTICAL


class _Title:
    """What matching needs of a title, worked out once however many copies of it come."""

    __slots__ = ("index", "longest", "needed", "repeats", "tokens", "words")

    def __init__(self, tokens: tuple[str, ...], frequency: Counter[str]) -> None:
        size = len(tokens)
        words = frozenset(tokens)
        alphabetical = sorted(words)
        # Its two longest words, alphabetical among words of one length (the sorts are stable):
        # near-identical titles share at least one of them.
        by_length = sorted(alphabetical, key=len, reverse=True)
        self.tokens = tokens
        self.words = words
        self.repeats = size - len(words)
        self.longest = by_length[0] if by_length else ""
        self.index = frozenset(by_length[:2])
        may_miss = size * _MISSED // _OF  # the bound above in whole words
        # Its first words in one order of all words (rarest first, then alphabetical): a title
        # similar to it lacks at most ``may_miss`` of its words, so the first word they share,
        # in that order, is among the first ``may_miss + 1`` of each of them.
        self.needed = sorted(alphabetical, key=frequency.__getitem__)[: may_miss + 1]


class _Story:
    """One story being gathered. What title matching asks of a candidate is kept up to date as
    items join: recomputing it for every candidate made merging quadratic."""

    __slots__ = ("items", "number", "outlet_names", "publisher_links", "title", "via_aggregator")

    def __init__(
        self, number: int, item: Item, title: _Title, via_aggregator: bool, outlet_names: set[str]
    ) -> None:
        self.number = number
        self.title = title
        self.items = [item]
        self.publisher_links = [bool(item.url) and not via_aggregator]
        self.outlet_names = outlet_names
        self.via_aggregator = via_aggregator

    def add(self, item: Item, via_aggregator: bool, outlet_names: set[str]) -> None:
        self.items.append(item)
        self.publisher_links.append(bool(item.url) and not via_aggregator)
        self.outlet_names |= outlet_names
        self.via_aggregator = self.via_aggregator or via_aggregator


class _Stories:
    """The stories gathered so far, found by link and by the needed words of their first title.

    This is prefix filtering (Chaudhuri, Ganti and Kaushik, 2006): with the words of all the
    titles in one order, rarest first, a story is listed under the first few words of its title
    only and a title looks under its own only, so that few stories are compared and few lists
    grow. The order must be known before the first story, so every title is read up front.
    """

    def __init__(self, titles: Iterable[str]) -> None:
        self.all: list[_Story] = []
        self.by_url: dict[str, _Story] = {}
        self.by_needed_word: defaultdict[str, list[_Story]] = defaultdict(list)
        tokens = {text: title_tokens(text) for text in dict.fromkeys(titles)}
        frequency = Counter(chain.from_iterable(tokens.values()))
        self.titles = {text: _Title(words, frequency) for text, words in tokens.items()}

    def new(
        self, item: Item, title: _Title, via_aggregator: bool, outlet_names: set[str]
    ) -> _Story:
        story = _Story(len(self.all), item, title, via_aggregator, outlet_names)
        self.all.append(story)
        for word in title.needed:
            self.by_needed_word[word].append(story)
        return story

    def candidates(self, title: _Title) -> list[_Story]:
        """The stories this title may join, in the order that decides which one it joins: those
        whose two longest words hold its longest word, then those holding its second, each
        earliest first. Of the stories sharing a needed word with it, only those sharing one of
        its two longest words and whose title may be near-identical are kept."""
        found: dict[int, _Story] = {}
        looked_at: set[int] = set()  # a story listed under several of its needed words
        for word in title.needed:
            for story in self.by_needed_word.get(word, ()):
                if story.number in looked_at:
                    continue
                looked_at.add(story.number)
                other = story.title
                if not title.index.isdisjoint(other.index) and _may_be_near_identical(title, other):
                    found[story.number] = story
        if len(found) < 2:  # nothing to order
            return list(found.values())
        return sorted(found.values(), key=lambda s: (title.longest not in s.title.index, s.number))


def merge_items(items: Iterable[Item]) -> list[Item]:
    """Items with duplicates folded together, in order of first appearance."""
    items = list(items)
    stories = _Stories(item.title for item in items)
    by_url, titles = stories.by_url, stories.titles
    for item in items:
        url = item.url
        via_aggregator = bool(url and _is_aggregator(url))
        url_key = canonical_url(url) if url and not via_aggregator else None
        story = by_url.get(url_key) if url_key else None
        outlet_names = _outlet_names(item)
        if story is None:
            story = _find_by_title(titles[item.title], outlet_names, via_aggregator, stories)
        if story is None:
            story = stories.new(item, titles[item.title], via_aggregator, outlet_names)
        else:
            story.add(item, via_aggregator, outlet_names)
        if url_key:
            by_url.setdefault(url_key, story)
    return [_combine(story) for story in stories.all]


def _outlet_names(item: Item) -> set[str]:
    return {(o.domain or o.name).casefold() for o in item.outlets}


def _find_by_title(
    title: _Title, outlet_names: set[str], via_aggregator: bool, stories: _Stories
) -> _Story | None:
    for story in stories.candidates(title):
        # One outlet's two stories with the same title stay apart, unless one of them came
        # through a news aggregator: then it is the same article reached two ways.
        if outlet_names & story.outlet_names and not (via_aggregator or story.via_aggregator):
            continue
        if _similar(title.tokens, story.title.tokens):
            return story
    return None


def _may_be_near_identical(a: _Title, b: _Title) -> bool:
    """False when two titles are not near-identical, by a bound on the ratio far cheaper than
    matching their words: a word of one that the other lacks is never matched, so at most the
    shared words and the fewer repeats of either are."""
    if a.tokens == b.tokens:
        return True
    matched = len(a.words & b.words) + min(a.repeats, b.repeats)
    return 2.0 * matched / (len(a.tokens) + len(b.tokens)) >= NEAR_IDENTICAL


def _is_aggregator(url: str) -> bool:
    """True for a news aggregator's link. Most links are told apart without parsing them (which
    was a third of merging): only one holding an aggregator's host name, once lower case and
    without the tabs and line breaks that parsing drops, can be one."""
    folded = url.lower().replace("\t", "").replace("\r", "").replace("\n", "")
    if not any(h in folded for h in _AGGREGATOR_HOSTS):
        return False
    host = host_of(url)
    return host in _AGGREGATOR_HOSTS or host.endswith(_AGGREGATOR_SUBDOMAINS)


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

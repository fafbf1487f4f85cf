"""Pure merging of duplicate items: one story, every outlet that carried it.

Two items are one story when their canonical URLs are equal (tracking parameters, "www." and
trailing slashes aside), or when outlets that differ give near-identical titles.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from difflib import SequenceMatcher

from .models import Item, Outlet
from .urls import canonical_url, host_of

NEAR_IDENTICAL = 0.9
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


class _Story:
    def __init__(self, item: Item) -> None:
        self.items = [item]
        self.tokens = title_tokens(item.title)

    @property
    def via_aggregator(self) -> bool:
        return any(i.url and _is_aggregator(i.url) for i in self.items)

    @property
    def outlet_names(self) -> set[str]:
        return {(o.domain or o.name).casefold() for i in self.items for o in i.outlets}


def merge_items(items: Iterable[Item]) -> list[Item]:
    """Items with duplicates folded together, in order of first appearance."""
    stories: list[_Story] = []
    by_url: dict[str, _Story] = {}
    by_token: dict[str, list[_Story]] = {}
    for item in items:
        url_key = canonical_url(item.url) if item.url and not _is_aggregator(item.url) else None
        story = by_url.get(url_key) if url_key else None
        tokens = title_tokens(item.title)
        if story is None:
            story = _find_by_title(item, tokens, by_token)
        if story is None:
            story = _Story(item)
            stories.append(story)
            for token in _index_tokens(tokens):
                by_token.setdefault(token, []).append(story)
        else:
            story.items.append(item)
        if url_key:
            by_url.setdefault(url_key, story)
    return [_combine(story.items) for story in stories]


def _index_tokens(tokens: tuple[str, ...]) -> list[str]:
    """The two longest words: near-identical titles share at least one of them."""
    return sorted(set(tokens), key=lambda t: (-len(t), t))[:2]


def _find_by_title(
    item: Item, tokens: tuple[str, ...], by_token: dict[str, list[_Story]]
) -> _Story | None:
    own = {(o.domain or o.name).casefold() for o in item.outlets}
    via_aggregator = bool(item.url and _is_aggregator(item.url))
    for token in _index_tokens(tokens):
        for story in by_token.get(token, ()):
            # One outlet's two stories with the same title stay apart, unless one of them came
            # through a news aggregator: then it is the same article reached two ways.
            if own & story.outlet_names and not (via_aggregator or story.via_aggregator):
                continue
            if _similar(tokens, story.tokens):
                return story
    return None


def _is_aggregator(url: str) -> bool:
    host = host_of(url)
    return any(host == h or host.endswith("." + h) for h in _AGGREGATOR_HOSTS)


def _combine(items: list[Item]) -> Item:
    if len(items) == 1:
        return items[0]
    best = max(items, key=_representative_rank)
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


def _representative_rank(item: Item) -> tuple[bool, bool, bool, int]:
    """Prefer a real publisher link, a known date and a summary."""
    return (
        bool(item.url) and not _is_aggregator(item.url or ""),
        item.published is not None,
        bool(item.summary),
        -len(item.title),
    )

"""Pure: the limits on a run's options (days, limit, feeds, topics), checked before anything is
fetched, discovery included."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence

from sources import SourceError
from sources.parse.urls import require_http_url

from .errors import InvalidInput
from .judge.topics import MAX_TOPIC_LENGTH, MAX_TOPICS, topic_words

MAX_DAYS = 365
MAX_LIMIT = 100
MAX_FEEDS = 50


def check_options(days: int, limit: int, feeds: Iterable[str]) -> tuple[str, ...]:
    """Checked options; the feeds as a tuple of at most MAX_FEEDS strings."""
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_DAYS:
        raise InvalidInput(f"days must be a whole number from 1 to {MAX_DAYS}; got {days!r}")
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
        raise InvalidInput(f"limit must be a whole number from 1 to {MAX_LIMIT}; got {limit!r}")
    if isinstance(feeds, str | bytes):
        raise InvalidInput("feeds must be a list of URLs, not a single string")
    checked = tuple(itertools.islice(feeds, MAX_FEEDS + 1))
    if len(checked) > MAX_FEEDS:
        raise InvalidInput(f"more than {MAX_FEEDS} feeds given; at most {MAX_FEEDS} are accepted")
    for feed in checked:
        if not isinstance(feed, str):
            raise InvalidInput(f"each feed must be a URL string; got {feed!r:.80}")
        try:
            require_http_url(feed)
        except SourceError as exc:  # checked before anything is fetched, discovery included
            raise InvalidInput(f"feed {feed[:200]!r} is not usable: {exc.message}") from exc
    return checked


def check_topics(topics: Sequence[str]) -> tuple[str, ...]:
    """The topics, each with its spacing tidied and given once; at most MAX_TOPICS."""
    if isinstance(topics, str):
        topics = (topics,)
    cleaned = tuple(dict.fromkeys(" ".join(str(t).split()) for t in topics))
    if len(cleaned) > MAX_TOPICS:
        raise InvalidInput(f"{len(cleaned)} topics given; at most {MAX_TOPICS} are accepted")
    for topic in cleaned:
        if not topic_words(topic) or len(topic) > MAX_TOPIC_LENGTH:
            raise InvalidInput(
                f"topic {topic[:60]!r} must have a word or two to look for "
                f"(at most {MAX_TOPIC_LENGTH} characters)"
            )
    return cleaned

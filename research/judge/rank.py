"""Pure: from fetched items to ranked events, each with the reasons it was kept.

Score = kind weight + the learned reading's view + recency + corroboration. Recency halves every
RECENCY_HALF_LIFE_DAYS days, so a story from today outranks an equally good one from three weeks
ago; items older than the window are dropped; undated items are kept, marked, and ranked below
every dated one (their age is unknown, and a stale story makes a note look lazy).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime, timedelta

from sources import Item

from ..models import Company, Event, EventKind, Skipped
from ..write.snippets import default_snippet, snippets_for_event
from .match import Mention, find_mention, looked_for
from .outlets import ESTABLISHED_BONUS, established_outlet
from .rules import Classification
from .same_event import Candidate, one_event_once
from .topics import touches
from .verdict import classify_mentioned

RECENCY_HALF_LIFE_DAYS = 7.0
CORROBORATION_BONUS = 0.1
# What the company says about itself is what it is proud of: a good note to reference.
FIRST_PARTY_BONUS = 0.15
# What was discussed in the interview: the event to mention in the note, if there is one. Such
# events are also sorted first (rank_items), so a topic match always leads.
TOPIC_BONUS = 1.0
MAX_CORROBORATION = 0.3
# Out of fold on the training part's companies, adding (learned - 0.5) to the score took the
# first event from 97.0 % to 99.2 % good news (research/judge/MODEL_CARD.md).
LEARNED_WEIGHT = 1.0

KIND_WEIGHTS: dict[EventKind, float] = {
    EventKind.AWARD: 1.0,
    EventKind.NEW_ACCOUNT: 0.95,
    EventKind.GROWTH: 0.9,
    EventKind.FUNDING: 0.9,
    EventKind.ACQUISITION: 0.85,
    EventKind.PARTNERSHIP: 0.85,
    EventKind.LAUNCH: 0.8,
    EventKind.EXPANSION: 0.8,
    EventKind.MILESTONE: 0.75,
}

_KIND_LABELS: dict[EventKind, str] = {
    EventKind.AWARD: "an award or recognition",
    EventKind.GROWTH: "growth",
    EventKind.FUNDING: "funding",
    EventKind.NEW_ACCOUNT: "a new customer or contract",
    EventKind.PARTNERSHIP: "a partnership",
    EventKind.LAUNCH: "a launch",
    EventKind.ACQUISITION: "an acquisition",
    EventKind.EXPANSION: "an expansion",
    EventKind.MILESTONE: "a milestone",
}


def _age_text(published: datetime, now: datetime) -> str:
    days = (now.date() - published.date()).days
    when = "today" if days <= 0 else "yesterday" if days == 1 else f"{days} days ago"
    return f"published {when} ({published:%Y-%m-%d})"


def rank_items(
    items: Iterable[Item],
    company: Company,
    *,
    now: datetime,
    days: int,
    limit: int | None,
    topics: tuple[str, ...] = (),
) -> tuple[tuple[Event, ...], tuple[Skipped, ...]]:
    """The best ``limit`` events (None: all), best first, and every item not kept with its reason.
    Events that touch one of ``topics`` (what the interview was about) come first and say so."""
    oldest = now - timedelta(days=days)
    kept: list[Candidate[tuple[Classification, Mention]]] = []
    skipped: list[Skipped] = []
    for item in items:

        def skip(reason: str, item: Item = item) -> None:
            skipped.append(Skipped(item.title, item.url, item.published, reason))

        if item.published is not None and item.published < oldest:
            skip(f"older than {days} days (published {item.published:%Y-%m-%d})")
            continue
        mention = find_mention(item, company)
        if isinstance(mention, str):
            skip(mention)
            continue
        verdict = classify_mentioned(item.title, mention, item.summary)
        if not verdict.congratulable or verdict.kind is None:
            skip("; ".join(verdict.reasons[1:]) or "no event to congratulate")
            continue
        kept.append(Candidate(item, verdict.kind, (verdict, mention)))
    events = [
        _event(c.item, company, c.extra[0], c.extra[1], now, topics)
        for c in one_event_once(kept, company.names)
    ]
    # What the interview touched leads, whatever else scores higher (see TOPIC_BONUS).
    events.sort(
        key=lambda e: (bool(e.topics), e.published is not None, e.score, e.published or now),
        reverse=True,
    )
    return tuple(events[:limit]), tuple(skipped)


def _event(
    item: Item,
    company: Company,
    verdict: Classification,
    mention: Mention,
    now: datetime,
    topics: tuple[str, ...],
) -> Event:
    kind = verdict.kind
    assert kind is not None
    label = _KIND_LABELS[kind]
    what = (
        f"{label} ({verdict.trigger!r})"
        if verdict.trigger
        else f"{label}, by the learned reading of the headline ({verdict.confidence:.0%} sure)"
    )
    reasons = [mention.reason, what]
    # What the rules are sure of comes before what only the learned reading found, and among
    # them what the learned reading, where it knows the words, finds most like good news.
    score = KIND_WEIGHTS[kind] * verdict.confidence
    if verdict.learned is not None:
        score += LEARNED_WEIGHT * (verdict.learned - 0.5)
    first_party = item.first_party or mention.where == "own site"
    if first_party:
        score += FIRST_PARTY_BONUS
        reasons.append("the company's own announcement")
    else:
        outlet = established_outlet(o.domain for o in item.outlets)
        if outlet:
            score += ESTABLISHED_BONUS
            reasons.append(f"from an established outlet ({outlet})")
    touched = tuple(t for t in topics if touches(t, f"{item.title} {item.summary}"))
    if touched:
        score += TOPIC_BONUS
        reasons.append("touches the topic " + ", ".join(repr(t) for t in touched))
    if item.published is not None:
        age_days = max((now - item.published).total_seconds() / 86400, 0.0)
        score += 0.5 ** (age_days / RECENCY_HALF_LIFE_DAYS)
        reasons.append(_age_text(item.published, now))
    else:
        reasons.append("date unknown: ranked below dated news")
    if len(item.outlets) > 1:
        score += min(CORROBORATION_BONUS * (len(item.outlets) - 1), MAX_CORROBORATION)
        names = ", ".join(o.name or o.domain for o in item.outlets)
        reasons.append(f"carried by {len(item.outlets)} outlets: {names}")
    event = Event(
        title=item.title,
        url=item.url,
        publisher=item.publisher,
        publisher_domain=item.publisher_domain,
        published=item.published,
        kind=kind,
        score=round(score, 4),
        reasons=tuple(reasons),
        sentence="",
        source=item.source,
        summary=item.summary,
        outlets=item.outlets,
        first_party=first_party,
        topics=touched,
    )
    # One pass over the phrasings gives every snippet and, from them, the default sentence.
    # The names the headline was read for, so "Intertek profit up" is Intertek Group's profit.
    snippets = snippets_for_event(event, company.name, looked_for(company.names))
    return replace(event, snippets=snippets, sentence=default_snippet(snippets).text)

"""A small program using the library as a note writer would: checked with `mypy --strict` by
tests/test_typed_api.py, so the public API stays typed for its users (research ships py.typed)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import research


def best_sentence(company: str, replay: Path) -> str | None:
    result: research.Result = research.research(company, days=30, replay=replay)
    if result.all_failed:
        failures: tuple[research.SourceFailure, ...] = result.failures
        print(f"could not look: {len(failures)} sources failed")
        return None
    for event in result.events:
        kind: research.EventKind = event.kind
        snippet: research.Snippet = research.congratulate(event, tone="formal")
        print(kind.value, event.title, event.url)
        return snippet.text
    return None


def note_text(result: research.Result) -> str:
    tone: research.Tone = "warm"
    round_: research.Round = "final"
    try:
        draft: research.NoteDraft = research.draft_note(
            result, to="Jane Doe", role="Analyst", tone=tone, round=round_
        )
    except research.SourcesFailed as exc:
        return f"no note: {exc}"
    return draft.text


def profiles() -> list[str]:
    companies: list[research.Company] = research.list_companies()
    damaged: list[str] = research.damaged_companies()
    return [c.slug for c in companies] + damaged


async def in_a_loop(company: str) -> int:
    result = await research.research_async(company, offline=True)
    profile, discovery = await research.discover_company_async(company, offline=True)
    found: research.Discovery = discovery
    print(profile.slug, len(found.feeds))
    return len(result.events)


def article_line(result: research.Result, topic: str) -> str:
    found: research.Articles = research.find_articles(topic, company=result.company, days=14)
    best: research.Article | None = found.articles[0] if found.articles else None
    draft = research.draft_note(result, to="Jane Doe", role="Analyst", topic=topic, article=best)
    return draft.text


async def articles_in_a_loop(topic: str) -> list[str]:
    found = await research.find_articles_async(topic, offline=True, competitors=["Beta Labs"])
    return [a.url for a in found.articles if a.trade]


def digest_week() -> str:
    digest: research.Digest = research.weekly_digest(offline=True)
    return str(digest.week)


if __name__ == "__main__":
    print(best_sentence("acme-corp", Path("fixtures/feeds")))
    print(asyncio.run(in_a_loop("acme-corp")))

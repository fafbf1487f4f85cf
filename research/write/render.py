"""Pure: a Result as the JSON document and as the text a person reads on a terminal."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sources.parse.text import clean_text

from .. import arguments
from ..models import Article, Articles, Company, Event, Result, WatchEntry

if TYPE_CHECKING:
    from ..digest.data import ReportedWeek
    from .note import NoteDraft

# The version of every JSON document below; docs/schema/ holds their JSON Schemas.
JSON_SCHEMA_VERSION = 1


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat().replace("+00:00", "Z") if moment else None


def event_to_dict(event: Event) -> dict[str, Any]:
    return {
        "title": event.title,
        "url": event.url,
        "publisher": event.publisher,
        "publisher_domain": event.publisher_domain,
        "published": _iso(event.published),
        "kind": event.kind.value,
        "score": event.score,
        "reasons": list(event.reasons),
        "sentence": event.sentence,
        "outlets": [{"name": o.name, "domain": o.domain, "url": o.url} for o in event.outlets],
        "source": event.source,
        "summary": event.summary,
        "first_party": event.first_party,
        "topics": list(event.topics),
        "snippets": [
            {"tone": x.tone, "variant": x.variant, "text": x.text, "clause": x.clause}
            for x in event.snippets
        ],
    }


def company_to_dict(company: Company) -> dict[str, Any]:
    return {
        "slug": company.slug,
        "name": company.name,
        "aliases": list(company.aliases),
        "domain": company.domain,
        "newsroom": company.newsroom,
        "feeds": list(company.feeds),
        "exclude": list(company.exclude),
        "discovered_feeds": list(company.discovered_feeds),
        "discovered_pages": list(company.discovered_pages),
        "discovered_at": _iso(company.discovered_at),
        "discovery_notes": list(company.discovery_notes),
        "cik": company.cik,
        "wires": list(company.wires),
        "sources": list(company.sources),
        "no_sources": list(company.no_sources),
    }


def format_company(company: Company) -> str:
    """A profile for the terminal: one field a line."""
    lines = [f"{company.slug}: {_safe(company.name)}"]
    for label, values in (
        ("aliases", company.aliases),
        ("domain", (company.domain,) if company.domain else ()),
        ("newsroom", (company.newsroom,) if company.newsroom else ()),
        ("feeds", company.feeds),
        ("exclude", company.exclude),
        ("SEC CIK", (f"{company.cik:010d}",) if company.cik else ()),
        ("wires", company.wires),
        ("sources on", company.sources),
        ("sources off", company.no_sources),
    ):
        if values:
            lines.append(f"  {label}: {_safe(', '.join(values))}")
    if company.discovered_at is None:
        if company.domain or company.newsroom:
            lines.append(
                "  discovery: not yet (runs on the next research, or: research company discover)"
            )
        return "\n".join(lines)
    lines.append(f"  discovered {company.discovered_at:%Y-%m-%d %H:%M} UTC:")
    lines += format_discovery(
        company.discovered_feeds, company.discovered_pages, company.discovery_notes, "    "
    )
    return "\n".join(lines)


def format_discovery(
    feeds: tuple[str, ...], pages: tuple[str, ...], notes: tuple[str, ...], indent: str
) -> list[str]:
    """What newsroom discovery found and noticed, one line each."""
    lines = [f"{indent}feed: {_safe(url)}" for url in feeds]
    lines += [f"{indent}newsroom page: {_safe(url)}" for url in pages]
    if not feeds and not pages:
        lines.append(f"{indent}nothing found")
    lines += [f"{indent}note: {_safe(note)}" for note in notes]
    return lines


def result_to_dict(result: Result) -> dict[str, Any]:
    """The documented JSON document (see docs/library.md, "JSON output")."""
    arguments.instance("result", result, Result, "a Result from research()")
    return {
        "schema_version": JSON_SCHEMA_VERSION,
        "company": company_to_dict(result.company),
        "generated_at": _iso(result.generated_at),
        "window_days": result.window_days,
        "offline": result.offline,
        "replayed": result.replayed,
        "data_as_of": _iso(result.data_as_of),
        "events": [event_to_dict(e) for e in result.events],
        "failures": [
            {"source": f.source, "url": f.url, "error": f.error, "reason": f.reason}
            for f in result.failures
        ],
        "skipped": [
            {"title": s.title, "url": s.url, "published": _iso(s.published), "reason": s.reason}
            for s in result.skipped
        ],
        "topics": list(result.topics),
        "warnings": list(result.warnings),
        "events_found": (
            len(result.events) if result.events_found is None else result.events_found
        ),
        # With ``failures``, these tell "no news" from "could not look" (every source failed).
        "sources_total": result.sources_total,
        "sources_answered": result.sources_answered,
    }


def _safe(text: str | None) -> str:
    """Terminal-safe: no escape sequences, carriage returns or bidi overrides from a feed."""
    return clean_text(text or "")


def format_text(
    result: Result, *, verbose: bool = False, tone: str = "formal", variant: int = 0
) -> str:
    """The human report: one block per event, best first, with the sentence in ``tone``."""
    lines: list[str] = []
    name = _safe(result.company.name)
    if result.replayed:
        lines.append(f"(replayed recording, as of {result.generated_at:%Y-%m-%d %H:%M} UTC)")
    if result.offline:
        age = (
            f"data fetched {result.data_as_of:%Y-%m-%d %H:%M} UTC"
            if result.data_as_of
            else "no stored data"
        )
        lines.append(f"(offline: answered from the store; {age})")
    window = "day" if result.window_days == 1 else f"{result.window_days} days"
    if result.all_failed:
        lines.append(f"No source gave an answer for {name}, so nothing was checked.")
    elif not result.events:
        lines.append(f"No positive news about {name} in the last {window}.")
        if result.failures:
            failed = len(result.failures)
            lines.append(
                f"Only {result.sources_total - failed} of {result.sources_total} sources answered; "
                "the others failed (see the warnings), so this is not the whole picture."
            )
    else:
        lines.append(
            f"{name}: {_news_count(result)} {_news_when(result.events, window)}, best first"
        )
    for number, event in enumerate(result.events, 1):
        date = f"{event.published:%Y-%m-%d}" if event.published else "date unknown"
        outlets = f" (+{len(event.outlets) - 1} more)" if len(event.outlets) > 1 else ""
        lines += [
            "",
            f"{number}. {_safe(event.title)}",
            f"   {date} · {_safe(event.publisher) or event.publisher_domain}{outlets} · "
            f"{event.kind.value.replace('_', ' ')}",
        ]
        if event.url:
            lines.append(f"   {_safe(event.url)}")
        if event.topics:
            lines.append(f"   Topic: {_safe(', '.join(event.topics))}")
        lines.append(f"   Why: {_safe('; '.join(event.reasons))}")
        chosen = next((x for x in event.snippets if x.tone == tone and x.variant == variant), None)
        lines.append(f"   Say: {_safe(chosen.text if chosen else event.sentence)}")
    if verbose and result.skipped:
        lines += ["", f"Skipped ({len(result.skipped)}):"]
        for skipped in result.skipped:
            lines.append(f"  - {_safe(skipped.title)}: {_safe(skipped.reason)}")
    return "\n".join(lines)


def _news_count(result: Result) -> str:
    """ "3 pieces of good news", or "showing 10 of 11 pieces of good news" when the limit cut."""
    shown = len(result.events)
    found = max(shown, result.events_found or 0)
    pieces = f"piece{'s' if found != 1 else ''} of good news"
    return f"showing {shown} of {found} {pieces}" if found > shown else f"{shown} {pieces}"


def _news_when(events: tuple[Event, ...], window: str) -> str:
    """When the events are from, never claiming the window for an event without a date."""
    undated = sum(1 for event in events if event.published is None)
    if not undated:
        return f"in the last {window}"
    if undated == len(events):
        return "(date unknown)" if undated == 1 else "(dates unknown)"
    return f"({len(events) - undated} in the last {window}, {undated} with the date unknown)"


def format_problems(result: Result | Articles) -> list[str]:
    """Warning lines for stderr: each failed source, then other warnings."""
    problems = [
        f"warning: {f.source} failed: {_safe(f.error)} [{f.reason}] ({_safe(f.url)})"
        for f in result.failures
    ]
    problems += [f"warning: {_safe(w)}" for w in result.warnings]
    return problems


def note_to_dict(note: NoteDraft) -> dict[str, Any]:
    """The note's parts for programs: subject, greeting, paragraphs, closing, the event used."""
    return {
        "schema_version": JSON_SCHEMA_VERSION,
        "subject": note.subject,
        "greeting": note.greeting,
        "paragraphs": list(note.paragraphs),
        "closing": note.closing,
        "text": note.text,
        "congratulation": (
            {"text": note.congratulation.text, "clause": note.congratulation.clause}
            if note.congratulation
            else None
        ),
        "event": event_to_dict(note.event) if note.event else None,
        "remarks": list(note.remarks),
        "timing": note.timing,
        "article": article_to_dict(note.article) if note.article else None,
    }


def reported_week_to_dict(week: ReportedWeek) -> dict[str, Any]:
    """A saved digest for programs: its week, when its content last changed, its one-line
    summary, and the news it reported by company (see docs/schema/digest.json)."""
    return {
        "schema_version": JSON_SCHEMA_VERSION,
        "week": str(week.saved.week),
        "starts": _iso(week.saved.week.start),
        "ends": _iso(week.saved.week.end),
        "updated": _iso(week.saved.updated),
        "summary": week.saved.summary,
        "companies": [
            {
                "slug": section.company.slug,
                "name": section.company.name,
                "events": [event_to_dict(event) for event in section.events],
            }
            for section in week.sections
        ],
    }


def watch_entry_to_dict(entry: WatchEntry) -> dict[str, Any]:
    """A watched company for programs: its profile, when added and when last researched."""
    return {
        "company": company_to_dict(entry.company),
        "has_profile": entry.has_profile,
        "added_at": _iso(entry.added_at),
        "last_researched": _iso(entry.last_researched),
        "problem": entry.problem,
    }


def format_watch_entry(entry: WatchEntry) -> str:
    """One watched company for the terminal: name, profile summary, last research."""
    company = entry.company
    if entry.problem:
        profile = f"profile unreadable: {entry.problem}"
    elif not entry.has_profile:
        profile = "no profile (add one with: research company add " + company.slug + ")"
    else:
        parts = [company.domain or "no domain"]
        feeds = len(company.feeds) + len(company.discovered_feeds)
        parts.append(f"{feeds} feed{'s' if feeds != 1 else ''}")
        if company.aliases:
            parts.append("also " + ", ".join(company.aliases))
        profile = "; ".join(parts)
    last = (
        f"last researched {entry.last_researched:%Y-%m-%d %H:%M} UTC"
        if entry.last_researched
        else "never researched"
    )
    return f"{_safe(company.slug):<24} {_safe(company.name):<28} {_safe(profile)} · {last}"


def article_to_dict(article: Article) -> dict[str, Any]:
    """One article worth sharing, for programs (docs/schema/articles.json#/$defs/article)."""
    return {
        "title": article.title,
        "url": article.url,
        "published": _iso(article.published),
        "publisher": article.publisher,
        "publisher_domain": article.publisher_domain,
        "summary": article.summary,
        "source": article.source,
        "score": article.score,
        "trade": article.trade,
        "reasons": list(article.reasons),
    }


def articles_to_dict(found: Articles) -> dict[str, Any]:
    """What `research article --json` prints (docs/schema/articles.json)."""
    arguments.instance("found", found, Articles, "Articles from find_articles()")
    return {
        "schema_version": JSON_SCHEMA_VERSION,
        "topic": found.topic,
        "company": company_to_dict(found.company) if found.company else None,
        "generated_at": _iso(found.generated_at),
        "window_days": found.window_days,
        "offline": found.offline,
        "replayed": found.replayed,
        "articles": [article_to_dict(a) for a in found.articles],
        "failures": [
            {"source": f.source, "url": f.url, "error": f.error, "reason": f.reason}
            for f in found.failures
        ],
        "skipped": [
            {"title": s.title, "url": s.url, "published": _iso(s.published), "reason": s.reason}
            for s in found.skipped
        ],
        "warnings": list(found.warnings),
        "sources_total": found.sources_total,
    }


def format_articles(found: Articles, *, verbose: bool = False) -> str:
    """The articles as a person reads them: best first, each with where, when and why."""
    about = f" (not about {_safe(found.company.name)} itself)" if found.company else ""
    window = f"in the last {found.window_days} days"
    header = [
        *(["(replayed recording)"] if found.replayed else []),
        *(["(offline: stored answers only)"] if found.offline else []),
    ]
    if not found.articles:
        lines = [*header, f"No article on {_safe(found.topic)!r} {window}{about}."]
    else:
        count = len(found.articles)
        lines = [
            *header,
            f"{count} article{'s' * (count != 1)} on {_safe(found.topic)!r} {window}{about}, "
            "best first",
        ]
    for number, article in enumerate(found.articles, 1):
        when = article.published.date().isoformat() if article.published else "date unknown"
        lines += [
            "",
            f"{number}. {_safe(article.title)}",
            f"   {when} · {_safe(article.publisher)}",
            f"   {_safe(article.url)}",
            f"   Why: {_safe('; '.join(article.reasons))}",
        ]
    if verbose and found.skipped:
        lines += ["", "Skipped:"]
        lines += [f"- {_safe(s.title)}: {_safe(s.reason)}" for s in found.skipped]
    return "\n".join(lines)

"""Pure: a profile and a reported event as the JSON the store keeps (a recording keeps profiles
the same way), and read back with every field checked, so a damaged row is an error, not a crash.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sources import Outlet
from sources.parse.text import parse_date

from ..models import Company, Event, EventKind, Snippet
from ..write.render import company_to_dict, event_to_dict


def company_to_json(company: Company) -> str:
    """The profile as stored: the documented JSON company object, plus how its name matches."""
    return json.dumps(company_to_data(company), ensure_ascii=False)


def company_to_data(company: Company) -> dict[str, Any]:
    """The profile as a JSON object (also what a recording keeps of a company)."""
    return {**company_to_dict(company), "exact_case": company.exact_case}


def company_from_json(text: str) -> Company:
    """A profile from its JSON; ValueError when any field has the wrong type."""
    return company_from_data(json.loads(text))


def company_from_data(data: object) -> Company:
    """A profile from its JSON object; ValueError when any field has the wrong type."""
    if not isinstance(data, dict):
        raise ValueError("a profile must be a JSON object")
    discovered_at = data.get("discovered_at")
    return Company(
        slug=_text(data.get("slug")),
        name=_text(data.get("name")),
        aliases=_texts(data.get("aliases", [])),
        domain=_optional_text(data.get("domain")),
        newsroom=_optional_text(data.get("newsroom")),
        feeds=_texts(data.get("feeds", [])),
        exclude=_texts(data.get("exclude", [])),
        discovered_feeds=_texts(data.get("discovered_feeds", [])),
        discovered_pages=_texts(data.get("discovered_pages", [])),
        discovered_at=_moment(discovered_at),
        discovery_notes=_texts(data.get("discovery_notes", [])),
        exact_case=data.get("exact_case", True) is not False,
        cik=_optional_number(data.get("cik")),
        wires=_texts(data.get("wires", [])),
        sources=_texts(data.get("sources", [])),
        no_sources=_texts(data.get("no_sources", [])),
    )


def _moment(value: object) -> datetime | None:
    if value is None:
        return None
    moment = parse_date(_text(value))
    if moment is None:
        raise ValueError(f"expected a date and time, found {value!r:.60}")
    return moment


def _text(value: object) -> str:
    if not isinstance(value, str) or not value:
        raise ValueError(f"expected a non-empty string, found {value!r:.60}")
    return value


def _optional_text(value: object) -> str | None:
    return None if value is None else _text(value)


def _optional_number(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ValueError(f"expected a positive whole number, found {value!r:.60}")
    return value


def _texts(value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise ValueError(f"expected a list of strings, found {value!r:.60}")
    return tuple(_text(v) for v in value)


def event_to_json(event: Event) -> str:
    return json.dumps(event_to_dict(event), ensure_ascii=False)


def event_from_json(text: str) -> Event:
    """An event as the JSON output documents it; ValueError/KeyError/TypeError when damaged."""
    data: dict[str, Any] = json.loads(text)
    url = _optional_text(data.get("url"))
    published = _moment(data.get("published"))
    return Event(
        title=_text(data["title"]),
        url=url,
        publisher=str(data.get("publisher") or ""),
        publisher_domain=str(data.get("publisher_domain") or ""),
        published=published,
        kind=EventKind(data["kind"]),
        score=float(data["score"]),
        reasons=tuple(str(r) for r in data.get("reasons", [])),
        sentence=_text(data["sentence"]),
        source=str(data.get("source") or ""),
        summary=str(data.get("summary") or ""),
        outlets=tuple(
            Outlet(str(o["name"]), str(o["domain"]), o.get("url"), str(data.get("source") or ""))
            for o in data.get("outlets", [])
        ),
        first_party=bool(data.get("first_party", False)),
        topics=_texts(data.get("topics", [])),
        snippets=tuple(
            Snippet(
                text=_text(x["text"]),
                clause=str(x["clause"]),
                tone=_text(x["tone"]),
                variant=int(x["variant"]),
                url=url,
                published=published,
            )
            for x in data.get("snippets", [])
        ),
    )

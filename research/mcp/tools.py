"""What the MCP server's tools do, apart from the SDK: each calls the library, with the limits
the command line has, and answers with one of the documented JSON documents (docs/schema/).

A caller reaches no more than a user of the command line could: no tool takes a path, feeds are
checked as ``--feed`` is (http and https only, no ``file:``), private addresses are refused,
and at most MAX_FETCHING calls fetch news at once.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from ipaddress import ip_address
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sources.fetch import Progress
from sources.net.addresses import refusal

from ..api import research_async
from ..articles import find_articles_async
from ..config import Settings
from ..digest.saved import reported_week
from ..drafting import draft_note
from ..errors import InvalidInput, ResearchError
from ..models import Tone
from ..store.config_file import load_signature
from ..write.congratulate import NotCongratulable, congratulate
from ..write.note import Round, greeting
from ..write.render import (
    JSON_SCHEMA_VERSION,
    articles_to_dict,
    note_to_dict,
    reported_week_to_dict,
    result_to_dict,
)

# Calls that fetch at once. Each run has its own connections (10 in flight, 2 per host), so a
# burst of calls would otherwise multiply the requests each news search receives.
MAX_FETCHING = 3


class Busy(ResearchError):
    """MAX_FETCHING calls are already fetching news; the caller should call again later."""


class Tools:
    """The tools over the server's settings and its replay folder, if any (then every fetch is
    answered from the recording), with the count of calls fetching now."""

    def __init__(self, settings: Settings, replay: Path | None = None) -> None:
        self.settings = settings
        self.replay = replay
        self.fetching = 0

    async def find_good_news(
        self,
        company: str,
        *,
        days: int = 30,
        limit: int = 10,
        topics: Sequence[str] = (),
        aliases: Sequence[str] = (),
        feeds: Sequence[str] = (),
        sources: Sequence[str] = (),
        no_sources: Sequence[str] = (),
        progress: Progress | None = None,
    ) -> dict[str, Any]:
        """The JSON document of ``research COMPANY --json``: events and failures. ``sources``
        and ``no_sources`` switch built-in sources by name, as ``--source`` and ``--no-source``
        do; the library refuses a name it does not know."""
        self._refuse_private(feeds)
        with self._fetching():
            result = await research_async(
                company,
                days=days,
                limit=limit,
                topics=topics,
                aliases=aliases,
                feeds=feeds,
                replay=self.replay,
                settings=self.settings,
                sources=sources,
                no_sources=no_sources,
                progress=progress,
            )
        return result_to_dict(result)

    def congratulate(self, headline: str, company: str, tone: Tone = "formal") -> dict[str, Any]:
        """The sentence and clause for a headline (docs/schema/congratulation.json), or the
        refusal when it is not good news about the company: an answer, not a failed call."""
        sentence: str | None
        clause: str | None
        refusal: str | None
        try:
            snippet = congratulate(headline, tone, company=company)
        except NotCongratulable as exc:
            sentence, clause, refusal = None, None, str(exc)
        else:
            sentence, clause, refusal = snippet.text, snippet.clause, None
        return {
            "schema_version": JSON_SCHEMA_VERSION,
            "congratulable": refusal is None,
            "sentence": sentence,
            "clause": clause,
            "tone": tone,
            "refusal": refusal,
        }

    async def draft_note(
        self,
        company: str,
        *,
        to: str,
        role: str,
        topic: str | None = None,
        tone: Tone = "formal",
        round: Round = "second",
        sources: Sequence[str] = (),
        no_sources: Sequence[str] = (),
        progress: Progress | None = None,
    ) -> dict[str, Any]:
        """The JSON document of ``research note --json``. As the command does, the recipient
        and the saved signature are checked before anything is fetched; SourcesFailed when
        every source failed, rather than a note saying there is no news."""
        greeting(to, tone)
        signature = load_signature()
        with self._fetching():
            result = await research_async(
                company,
                topics=[topic] if topic else [],
                replay=self.replay,
                settings=self.settings,
                sources=sources,
                no_sources=no_sources,
                progress=progress,
            )
        note = draft_note(
            result, to=to, role=role, topic=topic, tone=tone, round=round, signature=signature
        )
        return note_to_dict(note)

    async def find_articles(
        self,
        topic: str,
        *,
        company: str | None = None,
        competitors: Sequence[str] = (),
        days: int = 30,
        limit: int = 5,
        sources: Sequence[str] = (),
        no_sources: Sequence[str] = (),
    ) -> dict[str, Any]:
        """The JSON document of ``research article --json`` (docs/schema/articles.json). Every
        search failing is an answer whose ``failures`` say so, as for find_good_news; the
        command's exit code 1 has no counterpart here. It takes no URL: the searches are the
        configured ones, so there is no address to refuse."""
        with self._fetching():
            found = await find_articles_async(
                topic,
                company=company,
                days=days,
                limit=limit,
                competitors=competitors,
                replay=self.replay,
                settings=self.settings,
                sources=sources,
                no_sources=no_sources,
            )
        return articles_to_dict(found)

    def watchlist_digest(self, week: str | None = None) -> dict[str, Any]:
        """A saved digest (the newest when ``week`` is None), from the store alone."""
        return reported_week_to_dict(reported_week(week, settings=self.settings))

    @contextlib.contextmanager
    def _fetching(self) -> Iterator[None]:
        """A place among the calls fetching at once, or Busy at once when there is none: a
        refusal the caller can act on, where waiting could outlast its own timeout."""
        if self.fetching >= MAX_FETCHING:
            raise Busy(
                f"busy: {MAX_FETCHING} calls are already fetching news, the most this server "
                "runs at once; call again when one of them has answered"
            )
        self.fetching += 1
        try:
            yield
        finally:
            self.fetching -= 1

    def _refuse_private(self, feeds: Sequence[str]) -> None:
        """Refuse a feed whose host is a private address the settings do not allow, before
        anything runs: a replay never connects, so the connection guard would not see it. A
        host name is left to the guard, which decides on the address it resolves to."""
        allowed = self.settings.http.allow_private
        for feed in feeds:
            try:
                address = ip_address(urlsplit(str(feed)).hostname or "")
            except ValueError:
                continue
            if not allowed.may_dial(address):
                host = urlsplit(str(feed)).hostname or ""
                raise InvalidInput(f"feed {str(feed)[:200]!r} is not usable: {refusal(host, address)}")

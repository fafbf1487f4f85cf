"""The MCP server: the tools of tools.py and the latest saved digest, registered with the
official SDK with descriptions and JSON schemas an assistant can act on, served on stdio.

The schemas advertise the library's limits (``maximum``, ``maxLength``, ``maxItems``; their
parameters are in params.py) without enforcing them: the library does, so a call outside them is
refused in the library's own words, the same as on the command line. A refusal of the library (any ResearchError) comes back as a
tool error carrying its message; anything else is a bug, which the SDK reports without its text.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import json
from collections.abc import Callable, Iterator
from importlib import metadata
from typing import Any, TypeVar

from mcp.server.mcpserver import Context, MCPServer
from mcp.server.mcpserver.exceptions import ResourceError, ToolError
from mcp.types import ToolAnnotations

from ..errors import ResearchError
from .params import (
    Aliases,
    ArticleCompany,
    ArticleDays,
    ArticleLimit,
    ArticleTopic,
    Company,
    Competitors,
    Days,
    Feeds,
    Headline,
    Limit,
    NoSources,
    NoteTopic,
    Role,
    RoundArgument,
    Sources,
    To,
    ToneArgument,
    Topics,
    Week,
)
from .tools import Tools

LATEST_DIGEST = "research://digests/latest"
Tool = TypeVar("Tool", bound=Callable[..., Any])

INSTRUCTIONS = f"""\
research finds recent, verified good news about a company (awards, results, customers,
launches, partnerships, funding, milestones), each with its date, link and outlets, and writes
a sentence congratulating the company on it, for a job seeker's follow-up note.

Use find_good_news instead of recalling news: every event it returns was published in the
window asked for and is linked. When it returns no events, read `failures`: an empty list
means the sources answered and there is no good news; failures with `sources_answered` 0 mean
nothing could be checked, which is not the same as no news. Never invent an event.
congratulate checks a headline you already have; draft_note writes the whole thank-you email;
find_articles finds a recent trade piece on a topic the interview touched, to offer in it;
watchlist_digest and the resource {LATEST_DIGEST} give a saved weekly digest.
"""

# Fetching writes the cache, and what newsroom discovery finds into a saved profile: additions.
FETCHES = ToolAnnotations(read_only_hint=False, destructive_hint=False, open_world_hint=True)
LOCAL = ToolAnnotations(read_only_hint=True, open_world_hint=False)


def build_server(tools: Tools) -> MCPServer[Any]:
    """The server with every tool and the latest-digest resource, over ``tools``."""
    server: MCPServer[Any] = MCPServer(
        "research",
        title="Good news about companies, for follow-up notes",
        instructions=INSTRUCTIONS,
        version=metadata.version("research"),
        log_level="WARNING",
    )

    def tool(annotations: ToolAnnotations) -> Callable[[Tool], Tool]:
        """Register a tool, its docstring without the indentation as the description."""

        def register(function: Tool) -> Tool:
            description = inspect.cleandoc(function.__doc__ or "")
            server.add_tool(function, description=description, annotations=annotations)
            return function

        return register

    @tool(FETCHES)
    async def find_good_news(
        company: Company,
        ctx: Context[Any, Any],
        days: Days = 30,
        topics: Topics = (),
        aliases: Aliases = (),
        limit: Limit = 10,
        feeds: Feeds = (),
        sources: Sources = (),
        no_sources: NoSources = (),
    ) -> dict[str, Any]:
        """Find recent good news about a company, verified and dated, best first.

        Returns the document of `research COMPANY --json` (docs/schema/result.json): `events`,
        each with title, url, published date, outlets, kind, reasons it was picked, `sentence`
        (formal) and `snippets` (the sentence and the clause completing "especially now that
        you've ..." in the formal and warm tones); `failures`, the sources that could not be
        read, and `sources_total` / `sources_answered`. No events with no failures means no
        good news; with every source failed, nothing could be checked. Takes up to a minute;
        progress is reported as sources answer.
        """
        progress = _Progress(ctx)
        with _as_tool_error():
            answer = await tools.find_good_news(
                company,
                days=days,
                limit=limit,
                topics=topics,
                aliases=aliases,
                feeds=feeds,
                sources=sources,
                no_sources=no_sources,
                progress=progress,
            )
        await progress.sent()
        return answer

    @tool(LOCAL)
    def congratulate(
        headline: Headline, company: Company, tone: ToneArgument = "formal"
    ) -> dict[str, Any]:
        """Write the congratulation for a headline you already have, without fetching.

        Returns `congratulable`; when true, `sentence` (to paste into a note) and `clause`
        (completes "especially now that you've ..."); when false, `refusal` says why (bad news,
        or not about this company), and nothing should be written about it.
        """
        with _as_tool_error():
            return tools.congratulate(headline, company, tone)

    @tool(FETCHES)
    async def draft_note(
        company: Company,
        to: To,
        role: Role,
        ctx: Context[Any, Any],
        topic: NoteTopic = None,
        tone: ToneArgument = "formal",
        round: RoundArgument = "second",
        sources: Sources = (),
        no_sources: NoSources = (),
    ) -> dict[str, Any]:
        """Research the company and write the follow-up thank-you email congratulating it on
        its best recent news.

        Returns the document of `research note --json` (docs/schema/note.json): `subject`,
        `greeting`, `paragraphs`, `closing`, `text` (the whole email), `congratulation`, the
        `event` it rests on (null when there is no good news to mention), `remarks` for the
        sender and `timing` (when to send it). A tool error when every source failed: no note
        is written that would wrongly say there is no news.
        """
        progress = _Progress(ctx)
        with _as_tool_error():
            answer = await tools.draft_note(
                company,
                to=to,
                role=role,
                topic=topic,
                tone=tone,
                round=round,
                sources=sources,
                no_sources=no_sources,
                progress=progress,
            )
        await progress.sent()
        return answer

    @tool(FETCHES)
    async def find_articles(
        topic: ArticleTopic,
        company: ArticleCompany = None,
        competitors: Competitors = (),
        days: ArticleDays = 30,
        limit: ArticleLimit = 5,
        sources: Sources = (),
        no_sources: NoSources = (),
    ) -> dict[str, Any]:
        """Find recent trade and industry pieces about a topic the interview touched, worth
        offering in a follow-up note ("I came across this piece on ... and thought of our
        conversation"), best first.

        Returns the document of `research article --json` (docs/schema/articles.json):
        `articles`, each with title, url, published date, publisher, summary, score and the
        reasons it ranks there; `skipped`, the pieces left out and why (press releases, opinion
        with no substance, paywalled teasers, pieces about the company or naming a competitor);
        `failures`, the searches that could not be read, and `sources_total`. Only the news
        searches (google-news, bing-news, gdelt) find articles; no articles with every search
        failed means nothing could be checked.
        """
        with _as_tool_error():
            return await tools.find_articles(
                topic,
                company=company,
                competitors=competitors,
                days=days,
                limit=limit,
                sources=sources,
                no_sources=no_sources,
            )

    @tool(LOCAL)
    def watchlist_digest(week: Week = None) -> dict[str, Any]:
        """A weekly digest the user saved (`research digest`), read from the store: nothing
        is fetched.

        Returns (docs/schema/digest.json) the `week`, when it was `updated`, its `summary`, and
        `companies`, each with the `events` the digest reported that week. A tool error names
        the saved weeks when the one asked for has no digest.
        """
        with _as_tool_error():
            return tools.watchlist_digest(week)

    @server.resource(
        LATEST_DIGEST,
        name="latest-digest",
        title="The latest saved weekly digest",
        description="The newest weekly digest saved by `research digest`, as watchlist_digest "
        "returns it (docs/schema/digest.json).",
        mime_type="application/json",
    )
    def latest_digest() -> str:
        try:
            return json.dumps(tools.watchlist_digest(), indent=2, ensure_ascii=False)
        except ResearchError as exc:
            raise ResourceError(str(exc)) from exc

    return server


@contextlib.contextmanager
def _as_tool_error() -> Iterator[None]:
    """The library's refusals, in its own words, as tool errors the assistant can read."""
    try:
        yield
    except ResearchError as exc:
        raise ToolError(str(exc)) from exc


class _Progress:
    """The library's progress calls (synchronous) sent as MCP progress notifications, each after
    the one before, so the client sees them in order, and all before the answer."""

    def __init__(self, ctx: Context[Any, Any]) -> None:
        self.ctx = ctx
        self.last: asyncio.Future[None] | None = None

    def __call__(self, done: int, total: int, waiting_for: str) -> None:
        message = f"{done} of {total} sources done" + (
            f"; waiting for {waiting_for}" if waiting_for else ""
        )
        self.last = asyncio.ensure_future(self._send(self.last, done, total, message))

    async def _send(
        self, previous: asyncio.Future[None] | None, done: int, total: int, message: str
    ) -> None:
        if previous is not None:
            await asyncio.wait([previous])
        with contextlib.suppress(Exception):  # a client gone or not listening: the answer counts
            await self.ctx.report_progress(done, total, message)

    async def sent(self) -> None:
        """Wait until every notification is out (or dropped)."""
        if self.last is not None:
            await asyncio.wait([self.last])

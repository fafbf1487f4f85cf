"""Shared test helpers: the fixture time and serving the Acme Corp search fixtures."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from sources.net.addresses import AllowList

from .server import Reply, TestServer

RECORDED_AT = datetime(2026, 11, 20, 12, tzinfo=timezone.utc)
# Every test server listens on 127.0.0.1, which the private-address guard refuses by default.
LOOPBACK = AllowList.parse("127.0.0.1")


def serve_acme_search(server: TestServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point the built-in searches at the local server, serving the Acme fixtures (GDELT's
    answer, as recorded, finds nothing)."""
    server.fixture("/google/rss/search", "feeds/google-news-acme-corp.xml")
    server.fixture("/bing/news/search", "feeds/bing-news-acme-corp.xml")
    server.route("/gdelt/doc", Reply(200, b"{}", {"Content-Type": "application/json"}))
    monkeypatch.setenv("RESEARCH_GOOGLE_NEWS_URL", server.url("/google/rss/search"))
    monkeypatch.setenv("RESEARCH_BING_NEWS_URL", server.url("/bing/news/search"))
    monkeypatch.setenv("RESEARCH_GDELT_URL", server.url("/gdelt/doc"))

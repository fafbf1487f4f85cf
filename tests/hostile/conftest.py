"""Fixtures shared by the hostile tests."""

from __future__ import annotations

import pytest

from ..server import Reply, TestServer
from ..test_digest import rss


@pytest.fixture
def quiet_searches(server: TestServer, monkeypatch: pytest.MonkeyPatch) -> TestServer:
    """Both news searches answer with an empty feed: only the sources a test adds have news."""
    server.route("/search", Reply(200, rss()))
    monkeypatch.setenv("RESEARCH_GOOGLE_NEWS_URL", server.url("/search"))
    monkeypatch.setenv("RESEARCH_BING_NEWS_URL", server.url("/search"))
    return server

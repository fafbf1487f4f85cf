from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sources import HttpLimits

from .helpers import LOOPBACK
from .server import Reply, TestServer

PROXY_VARIABLES = (
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "ALL_PROXY",
    "http_proxy",
    "https_proxy",
    "all_proxy",
)


@pytest.fixture(scope="session")
def _search_sink() -> Iterator[TestServer]:
    """Answers every request with 404 at once, so a test never reaches a real search engine;
    GDELT's path answers that it found nothing (``{}``), so that a test of other sources'
    failures sees theirs alone (the ``gdelt_down`` fixture makes it fail too)."""
    with TestServer() as sink:
        sink.route("/unconfigured/gdelt", Reply(200, b"{}", {"Content-Type": "application/json"}))
        yield sink


@pytest.fixture(autouse=True)
def _isolated_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, _search_sink: TestServer
) -> None:
    """No proxies, no real store, no real search engines, and only 127.0.0.1 allowed of the
    private addresses: each test sets what it needs."""
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "*")
    monkeypatch.setenv("RESEARCH_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("RESEARCH_GOOGLE_NEWS_URL", _search_sink.url("/unconfigured/google"))
    monkeypatch.setenv("RESEARCH_BING_NEWS_URL", _search_sink.url("/unconfigured/bing"))
    monkeypatch.setenv("RESEARCH_GDELT_URL", _search_sink.url("/unconfigured/gdelt"))
    # EDGAR is asked only with a contact; whatever the machine's config says, never the SEC.
    monkeypatch.setenv("RESEARCH_EDGAR_URL", _search_sink.url("/unconfigured/edgar"))
    monkeypatch.delenv("RESEARCH_EDGAR_CONTACT", raising=False)
    monkeypatch.delenv("RESEARCH_CONFIG", raising=False)
    monkeypatch.setenv("RESEARCH_ALLOW_PRIVATE", "127.0.0.1")


@pytest.fixture
def gdelt_down(monkeypatch: pytest.MonkeyPatch, _search_sink: TestServer) -> None:
    """GDELT answers 404 too, as the other unconfigured searches do: every source fails."""
    monkeypatch.setenv("RESEARCH_GDELT_URL", _search_sink.url("/down/gdelt"))


@pytest.fixture
def server() -> Iterator[TestServer]:
    with TestServer() as running:
        yield running


@pytest.fixture
def fast_limits() -> HttpLimits:
    """The real limits with short waits, so fault tests run in well under a second each."""
    return HttpLimits(
        connect_timeout=1.0,
        read_timeout=1.0,
        request_deadline=2.0,
        source_deadline=6.0,
        backoff=(0.05, 0.1),
        max_retry_wait=0.5,
        allow_private=LOOPBACK,
    )


@pytest.fixture
def acme_replay(monkeypatch: pytest.MonkeyPatch) -> Path:
    """The recorded Acme Corp responses, keyed by the real search URLs (replay never dials out)."""
    monkeypatch.delenv("RESEARCH_GOOGLE_NEWS_URL")
    monkeypatch.delenv("RESEARCH_BING_NEWS_URL")
    monkeypatch.delenv("RESEARCH_GDELT_URL")
    monkeypatch.delenv("RESEARCH_EDGAR_URL")
    return Path(__file__).resolve().parent.parent / "fixtures" / "feeds"

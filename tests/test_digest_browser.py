"""The HTML digest as a real browser shows it: headless Chromium loads the file, we read its DOM.

A parser in the test can only say what the markup means on paper; Chromium says what a reader
sees, including that a hostile title stays text and no script element exists.
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime, timezone
from html.parser import HTMLParser
from pathlib import Path

import pytest

from research.digest.data import CompanySection, Digest, DigestFailure, IsoWeek
from research.digest.render import digest_html
from research.models import Company, Event, EventKind

HOSTILE_TITLE = "Acme Corp wins <script>document.title='pwned'</script><img src=x onerror=alert(1)>"
SENTENCE = "Congratulations to the Acme Corp team on winning the Edison Award."


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


class DumpedDom(HTMLParser):
    """The elements of the DOM Chromium built, and the text a reader sees in its body."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.parts: list[str] = []
        self._in_body = False
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._in_body = self._in_body or tag == "body"

    def handle_data(self, data: str) -> None:
        if self._in_body:
            self.parts.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.parts).split())


def hostile_digest() -> Digest:
    event = Event(
        title=HOSTILE_TITLE,
        url="https://www.dailyledger.example/acme-award",
        publisher="The Daily Ledger",
        publisher_domain="dailyledger.example",
        published=datetime(2026, 11, 18, 9, tzinfo=timezone.utc),
        kind=EventKind.AWARD,
        score=0.9,
        reasons=("the headline names Acme Corp",),
        sentence=SENTENCE,
        source="google-news",
    )
    return Digest(
        IsoWeek(2026, 47),
        (
            CompanySection(Company("acme-corp", "Acme Corp"), (event,)),
            CompanySection(Company("beta-inc", "Beta <b>Inc</b>"), researched=False),
        ),
        failures=(
            DigestFailure("beta-inc", "bing-news", "javascript:alert(1)", "timed out", "timeout"),
        ),
    )


def test_chromium_shows_the_digest_as_text(tmp_path: Path) -> None:
    chromium = find_chromium()
    if chromium is None:
        pytest.skip(reason="Chromium not installed: apt-get install chromium")
    page = tmp_path / "2026-W47.html"
    page.write_text(digest_html(hostile_digest()), encoding="utf-8")
    completed = subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    dom = DumpedDom(completed.stdout)

    assert "body" in dom.tags, completed.stdout[:500]
    assert "script" not in dom.tags and "img" not in dom.tags
    for expected in (
        "Weekly digest 2026-W47 (Mon 16 Nov \u2013 Sun 22 Nov 2026)",
        "Acme Corp",
        HOSTILE_TITLE,
        SENTENCE,
        "Beta <b>Inc</b> (no source answered)",
        "bing-news: timed out [timeout] · javascript:alert(1)",
    ):
        assert expected in dom.text, expected
    assert "pwned" not in completed.stdout.split("<body", 1)[0]  # the script never ran

"""Pure text helpers: HTML to plain text, whitespace, invisible characters, dates to UTC."""

from __future__ import annotations

import calendar
import html
import re
import unicodedata
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import time

TITLE_LIMIT = 300
SUMMARY_LIMIT = 2000

# How far ahead of the fetch time a date may be and still count as a clock skew, not a bad date.
FUTURE_SKEW = timedelta(days=1)

_WHITESPACE = re.compile(r"\s+")
# Terminal control sequences: CSI (colours, cursor moves) and OSC (titles, hyperlinks).
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x9b[0-?]*[ -/]*[@-~]"
)
_MARKUP_HINT = re.compile(r"<[a-zA-Z/!?]|&[#a-zA-Z0-9]+;")


def _is_invisible(char: str) -> bool:
    """Control and format characters: ANSI escapes, bidi overrides, zero-width marks."""
    if char in "\t\n\r ":
        return False
    category = unicodedata.category(char)
    return category in ("Cc", "Cf", "Cs", "Co")


def clean_text(text: str) -> str:
    """Collapse whitespace and drop characters that can hide or forge text on a terminal."""
    if not text:
        return ""
    if not text.isascii():
        # One spelling per character ("Nestle" + combining accent -> "Nestlé"), so names match.
        text = unicodedata.normalize("NFC", text)
    if not text.isprintable():
        text = _ESCAPE_SEQUENCE.sub("", text)
        text = "".join(
            " " if char in "\t\n\r" else char for char in text if not _is_invisible(char)
        )
    return _WHITESPACE.sub(" ", text).strip()


def html_to_text(markup: str) -> str:
    """Plain text of an HTML fragment, entities decoded, whitespace collapsed."""
    if not markup:
        return ""
    if not _MARKUP_HINT.search(markup):
        return clean_text(markup)
    from bs4 import BeautifulSoup  # imported here: bs4 is slow to import and often not needed

    soup = BeautifulSoup(markup, "html.parser")
    for hidden in soup(["script", "style", "template", "noscript"]):
        hidden.decompose()
    text = soup.get_text(" ")
    # Feeds often escape twice ("&amp;amp;"): one more round turns what is left into characters.
    return clean_text(html.unescape(text))


def truncate(text: str, limit: int) -> str:
    """Cut at a word boundary near ``limit`` characters and mark the cut with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-") + "…"


def utc_from_struct(parsed: time.struct_time | None) -> datetime | None:
    """A feedparser date (a UTC struct_time) as an aware datetime, or None."""
    if parsed is None:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(parsed), tz=timezone.utc)
    except (OverflowError, ValueError, OSError):
        return None


def parse_date(text: str | None) -> datetime | None:
    """RFC 3339 / ISO 8601 or RFC 822 text as an aware UTC datetime; None when unparseable.

    A date without a zone is taken as UTC, the convention of the feeds that omit it.
    """
    if not text or len(text) > 64:
        return None
    text = text.strip()
    parsed: datetime | None = None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        try:
            parsed = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    if parsed is None:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    try:
        return parsed.astimezone(timezone.utc)
    except (OverflowError, ValueError):
        return None


def plausible_date(published: datetime | None, now: datetime) -> datetime | None:
    """Clamp a small clock skew to ``now``; a date further ahead is not a real date: None."""
    if published is None:
        return None
    if published > now + FUTURE_SKEW:
        return None
    return min(published, now)


# "CHICAGO, Nov. 18, 2026 /Some Wire/ --" at the start of a press release's first paragraph.
_DATELINE = re.compile(
    r"^[A-Z][A-Za-z .,'()-]{1,60},\s+[A-Za-z.]+\s+\d{1,2},\s+\d{4}\s*"
    r"(/[^/]{1,60}/\s*|\([^)]{1,60}\)\s*)?(--|\u2013|\u2014|-)\s*"
)


def strip_dateline(text: str) -> str:
    """Text without a press release's leading dateline ("CHICAGO, Nov. 18, 2026 /Wire/ --")."""
    return _DATELINE.sub("", text)

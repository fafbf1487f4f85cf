"""Pure text helpers: HTML to plain text, whitespace, invisible characters, dates to UTC."""

from __future__ import annotations

import calendar
import html
import re
import unicodedata
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import time

    from bs4 import BeautifulSoup

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
_TAG_HINT = re.compile(r"<[a-zA-Z/!?]")
# What is left of a tag after _UNESCAPING_ROUNDS; a space in its place cannot join two halves
# into a new one.
_TAG = re.compile(r"<[a-zA-Z/!?][^<>]*>?")
_UNESCAPING_ROUNDS = 3


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
    """Plain text of an HTML fragment, entities decoded, whitespace collapsed, and nothing left
    that looks like a tag, however many times the feed escaped its markup."""
    if not markup:
        return ""
    # Invisible characters go first, in every round: "<\u200bimg ...>" would hide a tag.
    text = _without_invisible(markup)
    if not _MARKUP_HINT.search(text):
        return clean_text(text)
    for _ in range(_UNESCAPING_ROUNDS):
        # Feeds often escape twice ("&amp;lt;b&amp;gt;"): one more round of unescaping turns
        # what is left into characters, and any markup that reveals is read as markup too.
        text = html.unescape(_visible_text(_without_invisible(text)))
        if not _TAG_HINT.search(_without_invisible(text)):
            break
    text = clean_text(text)
    return clean_text(_TAG.sub(" ", text)) if _TAG_HINT.search(text) else text


def _without_invisible(text: str) -> str:
    return text if text.isprintable() else "".join(c for c in text if not _is_invisible(c))


def _visible_text(markup: str) -> str:
    """The text of an HTML fragment. The standard library's parser reads feed descriptions (the
    markup bs4's html.parser builder would see, without importing bs4, which costs a run about
    0.1 s); markup it gives up on goes to bs4, which reads every fragment."""
    collector = _TextCollector()
    try:
        collector.feed(f" {markup} ")
        collector.close()
    except (AssertionError, ValueError):  # what HTMLParser raises on markup it cannot read
        soup = parse_html(markup)
        for hidden in soup(["script", "style", "template", "noscript"]):
            hidden.decompose()
        return soup.get_text(" ")
    return " ".join(collector.parts)


class _TextCollector(HTMLParser):
    """The visible text of a fragment, as bs4's ``get_text(" ")`` gives it: the text between
    tags (a run of text is one part, however the parser hands it over), CDATA included, nothing
    from script, style, template or noscript, no comments or declarations."""

    _HIDDEN = frozenset({"script", "style", "template", "noscript"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0
        self._joined = False  # the last thing read was text: more text continues it

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._joined = False
        if tag in self._HIDDEN:
            self._hidden += 1

    def handle_endtag(self, tag: str) -> None:
        self._joined = False
        if tag in self._HIDDEN and self._hidden:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if self._hidden:
            return
        if self._joined:
            self.parts[-1] += data
        else:
            self.parts.append(data)
        self._joined = True

    def unknown_decl(self, data: str) -> None:
        self._joined = False
        if data.startswith("CDATA[") and not self._hidden:
            self.parts.append(data[len("CDATA[") :])

    def handle_comment(self, data: str) -> None:
        self._joined = False

    def handle_decl(self, decl: str) -> None:
        self._joined = False

    def handle_pi(self, data: str) -> None:
        self._joined = False


def parse_html(markup: str) -> BeautifulSoup:
    """A bs4 tree of ``markup``. html.parser refuses some markup outright (``<![ x``, a marked
    section it does not know), which would lose a whole feed or page: lxml reads those."""
    from bs4 import BeautifulSoup  # imported here: bs4 is slow to import and often not needed
    from bs4.exceptions import ParserRejectedMarkup

    # Spaces around it: bs4 warns about markup that looks like a URL or a file name ("did you mean
    # to fetch it?"), a warning a feed can trigger at will and that pytest turns into an error.
    markup = f" {markup} "
    try:
        return BeautifulSoup(markup, "html.parser")
    except ParserRejectedMarkup:
        return BeautifulSoup(markup, "lxml")


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

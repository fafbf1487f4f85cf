"""Pure: a headline as the phrasing reads it: without HTML, wire labels and press-release
furniture (ticker tags, wire names, datelines), readable when it was written in capitals, and cut
to its first clause."""

from __future__ import annotations

import html
import re

from sources.parse.text import strip_dateline

from .casing import _SMALL_WORDS
from .results_terms import spelled_out

# Press-release furniture that is not part of the news: ticker tags, wire names and datelines.
# The classifier reads headlines without it too (see strip_boilerplate), so it is kept to what
# is furniture everywhere: nothing here may remove a word that carries news.
_EXCHANGE = (
    r"NASDAQ|NYSE(?: American| Arca| MKT)?|AMEX|LSE|LON|AIM|TSXV?|TSX-V|CSE|NEO|Cboe|ASX|NZX|JSE"
    r"|NSE|BSE|OTC\w*|Euronext|XETRA|FWB|FRA|TSE|HKEX|SGX|SIX"
)
_LISTING = rf"(?:{_EXCHANGE})\s*:\s*[A-Z0-9.\-]{{1,10}}"
# "(NASDAQ: ACME)", "(NASDAQ:ACME)", "(TSX: ACME; OTCQB: ACMX)"
_TICKER = re.compile(rf"\s*\(\s*{_LISTING}(?:\s*[,;/|&]\s*{_LISTING})*\s*\)", re.IGNORECASE)
# "NASDAQ:ACME" without brackets, after another word: exactly so, in capitals and unspaced, as
# "Nasdaq: Acme ..." may be a headline's own words.
_BARE_TICKER = re.compile(rf"(?<=\S)\s+(?:{_EXCHANGE}):[A-Z][A-Z0-9.]{{0,9}}(?=[\s,;)]|$)")
_WIRES = (
    r"(?:press|news|media) release|business ?wire|pr ?newswire(?:-[\w-]+)?|globe ?newswire"
    r"|accesswire|newsfile(?: corp\.?)?|ein ?presswire|prweb|newswire|reuters|bloomberg(?: news)?"
    r"|associated press|afp|dow jones(?: newswires)?"
)
# "- Press Release", "| Business Wire", "-- PR Newswire", "- Reuters" at the end.
_WIRE_SUFFIX = re.compile(rf"\s*[-|\u2013\u2014]+\s*(?:{_WIRES})\s*$", re.IGNORECASE)
# "(GLOBE NEWSWIRE)", "/PRNewswire/" anywhere.
_WIRE_TAG = re.compile(rf"\s*(?:\(\s*(?:{_WIRES})\s*\)|/\s*(?:{_WIRES})\s*/)", re.IGNORECASE)
# "LONDON (Reuters) -", "CHICAGO /PRNewswire/ --": a dateline with no date.
_WIRE_DATELINE = re.compile(
    rf"[A-Z][A-Z .,'-]{{1,40}}(?i:\(\s*(?:{_WIRES})\s*\)|/\s*(?:{_WIRES})\s*/)\s*(?:--|[-\u2013\u2014])\s*"
)
# "Press Release: ...", "-- ..." left at the start once a wire tag has gone.
_WIRE_LEAD = re.compile(
    rf"\s*(?:(?:{_WIRES})\s*(?::|[-|\u2013\u2014]+)|[-|\u2013\u2014]+)\s*", re.I
)


def strip_boilerplate(title: str) -> str:
    """The headline without press-release furniture: ticker tags ("(NASDAQ: ACME)"), wire and
    release names ("- Press Release", "| Business Wire", "(GLOBE NEWSWIRE)") and a leading
    dateline ("NEW YORK, Nov. 20, 2026 /PRNewswire/ --"), with the ends stripped. Nothing else
    changes: capitals, entities, names and every other word stay as written."""
    return boilerplate_removed(title)[0]


def boilerplate_removed(title: str) -> tuple[str, tuple[int, ...] | None]:
    """strip_boilerplate's text, and where each of its characters stands in ``title`` (-1 for a
    space put between two words the furniture separated); None when the text is ``title``."""
    text, where = title, None
    # Every piece of furniture has one of these marks; most headlines have none (cuts only ever
    # take characters away, so what the title lacks the text lacks too).
    colon = ":" in text
    dashed = "-" in text or "\u2013" in text or "\u2014" in text
    marked = colon or dashed or "(" in text or "/" in text or "|" in text
    if colon and "(" in text:
        text, where = _cut(text, where, _spans(_TICKER, text))
    wired = marked and _names_a_wire(text)
    if wired and ("(" in text or "/" in text):
        dateline = _WIRE_DATELINE.match(text)
        if dateline is not None and dateline.end() < len(text):
            text, where = _cut(text, where, [dateline.span()])
        text, where = _cut(text, where, _spans(_WIRE_TAG, text))
    if colon and _capitals_around_a_colon(text):
        text, where = _cut(text, where, _spans(_BARE_TICKER, text))
    if wired:
        for _ in range(3):  # "- Press Release | Business Wire"
            suffix = _WIRE_SUFFIX.search(text)
            if suffix is None or suffix.start() == 0:
                break
            text, where = _cut(text, where, [suffix.span()])
        lead = _WIRE_LEAD.match(text)
        if lead is not None and lead.end() < len(text):
            text, where = _cut(text, where, [lead.span()])
    if dashed and text[:1].isupper() and "," in text[:64]:
        rest = strip_dateline(text)
        if len(rest) < len(text) and text.endswith(rest) and rest.strip():
            text, where = _cut(text, where, [(0, len(text) - len(rest))])
    stripped = text.strip()
    if stripped != text:
        start = len(text) - len(text.lstrip())
        text, where = _cut(text, where, [(0, start), (start + len(stripped), len(text))])
    return text, (None if where is None else tuple(where))


def _names_a_wire(text: str) -> bool:
    """A quick test for a wire's or a release's name before searching for its furniture."""
    lower = text.lower()
    return (
        "wire" in lower or "release" in lower or "press" in lower or "reuters" in lower
        or "bloomberg" in lower or "newsfile" in lower or "prweb" in lower or "afp" in lower
        or "jones" in lower
    )  # fmt: skip


def _capitals_around_a_colon(text: str) -> bool:
    """A quick test for "NASDAQ:ACME" before searching for it (most headlines have none)."""
    colon = text.find(":", 1)
    while colon != -1 and colon + 1 < len(text):
        if text[colon - 1].isupper() and text[colon + 1].isupper():
            return True
        colon = text.find(":", colon + 1)
    return False


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [match.span() for match in pattern.finditer(text)]


def _cut(
    text: str, where: list[int] | None, spans: list[tuple[int, int]]
) -> tuple[str, list[int] | None]:
    """``text`` without ``spans`` (in order, not overlapping), and where its characters were; a
    space stands between two words a span separated ("Acme(NASDAQ:ACME)Wins")."""
    pieces: list[str] = []
    kept: list[int] = []
    origin = list(range(len(text))) if where is None else where
    last = 0
    for start, end in spans:
        if start >= end:
            continue
        pieces.append(text[last:start])
        kept.extend(origin[last:start])
        if start > 0 and end < len(text) and text[start - 1].isalnum() and text[end].isalnum():
            pieces.append(" ")
            kept.append(-1)
        last = end
    if not last:
        return text, where
    pieces.append(text[last:])
    kept.extend(origin[last:])
    return "".join(pieces), kept


# Inline emphasis a feed left in a title; any other tag makes the headline unquotable.
_EMPHASIS = re.compile(r"</?(b|i|em|strong|u|mark|span)>", re.IGNORECASE)
# An award or title in quotes inside a headline: the name reads the same without them.
_QUOTED_NAME = re.compile(
    r"(?<=\bwins )[\"\u201c]([A-Z][\w'\u2019&-]*(?: [\w'\u2019&-]+){0,7})[\"\u201d](?= award\b)"
)


# A wire's label for a story's version: "UPDATE 1-", "CORRECTED-", "RPT-", "EXCLUSIVE-".
_WIRE_LABEL = re.compile(
    r"^(?:(?:RPT|REFILE|CORRECTED|UPDATE(?:\s*\d+)?|EXCLUSIVE|BUZZ|WRAPUP(?:\s*\d+)?|"
    r"\d+(?:ST|ND|RD|TH)\s+UPDATE)\s*[-:]\s*)+",
    re.IGNORECASE,
)


def clean_headline(title: str, names: tuple[str, ...]) -> str:
    """The headline without HTML entities, wire labels, ticker tags and wire names, and readable
    when it was written in capitals (Title Case, with the company's names spelled as the profile
    does)."""
    title = spelled_out(html.unescape(title))  # "&amp;" is "&"; "Rs 89 cr" is "Rs 89 crore"
    title = _WIRE_LABEL.sub("", title)
    title = re.sub(r"(?<=[a-z]);(?=[a-z])", "; ", title)  # "deal;stk rallies": a clause break
    title = _EMPHASIS.sub("", title)  # "<b>Edison</b> Award": the words, not the markup
    title = _QUOTED_NAME.sub(r"the \1", title)  # 'wins "Innovator of the Year" award'
    title = strip_boilerplate(title)
    for name in names:
        # "Acme Corp. Announces ..." for "Acme Corp": the abbreviation's stop, not a sentence end
        if not name.endswith(".") and f"{name}." in title:
            title = re.sub(rf"(?<!\w)({re.escape(name)})\.(?=\s)", r"\1", title)
    letters = [c for c in title if c.isupper() or c.islower()]  # letters with a case ("ก" has none)
    if letters and all(c.isupper() for c in letters):
        # Capitals hide which words are names: Title Case keeps them readable, and the
        # phrasing lower-cases the ordinary words.
        title = " ".join(
            w.lower() if w.lower() in _SMALL_WORDS and i else w[:1] + w[1:].lower()
            for i, w in enumerate(title.split())
        )
        for name in sorted(names, key=len, reverse=True):
            title = re.sub(re.escape(name), name.replace("\\", r"\\"), title, flags=re.IGNORECASE)
    return title


_CLAUSE_END = re.compile(r"\s*[,;:|]\s|\s+[-\u2013\u2014]\s")


def _first_clause(text: str) -> str:
    """The text up to the first comma, colon or dash outside brackets; brackets never left open."""
    clause = text
    for match in _CLAUSE_END.finditer(text):
        before = text[: match.start()]
        if before.count("(") <= before.count(")") and before.count("[") <= before.count("]"):
            clause = before
            break
    for opening, closing in (("(", ")"), ("[", "]")):
        if clause.count(opening) != clause.count(closing):
            clause = (
                clause[: clause.index(opening)]
                if opening in clause
                else clause.replace(closing, "")
            )
    return clause.strip().rstrip(".!,;:")

"""Pure: a weekly digest as Markdown, as a self-contained HTML page, and an Atom feed of digests.

Every text in a digest came from somebody else's feed, so each output treats it as hostile: it is
cleaned of terminal escapes, bidi overrides and zero-width characters (``clean_text``), kept on
one line, and escaped for the format. Only absolute http(s) URLs become links; any other URL is
shown as text. Nothing depends on the clock, so the same digest always renders to the same bytes.
"""

from __future__ import annotations

import html
import re
import string
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING
from urllib.parse import quote

from sources.parse.text import clean_text
from sources.parse.urls import is_http_url

from ..models import Event

if TYPE_CHECKING:  # for annotations only: data.py renders through this module, not the reverse
    from .data import CompanySection, Digest, DigestFailure, IsoWeek, SavedDigest

ATOM_NAMESPACE = "http://www.w3.org/2005/Atom"
FEED_ID = "tag:research.local,2026:digests"
ENTRY_ID_PREFIX = "tag:research.local,2026:digest/"
FEED_TITLE = "Weekly digests"

# English names, not strftime's: the locale must not change the bytes of a digest.
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# Markdown escaping touches only what CommonMark would read as markup where the text stands, so a
# sentence meant for pasting ("... the $400 million order.") keeps no backslash. Anywhere in a
# line: backticks, "*", "[", "]" and "~" (GitHub's strikethrough); "(" after "]"; "_" that could
# open or close emphasis; a backslash before punctuation; "&" that starts an entity; "<" before
# anything but a space (tags, autolinks), as "&lt;" so no "<script" survives even as text.
_MD_ALWAYS = frozenset("`*[]~")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});")
# What starts a block at the start of a line: heading, quote, list item, thematic break.
# In "1. " it is the "." that must be escaped ("1\\. "), elsewhere the first character.
_BLOCK_START = re.compile(
    r"#{1,6}(?=[ \t]|$)|>|[-+](?=[ \t]|$|-)|\d{1,9}(?P<ordinal>[.)])(?=[ \t]|$)"
)
# Closing hashes of a heading ("## C# #" loses its last "#"); "C#" itself is fine.
_HEADING_CLOSE = re.compile(r"(^|[ \t])(#+)$")
# Characters XML 1.0 does not allow at all.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# What may stay as it is in a Markdown link destination: RFC 3986 characters except ( and ).
_URL_SAFE = "/:?#[]@!$&'*+,;=%~"

_STYLE = """\
:root{color-scheme:light dark}
body{margin:0;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#fff}
main{max-width:42rem;margin:0 auto;padding:1rem}
main,a,p,li{overflow-wrap:break-word;overflow-wrap:anywhere}
h1{font-size:1.5rem;line-height:1.25}
h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}
h3{font-size:1.05rem;margin:0 0 .25rem}
ol,ul{padding-left:1.25rem}
li{margin-bottom:1rem}
p{margin:.25rem 0}
a{color:#0645ad}
.meta{color:#555}
@media (prefers-color-scheme:dark){body{color:#e6e6e6;background:#111}a{color:#8ab4f8}.meta{color:#aaa}h2{border-color:#444}}
"""
# Defence in depth: even if markup slipped through, the page could load and run nothing.
_CSP = "default-src 'none'; style-src 'unsafe-inline'"
_UNLINKED = "Address, not linked (not http or https): "

_Escape = Callable[[str], str]  # foreign text to the output format's literal text


def link_target(url: str | None) -> str | None:
    """The URL when it may become a link: absolute http(s) with a host, nothing hidden in it.

    Whitespace and control characters are refused before parsing, because parsers (Python's
    and browsers') silently drop tabs and newlines: "java\\tscript:" would become a scheme.
    """
    if not url or any(char.isspace() or not char.isprintable() for char in url):
        return None
    return url if is_http_url(url) else None


def week_dates(week: IsoWeek) -> str:
    """The week's Monday to Sunday, e.g. "Mon 16 Nov - Sun 22 Nov 2026" with an en dash."""
    first, last = week.start, week.end - timedelta(days=1)
    start = f"{_DAYS[first.weekday()]} {first.day} {_MONTHS[first.month - 1]}"
    if first.year != last.year:
        start += f" {first.year}"
    return (
        f"{start} \u2013 {_DAYS[last.weekday()]} {last.day} {_MONTHS[last.month - 1]} {last.year}"
    )


def _title(digest: Digest) -> str:
    kind = (
        "Replayed weekly" if digest.replayed else "Offline weekly" if digest.offline else "Weekly"
    )
    return f"{kind} digest {digest.week} ({week_dates(digest.week)})"


def _sentence(text: str) -> str:
    return f"{text[:1].upper()}{text[1:]}."


def _count_line(digest: Digest) -> str:
    """How much good news at how many companies, e.g. "3 pieces of good news at 2 of 4 ..."."""
    watched = len(digest.sections)
    if not watched:
        return "no companies on the watchlist"
    companies = "company" if watched == 1 else "companies"
    count = digest.event_count
    if not count:
        return f"no good news at the {watched} watched {companies}"
    pieces = "piece" if count == 1 else "pieces"
    line = (
        f"{count} {pieces} of good news at {len(digest.with_news)} of {watched} watched {companies}"
    )
    failed = len(digest.failures)
    if failed:
        line += f"; {failed} source{'s' if failed != 1 else ''} failed"
    return line


def digest_summary(digest: Digest) -> str:
    """One plain line for a feed entry or a log: the week and how much good news it brought."""
    return f"{digest.week}: {_count_line(digest)}"


def _date(event: Event) -> str:
    return f"{event.published:%Y-%m-%d}" if event.published else "date unknown"


def _meta(event: Event, escape: _Escape) -> str:
    """Date, outlet (and how many others carried the story), kind: only the outlet is foreign."""
    outlet = clean_text(event.publisher) or clean_text(event.publisher_domain)
    line = f"{_date(event)} · {escape(outlet) if outlet else 'outlet unknown'}"
    others = len(event.outlets) - 1
    if others > 0:
        line += f" (+{others} more outlet{'s' if others != 1 else ''})"
    return f"{line} · {event.kind.value.replace('_', ' ')}"


def _title_text(event: Event) -> str:
    """The headline, or a placeholder: an empty one would leave a link nobody can see."""
    return event.title if clean_text(event.title) else "(no title)"


def _quiet(section: CompanySection, escape: _Escape) -> str:
    """A company without news, and why it may simply not have been looked at."""
    name = escape(section.company.name)
    if section.problem is not None:
        return f"{name} (could not be researched: {escape(section.problem)})"
    return name if section.researched else f"{name} (no source answered)"


def _failure(digest: Digest, failure: DigestFailure, escape: _Escape) -> str:
    """One failed source, under the company's display name; its URL is text, never a link."""
    names = {s.company.slug: s.company.name for s in digest.sections}
    text = f"{escape(names.get(failure.company) or failure.company)} · {escape(failure.source)}: "
    text += f"{escape(failure.error)} [{escape(failure.reason)}]"
    return f"{text} · {escape(failure.url)}" if clean_text(failure.url) else text


# Markdown


def _md(text: str) -> str:
    """Feed text as literal Markdown inside a line: what CommonMark would misread, escaped."""
    cleaned = clean_text(text)
    return "".join(_md_char(cleaned, index) for index in range(len(cleaned)))


def _md_char(text: str, index: int) -> str:
    """One character of cleaned feed text, escaped when its neighbours make it markup."""
    char = text[index]
    after = text[index + 1 : index + 2]
    if char == "<":
        return char if after.isspace() else "&lt;"
    if (
        char in _MD_ALWAYS
        or (char == "(" and text[index - 1 : index] == "]")  # no "](" for a lax renderer
        or (char == "\\" and (not after or after in string.punctuation))
        or (char == "&" and _ENTITY.match(text, index))
        or (char == "_" and not _inside_word(text, index))
    ):
        return "\\" + char
    return char


def _inside_word(text: str, index: int) -> bool:
    """True for an underscore run between letters or digits ("snake_case"): CommonMark never
    reads those as emphasis. A run at the text's edge touches our markup, so it is escaped."""
    start, end = index, index
    while start > 0 and text[start - 1] == "_":
        start -= 1
    while end < len(text) - 1 and text[end + 1] == "_":
        end += 1
    return (
        start > 0 and end < len(text) - 1 and text[start - 1].isalnum() and text[end + 1].isalnum()
    )


def _md_line(line: str) -> str:
    """An already escaped line that starts with feed text: a "#", ">", "-", "+" or "1." there
    would make a heading, quote or list of it, so that first mark is escaped too."""
    start = _BLOCK_START.match(line)
    if start is None:
        return line
    mark = start.start("ordinal") if start.group("ordinal") else 0
    return f"{line[:mark]}\\{line[mark:]}"


def _md_heading(text: str) -> str:
    """Feed text as a heading's content: closing hashes would be dropped, so they are escaped."""
    return _HEADING_CLOSE.sub(r"\1\\\2", _md(text))


def _md_url(url: str) -> str:
    """A validated URL as a Markdown link destination: ( ) < > and non-ASCII percent-encoded."""
    return quote(url, safe=_URL_SAFE)


def _md_event(event: Event) -> list[str]:
    target = link_target(event.url)
    title = _md(_title_text(event))
    head = f"- **[{title}]({_md_url(target)})**" if target else f"- **{title}**"
    lines = [head, f"  - {_meta(event, _md)}"]
    if event.url and not target:
        lines.append(f"  - {_UNLINKED}{_md(event.url)}")
    lines += [
        f"  - Why: {_md('; '.join(event.reasons))}",
        f"  - Say: {_md(event.sentence)}",
    ]
    return lines


def digest_markdown(digest: Digest) -> str:
    """The digest as Markdown: news per company, best first; quiet companies; failed sources."""
    lines = [f"# {_title(digest)}", "", _sentence(_count_line(digest))]
    if digest.notice:
        lines[2:2] = [f"**{_md(digest.notice)}**", ""]
    for section in digest.with_news:
        lines += ["", f"## {_md_heading(section.company.name)}", ""]
        for event in section.events:
            lines += _md_event(event)
    if digest.without_news:
        quiet = " · ".join(_quiet(s, _md) for s in digest.without_news)
        lines += ["", "## Nothing new this week", "", _md_line(quiet)]
    if digest.failures:
        lines += ["", "## Sources that failed", ""]
        lines += [f"- {_md_line(_failure(digest, f, _md))}" for f in digest.failures]
    return "\n".join(lines) + "\n"


# HTML


def _h(text: str) -> str:
    """Feed text as HTML text or attribute value: cleaned, then every markup character escaped."""
    return html.escape(clean_text(text), quote=True)


def _html_event(event: Event) -> list[str]:
    target = link_target(event.url)
    title = _h(_title_text(event))
    if target:
        title = f'<a href="{html.escape(target, quote=True)}">{title}</a>'
    lines = ["<li>", f"<h3>{title}</h3>", f'<p class="meta">{_meta(event, _h)}</p>']
    if event.url and not target:
        lines.append(f"<p>{_UNLINKED}{_h(event.url)}</p>")
    lines += [
        f"<p><strong>Why:</strong> {_h('; '.join(event.reasons))}</p>",
        f"<p><strong>Say:</strong> {_h(event.sentence)}</p>",
        "</li>",
    ]
    return lines


def digest_fragment(digest: Digest) -> str:
    """The digest as HTML body content, for the page and for a feed entry's content."""
    lines = [f"<h1>{_h(_title(digest))}</h1>", f"<p>{_sentence(_count_line(digest))}</p>"]
    if digest.notice:
        lines.insert(1, f"<p><strong>{_h(digest.notice)}</strong></p>")
    for section in digest.with_news:
        lines += ["<section>", f"<h2>{_h(section.company.name)}</h2>", "<ol>"]
        for event in section.events:
            lines += _html_event(event)
        lines += ["</ol>", "</section>"]
    if digest.without_news:
        quiet = " · ".join(_quiet(s, _h) for s in digest.without_news)
        lines += ["<section>", "<h2>Nothing new this week</h2>", f"<p>{quiet}</p>", "</section>"]
    if digest.failures:
        lines += ["<section>", "<h2>Sources that failed</h2>", "<ul>"]
        lines += [f"<li>{_failure(digest, f, _h)}</li>" for f in digest.failures]
        lines += ["</ul>", "</section>"]
    return "\n".join(lines) + "\n"


def digest_html(digest: Digest) -> str:
    """A complete page that needs nothing else: inline CSS, no scripts, fonts or remote assets."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        f"<title>{_h(_title(digest))}</title>\n"
        f"<style>\n{_STYLE}</style>\n"
        "</head>\n"
        "<body>\n"
        "<main>\n"
        f"{digest_fragment(digest)}"
        "</main>\n"
        "</body>\n"
        "</html>\n"
    )


# Atom


def _rfc3339(moment: datetime) -> str:
    """UTC with a Z; a naive time is taken as UTC so the host's zone cannot change the feed."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def _xml(text: str) -> str:
    """Text XML can hold: what XML 1.0 forbids (NUL, most controls, U+FFFE) dropped."""
    return _NOT_XML.sub("", text)


def _feed_link(link: str | None) -> str | None:
    """A saved digest's link: an http(s) URL or a relative path, never another scheme or host."""
    if not link or link_target(link):
        return link
    relative = not (
        ":" in link
        or "\\" in link
        or link.startswith("//")
        or any(char.isspace() or not char.isprintable() for char in link)
    )
    return link if relative else None


def _child(parent: ET.Element, tag: str, text: str, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    element.text = _xml(text)
    return element


def digest_feed(saved: Sequence[SavedDigest], *, updated: datetime) -> str:
    """An Atom 1.0 feed of the saved digests, newest week first, each with its HTML as content."""
    feed = ET.Element("feed", {"xmlns": ATOM_NAMESPACE})
    _child(feed, "id", FEED_ID)
    _child(feed, "title", FEED_TITLE)
    _child(feed, "updated", _rfc3339(updated))
    author = ET.SubElement(feed, "author")
    _child(author, "name", "research")
    for digest in sorted(saved, key=lambda s: s.week, reverse=True):
        entry = ET.SubElement(feed, "entry")
        _child(entry, "id", f"{ENTRY_ID_PREFIX}{digest.week}")
        _child(entry, "title", f"Weekly digest {digest.week}")
        _child(entry, "updated", _rfc3339(digest.updated))
        link = _feed_link(digest.link)
        if link:
            ET.SubElement(entry, "link", {"rel": "alternate", "type": "text/html", "href": link})
        _child(entry, "summary", clean_text(digest.summary))
        _child(entry, "content", digest.body_html, type="html")
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"

"""Pure reading of company web pages: feed links, newsroom links, press-release listings, and the
date and lead paragraph of a press release. Takes decoded text, never a URL to fetch.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from ..errors import ParseError
from .text import (
    SUMMARY_LIMIT,
    TITLE_LIMIT,
    clean_text,
    parse_date,
    parse_html,
    strip_dateline,
    truncate,
)
from .urls import is_http_url, strip_tracking

if TYPE_CHECKING:
    from bs4 import BeautifulSoup, Tag

FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/feed+json",
        "application/rdf+xml",
        "application/x-rss+xml",
    }
)
# Words in a link's text or path that point at a company's own news, best first.
NEWS_HINTS = (
    "newsroom", "press-releases", "press releases", "press-room", "press room", "press",
    "media", "news", "investors", "investor relations", "blog",
)  # fmt: skip
_PATH_WORDS = re.compile(r"[a-z]+")
_MONTHS = {
    abbreviation: number
    for number, abbreviation in enumerate(
        "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1
    )
}
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_PATTERNS = (
    ("ymd", re.compile(r"\b(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?!\d)")),
    ("numeric_dash", re.compile(r"\b(\d{1,2})-(\d{1,2})-(\d{4})\b")),
    ("mdy_text", re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)),
    ("dmy_text", re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(\d{{4}})\b", re.I)),
    ("numeric_slash", re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")),
    ("numeric_dot", re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")),
)
_BINARY_MAGIC = (
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
)
_JS_SHELL = re.compile(
    r"enable javascript|requires javascript|javascript is (disabled|required)", re.I
)
_SKIP_LINK_TEXT = re.compile(
    r"^(read more|more|learn more|continue reading|pdf|download|next|previous|older|newer)\b", re.I
)


@dataclass(frozen=True)
class ListingEntry:
    """One press release as a newsroom listing shows it."""

    title: str
    url: str
    published: datetime | None
    summary: str = ""


def soup_of(html: str) -> BeautifulSoup:
    return parse_html(html)


def _same_site(url: str, base_url: str) -> bool:
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    base = (urlsplit(base_url).hostname or "").removeprefix("www.")
    return bool(host) and (host == base or host.endswith("." + base))


def _absolute(href: Any, base_url: str) -> str | None:
    if not isinstance(href, str) or not href.strip() or href.strip().startswith("#"):
        return None
    try:
        url = urljoin(base_url, href.strip())
    except ValueError:  # "http://[/" and the like: one bad link, not a bad page
        return None
    return strip_tracking(url) if is_http_url(url) else None


def feed_links(html: str, base_url: str) -> list[str]:
    """Feeds a page announces with ``<link rel="alternate" type="application/rss+xml" ...>``."""
    found: list[str] = []
    for link in soup_of(html).find_all("link"):
        rel: Any = link.get("rel") or []
        rels = {str(r).lower() for r in (rel if isinstance(rel, list) else str(rel).split())}
        kind = str(link.get("type") or "").lower().split(";")[0].strip()
        title = str(link.get("title") or "").lower()
        if "alternate" in rels and kind in FEED_TYPES and "comment" not in title:
            url = _absolute(link.get("href"), base_url)
            if url and "/comments/" in url:
                continue
            if url and url not in found:
                found.append(url)
    return found


def newsroom_links(html: str, base_url: str, *, by_text_only: bool = False) -> list[str]:
    """Same-site links whose text (or path) says news, press, media, investors or blog, best
    first. ``by_text_only`` ignores paths: inside a news section every article's path says news."""
    scored: dict[str, int] = {}
    for anchor in soup_of(html).find_all("a", href=True):
        url = _absolute(anchor.get("href"), base_url)
        if not url or not _same_site(url, base_url) or urlsplit(url).query:
            continue
        # Section pages sit near the top of a site; deeper paths are single articles.
        if len([s for s in urlsplit(url).path.split("/") if s]) > 2:
            continue
        text = clean_text(anchor.get_text(" ")).lower()
        path = " ".join(_PATH_WORDS.findall(urlsplit(url).path.lower()))
        for rank, hint in enumerate(NEWS_HINTS):
            in_path = hint.replace(" ", "-") in urlsplit(url).path.lower() or hint in path
            if hint in text or (in_path and not by_text_only):
                scored[url] = min(scored.get(url, rank), rank)
                break
    return sorted(scored, key=lambda u: (scored[u], len(u)))


def looks_javascript_only(html: str) -> bool:
    """A page whose content is drawn by scripts: almost no text, or a "please enable JavaScript"."""
    soup = soup_of(html)
    for hidden in soup(["script", "style", "template"]):
        hidden.decompose()
    noscript = " ".join(n.get_text(" ") for n in soup.find_all("noscript"))
    for node in soup.find_all("noscript"):
        node.decompose()
    body = soup.body or soup
    text = clean_text(body.get_text(" "))
    return len(text) < 200 or bool(_JS_SHELL.search(noscript) and len(text) < 600)


def parse_date_text(text: str) -> datetime | None:
    """The first date written in ``text`` in a common form, as midnight UTC; None if none."""
    found = sorted(
        (match.start(), kind, match)
        for kind, pattern in _DATE_PATTERNS
        for match in pattern.finditer(text)
    )
    for _, kind, match in found:
        groups = match.groups()
        try:
            if kind == "ymd":
                year, month, day = int(groups[0]), int(groups[1]), int(groups[2])
            elif kind == "mdy_text":
                month, day, year = _MONTHS[groups[0].lower()[:3]], int(groups[1]), int(groups[2])
            elif kind == "dmy_text":
                day, month, year = int(groups[0]), _MONTHS[groups[1].lower()[:3]], int(groups[2])
            else:
                first, second, year = int(groups[0]), int(groups[1]), int(groups[2])
                # Slashes are read the US way (month first) unless that cannot be a date;
                # dots are day first.
                month, day = (
                    (first, second)
                    if kind in ("numeric_slash", "numeric_dash") and first <= 12
                    else (second, first)
                )
            return datetime(year, month, day, tzinfo=timezone.utc)
        except (ValueError, KeyError):
            continue
    return None


def _date_near(node: Tag, title: str = "") -> datetime | None:
    """The entry's date: a <time> element, else a date written in the entry's text (not in its
    title: "results for the quarter ended September 30" is not the release date)."""
    time_tag = node.find("time")
    if time_tag is not None:
        machine = parse_date(str(time_tag.get("datetime") or ""))
        if machine is not None:
            return machine
        written = parse_date_text(time_tag.get_text(" "))
        if written is not None:
            return written
    text = clean_text(node.get_text(" "))[:2000]
    if title:
        text = text.replace(clean_text(title), " ")
    return parse_date_text(text)


def _content_root(soup: BeautifulSoup) -> Any:
    for unwanted in soup(
        ["script", "style", "nav", "header", "footer", "template", "form", "noscript"]
    ):
        unwanted.decompose()
    return soup.find("main") or soup.find(role="main") or soup.body or soup


def _entry_container(anchor: Tag, title_links: set[int]) -> Tag:
    """The largest ancestor (up to 4 levels) that holds this title link and no other."""
    container: Tag = anchor
    for _ in range(4):
        parent = container.parent
        if parent is None or parent.name in ("body", "main", "html", "[document]"):
            break
        others = [
            a for a in parent.find_all("a", href=True) if id(a) in title_links and a is not anchor
        ]
        if others:
            break
        container = parent
    return container


def listing_entries(html: str, base_url: str, *, limit: int = 50) -> list[ListingEntry]:
    """Press releases listed on a newsroom page: cards or lists with headings, or table rows."""
    root = _content_root(soup_of(html))
    entries: list[ListingEntry] = []
    seen: set[str] = set()

    def add(title: str, url: str | None, published: datetime | None, summary: str = "") -> None:
        title = truncate(clean_text(title), TITLE_LIMIT)
        if not url or url in seen or len(title.split()) < 3 or _SKIP_LINK_TEXT.match(title):
            return
        seen.add(url)
        entries.append(
            ListingEntry(title, url, published, truncate(clean_text(summary), SUMMARY_LIMIT))
        )

    for row in root.find_all("tr"):
        cells = row.find_all(["td", "th"])
        anchors = [
            a
            for a in row.find_all("a", href=True)
            if not _SKIP_LINK_TEXT.match(clean_text(a.get_text(" ")))
        ]
        if not cells or not anchors:
            continue
        anchor = max(anchors, key=lambda a: len(a.get_text(" ")))
        add(
            anchor.get_text(" "),
            _absolute(anchor.get("href"), base_url),
            _date_near(row, anchor.get_text(" ")),
        )

    headings = root.find_all(["h1", "h2", "h3", "h4", "h5"])
    title_anchors = [a for h in headings for a in h.find_all("a", href=True)]
    if not title_anchors:  # lists of plain links: the longest link of each list item
        title_anchors = [
            max(li.find_all("a", href=True), key=lambda a: len(a.get_text(" ")))
            for li in root.find_all("li")
            if li.find("a", href=True) is not None
        ]
    title_ids = {id(a) for a in title_anchors}
    for anchor in title_anchors:
        container = _entry_container(anchor, title_ids)
        paragraphs = [clean_text(p.get_text(" ")) for p in container.find_all("p")]
        summary = max((p for p in paragraphs if len(p.split()) >= 6), key=len, default="")
        add(
            anchor.get_text(" "),
            _absolute(anchor.get("href"), base_url),
            _date_near(container, anchor.get_text(" ")),
            summary,
        )
    return [e for e in entries if _same_site(e.url, base_url)][:limit]


def release_details(html: str, url: str) -> tuple[datetime | None, str]:
    """A press release's publication date and lead paragraph (dateline removed).

    Both libraries get a parsed tree, never a string: htmldate fetches any string that looks
    like a URL, so a page whose body is "http://..." would make it download that address.
    """
    import trafilatura  # imported here: heavy, and only needed for newsroom pages

    tree = _tree(html)
    if tree is None:
        return None, ""
    document = trafilatura.bare_extraction(tree, url=url, with_metadata=True)
    published = parse_date(str(getattr(document, "date", "") or "")) if document else None
    if published is None:
        published = _htmldate(_tree(html))
    text = str(getattr(document, "text", "") or "") if document else ""
    title = clean_text(str(getattr(document, "title", "") or "")) if document else ""
    lead = next(
        (
            clean_text(line)
            for line in text.splitlines()
            if len(line.split()) >= 8 and clean_text(line) != title
        ),
        "",
    )
    return published, truncate(strip_dateline(lead), SUMMARY_LIMIT)


def _tree(html: str) -> Any:
    """An lxml tree of the page, or None when there is nothing to parse."""
    import lxml.etree
    import lxml.html

    try:
        tree = lxml.html.document_fromstring(
            html.encode("utf-8", "replace"), parser=lxml.html.HTMLParser(encoding="utf-8")
        )
    except (lxml.etree.ParserError, ValueError):
        return None
    # trafilatura lays tables out by their spans: colspan="2147483647" on 200 rows cost it 23 s.
    # Spans say nothing about the text, so they go.
    for cell in tree.iter("td", "th"):
        cell.attrib.pop("colspan", None)
        cell.attrib.pop("rowspan", None)
    return tree


def _htmldate(tree: Any) -> datetime | None:
    from htmldate import find_date

    if tree is None:
        return None
    try:
        found = find_date(tree, extensive_search=False, original_date=True)
    except (ValueError, TypeError):
        return None
    return parse_date(found) if found else None


def site_name(html: str, fallback: str) -> str:
    """The site's own name (``og:site_name``), else ``fallback``."""
    tag = soup_of(html).find("meta", attrs={"property": "og:site_name"})
    name = clean_text(str(tag.get("content") or "")) if tag is not None else ""
    return name or fallback


def decode_html(body: bytes, headers: Mapping[str, str]) -> str:
    """Text of an HTML body: the header's charset, else a <meta charset>, else UTF-8.

    Raises ParseError for compressed or binary bytes that arrived without a Content-Encoding:
    decoded as text they would become a summary of garbage, and they are never expanded here.
    """
    for magic, kind in _BINARY_MAGIC:
        if body.startswith(magic):
            raise ParseError(
                f"the page is {kind} sent without a Content-Encoding header (an unexpected "
                "compressed or binary body): refused, not expanded"
            )
    charset = _charset(headers.get("content-type", ""))
    if charset is None:
        match = re.search(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_-]{1,40})""", body[:4096], re.I)
        charset = match.group(1).decode("ascii") if match else None
    try:
        return body.decode(charset or "utf-8", errors="replace")
    except LookupError:
        return body.decode("utf-8", errors="replace")


def _charset(content_type: str) -> str | None:
    match = re.search(r"charset=[\"']?([A-Za-z0-9_-]{1,40})", content_type, re.I)
    return match.group(1) if match else None


def unique(urls: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(urls))

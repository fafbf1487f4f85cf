"""Fuzzing what callers type and everything we render, with hypothesis (issue 7).

Company names (control characters, NUL, huge strings, regex and SQL metacharacters, RTL, emoji,
full-width forms, whitespace only) go through ``resolve_company``, ``classify``, ``congratulate``,
``watch`` and ``add_company``: the only exceptions allowed are our own ResearchErrors, and what
comes back is bounded and free of control characters.

Rendered output: Events built from arbitrary text, and whole runs of ``research`` and
``weekly_digest`` against a local feed whose titles, links, summaries and publisher names are
fuzzed, are rendered as terminal text (``format_text``), the JSON document
(``result_to_dict``), the follow-up note (``draft_note``), the digest's Markdown and HTML and the
Atom feed of digests. Whatever the input: no control or escape character on the terminal, no tag
or attribute the renderer did not write, links only to http(s), and bounded sizes.
"""

from __future__ import annotations

import itertools
import json
import re
import unicodedata
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from html.parser import HTMLParser
from typing import Any
from xml.sax.saxutils import escape as xml_escape

import feedparser
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

import research
from research.digest.data import CompanySection, Digest, DigestFailure, IsoWeek, SavedDigest
from research.digest.render import (
    digest_feed,
    digest_fragment,
    digest_summary,
    link_target,
)
from research.errors import ResearchError
from research.models import Company, Event, EventKind, Result, Skipped, Snippet
from research.plan.company import MAX_NAME_LENGTH
from research.write.phrase import MAX_WORDS
from research.write.render import format_text, format_watch_entry, result_to_dict
from sources import Outlet, SourceFailure
from sources.parse.text import SUMMARY_LIMIT, TITLE_LIMIT
from sources.parse.urls import is_http_url

from ..server import Reply, TestServer

NOW = datetime(2026, 11, 20, 12, tzinfo=timezone.utc)
# The fixtures' tmp store is shared by the examples of one test, which is what we want here.
FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# --- strategies -----------------------------------------------------------------------------------

# Pieces that break naive code: controls, bidi, zero-width, surrogates, metacharacters, markup,
# characters whose normal form is longer, and case mappings that change length.
HOSTILE = st.sampled_from(
    [
        "\x00", "\x1b[31m", "\x1b]8;;https://evil.example\x07", "\x07", "\x08", "\x1f", "\x7f",
        "\x85", "\x9b", "\u2028", "\u2029", "\u202e", "\u2066", "\u200b", "\u200d", "\ufeff",
        "\ud800", "\udfff", "\U000e0041", "\ue000", "C++", "C#", "AT&T", "(a+)+$", ".*", "[^x]",
        "\\", "%_", "'; DROP TABLE companies;--", '"', "`", "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">', "<a href='javascript:alert(1)'>x</a>", "&lt;b&gt;",
        "&#x3c;", "javascript:", "[x](javascript:alert(1))", "![i](http://x/i.png)", "**", "# ",
        "\uff21\uff23\uff2d\uff25", "🚀", "👩‍👩‍👧", "שלום", "مرحبا", "İ", "ß", "ǅ", "\ufb03", "\ufdfa", "\u3392",
        "\u0345", "e\u0301", " ", "\t", "\n", "\r\n", "\u3000", "\xa0", "Acme", "Corp", "Inc.",
        "the", "wins", "Award", "-", "_",
    ]
)  # fmt: skip
TEXT = st.lists(st.one_of(st.text(max_size=20), HOSTILE), max_size=8).map("".join)
HUGE = st.builds(lambda piece, times: piece * times, TEXT.filter(bool), st.integers(50, 20_000))
WHITESPACE = st.text(st.sampled_from(" \t\n\r\x0b\x0c\xa0\u2028\u3000\u200b"), max_size=30)
NAMES = st.one_of(TEXT, HUGE, WHITESPACE, st.text(max_size=250))
TONES = st.sampled_from(["warm", "formal"])

# --- checks ---------------------------------------------------------------------------------------

SLUG = re.compile(r"[^\W_]+(?:-[^\W_]+)*")


def _controls(text: str, allowed: str = "") -> list[str]:
    """Control, format, surrogate and private-use characters: what can forge terminal text.
    (Unassigned code points are not among them: clean_text keeps them, rightly.)"""
    return [
        c for c in text if c not in allowed and unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co")
    ]


def _folded_length(name: str) -> int:
    """How long a name can get by normalising it: the bound a slug of it can reach."""
    return max(
        len(unicodedata.normalize("NFKD", name)),
        len(unicodedata.normalize("NFKC", name).casefold()),
    )


def _check_company(company: Company, slug: str | None = None) -> None:
    """A clean, bounded name; a slug of letters and digits joined by hyphens, no longer than the
    name can get by normalising it (``slug`` without a collision's "-2", when there is one)."""
    assert company.slug and SLUG.fullmatch(company.slug), repr(company.slug)
    slug = slug or company.slug
    assert len(slug) <= _folded_length(company.name), (company.name, company.slug)
    assert 0 < len(company.name) <= MAX_NAME_LENGTH
    assert company.name == " ".join(company.name.split()), repr(company.name)
    assert not _controls(company.name), repr(company.name)
    for alias in company.aliases:
        assert not _controls(alias) and len(alias) <= MAX_NAME_LENGTH, repr(alias)


def _check_error(exc: ResearchError) -> None:
    """Our errors name the value, briefly, and cannot forge terminal text themselves."""
    message = str(exc)
    assert message and len(message) <= 1_000, message[:2000]
    assert not _controls(message), repr(message)


def _check_sentence(text: str, name: str) -> None:
    """No controls; at most MAX_WORDS words, plus the words of the name, which is never cut."""
    assert text and not _controls(text), repr(text)
    assert len(text.split()) <= MAX_WORDS + len(name.split()), text


class Page(HTMLParser):
    """The elements, attributes, links and text a browser would build from the markup."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str, str | None]] = []
        self.hrefs: list[str] = []
        self.text: list[str] = []
        self.other: list[str] = []  # comments, declarations, processing instructions
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += [(tag, name, value) for name, value in attrs]
        self.hrefs += [value or "" for name, value in attrs if name == "href"]

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_comment(self, data: str) -> None:
        self.other.append(f"comment {data!r}")

    def handle_decl(self, decl: str) -> None:
        if decl.lower() != "doctype html":
            self.other.append(f"declaration {decl!r}")

    def handle_pi(self, data: str) -> None:
        self.other.append(f"processing instruction {data!r}")

    def unknown_decl(self, data: str) -> None:
        self.other.append(f"unknown declaration {data!r}")


PAGE_TAGS = {"html", "head", "meta", "title", "style", "body", "main", "section"}
FRAGMENT_TAGS = {"h1", "h2", "h3", "p", "ol", "ul", "li", "a", "strong"}
MARKDOWN_TAGS = {"h1", "h2", "p", "ul", "li", "a", "strong"}
ATTRIBUTES = {
    "html": {"lang"},
    "meta": {"charset", "name", "content", "http-equiv"},
    "p": {"class"},
    "a": {"href"},
}
ATOM = "{http://www.w3.org/2005/Atom}"
ATOM_TAGS = {
    f"{ATOM}{t}" for t in "feed id title updated author name entry link summary content".split()
}


def _check_markup(markup: str, allowed: set[str], urls: set[str]) -> Page:
    """Only the renderer's tags and attributes; every link http(s) and one we were given."""
    page = Page(markup)
    assert set(page.tags) <= allowed, set(page.tags) - allowed
    assert not page.other, page.other
    for tag, name, value in page.attributes:
        assert name in ATTRIBUTES.get(tag, set()), (tag, name, value)
        if name == "class":
            assert value == "meta", value
    for href in page.hrefs:
        assert href.lower().startswith(("http://", "https://")), href
        assert href in urls or any(href == link_target(u) for u in urls), href
    for data in page.text:
        assert not _controls(data, "\n"), repr(data)
    return page


def _check_terminal(text: str) -> None:
    assert not _controls(text, "\n"), repr(_controls(text, "\n"))
    assert "\x1b" not in text and "\r" not in text


def _check_markdown(markdown: str, urls: set[str]) -> None:
    """No raw ``<`` that could open a tag or an autolink (a ``<`` before a space, as in "3 < 4",
    is text to CommonMark and stays readable), and as CommonMark only our markup and links."""
    assert re.search(r"<(?!\s)", markdown) is None, markdown
    assert not _controls(markdown, "\n"), repr(_controls(markdown, "\n"))
    rendered = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown)
    page = Page(rendered)
    assert set(page.tags) <= MARKDOWN_TAGS, set(page.tags) - MARKDOWN_TAGS
    assert not page.other, page.other
    for tag, name, _ in page.attributes:
        assert (tag, name) == ("a", "href"), (tag, name)
    for href in page.hrefs:
        assert href.lower().startswith(("http://", "https://")), href


def _check_atom(digest: Digest, urls: set[str]) -> None:
    """The feed of saved digests parses as Atom, holds only Atom elements, and its HTML content
    passes the same whitelist as the page."""
    saved = SavedDigest(
        week=digest.week,
        updated=NOW,
        summary=digest_summary(digest),
        body_html=digest_fragment(digest),
        link=f"{digest.week}.html",
    )
    feed = digest_feed([saved], updated=NOW)
    root = ET.fromstring(feed)
    assert {element.tag for element in root.iter()} <= ATOM_TAGS
    for link in root.iter(f"{ATOM}link"):
        assert link.get("href") == f"{digest.week}.html"
    content = root.findtext(f"{ATOM}entry/{ATOM}content") or ""
    _check_markup(content, FRAGMENT_TAGS | {"section"}, urls)
    summary = root.findtext(f"{ATOM}entry/{ATOM}summary") or ""
    assert not _controls(summary) and len(summary) <= 300, summary
    parsed = feedparser.parse(feed)
    assert not parsed.bozo, parsed.get("bozo_exception")


def _check_digest(digest: Digest, urls: set[str]) -> None:
    _check_markup(digest.to_html(), PAGE_TAGS | FRAGMENT_TAGS, urls)
    _check_markdown(digest.to_markdown(), urls)
    _check_atom(digest, urls)


def _strings(value: Any, skip: str = "") -> list[str]:
    """Every string in a JSON document, except the values of keys named ``skip``."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() if k != skip for s in _strings(v, skip)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in _strings(v, skip)]
    return []


# --- 1. company names -----------------------------------------------------------------------------


@FUZZ
@given(name=NAMES, aliases=st.lists(NAMES, max_size=3))
@example(name="\x00", aliases=[])
@example(name=" \t\u3000\u200b ", aliases=[])
@example(name="a" * 201, aliases=[])
@example(name="x" * 1_000_000, aliases=[])
@example(name="\u202eAcme\u202c Corp\x1b[2J", aliases=["\x00"])
@example(name="C++ (AT&T) .*(a+)+$ '; DROP TABLE companies;--", aliases=[])
@example(name="\uff21\uff23\uff2d\uff25 🚀 Corp", aliases=["שלום", "Acme"])
def test_fuzz_company_names_resolve_or_are_refused_with_our_error(
    name: str, aliases: list[str]
) -> None:
    """resolve_company: a clean, bounded Company, or InvalidInput naming the problem; the slug is
    letters and digits joined by hyphens, and resolving the name it gave keeps the slug."""
    try:
        company = research.resolve_company(name, aliases)
    except research.InvalidInput as exc:
        _check_error(exc)
        return
    _check_company(company)
    assert research.resolve_company(company.name).slug == company.slug
    assert research.slugify(name) == research.slugify(name)  # pure


def _headlines(name: str, title: str) -> list[str]:
    return [
        title,
        f"{name} wins {title} award",
        f"{name} wins 2026 Edison Award{title}",
        f"{name} {title} raises $20 million in Series B funding",
        f"{title}{name} launches a new product",
    ]


@FUZZ
@given(name=NAMES, title=TEXT, tone=TONES, variant=st.integers(0, 2))
@example(name="Acme Corp", title="\x1b[31m\u202e", tone="warm", variant=0)
@example(name="<script>alert(1)</script>", title="", tone="formal", variant=2)
@example(name="(a+)+$", title="a" * 5_000, tone="warm", variant=1)
def test_fuzz_names_and_headlines_classify_and_congratulate(
    name: str, title: str, tone: str, variant: int
) -> None:
    """classify never raises; congratulate raises only ResearchErrors (NotCongratulable,
    InvalidInput) and otherwise gives a sentence and a clause with no control characters,
    within MAX_WORDS words plus the words of the company's name."""
    try:
        company = research.resolve_company(name)
    except research.InvalidInput:
        company = None
    for headline in _headlines(name, title):
        found = research.classify(headline, name)
        assert isinstance(found, research.Classification)
        assert found.congratulable in (True, False)
        try:
            snippet = research.congratulate(headline, tone, variant, company=name)
        except ResearchError as exc:
            assert isinstance(exc, research.InvalidInput), type(exc)
            _check_error(exc)
            continue
        assert company is not None  # a name resolve_company refuses is never congratulated
        _check_sentence(snippet.text, company.name)
        _check_sentence(snippet.clause, company.name)
        if len(company.name.split()) <= 4:
            assert len(snippet.text.split()) <= MAX_WORDS, snippet.text


@settings(FUZZ, max_examples=30)
@given(names=st.lists(NAMES, min_size=1, max_size=4))
@example(names=["C++", "C#", "A+E Networks", "A&E Networks"])
@example(names=["\x00"])
@example(names=["acme-corp", "\u202eAcme Corp", "\uff21\uff23\uff2d\uff25 CORP"])
def test_fuzz_names_on_the_watchlist_and_as_profiles(names: list[str]) -> None:
    """watch, watched, unwatch, add_company, get_company and remove_company with any names:
    ResearchErrors only; whatever is stored comes back clean, bounded and terminal-safe, and
    every watched slug can be unwatched."""
    try:
        try:
            placed = research.watch(names)
        except ResearchError as exc:
            assert isinstance(exc, research.InvalidInput), type(exc)
            _check_error(exc)
            placed = []
        # watch returns slugs, or (slug, newly added) pairs once colliding names get a suffix
        added_order = [item if isinstance(item, str) else item[0] for item in placed]
        added = set(added_order)
        entries = research.watched()
        assert added <= {entry.company.slug for entry in entries}
        for entry in entries:
            slug = re.sub(r"-[0-9]+$", "", entry.company.slug) or entry.company.slug
            _check_company(entry.company, slug=slug)
            _check_terminal(format_watch_entry(entry))
        for name in names:
            try:
                saved = research.add_company(name, aliases=[name[::-1]][: len(name) % 2])
            except ResearchError as exc:
                assert isinstance(exc, research.InvalidInput), type(exc)
                _check_error(exc)
                continue
            _check_company(saved, slug=re.sub(r"-[0-9]+$", "", saved.slug) or saved.slug)
            # a watched name's profile is the entry watch gave it (a lookalike's has "-2")
            assert saved.slug == dict(zip(names, added_order, strict=False)).get(
                name, research.resolve_company(name).slug
            )
            assert research.get_company(name) == saved
            research.remove_company(name)
    finally:
        left = [entry.company.slug for entry in research.watched()]
        if left:
            research.unwatch(left)
    assert research.watched() == []
    assert research.list_companies() == []
    assert research.damaged_companies() == []


# --- 2. rendered output ---------------------------------------------------------------------------

DOMAIN = st.sampled_from(["news.example", "acme.example", "xn--80ak6aa92e.example", "a.b.example"])
URL = st.one_of(
    st.none(),
    TEXT,
    st.builds(lambda d, path: f"https://{d}/{path}", DOMAIN, TEXT),
    st.sampled_from(
        [
            "javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)",
            "data:text/html,<script>alert(1)</script>", "vbscript:x", "//evil.example/x",
            "https://x.example/a)b](javascript:alert(1))", 'https://x.example/"><script>x',
            "https://x.example/\x1b[31m", "https://x.example/ onmouseover=alert(1)",
            "http://[::1", "file:///etc/passwd", " https://lead.example/space",
        ]
    ),
)  # fmt: skip


@st.composite
def events(draw: st.DrawFn) -> Event:
    url = draw(URL)
    outlets = tuple(
        Outlet(draw(TEXT), draw(DOMAIN), draw(URL), draw(TEXT))
        for _ in range(draw(st.integers(0, 3)))
    )
    snippets = tuple(
        Snippet(draw(TEXT), draw(TEXT), tone, variant, url)
        for tone in ("warm", "formal")
        for variant in range(3)
    )
    return Event(
        title=draw(TEXT),
        url=url,
        publisher=draw(TEXT),
        publisher_domain=draw(DOMAIN),
        published=draw(st.none() | st.just(NOW - timedelta(days=1))),
        kind=draw(st.sampled_from(list(EventKind))),
        score=draw(st.floats(-10, 10)),
        reasons=tuple(draw(st.lists(TEXT, max_size=3))),
        sentence=draw(TEXT),
        source=draw(TEXT),
        summary=draw(TEXT),
        outlets=outlets,
        first_party=draw(st.booleans()),
        topics=tuple(draw(st.lists(TEXT, max_size=2))),
        snippets=snippets,
    )


@st.composite
def results(draw: st.DrawFn) -> Result:
    company = Company(
        slug=draw(st.sampled_from(["acme-corp", "c", "яндекс"])),
        name=draw(TEXT),
        aliases=tuple(draw(st.lists(TEXT, max_size=2))),
    )
    failures = tuple(
        SourceFailure(draw(TEXT), draw(TEXT), draw(TEXT), draw(TEXT))
        for _ in range(draw(st.integers(0, 2)))
    )
    skipped = tuple(
        Skipped(draw(TEXT), draw(URL), None, draw(TEXT)) for _ in range(draw(st.integers(0, 2)))
    )
    return Result(
        company=company,
        generated_at=NOW,
        window_days=draw(st.integers(1, 365)),
        events=tuple(draw(st.lists(events(), max_size=3))),
        failures=failures,
        skipped=skipped,
        warnings=tuple(draw(st.lists(TEXT, max_size=2))),
        sources_total=draw(st.integers(0, 4)),
        topics=tuple(draw(st.lists(TEXT, max_size=2))),
    )


def _digest_of(result: Result, problem: str | None = None) -> Digest:
    week = IsoWeek.of(NOW)
    quiet = CompanySection(
        Company(slug="quiet", name=result.company.name + " Quiet"),
        researched=bool(result.events),
        problem=problem,
    )
    failures = tuple(
        DigestFailure(result.company.slug, f.source, f.url, f.error, f.reason)
        for f in result.failures
    )
    return Digest(
        week, (CompanySection(result.company, result.events), quiet), failures, generated_at=NOW
    )


def _urls(result: Result) -> set[str]:
    return {u for e in result.events for u in (e.url, *(o.url for o in e.outlets)) if u}


@settings(FUZZ, max_examples=40)
@given(result=results(), verbose=st.booleans(), tone=TONES, problem=st.none() | TEXT)
def test_fuzz_any_text_in_any_field_renders_inert(
    result: Result, verbose: bool, tone: str, problem: str | None
) -> None:
    """Result, Event and Digest objects built with arbitrary text in every foreign field: the
    terminal report has no control or escape character, the JSON document round-trips, and
    the digest's HTML, Markdown and Atom carry only the renderer's markup and http(s) links."""
    for variant in range(3):
        _check_terminal(format_text(result, verbose=verbose, tone=tone, variant=variant))
    # Round-trips (compared as JSON: two lone surrogates side by side read back as one pair)
    document = json.dumps(result_to_dict(result))
    assert json.dumps(json.loads(document)) == document
    _check_digest(_digest_of(result, problem), _urls(result))


def _rss(items: list[dict[str, str]], channel: str) -> bytes:
    entries = "".join(
        f"<item><title>{item['title']}</title><link>{item['link']}</link>"
        f"<guid>{item['guid']}</guid><pubDate>{item['date']}</pubDate>"
        f"<description>{item['summary']}</description>"
        f'<source url="https://publisher.example/">{item["publisher"]}</source></item>'
        for item in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{channel}</title>{entries}</channel></rss>"
    ).encode("utf-8", "surrogatepass")


# Fuzzed text goes into the feed either XML-escaped (so it survives to the title) or raw (so the
# feed's own markup is at stake); feedparser must cope with both.
FEED_TEXT = st.one_of(TEXT.map(xml_escape), TEXT, TEXT.map(lambda t: xml_escape(xml_escape(t))))
FEED_NAMES = st.one_of(
    st.sampled_from(
        ["Acme Corp", "C++ Labs", "\uff21\uff23\uff2d\uff25 Corp", "Acme \u202eCorp", "🚀 Rocket"]
    ),
    TEXT,
)
_paths = itertools.count()
# The note's own fields without control characters: those are pinned separately below.
PRINTABLE = TEXT.map(lambda text: "".join(c for c in text if not _controls(c)))


@st.composite
def feed_items(draw: st.DrawFn, name: str, published: datetime) -> dict[str, str]:
    words = draw(st.sampled_from(["wins 2026 Edison Award", "raises $20 million", "opens office"]))
    return {
        "title": xml_escape(name) + f" {words} " + draw(FEED_TEXT),
        "link": xml_escape(draw(URL) or ""),
        "guid": draw(FEED_TEXT),
        "date": format_datetime(published),
        "summary": draw(FEED_TEXT),
        "publisher": draw(FEED_TEXT),
    }


def _check_pipeline_result(result: Result) -> None:
    """What the parsers hand on is bounded text, never markup, and only http(s) links."""
    for event in result.events:
        assert 0 < len(event.title) <= TITLE_LIMIT, len(event.title)
        assert len(event.summary) <= SUMMARY_LIMIT, len(event.summary)
        # No control characters; a tag can still survive in the title and summary (see
        # test_an_invisible_character_inside_a_tag_does_not_hide_it) and in the publisher (see
        # test_a_feed_title_as_publisher_is_text_not_markup): the renderers below must cope.
        for text in (event.title, event.summary, event.publisher):
            assert not _controls(text), repr(text)
        assert event.url is None or is_http_url(event.url), event.url
        assert all(o.url is None or is_http_url(o.url) for o in event.outlets)
    # Every text but the URLs (a link can still hold a C0 control: see
    # test_a_feed_link_with_a_control_character_is_not_an_event_url below).
    for text in _strings(result_to_dict(result), skip="url"):
        assert not _controls(text), repr(text)


def _check_title_lengths(output: str, result: Result) -> None:
    """No line is longer than a title could make it, give or take the renderer's own words."""
    longest = max((len(line) for line in output.splitlines()), default=0)
    names = sum(len(n) for n in result.company.names)
    assert longest <= 4 * (TITLE_LIMIT + names) + 2_000, longest


@settings(FUZZ, max_examples=30)
@given(data=st.data(), name=FEED_NAMES, to=PRINTABLE, role=PRINTABLE, tone=TONES)
def test_fuzz_research_against_a_hostile_feed_renders_inert(
    server: TestServer, data: st.DataObject, name: str, to: str, role: str, tone: str
) -> None:
    """research() and weekly_digest() against a local feed with fuzzed titles, links, summaries
    and publisher names: only ResearchErrors; bounded titles and summaries; and every rendering
    (terminal, JSON, note, Markdown, HTML, Atom) inert."""
    published = datetime.now(timezone.utc) - timedelta(hours=2)
    items = data.draw(st.lists(feed_items(name, published), max_size=4))
    path = f"/fuzz/{next(_paths)}.xml"  # a new URL each time: no cached answer is reused
    url = server.route(path, Reply(200, _rss(items, data.draw(FEED_TEXT))))
    try:
        result = research.research(name, feeds=[url], builtin=data.draw(st.booleans()))
    except ResearchError as exc:
        assert isinstance(exc, research.InvalidInput), type(exc)
        _check_error(exc)
        return
    _check_pipeline_result(result)
    text = format_text(result, verbose=True, tone=tone)
    _check_terminal(text)
    _check_title_lengths(text, result)
    document = json.dumps(result_to_dict(result), ensure_ascii=False)
    assert len(document) <= 20_000 + 10 * len(items) * (TITLE_LIMIT + SUMMARY_LIMIT)
    try:
        note = research.draft_note(result, to=to, role=role, tone=tone)
    except research.InvalidInput as exc:
        _check_error(exc)
    except research.SourcesFailed as exc:  # no note claiming "no news" when nothing answered
        assert result.all_failed
        _check_error(exc)
    else:
        _check_terminal(note.text)
        assert len(note.text) <= 4_000, len(note.text)

    company = research.add_company(name, feeds=[url])
    digest = research.weekly_digest([company.slug], IsoWeek.of(published))
    for output in (digest.to_markdown(), digest.to_html()):
        _check_title_lengths(output, result)
    for section in digest.sections:
        for event in section.events:
            assert len(event.title) <= TITLE_LIMIT
    urls = {
        u
        for s in digest.sections
        for e in s.events
        for u in (e.url, *(o.url for o in e.outlets))
        if u
    }
    _check_digest(digest, urls)
    research.remove_company(company.slug)


# --- the bugs this fuzzing found, fixed and pinned -----------------------------------------------------------

@pytest.mark.parametrize(
    ("to", "role", "topic"),
    [
        ("Bob\x1b[2J\x1b]0;pwned\x07", "engineer", None),
        ("Bob", "engineer\u202e", None),
        ("Bob", "engineer", "cloud\x00\x1b[31m"),
    ],
    ids=["escape in to", "bidi override in role", "NUL and escape in topic"],
)
def test_note_fields_cannot_forge_terminal_text(to: str, role: str, topic: str | None) -> None:
    result = Result(Company("acme-corp", "Acme Corp"), NOW, 30, ())
    try:
        note = research.draft_note(result, to=to, role=role, topic=topic)
    except research.InvalidInput as exc:
        _check_error(exc)
        return
    _check_terminal(note.text)


@pytest.mark.parametrize(
    "name",
    ["\u3392" * 200, "\ufdfa" * 200, "\ufb03" * 200],
    ids=["200 x U+3392 MHz", "200 x U+FDFA ligature", "200 x U+FB03 ffi"],
)
def test_slug_of_an_accepted_name_fits_the_name_limit(name: str) -> None:
    company = research.resolve_company(name)  # accepted: 200 characters
    assert len(company.slug) <= MAX_NAME_LENGTH, len(company.slug)


def _one_item_feed(server: TestServer, channel_title: str, link: str) -> str:
    published = format_datetime(datetime.now(timezone.utc) - timedelta(hours=2))
    item = {
        "title": "Acme Corp wins 2026 Edison Award", "link": link, "guid": "1",
        "date": published, "summary": "", "publisher": "Wire",
    }  # fmt: skip
    return server.route(f"/pinned/{next(_paths)}.xml", Reply(200, _rss([item], channel_title)))


def test_a_feed_title_as_publisher_is_text_not_markup(server: TestServer) -> None:
    url = _one_item_feed(server, "&lt;script&gt;alert(1)&lt;/script&gt;", "https://news.example/a")
    result = research.research("Acme Corp", feeds=[url], builtin=False)
    assert result.events
    for text in _strings(result_to_dict(result)):
        assert not re.search(r"<[a-zA-Z/!?]", text), repr(text)


def test_a_feed_link_with_a_control_character_is_not_an_event_url(server: TestServer) -> None:
    url = _one_item_feed(server, "Wire", "https://news.example/\x1f0")
    result = research.research("Acme Corp", feeds=[url], builtin=False)
    assert result.events
    for text in _strings(result_to_dict(result)):
        assert not _controls(text), repr(text)


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Acme Corp wins 2026 Edison Award &amp;lt;\x08script&amp;gt;x", ""),
        ("Acme Corp wins 2026 Edison Award", "&lt;\u200bimg src=x onerror=alert(1)&gt;"),
    ],
    ids=["backspace in an escaped tag in the title", "zero-width space in a tag in the summary"],
)
def test_an_invisible_character_inside_a_tag_does_not_hide_it(
    server: TestServer, title: str, summary: str
) -> None:
    published = format_datetime(datetime.now(timezone.utc) - timedelta(hours=2))
    item = {
        "title": title, "link": "https://news.example/a", "guid": "1",
        "date": published, "summary": summary, "publisher": "Wire",
    }  # fmt: skip
    url = server.route(f"/pinned/{next(_paths)}.xml", Reply(200, _rss([item], "Wire")))
    result = research.research("Acme Corp", feeds=[url], builtin=False)
    assert result.events
    for event in result.events:
        for text in (event.title, event.summary):
            assert not re.search(r"<[a-zA-Z/!?]", text), repr(text)

"""Rendering a weekly digest: exact Markdown, a self-contained HTML page, an Atom feed, all safe.

Every text in a digest comes from a feed, so the tests fill every field with hostile text and
check each output the way its reader would see it: HTML through a parser, Markdown through a
CommonMark renderer, Atom through feedparser and xml.etree.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import datetime, timezone
from html.parser import HTMLParser

import feedparser
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from research.digest.data import CompanySection, Digest, DigestFailure, IsoWeek, SavedDigest
from research.digest.render import (
    digest_feed,
    digest_fragment,
    digest_html,
    digest_markdown,
    digest_summary,
    link_target,
    week_dates,
)
from research.models import Company, Event, EventKind
from sources import Outlet
from sources.parse.text import clean_text

WEEK = IsoWeek(2026, 47)
ACME = Company("acme-corp", "Acme Corp")
BETA = Company("beta-inc", "Beta Inc")
ATOM = "{http://www.w3.org/2005/Atom}"

# What each output may contain: the renderer's own elements and attributes, nothing from a feed.
PAGE_TAGS = {"html", "head", "meta", "title", "style", "body", "main", "section"}
FRAGMENT_TAGS = {"h1", "h2", "h3", "p", "ol", "ul", "li", "a", "strong"}
ATTRIBUTES = {
    "html": {"lang"},
    "meta": {"charset", "name", "content", "http-equiv"},
    "p": {"class"},
    "a": {"href"},
}
MARKDOWN_TAGS = {"h1", "h2", "p", "ul", "li", "a", "strong"}
# A raw start tag carrying an event handler, as a browser would read it.
HANDLER_ATTRIBUTE = re.compile(r"<[a-z][^<>]*\son[a-z]+\s*=", re.IGNORECASE)


def make_event(title: str, url: str | None, day: int, **changes: object) -> Event:
    event = Event(
        title=title,
        url=url,
        publisher="The Daily Ledger",
        publisher_domain="dailyledger.example",
        published=datetime(2026, 11, day, 9, 30, tzinfo=timezone.utc),
        kind=EventKind.AWARD,
        score=0.9,
        reasons=("the headline names Acme Corp",),
        sentence="Congratulations to the Acme Corp team.",
        source="google-news",
    )
    return replace(event, **changes)  # type: ignore[arg-type]


def small_digest(**changes: object) -> Digest:
    """Acme Corp with two events, Beta Inc with none because its only source failed."""
    award = make_event(
        "Acme Corp wins Edison Award for HomeCell solar battery",
        "https://www.dailyledger.example/business/2026/11/18/acme-corp-wins-edison-award",
        18,
        reasons=(
            "the headline names Acme Corp",
            "an award or recognition ('Award')",
            "published 2 days ago (2026-11-18)",
        ),
        sentence="Congratulations to the Acme Corp team on winning the Edison Award for "
        "HomeCell solar battery.",
        outlets=(
            Outlet("The Daily Ledger", "dailyledger.example", None, "google-news"),
            Outlet("Harbor - Tribune", "harbortribune.example", None, "bing-news"),
        ),
    )
    order = make_event(
        "Acme Corp lands $400 million storage order from Pacific Crest Utilities",
        "https://harbortribune.example/biz/acme_(storage)_order",
        17,
        publisher="",
        publisher_domain="harbortribune.example",
        kind=EventKind.NEW_ACCOUNT,
        score=0.7,
        reasons=("the headline names Acme Corp", "a new customer or contract ('lands')"),
        sentence="Congratulations to the Acme Corp team on landing a $400 million storage "
        "order from Pacific Crest Utilities.",
    )
    digest = Digest(
        week=WEEK,
        sections=(
            CompanySection(ACME, (award, order)),
            CompanySection(BETA, researched=False),
        ),
        failures=(
            DigestFailure(
                company="beta-inc",
                source="bing-news",
                url="https://www.bing.com/news/search?q=%22Beta+Inc%22",
                error="rate-limited by bing.com",
                reason="rate_limited",
            ),
        ),
        generated_at=datetime(2026, 11, 23, 6, tzinfo=timezone.utc),
    )
    return replace(digest, **changes)  # type: ignore[arg-type]


SMALL_MARKDOWN = """\
# Weekly digest 2026-W47 (Mon 16 Nov \u2013 Sun 22 Nov 2026)

2 pieces of good news at 1 of 2 watched companies; 1 source failed.

## Acme Corp

- **[Acme Corp wins Edison Award for HomeCell solar battery](https://www.dailyledger.example/business/2026/11/18/acme-corp-wins-edison-award)**
  - 2026-11-18 · The Daily Ledger (+1 more outlet) · award
  - Why: the headline names Acme Corp; an award or recognition ('Award'); published 2 days ago (2026-11-18)
  - Say: Congratulations to the Acme Corp team on winning the Edison Award for HomeCell solar battery.
- **[Acme Corp lands $400 million storage order from Pacific Crest Utilities](https://harbortribune.example/biz/acme_%28storage%29_order)**
  - 2026-11-17 · harbortribune.example · new account
  - Why: the headline names Acme Corp; a new customer or contract ('lands')
  - Say: Congratulations to the Acme Corp team on landing a $400 million storage order from Pacific Crest Utilities.

## Nothing new this week

Beta Inc (no source answered)

## Sources that failed

- Beta Inc · bing-news: rate-limited by bing.com [rate_limited] · https://www.bing.com/news/search?q=%22Beta+Inc%22
"""


class Page(HTMLParser):
    """What a browser would build from the markup: elements, attributes, links, visible text."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str, str | None]] = []
        self.hrefs: list[str] = []
        self.text_parts: list[str] = []
        self._hidden = 0
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += [(tag, name, value) for name, value in attrs]
        self.hrefs += [value or "" for name, value in attrs if name == "href"]
        if tag in ("head", "style", "title"):
            self._hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("head", "style", "title"):
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.text_parts.append(data)

    @property
    def text(self) -> str:
        return "".join(self.text_parts)


def markdown_page(markdown: str) -> Page:
    """The Markdown as a CommonMark renderer shows it (raw HTML passes, as on most sites)."""
    renderer = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    return Page(renderer.render(markdown))


def assert_only_renderer_markup(page: Page, allowed_tags: set[str]) -> None:
    assert set(page.tags) <= allowed_tags, set(page.tags) - allowed_tags
    for tag, name, _ in page.attributes:
        assert name in ATTRIBUTES.get(tag, set()), (tag, name)
    for href in page.hrefs:
        assert href.lower().startswith(("http://", "https://")), href


# The exact Markdown, and what does not change it


def test_markdown_of_a_small_digest_is_exactly_this() -> None:
    assert digest_markdown(small_digest()) == SMALL_MARKDOWN
    assert small_digest().to_markdown() == SMALL_MARKDOWN


def test_regenerating_later_gives_identical_bytes() -> None:
    first = small_digest()
    later = small_digest(generated_at=datetime(2027, 1, 5, 18, 45, tzinfo=timezone.utc))
    assert digest_markdown(later) == digest_markdown(first)
    assert digest_html(later) == digest_html(first)
    assert digest_summary(later) == digest_summary(first)
    assert "06:00" not in digest_html(first) and "2026-11-23" not in digest_html(first)


def test_the_html_page_holds_the_same_content_as_the_markdown() -> None:
    page = Page(digest_html(small_digest()))
    assert_only_renderer_markup(page, PAGE_TAGS | FRAGMENT_TAGS)
    for expected in (
        "Weekly digest 2026-W47 (Mon 16 Nov \u2013 Sun 22 Nov 2026)",
        "2 pieces of good news at 1 of 2 watched companies; 1 source failed.",
        "Acme Corp wins Edison Award for HomeCell solar battery",
        "2026-11-18 · The Daily Ledger (+1 more outlet) · award",
        "Why: the headline names Acme Corp; an award or recognition ('Award'); "
        "published 2 days ago (2026-11-18)",
        "Say: Congratulations to the Acme Corp team on landing a $400 million storage order",
        "2026-11-17 · harbortribune.example · new account",
        "Nothing new this week",
        "Beta Inc (no source answered)",
        "Beta Inc · bing-news: rate-limited by bing.com [rate_limited] · "
        "https://www.bing.com/news/search?q=%22Beta+Inc%22",
    ):
        assert expected in page.text, expected
    # Each event links to its story; the failed source's URL is text, not a link.
    assert page.hrefs == [
        "https://www.dailyledger.example/business/2026/11/18/acme-corp-wins-edison-award",
        "https://harbortribune.example/biz/acme_(storage)_order",
    ]


def test_event_links_in_markdown_percent_encode_parentheses() -> None:
    event = make_event("Acme Corp wins", "https://en.example/wiki/Acme_(company)?q=a<b", 18)
    digest = Digest(WEEK, (CompanySection(ACME, (event,)),))
    markdown = digest_markdown(digest)
    assert "(https://en.example/wiki/Acme_%28company%29?q=a%3Cb)" in markdown
    assert markdown_page(markdown).hrefs == ["https://en.example/wiki/Acme_%28company%29?q=a%3Cb"]


@pytest.mark.parametrize(
    ("week", "dates"),
    [
        (IsoWeek(2026, 47), "Mon 16 Nov \u2013 Sun 22 Nov 2026"),
        (IsoWeek(2026, 49), "Mon 30 Nov \u2013 Sun 6 Dec 2026"),
        (IsoWeek(2026, 53), "Mon 28 Dec 2026 \u2013 Sun 3 Jan 2027"),
        (IsoWeek(2027, 1), "Mon 4 Jan \u2013 Sun 10 Jan 2027"),
    ],
)
def test_week_dates_run_monday_to_sunday(week: IsoWeek, dates: str) -> None:
    assert week_dates(week) == dates


def test_summary_counts_news_companies_and_failures() -> None:
    digest = small_digest()
    assert digest_summary(digest) == (
        "2026-W47: 2 pieces of good news at 1 of 2 watched companies; 1 source failed"
    )
    one = Digest(WEEK, (CompanySection(ACME, (make_event("Acme Corp wins", None, 18),)),))
    assert digest_summary(one) == "2026-W47: 1 piece of good news at 1 of 1 watched company"
    quiet = Digest(WEEK, (CompanySection(ACME), CompanySection(BETA)))
    assert digest_summary(quiet) == "2026-W47: no good news at the 2 watched companies"
    assert digest_summary(Digest(WEEK, ())) == "2026-W47: no companies on the watchlist"


def test_quiet_companies_say_why_they_may_not_have_been_looked_at() -> None:
    digest = Digest(
        WEEK,
        (
            CompanySection(ACME),
            CompanySection(BETA, researched=False),
            CompanySection(Company("gamma", "Gamma"), problem="the profile has no name to search"),
        ),
    )
    line = (
        "Acme Corp · Beta Inc (no source answered) · Gamma (could not be researched: the "
        "profile has no name to search)"
    )
    assert line in Page(digest_html(digest)).text
    assert line in markdown_page(digest_markdown(digest)).text


def test_markdown_escapes_the_metacharacters_that_would_be_read_as_markup() -> None:
    company = Company("odd", "A\\`*_{}[]()#+-.!|<>~$&Z\n# new\rline")
    digest = Digest(WEEK, (CompanySection(company, (make_event("Title", None, 18),)),))
    # Inside a heading only "\\" before punctuation, `, *, _ after punctuation, brackets, "(" after
    # "]", "<" before a non-space and ~ mean something; "#" inside the line and "$" do not.
    heading = r"## A\\\`\*\_{}\[\]\()#+-.!|&lt;>\~$&Z # new line"
    assert heading in digest_markdown(digest).splitlines()
    assert "A\\`*_{}[]()#+-.!|<>~$&Z # new line" in markdown_page(digest_markdown(digest)).text


def test_an_event_without_a_title_still_shows_a_visible_link() -> None:
    event = make_event(" \u200b ", "https://acme.example/news/1", 18)
    digest = Digest(WEEK, (CompanySection(ACME, (event,)),))
    assert "[(no title)](https://acme.example/news/1)" in digest_markdown(digest)
    assert '<a href="https://acme.example/news/1">(no title)</a>' in digest_html(digest)


# Links


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        " javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "//evil.example/x",
        "https:evil.example",
        "http://",
        "ftp://files.example/x",
        "/relative/path",
        "https://acme.example/a b",
        "https://acme.example/\x00",
        "https://acme.example/\u202egpj.exe",
        "https://acme.example/\u200b",
        "https://acme.example/x\r\nSet-Cookie: a=b",
        "",
        None,
    ],
)
def test_only_absolute_http_urls_become_links(url: str | None) -> None:
    assert link_target(url) is None
    event = make_event("Acme Corp wins", url, 18)
    digest = Digest(WEEK, (CompanySection(ACME, (event,)),))
    assert Page(digest_html(digest)).hrefs == []
    assert markdown_page(digest_markdown(digest)).hrefs == []
    assert "](" not in digest_markdown(digest)


@pytest.mark.parametrize(
    "url",
    [
        "http://acme.example",
        "HTTPS://ACME.EXAMPLE/News?id=1&x=(2)",
        "https://acme.example:8443/é",
        "https://acme.example/x\"onmouseover=\"alert(1)'onfocus='alert(2)",
    ],
)
def test_http_urls_become_links(url: str) -> None:
    """A valid URL may still hold quotes: they must not end the href attribute."""
    assert link_target(url) == url
    digest = Digest(WEEK, (CompanySection(ACME, (make_event("Acme Corp wins", url, 18),)),))
    page = Page(digest_html(digest))
    assert_only_renderer_markup(page, PAGE_TAGS | FRAGMENT_TAGS)
    assert page.hrefs == [url]
    rendered = markdown_page(digest_markdown(digest))
    assert_only_renderer_markup(rendered, MARKDOWN_TAGS)
    assert len(rendered.hrefs) == 1


# Hostile text in every field, in every output

HOSTILE = [
    "<script>alert(1)</script>",
    "<ScRiPt src=//evil.example/x.js></ScRiPt>",
    '"><img src=x onerror=alert(1)>',
    "<svg/onload=alert(1)>",
    "<iframe src=javascript:alert(1)></iframe>",
    "<a href=javascript:alert(1)>click</a>",
    "[click](javascript:alert(1))",
    "![img](https://evil.example/pixel.png)",
    "# Heading\n| a | b |\n|---|---|\n| c | d |",
    "line\r\n- injected item\n> quote\n    code",
    "`code` *em* _em_ **strong** ~~del~~ $x$ &amp; &lt;script&gt;",
    "\x1b[31mred\x1b[0m \u202eevil\u202c zero\u200bwidth\u2028sep",
    "<https://evil.example>",
    "1. numbered",
]


def hostile_digest(text: str) -> Digest:
    company = Company("hostile", f"Hostile {text}")
    event = make_event(
        f"Title {text}",
        "https://acme.example/news/1",
        18,
        publisher=f"Publisher {text}",
        reasons=(f"Reason {text}", f"Second {text}"),
        sentence=f"Sentence {text}",
        summary=f"Summary {text}",
    )
    unlinked = make_event(f"Other {text}", f"javascript:alert(1)//{text}", 19)
    return Digest(
        WEEK,
        (
            CompanySection(company, (event, unlinked)),
            CompanySection(Company("quiet", f"Quiet {text}"), problem=f"Problem {text}"),
        ),
        failures=(
            DigestFailure(f"Company {text}", f"Source {text}", f"javascript:{text}",
                          f"Error {text}", f"Reason {text}"),
        ),
    )  # fmt: skip


def visible_fields(digest: Digest) -> list[str]:
    """Every feed text a reader must see, as the renderer cleans it."""
    fields: list[str] = []
    for section in digest.sections:
        fields += [section.company.name, section.problem or ""]
        for event in section.events:
            fields += [event.title, event.sentence, "; ".join(event.reasons)]
            fields += [event.publisher or event.publisher_domain]
            fields += [event.url or ""] if link_target(event.url) is None else []
    names = {section.company.slug: section.company.name for section in digest.sections}
    for failure in digest.failures:
        shown_as = names.get(failure.company) or failure.company  # a watched one by its name
        fields += [shown_as, failure.source, failure.url, failure.error, failure.reason]
    return [clean_text(field) for field in fields]


def assert_no_active_markup(output: str) -> None:
    assert "<script" not in output.lower()
    assert not HANDLER_ATTRIBUTE.search(output), HANDLER_ATTRIBUTE.search(output)
    assert "\x1b" not in output and "\u202e" not in output and "\u200b" not in output


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_shown_as_text_in_html(text: str) -> None:
    digest = hostile_digest(text)
    html_page = digest_html(digest)
    assert_no_active_markup(html_page)
    page = Page(html_page)
    assert_only_renderer_markup(page, PAGE_TAGS | FRAGMENT_TAGS)
    assert page.hrefs == ["https://acme.example/news/1"]
    for field in visible_fields(digest):
        assert field in page.text, field


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_shown_as_text_in_markdown(text: str) -> None:
    digest = hostile_digest(text)
    markdown = digest_markdown(digest)
    assert_no_active_markup(markdown)
    # Each line is the renderer's: a feed's newline cannot start a heading, item or table row.
    for line in markdown.splitlines():
        assert re.match(r"(#{1,2} |- |  - |[A-Z0-9]|$)", line), line
    assert markdown.count("](") == 1
    page = markdown_page(markdown)
    assert_only_renderer_markup(page, MARKDOWN_TAGS)
    assert page.hrefs == ["https://acme.example/news/1"]
    for field in visible_fields(digest):
        assert field in page.text, field


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_shown_as_text_in_the_atom_feed(text: str) -> None:
    digest = hostile_digest(text)
    saved = SavedDigest(WEEK, datetime(2026, 11, 23, tzinfo=timezone.utc),
                        f"Summary {text}\x00\x0b\ufffe", digest_fragment(digest), f"javascript:{text}")  # fmt: skip
    feed = digest_feed([saved], updated=datetime(2026, 11, 23, tzinfo=timezone.utc))
    assert_no_active_markup(feed)
    entry = ET.fromstring(feed).find(f"{ATOM}entry")
    assert entry is not None
    assert entry.find(f"{ATOM}link") is None
    assert entry.findtext(f"{ATOM}summary") == clean_text(f"Summary {text}").rstrip("\ufffe")
    content = entry.findtext(f"{ATOM}content") or ""
    assert content == digest_fragment(digest)
    page = Page(content)
    assert_only_renderer_markup(page, FRAGMENT_TAGS | {"section"})
    for field in visible_fields(digest):
        assert field in page.text, field
    parsed = feedparser.parse(feed)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert "<script" not in parsed.entries[0].content[0].value.lower()


texts = st.text(max_size=40)
urls = st.one_of(
    texts,
    st.builds(
        str.__add__,
        st.sampled_from(["http://", "https://", "HTTP://", "javascript:", "//", "data:", ""]),
        texts,
    ),
)


@st.composite
def any_digest(draw: st.DrawFn) -> Digest:
    event = Event(
        title=draw(texts),
        url=draw(st.none() | urls),
        publisher=draw(texts),
        publisher_domain=draw(texts),
        published=datetime(2026, 11, 18, tzinfo=timezone.utc),
        kind=draw(st.sampled_from(EventKind)),
        score=0.5,
        reasons=tuple(draw(st.lists(texts, max_size=3))),
        sentence=draw(texts),
        source="google-news",
    )
    return Digest(
        WEEK,
        (
            CompanySection(Company("a", draw(texts)), (event,)),
            CompanySection(Company("b", draw(texts)), problem=draw(st.none() | texts)),
        ),
        failures=(DigestFailure(draw(texts), draw(texts), draw(urls), draw(texts), draw(texts)),),
    )


@settings(max_examples=300, deadline=None)
@given(any_digest(), texts)
def test_any_text_in_any_field_stays_text(digest: Digest, summary: str) -> None:
    html_page = digest_html(digest)
    page = Page(html_page)
    assert_only_renderer_markup(page, PAGE_TAGS | FRAGMENT_TAGS)
    for field in visible_fields(digest):
        assert field in page.text, field
    event = digest.sections[0].events[0]
    assert page.hrefs == ([event.url] if link_target(event.url) else [])

    markdown = digest_markdown(digest)
    rendered = markdown_page(markdown)
    assert_only_renderer_markup(rendered, MARKDOWN_TAGS)
    for field in visible_fields(digest):
        assert field in rendered.text, field
    assert len(rendered.hrefs) == (1 if link_target(event.url) else 0)

    saved = SavedDigest(WEEK, datetime(2026, 11, 23, tzinfo=timezone.utc), summary,
                        digest_fragment(digest), event.url)  # fmt: skip
    root = ET.fromstring(digest_feed([saved], updated=saved.updated))
    for link in root.iter(f"{ATOM}link"):
        href = link.get("href") or ""
        assert href == event.url
        assert link_target(href) or not re.search(r"[:\\\s]|^//", href), href
    assert root.findtext(f"{ATOM}entry/{ATOM}summary") == clean_text(summary)
    for output in (html_page, markdown, digest_feed([saved], updated=saved.updated)):
        assert "<script" not in output.lower()
        assert not HANDLER_ATTRIBUTE.search(output)


# Atom


def saved_week(week: int, *, link: str | None = None) -> SavedDigest:
    digest = small_digest(week=IsoWeek(2026, week))
    return SavedDigest(
        week=digest.week,
        updated=datetime(2026, 11, 2 + 7 * (week - 45), 6, tzinfo=timezone.utc),
        summary=digest_summary(digest),
        body_html=digest_fragment(digest),
        link=link,
    )


def test_atom_feed_lists_saved_digests_newest_week_first() -> None:
    saved = [
        saved_week(45, link="2026-W45.html"),
        saved_week(47, link="https://me.example/digests/2026-W47.html"),
        saved_week(46),
    ]
    updated = datetime(2026, 11, 23, 7, 15, tzinfo=timezone.utc)
    feed = digest_feed(saved, updated=updated)
    assert feed.startswith(
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
    )

    root = ET.fromstring(feed)
    assert root.tag == f"{ATOM}feed"
    assert root.findtext(f"{ATOM}id") == "tag:research.local,2026:digests"
    assert root.findtext(f"{ATOM}updated") == "2026-11-23T07:15:00Z"
    assert root.findtext(f"{ATOM}author/{ATOM}name") == "research"
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}id") for e in entries] == [
        "tag:research.local,2026:digest/2026-W47",
        "tag:research.local,2026:digest/2026-W46",
        "tag:research.local,2026:digest/2026-W45",
    ]
    assert [e.findtext(f"{ATOM}updated") for e in entries] == [
        "2026-11-16T06:00:00Z", "2026-11-09T06:00:00Z", "2026-11-02T06:00:00Z",
    ]  # fmt: skip

    parsed = feedparser.parse(feed)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.title == "Weekly digests"
    newest = parsed.entries[0]
    assert newest.title == "Weekly digest 2026-W47"
    assert newest.summary == saved[1].summary
    assert newest.content[0].type == "text/html"
    assert "Acme Corp wins Edison Award for HomeCell solar battery" in newest.content[0].value
    assert newest.link == "https://me.example/digests/2026-W47.html"
    assert [[link.href for link in e.get("links", [])] for e in parsed.entries[1:]] == [
        [],
        ["2026-W45.html"],
    ]


def test_atom_feed_drops_characters_xml_cannot_hold() -> None:
    """A stored body or summary with a NUL or a noncharacter must not make the feed unreadable."""
    saved = replace(saved_week(47), summary="Good\ufffe news", body_html="<p>a\x00b\x0bc\uffff</p>")
    root = ET.fromstring(digest_feed([saved], updated=datetime(2026, 11, 23)))
    assert root.findtext(f"{ATOM}entry/{ATOM}summary") == "Good news"
    assert root.findtext(f"{ATOM}entry/{ATOM}content") == "<p>abc</p>"


def test_atom_feed_entries_keep_their_ids_as_the_feed_grows() -> None:
    before = ET.fromstring(digest_feed([saved_week(46)], updated=datetime(2026, 11, 16)))
    after = ET.fromstring(
        digest_feed([saved_week(46), saved_week(47)], updated=datetime(2026, 11, 23))
    )
    assert before.findtext(f"{ATOM}entry/{ATOM}id") in [
        e.findtext(f"{ATOM}id") for e in after.findall(f"{ATOM}entry")
    ]
    assert before.findtext(f"{ATOM}id") == after.findtext(f"{ATOM}id")
    # A naive time is taken as UTC, whatever the machine's zone.
    assert after.findtext(f"{ATOM}updated") == "2026-11-23T00:00:00Z"


@pytest.mark.parametrize(
    "link",
    ["javascript:alert(1)", "//evil.example/x", "\\\\evil.example\\x", "a b.html", "data:,x"],
)
def test_atom_feed_drops_links_that_are_neither_http_nor_relative(link: str) -> None:
    feed = digest_feed([saved_week(47, link=link)], updated=datetime(2026, 11, 23))
    assert ET.fromstring(feed).find(f"{ATOM}entry/{ATOM}link") is None


# Readable on a phone, and self-contained


def test_html_page_is_self_contained_and_fits_a_phone() -> None:
    html_page = digest_html(small_digest())
    assert html_page.startswith("<!DOCTYPE html>\n")
    page = Page(html_page)
    assert ("name", "viewport") in page_meta_pairs(page)
    assert ("content", "width=device-width, initial-scale=1") in page_meta_pairs(page)
    assert ("http-equiv", "Content-Security-Policy") in page_meta_pairs(page)
    assert ("content", "default-src 'none'; style-src 'unsafe-inline'") in page_meta_pairs(page)
    assert not {"script", "link", "img", "iframe", "object", "embed"} & set(page.tags)
    assert not [name for _, name, _ in page.attributes if name in ("src", "srcset", "style")]
    # The only addresses are the events' links: nothing is fetched to show the page.
    assert page.hrefs == [event.url for event in small_digest().sections[0].events]
    style = html_page.split("<style>", 1)[1].split("</style>", 1)[0]
    assert "url(" not in style and "@import" not in style and "http" not in style
    assert "max-width" in style and "overflow-wrap:anywhere" in style


def page_meta_pairs(page: Page) -> set[tuple[str, str | None]]:
    return {(name, value) for tag, name, value in page.attributes if tag == "meta"}

"""Markdown digests escape only what CommonMark would misread, where the text stands.

The sentence under "Say:" is meant to be pasted into a note, so ordinary text must come out of
the .md file exactly as written (no "Utilities\\.", "\\$400" or "2026\\-11\\-18"), while hostile
text in any field must render as literal text: checked by parsing the file with a real
CommonMark parser (markdown-it-py) and comparing each line's rendered text with the field.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from research.digest.data import CompanySection, Digest, DigestFailure, IsoWeek
from research.digest.render import digest_markdown
from research.models import Company, Event, EventKind
from sources.parse.text import clean_text

WEEK = IsoWeek(2026, 47)
URL = "https://acme.example/news/1"
# Block structure the renderer itself writes; anything else came from a feed's text.
OWN_BLOCKS = {"heading", "paragraph", "bullet_list", "list_item", "inline"}
# Inline markup the renderer itself writes: the event's link, in bold.
OWN_INLINE = {"link_open", "link_close", "strong_open", "strong_close"}

ORDINARY = [
    "Congratulations on the $400 million order for Acme Utilities.",
    "Congratulations to the Acme Corp team on the 2026-11-18 launch (their third this year)!",
    'AT&T wins 5G contract worth $1.2bn - up 12% on 2025; CEO: "a great day".',
    "Procter & Gamble's snake_case tool ranks #1 of 3; 3 < 4 + 1 = 5, Yahoo! says.",
    "1-800-Flowers.com opens C# and F# labs at www.acme.example/jobs?x=1 (see: details).",
    "L'Oréal, Nestlé and Яндекс: 50/50 joint venture {phase 2}, 1.5x growth",
]
HOSTILE = [
    "*bold* and **strong** and a lone * star",
    "_em_ __strong__ word_ _word",
    "[x](javascript:alert(1))",
    "![pixel](https://evil.example/p.png)",
    "<script>alert(1)</script>",
    "<https://evil.example> and <a@b.example>",
    "`code` and ``more``",
    "# not a heading",
    "###### nor this",
    "> not a quote",
    "- not an item",
    "+ nor this",
    "1. not numbered",
    "2) nor this",
    "---",
    "~~struck~~ and ~one~",
    "&amp; &#60;b&#x3e; &copy;",
    "back\\slash \\*not em\\* ends with \\",
    "closing hashes ##",
    "[ref]: https://evil.example",
    "    four spaces of code",
    "```fence",
]


def event(title: str, sentence: str, reasons: tuple[str, ...] = ("why",)) -> Event:
    return Event(
        title=title,
        url=URL,
        publisher="The Daily Ledger",
        publisher_domain="dailyledger.example",
        published=datetime(2026, 11, 18, tzinfo=timezone.utc),
        kind=EventKind.AWARD,
        score=0.9,
        reasons=reasons,
        sentence=sentence,
        source="google-news",
    )


def digest_with(text: str) -> Digest:
    """``text`` in every kind of place: a heading, a link's text, a list item's content, the
    start of a paragraph line, and the start of a list item."""
    return Digest(
        WEEK,
        (
            CompanySection(Company("a", text), (event(text, text, (text,)),)),
            CompanySection(Company("b", text), researched=True),
        ),
        failures=(DigestFailure("b", text, "", "error", "reason"),),
    )


def inline_texts(markdown: str) -> list[str]:
    """Each rendered line's plain text, after checking that only our own markup was produced."""
    texts = []
    for token in MarkdownIt("commonmark").enable(["strikethrough"]).parse(markdown):
        kind = token.type.removesuffix("_open").removesuffix("_close")
        assert kind in OWN_BLOCKS, (token.type, markdown)
        if token.type == "inline":
            texts.append(_plain(token.children or [], markdown))
    return texts


def _plain(children: list[Token], markdown: str) -> str:
    for child in children:
        assert child.type in {"text"} | OWN_INLINE, (child.type, markdown)
        if child.type == "link_open":
            assert child.attrGet("href") == URL
    return "".join(child.content for child in children if child.type == "text")


def expected_lines(text: str) -> list[str]:
    """What a reader must see, line by line: the renderer's words around the text, unchanged."""
    text = clean_text(text)
    return [
        "Weekly digest 2026-W47 (Mon 16 Nov \u2013 Sun 22 Nov 2026)",
        "1 piece of good news at 1 of 2 watched companies; 1 source failed.",
        text,
        text,
        "2026-11-18 · The Daily Ledger · award",
        f"Why: {text}",
        f"Say: {text}",
        "Nothing new this week",
        text,
        "Sources that failed",
        f"{text} · {text}: error [reason]",
    ]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_sentences_come_out_of_the_markdown_without_a_backslash(text: str) -> None:
    markdown = digest_markdown(digest_with(text))
    assert "\\" not in markdown
    assert f"  - Say: {text}\n" in markdown
    assert inline_texts(markdown) == expected_lines(text)


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_renders_as_the_literal_text_everywhere(text: str) -> None:
    markdown = digest_markdown(digest_with(text))
    assert "<script" not in markdown.lower()
    assert inline_texts(markdown) == expected_lines(text)


def test_a_heading_keeps_a_name_that_ends_in_a_hash() -> None:
    markdown = digest_markdown(digest_with("C#"))
    assert "## C#\n" in markdown
    assert inline_texts(digest_markdown(digest_with("Acme #"))) == expected_lines("Acme #")


# Markdown's metacharacters, and the letters, digits and spaces they interact with.
MARKDOWN_ALPHABET = "*_`[]()<>!#&;:-+.=~|\\/ \"'a1@x$"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=MARKDOWN_ALPHABET, min_size=1, max_size=24))
def test_any_mix_of_metacharacters_renders_as_the_literal_text(text: str) -> None:
    if not clean_text(text):
        return  # an empty title becomes "(no title)": tested in test_digest_render
    assert inline_texts(digest_markdown(digest_with(text))) == expected_lines(text)

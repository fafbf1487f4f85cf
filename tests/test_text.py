"""Text helpers: invisible characters, HTML to text, truncation, dates to UTC."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sources.parse.text import clean_text, html_to_text, parse_date, plausible_date, truncate

UTC = timezone.utc
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)

# --- clean_text -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Acme\r\nCorp\rwins", "Acme Corp wins"),
        ("  Acme \t Corp\n\n wins  ", "Acme Corp wins"),
        ("Acme\u202eCorp", "AcmeCorp"),
        ("Ac\u200bme Corp\u200d wins\ufeff", "Acme Corp wins"),
        ("Acme\u00a0Corp\u2028wins", "Acme Corp wins"),
        ("Acme\x00 Corp\x07\x08 wins", "Acme Corp wins"),
        ("Nestlé Ünited — “quoted”", "Nestlé Ünited — “quoted”"),
        ("", ""),
    ],
)
def test_clean_text(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


def test_clean_text_leaves_no_control_or_format_character() -> None:
    dirty = "\x1b[31mAcme\x1b[0m \u202eCorp\u202c \u200b\u2066wins\u2069\r\x9b"
    cleaned = clean_text(dirty)
    assert not any(c in cleaned for c in "\x1b\r\n\u202e\u202c\u200b\u2066\u2069\x9b")
    assert "Acme" in cleaned and "Corp" in cleaned and "wins" in cleaned


def test_clean_text_removes_whole_ansi_sequences() -> None:
    assert (
        clean_text("\x1b[31mAcme Corp\x1b[0m wins \x1b[1;32mgold\x1b[0m") == "Acme Corp wins gold"
    )


# --- html_to_text -----------------------------------------------------------------------------


def test_html_to_text_drops_script_style_and_tags() -> None:
    markup = (
        "<p>Acme <b>Corp</b> wins</p><script>var stolen = document.cookie;</script>"
        "<style>p { color: red }</style><noscript>enable js</noscript><p>award</p>"
    )
    assert html_to_text(markup) == "Acme Corp wins award"


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("R&amp;amp;D spending", "R&D spending"),
        ("R&amp;D spending", "R&D spending"),
        ("AT&amp;amp;T &amp;amp; Verizon", "AT&T & Verizon"),
        ("caf&eacute; &mdash; &#8220;new&#8221;", "café — “new”"),
        ("a&nbsp;&nbsp;b", "a b"),
        ("plain text, no markup", "plain text, no markup"),
        ("<p>line one</p>\n<p>line\ttwo</p>", "line one line two"),
        ("<a href='x'>Acme</a>&nbsp;&nbsp;<font color='#6f6f6f'>Daily</font>", "Acme Daily"),
        ("", ""),
    ],
)
def test_html_to_text(markup: str, expected: str) -> None:
    assert html_to_text(markup) == expected


def test_html_to_text_output_has_no_tags_or_entities() -> None:
    text = html_to_text(
        "<div><h1>Title</h1><ul><li>one</li><li>two &amp;amp; three</li></ul></div>"
    )
    assert "<" not in text and ">" not in text and "&amp;" not in text
    assert text == "Title one two & three"


# --- truncate ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "markup",
    [
        "<p>Acme Corp <b>wins</b> the <a href='https://x.example'>Edison Award</a></p>",
        "<![CDATA[<p>Acme raises $40 million</p>]]>",
        "Acme <noscript>hidden</noscript>opens <template><p>t</p></template>a plant",
        "Acme wins <span class=",  # a tag the feed cut off
        "<![ x Acme wins",  # a marked section the standard library's parser gives up on
        "&lt;b&gt;Acme&lt;/b&gt; &amp;amp; Beta",  # escaped twice
    ],
)
def test_the_standard_library_reads_fragments_as_bs4_does(markup: str) -> None:
    from sources.parse.text import _visible_text, parse_html

    soup = parse_html(markup)
    for hidden in soup(["script", "style", "template", "noscript"]):
        hidden.decompose()
    assert clean_text(_visible_text(markup)) == clean_text(soup.get_text(" "))


def test_a_feed_description_is_read_without_importing_bs4() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from sources.parse.text import html_to_text; "
        "assert html_to_text('<p>Acme <b>wins</b> &amp; grows</p>') == 'Acme wins & grows'; "
        "print('bs4' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_truncate_short_text_unchanged() -> None:
    assert truncate("Acme Corp wins", 14) == "Acme Corp wins"
    assert truncate("Acme Corp wins", 300) == "Acme Corp wins"


def test_truncate_cuts_at_word_boundary_with_ellipsis() -> None:
    result = truncate("Acme Corp wins the 2026 Edison Award for HomeCell", 25)
    assert result == "Acme Corp wins the 2026…"
    assert len(result) <= 25


def test_truncate_long_word_is_hard_cut() -> None:
    result = truncate("x" * 50, 10)
    assert result == "x" * 9 + "…"


@settings(max_examples=300, deadline=None)
@given(text=st.text(min_size=0, max_size=400), limit=st.integers(min_value=1, max_value=350))
def test_truncate_never_exceeds_limit(text: str, limit: int) -> None:
    result = truncate(text, limit)
    assert len(result) <= limit
    if len(text) <= limit:
        assert result == text
    else:
        assert result.endswith("…")
        assert text.startswith(result[:-1].rstrip(" ,;:-")) or result == "…"


# --- parse_date -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wed, 18 Nov 2026 14:05:00 GMT", datetime(2026, 11, 18, 14, 5, tzinfo=UTC)),
        ("Wed, 18 Nov 2026 14:05:00 +0000", datetime(2026, 11, 18, 14, 5, tzinfo=UTC)),
        ("Wed, 18 Nov 2026 14:05:00 -0000", datetime(2026, 11, 18, 14, 5, tzinfo=UTC)),
        ("Wed, 18 Nov 2026 09:05:00 -0500", datetime(2026, 11, 18, 14, 5, tzinfo=UTC)),
        ("Wed, 18 Nov 2026 14:05:00 +0530", datetime(2026, 11, 18, 8, 35, tzinfo=UTC)),
        ("2026-11-18T14:05:00Z", datetime(2026, 11, 18, 14, 5, tzinfo=UTC)),
        ("2026-11-18T14:05:00z", datetime(2026, 11, 18, 14, 5, tzinfo=UTC)),
        ("2026-11-18T14:05:00.250Z", datetime(2026, 11, 18, 14, 5, 0, 250000, tzinfo=UTC)),
        ("2026-11-18T08:00:00-07:00", datetime(2026, 11, 18, 15, 0, tzinfo=UTC)),
        ("2026-11-19T01:00:00+09:00", datetime(2026, 11, 18, 16, 0, tzinfo=UTC)),
        ("2026-11-17T23:30:00-05:00", datetime(2026, 11, 18, 4, 30, tzinfo=UTC)),
        ("2026-11-18T14:05:00", datetime(2026, 11, 18, 14, 5, tzinfo=UTC)),
        ("2026-11-18 14:05:00", datetime(2026, 11, 18, 14, 5, tzinfo=UTC)),
        ("  2026-11-18T14:05:00Z \n", datetime(2026, 11, 18, 14, 5, tzinfo=UTC)),
    ],
)
def test_parse_date_to_aware_utc(text: str, expected: datetime) -> None:
    parsed = parse_date(text)
    assert parsed == expected
    assert parsed is not None and parsed.utcoffset() == timedelta(0)


@pytest.mark.parametrize(
    "text",
    [
        None,
        "",
        "   ",
        "yesterday",
        "not a date at all",
        "2026-13-45",
        "Mon, 99 Nov 2026 25:61:00 GMT",
        "32 Foo 2026",
        "9999-12-31T23:00:00-05:00",
        "2026-11-18T14:05:00Z" + " " * 60,
        "x" * 65,
        "2026-11-18T14:05:00" + "0" * 100,
    ],
)
def test_parse_date_garbage_is_none(text: str | None) -> None:
    assert parse_date(text) is None


# --- plausible_date ---------------------------------------------------------------------------


def test_plausible_date_far_future_is_none() -> None:
    assert plausible_date(NOW + timedelta(days=1, seconds=1), NOW) is None
    assert plausible_date(NOW + timedelta(days=400), NOW) is None


@pytest.mark.parametrize("ahead", [timedelta(seconds=1), timedelta(hours=6), timedelta(days=1)])
def test_plausible_date_small_skew_clamped_to_now(ahead: timedelta) -> None:
    assert plausible_date(NOW + ahead, NOW) == NOW


@pytest.mark.parametrize("back", [timedelta(0), timedelta(minutes=5), timedelta(days=3650)])
def test_plausible_date_past_unchanged(back: timedelta) -> None:
    assert plausible_date(NOW - back, NOW) == NOW - back


def test_plausible_date_none_stays_none() -> None:
    assert plausible_date(None, NOW) is None

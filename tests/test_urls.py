"""URL helpers: tracking removal, canonical keys, aggregator unwrapping, scheme checks."""

from __future__ import annotations

import base64

import pytest

from sources import InvalidURL
from sources.parse.urls import (
    MAX_URL_LENGTH,
    canonical_url,
    decode_google_article_id,
    host_of,
    is_http_url,
    require_http_url,
    strip_tracking,
    unwrap_bing,
    unwrap_google_news,
)

GOOGLE_ARTICLE = "https://news.google.com/rss/articles/{}?oc=5"
# An opaque id from the Google fixture: "CBMi" + an AU_yqL token, no URL inside.
OPAQUE_ID = (
    "CBMiQVVfeXFMVNSEcX5EvZXrHOaEtEb3YhxFLUu4aQS41k2CNqVrHrad0pkjlyzhamugKxutyHrscZ-x9amhpGxwzUgi"
)


def varint(value: int) -> bytes:
    out = bytearray()
    while True:
        low = value & 0x7F
        value >>= 7
        if value:
            out.append(low | 0x80)
        else:
            out.append(low)
            return bytes(out)


def google_id(payload: bytes) -> str:
    """An old-format Google News article id wrapping ``payload``, urlsafe base64 unpadded."""
    raw = b"\x08\x13\x22" + varint(len(payload)) + payload + b"\xd2\x01\x00"
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


# --- strip_tracking ---------------------------------------------------------------------------


def test_strip_tracking_removes_tracking_and_fragment_keeps_others_in_order() -> None:
    url = (
        "https://www.example.com/news/a?id=7&utm_source=rss&page=2&utm_medium=feed"
        "&fbclid=AbC&gclid=xyz&sort=new#comments"
    )
    assert strip_tracking(url) == "https://www.example.com/news/a?id=7&page=2&sort=new"


@pytest.mark.parametrize(
    "name",
    [
        "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content", "UTM_Source",
        "fbclid", "gclid", "dclid", "msclkid", "yclid", "mc_cid", "mc_eid", "igshid", "_ga",
        "_hsenc", "mtm_campaign", "pk_kwd", "ocid", "cmpid",
    ],
)  # fmt: skip
def test_each_tracking_parameter_is_removed(name: str) -> None:
    assert (
        strip_tracking(f"https://example.com/p?a=1&{name}=v&b=2") == "https://example.com/p?a=1&b=2"
    )


def test_strip_tracking_drops_query_entirely_when_only_tracking() -> None:
    assert strip_tracking("https://example.com/p?utm_source=x&fbclid=y") == "https://example.com/p"


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/search?q=a%20b&x=%2F&flag&empty=&plus=a+b",
        "https://example.com/p?b=2&a=1&b=3",
        "https://example.com/p?name=caf%C3%A9&sig=abc%3D%3D",
        "https://example.com/p",
        "https://example.com/p?",
    ],
)
def test_strip_tracking_keeps_query_byte_identical_when_nothing_removed(url: str) -> None:
    assert strip_tracking(url) == url.rstrip("?")


def test_strip_tracking_keeps_query_identical_but_drops_fragment() -> None:
    assert strip_tracking("https://example.com/p?q=a%20b#top") == "https://example.com/p?q=a%20b"


def test_strip_tracking_does_not_touch_parameter_names_that_only_look_similar() -> None:
    url = "https://example.com/p?utmost=1&source=rss&campaign=x&reference=y"
    assert strip_tracking(url) == url


def test_strip_tracking_leaves_kept_parameters_byte_identical_when_removing() -> None:
    assert strip_tracking("https://example.com/p?q=a%20b&utm_source=x") == (
        "https://example.com/p?q=a%20b"
    )
    assert strip_tracking("https://example.com/story?amp&utm_source=x") == (
        "https://example.com/story?amp"
    )


def test_canonical_url_ignores_tracking_even_with_encoded_parameters() -> None:
    assert canonical_url("https://example.com/p?q=a%20b&utm_source=google") == canonical_url(
        "https://example.com/p?q=a%20b"
    )


# --- canonical_url ----------------------------------------------------------------------------


def test_canonical_url_equal_across_scheme_www_slash_port_case_tracking() -> None:
    variants = [
        "https://example.com/news/story",
        "http://example.com/news/story",
        "https://www.example.com/news/story",
        "https://example.com/news/story/",
        "http://www.Example.COM:80/news/story/",
        "https://EXAMPLE.com:443/news/story",
        "https://example.com/news/story?utm_source=rss#top",
    ]
    keys = {canonical_url(v) for v in variants}
    assert keys == {"https://example.com/news/story"}


def test_canonical_url_root_path() -> None:
    assert canonical_url("http://www.example.com") == canonical_url("https://example.com/")


@pytest.mark.parametrize(
    "other",
    [
        "https://example.com/news/story-2",
        "https://example.com/News/Story",
        "https://example.com/news/story?id=2",
        "https://example.com:8080/news/story",
        "https://news.example.com/news/story",
        "https://example.org/news/story",
    ],
)
def test_canonical_url_keeps_what_names_a_different_page(other: str) -> None:
    assert canonical_url(other) != canonical_url("https://example.com/news/story")


def test_canonical_url_keeps_non_default_port() -> None:
    assert canonical_url("http://example.com:8080/a/") == "https://example.com:8080/a"


# --- unwrap_bing ------------------------------------------------------------------------------


def test_unwrap_bing_reads_lowercase_percent_encoded_url() -> None:
    link = (
        "http://www.bing.com/news/apiclick.aspx?ref=FexRss&aid=&tid=ABC"
        "&url=https%3a%2f%2fwww.dailyledger.example%2fbusiness%2facme%3fid%3d7%26utm_source%3dbing"
        "&c=883&mkt=en-us"
    )
    assert unwrap_bing(link) == "https://www.dailyledger.example/business/acme?id=7&utm_source=bing"


def test_unwrap_bing_uppercase_encoding_and_bare_bing_host() -> None:
    link = "https://bing.com/news/apiclick.aspx?url=https%3A%2F%2Fexample.com%2Fa&c=1"
    assert unwrap_bing(link) == "https://example.com/a"


@pytest.mark.parametrize(
    "url",
    [
        "https://www.example.com/news/apiclick.aspx?url=https%3a%2f%2fevil.example%2f",
        "https://notbing.com/news/apiclick.aspx?url=https%3a%2f%2fevil.example%2f",
        "https://www.bing.com/news/search?q=acme&url=https%3a%2f%2fexample.com%2f",
        "https://www.bing.com/news/apiclick.aspx?url=javascript%3aalert(1)",
        "https://www.bing.com/news/apiclick.aspx?ref=FexRss",
    ],
)
def test_unwrap_bing_leaves_other_urls_unchanged(url: str) -> None:
    assert unwrap_bing(url) == url


# --- unwrap_google_news -----------------------------------------------------------------------


def test_unwrap_google_url_parameter_form() -> None:
    link = "https://news.google.com/news/url?sa=t&url=https://www.example.com/a%3Fb%3D1&ct=ga"
    assert unwrap_google_news(link) == "https://www.example.com/a?b=1"


def test_unwrap_google_old_format_article_id() -> None:
    target = "https://www.example.com/business/2026/11/18/acme-wins?utm_source=google"
    assert unwrap_google_news(GOOGLE_ARTICLE.format(google_id(target.encode()))) == target
    # Also without the /rss prefix and without ?oc=5.
    plain = f"https://news.google.com/articles/{google_id(target.encode())}"
    assert unwrap_google_news(plain) == target


def test_unwrap_google_article_id_with_two_byte_varint() -> None:
    target = "https://www.example.com/" + "long-path-segment/" * 9 + "story?id=42"
    payload = target.encode()
    assert len(payload) > 127
    assert varint(len(payload))[0] & 0x80, "the length must take two varint bytes"
    article_id = google_id(payload)
    assert decode_google_article_id(article_id) == target
    assert unwrap_google_news(GOOGLE_ARTICLE.format(article_id)) == target


def test_unwrap_google_article_id_of_exactly_127_and_128_bytes() -> None:
    for size in (127, 128):
        target = "https://e.example/" + "x" * (size - len("https://e.example/"))
        assert len(target) == size
        assert decode_google_article_id(google_id(target.encode())) == target


@pytest.mark.parametrize(
    "link",
    [
        GOOGLE_ARTICLE.format(OPAQUE_ID),
        GOOGLE_ARTICLE.format("!!!!not*base64$$$"),
        GOOGLE_ARTICLE.format("CBMi"),
        GOOGLE_ARTICLE.format(google_id(b"javascript:alert(1)")),
        GOOGLE_ARTICLE.format(google_id(b"ftp://files.example.com/a")),
        GOOGLE_ARTICLE.format(google_id(b"//www.example.com/a")),
        GOOGLE_ARTICLE.format(google_id(b"https://exa\nmple.com/a")),
        "https://news.google.com/rss/search?q=acme",
        "https://news.google.com/news/url?url=javascript:alert(1)",
    ],
)
def test_unwrap_google_leaves_undecodable_links_unchanged(link: str) -> None:
    assert unwrap_google_news(link) == link


def test_google_id_with_length_beyond_data_is_not_decoded() -> None:
    raw = b"\x08\x13\x22" + varint(200) + b"https://example.com/short"
    article_id = base64.urlsafe_b64encode(raw).decode().rstrip("=")
    assert decode_google_article_id(article_id) is None


def test_google_id_with_other_prefix_is_not_decoded() -> None:
    raw = b"\x08\x14\x22" + varint(19) + b"https://example.com"
    assert decode_google_article_id(base64.urlsafe_b64encode(raw).decode()) is None


def test_unwrap_google_ignores_other_hosts() -> None:
    link = f"https://news.example.com/rss/articles/{google_id(b'https://example.com/a')}"
    assert unwrap_google_news(link) == link


# --- is_http_url / host_of --------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com",
        "http://example.com/a?b=1",
        "HTTPS://Example.com/",
        "  https://example.com/padded  ",
        "http://127.0.0.1:8000/feed",
    ],
)
def test_is_http_url_accepts(url: str) -> None:
    assert is_http_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript://example.com/%0aalert(1)",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
        "ftp://example.com/file",
        "//example.com/path",
        "example.com/path",
        "https://",
        "http:///path-only",
        "",
        None,
        "https://example.com/" + "a" * MAX_URL_LENGTH,
        "http://[::1",
    ],
)
def test_is_http_url_rejects(url: str | None) -> None:
    assert not is_http_url(url)


def test_require_http_url_messages() -> None:
    assert require_http_url("  https://example.com/feed ") == "https://example.com/feed"
    with pytest.raises(InvalidURL, match="not an http"):
        require_http_url("file:///etc/passwd")
    with pytest.raises(InvalidURL, match="at most 4096"):
        require_http_url("https://example.com/" + "a" * MAX_URL_LENGTH)


def test_host_of() -> None:
    assert host_of("https://WWW.Example.com:8443/a") == "example.com"
    assert host_of("https://news.example.com/") == "news.example.com"
    assert host_of(None) == ""
    assert host_of("not a url") == ""

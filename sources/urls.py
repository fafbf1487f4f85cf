"""Pure URL helpers: validation, tracking-parameter removal, news-aggregator link unwrapping."""

from __future__ import annotations

import base64
import binascii
from urllib.parse import parse_qsl, unquote_plus, urlsplit, urlunsplit

from .errors import InvalidURL

MAX_URL_LENGTH = 4096

# Query parameters that only tell the publisher where a click came from.
_TRACKING_PREFIXES = ("utm_", "mtm_", "pk_", "hsa_", "__hs", "_hs")
_TRACKING_NAMES = frozenset(
    {
        "fbclid", "gclid", "dclid", "gclsrc", "msclkid", "yclid", "mc_cid", "mc_eid", "igshid",
        "ocid", "cmpid", "cmp", "ncid", "ref_src", "ref_url", "_ga", "_gl", "oly_anon_id",
        "oly_enc_id", "vero_id", "wickedid", "rss", "s_cid", "spm", "trk", "cvid", "ei",
    }
)  # fmt: skip


def is_http_url(url: str | None) -> bool:
    """True for an absolute http(s) URL with a host, the only links we follow or show."""
    if not url or len(url) > MAX_URL_LENGTH:
        return False
    if not url.strip().isprintable():
        return False  # control or invisible characters: a link that shows one thing, goes to another
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def require_http_url(url: str) -> str:
    """The URL, stripped, or InvalidURL naming it and what is accepted."""
    if len(url) > MAX_URL_LENGTH:
        raise InvalidURL(
            f"URL is {len(url)} characters long; at most {MAX_URL_LENGTH} are accepted",
            url=url[:80],
        )
    if not is_http_url(url):
        raise InvalidURL(f"not an http(s) URL: {url[:200]!r}", url=url[:200])
    parts = urlsplit(url.strip())
    try:
        parts.port  # noqa: B018 - raises ValueError for a port out of range or not a number
    except ValueError:
        raise InvalidURL(
            f"the port in {url[:200]!r} is not a number from 0 to 65535", url=url[:200]
        ) from None
    if parts.username is not None or parts.password is not None:
        raise InvalidURL(
            f"{parts.hostname}: URLs with a user name or password are not accepted; "
            "they would be stored and shown",
            url=url[:200],
        )
    return url.strip()


def host_of(url: str | None) -> str:
    """The host of a URL, lower case, without a leading "www."; "" when there is none."""
    if not url:
        return ""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


def strip_tracking(url: str) -> str:
    """The URL without click-tracking parameters and without a fragment."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    # Work on the raw "name=value" pieces so the parameters we keep stay byte for byte as sent.
    kept = [
        piece
        for piece in parts.query.split("&")
        if piece and not _is_tracking(unquote_plus(piece.split("=", 1)[0]))
    ]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "&".join(kept), ""))


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in _TRACKING_NAMES or lowered.startswith(_TRACKING_PREFIXES)


def canonical_url(url: str) -> str:
    """A comparison key: scheme and host folded, default port, "www." and trailing slash dropped."""
    cleaned = strip_tracking(url)
    try:
        parts = urlsplit(cleaned)
        port = parts.port
    except ValueError:
        return cleaned
    host = (parts.hostname or "").removeprefix("www.")
    if port and port not in (80, 443):
        host = f"{host}:{port}"
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(("https", host, path, parts.query, ""))


def unwrap_bing(url: str) -> str:
    """The publisher URL behind a Bing News ``apiclick.aspx`` redirect; other URLs unchanged."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if not (host == "bing.com" or host.endswith(".bing.com")):
        return url
    if not parts.path.lower().endswith("/apiclick.aspx"):
        return url
    target = dict(parse_qsl(parts.query)).get("url", "")
    return target if is_http_url(target) else url


def unwrap_google_news(url: str) -> str:
    """The publisher URL behind a Google News link where it can be read offline.

    Older links carry it in a ``url=`` parameter, or in an article id that is base64 of a small
    protobuf message (0x08 0x13 0x22, a varint length, the URL). Newer ids are opaque: the link is
    then kept as it is, since only Google's servers can resolve it.
    """
    parts = urlsplit(url)
    if (parts.hostname or "").lower() != "news.google.com":
        return url
    target = dict(parse_qsl(parts.query)).get("url", "")
    if is_http_url(target):
        return target
    segments = [s for s in parts.path.split("/") if s]
    if len(segments) >= 2 and segments[-2] == "articles":
        decoded = decode_google_article_id(segments[-1])
        if decoded:
            return decoded
    return url


_GOOGLE_ID_PREFIX = b"\x08\x13\x22"


def decode_google_article_id(article_id: str) -> str | None:
    """The URL inside an old-format Google News article id, or None when it holds none."""
    if len(article_id) > MAX_URL_LENGTH:
        return None
    try:
        raw = base64.urlsafe_b64decode(article_id + "=" * (-len(article_id) % 4))
    except (binascii.Error, ValueError):
        return None
    if not raw.startswith(_GOOGLE_ID_PREFIX):
        return None
    length, offset = _read_varint(raw, len(_GOOGLE_ID_PREFIX))
    if length is None or offset + length > len(raw):
        return None
    try:
        candidate = raw[offset : offset + length].decode("ascii")
    except UnicodeDecodeError:
        return None
    return candidate if is_http_url(candidate) and candidate.isprintable() else None


def _read_varint(data: bytes, offset: int) -> tuple[int | None, int]:
    value = 0
    for shift in range(0, 35, 7):
        if offset >= len(data):
            return None, offset
        byte = data[offset]
        offset += 1
        value |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return value, offset
    return None, offset

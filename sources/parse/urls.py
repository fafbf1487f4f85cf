"""Pure URL helpers: validation, tracking-parameter removal, news-aggregator link unwrapping."""

from __future__ import annotations

import base64
import binascii
import ipaddress
import re
from urllib.parse import parse_qsl, unquote_plus, urlsplit, urlunsplit

from ..errors import InvalidURL

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
    """True for an absolute http(s) URL whose host and port could be dialled, the only links we
    follow or show (a user name and password in it are not checked here)."""
    return url_problem(url, credentials=False) is None


def url_problem(url: object, *, credentials: bool = True) -> str | None:
    """Why ``url`` cannot be fetched, or None when it can: the one check every URL passes,
    whether typed, saved, met in a redirect or found in a page. It checks the scheme (http or
    https), the length, the host (an IP literal, or a DNS name of labels of 1 to 63 characters,
    253 in all, that IDNA can encode, with well-formed ``xn--`` labels), the port (1 to 65535)
    and, unless ``credentials`` is False, that there is no user name or password."""
    if not isinstance(url, str) or not url:
        return "not an http(s) URL: " + repr(url)[:200]
    if len(url) > MAX_URL_LENGTH:
        return f"URL is {len(url)} characters long; at most {MAX_URL_LENGTH} are accepted"
    if not url.strip().isprintable():
        # control or invisible characters: a link that shows one thing, goes to another
        return f"not an http(s) URL: {url[:200]!r}"
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
    except ValueError:
        return f"not an http(s) URL: {url[:200]!r}"
    if parts.scheme.lower() not in ("http", "https") or not host:
        return f"not an http(s) URL: {url[:200]!r}"
    try:
        port = parts.port
    except ValueError:
        port = -1
    if port is not None and not 0 < port <= 65535:
        return f"the port in {url[:200]!r} is not a number from 1 to 65535"
    host_and_port = parts.netloc.rpartition("@")[2]
    bracketed = "[" in host_and_port or "]" in host_and_port
    if bracketed and not _BRACKETED.fullmatch(host_and_port):
        return f"not an http(s) URL: {url[:200]!r}"
    trouble = host_problem(host, bracketed=bracketed)
    if trouble:
        return f"the host in {url[:200]!r} is not usable: {trouble}"
    if credentials and (parts.username is not None or parts.password is not None):
        return (
            f"{host}: URLs with a user name or password are not accepted; "
            "they would be stored and shown"
        )
    return None


_LABEL = re.compile(r"[a-z0-9_-]{1,63}")
_IPV4_STYLE = re.compile(r"[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+")
_BRACKETED = re.compile(r"\[[0-9A-Fa-f:.]+\](?::[0-9]*)?")


def host_problem(host: str, *, bracketed: bool = False) -> str | None:
    """Why a URL's host (as ``urlsplit`` gives it: lower case, without brackets) cannot be
    dialled, or None. IP literals are left to the private-address guard to judge."""
    if bracketed:
        try:
            ipaddress.IPv6Address(host)
        except ValueError:
            return f"{host[:100]!r} is not an IPv6 address"
        return None
    if not host.isascii():
        import idna  # an httpx dependency; loaded only for the hosts that need it

        try:
            host = idna.encode(host.lower()).decode("ascii")
        except (UnicodeError, ValueError) as exc:  # idna.IDNAError is a UnicodeError
            return f"{host[:100]!r} cannot be written in IDNA ({exc})"
    if _IPV4_STYLE.fullmatch(host):  # four numbers: an IPv4 address or nothing (as httpx has it)
        try:
            ipaddress.IPv4Address(host)
        except ValueError:
            return f"{host[:100]!r} is not a valid IPv4 address"
        return None
    name = host[:-1] if host.endswith(".") else host
    if not name or len(name) > 253:
        return f"a host name is 1 to 253 characters long, not {len(name)}"
    for label in name.split("."):
        if not _LABEL.fullmatch(label):
            if not label or len(label) > 63:
                return (
                    f"{host[:100]!r} has a label of {len(label)} characters; "
                    "each part between dots must be 1 to 63 long"
                )
            return f"{host[:100]!r} has characters a host name cannot contain"
        if label.startswith("xn--"):
            import idna

            try:
                idna.decode(label)
            except (UnicodeError, ValueError) as exc:
                return f"{label[:100]!r} is not a valid IDNA label ({exc})"
    return None


def require_http_url(url: str) -> str:
    """The URL, stripped, or InvalidURL naming it and what is wrong with it."""
    problem = url_problem(url)
    if problem is not None:
        shown = url[:200] if isinstance(url, str) else repr(url)[:200]
        raise InvalidURL(problem, url=shown)
    return url.strip()


# A link as nearly all are written: http(s), a host name of ASCII letters, digits, dots and
# hyphens, perhaps a port, no user name, and no tab or line break (which urlsplit drops). It
# splits as urlsplit would split it, several times faster: merging reads every link it meets.
_PLAIN_URL = re.compile(
    r"[Hh][Tt][Tt][Pp][Ss]?://(?P<host>[-.0-9A-Za-z]+)(?::(?P<port>[0-9]{1,5}))?"
    r"(?P<path>/[^?#\t\n\r]*)?(?:\?(?P<query>[^#\t\n\r]*))?(?:#[^\t\n\r]*)?"
)


def host_of(url: str | None) -> str:
    """The host of a URL, lower case, without a leading "www."; "" when there is none."""
    if not url:
        return ""
    plain = _PLAIN_URL.fullmatch(url)
    if plain:
        return plain["host"].lower().removeprefix("www.")
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
    return urlunsplit((parts.scheme, parts.netloc, parts.path, _without_tracking(parts.query), ""))


def _without_tracking(query: str) -> str:
    """The query without click-tracking parameters. It is cut at its raw "name=value" pieces, so
    the parameters kept stay byte for byte as sent."""
    if not query:
        return query
    kept = [
        piece
        for piece in query.split("&")
        if piece and not _is_tracking(unquote_plus(piece.split("=", 1)[0]))
    ]
    return "&".join(kept)


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in _TRACKING_NAMES or lowered.startswith(_TRACKING_PREFIXES)


def canonical_url(url: str) -> str:
    """A comparison key: scheme and host folded, default port, "www." and trailing slash dropped,
    tracking parameters and fragment removed. A malformed URL (no parse, or a port that is not a
    number from 0 to 65535) is its own key, without tracking parameters."""
    parts = _plain_parts(url) or _parsed_parts(url)
    if parts is None:
        return strip_tracking(url)
    host, port, path, query = parts
    host = host.removeprefix("www.")
    if port and port not in (80, 443):
        host = f"{host}:{port}"
    path = path.rstrip("/") or "/"
    query = _without_tracking(query)
    if host:  # as urlunsplit writes it (a path after a host begins with "/"), ten times faster
        return f"https://{host}{path}?{query}" if query else f"https://{host}{path}"
    return urlunsplit(("https", host, path, query, ""))


def _plain_parts(url: str) -> tuple[str, int | None, str, str] | None:
    """Host (lower case), port, path and query of a plain link, or None for any other."""
    plain = _PLAIN_URL.fullmatch(url)
    if plain is None:
        return None
    host, digits, path, query = plain.groups()
    port = int(digits) if digits else None
    if port is not None and port > 65535:
        return None
    return host.lower(), port, path or "", query or ""


def _parsed_parts(url: str) -> tuple[str, int | None, str, str] | None:
    """Host (lower case), port, path and query as urlsplit reads them, or None when it cannot."""
    try:
        parts = urlsplit(url)
        if not parts.netloc and parts.path.startswith("//"):
            # "http:////example.com/a", written out again, is "http://example.com/a", which names
            # a host, as a browser reads it: the key reads it so.
            parts = urlsplit(urlunsplit(parts))
        return parts.hostname or "", parts.port, parts.path, parts.query
    except ValueError:
        return None


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

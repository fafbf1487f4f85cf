"""The only network code: one httpx client with the limits httpx lacks.

httpx has no total deadline, no body cap, no cap on decompressed size and would follow redirects
without re-checking them, so this module streams raw bytes, decodes at most one gzip or deflate
layer under a cap, follows redirects itself, and wraps each request in a deadline. Every connection
goes through the private-address guard (netguard). Errors come out as the most specific
SourceError, so callers report them as values.
"""

from __future__ import annotations

import asyncio
import functools
import random
import re
import ssl
import zlib
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from http.cookiejar import Cookie, CookieJar, CookiePolicy
from importlib import metadata
from types import TracebackType

import httpx

from ..errors import (
    Blocked,
    ConnectFailed,
    FetchError,
    Gone,
    HTTPStatusError,
    IncompleteBody,
    InvalidURL,
    NameNotResolved,
    NotFound,
    PrivateAddress,
    ProtocolError,
    RateLimited,
    ServerError,
    SourceError,
    TimedOut,
    TLSFailed,
    TooLarge,
    TooManyRedirects,
    UnsupportedEncoding,
)
from ..parse.text import parse_date
from ..parse.urls import host_of, require_http_url, url_problem
from .addresses import AllowList
from .replay import Recorder, ReplayTransport
from .slots import HostSlots, Spacing

HOME_PAGE = "https://github.com/research-notes/research"
MAX_RETRY_AFTER = 24 * 3600.0
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
# 500 too: a GET is safe to repeat, and a lone 500 is often a passing fault.
_RETRY_STATUSES = frozenset({500, 502, 503, 504})
# Services that document how often they may be asked: (host, and the hosts under it; seconds
# between two requests). GDELT's DOC API asks for one request per five seconds; the SEC allows
# at most ten requests a second to all of its EDGAR hosts together.
SERVICE_SPACING: tuple[tuple[str, float], ...] = (("api.gdeltproject.org", 5.0), ("sec.gov", 0.1))


@functools.cache
def _tls_context(ca_file: str | None = None) -> ssl.SSLContext:
    """The certificate store, loaded once per process (it takes tens of milliseconds) and
    shared by every client; certificates are always verified. ``ca_file`` adds authorities to
    trust besides the usual ones; it never turns a check off."""
    import certifi

    context = ssl.create_default_context(cafile=certifi.where())
    if ca_file is not None:
        context.load_verify_locations(cafile=ca_file)
    return context


def _trusted(ca_file: str | None) -> ssl.SSLContext:
    try:
        return _tls_context(ca_file)
    except OSError as exc:  # ssl.SSLError too: a file that is not PEM
        raise TLSFailed(
            f"cannot load the certificate authorities in {ca_file}: {exc}; check HttpLimits.ca_file"
        ) from exc


def _guarded_transport(limits: HttpLimits, pool: httpx.Limits) -> httpx.AsyncBaseTransport:
    """The private-address guard, for requests that really go out. Imported here: it loads
    httpcore, which a replay (it brings its own transport) never needs."""
    from .netguard import GuardedTransport

    return GuardedTransport(limits.allow_private, verify=_trusted(limits.ca_file), limits=pool)


def _user_agent() -> str:
    try:
        version = metadata.version("research")
    except metadata.PackageNotFoundError:
        version = "dev"
    return f"research/{version} (+{HOME_PAGE})"


class _NoCookies(CookiePolicy):
    """Keeps no cookie and sends none: requests of different sources stay unlinkable."""

    netscape = True
    rfc2965 = False
    hide_cookie2 = True

    def set_ok(self, cookie: Cookie, request: object) -> bool:
        return False

    def return_ok(self, cookie: Cookie, request: object) -> bool:
        return False

    def domain_return_ok(self, domain: str, request: object) -> bool:
        return False

    def path_return_ok(self, path: str, request: object) -> bool:
        return False


class _Client(httpx.AsyncClient):
    """httpx's client, minus its preparation of the next request of a redirect: redirects are
    followed (and their targets checked) by HttpClient, and httpx would raise its own errors
    (IDNA, malformed URL) for a Location it cannot parse before HttpClient could refuse it."""

    def _build_redirect_request(
        self, request: httpx.Request, response: httpx.Response
    ) -> httpx.Request:
        try:
            return super()._build_redirect_request(request, response)
        except (httpx.InvalidURL, UnicodeError, ValueError, OverflowError):
            return request  # a placeholder, never sent: HttpClient refuses the target itself


@dataclass(frozen=True)
class HttpLimits:
    """Timeouts in seconds, sizes in bytes. The defaults are the documented ones."""

    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    write_timeout: float = 10.0
    pool_timeout: float = 5.0
    request_deadline: float = 30.0
    source_deadline: float = 60.0
    max_body_bytes: int = 5 * 1024 * 1024
    max_page_bytes: int = 3 * 1024 * 1024  # web pages (newsrooms, releases, home pages)
    max_redirects: int = 5
    max_in_flight: int = 10
    max_per_host: int = 2
    retries: int = 2
    backoff: tuple[float, ...] = (1.0, 4.0)
    # A Retry-After up to this long is waited out in the run; a longer one is reported.
    max_retry_wait: float = 10.0
    user_agent: str = field(default_factory=_user_agent)
    # Loopback, private, link-local and other non-public addresses are refused unless listed.
    allow_private: AllowList = field(default_factory=AllowList)
    # A PEM file of certificate authorities to trust as well as the usual ones (a company's own
    # CA for intranet feeds). Certificates and host names are still always checked.
    ca_file: str | None = None
    # The least time between two requests to a host (or the hosts under it); see SERVICE_SPACING.
    spacing: tuple[tuple[str, float], ...] = SERVICE_SPACING


@dataclass(frozen=True)
class Response:
    """A complete, decoded response: the final URL after redirects, status, headers and body."""

    url: str
    status: int
    headers: Mapping[str, str]
    body: bytes


class HttpClient:
    """One shared async client: at most ``max_in_flight`` requests, ``max_per_host`` per host.

    Use as ``async with HttpClient() as http: await http.get(url)``. A transport can be given for
    replaying recordings; everything above the socket (limits, decoding, redirects) still runs.
    Without one, every connection goes through the private-address guard (``netguard``); a given
    transport does its own dialling, so the guard is its business. A replay asks no service, so
    it keeps no service's spacing either.
    """

    def __init__(
        self,
        limits: HttpLimits | None = None,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        recorder: Recorder | None = None,
    ) -> None:
        self.limits = limits or HttpLimits()
        self._transport = transport
        self._recorder = recorder
        self._client: httpx.AsyncClient | None = None
        self._slots: HostSlots | None = None
        self._spacing = Spacing(
            () if isinstance(transport, ReplayTransport) else self.limits.spacing
        )
        self.requests_sent = 0  # every request put on the wire, redirects and retries included

    async def __aenter__(self) -> HttpClient:
        limits = self.limits
        pool = httpx.Limits(
            max_connections=limits.max_in_flight, max_keepalive_connections=limits.max_in_flight
        )
        transport = self._transport or _guarded_transport(limits, pool)
        self._client = _Client(
            timeout=httpx.Timeout(
                connect=limits.connect_timeout,
                read=limits.read_timeout,
                write=limits.write_timeout,
                pool=limits.pool_timeout,
            ),
            follow_redirects=False,
            headers={
                "User-Agent": limits.user_agent,
                "Accept": "application/rss+xml, application/atom+xml, application/feed+json, "
                "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5",
                "Accept-Encoding": "gzip, deflate",
            },
            transport=transport,
            # One client serves every source of a run: a cookie set in one source's answer
            # (a search service's, for one company) must never go out with another's request.
            cookies=CookieJar(policy=_NoCookies()),
        )
        self._slots = HostSlots(limits.max_in_flight, limits.max_per_host)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    async def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        retry: bool = True,
        may_follow: Callable[[str], Awaitable[bool]] | None = None,
        max_bytes: int | None = None,
        user_agent: str | None = None,
    ) -> Response:
        """GET with retries (unless ``retry`` is False) and redirects; a 304 comes back as a
        Response with status 304. ``may_follow`` is asked before each redirect is followed
        (robots.txt rules of the target's host, say); a refusal is a Blocked error.
        ``max_bytes`` lowers the body cap for this request (web pages get a smaller one).
        ``user_agent`` replaces the client's for this URL's host only (it may hold the user's
        contact address, which a redirect elsewhere must not carry)."""
        url = require_http_url(url)
        cap = (
            min(max_bytes, self.limits.max_body_bytes) if max_bytes else self.limits.max_body_bytes
        )
        headers = {"User-Agent": user_agent} if user_agent else {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        budget = _Budget(self.limits.source_deadline)
        try:
            return await self._get_with_retries(url, headers, retry, may_follow, cap, budget)
        except SourceError:
            raise
        except (UnicodeError, ValueError, OverflowError) as exc:
            # A URL the checks let through but httpx, IDNA or the socket layer could not use:
            # this request fails, never the caller's whole run.
            raise InvalidURL(
                f"not a usable URL: {url[:200]!r} ({type(exc).__name__}: {exc})", url=url
            ) from exc

    async def _get_with_retries(
        self,
        url: str,
        headers: dict[str, str],
        retry: bool,
        may_follow: Callable[[str], Awaitable[bool]] | None,
        cap: int,
        budget: _Budget,
    ) -> Response:
        loop = asyncio.get_running_loop()
        attempt = 0
        while True:
            try:
                return await self._follow_redirects(url, headers, may_follow, cap, budget)
            except FetchError as error:
                delay = self._retry_delay(error, attempt) if retry else None
                if delay is None or budget.left(loop.time()) <= delay:
                    raise
                attempt += 1
                await asyncio.sleep(delay)

    def _retry_delay(self, error: FetchError, attempt: int) -> float | None:
        """Seconds to wait before retrying, or None when the error is final."""
        limits = self.limits
        if attempt >= limits.retries:
            return None
        if isinstance(error, HTTPStatusError):
            if error.retry_after is not None:
                return error.retry_after if error.retry_after <= limits.max_retry_wait else None
            if not (isinstance(error, ServerError) and error.status in _RETRY_STATUSES):
                return None
        elif not isinstance(error, ConnectFailed | TimedOut) or isinstance(
            error, TLSFailed | NameNotResolved
        ):
            return None
        base = limits.backoff[min(attempt, len(limits.backoff) - 1)] if limits.backoff else 0.0
        return base * random.uniform(0.75, 1.25)

    async def _follow_redirects(
        self,
        url: str,
        headers: dict[str, str],
        may_follow: Callable[[str], Awaitable[bool]] | None,
        cap: int,
        budget: _Budget,
    ) -> Response:
        chain = [url]
        current = url
        while True:
            if current != url and host_of(current) != host_of(url):
                headers = {k: v for k, v in headers.items() if k != "User-Agent"}
            response = await self._request_once(current, headers, cap, budget)
            if response.status not in _REDIRECTS:
                return response
            location = response.headers.get("location")
            if not location:
                raise ProtocolError(
                    f"{host_of(current)} answered with a redirect that names no target", url=url
                )
            target = _redirect_target(current, location, url)
            if target in chain:
                raise TooManyRedirects("redirect loop: " + " -> ".join([*chain, target]), url=url)
            if may_follow is not None and not await may_follow(target):
                raise Blocked(
                    f"{host_of(current)} redirected to {target[:200]}, which may not be fetched "
                    "(robots.txt)",
                    url=url,
                    status=response.status,
                )
            chain.append(target)
            if len(chain) - 1 > self.limits.max_redirects:
                raise TooManyRedirects(
                    f"more than {self.limits.max_redirects} redirects: " + " -> ".join(chain),
                    url=url,
                )
            current = target

    async def _request_once(
        self, url: str, headers: dict[str, str], cap: int, budget: _Budget
    ) -> Response:
        assert self._client is not None and self._slots is not None, "use `async with`"
        parsed = _httpx_url(url)
        host_key = parsed.netloc.decode("ascii", "replace")
        loop = asyncio.get_running_loop()
        async with self._slots.slot(host_key):
            await self._spacing.turn(parsed.host)  # before the budget: waiting is politeness
            budget.start(loop.time())
            left = budget.left(loop.time())
            deadline = min(self.limits.request_deadline, left)
            if deadline <= 0:
                raise budget.exhausted(url)
            self.requests_sent += 1
            try:
                return await asyncio.wait_for(self._stream(url, headers, cap), timeout=deadline)
            except asyncio.TimeoutError:
                if deadline < self.limits.request_deadline:
                    raise budget.exhausted(url) from None
                raise TimedOut(
                    f"{host_of(url)} did not send the whole response within {deadline:g} s",
                    url=url,
                ) from None
            except PrivateAddress as exc:  # raised below httpx, which does not know the URL
                raise PrivateAddress(
                    exc.message, url=url, host=exc.host, address=exc.address
                ) from None
            except SourceError:
                raise
            except httpx.ConnectTimeout as exc:
                raise TimedOut(f"could not connect to {host_of(url)} in time", url=url) from exc
            except httpx.TimeoutException as exc:
                raise TimedOut(f"{host_of(url)} stopped answering (read timeout)", url=url) from exc
            except httpx.ConnectError as exc:
                raise _connect_failed(url, exc) from exc
            except httpx.RemoteProtocolError as exc:
                raise _protocol_error(url, exc) from exc
            except httpx.NetworkError as exc:
                raise ConnectFailed(f"the connection to {host_of(url)} was reset", url=url) from exc
            except (httpx.InvalidURL, UnicodeError, ValueError, OverflowError) as exc:
                # IDNA, a label too long for the resolver, a port the socket refuses
                raise InvalidURL(f"not a usable URL: {url[:200]!r} ({exc})", url=url) from exc
            except (httpx.HTTPError, OSError) as exc:
                raise FetchError(
                    f"network error talking to {host_of(url)}: {exc}", url=url
                ) from exc

    async def _stream(self, url: str, headers: dict[str, str], cap: int) -> Response:
        assert self._client is not None
        async with self._client.stream("GET", url, headers=headers) as response:
            status = response.status_code
            response_headers = {k.lower(): v for k, v in response.headers.items()}
            body = b""
            if 200 <= status < 300:
                body = await self._read_body(url, response, response_headers, cap)
            if self._recorder is not None:
                self._recorder.save(url, status, response_headers, body)
            if status in _REDIRECTS or status == 304 or 200 <= status < 300:
                return Response(url, status, response_headers, body)
            raise _status_error(url, status, response_headers)

    async def _read_body(
        self, url: str, response: httpx.Response, headers: Mapping[str, str], cap: int
    ) -> bytes:
        declared = headers.get("content-length", "").strip()
        if declared.isdigit() and int(declared) > cap:
            raise TooLarge(
                f"{host_of(url)} announced {int(declared):,} bytes; the limit is {cap:,}", url=url
            )
        decoder = _Decoder(headers.get("content-encoding", ""), url)
        chunks: list[bytes] = []
        size = 0
        async for raw in response.aiter_raw():
            for piece in decoder.feed(raw, cap - size + 1):
                size += len(piece)
                if size > cap:
                    raise TooLarge(
                        f"the response from {host_of(url)} is larger than {cap:,} bytes", url=url
                    )
                chunks.append(piece)
        decoder.finish()
        return b"".join(chunks)


@dataclass
class _Budget:
    """One source's time, retries and redirects included. It starts when its first request
    gets a slot: time spent queuing behind other requests to a shared host (a news search
    asked for fifty watched companies) is politeness, not the source being slow."""

    seconds: float
    ends: float | None = None

    def start(self, now: float) -> None:
        if self.ends is None:
            self.ends = now + self.seconds

    def left(self, now: float) -> float:
        return self.seconds if self.ends is None else self.ends - now

    def exhausted(self, url: str) -> TimedOut:
        return TimedOut(
            f"{host_of(url)} gave no complete answer within {self.seconds:g} s (retries included)",
            url=url,
        )


def _redirect_target(current: str, location: str, url: str) -> str:
    """The absolute URL a redirect from ``current`` points to, or a ProtocolError naming that
    target and why it is refused (``url`` is the one first asked, whose source fails)."""
    location = location.strip()
    host = host_of(current)
    scheme = re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", location)
    if scheme and scheme.group().lower() not in ("http:", "https:"):
        raise ProtocolError(
            f"{host} redirected to {location[:200]!r}, which is not an http(s) URL; "
            "the redirect was refused",
            url=url,
        )
    try:
        target = str(httpx.URL(current).join(location))
    except (httpx.InvalidURL, UnicodeError, ValueError, OverflowError) as exc:
        raise ProtocolError(
            f"{host} redirected to {location[:200]!r}, which is not a usable URL ({exc}); "
            "the redirect was refused",
            url=url,
        ) from None
    problem = url_problem(target, credentials=False)
    if problem is not None:
        raise ProtocolError(
            f"{host} redirected to {target[:200]!r}, which was refused: {problem}", url=url
        )
    return target


def _httpx_url(url: str) -> httpx.URL:
    """httpx's view of the URL; it refuses some that urllib accepts, such as http://0177.0.0.1/."""
    try:
        return httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise InvalidURL(f"not a usable URL: {url[:200]!r} ({exc})", url=url[:200]) from None


class _Decoder:
    """Undoes at most one gzip or deflate layer, never producing more than it is asked for."""

    def __init__(self, content_encoding: str, url: str) -> None:
        codings = [c.strip().lower() for c in content_encoding.split(",") if c.strip()]
        codings = [c for c in codings if c != "identity"]
        self._url = url
        self._inflater: zlib._Decompress | None = None
        self._head = b""
        self._coding = codings[0] if codings else ""
        if len(codings) > 1:
            raise UnsupportedEncoding(
                f"the server stacked several compressions ({content_encoding}); refused", url=url
            )
        if self._coding not in ("", "gzip", "x-gzip", "deflate"):
            raise UnsupportedEncoding(
                f"the server used the unsupported compression {self._coding!r}", url=url
            )

    def feed(self, data: bytes, room: int) -> list[bytes]:
        if not self._coding:
            return [data]
        if self._inflater is None:
            # Deflate comes zlib-wrapped or raw; the two-byte header tells, so wait for two bytes.
            data = self._head + data
            if len(data) < 2:
                self._head = data
                return []
            self._head = b""
            if self._coding == "deflate" and not _looks_like_zlib(data):
                self._inflater = zlib.decompressobj(-zlib.MAX_WBITS)
            else:
                self._inflater = zlib.decompressobj(
                    zlib.MAX_WBITS | (16 if "gzip" in self._coding else 0)
                )
        pieces = []
        pending = data
        try:
            while pending and room > 0:
                piece = self._inflater.decompress(pending, room)
                pieces.append(piece)
                room -= len(piece)
                pending = self._inflater.unconsumed_tail
                if not piece and not pending:
                    break
        except zlib.error as exc:
            raise IncompleteBody(
                f"the compressed response is corrupt: {exc}", url=self._url
            ) from exc
        return pieces

    def finish(self) -> None:
        if self._head or (self._inflater is not None and not self._inflater.eof):
            raise IncompleteBody(
                "the compressed response ended before it was complete", url=self._url
            )


def _looks_like_zlib(data: bytes) -> bool:
    return len(data) >= 2 and data[0] & 0x0F == 8 and (data[0] << 8 | data[1]) % 31 == 0


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or HTTP date), capped at 24 h.

    Garbage gives None (ignored); a negative or past value gives 0.
    """
    if not value:
        return None
    value = value.strip()
    if re.fullmatch(r"-?[0-9]{1,400}", value):
        return min(max(float(value), 0.0), MAX_RETRY_AFTER)
    when = parse_date(value)
    if when is None:
        return None
    seconds = (when - (now or datetime.now(timezone.utc))).total_seconds()
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)


def _status_error(url: str, status: int, headers: Mapping[str, str]) -> HTTPStatusError:
    host = host_of(url)
    retry_after = parse_retry_after(headers.get("retry-after"))
    if headers.get("cf-mitigated", "").strip().lower() == "challenge":
        # Cloudflare's bot check, whatever the status (403, sometimes 503): no retry passes it.
        return Blocked(
            f"blocked by {host} (HTTP {status}): a bot challenge that only a browser can pass",
            url=url,
            status=status,
        )
    if status in (401, 403):
        return Blocked(
            f"blocked by {host} (HTTP {status}): it refuses automated requests or wants a login",
            url=url,
            status=status,
        )
    if status == 429:
        wait = f"; it asks to wait {_duration(retry_after)}" if retry_after else ""
        return RateLimited(
            f"rate-limited by {host} (HTTP 429){wait}",
            url=url,
            status=status,
            retry_after=retry_after,
        )
    if status == 404:
        return NotFound(f"not found (HTTP 404) at {url}", url=url, status=status)
    if status == 410:
        return Gone(f"gone for good (HTTP 410): {url}; remove this feed", url=url, status=status)
    if status >= 500:
        if status == 503 and retry_after is not None and retry_after > 0:
            return RateLimited(
                f"{host} is unavailable (HTTP 503) and asks to wait {_duration(retry_after)}",
                url=url,
                status=status,
                retry_after=retry_after,
            )
        return ServerError(f"{host} had a server error (HTTP {status})", url=url, status=status)
    return HTTPStatusError(f"{host} answered HTTP {status}", url=url, status=status)


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "a while"
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"


def _connect_failed(url: str, exc: httpx.ConnectError) -> ConnectFailed:
    host = host_of(url)
    text = str(exc)
    lowered = text.lower()
    if "certificate" in lowered or "ssl" in lowered or "tls" in lowered:
        return TLSFailed(f"secure connection to {host} failed: {text}", url=url)
    if (
        "name or service not known" in lowered
        or "nodename nor servname" in lowered
        or ("temporary failure in name resolution" in lowered or "getaddrinfo" in lowered)
    ):
        try:
            hostname = httpx.URL(url).host
        except (httpx.InvalidURL, UnicodeError, ValueError):
            hostname = host
        return NameNotResolved(f"could not look up {hostname} (no internet connection?)", url=url)
    return ConnectFailed(f"could not connect to {host}: {text or 'connection refused'}", url=url)


def _protocol_error(url: str, exc: httpx.RemoteProtocolError) -> FetchError:
    text = str(exc)
    if "without sending a response" in text.lower():
        return ConnectFailed(f"{host_of(url)} closed the connection before answering", url=url)
    if "incomplete" in text.lower() or "peer closed" in text.lower():
        return IncompleteBody(f"{host_of(url)} cut the connection mid-response", url=url)
    return ProtocolError(f"{host_of(url)} sent a broken HTTP response: {text}", url=url)

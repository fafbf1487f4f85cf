"""One httpx client with the limits httpx lacks (its settings: ``limits.HttpLimits``).

httpx has no total deadline, no body cap, no cap on decompressed size and would follow redirects
without re-checking them, so this module streams raw bytes, decodes at most one gzip or deflate
layer under a cap (inflate), follows redirects itself (each target checked by redirects), and
wraps each request in a deadline. Every connection goes through the private-address guard
(netguard). Errors come out as the most specific SourceError (failures), so callers report them
as values.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from http.cookiejar import Cookie, CookieJar, CookiePolicy
from types import TracebackType

import httpx

from ..errors import (
    Blocked,
    ConnectFailed,
    FetchError,
    HTTPStatusError,
    InvalidURL,
    NameNotResolved,
    PrivateAddress,
    ProtocolError,
    ServerError,
    SourceError,
    TimedOut,
    TLSFailed,
    TooLarge,
    TooManyRedirects,
)
from ..parse.urls import host_of, require_http_url
from .failures import connect_failed, protocol_error, status_error
from .inflate import Decoder
from .limits import HttpLimits
from .redirects import REDIRECTS, redirect_target
from .replay import Recorder, ReplayTransport
from .slots import HostSlots, Spacing
from .tls import trusted

# 500 too: a GET is safe to repeat, and a lone 500 is often a passing fault.
_RETRY_STATUSES = frozenset({500, 502, 503, 504})


def _guarded_transport(limits: HttpLimits, pool: httpx.Limits) -> httpx.AsyncBaseTransport:
    """The private-address guard, for requests that really go out. Imported here: it loads
    httpcore, which a replay (it brings its own transport) never needs."""
    from .netguard import GuardedTransport

    return GuardedTransport(limits.allow_private, verify=trusted(limits.ca_file), limits=pool)


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
            if response.status not in REDIRECTS:
                return response
            location = response.headers.get("location")
            if not location:
                raise ProtocolError(
                    f"{host_of(current)} answered with a redirect that names no target", url=url
                )
            target = redirect_target(current, location, url)
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
                raise connect_failed(url, exc) from exc
            except httpx.RemoteProtocolError as exc:
                raise protocol_error(url, exc) from exc
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
            if status in REDIRECTS or status == 304 or 200 <= status < 300:
                return Response(url, status, response_headers, body)
            raise status_error(url, status, response_headers)

    async def _read_body(
        self, url: str, response: httpx.Response, headers: Mapping[str, str], cap: int
    ) -> bytes:
        declared = headers.get("content-length", "").strip()
        if declared.isdigit() and int(declared) > cap:
            raise TooLarge(
                f"{host_of(url)} announced {int(declared):,} bytes; the limit is {cap:,}", url=url
            )
        decoder = Decoder(headers.get("content-encoding", ""), url)
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


def _httpx_url(url: str) -> httpx.URL:
    """httpx's view of the URL; it refuses some that urllib accepts, such as http://0177.0.0.1/."""
    try:
        return httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise InvalidURL(f"not a usable URL: {url[:200]!r} ({exc})", url=url[:200]) from None

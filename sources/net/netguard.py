"""The private-address guard: every connection goes to an address that was checked first.

httpx resolves and connects in one step, so a check made beforehand could be answered with another
address at connect time (DNS rebinding). This httpcore network backend resolves the host itself,
refuses the whole answer if any address is neither public nor allowed, and dials the checked IP
literal. TLS still verifies the original host: httpcore takes the SNI name from the request's
origin, not from the address dialled. Every new connection passes here, so every redirect hop is
checked on its own resolved address; a kept-alive connection is reused only for its own origin.
"""

from __future__ import annotations

import asyncio
import socket
import ssl
from collections.abc import Awaitable, Callable, Iterable, Sequence
from ipaddress import ip_address

import httpcore
import httpx

from ..errors import PrivateAddress
from .addresses import AllowList, refusal, spelled

# (host, port) -> the addresses to dial, best first; socket.gaierror when the name is unknown.
Resolver = Callable[[str, int], Awaitable[Sequence[str]]]


async def resolve_host(host: str, port: int) -> list[str]:
    """The system resolver's addresses for ``host``, in its order of preference, no repeats."""
    answers = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(answer[4][0]) for answer in answers))


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """Resolves, checks every address, then dials only the checked addresses."""

    def __init__(self, allow: AllowList, resolve: Resolver = resolve_host) -> None:
        self._allow = allow
        self._resolve = resolve
        self._dial = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        loop = asyncio.get_running_loop()
        deadline = None if timeout is None else loop.time() + timeout
        failure: httpcore.ConnectError | None = None
        for address in await self._checked(host, port, timeout):
            remaining = None if deadline is None else max(deadline - loop.time(), 0.0)
            try:
                return await self._dial.connect_tcp(
                    address,
                    port,
                    timeout=remaining,
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except httpcore.ConnectError as exc:
                failure = exc  # try the resolver's next address, as a browser would
        assert failure is not None, "_checked never returns an empty list"
        raise failure

    async def _checked(self, host: str, port: int, timeout: float | None) -> list[str]:
        try:
            answers = await asyncio.wait_for(self._resolve(host, port), timeout)
        except asyncio.TimeoutError:
            raise httpcore.ConnectTimeout(f"looking up {host} took too long") from None
        except OSError as exc:
            raise httpcore.ConnectError(f"getaddrinfo found no address for {host}: {exc}") from exc
        if not answers:
            raise httpcore.ConnectError(f"getaddrinfo found no address for {host}")
        addresses = [ip_address(answer) for answer in answers]
        for address in addresses:
            if not self._allow.may_dial(address):
                raise PrivateAddress(refusal(host, address), host=host, address=spelled(address))
        return [str(address) for address in addresses]


class GuardedTransport(httpx.AsyncHTTPTransport):
    """httpx's own transport whose connection pool dials through GuardedBackend.

    httpx 0.28 takes no network backend, so the pool it builds is replaced by the same pool built
    with ours. No proxy is used: httpx reads proxy variables only when it builds its own
    transport, and a proxy would resolve and dial the target out of the guard's sight.
    """

    def __init__(
        self,
        allow: AllowList,
        *,
        verify: ssl.SSLContext,
        limits: httpx.Limits,
        resolve: Resolver = resolve_host,
    ) -> None:
        super().__init__(verify=verify, limits=limits)
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=verify,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=GuardedBackend(allow, resolve),
        )

"""Politeness: at most N requests in flight, at most M per host, no host starved, and a
service's documented spacing between requests kept (``Spacing``).

A freed slot goes to the host with the most requests waiting. With plain semaphores (per host,
then global) a busy host's next request queues behind every quiet host's first one, so a shared
news-search host sits idle while fifty company sites are served; here it keeps its slots busy,
which is what bounds the run.
"""

from __future__ import annotations

import asyncio
from collections import Counter, deque
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager


class HostSlots:
    """Hands out request slots: ``async with slots.slot(host): ...``."""

    def __init__(self, total: int, per_host: int) -> None:
        if total < 1 or per_host < 1:
            raise ValueError("slot limits must be at least 1")
        self.total = total
        self.per_host = per_host
        self._active: Counter[str] = Counter()
        self._in_use = 0
        self._waiting: dict[str, deque[asyncio.Future[None]]] = {}

    @property
    def in_use(self) -> int:
        return self._in_use

    def active(self, host: str) -> int:
        return self._active[host]

    @asynccontextmanager
    async def slot(self, host: str) -> AsyncIterator[None]:
        """Wait for a slot for ``host``, hold it for the block, then pass it on."""
        if self._free_for(host) and not self._waiting.get(host):
            self._take(host)
        else:
            waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
            self._waiting.setdefault(host, deque()).append(waiter)
            try:
                await waiter
            except asyncio.CancelledError:
                if waiter.done() and not waiter.cancelled():
                    self._release(host)  # the slot arrived as we were cancelled: pass it on
                else:
                    self._forget(host, waiter)
                raise
        try:
            yield
        finally:
            self._release(host)

    def _free_for(self, host: str) -> bool:
        return self._in_use < self.total and self._active[host] < self.per_host

    def _take(self, host: str) -> None:
        self._in_use += 1
        self._active[host] += 1

    def _release(self, host: str) -> None:
        self._in_use -= 1
        self._active[host] -= 1
        if not self._active[host]:
            del self._active[host]
        self._dispatch()

    def _forget(self, host: str, waiter: asyncio.Future[None]) -> None:
        queue = self._waiting.get(host)
        if queue is not None and waiter in queue:
            queue.remove(waiter)
            if not queue:
                del self._waiting[host]

    def _dispatch(self) -> None:
        """Start waiting requests while slots are free, the host with the longest queue first."""
        while self._in_use < self.total:
            ready = [h for h in self._waiting if self._active[h] < self.per_host]
            if not ready:
                return
            host = max(ready, key=lambda h: len(self._waiting[h]))
            queue = self._waiting[host]
            waiter = queue.popleft()
            if not queue:
                del self._waiting[host]
            if waiter.done():  # cancelled while queued
                continue
            self._take(host)
            waiter.set_result(None)


class Spacing:
    """Keeps requests to a service at least its documented interval apart, across every source
    and company of a run: ``await spacing.turn(host)`` once a request has its slot, just before
    it is sent.

    A rule names a host and the hosts under it ("sec.gov" covers www.sec.gov and
    data.sec.gov, which the SEC counts together). Requests to one service go one at a time
    through its turn, each timed from when the one before it really went (not from when it was
    booked), so a busy event loop that delays one request does not bunch up the next. The wait
    holds the request's slot: taking the turn first would hide the waiting requests from the
    slots' "most waiting host first" order and starve the service.
    """

    def __init__(self, rules: tuple[tuple[str, float], ...]) -> None:
        self.rules = tuple((suffix.lower().strip("."), interval) for suffix, interval in rules)
        self._last: dict[str, float] = {}
        self._turns: dict[str, asyncio.Lock] = {}

    def rule_for(self, host: str) -> tuple[str, float] | None:
        """The rule covering ``host`` (its name, not its port), if any."""
        host = host.lower().rstrip(".")
        for suffix, interval in self.rules:
            if interval > 0 and (host == suffix or host.endswith("." + suffix)):
                return suffix, interval
        return None

    async def turn(self, host: str) -> None:
        """Wait until a request to ``host`` may start; at once for a host no rule covers."""
        rule = self.rule_for(host)
        if rule is None:
            return
        key, interval = rule
        loop = asyncio.get_running_loop()
        async with self._turns.setdefault(key, asyncio.Lock()):
            last = self._last.get(key)
            if last is not None and last + interval > loop.time():
                await asyncio.sleep(last + interval - loop.time())
            self._last[key] = loop.time()

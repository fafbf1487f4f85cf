"""Parsing off the event loop, under a deadline, and for all but small bodies in a worker
process with a memory cap.

Parsers have inputs that cost minutes or gigabytes (feedparser's author regex is quadratic: a
32 KB author field takes 5 s, 50 of them minutes; html.parser on 100,000 nested divs takes
seconds and hundreds of MiB). A thread cannot be stopped and ``asyncio.run`` waits for it at
exit, so a body over ``ParseLimits.thread_max_bytes`` is parsed in a worker process instead: one
that overruns ``ParseLimits.deadline`` is killed and replaced, one that needs more memory than
``ParseLimits.memory_bytes`` (RLIMIT_AS, where the platform has it) gets a MemoryError. Smaller
bodies parse in a thread under the same deadline: the worst input known at 16 KiB takes about
1 s, and a thread costs nothing to start. Either way only that source fails, with a reason:

    ParseTimedOut      over the parse deadline (a worker is killed; a thread runs out)
    ParseTooBig        over the memory cap
    ParserCrashed      the worker died (a crash in C code, the system's OOM killer)

(all ParseError subclasses in sources.errors)

Workers start on the first big body as fresh interpreters (``python -c``, a few hundred
milliseconds; benchmarks/parse_isolation.py measures it), not through multiprocessing: its
workers import the caller's main module, so a script that calls the library without an
``if __name__ == "__main__":`` guard would run itself again in every worker. Workers and threads
live in the scope ``async with parse_workers():`` and are stopped when it ends, so nothing keeps
running after a run; ``run_parse`` outside any scope makes one for that call. Tasks and results
cross the worker's stdin and stdout as length-prefixed pickles: a task must pickle (a top-level
function, or a ``functools.partial`` of one or of a method of a picklable object), and so must
its result. The worker's side, and how a worker ends when its parent cannot stop it, is
``sources.net.isolate_worker``.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import os
import pickle
import subprocess
import sys
from collections.abc import AsyncIterator, Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from ..errors import ParserCrashed, ParseTimedOut, ParseTooBig, SourceError
from .isolate_worker import _OVERRUN_CODES, _read_frame, _write_frame

T = TypeVar("T")

MiB = 1024 * 1024


def _default_workers() -> int:
    """Two at least, so one hostile input cannot hold up every other parse; four at most."""
    return min(4, max(2, os.cpu_count() or 2))


@dataclass(frozen=True)
class ParseLimits:
    """How long one parse may take (seconds), how much memory a worker may map (bytes), how
    many parses run at once, and the largest body parsed in a thread rather than a worker."""

    deadline: float = 10.0
    memory_bytes: int = 512 * MiB
    workers: int = field(default_factory=_default_workers)
    thread_max_bytes: int = 16 * 1024


class RemoteTraceback(Exception):
    """The traceback of an exception raised in a worker, attached as its cause so that logs
    show where the parser failed."""


def _worker_environment() -> dict[str, str]:
    """The parent's environment, with this package importable wherever the worker starts."""
    root = str(Path(__file__).resolve().parents[2])
    environment = dict(os.environ)
    paths = [root, *filter(None, environment.get("PYTHONPATH", "").split(os.pathsep))]
    environment["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(paths))
    return environment


@dataclass(frozen=True)
class _Worker:
    process: subprocess.Popen[bytes]

    @classmethod
    def start(cls, limits: ParseLimits) -> _Worker:
        deadline = limits.deadline if math.isfinite(limits.deadline) else 0.0
        serve_call = f"i.serve({limits.memory_bytes}, {deadline!r}, {os.getpid()})"
        process = subprocess.Popen(
            [sys.executable, "-c", f"import sources.net.isolate_worker as i; {serve_call}"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=_worker_environment(),
        )
        return cls(process)

    def call(self, request: bytes) -> tuple[Any, ...]:
        """Send a pickled task and wait for the reply; ("crashed", exit code) if the worker
        dies first (killed on purpose after a timeout, or a crash)."""
        assert self.process.stdin is not None and self.process.stdout is not None
        try:
            _write_frame(self.process.stdin, request)
            reply = _read_frame(self.process.stdout)
        except OSError:
            reply = None
        if reply is None:
            try:
                code = self.process.wait(1.0)
            except subprocess.TimeoutExpired:
                code = None
            return ("crashed", code)
        answer: tuple[Any, ...] = pickle.loads(reply)
        return answer

    def kill(self) -> None:
        self.process.kill()

    def stop(self) -> None:
        self.process.kill()
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                stream.close()


class _Pool:
    """The workers of one event loop: idle ones are reused, a worker with an unfinished task
    is killed, and all of them are stopped by ``close``."""

    def __init__(self, limits: ParseLimits) -> None:
        self.limits = limits
        self.users = 0
        self._slots = asyncio.Semaphore(limits.workers)
        # Small bodies parse here; for big ones a thread waits on the worker's pipe. Twice the
        # slots, so that threads still finishing a parse past its deadline hold up no other.
        self._threads = ThreadPoolExecutor(2 * limits.workers, thread_name_prefix="research-parse")
        self._idle: list[_Worker] = []
        self._dead: list[_Worker] = []  # killed or exited, to be reaped by close
        self._unanswered: list[Future[tuple[Any, ...]]] = []

    async def _take(self) -> _Worker:
        if self._idle:
            return self._idle.pop()
        return await asyncio.get_running_loop().run_in_executor(
            self._threads, _Worker.start, self.limits
        )

    async def run(self, task: Callable[[], T], url: str, size: int) -> T:
        loop = asyncio.get_running_loop()
        async with self._slots:
            if size <= self.limits.thread_max_bytes:
                try:
                    return await asyncio.wait_for(
                        loop.run_in_executor(self._threads, task), self.limits.deadline
                    )
                except asyncio.TimeoutError:
                    raise self._timed_out(url) from None
            request = pickle.dumps(task)
            worker = await self._take()
            call = self._threads.submit(worker.call, request)
            try:
                reply = await asyncio.wait_for(asyncio.wrap_future(call), self.limits.deadline)
            except BaseException as error:  # over the deadline, or the caller gave up
                worker.kill()
                self._dead.append(worker)
                self._unanswered.append(call)  # ends when the pipe reports the worker gone
                if isinstance(error, asyncio.TimeoutError):
                    raise self._timed_out(url) from None
                raise
            # After a MemoryError the worker exits; after a crash it is gone.
            (self._idle if reply[0] in ("ok", "error") else self._dead).append(worker)
        result: T = self._result(reply, url)
        return result

    def _timed_out(self, url: str) -> ParseTimedOut:
        return ParseTimedOut(
            f"reading {url} took longer than the {self.limits.deadline:g} s parse deadline; "
            "skipped",
            url=url,
        )

    def _result(self, reply: tuple[Any, ...], url: str) -> Any:
        kind = reply[0]
        if kind == "ok":
            return reply[1]
        if kind == "memory":
            raise ParseTooBig(
                f"reading {url} needed more than {self.limits.memory_bytes // MiB} MiB of "
                "memory; it was stopped",
                url=url,
            )
        if kind == "crashed" and reply[1] in _OVERRUN_CODES:
            raise self._timed_out(url)  # the worker ended itself at its own deadline
        if kind == "crashed":
            raise ParserCrashed(
                f"the parser process stopped (exit code {reply[1]}) while reading {url}",
                url=url,
            )
        error: Exception = reply[1]
        if not isinstance(error, SourceError):
            error.__cause__ = RemoteTraceback(reply[2])
        raise error

    async def close(self) -> None:
        """Stop every worker and wait for them and for the threads, off the event loop (a
        thread past its deadline may still be parsing a small body)."""
        workers = [*self._idle, *self._dead]
        self._idle, self._dead = [], []

        def stop_all() -> None:
            wait(self._unanswered)  # no thread may be reading a pipe that is being closed
            for worker in workers:
                worker.stop()
            self._threads.shutdown(wait=True)

        await asyncio.get_running_loop().run_in_executor(None, stop_all)


_pools: dict[asyncio.AbstractEventLoop, _Pool] = {}


@contextlib.asynccontextmanager
async def parse_workers(limits: ParseLimits | None = None) -> AsyncIterator[None]:
    """The scope in which parses share worker processes; they are all stopped when the
    outermost scope of this event loop ends. An inner scope uses the outer scope's limits."""
    loop = asyncio.get_running_loop()
    pool = _pools.get(loop)
    if pool is None:
        pool = _pools[loop] = _Pool(limits or ParseLimits())
    pool.users += 1
    try:
        yield
    finally:
        pool.users -= 1
        if pool.users == 0:
            del _pools[loop]
            await pool.close()


async def run_parse(task: Callable[[], T], *, url: str, size: int) -> T:
    """``task()``, which parses a body of ``size`` bytes from ``url``, run within the parse
    deadline: in a thread for a small body, else in a worker process within the memory cap.

    Raises ParseTimedOut, ParseTooBig or ParserCrashed naming ``url`` and the limit; the task's
    own errors come back as they were raised.
    """
    pool = _pools.get(asyncio.get_running_loop())
    if pool is None:
        async with parse_workers():
            return await run_parse(task, url=url, size=size)
    return await pool.run(task, url, size)

"""The worker process of ``sources.net.isolate``: a fresh interpreter (``python -c``) that runs
the pickled parse tasks read from its stdin under a memory cap, and writes back each result.

A worker also ends by itself when its parent cannot stop it (killed with SIGKILL, or ended by a
signal it does not handle), so no parse outlives the program that asked for it:

* on Linux the kernel kills it the moment the parent dies (``PR_SET_PDEATHSIG``);
* everywhere, it exits when its stdin reaches end of file (the parent's end of the pipe is
  closed when the parent exits, however it exits) and when a task overruns the parse deadline
  by a second (``setitimer`` where the platform has it, so even a regular expression holding
  the GIL is stopped), and it never writes a traceback of its own: its stderr is the
  terminal of a parent that may be gone.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import queue
import signal
import struct
import sys
import threading
import time
import traceback
from typing import IO

_LENGTH = struct.Struct("!Q")


def _limit_memory(memory_bytes: int) -> None:
    try:
        import resource
    except ImportError:  # Windows: no address-space limit to set
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = memory_bytes if hard == resource.RLIM_INFINITY else min(memory_bytes, hard)
    with contextlib.suppress(ValueError, OSError):  # macOS may refuse RLIMIT_AS
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _portable(error: Exception) -> Exception:
    """The error itself when it survives pickling, else a RuntimeError that says what it was."""
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        return RuntimeError(f"{type(error).__name__}: {error}")
    return error


def _read_frame(stream: IO[bytes]) -> bytes | None:
    """One length-prefixed message, or None at the end of the stream (the other side is gone)."""
    header = stream.read(_LENGTH.size)
    if len(header) < _LENGTH.size:
        return None
    (length,) = _LENGTH.unpack(header)
    body = stream.read(length)
    return body if len(body) == length else None


def _write_frame(stream: IO[bytes], body: bytes) -> None:
    stream.write(_LENGTH.pack(len(body)) + body)
    stream.flush()


# A worker's own deadline is the parent's plus this, so that the parent, which started timing
# first, normally kills it and reports the timeout; a worker that has to end itself exits with
# SIGALRM (or this code where there is no SIGALRM), which the parent also reports as a timeout.
_OWN_DEADLINE_GRACE = 1.0
_OVERRUN_EXIT = 3
_OVERRUN_CODES = (_OVERRUN_EXIT, -getattr(signal, "SIGALRM", _OVERRUN_EXIT))
_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def _die_with_parent(parent: int) -> None:
    """Linux: have the kernel kill this process when its parent dies, whatever kills the parent;
    exit now if the parent is already gone (this process was adopted before the call)."""
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(
                ctypes.c_int(_PR_SET_PDEATHSIG),
                ctypes.c_ulong(signal.SIGKILL),
                ctypes.c_ulong(0),
                ctypes.c_ulong(0),
                ctypes.c_ulong(0),
            )
        except (OSError, AttributeError):  # no C library to ask: end of file still stops us
            pass
    if parent and os.getppid() != parent:
        os._exit(0)


class _Deadline:
    """Ends the process when a task runs past its deadline, even one stuck in C code."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._timer = hasattr(signal, "setitimer") and hasattr(signal, "SIGALRM")
        self._end: float | None = None
        self._changed = threading.Condition()
        if self._timer:
            signal.signal(signal.SIGALRM, signal.SIG_DFL)  # the kernel ends the process
        elif seconds > 0:
            threading.Thread(target=self._watch, daemon=True).start()

    def start(self) -> None:
        if self.seconds <= 0:
            return
        if self._timer:
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
            return
        with self._changed:
            self._end = time.monotonic() + self.seconds
            self._changed.notify()

    def stop(self) -> None:
        if self._timer:
            signal.setitimer(signal.ITIMER_REAL, 0)
            return
        with self._changed:
            self._end = None

    def _watch(self) -> None:  # where there is no SIGALRM (Windows)
        with self._changed:
            while True:
                if self._end is not None and time.monotonic() >= self._end:
                    os._exit(_OVERRUN_EXIT)
                timeout = None if self._end is None else self._end - time.monotonic()
                self._changed.wait(timeout)


def _read_requests(requests: IO[bytes], tasks: queue.SimpleQueue[bytes]) -> None:
    """Hand each request to the main thread; at end of file (the parent is gone, or stopping
    us) end the process at once, even in the middle of a parse."""
    while (request := _read_frame(requests)) is not None:
        tasks.put(request)
    os._exit(0)


def serve(memory_bytes: int, deadline: float = 0.0, parent: int = 0) -> None:
    """A worker's life (``python -c``): run each task read from stdin, write back its result or
    its error. The protocol keeps the real stdout; anything a parser prints goes to stderr.
    ``deadline`` (seconds, 0 for none) bounds each task even if the parent cannot; ``parent``
    is the parent's process id, for the parent-death check."""
    try:
        _serve(memory_bytes, deadline, parent)
    except BaseException:  # never a traceback on a terminal that may be someone else's by now
        os._exit(1)
    os._exit(0)


def _serve(memory_bytes: int, deadline: float, parent: int) -> None:
    # Ctrl-C reaches the whole process group; the parent stops its workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent(parent)
    replies = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    requests = os.fdopen(os.dup(0), "rb")
    overrun = _Deadline(deadline + _OWN_DEADLINE_GRACE if deadline > 0 else 0.0)
    tasks: queue.SimpleQueue[bytes] = queue.SimpleQueue()
    # Threads start before the memory cap, which their stacks would count against.
    threading.Thread(target=_read_requests, args=(requests, tasks), daemon=True).start()
    _limit_memory(memory_bytes)
    while True:
        request = tasks.get()
        task = None
        overrun.start()
        try:
            task = pickle.loads(request)
            del request
            reply = pickle.dumps(("ok", task()))
        except MemoryError:
            overrun.stop()
            del task
            _write_frame(replies, pickle.dumps(("memory",)))
            return  # what a MemoryError leaves half-built is not worth keeping
        except Exception as error:
            reply = pickle.dumps(("error", _portable(error), traceback.format_exc()))
        overrun.stop()
        _write_frame(replies, reply)

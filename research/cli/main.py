"""The console-script entry point: runs the app and turns signals into a clean stop."""

import contextlib
import signal
import sys
from typing import Any, NoReturn

from .app import app

# Signals that stop a run the way Ctrl-C does: the run is cancelled where it waits (sources and
# parse workers are stopped, nothing half-written is kept), "interrupted" goes to stderr and the
# exit code is 128 + the signal's number: 130 for Ctrl-C, 143 for SIGTERM, 129 for SIGHUP.
# A command that knows what the stop left behind raises KeyboardInterrupt("what was saved")
# instead, and that sentence follows: "interrupted (SIGTERM): 1 of 3 companies were ...".
_STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)


def main() -> None:
    """Console-script entry point."""
    received: list[int] = []

    def stop(signum: int, frame: Any) -> None:
        received.append(signum)
        on_interrupt = signal.getsignal(signal.SIGINT)
        if callable(on_interrupt) and on_interrupt is not stop:
            # What Ctrl-C does now: asyncio.run's handler cancels the run's task (the run then
            # ends with KeyboardInterrupt), the default one raises KeyboardInterrupt here.
            on_interrupt(signal.SIGINT, frame)
        else:  # Ctrl-C is ignored (started in the background): stop all the same
            raise KeyboardInterrupt

    previous = {}
    for signum in _STOP_SIGNALS:
        with contextlib.suppress(ValueError, OSError):  # not the main thread, or not allowed
            previous[signum] = signal.signal(signum, stop)
    try:
        app()
    except KeyboardInterrupt as exc:
        _interrupted(received, _what_was_kept(exc))
    except SystemExit as exc:
        if _by_interrupt(exc) or received:
            _interrupted(received, _what_was_kept(exc))
        raise
    else:
        if received:  # a signal came while the run was already finishing
            _interrupted(received)
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _by_interrupt(exc: BaseException) -> bool:
    """Whether this exit comes from a KeyboardInterrupt: Typer turns one into ``Exit(130)``."""
    return _interrupt_in(exc) is not None or (isinstance(exc, SystemExit) and exc.code == 130)


def _interrupt_in(exc: BaseException) -> KeyboardInterrupt | None:
    """The KeyboardInterrupt this exception is or comes from, if any."""
    seen: set[int] = set()
    cause: BaseException | None = exc
    while cause is not None and id(cause) not in seen:
        if isinstance(cause, KeyboardInterrupt):
            return cause
        seen.add(id(cause))
        cause = cause.__cause__ or cause.__context__
    return None


def _what_was_kept(exc: BaseException) -> str:
    """The sentence a command gave its KeyboardInterrupt about what the stop left, or ""."""
    interrupt = _interrupt_in(exc)
    return str(interrupt) if interrupt is not None and interrupt.args else ""


def _interrupted(received: list[int], detail: str = "") -> NoReturn:
    signum = received[0] if received else signal.SIGINT
    name = "" if signum == signal.SIGINT else f" ({signal.Signals(signum).name})"
    with contextlib.suppress(OSError, ValueError):  # stdout closed, or its reader gone
        sys.stdout.flush()
    with contextlib.suppress(OSError, ValueError):  # the terminal closed (SIGHUP)
        sys.stderr.write(f"interrupted{name}{': ' if detail else ''}{detail}\n")
        sys.stderr.flush()
    raise SystemExit(128 + signum)

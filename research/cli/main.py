"""The console-script entry point: runs the app and turns signals into a clean stop."""

import contextlib
import signal
import sys
from typing import Any, NoReturn

from .app import app

# Signals that stop a run the way Ctrl-C does: the run is cancelled where it waits (sources and
# parse workers are stopped, nothing half-written is kept), "interrupted" goes to stderr and the
# exit code is 128 + the signal's number: 130 for Ctrl-C, 143 for SIGTERM, 129 for SIGHUP.
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
    except KeyboardInterrupt:
        _interrupted(received)
    except SystemExit as exc:
        if _by_interrupt(exc) or received:
            _interrupted(received)
        raise
    else:
        if received:  # a signal came while the run was already finishing
            _interrupted(received)
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _by_interrupt(exc: BaseException) -> bool:
    """Whether this exit comes from a KeyboardInterrupt: Typer turns one into ``Exit(130)``."""
    seen: set[int] = set()
    cause: BaseException | None = exc
    while cause is not None and id(cause) not in seen:
        if isinstance(cause, KeyboardInterrupt):
            return True
        seen.add(id(cause))
        cause = cause.__cause__ or cause.__context__
    return isinstance(exc, SystemExit) and exc.code == 130


def _interrupted(received: list[int]) -> NoReturn:
    signum = received[0] if received else signal.SIGINT
    name = "" if signum == signal.SIGINT else f" ({signal.Signals(signum).name})"
    with contextlib.suppress(OSError, ValueError):  # stdout closed, or its reader gone
        sys.stdout.flush()
    with contextlib.suppress(OSError, ValueError):  # the terminal closed (SIGHUP)
        sys.stderr.write(f"interrupted{name}\n")
        sys.stderr.flush()
    raise SystemExit(128 + signum)

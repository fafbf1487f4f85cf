"""A run's deadline: checked as the caller gives it (seconds from now), then kept as a time on
the event loop's clock, from which each stage takes the seconds left."""

from __future__ import annotations

import asyncio

from .errors import InvalidInput

MAX_DEADLINE = 3600


def check_deadline(deadline: float | None) -> float | None:
    """The caller's deadline in seconds, checked: a positive number up to an hour, or None."""
    if deadline is None:
        return None
    if (
        isinstance(deadline, bool)
        or not isinstance(deadline, int | float)
        or not (0 < deadline <= MAX_DEADLINE)
    ):
        raise InvalidInput(
            f"deadline must be a number of seconds above 0 and at most {MAX_DEADLINE}; "
            f"got {deadline!r:.40}"
        )
    return float(deadline)


def deadline_at(deadline: float | None) -> float | None:
    """The event loop's time at which the caller's ``deadline`` (seconds from now) passes."""
    return None if deadline is None else asyncio.get_running_loop().time() + deadline


def time_left(give_up_at: float | None) -> float | None:
    """Seconds left before the caller's deadline, or None when there is none."""
    if give_up_at is None:
        return None
    return max(0.0, give_up_at - asyncio.get_running_loop().time())

"""Synchronous twins of the library's coroutines, safe to call from any program."""

from __future__ import annotations

import asyncio
import concurrent.futures
import functools
from collections.abc import Callable, Coroutine
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")


def synchronous(function: Callable[P, Coroutine[Any, Any, T]]) -> Callable[P, T]:
    """Run the coroutine function to completion, whether or not the caller has a running loop.

    The call returns only when the work is done, so it holds the calling thread, and inside a
    running loop (a notebook, an async web app) that loop too, for the whole run: the work goes
    to a private loop in a worker thread so that loops are never nested, but the caller waits.
    Async callers should await the ``_async`` function instead; the twin's docstring says so.
    """

    @functools.wraps(function)
    def run(*args: P.args, **kwargs: P.kwargs) -> T:
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            in_a_loop = False
        else:
            in_a_loop = True
        if not in_a_loop:
            return asyncio.run(function(*args, **kwargs))
        with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
            return pool.submit(asyncio.run, function(*args, **kwargs)).result()

    run.__doc__ = (
        f"{function.__doc__ or ''}\n\n"
        f"Blocks the calling thread (and a running event loop in it) until done; from async "
        f"code, await ``{function.__name__}`` instead."
    )
    return run

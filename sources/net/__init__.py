"""The network: one careful HTTP client, the private-address guard, politeness slots, robots.txt,
replays, parse isolation.

Importing this package first makes ``import httpx`` cheap: httpx's own ``__init__`` loads its
command-line client (``httpx._main``, which imports click, rich and pygments: about 0.4 s on this
machine) whenever those libraries are installed, and typer and the MCP SDK install rich. We never
run httpx's command line, so that module is registered as a stand-in that loads the real one only
if someone calls ``httpx.main()``.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any


def _main(*args: Any, **kwargs: Any) -> Any:
    """httpx's command line, loaded now that someone asked for it."""
    del sys.modules["httpx._main"]
    return importlib.import_module("httpx._main").main(*args, **kwargs)


if "httpx" not in sys.modules and "httpx._main" not in sys.modules:
    _stand_in = types.ModuleType("httpx._main", _main.__doc__)
    _stand_in.main = _main  # type: ignore[attr-defined]
    sys.modules["httpx._main"] = _stand_in

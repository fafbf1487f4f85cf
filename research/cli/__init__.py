"""The `research` command: a thin Typer layer over the library, one module per command.

Importing this package registers every command on ``app``; ``main`` is the console script.
"""

from . import article, company, config, digest, evaluate, mcp, news, note, watch, where  # noqa: F401  (registers commands)
from .app import app
from .main import main

__all__ = ["app", "main"]

"""An MCP server over the library, for the assistants that write notes: ``research mcp``.

    tools.py    what each tool does: the library, its limits, the JSON documents; no SDK
    params.py   the tools' parameters: descriptions and advertised limits, for the SDK
    server.py   the tools and a resource registered with the official MCP SDK, over stdio

The SDK is an optional dependency (``pip install 'research[mcp]'``): importing this package does
not load it, and :func:`serve` raises :class:`SdkMissing` saying how to install it.
"""

from __future__ import annotations

from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ResearchError

if TYPE_CHECKING:
    from ..config import Settings

# What pyproject.toml's `mcp` extra installs: the versions this server was tested with.
SDK_VERSIONS = "mcp 2.3 or later, below 3"


class SdkMissing(ResearchError):
    """The MCP SDK is not installed, or not a version this server was written for."""


def serve(settings: Settings, replay: Path | None = None) -> None:
    """Serve the tools on standard input and output until the client closes them. With
    ``replay`` (a recording folder, already checked), every fetch is answered from it."""
    try:
        from .server import build_server
    except ImportError as exc:
        if (exc.name or "").partition(".")[0] != "mcp":
            raise
        raise SdkMissing(_missing(exc)) from None
    from .tools import Tools

    build_server(Tools(settings, replay)).run("stdio")


def _missing(exc: ImportError) -> str:
    """What stands in the way: no SDK, or one whose parts this server does not find (another
    major version), with the import error."""
    try:
        found = f"mcp {metadata.version('mcp')} is installed but cannot serve it ({exc})"
    except metadata.PackageNotFoundError:
        found = "it is not installed"
    return (
        f"research mcp needs the MCP Python SDK ({SDK_VERSIONS}), and {found}; "
        "install it with: pip install 'research[mcp]'"
    )

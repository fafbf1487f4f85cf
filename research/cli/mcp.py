"""`research mcp`: serve the library to AI assistants over the Model Context Protocol (stdio).

Standard output belongs to the protocol: this command prints nothing there itself, and says on
stderr what it is doing only when a person started it at a terminal.
"""

import sys
from pathlib import Path
from typing import Annotated

import typer

from ..errors import ResearchError
from .app import app
from .common import AllowPrivate, check_home, fail, settings_for


@app.command("mcp")
def mcp_command(
    replay: Annotated[
        Path | None,
        typer.Option(
            metavar="DIR",
            help="Answer every fetch from this recording folder instead of the network.",
        ),
    ] = None,
    allow_private: AllowPrivate = None,
) -> None:
    """Serve the news, sentences, notes and digests to an AI assistant over MCP (stdio).

    The tools are find_good_news, congratulate, draft_note and watchlist_digest, with the
    limits of the other commands. Register the command `research mcp` in the assistant's MCP
    settings (see docs/mcp.md); the assistant starts it. Needs: pip install 'research[mcp]'
    """
    from ..config import load_settings
    from ..mcp import serve

    try:
        check_home()
        settings = settings_for(allow_private) or load_settings()
        if replay is not None:
            from ..store.replaying import open_recording

            open_recording(replay)  # a bad folder stops here, not at the first call
        if sys.stdin.isatty():
            typer.echo(
                "research mcp: serving MCP on stdin and stdout for an assistant to start; "
                "register it in the assistant's settings (see docs/mcp.md). Ctrl-C stops it.",
                err=True,
            )
        serve(settings, replay)
    except ResearchError as exc:
        fail(exc)

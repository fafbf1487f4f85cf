"""`research where`: the folders and files the tool uses now, and whether each exists yet."""

import json
import os
from pathlib import Path
from typing import Annotated, Any, Literal, NamedTuple

import typer

from ..errors import ResearchError
from .app import app
from .common import fail, safe

DIGEST_FOLDER = "digests"  # under the data folder: research.digest.publish.save_digest's default


class Place(NamedTuple):
    """One place the tool keeps something: a folder or a file, and its path."""

    key: str
    label: str
    kind: Literal["folder", "file"]
    path: Path


@app.command("where")
def where_command(
    as_json: Annotated[bool, typer.Option("--json", help="Print the paths as JSON.")] = False,
) -> None:
    """Show where the data lives: data folder, store, cache, digests and config file.

    The paths in use now (RESEARCH_HOME moves them all) and whether each exists yet; nothing is
    created.
    """
    from ..config import ENV_HOME, load_settings
    from ..store.config_file import config_path

    try:
        settings = load_settings()
        places = [
            Place("data_folder", "data folder", "folder", settings.home),
            Place("store", "store", "file", settings.store_path),
            Place("cache", "cache", "file", settings.cache_path),
            Place("digests", "digests", "folder", settings.home / DIGEST_FOLDER),
            Place("config_file", "config file", "file", config_path()),
        ]
    except ResearchError as exc:
        fail(exc)
    home_from = ENV_HOME if os.environ.get(ENV_HOME) else "default"
    if as_json:
        document: dict[str, Any] = {place.key: _described(place) for place in places}
        document["data_folder"]["from"] = home_from
        typer.echo(json.dumps(document, indent=2, ensure_ascii=False))
        return
    for place in places:
        typer.echo(f"{place.label:<12} {safe(str(place.path))}  ({_state(place)})")
    if home_from == ENV_HOME:
        typer.echo(f"\nThe data folder comes from {ENV_HOME}.")
    else:
        typer.echo(f"\nThe data folder is the platform's default; set {ENV_HOME} to use another.")
    typer.echo("`research digest --out DIR` writes a digest elsewhere.")


def _exists(place: Place) -> bool:
    return place.path.is_dir() if place.kind == "folder" else place.path.is_file()


def _described(place: Place) -> dict[str, Any]:
    return {"path": str(place.path), "kind": place.kind, "exists": _exists(place)}


def _state(place: Place) -> str:
    """exists, not created yet, or what is in the way (a file where a folder belongs)."""
    if _exists(place):
        return "exists"
    if place.path.exists():
        return f"not a {place.kind}: move it away"
    return "not created yet"

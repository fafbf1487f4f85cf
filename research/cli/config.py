"""`research config ...`: the settings kept in the config file (the note's signature, and the
contact address SEC EDGAR asks for)."""

from typing import Annotated

import typer

from ..errors import ResearchError
from .app import app
from .common import fail, safe

config_app = typer.Typer(
    no_args_is_help=True,
    help="Your signature under the note (name, phone, email) and the contact SEC EDGAR asks "
    "for, kept in a config file.",
)
app.add_typer(config_app, name="config")

Key = Annotated[
    str,
    typer.Argument(
        metavar="KEY",
        help="signature.name, signature.phone, signature.email or edgar.contact.",
        show_default=False,
    ),
]


@config_app.command("set")
def config_set(
    key: Key,
    value: Annotated[
        str,
        typer.Argument(metavar="VALUE", help='e.g. "Ann Smith" or "Ann Smith ann@example.com".'),
    ],
) -> None:
    """Save KEY = VALUE in the config file."""
    from ..store.config_file import set_value

    try:
        path = set_value(key, value)
    except ResearchError as exc:
        fail(exc)
    typer.echo(f"{key} saved in {safe(str(path))}", err=True)


@config_app.command("get")
def config_get(key: Key) -> None:
    """Print KEY's value (exit 1 if it is not set)."""
    from ..store.config_file import check_key, config_path, read_config

    try:
        value = read_config(config_path()).get(check_key(key))
    except ResearchError as exc:
        fail(exc)
    if value is None:
        typer.echo(
            f'error: {key} is not set; set it with: research config set {key} "..."', err=True
        )
        raise typer.Exit(1)
    typer.echo(safe(value))


@config_app.command("unset")
def config_unset(key: Key) -> None:
    """Remove KEY from the config file."""
    from ..store.config_file import unset_value

    try:
        removed = unset_value(key)
    except ResearchError as exc:
        fail(exc)
    typer.echo(f"{key} {'removed' if removed else 'was not set'}", err=True)


@config_app.command("show")
def config_show() -> None:
    """Print the config file's path and every setting, set or not."""
    from ..store.config_file import KEYS, config_path, read_config

    try:
        path = config_path()
        values = read_config(path)
    except ResearchError as exc:
        fail(exc)
    state = "" if path.exists() else " (not created yet)"
    typer.echo(f"# {safe(str(path))}{state}")
    for key in KEYS:
        value = values.get(key)
        typer.echo(f"{key} = {_quoted(value)}" if value is not None else f"# {key} is not set")


def _quoted(value: str) -> str:
    from ..store.config_file import toml_string

    return safe(toml_string(value))

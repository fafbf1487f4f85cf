"""Help screens that read the same on every Typer version pyproject.toml allows.

Typer 0.27 began to print Python types where a value goes (``{company}``, ``<int range>``,
``<str>``, ``files... <list[Path]>``), and its help internals change from one minor version to
the next. So the usage line and the left column of each help screen are laid out here, from each
parameter's option names and the annotation in the command function's own signature: COMPANY
and FILES... for arguments, N, NUMBER, TEXT or PATH for a value, ``[formal|warm]`` for a
``Literal``; a metavar the command sets wins. Typer still writes the right column: the help
text and its [default; range; required] notes.

Every command and group of the app gets this through ``adopt`` (the root group calls it), so a
command module needs no ``cls=``.
"""

import inspect
import sys
import types
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

VALUE_LABELS: dict[Any, str] = {int: "N", float: "NUMBER", str: "TEXT", Path: "PATH"}


def value_type(annotation: Any) -> Any:
    """The type of one value: int from ``Annotated[int | None, ...]``, str from ``list[str]``."""
    if get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    if get_origin(annotation) in (Union, types.UnionType):
        members = [member for member in get_args(annotation) if member is not type(None)]
        annotation = members[0] if len(members) == 1 else str
    if get_origin(annotation) is list:
        annotation = get_args(annotation)[0]
    return annotation


def choices(annotation: Any) -> tuple[str, ...]:
    """The values a ``Literal`` annotation allows; () for any other annotation."""
    kind = value_type(annotation)
    return tuple(str(value) for value in get_args(kind)) if get_origin(kind) is Literal else ()


def metavar(param: Any, annotation: Any) -> str:
    """What stands for the parameter's value: COMPANY, FILES..., N, TEXT, PATH, [formal|warm]."""
    if param.metavar:
        return str(param.metavar)
    allowed = choices(annotation)
    if allowed:
        label = "[" + "|".join(allowed) + "]"
    elif param.param_type_name == "argument":
        label = str(param.name).upper()
    else:
        label = VALUE_LABELS.get(value_type(annotation), "TEXT")
    if param.param_type_name == "argument" and param.nargs != 1:
        label += "..."
    return label


def names_column(param: Any, annotation: Any) -> str:
    """The left column: ``--days N``, ``-v, --verbose``, ``--tone [formal|warm]``, ``COMPANY``."""
    if param.param_type_name == "argument":
        return metavar(param, annotation)
    names = _joined(param.opts)
    if param.secondary_opts:
        names += " / " + _joined(param.secondary_opts)
    if getattr(param, "is_flag", False) or getattr(param, "count", False):
        return names
    return f"{names} {metavar(param, annotation)}"


def _joined(options: list[str]) -> str:
    """Short options first, as Click has it: ``-v, --verbose``."""
    return ", ".join(sorted(options, key=lambda option: option.startswith("--")))


def annotations(command: Any) -> dict[str, Any]:
    """Each parameter's annotation, from the command's own function (Typer wraps it)."""
    callback = getattr(command, "callback", None)
    if callback is None:
        return {}
    try:
        signature = inspect.signature(inspect.unwrap(callback))
    except (TypeError, ValueError):  # a builtin or an odd callable: no annotations to read
        return {}
    return {name: parameter.annotation for name, parameter in signature.parameters.items()}


def parameter_rows(command: Any, ctx: Any) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The argument rows and the option rows of a command's help, hidden ones left out."""
    found = annotations(command)
    arguments: list[tuple[str, str]] = []
    options: list[tuple[str, str]] = []
    for param in command.get_params(ctx):
        record = param.get_help_record(ctx)
        if record is None:
            continue
        row = (names_column(param, found.get(param.name, str)), record[1])
        (arguments if param.param_type_name == "argument" else options).append(row)
    return arguments, options


class ReadableHelp:
    """The help methods every command and group gets (see adopt): the usage line, the rows
    of arguments and options, and the list of commands."""

    readable_help = True

    def collect_usage_pieces(self: Any, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        found = annotations(self)
        for param in self.get_params(ctx):
            if param.param_type_name == "argument" and not getattr(param, "hidden", False):
                label = metavar(param, found.get(param.name, str))
                pieces.append(label if param.required else f"[{label}]")
        if getattr(self, "subcommand_metavar", None):
            pieces.append(self.subcommand_metavar)
        return pieces

    def format_options(self: Any, ctx: Any, formatter: Any) -> None:
        arguments, options = parameter_rows(self, ctx)
        for title, rows in (("Arguments", arguments), ("Options", options)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)
        if hasattr(self, "commands"):
            self.format_commands(ctx, formatter)

    def format_commands(self: Any, ctx: Any, formatter: Any) -> None:
        """Each command with the whole first sentence of its help, not cut at 45 characters."""
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(limit=sys.maxsize)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


def adopt(command: Any) -> None:
    """Give the command, and every command below it, the readable help."""
    if not getattr(command, "readable_help", False):
        typer_class: type = type(command)
        command.__class__ = _readable(typer_class)
    for subcommand in getattr(command, "commands", {}).values():
        adopt(subcommand)


@cache
def _readable(cls: type) -> type:
    """The command's own Typer class with ReadableHelp's methods on top.

    Copied into a direct subclass rather than mixed in: Python changes an object's class only
    to one of the same layout, which a class with a second base does not have.
    """
    methods = {
        name: value for name, value in vars(ReadableHelp).items() if not name.startswith("__")
    }
    return type(cls.__name__, (cls,), methods)

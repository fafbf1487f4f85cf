"""Checks at the library's door: each public function's arguments, by type, before any work.

Every check raises :class:`InvalidInput` naming the argument and what it got, e.g.
"aliases must be a list of names, not a single string: got 'Acme'". Checks of values (ranges,
URLs, lengths) stay with the code that uses them; these only make sure that code gets the
types it was written for, so a wrong type never surfaces as a raw TypeError, an
AttributeError, or a string split into its letters.

This module is pure and light: the types it checks against that live in modules doing I/O
are imported when first needed.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterable, Mapping, Sized
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from .errors import InvalidInput

if TYPE_CHECKING:
    from .models import Company

T = TypeVar("T")

MAX_ITEMS = 10_000  # read from an iterable at most; the callers' own limits are far lower
_SHOWN = 80


def shown(value: object) -> str:
    """The value as the message shows it: its repr, cut to a readable length."""
    try:
        text = repr(value)
    except Exception:  # a caller's object whose repr fails is still named by its type
        text = f"<{type(value).__name__}>"
    return text if len(text) <= _SHOWN else text[: _SHOWN - 3] + "..."


def _fail(name: str, expected: str, value: object) -> InvalidInput:
    return InvalidInput(f"{name} must be {expected}; got {shown(value)}")


def text(name: str, value: object) -> str:
    """A str (not bytes, not a number)."""
    if not isinstance(value, str):
        raise _fail(name, "a string", value)
    return value


def optional_text(name: str, value: object) -> str | None:
    return None if value is None else text(name, value)


def flag(name: str, value: object) -> bool:
    """True or False (not 0, 1 or a string)."""
    if not isinstance(value, bool):
        raise _fail(name, "True or False", value)
    return value


def items(
    name: str,
    value: object,
    what: str = "names",
    *,
    limit: int = MAX_ITEMS,
    item: Callable[[str, object], T] | None = None,
) -> tuple[Any, ...]:
    """A list (or tuple, or any iterable) of values, never a bare str or bytes (which would be
    split into letters) nor a mapping (whose keys would be taken). Of an iterator, at most
    ``limit + 1`` items are read, so the caller's own limit still reports "too many". ``item``
    checks each one."""
    if isinstance(value, str | bytes | bytearray):
        raise InvalidInput(
            f"{name} must be a list of {what}, not a single string: got {shown(value)}"
        )
    if isinstance(value, Mapping) or not isinstance(value, Iterable):
        raise _fail(name, f"a list of {what}", value)
    # A list's length is known, so the caller's own limit can report it; an iterator of
    # unknown length (perhaps endless) is read only as far as the limit needs.
    taken = tuple(value) if isinstance(value, Sized) else tuple(itertools.islice(value, limit + 1))
    if item is not None:
        for one in taken:
            item(f"each of {name}", one)
    return taken


def names(name: str, value: object, *, limit: int = MAX_ITEMS) -> tuple[str, ...]:
    """A list of strings, never a bare string."""
    return items(name, value, "names", limit=limit, item=text)


def aware(name: str, value: object) -> datetime | None:
    """None, or a datetime that knows its time zone (a naive one cannot be compared with the
    times sources give)."""
    if value is None:
        return None
    if not isinstance(value, datetime):
        raise _fail(name, "a timezone-aware datetime or None", value)
    if value.tzinfo is None or value.utcoffset() is None:
        raise InvalidInput(
            f"{name} must be a timezone-aware datetime such as datetime.now(timezone.utc), "
            f"not a naive one: got {shown(value)}"
        )
    return value


def path(name: str, value: object) -> str | os.PathLike[str] | None:
    """None, or a path as a str or a Path."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, os.PathLike) and isinstance(os.fspath(value), str):
        return value
    raise _fail(name, "a path (str or Path) or None", value)


def callable_or_none(name: str, value: object) -> object:
    if value is not None and not callable(value):
        raise _fail(name, "a function or None", value)
    return value


def instance(name: str, value: object, kind: type[T], what: str) -> T:
    if not isinstance(value, kind):
        raise _fail(name, what, value)
    return value


def one_of(name: str, value: object, kinds: tuple[type, ...], what: str) -> Any:
    if not isinstance(value, kinds):
        raise _fail(name, what, value)
    return value


def company(name: str, value: object) -> str | Company:
    """A company name or slug (str), or a Company."""
    from .models import Company

    if not isinstance(value, str | Company):
        raise _fail(name, "a company name (str) or a Company", value)
    return value


def company_name(name: str, value: object) -> str:
    """A company name or slug."""
    if not isinstance(value, str):
        raise _fail(name, "a company name or slug (str)", value)
    return value


def companies(name: str, value: object, *, limit: int = MAX_ITEMS) -> tuple[str | Company, ...]:
    """A list of company names (or Companies), never a bare string."""
    return items(name, value, "names", limit=limit, item=company)

"""The user's config file: a small TOML file with the note's signature and the contact address
that SEC EDGAR asks of every automated request.

Where it lives, first match wins:

1. ``RESEARCH_CONFIG``: the path of the file itself;
2. ``RESEARCH_HOME``/config.toml: that folder then holds everything the tool keeps (the store,
   the cache, the digests and this file), as tests and a second profile need;
3. config.toml in the platform's config folder: ``$XDG_CONFIG_HOME/research`` (by default
   ``~/.config/research``) on Linux, ``~/Library/Application Support/research`` on macOS,
   ``%LOCALAPPDATA%\\research`` on Windows.

Only known keys are accepted, in the file as in ``research config set``; a file that cannot be
read or parsed raises ConfigError naming it and is never rewritten. Writing keeps only the known
keys, so comments in a hand-edited file are not kept.

Apart from ``research.config`` because that module loads the HTTP library: ``research config``
reads and writes this file without it.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..errors import ConfigError, InvalidInput
from ..write.signature import Signature, check_field
from .files import write_atomic

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ENV_CONFIG = "RESEARCH_CONFIG"
ENV_HOME = "RESEARCH_HOME"  # the same variable as research.config.ENV_HOME
CONFIG_FILE = "config.toml"
# Each signature key, and the Signature field it fills.
SIGNATURE_KEYS = {"signature.name": "name", "signature.phone": "phone", "signature.email": "email"}
# Who is calling, as the SEC's fair-access rules ask of automated requests to EDGAR.
CONTACT_KEY = "edgar.contact"
KEYS = {**SIGNATURE_KEYS, CONTACT_KEY: "contact"}
CONTACT_EXAMPLE = "Ann Smith ann@example.com"
MAX_CONTACT_LENGTH = 200
_CONTACT_EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+")


def config_path() -> Path:
    """The config file's path (it may not exist yet)."""
    explicit = os.environ.get(ENV_CONFIG)
    if explicit is not None and explicit.strip():
        return Path(explicit).expanduser()
    if explicit:  # only spaces: a mistake, not a wish for the default
        raise ConfigError(f"{ENV_CONFIG} is blank; set it to a file path or unset it")
    home = os.environ.get(ENV_HOME)
    if home and not home.strip():  # as research.config.load_settings says of it
        raise ConfigError(f"{ENV_HOME} is empty; set it to a folder path or unset it")
    if home:
        return Path(home).expanduser() / CONFIG_FILE
    from platformdirs import user_config_dir

    return Path(user_config_dir("research", appauthor=False)) / CONFIG_FILE


def check_key(key: str) -> str:
    """``key`` if it is known, else InvalidInput listing the known keys."""
    if key not in KEYS:
        raise InvalidInput(f"unknown key {key!r:.60}; the known keys are {', '.join(KEYS)}")
    return key


def check_contact(value: object, label: str = CONTACT_KEY) -> str:
    """A contact for EDGAR's User-Agent: a name and an email address on one line of printable
    ASCII (it travels in an HTTP header); InvalidInput naming ``label`` otherwise."""
    text = value.strip() if isinstance(value, str) else ""
    if (
        not text
        or len(text) > MAX_CONTACT_LENGTH
        or not (text.isascii() and text.isprintable())
        or not _CONTACT_EMAIL.search(text)
    ):
        raise InvalidInput(
            f"{label} must be your name and email address on one line of plain ASCII, at most "
            f"{MAX_CONTACT_LENGTH} characters, e.g. {CONTACT_EXAMPLE!r} (the SEC asks automated "
            f"tools to say who is calling); got {value!r:.60}"
        )
    return text


def check_value(key: str, value: object, where: str = "") -> str:
    """The value as it will be stored; ``where`` (the file) is named in the error if given."""
    try:
        if check_key(key) == CONTACT_KEY:
            return check_contact(value, label=key)
        return check_field(KEYS[key], value, label=key)
    except InvalidInput as exc:
        if where:
            raise ConfigError(f"{where}: {exc}") from None
        raise


def read_config(path: Path) -> dict[str, str]:
    """The file's settings by key ({} if there is no file yet); ConfigError naming the file if
    it cannot be read, is not TOML, or holds an unknown key or a bad value."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise ConfigError(f"cannot read the config file {path}: {exc.strerror or exc}") from None
    try:
        document = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(
            f"the config file {path} is damaged ({exc}); fix it in an editor, or move it away "
            "and set the values again with `research config set`"
        ) from None
    return {
        key: check_value(key, value, where=f"the config file {path}")
        for key, value in _flat(document, path).items()
    }


def _flat(document: Mapping[str, Any], path: Path) -> dict[str, str]:
    """{"signature": {"name": ...}} as {"signature.name": ...}; unknown keys are refused."""
    flat: dict[str, str] = {}
    for table, entries in document.items():
        pairs = entries.items() if isinstance(entries, dict) else [("", entries)]
        for name, value in pairs:
            key = f"{table}.{name}" if name else table
            if key not in KEYS:
                raise ConfigError(
                    f"the config file {path} has an unknown key {key!r:.60}; the known keys are "
                    f"{', '.join(KEYS)}"
                )
            if not isinstance(value, str):  # phone = 5550100 is a number to TOML
                raise ConfigError(
                    f'the config file {path}: {key} must be text in quotes, like {name} = "{value}"'
                )
            flat[key] = value
    return flat


def write_config(path: Path, values: Mapping[str, str]) -> None:
    """Replace the file with ``values`` (known keys only), atomically."""
    lines = ["# Settings of `research`: see `research config show`."]
    tables: dict[str, list[str]] = {}
    for key in KEYS:  # a stable order, whatever order the values were set in
        if key in values:
            table, name = key.split(".", 1)
            tables.setdefault(table, []).append(f"{name} = {toml_string(values[key])}")
    for table, entries in tables.items():
        lines += ["", f"[{table}]", *entries]
    write_atomic(path, "\n".join(lines) + "\n", private=True)  # names, a phone, addresses


def toml_string(value: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    escaped = []
    for char in value:
        if char in '"\\':
            escaped.append("\\" + char)
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            escaped.append(f"\\u{ord(char):04X}")
        else:
            escaped.append(char)
    return '"' + "".join(escaped) + '"'


def set_value(key: str, value: str) -> Path:
    """Save ``key`` = ``value`` and return the file's path; a damaged file is left untouched."""
    stored = check_value(key, value)
    path = config_path()
    values = read_config(path)
    values[key] = stored
    write_config(path, values)
    return path


def unset_value(key: str) -> bool:
    """Remove ``key``; False if it was not set (the file is then left as it was)."""
    check_key(key)
    path = config_path()
    values = read_config(path)
    if values.pop(key, None) is None:
        return False
    write_config(path, values)
    return True


def load_signature() -> Signature:
    """The signature saved in the config file (an empty one if there is none)."""
    values = read_config(config_path())
    return Signature(**{field: values.get(key) for key, field in SIGNATURE_KEYS.items()})


def load_contact() -> str | None:
    """The contact for SEC EDGAR saved in the config file, if any."""
    return read_config(config_path()).get(CONTACT_KEY)

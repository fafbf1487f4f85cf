"""Writing output files so a reader only ever sees the old complete file or the new one."""

from __future__ import annotations

import errno
import os
import secrets
import stat
from pathlib import Path

from ..errors import OutputError

# Created like any file the user makes: mode 0666, which the umask (or a default ACL) narrows.
# tempfile.mkstemp would make it 0600, and a web server could not serve the digest or its feed.
_NEW_FILE_MODE = 0o666
_PRIVATE_FILE_MODE = 0o600
_NEW_FILE_FLAGS = (
    os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
)
_NAME_ATTEMPTS = 100


def write_atomic(path: Path, text: str, *, private: bool = False) -> None:
    """Write ``text`` to ``path`` via a temporary file in the same folder, fsync, then rename.

    A crash or a full disk leaves the previous file untouched and no stray temporary file. A
    new file gets the permissions the umask allows; a file being replaced keeps its mode. A
    ``private`` file (personal details) is readable by its owner only, whatever it was before.
    """
    data = text.encode("utf-8")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = _create_beside(path, _PRIVATE_FILE_MODE if private else _NEW_FILE_MODE)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        if not private:
            _keep_mode(path, temporary)
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        remedy = "; free some space" if exc.errno == errno.ENOSPC else ""
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}{remedy}") from exc
    _sync_folder(path.parent)


def _create_beside(path: Path, mode: int) -> tuple[int, Path]:
    """A new, empty, uniquely named hidden file in ``path``'s folder, open for writing."""
    for _ in range(_NAME_ATTEMPTS):
        temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
        try:
            return os.open(temporary, _NEW_FILE_FLAGS, mode), temporary
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free name for a temporary file", str(path.parent))


def _keep_mode(path: Path, temporary: Path) -> None:
    """Give the new file the mode of the file it replaces, so a rewrite never changes who may
    read it (a digest the user made private stays private)."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return
    os.chmod(temporary, mode)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); folders cannot be opened this way on Windows."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)

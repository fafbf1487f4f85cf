"""What the two SQLite files share: opening, numbered migrations, writing, and clear errors.

WAL mode; every writing transaction begins IMMEDIATE (a deferred one that reads then writes
fails at once in WAL mode when another connection committed in between); no transaction ever
spans a network wait. Schema changes are numbered migrations applied on open, tracked in
``PRAGMA user_version``.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from ..errors import StoreBusy, StoreError

BUSY_TIMEOUT_SECONDS = 5.0


class Database:
    """One SQLite file at ``path``; each method opens, works in one short transaction, closes.
    Within ``kept_open()`` the file stays open between methods (see there why)."""

    migrations: tuple[str, ...] = ()
    what = "the store"
    remedy_when_damaged = "move it aside and run again to start a fresh one"

    def __init__(self, path: Path, *, busy_timeout: float = BUSY_TIMEOUT_SECONDS) -> None:
        self.path = path
        self.busy_timeout = busy_timeout
        self._keeping = 0
        self._kept: sqlite3.Connection | None = None
        self._kept_by = 0  # the thread that opened it, the only one that may query it
        self._kept_file: tuple[int, int, int] | None = None  # the file as it last left it

    @contextmanager
    def kept_open(self) -> Iterator[None]:
        """Keep one connection open while a long run (a digest) makes hundreds of short
        transactions: opening a connection in WAL mode and closing it cost more than most of
        those transactions (1.8 ms against 0.1 to 4 ms, measured in the digest benchmark), and
        closing the last connection to the file checkpoints it and deletes the log. Between
        transactions it holds no lock that blocks other processes. Only the thread that opened
        it uses it; any other opens its own connection as outside ``kept_open``."""
        self._keeping += 1
        try:
            yield
        finally:
            self._keeping -= 1
            if not self._keeping:
                self.release()

    def release(self) -> None:
        """Close the connection ``kept_open`` holds, if any (before the file is moved aside)."""
        kept, self._kept = self._kept, None
        if kept is not None:
            kept.close()

    def check_folder(self) -> None:
        """Raise StoreError naming the path if the file's folder cannot exist because a file
        stands where it or one of the folders above it should be (RESEARCH_HOME set to a
        file): read as "nothing saved yet", that would pass for an empty watchlist."""
        for folder in (self.path.parent, *self.path.parent.parents):
            try:
                if folder.is_dir():
                    return
                if folder.exists() or folder.is_symlink():
                    break
            except OSError:
                return  # unreadable: opening the file reports it with the cause
        else:
            return
        kind = "a file" if folder.exists() else "a broken link"
        raise StoreError(
            f"{self.what} {self.path} cannot be used: {folder} is {kind}, not a folder; set "
            f"RESEARCH_HOME to a folder (it is created if missing), or unset it to use the "
            "default one"
        )

    @contextmanager
    def _connection(self, *, create: bool) -> Iterator[sqlite3.Connection | None]:
        kept = self._reusable()
        if kept is not None:
            try:
                yield kept
            except sqlite3.Error as exc:
                self.release()  # in an unknown state: the next method opens a fresh one
                raise self._error(exc) from exc
            self._kept_file = _identity(self.path)
            return
        if not self.path.exists():
            self.check_folder()
            if not create:
                yield None
                return
        keep = bool(self._keeping) and self._kept is None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # a kept connection may be closed by whichever thread ends the run
            connection = sqlite3.connect(
                self.path,
                timeout=self.busy_timeout,
                isolation_level=None,
                check_same_thread=not keep,
            )
        except (OSError, sqlite3.Error) as exc:
            raise self._error(exc) from exc
        try:
            connection.execute("PRAGMA foreign_keys = ON")
            connection.execute("PRAGMA journal_mode = WAL")
            # In WAL mode NORMAL is safe against corruption; it skips an fsync per commit.
            connection.execute("PRAGMA synchronous = NORMAL")
            self._migrate(connection)
            if keep:
                self._kept, self._kept_by = connection, threading.get_ident()
            yield connection
        except sqlite3.Error as exc:
            if connection is self._kept:
                self._kept = None
            connection.close()
            raise self._error(exc) from exc
        except BaseException:
            if connection is not self._kept:
                connection.close()
            raise
        if connection is self._kept:
            self._kept_file = _identity(self.path)
        else:
            connection.close()

    def _reusable(self) -> sqlite3.Connection | None:
        """The kept connection, if this thread opened it and the file is as this connection
        left it. Once another program has rewritten or replaced the file, every method opens it
        afresh, as outside ``kept_open``, so that damage is seen (the kept connection would go on
        reading its own view of the old file); the kept one then only holds the file open until
        the run ends, as it would not be safe to close it early (closing checkpoints its log
        into the file)."""
        if self._kept is None or self._kept_by != threading.get_ident():
            return None
        if self._kept_file is None or _identity(self.path) != self._kept_file:
            self._kept_file = None
            return None
        return self._kept

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """The file, created if need be, in one writing transaction begun IMMEDIATE."""
        with self._connection(create=True) as connection:
            assert connection is not None  # create=True always opens the file
            with writing(connection):
                yield connection

    def _error(self, exc: BaseException) -> StoreError:
        text = str(exc)
        if "locked" in text or "busy" in text:
            return StoreBusy(
                f"{self.what} {self.path} is busy: another research process kept it locked for "
                f"more than {self.busy_timeout:g} s; try again when it has finished"
            )
        if is_damage(exc):
            return StoreError(
                f"{self.what} {self.path} is damaged or not a research store ({text}); "
                f"{self.remedy_when_damaged}"
            )
        if "readonly" in text or "read-only" in text or isinstance(exc, PermissionError):
            return StoreError(
                f"{self.what} {self.path} cannot be written ({text}); check permissions"
            )
        if "disk" in text or "full" in text:
            return StoreError(f"{self.what} {self.path} cannot be written: {text}; free some space")
        return StoreError(f"{self.what} {self.path} cannot be used: {text}")

    def _migrate(self, connection: sqlite3.Connection) -> None:
        version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        if version > len(self.migrations):
            raise StoreError(
                f"{self.what} {self.path} was written by a newer version of research "
                f"(schema {version}); upgrade research to use it"
            )
        for number in range(version + 1, len(self.migrations) + 1):
            with writing(connection):
                # Another process may have migrated while this one waited for the lock.
                if int(connection.execute("PRAGMA user_version").fetchone()[0]) >= number:
                    continue
                for statement in self.migrations[number - 1].split(";"):
                    if statement.strip():
                        connection.execute(statement)
                connection.execute(f"PRAGMA user_version = {number}")


@contextmanager
def kept_open(*databases: Database | None) -> Iterator[None]:
    """Each of ``databases`` (None: not used in this run) kept open until the block ends."""
    with ExitStack() as held:
        for database in databases:
            if database is not None:
                held.enter_context(database.kept_open())
        yield


def _identity(path: Path) -> tuple[int, int, int] | None:
    """The file's inode, size and modification time: what changes when anything writes it."""
    try:
        found = path.stat()
    except OSError:
        return None
    return found.st_ino, found.st_size, found.st_mtime_ns


def is_damage(exc: BaseException) -> bool:
    """True when SQLite says the file is not a database or is corrupt."""
    text = str(exc)
    return "not a database" in text or "malformed" in text or "corrupt" in text


@contextmanager
def writing(connection: sqlite3.Connection) -> Iterator[None]:
    """One writing transaction, begun IMMEDIATE so it never fails half way on a lock upgrade."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
        connection.execute("COMMIT")
    except BaseException:
        # SQLite has already rolled back after some errors (a full disk): do not mask them.
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise

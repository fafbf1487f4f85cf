"""What the two SQLite files share: opening, numbered migrations, writing, and clear errors.

WAL mode; every writing transaction begins IMMEDIATE (a deferred one that reads then writes
fails at once in WAL mode when another connection committed in between); no transaction ever
spans a network wait. Schema changes are numbered migrations applied on open, tracked in
``PRAGMA user_version``.
"""

from __future__ import annotations

import sqlite3
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
        self._anchor: sqlite3.Connection | None = None

    @contextmanager
    def kept_open(self) -> Iterator[None]:
        """Keep the file open while a long run (a digest) makes hundreds of short transactions.
        Closing the last connection to a WAL file checkpoints it and deletes the log, which costs
        five times the transaction itself; an idle connection held open spares every close that.
        It holds no lock that blocks other processes, and it is never used for queries."""
        self._keeping += 1
        try:
            yield
        finally:
            self._keeping -= 1
            if not self._keeping:
                self.release()

    def release(self) -> None:
        """Close the connection ``kept_open`` holds, if any (before the file is moved aside)."""
        anchor, self._anchor = self._anchor, None
        if anchor is not None:
            anchor.close()

    def _hold_open(self) -> None:
        """Within ``kept_open``, once the file exists, open the idle connection that keeps it so.
        It reads once: only a connection that has read the file counts as holding it."""
        if self._keeping and self._anchor is None:
            # never used for queries, so it may be closed from whichever thread ends the run
            anchor = sqlite3.connect(self.path, timeout=self.busy_timeout, check_same_thread=False)
            try:
                anchor.execute("PRAGMA user_version").fetchone()
            except sqlite3.Error:
                anchor.close()
                raise
            self._anchor = anchor

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
        if not self.path.exists():
            self.check_folder()
        if not create and not self.path.exists():
            yield None
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.path, timeout=self.busy_timeout, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise self._error(exc) from exc
        try:
            connection.execute("PRAGMA foreign_keys = ON")
            connection.execute("PRAGMA journal_mode = WAL")
            # In WAL mode NORMAL is safe against corruption; it skips an fsync per commit.
            connection.execute("PRAGMA synchronous = NORMAL")
            self._migrate(connection)
            self._hold_open()
            yield connection
        except sqlite3.Error as exc:
            raise self._error(exc) from exc
        finally:
            connection.close()

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
            return StoreError(f"{self.what} {self.path} cannot be written ({text}); check permissions")
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

"""Read a browser's SQLite store from a private copy, never from the original.

A running browser locks ``Login Data``, ``places.sqlite``... exclusively ("database is locked"
[verified]), and opening the original could write a ``-shm`` or roll back a journal inside the
profile. So the file and its ``-wal``/``-shm``/``-journal`` companions are copied into a temporary
folder and the copy is opened with ``query_only``. Anything that goes wrong becomes
:class:`StoreUnreadable` with a one-line reason for that check alone.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

#: a store bigger than this is not copied (a Login Data file is kilobytes; this guards the temp dir)
MAX_STORE_BYTES = 256 * 1024 * 1024
_COMPANIONS = ("-wal", "-shm", "-journal")


class StoreUnreadable(Exception):
    """The store is absent, too big, locked beyond copying, or not a valid database."""


@contextmanager
def open_copy(path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection to a temporary copy of the SQLite file at ``path`` (and companions)."""
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise StoreUnreadable(f"{path.name} is absent") from exc
    except OSError as exc:
        raise StoreUnreadable(f"{path.name} cannot be read ({exc.strerror or exc})") from exc
    if size > MAX_STORE_BYTES:
        raise StoreUnreadable(f"{path.name} is too large to copy ({size} bytes)")
    with tempfile.TemporaryDirectory(prefix="privacy-hygiene-") as folder:
        copy = Path(folder) / "store.sqlite"
        try:
            shutil.copyfile(path, copy)
            for suffix in _COMPANIONS:
                companion = path.with_name(path.name + suffix)
                if companion.is_file():
                    shutil.copyfile(companion, copy.with_name(copy.name + suffix))
        except OSError as exc:
            # Windows refuses to copy a file the running browser holds open
            raise StoreUnreadable(
                f"{path.name} could not be copied ({exc.strerror or exc}); close the browser and try again"
            ) from exc
        connection = sqlite3.connect(copy, timeout=0.5)
        try:
            connection.execute("PRAGMA query_only = ON")
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            yield connection
        except sqlite3.DatabaseError as exc:
            raise StoreUnreadable(f"{path.name} is not a readable database ({exc})") from exc
        finally:
            connection.close()


def table_columns(connection: sqlite3.Connection, table: str) -> set[str]:
    """The column names of ``table`` (empty when it does not exist)."""
    rows = connection.execute("SELECT name FROM pragma_table_info(?)", (table,)).fetchall()
    return {str(row[0]) for row in rows}


def count_rows(path: Path, table: str) -> int | None:
    """How many rows ``table`` of the store at ``path`` holds; ``None`` when it cannot be read."""
    try:
        with open_copy(path) as connection:
            if not table_columns(connection, table):
                return None
            row = connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()  # noqa: S608 (fixed names)
            return int(row[0])
    except (StoreUnreadable, sqlite3.DatabaseError):
        return None

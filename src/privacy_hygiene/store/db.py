"""Opening the SQLite file safely: permissions, corruption and version checks, migrations.

Python 3.11's ``sqlite3`` does not wrap DDL in its implicit transactions, so the connection runs
with ``isolation_level=None`` and every migration and write is an explicit ``BEGIN IMMEDIATE`` …
``COMMIT``: a step that fails half-way leaves nothing behind, and two processes never interleave.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

from privacy_hygiene.errors import StateError

#: the schema this version of the tool writes; a file with a higher ``user_version`` is refused
SCHEMA_VERSION = 1
#: how long a writer waits for another process's transaction before giving up (milliseconds)
BUSY_TIMEOUT_MS = 15_000

_HEADER = b"SQLite format 3\x00"

#: ordered migrations: MIGRATIONS[n] takes the schema from version n to n + 1
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        # answers are an append-only log: the current answer of an item is its latest event
        """CREATE TABLE answer_events (
            id INTEGER PRIMARY KEY,
            item_id TEXT NOT NULL,
            state TEXT NOT NULL
                CHECK (state IN ('pass','partial','fail','unknown','not_applicable','snoozed')),
            at TEXT NOT NULL,
            source TEXT NOT NULL CHECK (source IN ('self','auto','import')),
            note TEXT,
            snooze_until TEXT
        )""",
        "CREATE INDEX answer_events_item ON answer_events (item_id, at, id)",
        "CREATE TABLE intake (key TEXT PRIMARY KEY, value TEXT NOT NULL, at TEXT NOT NULL)",
        """CREATE TABLE snapshots (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            score REAL NOT NULL,
            coverage REAL NOT NULL,
            band TEXT NOT NULL,
            principles TEXT NOT NULL,
            states TEXT NOT NULL
        )""",
        "CREATE INDEX snapshots_at ON snapshots (at, id)",
        """CREATE TABLE audits (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            target TEXT NOT NULL,
            url TEXT,
            domain TEXT NOT NULL,
            title TEXT NOT NULL,
            grade TEXT,
            score INTEGER,
            scam_level TEXT NOT NULL,
            rules TEXT NOT NULL
        )""",
        "CREATE INDEX audits_domain ON audits (domain, at)",
        "CREATE INDEX audits_at ON audits (at, id)",
        "CREATE TABLE brands (domain TEXT PRIMARY KEY, label TEXT NOT NULL, added_at TEXT NOT NULL)",
        "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    ),
)
assert len(MIGRATIONS) == SCHEMA_VERSION


def _prepare_file(path: Path) -> None:
    """Create the directory (0700) and the file (0600) so the -wal/-shm files inherit 0600."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
        os.close(fd)
        if os.name == "posix" and path.stat().st_mode & 0o077:
            os.chmod(path, 0o600)
    except OSError as exc:
        raise StateError(f"cannot open the state file {path}: {exc.strerror or exc}", file=str(path)) from exc


def _check_header(path: Path) -> None:
    """Refuse a non-empty file that is not SQLite before SQLite touches it."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(_HEADER))
    except OSError as exc:
        raise StateError(f"cannot read the state file {path}: {exc.strerror or exc}", file=str(path)) from exc
    if head and head != _HEADER:
        raise corrupt(path, "file is not a database")


def set_aside(path: Path, stamp: str) -> Path:
    """Rename a damaged state file (with its -wal/-shm) to ``state.corrupt-<stamp>.sqlite3`` so a
    fresh store can start; only ever on the person's explicit request. Returns the new path."""
    target = path.with_name(f"{path.stem}.corrupt-{stamp}{path.suffix}")
    if target.exists():
        raise StateError(f"{target} already exists; not overwriting it", file=str(path))
    try:
        for suffix in ("-wal", "-shm"):
            side = path.with_name(path.name + suffix)
            if side.exists():
                side.rename(target.with_name(target.name + suffix))
        path.rename(target)
    except OSError as exc:
        raise StateError(f"cannot move {path} aside: {exc.strerror or exc}", file=str(path)) from exc
    return target


def corrupt(path: Path, why: str) -> StateError:
    """The error for a damaged state file (which is always left untouched)."""
    return StateError(
        f"the state file {path} is damaged ({why}); it was left untouched. "
        f"Move it aside (for example to {path.with_suffix('.corrupt.sqlite3').name}) to start afresh, "
        "or restore a backup with 'privacy-hygiene import'",
        file=str(path),
    )


def connect(path: Path) -> sqlite3.Connection:
    """An open, checked, migrated connection to the state file at ``path``."""
    _prepare_file(path)
    _check_header(path)
    try:
        con = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    except sqlite3.Error as exc:
        raise StateError(f"cannot open the state file {path}: {exc}", file=str(path)) from exc
    try:
        con.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        version = int(con.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise StateError(
                f"the state file {path} was written by a newer privacy-hygiene (schema {version}, this "
                f"version knows {SCHEMA_VERSION}); it was left untouched. Upgrade privacy-hygiene to use it",
                file=str(path),
            )
        if version > 0:
            result = con.execute("PRAGMA quick_check").fetchone()[0]
            if result != "ok":
                raise corrupt(path, str(result))
        mode = _use_wal(con)
        if mode != "wal":
            raise StateError(f"the state file {path} cannot use write-ahead logging ({mode})", file=str(path))
        # FULL: a committed answer survives power loss, not only a killed process
        con.execute("PRAGMA synchronous = FULL")
        con.execute("PRAGMA foreign_keys = ON")
        _migrate(con)
    except StateError:
        con.close()
        raise
    except sqlite3.DatabaseError as exc:
        con.close()
        if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
            raise StateError(f"the state file {path} is busy in another process; try again", file=str(path)) from exc
        raise corrupt(path, str(exc)) from exc
    return con


def _use_wal(con: sqlite3.Connection) -> str:
    """Switch to WAL (persistent in the file). Changing the journal mode ignores the busy timeout,
    so when another process holds the file (two first starts at once) retry until the timeout."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        mode = str(con.execute("PRAGMA journal_mode").fetchone()[0]).lower()
        if mode == "wal":
            return mode
        try:
            return str(con.execute("PRAGMA journal_mode = WAL").fetchone()[0]).lower()
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def _migrate(con: sqlite3.Connection) -> None:
    """Apply the missing migrations, each in its own ``BEGIN IMMEDIATE`` transaction."""
    while True:
        with transaction(con):
            # re-read under the write lock: another process may have migrated meanwhile
            version = int(con.execute("PRAGMA user_version").fetchone()[0])
            if version >= SCHEMA_VERSION:
                return
            for statement in MIGRATIONS[version]:
                con.execute(statement)
            con.execute(f"PRAGMA user_version = {version + 1}")


@contextlib.contextmanager
def transaction(con: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` … ``COMMIT`` (``ROLLBACK`` on any error); the write lock is taken up front."""
    con.execute("BEGIN IMMEDIATE")
    try:
        yield con
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            con.execute("ROLLBACK")
        raise
    try:
        con.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            con.execute("ROLLBACK")
        raise

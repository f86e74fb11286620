"""The :class:`Store`: the person's answers, intake, score history, audits, brands and settings."""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from privacy_hygiene.errors import StateError, UsageError
from privacy_hygiene.sanitize import one_line
from privacy_hygiene.store import clock, convert
from privacy_hygiene.store.db import connect, transaction
from privacy_hygiene.store.records import (
    Answer,
    AuditRecord,
    Brand,
    Snapshot,
    Source,
    StoredState,
)

if TYPE_CHECKING:
    from privacy_hygiene.models import AuditReport

STATE_FILE = "state.sqlite3"
_TITLE_LIMIT = 200


def default_path() -> Path:
    """``paths.data_dir()/state.sqlite3`` (``PRIVACY_HYGIENE_HOME`` overrides the folder)."""
    from privacy_hygiene.paths import data_dir

    return data_dir() / STATE_FILE


class Store:
    """The state store. Every write is one ``BEGIN IMMEDIATE`` transaction (or joins :meth:`batch`).

    Safe to share between threads of one process (a lock serialises use of the connection) and
    between processes (SQLite's locks, WAL, a busy timeout).
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else default_path()
        self._con = connect(self.path)
        self._lock = threading.RLock()
        self._depth = 0

    # -- life cycle -----------------------------------------------------------------------------
    def close(self) -> None:
        """Close the connection (idempotent)."""
        with self._lock:
            self._con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @contextlib.contextmanager
    def batch(self) -> Iterator[Store]:
        """Group several writes into one transaction: all of them are saved, or none."""
        with self._write():
            yield self

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._lock, self._errors():
            if self._depth:
                self._depth += 1
                try:
                    yield self._con
                finally:
                    self._depth -= 1
                return
            with transaction(self._con):
                self._depth = 1
                try:
                    yield self._con
                finally:
                    self._depth = 0

    @contextlib.contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._lock, self._errors():
            yield self._con

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise StateError(f"the state file {self.path} is busy in another process; try again") from exc
            raise StateError(f"the state file {self.path} could not be used: {exc}", file=str(self.path)) from exc
        except sqlite3.DatabaseError as exc:
            raise StateError(f"the state file {self.path} is damaged: {exc}", file=str(self.path)) from exc

    # -- answers --------------------------------------------------------------------------------
    def set_answer(
        self,
        item_id: str,
        state: StoredState,
        *,
        source: Source = "self",
        note: str | None = None,
        snooze_until: datetime | None = None,
        at: datetime | None = None,
    ) -> Answer:
        """Save one answer; when this returns, the answer is on disk."""
        answer = Answer(item_id, state, at or clock.now(), source, note, snooze_until)
        return self.set_answers([answer])[0]

    def set_answers(self, answers: Iterable[Answer]) -> list[Answer]:
        """Save several answers in one transaction (validated first: all or nothing)."""
        checked = [convert.checked_answer(answer) for answer in answers]
        with self._write() as con:
            con.executemany(
                "INSERT INTO answer_events (item_id, state, at, source, note, snooze_until) VALUES (?, ?, ?, ?, ?, ?)",
                [convert.answer_row(answer) for answer in checked],
            )
        return checked

    def answers(self) -> dict[str, Answer]:
        """The current answer of every item ever answered (its latest event), by item id."""
        with self._read() as con:
            rows = con.execute(
                """SELECT item_id, state, at, source, note, snooze_until FROM answer_events AS e
                   WHERE id = (SELECT id FROM answer_events WHERE item_id = e.item_id
                               ORDER BY at DESC, id DESC LIMIT 1)"""
            ).fetchall()
        return {row[0]: convert.answer(row) for row in rows}

    def answer(self, item_id: str) -> Answer | None:
        """The current answer of one item, or ``None``."""
        with self._read() as con:
            row = con.execute(
                """SELECT item_id, state, at, source, note, snooze_until FROM answer_events
                   WHERE item_id = ? ORDER BY at DESC, id DESC LIMIT 1""",
                (item_id,),
            ).fetchone()
        return convert.answer(row) if row else None

    def answer_history(self, item_id: str | None = None, limit: int | None = None) -> list[Answer]:
        """Every answer given (of one item, or all), oldest first; ``limit`` keeps the newest ones."""
        where, params = ("WHERE item_id = ?", [item_id]) if item_id is not None else ("", [])
        with self._read() as con:
            rows = con.execute(
                f"""SELECT item_id, state, at, source, note, snooze_until FROM answer_events {where}
                    ORDER BY at DESC, id DESC LIMIT ?""",  # noqa: S608 - fixed fragments only
                [*params, -1 if limit is None else limit],
            ).fetchall()
        return [convert.answer(row) for row in reversed(rows)]

    # -- intake ---------------------------------------------------------------------------------
    def set_intake(self, values: dict[str, str]) -> None:
        """Save intake answers (``key`` → value; lists are comma-separated by the checklist)."""
        stamp = clock.to_text(clock.now())
        with self._write() as con:
            con.executemany(
                "INSERT INTO intake (key, value, at) VALUES (?, ?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value, at = excluded.at",
                [(key, value, stamp) for key, value in values.items()],
            )

    def intake(self) -> dict[str, str]:
        """Every intake answer saved so far."""
        with self._read() as con:
            return dict(con.execute("SELECT key, value FROM intake ORDER BY key").fetchall())

    # -- score snapshots ------------------------------------------------------------------------
    def add_snapshot(self, snapshot: Snapshot) -> None:
        """Append a score snapshot (the checklist takes one whenever the answers change)."""
        with self._write() as con:
            con.execute(
                "INSERT INTO snapshots (at, score, coverage, band, principles, states) VALUES (?, ?, ?, ?, ?, ?)",
                convert.snapshot_row(snapshot),
            )

    def snapshots(self, limit: int | None = None) -> list[Snapshot]:
        """Score snapshots, oldest first; ``limit`` keeps the newest ones."""
        with self._read() as con:
            rows = con.execute(
                "SELECT at, score, coverage, band, principles, states FROM snapshots ORDER BY at DESC, id DESC LIMIT ?",
                (-1 if limit is None else limit,),
            ).fetchall()
        return [convert.snapshot(row) for row in reversed(rows)]

    def latest_snapshot(self, before: datetime | None = None) -> Snapshot | None:
        """The newest snapshot (taken strictly before ``before`` when given)."""
        bound = clock.to_text(before) if before is not None else "\uffff"
        with self._read() as con:
            row = con.execute(
                "SELECT at, score, coverage, band, principles, states FROM snapshots "
                "WHERE at < ? ORDER BY at DESC, id DESC LIMIT 1",
                (bound,),
            ).fetchone()
        return convert.snapshot(row) if row else None

    # -- site audits ----------------------------------------------------------------------------
    def record_audit(self, audit: AuditRecord | AuditReport, *, at: datetime | None = None) -> AuditRecord:
        """Remember an audit (an :class:`AuditRecord`, or an ``AuditReport`` summarised here)."""
        record = audit if isinstance(audit, AuditRecord) else convert.summarise(audit, at or clock.now())
        record = AuditRecord(
            target=one_line(record.target, 2000),
            domain=record.domain.strip().lower(),
            at=record.at,
            url=one_line(record.url, 2000) if record.url else record.url,
            title=one_line(record.title, _TITLE_LIMIT),
            grade=record.grade,
            score=record.score,
            scam_level=record.scam_level,
            rules=tuple((str(rule), str(severity)) for rule, severity in record.rules),
        )
        with self._write() as con:
            con.execute(
                "INSERT INTO audits (at, target, url, domain, title, grade, score, scam_level, rules) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                convert.audit_row(record),
            )
        return record

    def recent_audits(self, limit: int = 20) -> list[AuditRecord]:
        """The latest audits, newest first."""
        with self._read() as con:
            rows = con.execute(
                "SELECT at, target, url, domain, title, grade, score, scam_level, rules FROM audits "
                "ORDER BY at DESC, id DESC LIMIT ?",
                (limit,),
            ).fetchall()
        return [convert.audit(row) for row in rows]

    def first_seen(self, domain: str) -> datetime | None:
        """When a registrable domain was first audited here, or ``None`` if never."""
        with self._read() as con:
            row = con.execute("SELECT MIN(at) FROM audits WHERE domain = ?", (domain.strip().lower(),)).fetchone()
        return clock.from_text(row[0]) if row and row[0] else None

    # -- protected brands -----------------------------------------------------------------------
    def add_brand(self, domain: str, label: str = "", *, at: datetime | None = None) -> Brand:
        """Protect a brand by its domain (``https://www.Bank.example/x`` → ``bank.example``)."""
        brand = Brand(normalise_brand(domain), one_line(label, 100), at or clock.now())
        with self._write() as con:
            con.execute(
                "INSERT INTO brands (domain, label, added_at) VALUES (?, ?, ?) "
                "ON CONFLICT (domain) DO UPDATE SET label = excluded.label",
                (brand.domain, brand.label, clock.to_text(brand.added_at)),
            )
        return brand

    def remove_brand(self, domain: str) -> bool:
        """Stop protecting a brand; ``False`` if it was not there."""
        with self._write() as con:
            cursor = con.execute("DELETE FROM brands WHERE domain = ?", (normalise_brand(domain),))
        return cursor.rowcount > 0

    def brands(self) -> list[str]:
        """The protected brand domains, sorted."""
        return [brand.domain for brand in self.brand_records()]

    def brand_records(self) -> list[Brand]:
        """The protected brands with their labels and when they were added, sorted by domain."""
        with self._read() as con:
            rows = con.execute("SELECT domain, label, added_at FROM brands ORDER BY domain").fetchall()
        return [Brand(row[0], row[1], clock.from_text(row[2])) for row in rows]

    # -- settings -------------------------------------------------------------------------------
    def setting(self, key: str, default: str | None = None) -> str | None:
        """One setting (``language``, ``theme``, ...), or ``default``."""
        with self._read() as con:
            row = con.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return cast(str, row[0]) if row else default

    def set_setting(self, key: str, value: str) -> None:
        """Save one setting."""
        with self._write() as con:
            con.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def settings(self) -> dict[str, str]:
        """Every saved setting."""
        with self._read() as con:
            return dict(con.execute("SELECT key, value FROM settings ORDER BY key").fetchall())

    def _wipe(self) -> None:
        """Delete everything (only inside a :meth:`batch`, for a replacing import)."""
        with self._write() as con:
            for table in ("answer_events", "intake", "snapshots", "audits", "brands", "settings"):
                con.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed table names

    # -- backup ---------------------------------------------------------------------------------
    def export_state(self) -> dict[str, Any]:
        """Everything in the store as plain JSON-ready data (see :mod:`privacy_hygiene.store.backup`)."""
        from privacy_hygiene.store.backup import export_state

        return export_state(self)

    def import_state(self, data: dict[str, Any], replace: bool = False) -> dict[str, int]:
        """Restore :meth:`export_state` data: merged, or replacing everything; returns counts added."""
        from privacy_hygiene.store.backup import import_state

        return import_state(self, data, replace=replace)


def normalise_brand(domain: str) -> str:
    """A brand's host as stored: lower-case ASCII (IDNA), no scheme, path, port or ``www.``."""
    from privacy_hygiene.domains import host_of, to_ascii

    host = to_ascii(host_of(domain))
    host = host.removeprefix("www.")
    if not host or "." not in host:
        raise UsageError(f"not a domain: {domain!r}")
    return host

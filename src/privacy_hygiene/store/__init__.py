"""The local state store: one SQLite file, ``paths.data_dir()/state.sqlite3``.

``PRIVACY_HYGIENE_HOME`` moves it (tests use a temp dir). The file is created 0600 in a 0700
folder, runs in WAL mode with ``synchronous=FULL`` and a busy timeout, and every write is an explicit
``BEGIN IMMEDIATE`` transaction: an answer the tool reported as saved is on disk, and two processes
writing at once wait for each other instead of failing. A damaged file, or one written by a newer
version (``PRAGMA user_version``), raises :class:`~privacy_hygiene.errors.StateError` with a clear
message and is never overwritten.

API (all times are aware UTC datetimes; :func:`clock.now` honours ``PRIVACY_HYGIENE_NOW``)::

    from privacy_hygiene.store import Store, open_store

    with open_store() as store:                       # or Store(path)
        # checklist answers: an append-only history; the current answer is the latest one
        store.set_answer("p05.shred-slips", "pass", source="self", note="bought a shredder")
        store.set_answer("p08.telemetry", "snoozed", snooze_until=datetime(...))
        store.set_answers([Answer(...), ...])          # several in one transaction
        store.answers() -> dict[item_id, Answer]; store.answer(item_id) -> Answer | None
        store.answer_history(item_id=None, limit=None) -> list[Answer]   # oldest first
        # intake (the checklist's questions; multi-choice values are comma-separated)
        store.set_intake({"devices": "windows,android"}); store.intake() -> dict[str, str]
        # score snapshots (the checklist adds one whenever answers change)
        store.add_snapshot(Snapshot(...)); store.snapshots(limit) ; store.latest_snapshot(before=None)
        # site audits (scam-signs, TUI)
        store.record_audit(AuditRecord(...) | AuditReport) -> AuditRecord
        store.recent_audits(limit=20) -> list[AuditRecord]    # newest first
        store.first_seen("example.com") -> datetime | None
        # protected brands (lookalike)
        store.add_brand("bank.example", "My bank"); store.remove_brand(d) -> bool; store.brands() -> list[str]
        # settings (TUI: "language", "theme")
        store.set_setting("language", "zh"); store.setting("language", default) ; store.settings()
        # backup (plan): plain JSON-ready dict, and restore (merge or replace), validated first
        data = store.export_state(); store.import_state(data, replace=False) -> counts
        # several writes atomically
        with store.batch(): ...

    set_aside_damaged(path=None) -> Path   # after a StateError, only when the person asks to start afresh

Records are the frozen dataclasses of :mod:`privacy_hygiene.store.records`: :class:`Answer`,
:class:`Snapshot`, :class:`AuditRecord`, :class:`Brand`.
"""

from __future__ import annotations

from pathlib import Path

from privacy_hygiene.store import clock
from privacy_hygiene.store.db import SCHEMA_VERSION
from privacy_hygiene.store.records import (
    SOURCES,
    STORED_STATES,
    Answer,
    AuditRecord,
    Brand,
    Snapshot,
    Source,
    StoredState,
)
from privacy_hygiene.store.store import STATE_FILE, Store, default_path, normalise_brand


def open_store(path: Path | None = None) -> Store:
    """Open (creating or migrating if needed) the state store at ``path`` or the default place."""
    return Store(path)


def set_aside_damaged(path: Path | None = None) -> Path:
    """Move a damaged state file aside (``state.corrupt-<time>.sqlite3``), on the person's request
    only (e.g. a TUI "start afresh" button after a StateError); returns where it went."""
    from privacy_hygiene.store.db import set_aside

    stamp = clock.now().strftime("%Y%m%dT%H%M%S")
    return set_aside(path if path is not None else default_path(), stamp)


__all__ = [
    "SCHEMA_VERSION",
    "SOURCES",
    "STATE_FILE",
    "STORED_STATES",
    "Answer",
    "AuditRecord",
    "Brand",
    "Snapshot",
    "Source",
    "Store",
    "StoredState",
    "clock",
    "default_path",
    "normalise_brand",
    "open_store",
    "set_aside_damaged",
]

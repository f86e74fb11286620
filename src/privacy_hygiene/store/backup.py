"""Full JSON backup and restore of the state store (used by ``plan --format json`` and ``import``).

The export is plain data (``json.dumps`` ready; times are ISO 8601 UTC)::

    {"format": "privacy-hygiene-state", "schema": 1, "exported_at": ISO,
     "answers":   [{"item_id", "state", "at", "source", "note", "snooze_until"}],   # full history
     "intake":    {key: value},
     "snapshots": [{"at", "score", "coverage", "band", "principles": {"1": x}, "states": {id: state}}],
     "audits":    [{"target", "domain", "at", "url", "title", "grade", "score", "scam_level",
                    "rules": [[rule_id, severity]]}],
     "brands":    [{"domain", "label", "added_at"}],
     "settings":  {key: value}}

Import validates everything before writing anything (the records decode into the store's own
dataclasses), then applies it in one transaction. ``replace=True`` restores exactly (sources kept);
a merge adds what is missing: answers not already present (their source becomes ``import``),
snapshots and audits by time, brands by domain, and intake/settings keys the local store lacks
(local values win).
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypeVar

import msgspec

from privacy_hygiene.errors import ExportError
from privacy_hygiene.store import clock
from privacy_hygiene.store.db import SCHEMA_VERSION
from privacy_hygiene.store.records import Answer, AuditRecord, Brand, Snapshot

if TYPE_CHECKING:
    from privacy_hygiene.store.store import Store

FORMAT = "privacy-hygiene-state"

R = TypeVar("R", Answer, Snapshot, AuditRecord, Brand)


class _Backup(msgspec.Struct, forbid_unknown_fields=True):
    format: str
    schema: int
    exported_at: str = ""
    answers: list[Answer] = []
    intake: dict[str, str] = {}
    snapshots: list[Snapshot] = []
    audits: list[AuditRecord] = []
    brands: list[Brand] = []
    settings: dict[str, str] = {}


def export_state(store: Store) -> dict[str, Any]:
    """Everything the store holds, as plain data."""
    with store.batch():  # one consistent view even while another process writes
        backup = _Backup(
            format=FORMAT,
            schema=SCHEMA_VERSION,
            exported_at=clock.to_text(clock.now()),
            answers=store.answer_history(),
            intake=store.intake(),
            snapshots=store.snapshots(),
            audits=list(reversed(store.recent_audits(limit=-1))),
            brands=store.brand_records(),
            settings=store.settings(),
        )
    plain: dict[str, Any] = msgspec.json.decode(msgspec.json.encode(backup))
    return plain


def _utc(record: R) -> R:
    """Naive times in a hand-edited backup mean UTC."""
    changes: dict[str, Any] = {
        field.name: value.replace(tzinfo=UTC)
        for field in dataclasses.fields(record)
        if isinstance(value := getattr(record, field.name), datetime) and value.tzinfo is None
    }
    return dataclasses.replace(record, **changes) if changes else record


def _decode(data: Any) -> _Backup:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ExportError(f'not a privacy-hygiene backup (expected "format": "{FORMAT}")')
    try:
        backup = msgspec.convert(data, _Backup, str_keys=True)
    except msgspec.ValidationError as exc:
        raise ExportError(f"the backup is invalid: {exc}") from exc
    if backup.schema > SCHEMA_VERSION:
        raise ExportError(f"the backup comes from a newer privacy-hygiene (schema {backup.schema}); upgrade first")
    return backup


def import_state(store: Store, data: Any, *, replace: bool = False) -> dict[str, int]:
    """Restore a backup; returns how many answers, snapshots, audits and brands were added."""
    backup = _decode(data)
    answers = [_utc(item) if replace else dataclasses.replace(_utc(item), source="import") for item in backup.answers]
    counts = {"answers": 0, "snapshots": 0, "audits": 0, "brands": 0}
    with store.batch():
        if replace:
            store._wipe()
        known_answers = {_answer_key(item) for item in store.answer_history()}
        new_answers = [item for item in answers if _answer_key(item) not in known_answers]
        store.set_answers(new_answers)
        counts["answers"] = len(new_answers)
        known_snapshots = {item.at for item in store.snapshots()}
        for snapshot in map(_utc, backup.snapshots):
            if snapshot.at not in known_snapshots:
                store.add_snapshot(snapshot)
                counts["snapshots"] += 1
        known_audits = {(item.at, item.target) for item in store.recent_audits(limit=-1)}
        for audit in map(_utc, backup.audits):
            if (audit.at, audit.target) not in known_audits:
                store.record_audit(audit)
                counts["audits"] += 1
        known_brands = set(store.brands())
        for brand in map(_utc, backup.brands):
            if brand.domain not in known_brands:
                store.add_brand(brand.domain, brand.label, at=brand.added_at)
                counts["brands"] += 1
        local_intake = store.intake()
        store.set_intake({key: value for key, value in backup.intake.items() if key not in local_intake})
        local_settings = store.settings()
        for key, value in backup.settings.items():
            if key not in local_settings:
                store.set_setting(key, value)
    return counts


def _answer_key(answer: Answer) -> tuple[str, str, datetime, str | None]:
    return (answer.item_id, answer.state, answer.at, answer.note)

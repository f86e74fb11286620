"""Read and validate a JSON backup before anything is written to the store.

A backup is the JSON export (:mod:`.to_json`): a format marker, a schema version and the store's
state. It is refused, with one clear line, when the file is unreadable, too large, not JSON, not a
backup, from a newer version, or names checklist items or states this version does not know.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

from privacy_hygiene.errors import ExportError
from privacy_hygiene.plan.to_json import BACKUP_FORMAT, BACKUP_SCHEMA_VERSION
from privacy_hygiene.store import STORED_STATES

#: a year of daily answers to every item is a few MB; anything far larger is not our backup
MAX_BACKUP_BYTES = 64 * 1024 * 1024
#: states a backup may hold (``stale`` is derived from dates, never stored)
STORABLE_STATES = frozenset(STORED_STATES)
_SHOWN = 5


def read_backup(path: Path) -> dict[str, Any]:
    """The backup document in ``path`` (``-`` for stdin is handled by the caller), parsed."""
    try:
        size = path.stat().st_size
        if size > MAX_BACKUP_BYTES:
            raise ExportError(f"{path}: {size} bytes is too large for a backup")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ExportError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ExportError(f"{path} is a folder") from None
    except OSError as exc:
        raise ExportError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    return parse_backup(raw, str(path))


def parse_backup(raw: bytes, name: str = "backup") -> dict[str, Any]:
    """Parse backup bytes; a corrupt file is refused with where it broke."""
    if len(raw) > MAX_BACKUP_BYTES:
        raise ExportError(f"{name}: too large for a backup")
    try:
        document = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ExportError(f"{name}: not a privacy-hygiene backup (not UTF-8 text)") from None
    except json.JSONDecodeError as exc:
        raise ExportError(
            f"{name}: not a privacy-hygiene backup (corrupt JSON at line {exc.lineno}, column {exc.colno})"
        ) from None
    if not isinstance(document, dict):
        raise ExportError(f"{name}: not a privacy-hygiene backup (expected a JSON object)")
    return document


def backup_state(document: Mapping[str, Any], *, known_items: Collection[str], name: str = "backup") -> dict[str, Any]:
    """The store state inside a backup, after checking its version, item ids and states."""
    if document.get("format") != BACKUP_FORMAT:
        raise ExportError(f'{name}: not a privacy-hygiene backup (no "format": "{BACKUP_FORMAT}")')
    version = document.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ExportError(f"{name}: the backup has no valid schema_version")
    if version > BACKUP_SCHEMA_VERSION:
        raise ExportError(
            f"{name} was written by a newer privacy-hygiene (backup version {version}; this version reads up to "
            f"{BACKUP_SCHEMA_VERSION}). Update privacy-hygiene, then import it again."
        )
    state = document.get("state")
    if not isinstance(state, dict):
        raise ExportError(f'{name}: the backup has no "state" object')
    answers = state.get("answers", [])
    if not isinstance(answers, list) or not all(isinstance(answer, dict) for answer in answers):
        raise ExportError(f'{name}: "state.answers" must be a list of objects')
    unknown = sorted({str(answer.get("item_id")) for answer in answers} - set(known_items))
    if unknown:
        raise ExportError(f"{name}: unknown checklist items: {_some(unknown)}")
    invalid = sorted({str(answer.get("state")) for answer in answers} - STORABLE_STATES)
    if invalid:
        raise ExportError(f"{name}: invalid states: {_some(invalid)} (valid: {', '.join(sorted(STORABLE_STATES))})")
    return state


def _some(values: list[str]) -> str:
    shown = ", ".join(values[:_SHOWN])
    return shown if len(values) <= _SHOWN else f"{shown} and {len(values) - _SHOWN} more"

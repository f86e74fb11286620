"""Backups are checked before anything is written: corrupt, foreign, future and invalid ones refused."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from privacy_hygiene.errors import ExportError
from privacy_hygiene.plan.backup import backup_state, parse_backup, read_backup
from privacy_hygiene.plan.build import build_plan
from privacy_hygiene.plan.to_json import BACKUP_SCHEMA_VERSION, backup_document
from tests.plan.conftest import FIXED_NOW, sample_inputs

KNOWN = {"p01.verify-site", "p08.telemetry"}


def document(**changes: Any) -> dict[str, Any]:
    base = backup_document(build_plan(sample_inputs(), "en", FIXED_NOW))
    base["state"] = {
        "format": "privacy-hygiene-state",
        "schema": 1,
        "answers": [{"item_id": "p08.telemetry", "state": "pass", "at": "2026-11-01T00:00:00+00:00"}],
    }
    base.update(changes)
    return base


def test_a_valid_backup_yields_its_state() -> None:
    state = backup_state(document(), known_items=KNOWN)
    assert state["answers"][0]["item_id"] == "p08.telemetry"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b'{"format": "privacy-hygiene-backup", "schema_version": 1, "state": {', "corrupt JSON at line 1"),
        (b"\xff\xfe\x00garbage", "not UTF-8"),
        (b"[1, 2, 3]", "expected a JSON object"),
        (b"", "corrupt JSON"),
    ],
)
def test_corrupt_files_are_refused(raw: bytes, message: str) -> None:
    with pytest.raises(ExportError, match=message):
        parse_backup(raw, "backup.json")


def test_future_versions_are_refused_with_a_clear_message() -> None:
    with pytest.raises(ExportError, match=r"newer privacy-hygiene \(backup version 99; this version reads up to 1\)"):
        backup_state(document(schema_version=99), known_items=KNOWN)
    assert BACKUP_SCHEMA_VERSION == 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"format": "something-else"}, "not a privacy-hygiene backup"),
        ({"schema_version": "1"}, "no valid schema_version"),
        ({"schema_version": True}, "no valid schema_version"),
        ({"state": []}, 'no "state" object'),
        ({"state": {"answers": [{"item_id": "p99.nope", "state": "pass"}]}}, "unknown checklist items: p99.nope"),
        ({"state": {"answers": [{"item_id": "p08.telemetry", "state": "stale"}]}}, "invalid states: stale"),
        ({"state": {"answers": ["x"]}}, "list of objects"),
    ],
)
def test_invalid_backups_are_refused(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(ExportError, match=message):
        backup_state(document(**changes), known_items=KNOWN)


def test_read_backup_errors(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="no such file"):
        read_backup(tmp_path / "missing.json")
    with pytest.raises(ExportError, match="folder"):
        read_backup(tmp_path)
    good = tmp_path / "backup.json"
    good.write_text(json.dumps(document()), encoding="utf-8")
    assert read_backup(good)["format"] == "privacy-hygiene-backup"

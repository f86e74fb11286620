"""The state store on a real SQLite file: API round trips, safety checks, backup and restore."""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from privacy_hygiene.errors import ExportError, StateError, UsageError
from privacy_hygiene.store import SCHEMA_VERSION, Answer, AuditRecord, Snapshot, Store, default_path, open_store

T0 = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "state.sqlite3")


def test_default_path_follows_privacy_hygiene_home(_isolated_home: Path) -> None:
    assert default_path() == _isolated_home / "state.sqlite3"
    with open_store() as opened:
        opened.set_setting("language", "zh")
    assert (_isolated_home / "state.sqlite3").is_file()


def test_file_is_private_wal_and_versioned(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "state.sqlite3"
    with Store(path) as opened:
        opened.set_answer("p01.x", "pass")
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
        wal = path.with_name(path.name + "-wal")
        assert wal.exists() and stat.S_IMODE(wal.stat().st_mode) == 0o600
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    con.close()


def test_answers_keep_history_and_latest_wins(store: Store) -> None:
    store.set_answer("p05.shred", "fail", at=T0)
    store.set_answer("p05.shred", "pass", at=T0 + timedelta(days=1), note="bought a shredder")
    store.set_answer("p08.telemetry", "partial", source="auto", at=T0)
    current = store.answers()
    assert current["p05.shred"].state == "pass" and current["p05.shred"].note == "bought a shredder"
    assert current["p08.telemetry"].source == "auto"
    assert [item.state for item in store.answer_history("p05.shred")] == ["fail", "pass"]
    assert len(store.answer_history()) == 3
    assert store.answer("nope") is None
    # an answer recorded later but dated earlier (an import) does not override the newer one
    store.set_answer("p05.shred", "unknown", at=T0 - timedelta(days=3), source="import")
    assert store.answer("p05.shred").state == "pass"  # type: ignore[union-attr]


def test_snooze_needs_a_date_and_bad_values_are_refused(store: Store) -> None:
    with pytest.raises(UsageError):
        store.set_answer("p01.x", "snoozed")
    with pytest.raises(UsageError):
        store.set_answer("p01.x", "done")  # type: ignore[arg-type]
    with pytest.raises(UsageError):
        store.set_answer("p01.x", "pass", source="robot")  # type: ignore[arg-type]
    until = T0 + timedelta(days=60)
    saved = store.set_answer("p01.x", "snoozed", snooze_until=until, note="\x1b[2Jlater")
    assert store.answer("p01.x") == saved
    assert saved.snooze_until == until and saved.note == "later"
    # validation happens before writing: a bad answer in a batch saves nothing
    with pytest.raises(UsageError):
        store.set_answers([Answer("p02.a", "pass", T0), Answer("p02.b", "bogus", T0)])  # type: ignore[arg-type]
    assert store.answer("p02.a") is None


def test_batch_is_all_or_nothing(store: Store) -> None:
    with pytest.raises(RuntimeError), store.batch():
        store.set_answer("p03.a", "pass")
        store.set_setting("theme", "dark")
        raise RuntimeError("boom")
    assert store.answer("p03.a") is None and store.setting("theme") is None
    with store.batch():
        store.set_answer("p03.a", "pass")
        store.add_snapshot(Snapshot(T0, 50.0, 0.1, "needs_work", {1: 50.0, 2: None}, {"p03.a": "pass"}))
    assert store.answer("p03.a") is not None
    snap = store.latest_snapshot()
    assert snap is not None and snap.principles == {1: 50.0, 2: None} and snap.states == {"p03.a": "pass"}


def test_intake_and_settings(store: Store) -> None:
    store.set_intake({"devices": "windows,android", "shared_computer": "no"})
    store.set_intake({"shared_computer": "yes"})
    assert store.intake() == {"devices": "windows,android", "shared_computer": "yes"}
    store.set_setting("language", "zh")
    store.set_setting("language", "en")
    assert store.setting("language") == "en" and store.setting("theme", "dark") == "dark"
    assert store.settings() == {"language": "en"}


def test_snapshots_in_time_order(store: Store) -> None:
    for day, score in ((3, 70.0), (1, 40.0), (2, 55.0)):
        store.add_snapshot(Snapshot(T0 + timedelta(days=day), score, 0.5, "fair"))
    assert [item.score for item in store.snapshots()] == [40.0, 55.0, 70.0]
    assert [item.score for item in store.snapshots(limit=2)] == [55.0, 70.0]
    before = store.latest_snapshot(before=T0 + timedelta(days=2))
    assert before is not None and before.score == 40.0


def test_audits_are_sanitised_and_first_seen(store: Store) -> None:
    store.record_audit(
        AuditRecord(
            target="https://bank-login.example/",
            domain="Bank-Login.example",
            at=T0 + timedelta(days=2),
            url="https://bank-login.example/",
            title="\x1b]0;pwned\x07Win a \u202eprize\n now",
            grade="F",
            score=12,
            scam_level="very_high",
            rules=(("PH-TRANSPORT-010", "high"),),
        )
    )
    store.record_audit(AuditRecord(target="b", domain="bank-login.example", at=T0, scam_level="low"))
    store.record_audit(AuditRecord(target="c", domain="other.example", at=T0 + timedelta(days=1)))
    recent = store.recent_audits(limit=2)
    assert [item.target for item in recent] == ["https://bank-login.example/", "c"]
    assert recent[0].title == "Win a prize now"
    assert recent[0].rules == (("PH-TRANSPORT-010", "high"),)
    assert store.first_seen("bank-login.example") == T0
    assert store.first_seen("BANK-LOGIN.example") == T0
    assert store.first_seen("never.example") is None


def test_record_audit_from_a_report(store: Store) -> None:
    from privacy_hygiene.models import AuditReport, Grade

    report = AuditReport(target="x.html", url="http://www.shop.example.com.cn/a", title="商城", grade=Grade("C", 61))
    record = store.record_audit(report, at=T0)
    assert record.domain == "example.com.cn" and record.grade == "C" and record.score == 61
    assert store.recent_audits()[0] == record


def test_brands(store: Store) -> None:
    assert store.add_brand("https://WWW.MyBank.example/login", "My bank").domain == "mybank.example"
    store.add_brand("招商银行.中国")
    import idna

    assert store.brands() == ["mybank.example", idna.encode("招商银行.中国").decode("ascii")]
    assert store.remove_brand("mybank.example") is True
    assert store.remove_brand("mybank.example") is False
    with pytest.raises(UsageError):
        store.add_brand("localhost")


def _fill(store: Store) -> None:
    store.set_answer("p05.shred", "fail", at=T0)
    store.set_answer("p05.shred", "pass", at=T0 + timedelta(days=1), note="done")
    store.set_answer("p08.telemetry", "snoozed", at=T0, snooze_until=T0 + timedelta(days=30), source="auto")
    store.set_intake({"devices": "linux"})
    store.add_snapshot(Snapshot(T0, 61.5, 0.25, "fair", {5: 100.0}, {"p05.shred": "pass"}))
    store.record_audit(AuditRecord(target="t", domain="d.example", at=T0, rules=(("PH-X-010", "low"),)))
    store.add_brand("bank.example", "Bank", at=T0)
    store.set_setting("theme", "light")


def test_export_import_round_trip(tmp_path: Path, store: Store) -> None:
    import json

    _fill(store)
    data = store.export_state()
    json.dumps(data)  # plain data
    assert data["format"] == "privacy-hygiene-state" and len(data["answers"]) == 3
    with Store(tmp_path / "other.sqlite3") as other:
        other.set_answer("p01.gone", "pass")
        counts = other.import_state(data, replace=True)
        assert counts == {"answers": 3, "snapshots": 1, "audits": 1, "brands": 1}
        again = other.export_state()
    assert {k: v for k, v in again.items() if k != "exported_at"} == {
        k: v for k, v in data.items() if k != "exported_at"
    }


def test_import_merge_adds_only_what_is_missing(tmp_path: Path, store: Store) -> None:
    _fill(store)
    data = store.export_state()
    with Store(tmp_path / "other.sqlite3") as other:
        other.set_setting("theme", "dark")
        other.set_answer("p01.mine", "partial")
        first = other.import_state(data)
        second = other.import_state(data)
        assert first["answers"] == 3 and second == {"answers": 0, "snapshots": 0, "audits": 0, "brands": 0}
        assert other.setting("theme") == "dark"  # local values win in a merge
        assert other.answer("p01.mine") is not None
        assert other.answer("p05.shred").source == "import"  # type: ignore[union-attr]
        assert other.intake() == {"devices": "linux"}


@pytest.mark.parametrize(
    "bad",
    [
        {"format": "something-else"},
        {"format": "privacy-hygiene-state", "schema": 99},
        {"format": "privacy-hygiene-state", "schema": 1, "answers": [{"item_id": "x", "state": "maybe", "at": "x"}]},
        {"format": "privacy-hygiene-state", "schema": 1, "answers": [{"item_id": "x", "state": "pass", "at": "soon"}]},
        [],
    ],
)
def test_invalid_backup_changes_nothing(store: Store, bad: object) -> None:
    _fill(store)
    before = store.export_state()
    with pytest.raises((ExportError, UsageError)):
        store.import_state(bad, replace=True)  # type: ignore[arg-type]
    after = store.export_state()
    assert before["answers"] == after["answers"] and before["audits"] == after["audits"]


def test_garbage_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    path.write_bytes(b"this is not a database, it is my diary" * 100)
    before = path.read_bytes()
    with pytest.raises(StateError, match=r"damaged.*left untouched"):
        Store(path)
    assert path.read_bytes() == before


def test_truncated_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    with Store(path) as opened:
        for index in range(300):
            opened.set_answer(f"p01.item{index}", "pass", note="x" * 200)
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.truncate(size // 2)
    before = path.read_bytes()
    with pytest.raises(StateError, match="damaged"), Store(path) as opened:
        opened.answers()
    assert path.read_bytes() == before


def test_newer_schema_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE future (x)")
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(StateError, match="newer privacy-hygiene"):
        Store(path)
    assert path.read_bytes() == before
    assert not path.with_name(path.name + "-wal").exists() or os.path.getsize(str(path) + "-wal") == 0


def test_failed_migration_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from privacy_hygiene.store import db

    broken = ((*db.MIGRATIONS[0], "CREATE TABLE oops (syntax error here"),)
    monkeypatch.setattr(db, "MIGRATIONS", broken)
    path = tmp_path / "state.sqlite3"
    with pytest.raises(StateError):
        Store(path)
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0] == 0
    con.close()
    monkeypatch.undo()
    with Store(path) as opened:  # the real migrations then apply cleanly
        opened.set_answer("p01.x", "pass")


def test_threads_share_one_store(store: Store) -> None:
    from concurrent.futures import ThreadPoolExecutor

    def write(worker: int) -> None:
        for index in range(25):
            with store.batch():
                store.set_answer(f"t{worker}.{index}", "pass")
                store.add_snapshot(Snapshot(T0, float(index), 0.5, "fair"))

    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(write, range(4)))
    assert len(store.answers()) == 100 and len(store.snapshots()) == 100


def test_damaged_file_can_be_set_aside_on_request(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from privacy_hygiene.store import set_aside_damaged

    monkeypatch.setenv("PRIVACY_HYGIENE_NOW", "2026-11-27T10:00:00Z")
    path = tmp_path / "state.sqlite3"
    path.write_bytes(b"garbage" * 100)
    with pytest.raises(StateError):
        Store(path)
    moved = set_aside_damaged(path)
    assert moved.name == "state.corrupt-20261127T100000.sqlite3" and moved.read_bytes() == b"garbage" * 100
    with Store(path) as fresh:
        fresh.set_answer("p01.x", "pass")
    path.write_bytes(b"garbage again" * 100)
    with pytest.raises(StateError, match="already exists"):
        set_aside_damaged(path)  # never overwrites an earlier copy

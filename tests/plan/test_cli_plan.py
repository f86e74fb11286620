"""``privacy-hygiene plan`` and ``import`` end to end: a real SQLite store in a temp dir, the real
catalog and checklist, and the CLI as a real process with a pinned clock."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from privacy_hygiene.plan.source import load_plan
from privacy_hygiene.store import AuditRecord, open_store

NOW = "2026-11-27T09:30:00Z"
FIXED = datetime(2026, 11, 27, 9, 30, tzinfo=UTC)
HOSTILE_TITLE = "<script>alert(1)</script> ![x](http://evil/x.png) [@click=app.quit]x[/] \x1b[2Jboom"


def fill_store() -> None:
    """Intake, answers (one with automatic evidence) and an audit of a hostile page."""
    with open_store() as store:
        store.set_intake({"devices": "android,windows", "browsers": "firefox", "apps": "wechat,bank"})
        store.set_answer("p07.devices-review", "pass", at=datetime(2026, 10, 1, tzinfo=UTC))
        store.set_answer("p11.phone-reset", "fail", at=datetime(2026, 11, 1, tzinfo=UTC))
        store.set_answer(
            "p08.no-saved-passwords",
            "fail",
            source="auto",
            note="Firefox profile /home/ann/.mozilla/firefox/abc.default: 12 saved logins incl. bank.example.com",
            at=datetime(2026, 11, 20, tzinfo=UTC),
        )
        store.record_audit(
            AuditRecord(
                target="http://login.example.test/",
                domain="example.test",
                at=datetime(2026, 11, 26, 20, 0, tzinfo=UTC),
                url="http://login.example.test/",
                title=HOSTILE_TITLE,
                grade="F",
                score=10,
                scam_level="high",
                rules=(("PH-TRANSPORT-020", "critical"), ("PH-TRANSPORT-010", "low")),
            )
        )


def test_plan_prints_and_follows_the_checklist(run_cli: Callable[..., object]) -> None:
    fill_store()
    first = run_cli("plan", "--lang", "en", env={"PRIVACY_HYGIENE_NOW": NOW})
    assert first.code == 0, first.err  # type: ignore[attr-defined]
    out = first.out  # type: ignore[attr-defined]
    assert "One thing today" in out and "Sites you audited" in out
    today = out.split("== One thing today ==")[1].split("==")[0]
    assert "p10.pay-to-claim" in today
    assert "Already entered it?" in out
    assert "\x1b" not in out
    marked = run_cli("checklist", "--set", "p10.pay-to-claim=pass", env={"PRIVACY_HYGIENE_NOW": NOW})
    assert marked.code == 0, marked.err  # type: ignore[attr-defined]
    second = run_cli("plan", "--lang", "zh", env={"PRIVACY_HYGIENE_NOW": NOW})
    today = second.out.split("== 今天就做一件事 ==")[1].split("==")[0]  # type: ignore[attr-defined]
    assert "p10.pay-to-claim" not in today


def test_only_own_platforms_steps_in_their_language() -> None:
    fill_store()  # android, windows, firefox, wechat, bank
    steps = {item.id: item.steps for item in load_plan("en", now=FIXED).items}
    assert "p03.qzone-scope" not in steps  # the intake says no QQ
    assert steps["p08.telemetry"] and all(step.startswith("Firefox: ") for step in steps["p08.telemetry"])
    encrypt = steps["p11.encrypt-now"]
    assert encrypt and all(step.startswith("Windows computer: ") for step in encrypt)
    with open_store() as store:
        store.set_intake({"devices": "macos", "browsers": "chrome", "apps": "qq"})
    plan = load_plan("zh", now=FIXED)
    other = {item.id: item.steps for item in plan.items}
    assert other["p08.telemetry"] and all(step.startswith("谷歌 Chrome：") for step in other["p08.telemetry"])
    assert all(step.startswith("苹果 Mac 电脑：") for step in other["p11.encrypt-now"])
    assert "p03.qzone-scope" in other


def test_exports_to_files_atomically_and_never_overwrite(run_cli: Callable[..., object], tmp_path: Path) -> None:
    fill_store()
    env = {"PRIVACY_HYGIENE_NOW": NOW}
    target = tmp_path / "plan.html"
    made = run_cli("plan", "-o", str(target), "--lang", "zh", env=env)
    assert made.code == 0, made.err  # type: ignore[attr-defined]
    page = target.read_text(encoding="utf-8")
    assert page.startswith("{#") is False and "<!DOCTYPE html>" in page and "我的隐私行动计划" in page
    again = run_cli("plan", "-o", str(target), "--format", "md", env=env)
    assert again.code == 2 and "already exists" in again.err and "Traceback" not in again.err  # type: ignore[attr-defined]
    assert target.read_text(encoding="utf-8") == page
    forced = run_cli("plan", "-o", str(target), "--format", "md", "--force", "--lang", "en", env=env)
    assert forced.code == 0  # type: ignore[attr-defined]
    assert target.read_text(encoding="utf-8").startswith("# My privacy action plan")
    stdout = run_cli("plan", "--format", "ics", "-o", "-", env=env)
    assert stdout.out.startswith("BEGIN:VCALENDAR")  # type: ignore[attr-defined]


def test_details_only_with_include_details(run_cli: Callable[..., object]) -> None:
    fill_store()
    env = {"PRIVACY_HYGIENE_NOW": NOW}
    for format_name in ("json", "md"):
        plain = run_cli("plan", "--format", format_name, env=env).out  # type: ignore[attr-defined]
        assert "bank.example.com" not in plain and "/home/ann" not in plain, format_name
    detailed = run_cli("plan", "--format", "json", "--include-details", env=env).out  # type: ignore[attr-defined]
    assert "bank.example.com" in detailed and "/home/ann" in detailed


def test_json_export_imported_into_an_empty_store_gives_the_same_plan(
    run_cli: Callable[..., object], tmp_path: Path
) -> None:
    fill_store()
    env = {"PRIVACY_HYGIENE_NOW": NOW}
    backup = tmp_path / "backup.json"
    assert run_cli("plan", "--format", "json", "-o", str(backup), env=env).code == 0  # type: ignore[attr-defined]
    original_md = run_cli("plan", "--format", "md", env=env).out  # type: ignore[attr-defined]

    other_home = tmp_path / "other-home"
    other_home.mkdir()
    other = {**env, "PRIVACY_HYGIENE_HOME": str(other_home)}
    imported = run_cli("import", str(backup), env=other)
    assert imported.code == 0, imported.err  # type: ignore[attr-defined]
    restored = json.loads(run_cli("plan", "--format", "json", env=other).out)  # type: ignore[attr-defined]
    assert restored["plan"] == json.loads(backup.read_text(encoding="utf-8"))["plan"]
    assert run_cli("plan", "--format", "md", env=other).out == original_md  # type: ignore[attr-defined]
    # importing again (here from stdin) merges without duplicating anything
    again = run_cli("import", "-", stdin=backup.read_text(encoding="utf-8"), env=other)
    assert again.code == 0 and "imported 0 answers and 0 audits" in again.out  # type: ignore[attr-defined]


def test_import_replace(run_cli: Callable[..., object], tmp_path: Path) -> None:
    backup = tmp_path / "backup.json"
    with open_store() as store:
        store.set_answer("p12.three-nos", "pass")
    assert run_cli("plan", "--format", "json", "-o", str(backup)).code == 0  # type: ignore[attr-defined]
    with open_store() as store:
        store.set_answer("p10.pay-to-claim", "pass")
    assert run_cli("import", "--replace", str(backup)).code == 0  # type: ignore[attr-defined]
    with open_store() as store:
        assert set(store.answers()) == {"p12.three-nos"}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"format": "privacy-hygiene-backup", "schema_version": 1, "sta', "corrupt JSON"),
        ('{"format": "privacy-hygiene-backup", "schema_version": 7, "state": {}}', "newer privacy-hygiene"),
        ('{"hello": "world"}', "not a privacy-hygiene backup"),
    ],
)
def test_import_refuses_bad_backups_and_keeps_the_store(
    run_cli: Callable[..., object], tmp_path: Path, content: str, message: str
) -> None:
    with open_store() as store:
        store.set_answer("p12.three-nos", "pass")
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    result = run_cli("import", "--replace", str(bad))
    assert result.code == 2  # type: ignore[attr-defined]
    assert message in result.err and "Traceback" not in result.err  # type: ignore[attr-defined]
    assert len(result.err.strip().splitlines()) == 1  # type: ignore[attr-defined]
    with open_store() as store:
        assert set(store.answers()) == {"p12.three-nos"}


def test_plan_agrees_with_the_checklist_score_and_order() -> None:
    from privacy_hygiene.checklist.items import load_checklist
    from privacy_hygiene.checklist.session import report

    fill_store()
    plan = load_plan("en", now=FIXED)
    with open_store() as store:
        habits = report(store, load_checklist(), FIXED)
    assert plan.score == habits.rounded
    assert [row.score for row in plan.principles] == [
        None if entry.score is None else int(entry.score + 0.5) for entry in habits.principles
    ]
    expected = {entry.id: entry.priority for entry in habits.items if entry.status.state != "not_applicable"}
    assert {item.id: item.priority for item in plan.items} == pytest.approx(expected)
    next_step = habits.next_step()
    assert next_step is not None and plan.today[0].id == next_step.id


def test_backup_state_is_stripped_of_control_characters() -> None:
    from privacy_hygiene.plan.source import private_state

    state = {
        "intake": {"devices": "android\x1b[2J"},
        "answers": [
            {"item_id": "p08.telemetry", "state": "fail", "source": "auto", "note": "/home/ann\u202e"},
            {"item_id": "p05.shred-waybills", "state": "pass", "source": "self", "note": "shredder\x9b31m"},
        ],
    }
    private = private_state(state, include_details=False)
    assert private["intake"] == {"devices": "android"}
    assert [answer["note"] for answer in private["answers"]] == [None, "shredder31m"]
    assert private_state(state, include_details=True)["answers"][0]["note"] == "/home/ann"


def test_an_audit_naming_a_rule_we_no_longer_ship_still_shows() -> None:
    with open_store() as store:
        store.record_audit(
            AuditRecord(
                target="https://old.example/",
                domain="old.example",
                at=datetime(2026, 11, 20, tzinfo=UTC),
                url="https://old.example/",
                title="Old audit",
                grade="D",
                score=40,
                scam_level="guarded",
                rules=(("PH-GONE-990", "high"),),
            )
        )
    plan = load_plan("en", now=FIXED)
    (site,) = plan.sites
    assert [(finding.rule_id, finding.title, finding.advice) for finding in site.findings] == [
        ("PH-GONE-990", "PH-GONE-990", "")
    ]
    from privacy_hygiene.plan.to_markdown import to_markdown

    assert "  - \n" not in to_markdown(plan)

"""Automatic answers from browser checks, on the real items and a real store."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from privacy_hygiene.checklist import load_checklist
from privacy_hygiene.checklist.auto import apply_auto, auto_answers, worst
from privacy_hygiene.errors import UsageError
from privacy_hygiene.store import Store

NOW = datetime(2026, 11, 27, 10, tzinfo=UTC)
CHECKLIST = load_checklist()


def test_worst_state_across_profiles() -> None:
    assert worst(["pass", "fail", "unknown"]) == "fail"
    assert worst(["pass", "partial"]) == "partial"
    assert worst(["unknown"]) == worst([]) == "unknown"


def test_item_state_from_its_checks() -> None:
    profiles = [
        {
            "telemetry": "pass",
            "studies": "fail",
            "password_saving": "pass",
            "saved_logins": "pass",
            "https_only": "fail",
        },
        {
            "telemetry": "pass",
            "studies": "fail",
            "password_saving": "pass",
            "saved_logins": "fail",
            "https_only": "unknown",
        },
    ]
    answers = {answer.item_id: answer for answer in auto_answers(CHECKLIST, profiles, NOW)}
    assert answers["p08.telemetry"].state == "partial"  # telemetry off, studies on
    assert answers["p08.no-saved-passwords"].state == "partial"  # saving off, but one profile keeps logins
    assert answers["p06.https-only"].state == "fail"  # the unreadable profile does not hide the other
    assert answers["p01.saved-sites-review"].state == "fail"
    assert "p06.secure-dns" not in answers  # its check was not reported
    assert all(answer.source == "auto" for answer in answers.values())
    with pytest.raises(UsageError):
        auto_answers(CHECKLIST, [{"telemetry": "maybe"}], NOW)


def test_apply_respects_the_persons_choices_and_avoids_churn(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRIVACY_HYGIENE_NOW", NOW.isoformat())
    with Store(tmp_path / "state.sqlite3") as store:
        store.set_answer("p06.https-only", "not_applicable", at=NOW - timedelta(days=1))
        store.set_answer(
            "p10.notifications", "snoozed", snooze_until=NOW + timedelta(days=5), at=NOW - timedelta(days=1)
        )
        profile = {"https_only": "fail", "notifications": "fail", "safe_browsing": "pass"}
        written, result = apply_auto(store, CHECKLIST, [profile])
        assert [answer.item_id for answer in written] == ["p01.safe-browsing"]
        assert result is not None and len(store.snapshots()) == 1
        again, nothing = apply_auto(store, CHECKLIST, [profile])
        assert again == [] and nothing is None and len(store.answer_history("p01.safe-browsing")) == 1
        changed, _ = apply_auto(store, CHECKLIST, [{"safe_browsing": "fail"}])
        assert [answer.state for answer in changed] == ["fail"]
        assert store.answer("p01.safe-browsing").source == "auto"  # type: ignore[union-attr]

"""Recording answers and intake against a real store; parsing states; grading quizzes."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from privacy_hygiene.checklist import grade_quiz, load_checklist, parse_state, record_answers, record_intake, report
from privacy_hygiene.checklist.intake import normalise, parse, platforms
from privacy_hygiene.errors import UsageError
from privacy_hygiene.store import Answer, Store

NOW = datetime(2026, 11, 27, 10, tzinfo=UTC)
CHECKLIST = load_checklist()


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "state.sqlite3")


def test_each_change_takes_a_snapshot(store: Store) -> None:
    first = record_answers(store, CHECKLIST, [Answer("p08.telemetry", "pass", NOW)])
    assert [snap.score for snap in store.snapshots()] == [first.score]
    assert store.latest_snapshot().states["p08.telemetry"] == "pass"  # type: ignore[union-attr]
    second = record_intake(store, CHECKLIST, {"browsers": "none"})
    # with no browser, browser items leave the score: the snapshot records the new relevance
    assert store.latest_snapshot().states["p08.telemetry"] == "not_applicable"  # type: ignore[union-attr]
    assert len(store.snapshots()) == 2 and second.score != first.score
    assert report(store, CHECKLIST).score == pytest.approx(second.score)


def test_unknown_item_saves_nothing(store: Store) -> None:
    with pytest.raises(UsageError):
        record_answers(store, CHECKLIST, [Answer("p08.telemetry", "pass", NOW), Answer("p99.nope", "pass", NOW)])
    assert store.answers() == {} and store.snapshots() == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pass", ("pass", None)),
        ("Partial", ("partial", None)),
        ("no", ("fail", None)),
        ("na", ("not_applicable", None)),
        ("snoozed:2027-01-31", ("snoozed", datetime(2027, 1, 31, tzinfo=UTC))),
    ],
)
def test_parse_state(text: str, expected: tuple[str, datetime | None]) -> None:
    assert parse_state(text, NOW) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("great", "unknown state"),
        ("snoozed", "needs a date"),
        ("snoozed:2020-01-01", "not in the future"),
        ("snoozed:someday", "not an ISO date"),
        ("pass:2027-01-01", "only 'snoozed' takes a date"),
    ],
)
def test_parse_state_rejects(text: str, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        parse_state(text, NOW)


def test_grade_quiz_by_number_or_letter() -> None:
    item = CHECKLIST.item("p12.three-nos")
    assert item.quiz is not None and item.quiz.answer == 0
    assert grade_quiz(item, "1", NOW).state == "pass"
    assert grade_quiz(item, "a", NOW).state == "pass"
    assert grade_quiz(item, "B", NOW).state == "fail"
    for bad in ("9", "0", "zz", ""):
        with pytest.raises(UsageError, match="choose an option"):
            grade_quiz(item, bad, NOW)
    with pytest.raises(UsageError, match="has no quiz"):
        grade_quiz(CHECKLIST.item("p08.telemetry"), "1", NOW)


def test_intake_normalise_and_platforms() -> None:
    assert normalise(CHECKLIST, "Devices", "android, WINDOWS") == ("devices", "windows,android")
    for key, value, message in [
        ("devices", "toaster", "unknown answer"),
        ("elderly", "yes,no", "takes one answer"),
        ("browsers", "none,chrome", "cannot be combined"),
        ("pets", "cat", "no intake question"),
        ("devices", " , ", "no answer given"),
    ]:
        with pytest.raises(UsageError, match=message):
            normalise(CHECKLIST, key, value)
    assert platforms(parse({})) is None
    mine = platforms(parse({"devices": "linux", "browsers": "firefox"}))
    assert mine is not None and {"linux", "firefox", "wechat", "qq", "alipay"} == mine  # apps unanswered: all
    assert platforms(parse({"devices": "ios", "browsers": "none", "apps": "none"})) == {"ios"}

"""Scoring by hand-computed cases: weights, states, coverage, stale, snooze, relevance, priority."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import msgspec
import pytest

from privacy_hygiene.catalog.schemas.checklist import Item
from privacy_hygiene.checklist import STATES, Checklist, diff, evaluate, load_checklist, round_score, score
from privacy_hygiene.store import Answer, Snapshot

NOW = datetime(2027, 1, 1, 12, 0, tzinfo=UTC)
SETUP = load_checklist().setup


def make_item(item_id: str, weight: int, effort: int = 1, **extra: Any) -> Item:
    principle = int(item_id[1:3])
    data: dict[str, Any] = {
        "id": item_id,
        "principle": principle,
        "title": {"zh": "标题", "en": "Title"},
        "question": {"zh": "问题", "en": "Question"},
        "why": {"zh": "原因", "en": "Why"},
        "weight": weight,
        "effort": effort,
        "kind": "habit",
        "steps": {"zh": ["做"], "en": ["Do"]},
    }
    data.update(extra)
    return msgspec.convert(data, Item)


def answer(item_id: str, state: str, days_ago: float = 1, **extra: Any) -> Answer:
    return Answer(item_id, state, NOW - timedelta(days=days_ago), **extra)  # type: ignore[arg-type]


def checklist(*items: Item) -> Checklist:
    return Checklist(tuple(items), SETUP)


FIVE = checklist(
    make_item("p01.a", 4),
    make_item("p01.b", 2),
    make_item("p02.c", 3),
    make_item("p02.d", 1),
    make_item("p03.e", 5),
)


def test_weighted_score_and_coverage_by_hand() -> None:
    answers = {
        "p01.a": answer("p01.a", "pass"),
        "p01.b": answer("p01.b", "partial"),
        "p02.c": answer("p02.c", "fail"),
        "p03.e": answer("p03.e", "not_applicable"),
    }
    result = score(FIVE, answers, {}, NOW)
    # (4·1 + 2·½ + 3·0 + 1·0) / (4 + 2 + 3 + 1) = 5 / 10; e is not applicable
    assert result.score == pytest.approx(50.0)
    assert result.coverage == pytest.approx(3 / 4)  # d unanswered
    assert result.band.name == "fair" and result.max_total == 10
    subs = {entry.id: entry.score for entry in result.principles}
    assert subs[1] == pytest.approx(100 * 5 / 6)  # (4 + 1) / (4 + 2)
    assert subs[2] == pytest.approx(0.0)
    assert subs[3] is None and subs[4] is None
    # why this score: c costs 3 of 10 points = 30 score points, then b and d
    assert [(entry.id, round(points, 1)) for entry, points in result.why()] == [
        ("p02.c", 30.0),
        ("p01.b", 10.0),
        ("p02.d", 10.0),
    ]


def test_skipping_or_snoozing_never_raises_the_score() -> None:
    base = {"p01.a": answer("p01.a", "pass"), "p01.b": answer("p01.b", "fail")}
    answered = score(FIVE, base, {}, NOW)
    snoozed = dict(base, **{"p01.b": answer("p01.b", "snoozed", snooze_until=NOW + timedelta(days=9))})
    after_snooze = score(FIVE, snoozed, {}, NOW)
    assert after_snooze.score == answered.score == pytest.approx(100 * 4 / 15)
    assert after_snooze.coverage < answered.coverage
    # the snoozed item waits: not offered as a to-do until its date
    assert "p01.b" not in [entry.id for entry in after_snooze.todo()]
    # once the date passes it is simply unanswered again
    later = score(FIVE, snoozed, {}, NOW + timedelta(days=10))
    assert next(entry for entry in later.items if entry.id == "p01.b").status.state == "unknown"


def test_max_points_never_depend_on_the_answer() -> None:
    item = make_item("p01.a", 4)
    for state in ("pass", "partial", "fail", "unknown", "snoozed"):
        extra = {"snooze_until": NOW + timedelta(days=3)} if state == "snoozed" else {}
        result = score(checklist(item), {"p01.a": answer("p01.a", state, **extra)}, {}, NOW)
        assert result.items[0].max_points == 4 and result.max_total == 4


def test_stale_pass_counts_half_and_is_due() -> None:
    periodic = make_item("p07.review", 3, kind="periodic", review_days=90)
    habit = make_item("p07.habit", 1)
    items = checklist(periodic, habit)
    answers = {"p07.review": answer("p07.review", "pass", days_ago=30), "p07.habit": answer("p07.habit", "pass", 300)}
    fresh = score(items, answers, {}, NOW)
    assert fresh.score == pytest.approx(100.0) and fresh.due() == []
    later = score(items, answers, {}, NOW + timedelta(days=61))
    review = later.items[0]
    assert review.status.state == "stale" and review.status.due
    assert later.score == pytest.approx(100 * (1.5 + 1) / 4)  # 3·½ + 1·1 over 4
    assert later.coverage == 1.0  # stale is answered, it needs re-confirming
    assert [entry.id for entry in later.due()] == ["p07.review"]
    # a failed periodic item comes due for a re-check too, but stays failed
    failed = score(items, {"p07.review": answer("p07.review", "fail", days_ago=100)}, {}, NOW)
    assert failed.items[0].status.state == "fail" and failed.items[0].status.due


def test_intake_decides_relevance_and_unanswered_hides_nothing() -> None:
    browser = make_item("p08.browser", 2, applies_if=["browsers:*"])
    bank = make_item("p12.bank", 3, applies_if=["apps:bank", "elderly:yes"])
    items = checklist(browser, bank)
    everything = score(items, {}, {}, NOW)
    assert all(entry.status.state == "unknown" for entry in everything.items)
    ruled_out = score(items, {}, {"browsers": "none", "apps": "wechat", "elderly": "no"}, NOW)
    assert [entry.status.state for entry in ruled_out.items] == ["not_applicable", "not_applicable"]
    assert ruled_out.max_total == 0 and ruled_out.score == 0.0 and ruled_out.coverage == 0.0
    kept = score(items, {}, {"browsers": "firefox", "apps": "wechat", "elderly": "yes"}, NOW)
    assert [entry.status.state for entry in kept.items] == ["unknown", "unknown"]


def test_priority_by_hand() -> None:
    quick = make_item("p10.quick", 2, effort=1, boost_if=["elderly:yes"])
    big = make_item("p11.big", 5, effort=4)
    items = checklist(quick, big)
    plain = score(items, {}, {"elderly": "no"}, NOW)
    assert [round(entry.priority, 3) for entry in plain.items] == [2.0, 1.25]
    boosted = score(items, {"p11.big": answer("p11.big", "partial")}, {"elderly": "yes"}, NOW)
    # quick: 2·1·1.5/1 = 3; big: 5·½/4 = 0.625
    assert [round(entry.priority, 3) for entry in boosted.items] == [3.0, 0.625]
    assert [entry.id for entry in boosted.todo()] == ["p10.quick", "p11.big"]
    assert boosted.next_step() is not None and boosted.next_step().id == "p10.quick"  # type: ignore[union-attr]


@pytest.mark.parametrize(("value", "expected"), [(72.5, 73), (72.49, 72), (89.5, 90), (0.0, 0), (100.0, 100)])
def test_half_up_rounding_and_bands(value: float, expected: int) -> None:
    assert round_score(value) == expected


@pytest.mark.parametrize(
    ("value", "band"), [(95, "excellent"), (89.5, "excellent"), (85, "good"), (79.4, "fair"), (10, "needs_work")]
)
def test_band_edges(value: float, band: str) -> None:
    assert FIVE.band(value).name == band


def test_diff_since_a_snapshot() -> None:
    answers = {"p01.a": answer("p01.a", "pass"), "p01.b": answer("p01.b", "fail")}
    result = score(FIVE, answers, {}, NOW)
    before = Snapshot(NOW - timedelta(days=30), 10.0, 0.2, "needs_work", {}, {"p01.a": "fail", "p02.c": "unknown"})
    change = diff(before, result)
    assert change.delta == pytest.approx(result.score - 10.0)
    assert dict((item_id, (old, new)) for item_id, old, new in change.items) == {
        "p01.a": ("fail", "pass"),
        "p01.b": ("unknown", "fail"),
    }


def test_every_state_is_reachable() -> None:
    periodic = make_item("p07.review", 3, kind="periodic", review_days=30)
    seen = {
        evaluate(periodic, answer("p07.review", state, days_ago=days, **extra), NOW, relevant=relevant).state
        for state, days, extra, relevant in [
            ("pass", 1, {}, True),
            ("pass", 40, {}, True),
            ("partial", 1, {}, True),
            ("fail", 1, {}, True),
            ("unknown", 1, {}, True),
            ("not_applicable", 1, {}, True),
            ("snoozed", 1, {"snooze_until": NOW + timedelta(days=1)}, True),
            ("pass", 1, {}, False),
        ]
    }
    assert seen == set(STATES)


def test_real_checklist_all_pass_is_100_and_all_fail_is_0() -> None:
    real = load_checklist()
    passes = {item.id: answer(item.id, "pass") for item in real}
    assert score(real, passes, {}, NOW).score == pytest.approx(100.0)
    fails = {item.id: answer(item.id, "fail") for item in real}
    result = score(real, fails, {}, NOW)
    assert result.score == 0.0 and result.coverage == 1.0 and result.band.name == "needs_work"

"""Calendar reminders parsed back with icalendar: one VEVENT per periodic item, RRULE, VALARM,
stable UIDs and an injectable DTSTAMP."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import icalendar
import pytest

from privacy_hygiene.plan.build import build_plan
from privacy_hygiene.plan.to_ics import item_uid, recurrence, to_ics
from tests.plan.conftest import FIXED_NOW, sample_inputs


def events(ics: str) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(ics)
    return list(calendar.walk("VEVENT"))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_periodic_item_is_a_recurring_event_with_an_alarm(lang: str) -> None:
    plan = build_plan(sample_inputs(), lang, FIXED_NOW)  # type: ignore[arg-type]
    ics = to_ics(plan)
    assert "\r\n" in ics
    assert str(icalendar.Calendar.from_ical(ics)["method"]) == "PUBLISH"
    parsed = events(ics)
    assert {str(event["uid"]) for event in parsed} == {item_uid(item.id) for item in plan.habits}
    assert len(parsed) == 3
    by_uid = {str(event["uid"]): event for event in parsed}
    devices = by_uid[item_uid("P07.devices_review")]
    assert devices["rrule"]["FREQ"] == ["MONTHLY"] and devices["rrule"]["INTERVAL"] == [3]
    assert devices.decoded("dtstart") == datetime(2026, 12, 30, 10, 0)
    assert devices.decoded("dtstamp") == FIXED_NOW
    (alarm,) = devices.walk("VALARM")
    assert str(alarm["action"]) == "DISPLAY"
    assert alarm.decoded("trigger") == -timedelta(minutes=15)
    # an overdue review starts today, not in the past
    sim = by_uid[item_uid("P12.sim_check")]
    assert sim.decoded("dtstart").date() == date(2026, 11, 27)
    assert sim["rrule"]["INTERVAL"] == [6]
    if lang == "zh":
        assert str(devices["summary"]) == "检查已登录的设备"


def test_uids_are_stable_across_exports_and_changes() -> None:
    first = events(to_ics(build_plan(sample_inputs(), "en", FIXED_NOW)))
    later = build_plan(sample_inputs(), "zh", datetime(2027, 3, 1, tzinfo=UTC))
    second = events(to_ics(later))
    assert sorted(str(event["uid"]) for event in first) == sorted(str(event["uid"]) for event in second)
    assert item_uid("P07.devices_review") == item_uid("P07.devices_review")
    assert item_uid("P07.devices_review") != item_uid("P12.sim_check")


def test_same_clock_same_bytes() -> None:
    assert to_ics(build_plan(sample_inputs(), "en", FIXED_NOW)) == to_ics(build_plan(sample_inputs(), "en", FIXED_NOW))


@pytest.mark.parametrize(
    ("days", "rule"),
    [
        (365, ("yearly", 1)),
        (180, ("monthly", 6)),
        (90, ("monthly", 3)),
        (30, ("monthly", 1)),
        (14, ("weekly", 2)),
        (10, ("daily", 10)),
    ],
)
def test_recurrence(days: int, rule: tuple[str, int]) -> None:
    assert recurrence(days) == {"freq": rule[0], "interval": rule[1]}


def test_recurring_dates_follow_the_rule() -> None:
    from dateutil.rrule import rrulestr

    (event,) = [
        e
        for e in events(to_ics(build_plan(sample_inputs(), "en", FIXED_NOW)))
        if "P05" in str(e["summary"]) or "parcel" in str(e["summary"])
    ]
    rule = rrulestr(event["rrule"].to_ical().decode(), dtstart=event.decoded("dtstart"))
    assert [moment.date() for moment in rule[:3]] == [date(2026, 11, 27), date(2026, 12, 27), date(2027, 1, 27)]

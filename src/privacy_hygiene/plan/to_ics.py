"""Calendar reminders (.ics) for the periodic items of the plan.

One ``VEVENT`` per periodic item with an ``RRULE`` and a ``VALARM`` (calendar apps often ignore
``VTODO`` on import). The UID is derived from the item id alone, so importing a newer export updates
the reminders instead of duplicating them; ``DTSTAMP`` is the plan's own clock, so the output is
reproducible. Events use floating local time (10:00, whatever the time zone of the calendar).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, time, timedelta

import icalendar

from privacy_hygiene import __version__
from privacy_hygiene.i18n import t
from privacy_hygiene.plan.model import Plan, PlanItem
from privacy_hygiene.plan.wording import item_meta
from privacy_hygiene.sanitize import clean

PRODID = f"-//privacy-hygiene//privacy-hygiene {__version__}//EN"
#: a fixed namespace: the UID of an item must never change between versions
UID_NAMESPACE = uuid.UUID("6f1e4c1a-3d0b-5b8e-9a57-2f43b7c1d9e0")
REMINDER_AT = time(10, 0)
REMINDER_LENGTH = timedelta(minutes=30)
ALARM_BEFORE = timedelta(minutes=15)


def item_uid(item_id: str) -> str:
    """The stable UID of an item's reminder."""
    return f"{uuid.uuid5(UID_NAMESPACE, item_id)}@privacy-hygiene"


def recurrence(days: int) -> dict[str, object]:
    """The RRULE for "every ``days`` days", in the calendar's natural unit when there is one."""
    if days % 365 == 0:
        return {"freq": "yearly", "interval": days // 365}
    if days % 30 == 0:
        return {"freq": "monthly", "interval": days // 30}
    if days % 7 == 0:
        return {"freq": "weekly", "interval": days // 7}
    return {"freq": "daily", "interval": days}


def _event(item: PlanItem, plan: Plan, stamp: datetime) -> icalendar.Event:
    assert item.review_every_days and item.due
    lang = plan.lang
    first = max(item.due, plan.generated_at.date())
    start = datetime.combine(first, REMINDER_AT)
    description = "\n".join(
        [item_meta(item, lang), *(f"• {step}" for step in item.steps), "", t("plan.calendar_footer", lang)]
    )
    event = icalendar.Event()
    event.add("uid", item_uid(item.id))
    event.add("dtstamp", stamp)
    event.add("last-modified", stamp)
    event.add("dtstart", start)
    event.add("dtend", start + REMINDER_LENGTH)
    event.add("summary", clean(item.title))
    event.add("description", clean(description, keep_newlines=True))
    event.add("categories", ["privacy-hygiene"])
    event.add("rrule", recurrence(item.review_every_days))
    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", t("plan.calendar_alarm", lang, title=clean(item.title)))
    alarm.add("trigger", -ALARM_BEFORE)
    event.add_component(alarm)
    return event


def to_ics(plan: Plan) -> str:
    """The periodic items as an iCalendar document (CRLF line endings, folded lines)."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    # PUBLISH: a calendar to import (some apps, Outlook among them, expect it on imported files)
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", t("plan.calendar_name", plan.lang))
    stamp = plan.generated_at.astimezone(UTC) if plan.generated_at.tzinfo else plan.generated_at
    for item in plan.habits:
        if item.review_every_days and item.due:
            calendar.add_component(_event(item, plan, stamp))
    result: bytes = calendar.to_ical()
    return result.decode("utf-8")

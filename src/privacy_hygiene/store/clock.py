"""The one clock of the state store and the checklist: UTC, aware, injectable for tests.

``PRIVACY_HYGIENE_NOW`` (an ISO date or date-time, e.g. ``2027-01-15`` or ``2027-01-15T08:00:00Z``)
pins "now" for a whole process, so tests can run the real CLI "a month later" without sleeping.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime

from privacy_hygiene.errors import UsageError

NOW_ENV = "PRIVACY_HYGIENE_NOW"


def parse_instant(text: str) -> datetime:
    """An aware UTC datetime from an ISO date (midnight UTC) or date-time (naive means UTC)."""
    value = text.strip()
    try:
        if len(value) == 10:
            day = date.fromisoformat(value)
            return datetime(day.year, day.month, day.day, tzinfo=UTC)
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise UsageError(f"not an ISO date or date-time: {text!r}") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def now() -> datetime:
    """The current time (UTC, aware, whole microseconds), or ``PRIVACY_HYGIENE_NOW`` when set."""
    pinned = os.environ.get(NOW_ENV)
    if pinned:
        return parse_instant(pinned)
    return datetime.now(UTC)


def to_text(moment: datetime) -> str:
    """How times are stored: ISO 8601 in UTC with microseconds, so text order is time order."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def from_text(text: str) -> datetime:
    """The inverse of :func:`to_text` (also accepts any ISO form :func:`parse_instant` does)."""
    return parse_instant(text)

"""Answers from browser settings: each item names the browser checks that can answer it
(``browser_checks``); the browser inspector reports a state per check and profile, and this turns
them into checklist answers with source ``auto``.

* Across profiles a check takes its *worst* state (one careless profile is enough to leak).
* Across an item's checks: all pass → pass, all fail → fail, a mix → partial; checks the inspector
  could not read (``unknown``) are left out, and an item none of whose checks was read gets no answer.
* An automatic answer never overrides the person's own "not applicable" or a snooze that has not
  ended, and is not written again when the item already has that state (no churn in the history).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime

from privacy_hygiene.checklist.items import Checklist
from privacy_hygiene.checklist.scoring import HabitReport
from privacy_hygiene.checklist.session import record_answers
from privacy_hygiene.errors import UsageError
from privacy_hygiene.store import Answer, Store, StoredState, clock

#: states a browser check may report, best to worst
CHECK_STATES: tuple[str, ...] = ("pass", "partial", "fail", "unknown")
_RANK = {"pass": 0, "partial": 1, "fail": 2}


def worst(states: Iterable[str]) -> str:
    """The worst read state of one check over several profiles (``unknown`` when none was read)."""
    read = [state for state in states if state in _RANK]
    return max(read, key=_RANK.__getitem__) if read else "unknown"


def auto_answers(
    checklist: Checklist, profiles: Iterable[Mapping[str, str]], now: datetime, note: str | None = None
) -> list[Answer]:
    """One ``auto`` answer per item that the checks of the given profiles can decide."""
    per_check: dict[str, list[str]] = {}
    for profile in profiles:
        for check, reported in profile.items():
            if reported not in CHECK_STATES:
                raise UsageError(f"browser check {check!r}: unknown state {reported!r}")
            per_check.setdefault(check, []).append(reported)
    answers = []
    for item in checklist:
        read = [worst(per_check.get(check, ())) for check in item.browser_checks]
        read = [value for value in read if value != "unknown"]
        if not read:
            continue
        state: StoredState = "partial"
        if all(value == "pass" for value in read):
            state = "pass"
        elif all(value == "fail" for value in read):
            state = "fail"
        answers.append(Answer(item.id, state, now, "auto", note))
    return answers


def apply_auto(
    store: Store, checklist: Checklist, profiles: Iterable[Mapping[str, str]], note: str | None = None
) -> tuple[list[Answer], HabitReport | None]:
    """Write the automatic answers that change something; returns them and the new report."""
    now = clock.now()
    current = store.answers()
    written = []
    for answer in auto_answers(checklist, profiles, now, note):
        before = current.get(answer.item_id)
        if before is not None:
            if before.state == "not_applicable" and before.source == "self":
                continue
            if before.state == "snoozed" and before.snooze_until is not None and before.snooze_until > now:
                continue
            if before.state == answer.state:
                continue
        written.append(answer)
    if not written:
        return [], None
    return written, record_answers(store, checklist, written)

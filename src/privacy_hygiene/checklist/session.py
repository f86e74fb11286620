"""The checklist against the state store: read the report, record answers and intake (each change
takes a score snapshot in the same transaction), grade quizzes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime

from privacy_hygiene.catalog.schemas.checklist import Item
from privacy_hygiene.checklist import intake as intake_rules
from privacy_hygiene.checklist.items import Checklist
from privacy_hygiene.checklist.scoring import HabitReport, score
from privacy_hygiene.errors import UsageError
from privacy_hygiene.store import Answer, Store, StoredState, clock

#: what ``--set ID=STATE`` accepts (``snoozed`` takes a date: ``snoozed:2027-01-31``)
STATE_ALIASES: dict[str, StoredState] = {
    "pass": "pass",
    "yes": "pass",
    "partial": "partial",
    "partly": "partial",
    "fail": "fail",
    "no": "fail",
    "unknown": "unknown",
    "not_sure": "unknown",
    "not_applicable": "not_applicable",
    "na": "not_applicable",
    "n/a": "not_applicable",
    "snoozed": "snoozed",
    "snooze": "snoozed",
}


def report(store: Store, checklist: Checklist, now: datetime | None = None) -> HabitReport:
    """The checklist scored from what the store holds now."""
    return score(checklist, store.answers(), store.intake(), now or clock.now())


def record_answers(store: Store, checklist: Checklist, answers: Iterable[Answer]) -> HabitReport:
    """Save answers and a score snapshot together (all or nothing); returns the new report.

    The browser auto-checks use this too, with ``source="auto"``: the latest answer wins.
    """
    batch = list(answers)
    for answer in batch:
        checklist.item(answer.item_id)
    with store.batch():
        store.set_answers(batch)
        result = report(store, checklist)
        store.add_snapshot(result.snapshot())
    return result


def record_intake(store: Store, checklist: Checklist, values: Mapping[str, str]) -> HabitReport:
    """Validate and save intake answers (they change which items apply), with a snapshot."""
    cleaned = dict(intake_rules.normalise(checklist, key, value) for key, value in values.items())
    with store.batch():
        store.set_intake(cleaned)
        result = report(store, checklist)
        store.add_snapshot(result.snapshot())
    return result


def parse_state(text: str, now: datetime) -> tuple[StoredState, datetime | None]:
    """``pass`` / ``partial`` / ``fail`` / ``unknown`` / ``na`` / ``snoozed:YYYY-MM-DD`` → state, snooze date."""
    name, _, rest = text.strip().lower().partition(":")
    state = STATE_ALIASES.get(name)
    if state is None:
        raise UsageError(f"unknown state {text!r} (pass, partial, fail, unknown, not_applicable, snoozed:YYYY-MM-DD)")
    if state != "snoozed":
        if rest:
            raise UsageError(f"only 'snoozed' takes a date, not {name!r}")
        return state, None
    if not rest:
        raise UsageError("snoozed needs a date: snoozed:YYYY-MM-DD")
    until = clock.parse_instant(rest)
    if until <= now:
        raise UsageError(f"the snooze date {rest} is not in the future")
    return state, until


def grade_quiz(item: Item, choice: str, now: datetime) -> Answer:
    """A knowledge item's quiz answered with option ``choice`` (1-based number or letter)."""
    if item.quiz is None:
        raise UsageError(f"{item.id} has no quiz (it is a {item.kind} item); use --set {item.id}=STATE")
    text = choice.strip().lower()
    index = ord(text) - ord("a") if len(text) == 1 and text.isalpha() else int(text) - 1 if text.isdigit() else -1
    if not 0 <= index < len(item.quiz.options):
        raise UsageError(f"{item.id}: choose an option 1–{len(item.quiz.options)}")
    right = index == item.quiz.answer
    return Answer(item.id, "pass" if right else "fail", now, "self", f"quiz: option {index + 1}")

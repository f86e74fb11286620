"""From a stored answer to the state an item is in *now*.

Stored answers are ``pass``, ``partial``, ``fail``, ``unknown``, ``not_applicable`` and
``snoozed`` (until a date). Two states are derived: ``stale`` — a pass on a periodic item whose
review interval has passed (it counts half until re-confirmed) — and the end of a snooze, which
turns the item back into ``unknown``. Items the intake rules out are ``not_applicable``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal, get_args

from privacy_hygiene.catalog.schemas.checklist import Item
from privacy_hygiene.store import Answer

State = Literal["pass", "partial", "fail", "unknown", "not_applicable", "snoozed", "stale"]
STATES: tuple[State, ...] = get_args(State)

#: share of an item's points each state earns; an item's maximum (its weight) never depends on it.
#: ``snoozed`` earns nothing and stays in the denominator, so snoozing cannot raise the score.
VALUE: dict[State, float] = {
    "pass": 1.0,
    "partial": 0.5,
    "stale": 0.5,
    "fail": 0.0,
    "unknown": 0.0,
    "snoozed": 0.0,
}
#: states that count as answered for coverage
ANSWERED: frozenset[State] = frozenset({"pass", "partial", "fail", "stale"})


@dataclass(frozen=True)
class ItemStatus:
    """An item with its current state, the answer behind it and its review date."""

    item: Item
    state: State
    answer: Answer | None = None
    #: for periodic items that were answered: when the answer should be re-checked
    review_at: datetime | None = None
    #: the review date has come (a pass has become ``stale``; a partial or fail is worth re-checking)
    due: bool = False
    #: the intake rules this item out
    ruled_out: bool = False

    @property
    def counted(self) -> bool:
        """Whether the item is part of the score (everything except not applicable)."""
        return self.state != "not_applicable"

    @property
    def answered(self) -> bool:
        return self.state in ANSWERED


def evaluate(item: Item, answer: Answer | None, now: datetime, *, relevant: bool = True) -> ItemStatus:
    """The state of ``item`` at ``now`` given its latest answer and whether the intake keeps it."""
    if not relevant:
        return ItemStatus(item, "not_applicable", answer, ruled_out=True)
    if answer is None:
        return ItemStatus(item, "unknown")
    if answer.state == "snoozed":
        if answer.snooze_until is not None and answer.snooze_until > now:
            return ItemStatus(item, "snoozed", answer)
        return ItemStatus(item, "unknown", answer)
    state: State = answer.state
    if item.review_days is None or state not in ANSWERED:
        return ItemStatus(item, state, answer)
    review_at = answer.at + timedelta(days=item.review_days)
    due = review_at <= now
    if due and state == "pass":
        state = "stale"
    return ItemStatus(item, state, answer, review_at, due)

"""The habit score: 0–100 weighted over the items that apply, with coverage beside it.

* An item's maximum is its ``weight`` (impact 1–5), whatever the answer (Lynis #1368 lesson).
* It earns ``weight × VALUE[state]``: pass 1, partial and stale ½, fail/unknown/snoozed 0.
* Only ``not_applicable`` items (ruled out by the intake or by the person) leave the denominator;
  an unanswered or snoozed item stays in and earns nothing, so skipping cannot raise the score,
  and coverage (answered / applicable items) says how much of the score rests on answers.
* "Why this score": the items costing the most points, in score points.
* Priority (what to do first): ``weight × (1 − value) × (1 + boost)^matches / effort``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from privacy_hygiene.catalog.schemas.checklist import Band
from privacy_hygiene.checklist import intake as intake_rules
from privacy_hygiene.checklist.items import Checklist, round_score
from privacy_hygiene.checklist.states import VALUE, ItemStatus, evaluate
from privacy_hygiene.store import Answer, Snapshot

WHY_COUNT = 5


@dataclass(frozen=True)
class ScoredItem:
    """An item's status with its points and its place in the to-do order."""

    status: ItemStatus
    max_points: int
    points: float
    priority: float

    @property
    def id(self) -> str:
        return self.status.item.id

    @property
    def cost(self) -> float:
        """Points this item keeps from the total (max − earned)."""
        return self.max_points - self.points


@dataclass(frozen=True)
class PrincipleScore:
    """One principle's sub-score (``None`` when none of its items applies)."""

    id: int
    score: float | None
    applicable: int
    answered: int


@dataclass(frozen=True)
class HabitReport:
    """The checklist scored at one moment."""

    at: datetime
    score: float
    coverage: float
    band: Band
    items: tuple[ScoredItem, ...]
    principles: tuple[PrincipleScore, ...]
    max_total: int

    @property
    def rounded(self) -> int:
        return round_score(self.score)

    def states(self) -> dict[str, str]:
        """Item id → current state (what a snapshot keeps for "since last check")."""
        return {entry.id: entry.status.state for entry in self.items}

    def why(self, count: int = WHY_COUNT) -> list[tuple[ScoredItem, float]]:
        """The items costing the most, with what each costs in score points (0–100 scale)."""
        if not self.max_total:
            return []
        costly = sorted((entry for entry in self.items if entry.cost > 0), key=lambda entry: (-entry.cost, entry.id))
        return [(entry, 100 * entry.cost / self.max_total) for entry in costly[:count]]

    def todo(self) -> list[ScoredItem]:
        """Items that can still earn points, most worthwhile first (snoozed ones wait)."""
        open_items = [
            entry for entry in self.items if entry.cost > 0 and entry.status.state not in ("snoozed", "not_applicable")
        ]
        return sorted(open_items, key=lambda entry: (-entry.priority, entry.id))

    def next_step(self) -> ScoredItem | None:
        """ "One thing to do today": the most worthwhile quick item (effort ≤ 2), else the top one."""
        todo = self.todo()
        return next((entry for entry in todo if entry.status.item.effort <= 2), todo[0] if todo else None)

    def due(self) -> list[ScoredItem]:
        """Periodic items whose review date has come."""
        return [entry for entry in self.items if entry.status.due]

    def snapshot(self) -> Snapshot:
        return Snapshot(
            at=self.at,
            score=self.score,
            coverage=self.coverage,
            band=self.band.name,
            principles={entry.id: entry.score for entry in self.principles},
            states=self.states(),
        )


def _ratio(earned: float, possible: int) -> float:
    return 100.0 * earned / possible if possible else 0.0


def score(
    checklist: Checklist, answers: Mapping[str, Answer], raw_intake: Mapping[str, str], now: datetime
) -> HabitReport:
    """Score every item of ``checklist`` from the current answers and intake at ``now``."""
    intake = intake_rules.parse(raw_intake)
    boost = checklist.setup.boost
    scored: list[ScoredItem] = []
    for item in checklist:
        status = evaluate(item, answers.get(item.id), now, relevant=intake_rules.applies(item, intake))
        if not status.counted:
            scored.append(ScoredItem(status, 0, 0.0, 0.0))
            continue
        value = VALUE[status.state]
        factor = (1 + boost) ** intake_rules.boost_count(item, intake)
        priority = item.weight * (1 - value) * factor / item.effort
        scored.append(ScoredItem(status, item.weight, item.weight * value, priority))
    counted = [entry for entry in scored if entry.status.counted]
    max_total = sum(entry.max_points for entry in counted)
    total = _ratio(sum(entry.points for entry in counted), max_total)
    coverage = sum(1 for entry in counted if entry.status.answered) / len(counted) if counted else 0.0
    principles = []
    for principle in range(1, 13):
        mine = [entry for entry in counted if entry.status.item.principle == principle]
        possible = sum(entry.max_points for entry in mine)
        principles.append(
            PrincipleScore(
                id=principle,
                score=_ratio(sum(entry.points for entry in mine), possible) if mine else None,
                applicable=len(mine),
                answered=sum(1 for entry in mine if entry.status.answered),
            )
        )
    return HabitReport(now, total, coverage, checklist.band(total), tuple(scored), tuple(principles), max_total)


@dataclass(frozen=True)
class Change:
    """What changed since a snapshot: the score, and each item whose state differs."""

    since: Snapshot
    delta: float
    items: tuple[tuple[str, str, str], ...]  # (item id, state then, state now)


def diff(previous: Snapshot, report: HabitReport) -> Change:
    """Compare a report with an earlier snapshot."""
    now_states = report.states()
    changed = tuple(
        (item_id, previous.states.get(item_id, "unknown"), state)
        for item_id, state in now_states.items()
        if previous.states.get(item_id, "unknown") != state
    )
    return Change(previous, report.score - previous.score, changed)

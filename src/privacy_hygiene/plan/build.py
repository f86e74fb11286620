"""Build the plan: score, order and split checklist items, and pick the serious audit findings.

Pure: :func:`build_plan` is a function of its inputs, the language and the clock, so a plan made
from an imported backup is the plan that was exported.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta

from privacy_hygiene.i18n import Lang
from privacy_hygiene.models import Severity
from privacy_hygiene.plan.model import (
    ANSWERED_STATES,
    QUICK_EFFORT,
    QUICK_WINS,
    RESTING_STATES,
    STATE_VALUES,
    AuditedSite,
    AuditRecord,
    ItemStatus,
    Plan,
    PlanInputs,
    PlanItem,
    ScoreRow,
    SiteFinding,
)
from privacy_hygiene.sanitize import clean, one_line

#: findings at or above this severity are listed under "Sites you audited"
SERIOUS = Severity.HIGH
#: steps that apply whatever the person uses
ANY_PLATFORM = "any"


def effective_state(item: ItemStatus, today: date) -> str:
    """The item's state, with a pass whose review has expired counted as ``stale``."""
    if (
        item.state == "pass"
        and item.review_every_days
        and item.confirmed_on is not None
        and item.confirmed_on + timedelta(days=item.review_every_days) < today
    ):
        return "stale"
    return item.state


def is_applicable(item: ItemStatus) -> bool:
    """False for items marked not applicable or ruled out by the intake."""
    return item.state != "not_applicable" and item.relevance > 0


def priority(item: ItemStatus, state: str) -> float:
    """weight × (1 − state value) × relevance / effort (0 for items done, snoozed or not applicable)."""
    if state in RESTING_STATES:
        return 0.0
    value = STATE_VALUES.get(state, 1.0)
    return item.weight * (1.0 - value) * item.relevance / max(item.effort, 1)


def steps_for(item: ItemStatus, platforms: frozenset[str] | None, lang: Lang) -> tuple[str, ...]:
    """The item's steps for the person's platforms (all of them when the platforms are unknown)."""
    steps: list[str] = []
    for platform, texts in item.how.items():
        if platforms is None or platform == ANY_PLATFORM or platform in platforms:
            for text in texts:
                line = clean(text.get(lang))
                if line not in steps:
                    steps.append(line)
    return tuple(steps)


def next_due(item: ItemStatus, state: str, today: date) -> date | None:
    """When a periodic item should next be reviewed: after its last confirmation, or today."""
    if not item.review_every_days:
        return None
    if state in ("pass", "partial", "stale") and item.confirmed_on is not None:
        return item.confirmed_on + timedelta(days=item.review_every_days)
    return today


def _plan_item(item: ItemStatus, inputs: PlanInputs, lang: Lang, today: date, details: bool) -> PlanItem:
    state = effective_state(item, today)
    due = next_due(item, state, today)
    return PlanItem(
        id=item.id,
        principle=item.principle,
        title=clean(item.title.get(lang)),
        state=state,
        weight=item.weight,
        effort=item.effort,
        priority=priority(item, state),
        steps=steps_for(item, inputs.platforms, lang),
        review_every_days=item.review_every_days,
        due=due,
        overdue=due is not None and due < today,
        details=tuple(clean(text) for text in item.details) if details else (),
        refs=tuple(one_line(ref, 500) for ref in item.refs),
    )


def _percent(numerator: float, denominator: float) -> int:
    return round(100 * numerator / denominator)


def score_rows(items: Iterable[PlanItem], inputs: PlanInputs, lang: Lang) -> tuple[ScoreRow, ...]:
    """Per-principle sub-scores: Σ(weight × state value) / Σ weight over applicable items."""
    by_principle: dict[int, list[PlanItem]] = {number: [] for number in sorted(inputs.principles)}
    for item in items:
        by_principle.setdefault(item.principle, []).append(item)
    rows = []
    for number, members in sorted(by_principle.items()):
        answered = [item for item in members if item.state in ANSWERED_STATES]
        total = sum(item.weight for item in members)
        earned = sum(item.weight * STATE_VALUES.get(item.state, 0.0) for item in members)
        title = inputs.principles.get(number)
        rows.append(
            ScoreRow(
                principle=number,
                title=title.get(lang) if title else str(number),
                score=_percent(earned, total) if answered and total else None,
                answered=len(answered),
                applicable=len(members),
            )
        )
    return tuple(rows)


def site_of(record: AuditRecord, lang: Lang) -> AuditedSite:
    """An audit as the plan shows it: untrusted text cleaned, only serious findings kept."""
    findings = tuple(
        SiteFinding(
            rule_id=finding.rule_id,
            severity=finding.severity,
            title=clean(finding.title.get(lang)),
            advice=clean(finding.advice.get(lang)),
            if_entered=clean(finding.if_entered.get(lang)) if finding.if_entered else "",
        )
        for finding in sorted(record.findings, key=lambda finding: -_severity_rank(finding.severity))
        if _severity_rank(finding.severity) >= SERIOUS
    )
    return AuditedSite(
        target=one_line(record.target, 300),
        url=one_line(record.url or "", 300),
        title=one_line(record.title, 200),
        audited_at=record.audited_at,
        grade=record.grade,
        score=record.score,
        scam_level=record.scam_level,
        findings=findings,
    )


def _severity_rank(name: str) -> int:
    try:
        return int(Severity.parse(name))
    except KeyError:
        return -1


def build_plan(inputs: PlanInputs, lang: Lang, now: datetime, *, include_details: bool = False) -> Plan:
    """The plan for ``inputs`` in ``lang`` as of ``now`` (pass a fixed clock in tests)."""
    today = now.date()
    items = tuple(
        _plan_item(item, inputs, lang, today, include_details) for item in inputs.items if is_applicable(item)
    )
    ranked = sorted(
        (item for item in items if item.priority > 0),
        key=lambda item: (-item.priority, -item.weight, item.effort, item.id),
    )
    quick = [item for item in ranked if item.effort <= QUICK_EFFORT]
    today_items = tuple(quick[:1])
    quick_wins = tuple(quick[1 : 1 + QUICK_WINS])
    habits = tuple(
        sorted(
            (item for item in items if item.review_every_days and item.state != "snoozed"),
            key=lambda item: (item.due or today, item.id),
        )
    )
    answered = [item for item in items if item.state in ANSWERED_STATES]
    total = sum(item.weight for item in items)
    earned = sum(item.weight * STATE_VALUES.get(item.state, 0.0) for item in items)
    return Plan(
        lang=lang,
        generated_at=now,
        score=_percent(earned, total) if answered and total else None,
        coverage=_percent(len(answered), len(items)) if items else 0,
        principles=score_rows(items, inputs, lang),
        today=today_items,
        quick_wins=quick_wins,
        bigger_jobs=tuple(item for item in ranked if item.effort > QUICK_EFFORT),
        later=tuple(quick[1 + QUICK_WINS :]),
        habits=habits,
        sites=tuple(site_of(record, lang) for record in inputs.audits),
        items=items,
        include_details=include_details,
        state=inputs.state,
    )

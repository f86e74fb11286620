"""Build the plan: order and split the checklist items, and pick the serious audit findings.

The checklist owns states (``stale``, snoozes, the intake ruling items out) and the score; the plan
orders what is left to do. Pure: :func:`build_plan` is a function of its inputs, the language and
the clock, so a plan made from an imported backup is the plan that was exported.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import cast

from privacy_hygiene.checklist.states import ANSWERED, VALUE, State
from privacy_hygiene.i18n import Lang
from privacy_hygiene.models import Severity
from privacy_hygiene.plan.model import (
    QUICK_EFFORT,
    QUICK_WINS,
    RESTING_STATES,
    AuditedSite,
    AuditRecord,
    ItemStatus,
    Plan,
    PlanInputs,
    PlanItem,
    ScoreRow,
    SiteFinding,
)
from privacy_hygiene.plan.wording import COLON
from privacy_hygiene.sanitize import clean, one_line

#: findings at or above this severity are listed under "Sites you audited"
SERIOUS = Severity.HIGH
#: steps that apply whatever the person uses
ANY_PLATFORM = "any"


def is_applicable(item: ItemStatus) -> bool:
    """False for items marked not applicable or ruled out by the intake."""
    return item.state != "not_applicable" and item.relevance > 0


def priority(item: ItemStatus, state: str) -> float:
    """weight × (1 − state value) × relevance / effort (0 for items done, snoozed or not applicable)."""
    if state in RESTING_STATES:
        return 0.0
    value = VALUE.get(cast(State, state), 1.0)
    return item.weight * (1.0 - value) * item.relevance / max(item.effort, 1)


def steps_for(item: ItemStatus, inputs: PlanInputs, lang: Lang) -> tuple[str, ...]:
    """The item's steps for the person's platforms (all when they are unknown), each platform's
    steps led by its name so that several platforms' steps can be told apart."""
    platforms = inputs.platforms
    steps: list[str] = []
    for platform, texts in item.how.items():
        if platforms is not None and platform != ANY_PLATFORM and platform not in platforms:
            continue
        label = inputs.platform_labels.get(platform)
        prefix = "" if platform == ANY_PLATFORM else f"{label.get(lang) if label else platform}{COLON[lang]}"
        for text in texts:
            line = prefix + clean(text.get(lang))
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
    state = item.state
    due = next_due(item, state, today)
    return PlanItem(
        id=item.id,
        principle=item.principle,
        title=clean(item.title.get(lang)),
        state=state,
        weight=item.weight,
        effort=item.effort,
        priority=priority(item, state),
        steps=steps_for(item, inputs, lang),
        review_every_days=item.review_every_days,
        due=due,
        overdue=due is not None and due < today,
        details=tuple(clean(text) for text in item.details) if details else (),
        refs=tuple(one_line(ref, 500) for ref in item.refs),
    )


def score_rows(inputs: PlanInputs, lang: Lang) -> tuple[ScoreRow, ...]:
    """The checklist's per-principle sub-scores with the principles' titles in ``lang``."""
    rows = []
    for entry in inputs.scores.principles:
        title = inputs.principles.get(entry.principle)
        rows.append(
            ScoreRow(
                principle=entry.principle,
                title=title.get(lang) if title else str(entry.principle),
                score=entry.score,
                answered=entry.answered,
                applicable=entry.applicable,
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
    scores = inputs.scores
    answered = any(item.state in ANSWERED for item in items)
    return Plan(
        lang=lang,
        generated_at=now,
        score=scores.score if answered else None,
        coverage=scores.coverage,
        band=scores.band,
        band_label=scores.band_label.get(lang),
        principles=score_rows(inputs, lang),
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

"""Where a plan's inputs come from: the state store, the checklist and the rule catalog.

:func:`load_plan` reads the store once and builds the plan; :func:`restore` validates a backup and
hands it to the store. The privacy rule of exports lives here too: unless details are asked for,
the backup state carries no evidence of automatic checks (saved-login hostnames, profile paths).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from privacy_hygiene.catalog import Catalog, get_catalog
from privacy_hygiene.catalog.schemas.checklist import Item
from privacy_hygiene.checklist.intake import Intake, boost_count, platforms
from privacy_hygiene.checklist.intake import parse as parse_intake
from privacy_hygiene.checklist.items import load_checklist, round_score
from privacy_hygiene.checklist.scoring import HabitReport, ScoredItem
from privacy_hygiene.checklist.session import report
from privacy_hygiene.errors import HeuristicsError
from privacy_hygiene.i18n import Lang, LocalText
from privacy_hygiene.plan.backup import backup_state
from privacy_hygiene.plan.build import ANY_PLATFORM, build_plan
from privacy_hygiene.plan.model import (
    AuditRecord,
    FindingRecord,
    ItemStatus,
    Plan,
    PlanInputs,
    PrincipleScoreInput,
    ScoreSummary,
)
from privacy_hygiene.sanitize import clean
from privacy_hygiene.store import AuditRecord as StoredAudit
from privacy_hygiene.store import Store, clock, open_store

#: how many audited sites the plan lists (the newest audit of each)
RECENT_SITES = 10
_SCAN_AUDITS = 200


def finding_record(rule_id: str, severity: str, catalog: Catalog) -> FindingRecord:
    """A stored (rule id, severity) with its rule's wording, or the bare id for a rule we no longer ship."""
    try:
        rule = catalog.rule(rule_id)
    except HeuristicsError:
        bare = LocalText(zh=rule_id, en=rule_id)
        return FindingRecord(rule_id=rule_id, severity=severity, title=bare, advice=LocalText(zh="", en=""))
    return FindingRecord(
        rule_id=rule_id, severity=severity, title=rule.title, advice=rule.advice, if_entered=rule.if_entered
    )


def recent_sites(audits: list[StoredAudit], catalog: Catalog) -> tuple[AuditRecord, ...]:
    """The newest audit of each of the most recently audited sites."""
    seen: set[str] = set()
    records: list[AuditRecord] = []
    for audit in audits:  # newest first
        key = audit.url or audit.target
        if key in seen:
            continue
        seen.add(key)
        records.append(
            AuditRecord(
                target=audit.target,
                url=audit.url,
                title=audit.title,
                audited_at=audit.at,
                grade=audit.grade,
                score=audit.score,
                scam_level=audit.scam_level,
                findings=tuple(finding_record(rule, severity, catalog) for rule, severity in audit.rules),
            )
        )
        if len(records) == RECENT_SITES:
            break
    return tuple(records)


def private_state(state: Mapping[str, Any], include_details: bool) -> dict[str, Any]:
    """The store's state for an export: every string stripped of control characters, and the notes
    of automatic answers (their evidence: hostnames, profile paths) dropped unless ``include_details``;
    the person's own notes are kept."""
    result: dict[str, Any] = _cleaned(dict(state))
    if not include_details:
        result["answers"] = [
            {**answer, "note": None} if answer.get("source") == "auto" else answer
            for answer in result.get("answers", [])
        ]
    return result


def _cleaned(value: Any) -> Any:
    """``value`` with :func:`clean` applied to every string in it, keys included."""
    if isinstance(value, str):
        # isprintable() is False for every control, format (bidi) and separator character: the
        # fast path keeps a year of history quick to export
        return value if value.isprintable() else clean(value)
    if isinstance(value, dict):
        return {_cleaned(key): _cleaned(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_cleaned(item) for item in value]
    return value


def _steps(item: Item) -> dict[str, tuple[LocalText, ...]]:
    """An item's general steps (under ``any``) and its per-platform steps, as texts in both languages."""
    how: dict[str, tuple[LocalText, ...]] = {}
    if item.steps is not None:
        how[ANY_PLATFORM] = tuple(LocalText(zh=zh, en=en) for zh, en in zip(item.steps.zh, item.steps.en, strict=True))
    for platform, steps in item.how.items():
        how[platform] = tuple(LocalText(zh=zh, en=en) for zh, en in zip(steps.zh, steps.en, strict=True))
    return how


def score_summary(report: HabitReport) -> ScoreSummary:
    """The checklist's scores as the plan shows them (whole numbers, rounded half up)."""
    return ScoreSummary(
        score=report.rounded,
        coverage=round_score(100 * report.coverage),
        band=report.band.name,
        band_label=report.band.label,
        principles=tuple(
            PrincipleScoreInput(
                principle=entry.id,
                score=None if entry.score is None else round_score(entry.score),
                answered=entry.answered,
                applicable=entry.applicable,
            )
            for entry in report.principles
        ),
    )


def item_status(entry: ScoredItem, boost: float, intake: Intake, *, include_details: bool) -> ItemStatus:
    """A scored checklist item as a plan input (the evidence of automatic answers only on request)."""
    item, answer = entry.status.item, entry.status.answer
    evidence = answer.note if answer is not None and answer.source == "auto" and answer.note else None
    return ItemStatus(
        id=item.id,
        principle=item.principle,
        title=item.title,
        weight=item.weight,
        effort=item.effort,
        state=entry.status.state,
        relevance=(1 + boost) ** boost_count(item, intake),
        review_every_days=item.review_days,
        confirmed_on=answer.at.date() if answer is not None and item.review_days else None,
        how=_steps(item),
        details=(evidence,) if evidence and include_details else (),
    )


def plan_inputs(
    store: Store, catalog: Catalog, now: datetime, *, include_details: bool = False, with_state: bool = True
) -> PlanInputs:
    """Everything the plan needs, read from the store and the catalog as of ``now``; the full state
    (for the JSON backup) only ``with_state``."""
    checklist = load_checklist(catalog)
    habit_report = report(store, checklist, now)
    intake = parse_intake(store.intake())
    boost = checklist.setup.boost
    return PlanInputs(
        items=tuple(item_status(entry, boost, intake, include_details=include_details) for entry in habit_report.items),
        principles={number: principle.title for number, principle in catalog.principles.items()},
        scores=score_summary(habit_report),
        audits=recent_sites(store.recent_audits(limit=_SCAN_AUDITS), catalog),
        platforms=platforms(intake),
        platform_labels={option.value: option.label for question in checklist.questions for option in question.options},
        state=private_state(store.export_state(), include_details) if with_state else None,
    )


def load_plan(
    lang: Lang, *, include_details: bool = False, with_state: bool = True, now: datetime | None = None
) -> Plan:
    """The person's plan, now (``PRIVACY_HYGIENE_NOW`` pins the clock); ``with_state=False`` skips
    reading the full history, which only the JSON backup carries."""
    moment = now or clock.now()
    with open_store() as store:
        inputs = plan_inputs(store, get_catalog(), moment, include_details=include_details, with_state=with_state)
    return build_plan(inputs, lang, moment, include_details=include_details)


def restore(document: Mapping[str, Any], *, replace: bool = False, name: str = "backup") -> dict[str, int]:
    """Validate a backup document and merge it into (or, with ``replace``, replace) the store."""
    state = backup_state(document, known_items=load_checklist().by_id, name=name)
    with open_store() as store:
        return store.import_state(state, replace=replace)

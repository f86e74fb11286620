"""Conversions between the store's records and its table rows (and input checks before writing)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING, Any

from privacy_hygiene.errors import UsageError
from privacy_hygiene.sanitize import one_line
from privacy_hygiene.store import clock
from privacy_hygiene.store.records import SOURCES, STORED_STATES, Answer, AuditRecord, Snapshot

if TYPE_CHECKING:
    from privacy_hygiene.models import AuditReport

NOTE_LIMIT = 500


def checked_answer(answer: Answer) -> Answer:
    if answer.state not in STORED_STATES:
        raise UsageError(f"unknown answer state {answer.state!r} (one of {', '.join(STORED_STATES)})")
    if answer.source not in SOURCES:
        raise UsageError(f"unknown answer source {answer.source!r}")
    if not answer.item_id or len(answer.item_id) > 100:
        raise UsageError(f"not an item id: {answer.item_id!r}")
    if answer.state == "snoozed" and answer.snooze_until is None:
        raise UsageError("a snoozed answer needs a date to snooze until")
    note = one_line(answer.note, NOTE_LIMIT) if answer.note else None
    snooze = answer.snooze_until if answer.state == "snoozed" else None
    return Answer(answer.item_id, answer.state, answer.at, answer.source, note or None, snooze)


def answer_row(answer: Answer) -> tuple[object, ...]:
    snooze = clock.to_text(answer.snooze_until) if answer.snooze_until else None
    return (answer.item_id, answer.state, clock.to_text(answer.at), answer.source, answer.note, snooze)


def answer(row: tuple[Any, ...]) -> Answer:
    snooze = clock.from_text(row[5]) if row[5] else None
    return Answer(row[0], row[1], clock.from_text(row[2]), row[3], row[4], snooze)


def snapshot_row(snapshot: Snapshot) -> tuple[object, ...]:
    principles = {str(key): value for key, value in snapshot.principles.items()}
    return (
        clock.to_text(snapshot.at),
        float(snapshot.score),
        float(snapshot.coverage),
        snapshot.band,
        json.dumps(principles, sort_keys=True),
        json.dumps(snapshot.states, sort_keys=True),
    )


def snapshot(row: tuple[Any, ...]) -> Snapshot:
    principles = {int(key): value for key, value in json.loads(row[4]).items()}
    return Snapshot(clock.from_text(row[0]), row[1], row[2], row[3], principles, json.loads(row[5]))


def audit_row(record: AuditRecord) -> tuple[object, ...]:
    rules = json.dumps([list(rule) for rule in record.rules])
    return (
        clock.to_text(record.at),
        record.target,
        record.url,
        record.domain,
        record.title,
        record.grade,
        record.score,
        record.scam_level,
        rules,
    )


def audit(row: tuple[Any, ...]) -> AuditRecord:
    rules = tuple((str(rule), str(severity)) for rule, severity in json.loads(row[8]))
    return AuditRecord(
        target=row[1],
        domain=row[3],
        at=clock.from_text(row[0]),
        url=row[2],
        title=row[4],
        grade=row[5],
        score=row[6],
        scam_level=row[7],
        rules=rules,
    )


def summarise(report: AuditReport, at: datetime) -> AuditRecord:
    from privacy_hygiene.domains import registrable_domain

    url = report.final_url or report.url
    return AuditRecord(
        target=report.target,
        domain=registrable_domain(url) if url else "",
        at=at,
        url=url,
        title=report.title,
        grade=report.grade.letter if report.grade else None,
        score=report.grade.score if report.grade else None,
        scam_level=report.scam_risk.level,
        rules=tuple((finding.rule_id, finding.severity.label) for finding in report.findings),
    )

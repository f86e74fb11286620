"""The checklist as JSON (``checklist --json``; the TUI and plan may reuse it).

::

    {"at", "score": 0..100, "score_exact", "coverage": 0..1, "band", "band_label": {"zh", "en"},
     "principles": [{"id", "score", "title": {"zh", "en"}, "applicable", "answered"}],
     "items": [{"id", "principle", "state", "title": {"zh", "en"}, "weight", "effort", "kind",
                "max_points", "points", "priority", "review_days", "review_at", "due",
                "answered_at", "source", "note", "snooze_until", "browser_checks"}],
     "why": [{"id", "points"}], "due": [id], "next": id | null,
     "since_last": null | {"at", "score", "delta", "changes": [{"id", "from", "to"}]},
     "history": [{"at", "score", "coverage"}], "intake": {key: [values]}}

``score`` is rounded half-up; ``principles[].score`` is ``null`` when none of its items applies.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from privacy_hygiene.checklist.items import Checklist, round_score
from privacy_hygiene.checklist.scoring import Change, HabitReport, ScoredItem
from privacy_hygiene.i18n import LocalText
from privacy_hygiene.store import Snapshot, clock


def _text(text: LocalText) -> dict[str, str]:
    return {"zh": text.zh, "en": text.en}


def _time(moment: datetime | None) -> str | None:
    return clock.to_text(moment) if moment is not None else None


def item_json(entry: ScoredItem) -> dict[str, Any]:
    """One item with its state and points."""
    status, item, answer = entry.status, entry.status.item, entry.status.answer
    return {
        "id": item.id,
        "principle": item.principle,
        "state": status.state,
        "title": _text(item.title),
        "weight": item.weight,
        "effort": item.effort,
        "kind": item.kind,
        "max_points": entry.max_points,
        "points": entry.points,
        "priority": round(entry.priority, 3),
        "review_days": item.review_days,
        "review_at": _time(status.review_at),
        "due": status.due,
        "answered_at": _time(answer.at) if answer else None,
        "source": answer.source if answer else None,
        "note": answer.note if answer else None,
        "snooze_until": _time(answer.snooze_until) if answer else None,
        "browser_checks": list(item.browser_checks),
    }


def change_json(change: Change | None) -> dict[str, Any] | None:
    if change is None:
        return None
    return {
        "at": clock.to_text(change.since.at),
        "score": round_score(change.since.score),
        "delta": round(change.delta, 1),
        "changes": [{"id": item_id, "from": old, "to": new} for item_id, old, new in change.items],
    }


def report_json(
    checklist: Checklist,
    report: HabitReport,
    *,
    items: Iterable[ScoredItem] | None = None,
    change: Change | None = None,
    history: Iterable[Snapshot] = (),
    intake: Mapping[str, frozenset[str]] | None = None,
) -> dict[str, Any]:
    """The whole report; ``items`` narrows the item list (filters), never the scores."""
    from privacy_hygiene.catalog import get_catalog

    principles = get_catalog().principles
    next_step = report.next_step()
    return {
        "at": clock.to_text(report.at),
        "score": report.rounded,
        "score_exact": round(report.score, 2),
        "coverage": round(report.coverage, 3),
        "band": report.band.name,
        "band_label": _text(report.band.label),
        "principles": [
            {
                "id": entry.id,
                "score": None if entry.score is None else round_score(entry.score),
                "title": _text(principles[entry.id].title),
                "applicable": entry.applicable,
                "answered": entry.answered,
            }
            for entry in report.principles
        ],
        "items": [item_json(entry) for entry in (report.items if items is None else items)],
        "why": [{"id": entry.id, "points": round(points, 1)} for entry, points in report.why()],
        "due": [entry.id for entry in report.due()],
        "next": next_step.id if next_step else None,
        "since_last": change_json(change),
        "history": [
            {"at": clock.to_text(snap.at), "score": round_score(snap.score), "coverage": round(snap.coverage, 3)}
            for snap in history
        ],
        "intake": {key: sorted(values) for key, values in (intake or {}).items()},
        "items_total": len(checklist),
    }

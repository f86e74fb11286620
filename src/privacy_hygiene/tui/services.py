"""The app's only door to the engine. Called from thread workers, never from the event loop.

Heavy modules (httpx, bs4, the analyzers) are imported here lazily, inside the worker that needs
them, so the first dashboard draws without them.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from privacy_hygiene.errors import PrivacyHygieneError, UsageError
from privacy_hygiene.i18n import Lang, LocalText

if TYPE_CHECKING:
    from datetime import datetime
    from pathlib import Path

    from privacy_hygiene.browser import ProfileReport
    from privacy_hygiene.checklist import Checklist, HabitReport
    from privacy_hygiene.models import AuditReport
    from privacy_hygiene.plan.model import Plan
    from privacy_hygiene.store import Answer, AuditRecord, Store, StoredState

log = logging.getLogger(__name__)


def split_targets(text: str) -> list[str]:
    """The targets typed in the audit box: whitespace-separated, duplicates dropped, order kept."""
    return list(dict.fromkeys(text.split()))


def audit_one(spec: str) -> AuditReport:
    """Audit one URL or saved page; any failure becomes a report carrying ``error``, so one bad
    target never stops the rest of a batch. The store's audit history feeds "first seen today"."""
    import sqlite3

    from privacy_hygiene.engine.audit import AuditOptions, StoreHistory, audit_target
    from privacy_hygiene.engine.targets import parse_target
    from privacy_hygiene.models import AuditReport, ReportError
    from privacy_hygiene.store import open_store

    try:
        target = parse_target(spec)
    except UsageError as exc:
        local = getattr(exc, "local", None)
        return AuditReport(target=spec, error=ReportError(kind=exc.kind, message=str(exc), local=local))
    try:
        store = open_store()
    except (PrivacyHygieneError, OSError, sqlite3.Error):
        store = None  # an unusable store only skips the history check
    try:
        options = AuditOptions(
            history=StoreHistory(store) if store is not None else None,
            brands=tuple(store.brands()) if store is not None else (),
        )
        return audit_target(target, options=options)
    except Exception as exc:  # a bug below must not sink the batch; the log keeps the traceback
        log.exception("audit of %s failed", spec)
        return AuditReport(target=spec, error=ReportError(kind="internal", message=f"{type(exc).__name__}: {exc}"))
    finally:
        if store is not None:
            store.close()


def record_audit(report: AuditReport) -> None:
    """Remember a finished audit (history, "first seen", the dashboard and the plan)."""
    from privacy_hygiene.store import open_store

    if report.error is None:
        with open_store() as store:
            store.record_audit(report)


def load_settings() -> dict[str, str]:
    """The saved settings (``language``, ``theme``)."""
    from privacy_hygiene.store import open_store

    with open_store() as store:
        return store.settings()


def save_setting(key: str, value: str) -> None:
    """Save one setting."""
    from privacy_hygiene.store import open_store

    with open_store() as store:
        store.set_setting(key, value)


@dataclass(frozen=True)
class HabitView:
    """The checklist as scored now, with what the screens need around it."""

    checklist: Checklist
    report: HabitReport
    intake: dict[str, str]
    #: every answer ever given, oldest first (the detail pane shows an item's history)
    history: list[Answer] = field(default_factory=list)
    #: past scores, oldest first (the trend sparkline)
    trend: list[float] = field(default_factory=list)

    @property
    def needs_intake(self) -> bool:
        """True on first run: no intake answered and no item answered yet."""
        return not self.intake and not self.history


@dataclass(frozen=True)
class DashboardData:
    """What the dashboard shows, read in one go."""

    habits: HabitView | None = None
    audits: list[AuditRecord] = field(default_factory=list)
    #: principle id → its title (the bars' labels)
    principles: dict[int, LocalText] = field(default_factory=dict)


def _habits(store: Store) -> HabitView:
    from privacy_hygiene.checklist import load_checklist, report

    checklist = load_checklist()
    return HabitView(
        checklist=checklist,
        report=report(store, checklist),
        intake=store.intake(),
        history=store.answer_history(),
        trend=[snapshot.score for snapshot in store.snapshots(limit=30)],
    )


def load_dashboard() -> DashboardData:
    """The habit score, its trend and the recent audits."""
    from privacy_hygiene.catalog import get_catalog
    from privacy_hygiene.store import open_store

    titles = {number: principle.title for number, principle in get_catalog().principles.items()}
    with open_store() as store:
        return DashboardData(habits=_habits(store), audits=store.recent_audits(limit=6), principles=titles)


def load_habits() -> HabitView:
    """The checklist scored from the store."""
    from privacy_hygiene.store import open_store

    with open_store() as store:
        return _habits(store)


def answer_item(item_id: str, state: StoredState, *, snooze_until: datetime | None = None) -> None:
    """Save the person's answer to one item (with a score snapshot)."""
    from privacy_hygiene.checklist import load_checklist, record_answers
    from privacy_hygiene.store import Answer, clock, open_store

    with open_store() as store:
        answer = Answer(item_id, state, clock.now(), "self", snooze_until=snooze_until)
        record_answers(store, load_checklist(), [answer])


def answer_quiz(item_id: str, choice: int) -> None:
    """Grade a knowledge item's quiz (``choice`` is 1-based) and save the result."""
    from privacy_hygiene.checklist import grade_quiz, load_checklist, record_answers
    from privacy_hygiene.store import clock, open_store

    checklist = load_checklist()
    with open_store() as store:
        record_answers(store, checklist, [grade_quiz(checklist.item(item_id), str(choice), clock.now())])


def save_intake(values: dict[str, str]) -> None:
    """Save the intake answers (they decide which items apply)."""
    from privacy_hygiene.checklist import load_checklist, record_intake
    from privacy_hygiene.store import open_store

    with open_store() as store:
        record_intake(store, load_checklist(), values)


@dataclass(frozen=True)
class BrowserView:
    """The inspected profiles and each check's title (by check id)."""

    reports: list[ProfileReport]
    titles: dict[str, LocalText]
    #: check id → the checklist items it answers
    answered_by: dict[str, tuple[str, ...]] = field(default_factory=dict)


def inspect_browsers(folders: Sequence[Path] = ()) -> BrowserView:
    """Inspect the profiles in ``folders`` (profile folders or browser roots), else every one found."""
    from privacy_hygiene.browser import discover, inspect_all, profiles_at
    from privacy_hygiene.browser.apply import items_answered_by
    from privacy_hygiene.browser.data import browser_data

    profiles = [profile for folder in folders for profile in profiles_at(folder)] if folders else discover()
    titles: dict[str, LocalText] = {check.id: check.title for check in browser_data().checks}
    return BrowserView(reports=inspect_all(profiles), titles=titles, answered_by=items_answered_by())


def apply_browser_answers(reports: list[ProfileReport]) -> int:
    """Write the profiles' automatic answers into the checklist (source ``auto``); how many changed.

    The browser companion's own ``--apply`` path: the checklist's rules decide (worst state across
    profiles, the person's "not applicable" and snoozes respected, unchanged answers not rewritten).
    """
    from privacy_hygiene.browser.apply import apply_answers

    return len(apply_answers(reports).answers)


def load_plan(lang: Lang) -> Plan:
    """The person's action plan, now."""
    from privacy_hygiene.plan.source import load_plan as build

    return build(lang)


def export_plan(lang: Lang, format_name: str, path: Path, *, force: bool = False) -> Path:
    """Write the plan in ``format_name`` to ``path`` (atomically; an existing file only with ``force``)."""
    from privacy_hygiene.plan.atomic import write_atomic
    from privacy_hygiene.plan.exporters import EXPORTERS

    target = path.expanduser()
    text = EXPORTERS[format_name].render(load_plan(lang))
    write_atomic(target, text.encode("utf-8"), force=force, lang=lang)
    return target

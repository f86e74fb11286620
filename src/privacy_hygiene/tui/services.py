"""The app's only door to the engine. Called from thread workers, never from the event loop.

Heavy modules (httpx, bs4, the analyzers) are imported here lazily, inside the worker that needs
them, so the first dashboard draws without them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from privacy_hygiene.errors import UsageError
from privacy_hygiene.i18n import LocalText
from privacy_hygiene.models import AuditReport, ReportError

if TYPE_CHECKING:
    from pathlib import Path

    from privacy_hygiene.browser import ProfileReport
    from privacy_hygiene.store import AuditRecord


def split_targets(text: str) -> list[str]:
    """The targets typed in the audit box: whitespace-separated, duplicates dropped, order kept."""
    return list(dict.fromkeys(text.split()))


def audit_one(spec: str) -> AuditReport:
    """Audit one URL or saved page; any failure becomes a report carrying ``error``."""
    from privacy_hygiene.engine.audit import audit_target
    from privacy_hygiene.engine.targets import parse_target

    try:
        target = parse_target(spec)
    except UsageError as exc:
        return AuditReport(target=spec, error=ReportError(kind=exc.kind, message=str(exc)))
    return audit_target(target)


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
class DashboardData:
    """What the dashboard shows, read in one go."""

    audits: list[AuditRecord] = field(default_factory=list)


def load_dashboard() -> DashboardData:
    """Recent audits (and, when the checklist is part of this version, the habit score)."""
    from privacy_hygiene.store import open_store

    with open_store() as store:
        return DashboardData(audits=store.recent_audits(limit=6))


@dataclass(frozen=True)
class BrowserView:
    """The inspected profiles and each check's title (by check id)."""

    reports: list[ProfileReport]
    titles: dict[str, LocalText]


def inspect_browsers(folders: Sequence[Path] = ()) -> BrowserView:
    """Inspect the profiles in ``folders`` (profile folders or browser roots), else every one found."""
    from privacy_hygiene.browser import discover, inspect_all, profiles_at
    from privacy_hygiene.browser.data import browser_data

    profiles = [profile for folder in folders for profile in profiles_at(folder)] if folders else discover()
    titles: dict[str, LocalText] = {check.id: check.title for check in browser_data().checks}
    return BrowserView(reports=inspect_all(profiles), titles=titles)


def apply_browser_answers(reports: list[ProfileReport]) -> int:
    """Write the profiles' automatic answers into the checklist (source ``auto``); how many were written."""
    from privacy_hygiene.browser.apply import apply_answers

    return apply_answers(reports)

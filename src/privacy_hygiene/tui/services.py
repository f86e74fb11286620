"""The app's only door to the engine. Called from thread workers, never from the event loop.

Heavy modules (httpx, bs4, the analyzers) are imported here lazily, inside the worker that needs
them, so the first dashboard draws without them.
"""

from __future__ import annotations

from privacy_hygiene.errors import UsageError
from privacy_hygiene.models import AuditReport, ReportError


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

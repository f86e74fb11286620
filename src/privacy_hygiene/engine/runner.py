"""Run the analyzers over a page, each isolated: a crash becomes a diagnostic, never a failed audit.

Findings are de-duplicated (same rule, same evidence) and sorted by severity, then principle.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence

from privacy_hygiene.analyzers.base import AnalysisContext, Analyzer, AuditHistory
from privacy_hygiene.catalog import Catalog
from privacy_hygiene.models import Finding, Page

log = logging.getLogger(__name__)


def sort_findings(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """De-duplicate on (rule, evidence) and order: worst severity first, then principle, then rule."""
    unique: dict[tuple[str, tuple[object, ...]], Finding] = {}
    for item in findings:
        key = (item.rule_id, tuple((e.kind, e.locator) for e in item.evidence))
        kept = unique.get(key)
        if kept is None or item.severity > kept.severity:
            unique[key] = item
    return tuple(sorted(unique.values(), key=lambda f: (-int(f.severity), f.principle, f.rule_id)))


def run_analyzers(
    page: Page,
    catalog: Catalog,
    analyzers: Sequence[Analyzer],
    *,
    should_cancel: Callable[[], bool] = lambda: False,
    history: AuditHistory | None = None,
    brands: tuple[str, ...] = (),
) -> tuple[tuple[Finding, ...], tuple[str, ...], AnalysisContext]:
    """All findings for ``page`` (sorted), the diagnostics of analyzers that failed, and the context."""
    ctx = AnalysisContext(page, catalog, history, brands)
    findings: list[Finding] = []
    diagnostics: list[str] = []
    for analyzer in analyzers:
        if should_cancel():
            diagnostics.append("cancelled")
            break
        try:
            findings.extend(analyzer.analyze(page, ctx))
        except Exception as exc:  # isolation is the point: one analyzer must not sink the audit
            log.exception("analyzer %s failed on %s", analyzer.id, page.target)
            diagnostics.append(f"{analyzer.id}: {type(exc).__name__}: {exc}")
    return sort_findings(findings), tuple(diagnostics), ctx

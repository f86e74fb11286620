"""Audit targets end to end: load or fetch, analyze, score → :class:`AuditReport`.

Errors never escape as tracebacks: a target that cannot be loaded becomes a report with ``error``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from privacy_hygiene.analyzers import ANALYZERS, Analyzer
from privacy_hygiene.analyzers.base import AuditHistory
from privacy_hygiene.catalog import Catalog, get_catalog
from privacy_hygiene.engine import scoring
from privacy_hygiene.engine.fetch import FetchOptions
from privacy_hygiene.engine.runner import run_analyzers
from privacy_hygiene.engine.targets import Target
from privacy_hygiene.errors import PrivacyHygieneError, UsageError
from privacy_hygiene.models import AuditReport, Page, ReportError

if TYPE_CHECKING:
    from privacy_hygiene.store import Store


@dataclass(frozen=True)
class AuditOptions:
    """How to audit: fetch limits and trust, and which analyzers run."""

    fetch: FetchOptions = field(default_factory=FetchOptions)
    analyzers: Sequence[Analyzer] = ANALYZERS
    #: the audit history (the store) for "first seen today"; ``None`` skips that check
    history: AuditHistory | None = None


class StoreHistory:
    """The audit history kept by the state store: a site was "seen before" when its first recorded
    audit happened on an earlier (UTC) day than today by the store's clock."""

    def __init__(self, store: Store) -> None:
        from privacy_hygiene.store import clock

        self._store = store
        self._today = clock.now().date()

    def seen_before(self, site: str) -> bool:
        first = self._store.first_seen(site)
        return first is not None and first.date() < self._today


def load_target(target: Target, options: AuditOptions) -> Page:
    """The page of a target: read from disk or fetched."""
    if target.path is not None:
        from privacy_hygiene.engine.load import load_file

        page = load_file(target.path, as_url=target.as_url, max_bytes=options.fetch.max_bytes)
    else:
        assert target.url is not None
        from privacy_hygiene.engine.fetch import fetch

        page = fetch(target.url, options.fetch)
    return page if page.target == target.spec else _with_target(page, target.spec)


def _with_target(page: Page, spec: str) -> Page:
    from dataclasses import replace

    return replace(page, target=spec)


def audit_page(
    page: Page,
    *,
    catalog: Catalog | None = None,
    options: AuditOptions | None = None,
    should_cancel: Callable[[], bool] = lambda: False,
) -> AuditReport:
    """Analyze and score an already loaded page."""
    catalog = catalog or get_catalog()
    options = options or AuditOptions()
    findings, diagnostics, ctx = run_analyzers(
        page, catalog, options.analyzers, should_cancel=should_cancel, history=options.history
    )
    try:
        forms = ctx.forms
    except Exception as exc:  # the form analysis is shared; its failure must not sink the report
        forms = ()
        diagnostics = (*diagnostics, f"forms: {type(exc).__name__}: {exc}")
    return AuditReport(
        target=page.target,
        url=page.url,
        final_url=page.final_url,
        status=page.status,
        title=page.title if page.is_html else "",
        lang=page.lang if page.is_html else "",
        grade=scoring.grade(findings, catalog.scoring),
        scam_risk=scoring.scam_risk(findings, catalog.scoring),
        findings=findings,
        forms=forms,
        redirects=page.redirects,
        notes=page.notes,
        diagnostics=diagnostics,
    )


def audit_target(
    target: Target | UsageError, *, catalog: Catalog | None = None, options: AuditOptions | None = None
) -> AuditReport:
    """Audit one target; failures become a report carrying ``error``."""
    options = options or AuditOptions()
    if isinstance(target, UsageError):
        spec = getattr(target, "spec", "")
        return AuditReport(target=spec, error=ReportError(kind=target.kind, message=str(target)))
    try:
        page = load_target(target, options)
    except PrivacyHygieneError as exc:
        return AuditReport(
            target=target.spec,
            url=target.url or target.as_url,
            error=ReportError(kind=exc.kind, message=str(exc)),
        )
    return audit_page(page, catalog=catalog, options=options)


def audit_many(
    targets: Sequence[Target | UsageError],
    *,
    catalog: Catalog | None = None,
    options: AuditOptions | None = None,
    concurrency: int = 8,
) -> list[AuditReport]:
    """Audit several targets, ``concurrency`` at a time; results in input order."""
    if len(targets) <= 1 or concurrency <= 1:
        return [audit_target(item, catalog=catalog, options=options) for item in targets]
    from concurrent.futures import ThreadPoolExecutor

    catalog = catalog or get_catalog()
    with ThreadPoolExecutor(max_workers=min(concurrency, len(targets))) as pool:
        return list(pool.map(lambda item: audit_target(item, catalog=catalog, options=options), targets))

"""Audit targets end to end: load or fetch, analyze, score → :class:`AuditReport`.

Errors never escape as tracebacks: a target that cannot be loaded becomes a report with ``error``.
Batches run on one event loop: one shared connection pool, a semaphore of ``concurrency`` around
each target (fetch and analysis), analysis in worker threads; results come back in input order.
Ctrl-C stops the batch and raises :class:`AuditInterrupted` carrying the reports finished so far.
"""

from __future__ import annotations

import asyncio
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import AsyncExitStack
from dataclasses import dataclass, field, replace
from functools import partial
from typing import TYPE_CHECKING

from privacy_hygiene.analyzers import ANALYZERS, Analyzer
from privacy_hygiene.analyzers.base import AuditHistory
from privacy_hygiene.catalog import Catalog, get_catalog
from privacy_hygiene.engine import scoring
from privacy_hygiene.engine.fetch import FetchOptions, run_blocking
from privacy_hygiene.engine.runner import run_analyzers
from privacy_hygiene.engine.targets import Target
from privacy_hygiene.errors import PrivacyHygieneError, UsageError
from privacy_hygiene.i18n import both
from privacy_hygiene.models import AuditReport, Page, ReportError

#: analyses running at once, whatever the core count (bounds the parsed trees held in memory)
MAX_ANALYSIS_THREADS = 4
#: called with (input index, report) as each target finishes, on the caller's thread
OnDone = Callable[[int, AuditReport], None]

if TYPE_CHECKING:
    from privacy_hygiene.store import Store


@dataclass(frozen=True)
class AuditOptions:
    """How to audit: fetch limits and trust, and which analyzers run."""

    fetch: FetchOptions = field(default_factory=FetchOptions)
    analyzers: Sequence[Analyzer] = ANALYZERS
    #: the audit history (the store) for "first seen today"; ``None`` skips that check
    history: AuditHistory | None = None
    #: the person's own protected brands (registrable domains, from the store), added to the catalog's
    brands: tuple[str, ...] = ()


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


class AuditInterrupted(KeyboardInterrupt):
    """Ctrl-C during a batch: ``reports`` holds every target in input order, unfinished ones
    carrying an ``interrupted`` error."""

    def __init__(self, reports: list[AuditReport]) -> None:
        super().__init__("interrupted")
        self.reports = reports


def load_target(target: Target, options: AuditOptions) -> Page:
    """The page of a target: read from disk or fetched."""
    if target.path is not None:
        from privacy_hygiene.engine.load import load_file

        page = load_file(target.path, as_url=target.as_url, max_bytes=options.fetch.max_bytes)
    else:
        assert target.url is not None
        from privacy_hygiene.engine.fetch import fetch

        page = fetch(target.url, options.fetch)
    return page if page.target == target.spec else replace(page, target=target.spec)


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
        page, catalog, options.analyzers, should_cancel=should_cancel, history=options.history, brands=options.brands
    )
    try:
        forms = ctx.forms if page.is_html else ()
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
        content_checked=page.is_html,
    )


def error_report(target: Target | UsageError, exc: PrivacyHygieneError) -> AuditReport:
    """The report of a target that could not be audited: the error, and the redirects followed."""
    spec = target.spec if isinstance(target, Target) else str(getattr(target, "spec", ""))
    url = (target.url or target.as_url) if isinstance(target, Target) else None
    return AuditReport(
        target=spec,
        url=url,
        redirects=tuple(getattr(exc, "redirects", ())),
        error=ReportError(kind=exc.kind, message=str(exc), local=getattr(exc, "local", None)),
    )


def interrupted_report(target: Target | UsageError) -> AuditReport:
    """The report of a target the batch never finished."""
    report = error_report(target, PrivacyHygieneError())
    local = both("fetch.interrupted")
    return replace(report, error=ReportError(kind="interrupted", message=local.en, local=local))


def audit_target(
    target: Target | UsageError, *, catalog: Catalog | None = None, options: AuditOptions | None = None
) -> AuditReport:
    """Audit one target; failures become a report carrying ``error``."""
    options = options or AuditOptions()
    if isinstance(target, UsageError):
        return error_report(target, target)
    try:
        page = load_target(target, options)
    except PrivacyHygieneError as exc:
        return error_report(target, exc)
    return audit_page(page, catalog=catalog, options=options)


def audit_many(
    targets: Sequence[Target | UsageError],
    *,
    catalog: Catalog | None = None,
    options: AuditOptions | None = None,
    concurrency: int = 8,
    on_done: OnDone | None = None,
) -> list[AuditReport]:
    """Audit several targets, ``concurrency`` at a time; results in input order.

    Raises :class:`AuditInterrupted` (with the reports so far) on Ctrl-C.
    """
    finished: dict[int, AuditReport] = {}
    cancel = threading.Event()

    def record(index: int, report: AuditReport) -> None:
        finished[index] = report
        if on_done is not None:
            on_done(index, report)

    try:
        return run_blocking(
            lambda: audit_many_async(
                targets, catalog=catalog, options=options, concurrency=concurrency, on_done=record, cancel=cancel
            )
        )
    except KeyboardInterrupt:
        cancel.set()
        reports = [finished.get(index) or interrupted_report(item) for index, item in enumerate(targets)]
        raise AuditInterrupted(reports) from None


async def audit_many_async(
    targets: Sequence[Target | UsageError],
    *,
    catalog: Catalog | None = None,
    options: AuditOptions | None = None,
    concurrency: int = 8,
    on_done: OnDone | None = None,
    cancel: threading.Event | None = None,
) -> list[AuditReport]:
    """The batch on the running event loop (see :func:`audit_many`)."""
    from privacy_hygiene.engine.fetch import Fetcher

    catalog = catalog or get_catalog()
    options = options or AuditOptions()
    cancel = cancel or threading.Event()
    concurrency = max(1, concurrency)
    reports: list[AuditReport | None] = [None] * len(targets)
    semaphore = asyncio.Semaphore(concurrency)
    # analysis is CPU-bound and mostly holds the GIL: more threads than cores only adds contention,
    # and each running analysis holds a parsed tree (up to ~50 MB for a hostile page)
    workers = min(concurrency, os.cpu_count() or 1, MAX_ANALYSIS_THREADS)
    executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="audit")
    loop = asyncio.get_running_loop()
    fetcher: Fetcher | None = None
    fetcher_error: PrivacyHygieneError | None = None

    def finish(index: int, report: AuditReport) -> None:
        reports[index] = report
        if on_done is not None:
            on_done(index, report)

    async def one(index: int, target: Target | UsageError) -> None:
        async with semaphore:
            if isinstance(target, UsageError):
                finish(index, error_report(target, target))
                return
            try:
                if target.path is not None:
                    page = await loop.run_in_executor(executor, load_target, target, options)
                elif fetcher is None:
                    raise fetcher_error or PrivacyHygieneError("no fetcher")
                else:
                    assert target.url is not None
                    page = replace(await fetcher.fetch(target.url), target=target.spec)
            except PrivacyHygieneError as exc:
                finish(index, error_report(target, exc))
                return
            except Exception as exc:  # a bug must cost one target, not the batch
                finish(index, error_report(target, PrivacyHygieneError(f"{type(exc).__name__}: {exc}")))
                return
            analyse = partial(audit_page, page, catalog=catalog, options=options, should_cancel=cancel.is_set)
            finish(index, await loop.run_in_executor(executor, analyse))

    try:
        async with AsyncExitStack() as stack:
            if any(isinstance(item, Target) and item.url for item in targets):
                try:
                    fetcher = await stack.enter_async_context(Fetcher(options.fetch, max_connections=concurrency))
                except PrivacyHygieneError as exc:  # bad proxy or CA settings: every URL reports it
                    fetcher_error = exc
            await asyncio.gather(*(one(index, item) for index, item in enumerate(targets)))
    finally:
        cancel.set()
        executor.shutdown(wait=False, cancel_futures=True)
    return [report if report is not None else interrupted_report(targets[i]) for i, report in enumerate(reports)]

"""The analyzer contract and the context every analyzer receives.

An analyzer is a class with ``id``, the ``rules`` it may emit and ``analyze(page, ctx)``, which
yields findings. Analyzers are pure: no I/O, no globals; everything arrives in the :class:`Page`
and the :class:`AnalysisContext` (the catalog and facts shared between analyzers, computed once).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar, Protocol

from privacy_hygiene.catalog import Catalog
from privacy_hygiene.i18n import LocalText
from privacy_hygiene.models import Confidence, Evidence, Finding, FormInfo, Page, Severity

if TYPE_CHECKING:
    from privacy_hygiene.lookalike import Detector
    from privacy_hygiene.signals.fields import FormAsk


class Analyzer(Protocol):
    """What the runner needs of an analyzer."""

    id: ClassVar[str]
    rules: ClassVar[tuple[str, ...]]

    def analyze(self, page: Page, ctx: AnalysisContext) -> Iterable[Finding]:
        """Yield the findings for ``page``."""
        ...


class AuditHistory(Protocol):
    """What the audit history (the store) tells analyzers about earlier audits."""

    def seen_before(self, site: str) -> bool:
        """True when ``site`` (a registrable domain) was audited on an earlier day than today."""
        ...


class AnalysisContext:
    """The catalog plus facts about the page that several analyzers use, each computed once.

    ``history`` is the audit history when the caller has one (``None``: checks that need it are skipped);
    ``brands`` the registrable domains the person protects on top of the catalog's (the store's).
    """

    def __init__(
        self, page: Page, catalog: Catalog, history: AuditHistory | None = None, brands: tuple[str, ...] = ()
    ) -> None:
        self.page = page
        self.catalog = catalog
        self.history = history
        self.brands = brands

    @functools.cached_property
    def detector(self) -> Detector:
        """Lookalike verdicts against the catalog's brands and the person's own."""
        from privacy_hygiene.lookalike import Detector

        return Detector(self.catalog, self.brands)

    @functools.cached_property
    def forms(self) -> tuple[FormInfo, ...]:
        """The page's forms, classified (purpose, field kinds, required, unneeded)."""
        from privacy_hygiene.forms import analyze_forms

        return analyze_forms(self.page, self.catalog)

    @functools.cached_property
    def asks(self) -> tuple[FormAsk, ...]:
        """What each form, and the inputs outside any form, asks for (see ``signals.fields``)."""
        from privacy_hygiene.signals.fields import read_asks

        return read_asks(self)

    def finding(
        self,
        rule_id: str,
        evidence: Iterable[Evidence] = (),
        *,
        severity: Severity | None = None,
        confidence: Confidence | None = None,
        title: LocalText | None = None,
        advice: LocalText | None = None,
        scam_points: int | None = None,
    ) -> Finding:
        """A finding of ``rule_id`` with the rule's wording; severity etc. may be overridden."""
        rule = self.catalog.rule(rule_id)
        return Finding(
            rule_id=rule.id,
            category=rule.category,
            severity=severity if severity is not None else Severity.parse(rule.severity),
            confidence=confidence if confidence is not None else Confidence.parse(rule.confidence),
            principle=rule.principle,
            title=title or rule.title,
            advice=advice or rule.advice,
            evidence=tuple(evidence),
            scam_points=rule.scam_points if scam_points is None else scam_points,
            scam_family=rule.scam_family,
            if_entered=rule.if_entered,
        )

"""Brand impersonation: the page names a brand it does not belong to (brand-impersonation).

Principle(s) 1. Rules: none yet (this analyzer is being built; see the open issue).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from privacy_hygiene.analyzers.base import AnalysisContext
from privacy_hygiene.models import Finding, Page


class BrandAnalyzer:
    """Brand impersonation: the page names a brand it does not belong to (brand-impersonation)."""

    id: ClassVar[str] = "brand"
    rules: ClassVar[tuple[str, ...]] = ()

    def analyze(self, page: Page, ctx: AnalysisContext) -> Iterator[Finding]:
        return iter(())

"""Site care: security headers, cookie flags and mixed content (site-care).

Principle(s) 6. Rules: none yet (this analyzer is being built; see the open issue).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from privacy_hygiene.analyzers.base import AnalysisContext
from privacy_hygiene.models import Finding, Page


class SiteCareAnalyzer:
    """Site care: security headers, cookie flags and mixed content (site-care)."""

    id: ClassVar[str] = "site_care"
    rules: ClassVar[tuple[str, ...]] = ()

    def analyze(self, page: Page, ctx: AnalysisContext) -> Iterator[Finding]:
        return iter(())

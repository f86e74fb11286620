"""Forms: required fields a form has no business asking for (unneeded-data).

Principle(s) 2. Rules: none yet (this analyzer is being built; see the open issue).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from privacy_hygiene.analyzers.base import AnalysisContext
from privacy_hygiene.models import Finding, Page


class FormsAnalyzer:
    """Forms: required fields a form has no business asking for (unneeded-data)."""

    id: ClassVar[str] = "forms"
    rules: ClassVar[tuple[str, ...]] = ()

    def analyze(self, page: Page, ctx: AnalysisContext) -> Iterator[Finding]:
        return iter(())

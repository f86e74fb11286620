"""Content: fortune-telling harvests and prize bait (fortune-harvest, prize-bait).

Principle(s) 9 and 10. Rules: none yet (this analyzer is being built; see the open issue).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from privacy_hygiene.analyzers.base import AnalysisContext
from privacy_hygiene.models import Finding, Page


class ContentAnalyzer:
    """Content: fortune-telling harvests and prize bait (fortune-harvest, prize-bait)."""

    id: ClassVar[str] = "content"
    rules: ClassVar[tuple[str, ...]] = ()

    def analyze(self, page: Page, ctx: AnalysisContext) -> Iterator[Finding]:
        return iter(())

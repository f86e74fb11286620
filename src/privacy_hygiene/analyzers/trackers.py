"""Trackers: analytics, advertising and session-replay scripts (tracking).

Principle(s) 8. Rules: none yet (this analyzer is being built; see the open issue).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from privacy_hygiene.analyzers.base import AnalysisContext
from privacy_hygiene.models import Finding, Page


class TrackersAnalyzer:
    """Trackers: analytics, advertising and session-replay scripts (tracking)."""

    id: ClassVar[str] = "trackers"
    rules: ClassVar[tuple[str, ...]] = ()

    def analyze(self, page: Page, ctx: AnalysisContext) -> Iterator[Finding]:
        return iter(())

"""The analyzers, in the order they run. Every analyzer module is listed here exactly once.

Each module's docstring names the principle(s) it serves and the rules it emits.
"""

from __future__ import annotations

from privacy_hygiene.analyzers.base import AnalysisContext, Analyzer
from privacy_hygiene.analyzers.brand import BrandAnalyzer
from privacy_hygiene.analyzers.connection import ConnectionAnalyzer
from privacy_hygiene.analyzers.content import ContentAnalyzer
from privacy_hygiene.analyzers.forms import FormsAnalyzer
from privacy_hygiene.analyzers.lookalike import LookalikeAnalyzer
from privacy_hygiene.analyzers.site_care import SiteCareAnalyzer
from privacy_hygiene.analyzers.trackers import TrackersAnalyzer
from privacy_hygiene.analyzers.transport import TransportAnalyzer
from privacy_hygiene.analyzers.trust import TrustAnalyzer

ANALYZERS: tuple[Analyzer, ...] = (
    ConnectionAnalyzer(),
    TransportAnalyzer(),
    SiteCareAnalyzer(),
    FormsAnalyzer(),
    LookalikeAnalyzer(),
    BrandAnalyzer(),
    ContentAnalyzer(),
    TrackersAnalyzer(),
    TrustAnalyzer(),
)

__all__ = ["ANALYZERS", "AnalysisContext", "Analyzer"]

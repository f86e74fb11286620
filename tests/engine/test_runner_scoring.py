"""The runner isolates analyzers, de-duplicates and sorts; scoring follows scoring.toml."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import ClassVar

from privacy_hygiene.analyzers.base import AnalysisContext
from privacy_hygiene.analyzers.transport import TransportAnalyzer
from privacy_hygiene.catalog import Catalog
from privacy_hygiene.engine import scoring
from privacy_hygiene.engine.audit import AuditOptions, audit_page
from privacy_hygiene.engine.runner import run_analyzers, sort_findings
from privacy_hygiene.i18n import LocalText
from privacy_hygiene.models import Confidence, Evidence, Finding, Page, Severity


class Exploding:
    id: ClassVar[str] = "exploding"
    rules: ClassVar[tuple[str, ...]] = ()

    def analyze(self, page: Page, ctx: AnalysisContext) -> Iterator[Finding]:
        raise RuntimeError("boom")


def finding(
    rule: str,
    severity: Severity,
    category: str = "tracking",
    principle: int = 1,
    locator: str = "x",
    points: int = 0,
    family: str = "",
) -> Finding:
    text = LocalText(zh=rule, en=rule)
    return Finding(
        rule, category, severity, Confidence.HIGH, principle, text, text, (Evidence("text", locator),), points, family
    )


def test_crashing_analyzer_becomes_diagnostic(make_page: Callable[..., Page], catalog: Catalog) -> None:
    page = make_page('<form method="post"><input type="password" name="p"></form>', "http://example.org/")
    report = audit_page(page, catalog=catalog, options=AuditOptions(analyzers=(Exploding(), TransportAnalyzer())))
    assert report.diagnostics == ("exploding: RuntimeError: boom",)
    assert [item.rule_id for item in report.findings] == ["PH-TRANSPORT-020"]
    assert report.to_json("en")["diagnostics"] == ["exploding: RuntimeError: boom"]


def test_cancel_stops_between_analyzers(make_page: Callable[..., Page], catalog: Catalog) -> None:
    page = make_page('<form><input type="password" name="p"></form>', "http://example.org/")
    findings, diagnostics, _ = run_analyzers(page, catalog, [TransportAnalyzer()], should_cancel=lambda: True)
    assert findings == () and diagnostics == ("cancelled",)


def test_dedupe_keeps_worst_and_sorts() -> None:
    items = [
        finding("B", Severity.LOW, principle=2),
        finding("A", Severity.HIGH, principle=5),
        finding("A", Severity.CRITICAL, principle=5),  # same rule and evidence: keep the worse
        finding("C", Severity.HIGH, principle=1),
        finding("A", Severity.LOW, principle=5, locator="other"),  # other evidence: a separate finding
    ]
    result = [(f.rule_id, f.severity) for f in sort_findings(items)]
    assert result == [("A", Severity.CRITICAL), ("C", Severity.HIGH), ("B", Severity.LOW), ("A", Severity.LOW)]


def test_grade_penalties_caps_and_ceilings(catalog: Catalog) -> None:
    rules = catalog.scoring
    assert scoring.grade([], rules).letter == "A+"
    one_medium = scoring.grade([finding("M", Severity.MEDIUM)], rules)
    assert (one_medium.score, one_medium.letter) == (90, "A")
    # tracking is capped at 25 however many findings: 100 - 25 = 75 → B
    many = [finding(f"T{i}", Severity.HIGH, locator=str(i)) for i in range(5)]
    assert scoring.grade(many, rules).score == 75
    # a high finding keeps the page out of the A range even with a small penalty
    assert scoring.grade([finding("S", Severity.HIGH, category="site-care")], rules).score <= 80
    # a critical data exposure is an F whatever else
    exposed = scoring.grade([finding("X", Severity.CRITICAL, category="insecure-transport")], rules)
    assert (exposed.score, exposed.letter) == (20, "F")
    # another critical: D at best
    other = scoring.grade([finding("Y", Severity.CRITICAL, category="unneeded-data")], rules)
    assert other.letter == "D" and other.score == 45
    assert any("F" in line.en for line in exposed.why)


def test_scam_risk_families_count_once_and_keywords_are_capped(catalog: Catalog) -> None:
    rules = catalog.scoring
    assert scoring.scam_risk([], rules).level == "low"
    same_family = [
        finding("P1", Severity.LOW, points=3, family="data-destination", locator="1"),
        finding("P2", Severity.LOW, points=4, family="data-destination", locator="2"),
    ]
    assert scoring.scam_risk(same_family, rules).points == 4
    keywords = [finding("K", Severity.INFO, points=9, family=rules.keyword_families[0])]
    assert scoring.scam_risk(keywords, rules).points == rules.keyword_family_cap
    high = [finding("H1", Severity.HIGH, points=4, family="a"), finding("H2", Severity.HIGH, points=4, family="b")]
    assert scoring.scam_risk(high, rules).level == "high"

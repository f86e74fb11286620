"""Scam-sign analyzers over the fixture corpus: detection figures and time per page.

Prints, for tests/fixtures/pages (scam_expectations.toml):
- expected findings found / expected (category at or above the expected severity);
- legitimate pages with a finding at medium or above (false alarms), and scam levels reached;
- median time per page of the content, trackers and trust analyzers, against a baseline of the
  transport analyzer alone on the same pages in the same process (pages are re-parsed each round).

Run: .venv/bin/python bench/scam_signs.py [ROUNDS]
"""

from __future__ import annotations

import statistics
import sys
import time
import tomllib
from dataclasses import replace
from pathlib import Path

from privacy_hygiene.analyzers.content import ContentAnalyzer
from privacy_hygiene.analyzers.trackers import TrackersAnalyzer
from privacy_hygiene.analyzers.transport import TransportAnalyzer
from privacy_hygiene.analyzers.trust import TrustAnalyzer
from privacy_hygiene.catalog import get_catalog
from privacy_hygiene.engine.audit import audit_page
from privacy_hygiene.engine.load import load_file
from privacy_hygiene.engine.runner import run_analyzers
from privacy_hygiene.models import Page, Severity

PAGES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "pages"
LEVELS = ("low", "guarded", "high", "very_high")


def fresh(page: Page) -> Page:
    """The same page with its parse caches dropped, so every round parses again."""
    return replace(page)


def detection(cases: list[dict[str, object]], pages: list[Page]) -> None:
    expected = found = alarms = legit = 0
    levels_ok = levels = 0
    for case, page in zip(cases, pages, strict=True):
        report = audit_page(fresh(page))
        for item in case.get("expect", []):  # type: ignore[attr-defined]
            category, floor = str(item).split(">=")
            expected += 1
            found += any(f.category == category and f.severity >= Severity.parse(floor) for f in report.findings)
        if case.get("legit"):
            legit += 1
            alarms += any(f.severity >= Severity.MEDIUM for f in report.findings)
        if "scam" in case:
            levels += 1
            levels_ok += LEVELS.index(report.scam_risk.level) >= LEVELS.index(str(case["scam"]))
    print(f"pages: {len(pages)} ({legit} legitimate)")
    print(f"expected findings found: {found}/{expected} ({100 * found / max(expected, 1):.1f}%)")
    print(f"legitimate pages with a finding at medium or above: {alarms}/{legit}")
    print(f"scam-risk level reached on scam pages: {levels_ok}/{levels}")


def timing(pages: list[Page], rounds: int) -> None:
    catalog = get_catalog()
    run_analyzers(pages[0], catalog, [ContentAnalyzer(), TrackersAnalyzer(), TrustAnalyzer()])  # warm caches
    baseline: list[float] = []
    ours: list[float] = []
    for _ in range(rounds):
        for page in pages:
            started = time.perf_counter()
            run_analyzers(fresh(page), catalog, [TransportAnalyzer()])
            baseline.append(time.perf_counter() - started)
            started = time.perf_counter()
            run_analyzers(fresh(page), catalog, [ContentAnalyzer(), TrackersAnalyzer(), TrustAnalyzer()])
            ours.append(time.perf_counter() - started)
    base_ms = statistics.median(baseline) * 1000
    ours_ms = statistics.median(ours) * 1000
    print(f"median per page, transport alone (baseline): {base_ms:.2f} ms")
    print(f"median per page, content + trackers + trust: {ours_ms:.2f} ms (x{ours_ms / base_ms:.1f} baseline)")
    print(f"p95 per page, content + trackers + trust: {sorted(ours)[int(len(ours) * 0.95)] * 1000:.2f} ms")


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    cases = tomllib.loads((PAGES / "scam_expectations.toml").read_text(encoding="utf-8"))["page"]
    pages = [load_file(PAGES / str(case["file"]), as_url=str(case["url"])) for case in cases]
    started = time.perf_counter()
    detection(cases, pages)
    timing(pages, rounds)
    print(f"total {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()

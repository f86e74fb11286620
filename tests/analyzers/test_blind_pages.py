"""The blind set: realistic pages written before reading the analyzers or their phrase lists, each with
what a careful analyst expects (``fixtures/pages/blind/expected.toml``). Measures how the full audit
generalises: recall of the expected findings and scam levels, and false alarms (any finding at medium
or above, or a scam level above guarded) on the legitimate look-alikes. Known misses stay visible as
strict xfails carrying the reason; ``bench/blind_scam.py`` prints the figures."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from privacy_hygiene.engine.audit import audit_page
from privacy_hygiene.engine.load import load_file
from privacy_hygiene.models import AuditReport, Severity

BLIND = Path(__file__).parent.parent / "fixtures" / "pages" / "blind"
CASES: list[dict[str, Any]] = tomllib.loads((BLIND / "expected.toml").read_text(encoding="utf-8"))["page"]
LEVELS = ("low", "guarded", "high", "very_high")


@dataclass(frozen=True)
class Outcome:
    """One page against its expectations: how many were expected, which were missed, what alarmed."""

    expected: int
    missed: tuple[str, ...]
    false_alarms: tuple[str, ...]
    report: AuditReport


def audit_case(case: dict[str, Any]) -> AuditReport:
    url = case.get("url")
    return audit_page(load_file(BLIND / str(case["file"]), as_url=str(url) if url else None))


def evaluate(case: dict[str, Any]) -> Outcome:
    report = audit_case(case)
    missed: list[str] = []
    for expectation in case.get("expect", []):
        category, floor = str(expectation).split(">=")
        worst = max((item.severity for item in report.findings if item.category == category), default=None)
        if worst is None or worst < Severity.parse(floor):
            missed.append(str(expectation))
    expected = len(case.get("expect", []))
    if "scam" in case:
        expected += 1
        if LEVELS.index(report.scam_risk.level) < LEVELS.index(str(case["scam"])):
            missed.append(f"scam>={case['scam']}")
    alarms: list[str] = []
    if case.get("legit"):
        alarms = [
            f"{item.rule_id} {item.category} {item.severity.label}"
            for item in report.findings
            if item.severity >= Severity.MEDIUM
        ]
        if LEVELS.index(report.scam_risk.level) > LEVELS.index("guarded"):
            alarms.append(f"scam={report.scam_risk.level}")
    return Outcome(expected, tuple(missed), tuple(alarms), report)


def describe(report: AuditReport) -> str:
    found = [f"{item.rule_id} {item.category} {item.severity.label}" for item in report.findings]
    return f"scam={report.scam_risk.level}/{report.scam_risk.points} findings={found}"


def test_blind_set_is_varied() -> None:
    files = {str(case["file"]) for case in CASES}
    assert len(files) == len(CASES) >= 40
    assert files == {path.name for path in BLIND.glob("*.html")}
    assert sum(1 for name in files if name.startswith("zh_")) >= 15
    assert sum(1 for name in files if name.startswith("en_")) >= 15
    legit = sum(1 for case in CASES if case.get("legit"))
    assert 0.35 <= legit / len(CASES) <= 0.65


def _param(case: dict[str, Any]) -> Any:
    marks = [pytest.mark.xfail(reason=str(case["miss"]), strict=True)] if "miss" in case else []
    return pytest.param(case, id=str(case["file"]), marks=marks)


@pytest.mark.parametrize("case", [_param(case) for case in CASES])
def test_blind_page(case: dict[str, Any]) -> None:
    outcome = evaluate(case)
    assert outcome.report.error is None
    assert outcome.report.diagnostics == ()
    assert outcome.missed == (), describe(outcome.report)
    assert outcome.false_alarms == (), describe(outcome.report)

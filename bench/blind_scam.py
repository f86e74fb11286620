"""Generalisation of the scam-sign audit on the blind fixture set (``tests/fixtures/pages/blind``).

Prints, per page, the expectations missed and the false alarms, then the totals: recall of expected
findings (categories at their minimum severity, and scam levels) and the legitimate pages with a
finding at medium or above (target: recall >= 95 %, no false alarm).

    python bench/blind_scam.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.analyzers.test_blind_pages import CASES, describe, evaluate


def main() -> None:
    expected = missed = alarmed = legit = 0
    for case in CASES:
        outcome = evaluate(case)
        expected += outcome.expected
        missed += len(outcome.missed)
        legit += bool(case.get("legit"))
        alarmed += bool(outcome.false_alarms)
        if outcome.missed or outcome.false_alarms:
            print(f"{case['file']}: missed={list(outcome.missed)} alarms={list(outcome.false_alarms)}")
            print(f"    {describe(outcome.report)}")
    recall = (expected - missed) / expected if expected else 1.0
    print(f"pages={len(CASES)} legit={legit} expected={expected} found={expected - missed} recall={recall:.1%}")
    print(f"false alarms: {alarmed}/{legit} legitimate pages")


if __name__ == "__main__":
    main()

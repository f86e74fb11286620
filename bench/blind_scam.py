"""Generalisation of the scam-sign audit on the blind fixture set (``tests/fixtures/pages/blind``).

Prints, per page, the expectations missed and the false alarms, then the totals per batch (batch 1
was written before the rules were read; batch 2 after the first round, in new wording): recall of expected
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
    totals: dict[int, list[int]] = {}  # batch → [expected, missed, legit pages, alarmed pages, pages]
    for case in CASES:
        outcome = evaluate(case)
        row = totals.setdefault(int(case.get("batch", 1)), [0, 0, 0, 0, 0])
        row[0] += outcome.expected
        row[1] += len(outcome.missed)
        row[2] += bool(case.get("legit"))
        row[3] += bool(outcome.false_alarms)
        row[4] += 1
        if outcome.missed or outcome.false_alarms:
            print(f"{case['file']}: missed={list(outcome.missed)} alarms={list(outcome.false_alarms)}")
            print(f"    {describe(outcome.report)}")
    for batch, (expected, missed, legit, alarmed, pages) in sorted(totals.items()):
        recall = (expected - missed) / expected if expected else 1.0
        print(
            f"batch {batch}: pages={pages} expected={expected} found={expected - missed} recall={recall:.1%}"
            f" false alarms={alarmed}/{legit} legitimate pages"
        )
    expected, missed, legit, alarmed = (sum(row[i] for row in totals.values()) for i in range(4))
    print(f"all: recall={(expected - missed) / expected:.1%} false alarms={alarmed}/{legit}")


if __name__ == "__main__":
    main()

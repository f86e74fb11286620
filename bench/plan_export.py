"""Benchmark of the action plan and its exports (prints figures; not a timed test).

A store holding a year of heavy use (every item answered every third day, 200 site audits) is built
in a temp dir. Then, medians of N runs:

1. Reading the store's state alone (``Store.export_state``): the baseline, in the same process.
2. ``load_plan``: store + checklist scoring + audits + plan ordering (ratio to the baseline).
3. Each exporter rendering that plan.
4. ``privacy-hygiene plan --format F -o -`` as a real subprocess (interpreter start-up included),
   median of 5.

Run: ``.venv/bin/python bench/plan_export.py [--runs N]``
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from privacy_hygiene.checklist import load_checklist
from privacy_hygiene.plan.exporters import EXPORTERS
from privacy_hygiene.plan.source import load_plan
from privacy_hygiene.store import Answer, AuditRecord, Store

NOW = datetime(2026, 12, 31, 12, 0, tzinfo=UTC)
STATES = ("pass", "partial", "fail", "unknown")


def _median_ms(function: Callable[[], object], runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def _year_of_use(path: Path) -> None:
    checklist = load_checklist()
    start = datetime(2026, 1, 1, tzinfo=UTC)
    with Store(path) as store:
        store.set_intake({"devices": "android,windows", "browsers": "firefox,chrome", "apps": "wechat,alipay,bank"})
        for day in range(0, 365, 3):
            when = start + timedelta(days=day)
            store.set_answers(
                [Answer(item.id, STATES[(day + index) % 4], when) for index, item in enumerate(checklist)]
            )
        for number in range(200):
            store.record_audit(
                AuditRecord(
                    target=f"https://site{number % 40}.example/login",
                    domain=f"site{number % 40}.example",
                    at=start + timedelta(hours=number * 40),
                    url=f"https://site{number % 40}.example/login",
                    title=f"Sign in {number}",
                    grade="D",
                    score=45,
                    scam_level="high",
                    rules=(("PH-TRANSPORT-020", "critical"), ("PH-TRANSPORT-010", "low")),
                )
            )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=50)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as home:
        os.environ["PRIVACY_HYGIENE_HOME"] = home
        _year_of_use(Path(home) / "state.sqlite3")
        size = (Path(home) / "state.sqlite3").stat().st_size
        with Store(Path(home) / "state.sqlite3") as store:
            baseline = _median_ms(store.export_state, runs)
        load_plan("en", now=NOW)  # warm the catalog, as a running app would be
        build = _median_ms(lambda: load_plan("zh", now=NOW, with_state=False), runs)
        with_state = _median_ms(lambda: load_plan("zh", now=NOW), runs)
        plan = load_plan("zh", now=NOW)
        print(f"store: {size / 1e6:.1f} MB, {len(plan.items)} items, {len(plan.sites)} audited sites shown")
        print(f"baseline  Store.export_state          {baseline:8.2f} ms")
        print(f"load_plan (store + scoring + order)    {build:8.2f} ms  ({build / baseline:.2f}x baseline)")
        print(f"load_plan + state for the JSON backup  {with_state:8.2f} ms  ({with_state / baseline:.2f}x baseline)")
        for name, exporter in EXPORTERS.items():
            render = _median_ms(lambda e=exporter: e.render(plan), runs)
            print(f"render {name:<5}                         {render:8.2f} ms")
        env = {**os.environ, "PRIVACY_HYGIENE_NOW": NOW.isoformat()}
        for name in ("text", "html", "json", "ics"):
            command = [sys.executable, "-m", "privacy_hygiene", "plan", "--format", name, "-o", "-"]
            wall = _median_ms(lambda c=command: subprocess.run(c, env=env, capture_output=True, check=True), 5)
            print(f"privacy-hygiene plan --format {name:<5} (process) {wall:8.0f} ms")


if __name__ == "__main__":
    main()

"""Benchmark of the checklist and its state store (prints figures; not a timed test).

1. One saved answer (``set_answer``: a ``BEGIN IMMEDIATE`` transaction with ``synchronous=FULL``,
   i.e. on disk when it returns), median over N writes, against the same write with
   ``synchronous=NORMAL`` on a second file in the same run (what FULL durability costs).
2. Scoring all 64 items from answers and intake (``checklist.score``), median.
3. Opening the store (header, version and ``quick_check``, WAL) on a file holding a year of use.
4. ``privacy-hygiene checklist --json`` and ``--set`` as real subprocesses: wall time including
   interpreter start-up, median of 5.

Run: ``.venv/bin/python bench/checklist.py [--writes N]``
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from privacy_hygiene.checklist import load_checklist, score
from privacy_hygiene.store import Answer, Store


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def _writes(path: Path, count: int, synchronous: str) -> list[float]:
    store = Store(path)
    store._con.execute(f"PRAGMA synchronous = {synchronous}")
    samples = []
    for index in range(count):
        start = time.perf_counter()
        store.set_answer(f"p01.bench-{index % 50}", "pass")
        samples.append(time.perf_counter() - start)
    store.close()
    return samples


def _year_of_use(path: Path) -> None:
    checklist = load_checklist()
    start = datetime(2026, 1, 1, tzinfo=UTC)
    with Store(path) as store:
        for day in range(0, 365, 3):
            when = start + timedelta(days=day)
            answers = {item.id: Answer(item.id, "pass", when) for item in checklist}
            with store.batch():
                store.set_answers(list(answers.values()))
                store.add_snapshot(score(checklist, answers, {}, when).snapshot())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--writes", type=int, default=200)
    args = parser.parse_args()
    checklist = load_checklist()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        full = _writes(root / "full.sqlite3", args.writes, "FULL")
        normal = _writes(root / "normal.sqlite3", args.writes, "NORMAL")
        print(
            f"set_answer (synchronous=FULL): median {_median_ms(full):.2f} ms over {args.writes}; "
            f"NORMAL {_median_ms(normal):.2f} ms; ratio {statistics.median(full) / statistics.median(normal):.2f}"
        )
        now = datetime(2027, 1, 1, tzinfo=UTC)
        answers = {item.id: Answer(item.id, "pass", now - timedelta(days=200)) for item in checklist}
        intake = {"devices": "windows,android", "browsers": "chrome", "elderly": "yes"}
        timings = []
        for _ in range(200):
            start = time.perf_counter()
            score(checklist, answers, intake, now)
            timings.append(time.perf_counter() - start)
        print(f"score {len(checklist)} items: median {_median_ms(timings):.3f} ms")
        year = root / "year.sqlite3"
        _year_of_use(year)
        opens = []
        for _ in range(20):
            start = time.perf_counter()
            Store(year).close()
            opens.append(time.perf_counter() - start)
        size_kb = year.stat().st_size // 1024
        print(f"open a store with a year of answers ({size_kb} KB): median {_median_ms(opens):.2f} ms")
        env = dict(os.environ, PRIVACY_HYGIENE_HOME=str(root / "home"))
        for label, cli_args in (
            ("checklist --json", ["checklist", "--json"]),
            ("checklist --set", ["checklist", "--set", "p08.telemetry=pass", "--json"]),
        ):
            walls = []
            for _ in range(5):
                start = time.perf_counter()
                subprocess.run(
                    [sys.executable, "-m", "privacy_hygiene", *cli_args], env=env, check=True, capture_output=True
                )
                walls.append(time.perf_counter() - start)
            print(f"{label} (process, incl. start-up): median {_median_ms(walls):.0f} ms")


if __name__ == "__main__":
    main()

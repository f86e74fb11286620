"""Benchmark of the browser companion on the committed fixture profiles (prints figures; not a
timed test).

1. Inspecting one profile end to end (lock check, prefs/JSON read, policies, defaults, every check,
   saved-login inventory from copies of the SQLite stores), median per fixture profile, against
   the baseline of merely reading the same profile's files' bytes in the same run: the ratio is what
   parsing, copying and checking cost over I/O.
2. The part the copy-before-open costs: reading ``Login Data`` through a temporary copy vs opening
   the original read-only, median.
3. ``privacy-hygiene browser --profile … --json`` as a real subprocess (start-up included), median of 5.

Run: ``.venv/bin/python bench/browser.py [--rounds N]``
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from privacy_hygiene.browser import inspect_profile, profiles_at
from privacy_hygiene.browser.discovery import Environment
from privacy_hygiene.browser.sqlite_copy import open_copy

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "browsers"
FOLDERS = ["firefox", "chromium", "firefox-variants/logins", "chromium-variants/logins", "firefox-variants/hardened"]


def _median_ms(function: Callable[[], object], rounds: int) -> float:
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def _read_bytes(folder: Path) -> int:
    return sum(len(path.read_bytes()) for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=30)
    rounds = parser.parse_args().rounds
    env = Environment("linux", FIXTURES / "none", {}, FIXTURES / "system")
    print(f"inspect one profile, median of {rounds} (baseline: read the profile's bytes)")
    for name in FOLDERS:
        profile = next(iter(profiles_at(FIXTURES / name)))
        inspect_profile(profile, env)  # warm the catalog and the lookalike index
        inspected = _median_ms(lambda profile=profile: inspect_profile(profile, env), rounds)
        baseline = _median_ms(lambda profile=profile: _read_bytes(profile.path), rounds)
        print(f"  {name:<28} {inspected:7.2f} ms   bytes only {baseline:6.2f} ms   ratio {inspected / baseline:5.1f}x")

    store = FIXTURES / "chromium-variants" / "logins" / "Default" / "Login Data"

    def through_copy() -> None:
        with open_copy(store) as connection:
            connection.execute("SELECT origin_url FROM logins").fetchall()

    def in_place() -> None:
        connection = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
        connection.execute("SELECT origin_url FROM logins").fetchall()
        connection.close()

    copied, direct = _median_ms(through_copy, rounds), _median_ms(in_place, rounds)
    print(f"Login Data via a temporary copy {copied:.2f} ms, opened in place (read-only) {direct:.2f} ms")

    command = [sys.executable, "-m", "privacy_hygiene", "browser", "--json"]
    for name in ("firefox", "chromium-variants/logins"):
        args = [*command, "--profile", str(FIXTURES / name)]
        wall = _median_ms(lambda args=args: subprocess.run(args, capture_output=True, check=True), 5)
        print(f"privacy-hygiene browser --json --profile {name}: {wall:.0f} ms (process, start-up included)")


if __name__ == "__main__":
    main()

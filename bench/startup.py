"""Start-up time of the terminal app: launch → first drawn dashboard (headless), median of N runs.

Each run is a fresh interpreter (imports included, as a person would launch it). The child reports
on the pipe when the dashboard has been drawn with its data (habit score and recent audits read from
the store in their worker, then one more refresh) and exits. The baseline is
an empty Textual app (Header, Label, Footer) measured the same way, interleaved in the same run.

    python bench/startup.py [--runs 9] [--lang zh]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

CHILD_APP = """
import os, sys
from privacy_hygiene.tui import quiet_logging
quiet_logging()
from privacy_hygiene.tui.app import PrivacyHygieneApp
from privacy_hygiene.tui.screens.dashboard import DashboardScreen

class Timed(PrivacyHygieneApp):
    def on_ready(self) -> None:
        self.set_interval(0.005, self._check)

    def _check(self) -> None:
        # drawn with its data: the habit score and the audits were read from the store
        screen = self.screen
        if isinstance(screen, DashboardScreen) and screen.data is not None:
            self.call_after_refresh(self._drawn)

    def _drawn(self) -> None:
        if not self.is_running or getattr(self, "_reported", False):
            return
        self._reported = True
        os.write(sys.__stdout__.fileno(), b"drawn\\n")
        self.exit()

Timed(lang=sys.argv[1]).run(headless=True, size=(100, 30))
"""

CHILD_BASELINE = """
import os, sys
from textual.app import App
from textual.widgets import Footer, Header, Label

class Empty(App[None]):
    def compose(self):
        yield Header()
        yield Label("hello")
        yield Footer()

    def on_ready(self) -> None:
        self.call_after_refresh(self._drawn)

    def _drawn(self) -> None:
        os.write(sys.__stdout__.fileno(), b"drawn\\n")
        self.exit()

Empty().run(headless=True, size=(100, 30))
"""


def time_once(code: str, *args: str, env: dict[str, str]) -> float:
    """Seconds from spawning a fresh interpreter until it reports its first drawn screen."""
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", code, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    elapsed = time.perf_counter() - start
    _, err = child.communicate(timeout=30)
    if line.strip() != b"drawn":
        raise SystemExit(f"child failed: {err.decode(errors='replace')[-2000:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--lang", choices=["zh", "en"], default="zh")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "PRIVACY_HYGIENE_HOME": home}
        time_once(CHILD_BASELINE, env=env)  # warm the file cache once for both
        time_once(CHILD_APP, options.lang, env=env)
        baseline: list[float] = []
        app: list[float] = []
        for _ in range(options.runs):
            baseline.append(time_once(CHILD_BASELINE, env=env))
            app.append(time_once(CHILD_APP, options.lang, env=env))
    print(f"runs: {options.runs} each, interleaved; python {sys.version.split()[0]}")
    for name, times in (("empty Textual app", baseline), ("privacy-hygiene", app)):
        print(
            f"{name:<18}  median {statistics.median(times) * 1000:4.0f} ms"
            f"  (min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f})"
        )
    app_median = statistics.median(app)
    verdict = "met" if app_median <= 0.6 else "NOT met"
    print(f"ratio to baseline   {app_median / statistics.median(baseline):.2f}x; target <= 600 ms: {verdict}")


if __name__ == "__main__":
    main()

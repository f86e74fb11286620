"""Start-up time of the terminal app: launch → first drawn dashboard (headless), median of N runs.

Each run is a fresh interpreter (imports included, as a person would launch it) in a temp
``PRIVACY_HYGIENE_HOME``. The child writes two marks on a pipe: ``painted`` when the dashboard's
first frame has been drawn (``Ready`` + one refresh; habit score and audits still loading in their
worker), and ``data`` when it has been drawn again with the habit score, principle bars and recent
audits read from the store. The baseline is an empty Textual app (Header, Label, Footer) measured
the same way, interleaved in the same run, so a busy machine slows both alike.

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

class Timed(PrivacyHygieneApp):
    def on_ready(self) -> None:
        self.call_after_refresh(self._painted)
        self.set_interval(0.005, self._check)

    def _painted(self) -> None:
        assert type(self.screen).__name__ == "DashboardScreen"
        os.write(sys.__stdout__.fileno(), b"painted\\n")

    def _check(self) -> None:
        if getattr(self.screen, "data", None) is not None and not getattr(self, "_seen", False):
            self._seen = True
            self.call_after_refresh(self._drawn)

    def _drawn(self) -> None:
        os.write(sys.__stdout__.fileno(), b"data\\n")
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
        os.write(sys.__stdout__.fileno(), b"painted\\n")
        self.exit()

Empty().run(headless=True, size=(100, 30))
"""


def time_marks(code: str, *args: str, env: dict[str, str]) -> dict[str, float]:
    """Seconds from spawning a fresh interpreter to each mark it writes on its stdout."""
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", code, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    assert child.stdout is not None
    marks: dict[str, float] = {}
    for line in child.stdout:
        marks[line.decode().strip()] = time.perf_counter() - start
    _, err = child.communicate(timeout=30)
    if "painted" not in marks:
        raise SystemExit(f"child failed: {err.decode(errors='replace')[-2000:]}")
    return marks


def line(name: str, times: list[float]) -> str:
    """``name  median … ms  (min, max)``."""
    return (
        f"{name:<36} median {statistics.median(times) * 1000:5.0f} ms"
        f"  (min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--lang", choices=["zh", "en"], default="zh")
    options = parser.parse_args()
    baseline: list[float] = []
    painted: list[float] = []
    with_data: list[float] = []
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "PRIVACY_HYGIENE_HOME": home}
        time_marks(CHILD_BASELINE, env=env)  # warm the file cache once for both
        time_marks(CHILD_APP, options.lang, env=env)
        for _ in range(options.runs):
            baseline.append(time_marks(CHILD_BASELINE, env=env)["painted"])
            marks = time_marks(CHILD_APP, options.lang, env=env)
            painted.append(marks["painted"])
            with_data.append(marks["data"])
    base = statistics.median(baseline)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"runs: {options.runs} each, interleaved; python {sys.version.split()[0]}; load average {load:.1f}")
    print(line("empty Textual app (baseline)", baseline))
    print(line("privacy-hygiene: dashboard painted", painted))
    print(line("privacy-hygiene: dashboard with data", with_data))
    for name, times in (("painted", painted), ("with data", with_data)):
        median = statistics.median(times)
        verdict = "met" if median <= 0.6 else "NOT met"
        print(f"{name:<10} ratio to baseline {median / base:.2f}x; target <= 600 ms: {verdict}")


if __name__ == "__main__":
    main()

"""The built wheel contains heuristics/ and works from another directory."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_ships_heuristics_and_runs_elsewhere(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(REPO)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    wheel = next(dist.glob("privacy_hygiene-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    tracked = subprocess.run(["git", "ls-files", "heuristics"], cwd=REPO, capture_output=True, text=True).stdout
    for path in tracked.split():
        assert f"privacy_hygiene/{path}" in names, path
    assert "privacy_hygiene/heuristics/principles.toml" in names
    assert any(name.startswith("privacy_hygiene/locales/") for name in names)

    unpacked = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(unpacked)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    page = elsewhere / "p.html"
    page.write_text('<form><input type="password" name="p"></form>', encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(unpacked), "PYTHONSAFEPATH": "1"}
    env.pop("PRIVACY_HYGIENE_HEURISTICS", None)
    code = (
        "import privacy_hygiene.paths as p, sys; root = p.heuristics_root();"
        f"assert str(root).startswith({str(unpacked)!r}), root;"
        "from privacy_hygiene.cli import main; sys.argv=['privacy-hygiene','audit','--json','--as-url',"
        "'http://example.org/','p.html']; main()"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=elsewhere, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert '"PH-TRANSPORT-020"' in done.stdout

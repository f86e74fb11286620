"""Every export format in both languages, compared with the files in ``tests/plan/snapshots``.

The plan is built with a fixed clock. After an intended change, regenerate the expected files with
``PRIVACY_HYGIENE_UPDATE_SNAPSHOTS=1 pytest tests/plan/test_snapshots.py`` and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from privacy_hygiene.i18n import Lang
from privacy_hygiene.plan.build import build_plan
from privacy_hygiene.plan.exporters import EXPORTERS
from tests.plan.conftest import FIXED_NOW, sample_inputs

SNAPSHOTS = Path(__file__).parent / "snapshots"
UPDATE = os.environ.get("PRIVACY_HYGIENE_UPDATE_SNAPSHOTS") == "1"


@pytest.mark.parametrize("format_name", sorted(EXPORTERS))
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_export_matches_snapshot(format_name: str, lang: Lang) -> None:
    exporter = EXPORTERS[format_name]
    output = exporter.render(build_plan(sample_inputs(), lang, FIXED_NOW)).encode("utf-8")
    expected_file = SNAPSHOTS / f"plan.{lang}{exporter.suffix}"
    if UPDATE:
        SNAPSHOTS.mkdir(exist_ok=True)
        expected_file.write_bytes(output)
    assert expected_file.exists(), f"missing snapshot {expected_file.name}: run with PRIVACY_HYGIENE_UPDATE_SNAPSHOTS=1"
    assert output == expected_file.read_bytes()

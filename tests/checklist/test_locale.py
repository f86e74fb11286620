"""Every interface text the checklist uses exists, in both languages."""

from __future__ import annotations

import re
from pathlib import Path

from privacy_hygiene.catalog.schemas.checklist import Kind
from privacy_hygiene.checklist import STATES
from privacy_hygiene.i18n import messages
from privacy_hygiene.store import SOURCES

SRC = Path(__file__).resolve().parents[2] / "src" / "privacy_hygiene"


def test_literal_keys_exist() -> None:
    used: set[str] = set()
    for path in [*(SRC / "checklist").glob("*.py"), SRC / "cli" / "checklist.py"]:
        used |= set(re.findall(r"\"(checklist\.[a-z_]+)\"", path.read_text(encoding="utf-8")))
    assert len(used) > 30
    missing = sorted(used - set(messages()))
    assert missing == []


def test_composed_keys_exist_in_both_languages() -> None:
    keys = [f"checklist.state_{state}" for state in STATES]
    keys += [f"checklist.kind_{kind}" for kind in Kind.__args__]
    keys += [f"checklist.field_source_{source}" for source in SOURCES]
    for key in keys:
        text = messages()[key]
        assert text.zh and text.en and text.zh != text.en

"""Schema of `heuristics/checklist/*.toml` (habit items per principle)."""

from __future__ import annotations

from privacy_hygiene.catalog.schema import RulesFile

ChecklistFile = RulesFile

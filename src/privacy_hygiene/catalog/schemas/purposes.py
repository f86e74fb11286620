"""Schema of `heuristics/purposes.toml` (what each form purpose legitimately needs)."""

from __future__ import annotations

from privacy_hygiene.catalog.schema import RulesFile

PurposesFile = RulesFile

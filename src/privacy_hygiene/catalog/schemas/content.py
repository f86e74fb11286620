"""Schema of `heuristics/content/*.toml` (one scam topic per file)."""

from __future__ import annotations

from privacy_hygiene.catalog.schema import RulesFile

ContentFile = RulesFile

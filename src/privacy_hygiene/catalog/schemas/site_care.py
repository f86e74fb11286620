"""Schema of `heuristics/site_care.toml`."""

from __future__ import annotations

from privacy_hygiene.catalog.schema import RulesFile

SiteCareFile = RulesFile

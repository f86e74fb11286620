"""Schema of `heuristics/trust.toml`."""

from __future__ import annotations

from privacy_hygiene.catalog.schema import RulesFile

TrustFile = RulesFile

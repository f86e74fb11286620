"""Schemas of `heuristics/brands.toml` (protected brands) and `heuristics/lookalike.toml`."""

from __future__ import annotations

from privacy_hygiene.catalog.schema import RulesFile

BrandsFile = RulesFile
LookalikeFile = RulesFile

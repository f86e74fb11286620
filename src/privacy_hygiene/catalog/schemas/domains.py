"""Schema of `heuristics/domains.toml`."""

from __future__ import annotations

from privacy_hygiene.catalog.schema import RulesFile

DomainsFile = RulesFile

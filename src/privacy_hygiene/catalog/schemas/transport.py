"""Schema of `heuristics/transport.toml`."""

from __future__ import annotations

from privacy_hygiene.catalog.schema import RulesFile

TransportFile = RulesFile

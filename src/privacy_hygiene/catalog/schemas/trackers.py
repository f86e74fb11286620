"""Schema of `heuristics/trackers.toml` (tracker lists and their manifests)."""

from __future__ import annotations

from privacy_hygiene.catalog.schema import RulesFile

TrackersFile = RulesFile

"""Schema of `heuristics/browser/*.toml` (browser settings, defaults and meanings)."""

from __future__ import annotations

from privacy_hygiene.catalog.schema import RulesFile

BrowserFile = RulesFile

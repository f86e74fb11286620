"""Schema of `heuristics/forms.toml` (field kinds and their lexicons)."""

from __future__ import annotations

from privacy_hygiene.catalog.schema import RulesFile

FormsFile = RulesFile

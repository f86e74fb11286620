"""The heuristics catalog: every file in ``heuristics/`` loaded once and validated by its schema.

Use :func:`get_catalog` for the shared instance; tests may build ``Catalog(root)`` on a copy.
"""

from privacy_hygiene.catalog.loader import Catalog, get_catalog
from privacy_hygiene.catalog.schema import Meta, Principle, RuleDef

__all__ = ["Catalog", "Meta", "Principle", "RuleDef", "get_catalog"]

"""Area-specific heuristics schemas, one module per area (owned by the area's analyzer)."""

"""privacy-hygiene: check your privacy habits and audit sites before you hand them your data.

The engine (catalog, engine, analyzers, checklist, plan, browser, store) never imports Textual;
the terminal app lives in :mod:`privacy_hygiene.tui` and is imported lazily by the CLI.
"""

import logging

__version__ = "0.1.0"

# A library logs; only the application decides where to (never the terminal while the TUI runs).
logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = ["__version__"]

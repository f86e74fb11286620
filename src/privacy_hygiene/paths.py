"""The only module that knows where things live: the heuristics data and the user's state."""

from __future__ import annotations

import os
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

APP_NAME = "privacy-hygiene"


def heuristics_root() -> Traversable:
    """The ``heuristics/`` folder: ``PRIVACY_HYGIENE_HEURISTICS``, the installed wheel, or the checkout.

    In a wheel the folder is packaged as ``privacy_hygiene/heuristics``; in an editable install or a
    source checkout it is the repository's top-level ``heuristics/`` (hatchling's editable install
    leaves a stale snapshot in site-packages that is deliberately never read).
    """
    override = os.environ.get("PRIVACY_HYGIENE_HEURISTICS")
    if override:
        return Path(override)
    packaged = resources.files("privacy_hygiene") / "heuristics"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "heuristics"


def data_dir() -> Path:
    """Where the state store lives: ``PRIVACY_HYGIENE_HOME`` or the platform's user data dir."""
    override = os.environ.get("PRIVACY_HYGIENE_HOME")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_file() -> Path:
    """The log file (logging never writes to the terminal while the TUI runs)."""
    return data_dir() / "privacy-hygiene.log"

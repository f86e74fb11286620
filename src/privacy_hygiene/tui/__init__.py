"""The terminal app (Textual). Imported lazily by the CLI; the engine never imports this package."""

from __future__ import annotations

import logging

from privacy_hygiene.i18n import Lang


def quiet_logging() -> None:
    """Send every log record to the log file: nothing may write to the terminal while the app runs."""
    from privacy_hygiene.paths import log_file

    root = logging.getLogger()
    for existing in list(root.handlers):
        if isinstance(existing, logging.StreamHandler) and not isinstance(existing, logging.FileHandler):
            root.removeHandler(existing)
    try:
        path = log_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.FileHandler(path, encoding="utf-8", delay=True)
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.WARNING)
    logging.lastResort = None  # no fallback to stderr when a logger has no handler


def run_app(lang: Lang) -> None:
    """Open the terminal app in ``lang``."""
    quiet_logging()
    from privacy_hygiene.errors import StateError
    from privacy_hygiene.tui import services
    from privacy_hygiene.tui.app import PrivacyHygieneApp

    try:
        theme = services.load_settings().get("theme")
    except StateError:
        theme = None  # the app still opens; the screens that need the store say what is wrong
    PrivacyHygieneApp(lang=lang, theme=theme).run()

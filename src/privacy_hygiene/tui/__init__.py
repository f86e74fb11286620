"""The terminal app (Textual). Imported lazily by the CLI; the engine never imports this package."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence

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


def startup_language(lang: Lang, *, argv: Sequence[str] | None = None, saved: str | None = None) -> Lang:
    """The language to open in: ``--lang`` or ``PRIVACY_HYGIENE_LANG`` when given, else the language
    chosen last time in the app (``saved``, read from the store when not passed), else ``lang``
    (the locale's)."""
    args = sys.argv if argv is None else argv
    if os.environ.get("PRIVACY_HYGIENE_LANG") or any(arg == "--lang" or arg.startswith("--lang=") for arg in args):
        return lang
    if saved is None:
        saved = _settings().get("language")
    return saved if saved in ("zh", "en") else lang  # type: ignore[return-value]


def _settings() -> dict[str, str]:
    from privacy_hygiene.errors import StateError
    from privacy_hygiene.tui import services

    try:
        return services.load_settings()
    except StateError:
        return {}  # the app still opens; the screens that need the store say what is wrong


def run_app(lang: Lang) -> None:
    """Open the terminal app (``lang`` is the language the command line resolved)."""
    quiet_logging()
    from privacy_hygiene.tui.app import PrivacyHygieneApp

    settings = _settings()
    chosen = startup_language(lang, saved=settings.get("language", ""))
    PrivacyHygieneApp(lang=chosen, theme=settings.get("theme")).run()

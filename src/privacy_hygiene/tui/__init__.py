"""The terminal app (Textual). Imported lazily by the CLI; the engine never imports this package."""

from __future__ import annotations

from privacy_hygiene.i18n import Lang


def run_app(lang: Lang) -> None:
    """Open the terminal app in ``lang``."""
    from privacy_hygiene.tui.app import PrivacyHygieneApp

    PrivacyHygieneApp(lang=lang).run()

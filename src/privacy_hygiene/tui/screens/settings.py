"""Settings: the interface language and the colour theme (applied at once)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import RadioButton, RadioSet, Select, Static

from privacy_hygiene.i18n import Lang
from privacy_hygiene.tui.screens.base import AppScreen


class SettingsScreen(AppScreen):
    """Language and theme."""

    SCREEN_KEY = "settings"
    DEFAULT_CSS = """
    SettingsScreen VerticalScroll { padding: 0 1; }
    SettingsScreen RadioSet, SettingsScreen Select { width: 40; margin: 0 0 1 0; }
    """

    def compose_body(self) -> ComposeResult:
        from privacy_hygiene.tui.app import THEMES

        with VerticalScroll():
            yield Static(self.tr("language"), classes="pane-title")
            with RadioSet(id="lang"):
                yield RadioButton("中文", value=self.lang == "zh", id="lang-zh")
                yield RadioButton("English", value=self.lang == "en", id="lang-en")
            yield Static(self.tr("theme"), classes="pane-title")
            current = self.app.theme
            yield Select(
                [(name, name) for name in THEMES],
                value=current if current in THEMES else Select.NULL,
                id="theme",
                allow_blank=False,
            )
            yield Static(self.tr("settings_note"), classes="muted")

    @on(RadioSet.Changed, "#lang")
    def _language_chosen(self, event: RadioSet.Changed) -> None:
        chosen: Lang = "zh" if event.pressed.id == "lang-zh" else "en"
        if chosen != self.lang:
            self.ph_app.set_language(chosen)

    @on(Select.Changed, "#theme")
    def _theme_chosen(self, event: Select.Changed) -> None:
        if isinstance(event.value, str) and event.value != self.app.theme:
            self.ph_app.set_theme(event.value)

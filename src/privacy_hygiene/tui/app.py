"""The terminal app's shell (first version: the twelve principles; screens grow as the engine does)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Static

from privacy_hygiene.catalog import get_catalog
from privacy_hygiene.i18n import Lang


class PrivacyHygieneApp(App[None]):
    """privacy-hygiene's terminal app."""

    TITLE = "privacy-hygiene"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("q", "quit", "Quit / 退出")]

    def __init__(self, lang: Lang = "en") -> None:
        super().__init__()
        self.lang = lang

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll():
            for principle in get_catalog().principles.values():
                yield Static(
                    f"{principle.id:>2}. {principle.title.get(self.lang)}\n    {principle.summary.get(self.lang)}\n",
                    markup=False,
                )
        yield Footer()

"""Help: the keys of every screen (from their bindings) and the twelve principles."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from privacy_hygiene.catalog import get_catalog
from privacy_hygiene.i18n import t
from privacy_hygiene.tui.screens.base import AppScreen


class HelpScreen(AppScreen):
    """Keys and the twelve principles."""

    SCREEN_KEY = "help"
    DEFAULT_CSS = """
    HelpScreen VerticalScroll { padding: 0 1; }
    HelpScreen Static { margin: 0 0 1 0; }
    """

    def compose_body(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(self.tr("help_keys"), classes="pane-title")
            yield Static(Text(self.tr("help_screens") + "\n" + self.tr("help_palette")))
            yield Static(self._keys_table())
            yield Static(self.tr("principles_heading"), classes="pane-title")
            yield Static(self._principles())
            yield Static(Text(self.tr("help_privacy"), style="dim"))

    def _keys_table(self) -> Table:
        from privacy_hygiene.tui.app import SCREENS, screen_class

        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column(no_wrap=True)
        table.add_column()
        for mode in SCREENS:
            bindings = screen_class(mode)._merged_bindings
            if bindings is None:
                continue
            name = self.tr(f"screen_{mode}")
            keys_by_description: dict[str, list[str]] = {}
            for items in bindings.key_to_bindings.values():
                for binding in items:
                    if binding.description.startswith("tui."):
                        keys = keys_by_description.setdefault(binding.description, [])
                        keys.append(self.app.get_key_display(binding))
            for description, keys in keys_by_description.items():
                table.add_row(name, " ".join(keys), t(description, self.lang))
                name = ""
        return table

    def _principles(self) -> Table:
        table = Table.grid(padding=(0, 1))
        table.add_column(no_wrap=True, justify="right", style="bold")
        table.add_column()
        for item in get_catalog().principles.values():
            table.add_row(
                f"{item.id}.",
                Text.assemble((item.title.get(self.lang), "bold"), "\n", (item.summary.get(self.lang), "dim")),
            )
        return table

"""Checklist: shown once its engine piece is part of this version; until then it says so honestly."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from privacy_hygiene.tui.screens.base import AppScreen


class ChecklistScreen(AppScreen):
    """The checklist (not available in this version yet)."""

    SCREEN_KEY = "checklist"

    def compose_body(self) -> ComposeResult:
        name = self.tr("screen_checklist")
        yield Static(Text(self.tr("not_available", name=name), style="dim"), classes="detail")

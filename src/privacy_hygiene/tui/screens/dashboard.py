"""Dashboard: the habit score with its band, coverage and trend; one thing to do today; the twelve
principle bars; recent site audits with grade and scam-risk level."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Sparkline, Static

from privacy_hygiene.catalog import get_catalog
from privacy_hygiene.tui.screens.base import AppScreen
from privacy_hygiene.tui.widgets.bars import ScoreBars
from privacy_hygiene.tui.widgets.report import grade_text
from privacy_hygiene.tui.widgets.safe import untrusted


class DashboardScreen(AppScreen):
    """Where you stand, at a glance."""

    SCREEN_KEY = "dashboard"
    DEFAULT_CSS = """
    DashboardScreen #top { height: auto; }
    DashboardScreen #score-box { width: 1fr; height: auto; padding: 0 1; }
    DashboardScreen #today-box { width: 1fr; height: auto; padding: 0 1; }
    DashboardScreen #trend { height: 2; margin: 0 1; }
    DashboardScreen #principles { padding: 0 1; }
    DashboardScreen #audits { padding: 0 1; }
    """

    def compose_body(self) -> ComposeResult:
        with VerticalScroll():
            with Horizontal(id="top"):
                with Vertical(id="score-box"):
                    yield Static(self.tr("habit_score"), classes="pane-title")
                    yield Static(id="score", markup=False)
                with Vertical(id="today-box"):
                    yield Static(self.tr("one_thing_today"), classes="pane-title")
                    yield Static(id="today", markup=False)
            yield Sparkline([], id="trend")
            yield Static(self.tr("principles_heading"), classes="pane-title")
            yield ScoreBars(id="principles")
            yield Static(self.tr("recent_audits"), classes="pane-title")
            yield Static(id="audits", markup=False)

    def on_mount(self) -> None:
        self.after_language_change()

    async def on_screen_resume(self) -> None:
        await super().on_screen_resume()
        self.after_language_change()

    def after_language_change(self) -> None:
        """Draw from the current data."""
        unavailable = Text(self.tr("not_available", name=self.tr("screen_checklist")), style="dim")
        self.query_one("#score", Static).update(unavailable)
        self.query_one("#today", Static).update(unavailable)
        self.query_one("#trend", Sparkline).display = False
        principles = get_catalog().principles
        self.query_one(ScoreBars).show([(item.title.get(self.lang), None) for item in principles.values()])
        self._show_audits()

    def _show_audits(self) -> None:
        reports = self.ph_app.recent_audits[:5]
        widget = self.query_one("#audits", Static)
        if not reports:
            widget.update(Text(self.tr("no_audits"), style="dim"))
            return
        table = Table.grid(padding=(0, 2))
        table.add_column(no_wrap=True)
        table.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
        for report in reports:
            table.add_row(grade_text(report, self.lang), untrusted(report.final_url or report.url or report.target, 80))
        widget.update(table)

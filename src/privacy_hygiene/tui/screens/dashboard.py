"""Dashboard: the habit score with its band, coverage and trend; one thing to do today; the twelve
principle bars; recent site audits with grade and scam-risk level."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Sparkline, Static
from textual.worker import Worker, WorkerState

from privacy_hygiene.tui.screens.base import AppScreen
from privacy_hygiene.tui.services import DashboardData
from privacy_hygiene.tui.widgets.bars import ScoreBars
from privacy_hygiene.tui.widgets.habits import score_block
from privacy_hygiene.tui.widgets.report import level_text
from privacy_hygiene.tui.widgets.safe import untrusted


class DashboardScreen(AppScreen):
    """Where you stand, at a glance."""

    SCREEN_KEY = "dashboard"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("t", "open_today", "tui.key_open_today")]
    DEFAULT_CSS = """
    DashboardScreen #top { height: auto; }
    DashboardScreen #score-box { width: 1fr; height: auto; padding: 0 1; }
    DashboardScreen #today-box { width: 1fr; height: auto; padding: 0 1; }
    DashboardScreen #trend { height: 1; margin: 0 1; }
    DashboardScreen #principles { padding: 0 1; }
    DashboardScreen #audits { padding: 0 1; }
    """

    def __init__(self) -> None:
        super().__init__()
        #: what was last read from the store (``None`` until the first read finishes)
        self.data: DashboardData | None = None

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
        self.redraw()

    def reload(self) -> None:
        # read after this frame is drawn: the worker's imports would otherwise hold the GIL while
        # the first frame is being laid out
        self.call_after_refresh(self.load)

    @work(thread=True, exclusive=True, exit_on_error=False, group="dashboard")
    def load(self) -> DashboardData:
        """Read the dashboard's data from the store."""
        from privacy_hygiene.tui.services import load_dashboard

        return load_dashboard()

    @on(Worker.StateChanged)
    def _loaded(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "dashboard":
            return
        if event.state == WorkerState.SUCCESS and isinstance(event.worker.result, DashboardData):
            self.data = event.worker.result
            self.redraw()
        elif event.state == WorkerState.ERROR:
            self.fail(str(event.worker.error))

    def after_language_change(self) -> None:
        """Draw from the current data."""
        habits = self.data.habits if self.data else None
        score = self.query_one("#score", Static)
        today = self.query_one("#today", Static)
        trend = self.query_one("#trend", Sparkline)
        if habits is None or self.data is None:
            waiting = Text(self.tr("loading"), style="dim")
            score.update(waiting)
            today.update(waiting)
            trend.display = False
            self.query_one(ScoreBars).show([])
        else:
            titles = self.data.principles
            report = habits.report
            score.update(score_block(report, self.lang))
            step = report.next_step()
            if step is None:
                today.update(Text(self.tr("all_done"), style="green"))
            else:
                item = step.status.item
                today.update(
                    Text.assemble((item.title.get(self.lang), "bold"), "\n", (item.question.get(self.lang), "dim"))
                )
            trend.data = habits.trend
            trend.display = len(habits.trend) > 1
            rows = [
                (titles[entry.id].get(self.lang) if entry.id in titles else str(entry.id), entry.score)
                for entry in report.principles
            ]
            self.query_one(ScoreBars).show(rows)
        self._show_audits()

    def action_open_today(self) -> None:
        """Open the checklist at today's one thing."""
        habits = self.data.habits if self.data else None
        step = habits.report.next_step() if habits else None
        if step is not None:
            self.ph_app.pending_item = step.id
            self.app.switch_mode("checklist")

    def _show_audits(self) -> None:
        widget = self.query_one("#audits", Static)
        if self.data is None:
            widget.update(Text(self.tr("loading"), style="dim"))
            return
        if not self.data.audits:
            widget.update(Text(self.tr("no_audits"), style="dim"))
            return
        table = Table.grid(padding=(0, 2))
        table.add_column(no_wrap=True)
        table.add_column(no_wrap=True)
        table.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
        for record in self.data.audits:
            table.add_row(
                Text(record.grade or "?", style="bold"),
                level_text(record.scam_level, self.lang),
                untrusted(record.domain or record.url or record.target, 80),
            )
        widget.update(table)

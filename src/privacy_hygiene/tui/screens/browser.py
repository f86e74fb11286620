"""Browser: the profiles found on this computer, each check with its state and evidence, and
applying the automatic answers to the checklist. Profiles are read (read-only) in a worker."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.console import Group, RenderableType
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from privacy_hygiene.i18n import t
from privacy_hygiene.tui.screens.base import AppScreen
from privacy_hygiene.tui.services import BrowserView
from privacy_hygiene.tui.widgets.safe import untrusted

STATE_STYLE = {"pass": "green", "partial": "yellow", "fail": "bold red", "unknown": "dim"}
STATE_MARK = {"pass": "+", "partial": "~", "fail": "x", "unknown": "?"}


class BrowserScreen(AppScreen):
    """What your browsers are set to, read instead of asked."""

    SCREEN_KEY = "browser"
    AUTO_FOCUS = "#checks"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "rescan", "tui.key_scan"),
        Binding("u", "apply", "tui.key_apply"),
    ]
    DEFAULT_CSS = """
    BrowserScreen #profiles { height: 1fr; border: none; }
    BrowserScreen #checks { height: 1fr; border: none; }
    BrowserScreen #check-detail { height: auto; max-height: 45%; border-top: hkey $panel-lighten-2; padding: 0 1; }
    """

    def __init__(self) -> None:
        super().__init__()
        #: profile folders or browser roots to read instead of discovering (``--profile``-like)
        self.folders: tuple[Path, ...] = self.ph_app.browser_folders
        self.view: BrowserView | None = None
        self.profile_index = 0
        self.check_index = 0

    def compose_body(self) -> ComposeResult:
        with Horizontal(classes="columns"):
            with Vertical(classes="side"):
                yield OptionList(id="profiles")
            with Vertical(classes="detail"):
                yield OptionList(id="checks")
                with VerticalScroll(id="check-detail"):
                    yield Static(id="evidence", markup=False)

    def on_mount(self) -> None:
        self.redraw()
        if self.view is None:
            self.action_rescan()

    def action_rescan(self) -> None:
        """Read the profiles again."""
        self.query_one("#evidence", Static).update(Text(self.tr("loading"), style="dim"))
        self.scan()

    @work(thread=True, exclusive=True, exit_on_error=False, group="browser")
    def scan(self) -> BrowserView:
        """Find and read the browser profiles (read-only; SQLite files are copied first)."""
        from privacy_hygiene.tui.services import inspect_browsers

        return inspect_browsers(self.folders)

    def action_apply(self) -> None:
        """Write the automatic answers into the checklist."""
        if self.view and self.view.reports:
            self.apply(self.view)

    @work(thread=True, exclusive=True, exit_on_error=False, group="browser-apply")
    def apply(self, view: BrowserView) -> int:
        """Store the answers (source ``auto``)."""
        from privacy_hygiene.tui.services import apply_browser_answers

        return apply_browser_answers(view.reports)

    @on(Worker.StateChanged)
    def _worker_done(self, event: Worker.StateChanged) -> None:
        group = event.worker.group
        if group not in ("browser", "browser-apply"):
            return
        if event.state == WorkerState.ERROR:
            self.fail(str(event.worker.error))
        elif event.state == WorkerState.SUCCESS and group == "browser":
            result = event.worker.result
            if isinstance(result, BrowserView):
                self.view = result
                self.profile_index = 0
                self.redraw()
        elif event.state == WorkerState.SUCCESS and group == "browser-apply":
            self.notify(self.tr("applied", count=event.worker.result), markup=False)

    @on(OptionList.OptionHighlighted, "#profiles")
    def _profile_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index != self.profile_index:
            self.profile_index = event.option_index
            self.check_index = 0
            self._fill_checks()

    @on(OptionList.OptionHighlighted, "#checks")
    def _check_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.check_index = event.option_index
        self._show_check()

    def after_language_change(self) -> None:
        """Fill the lists from the last scan."""
        profiles = self.query_one("#profiles", OptionList)
        profiles.clear_options()
        if self.view is None:
            return
        if not self.view.reports:
            self.query_one("#evidence", Static).update("")
            checks = self.query_one("#checks", OptionList)
            checks.clear_options()
            checks.add_option(Option(Text(self.tr("browser_none"), style="dim"), disabled=True))
            return
        for report in self.view.reports:
            label = Text.assemble(
                untrusted(report.profile.browser, 30, style="bold"), " · ", untrusted(report.profile.name, 60)
            )
            if report.running:
                label.append(f"  ({self.tr('browser_running')})", style="yellow")
            profiles.add_option(Option(label))
        profiles.highlighted = self.profile_index
        self._fill_checks()

    def _fill_checks(self) -> None:
        checks = self.query_one("#checks", OptionList)
        checks.clear_options()
        if self.view is None or not self.view.reports:
            return
        report = self.view.reports[self.profile_index]
        for result in report.checks:
            title = self.view.titles.get(result.check_id)
            state = Text(
                f"{STATE_MARK[result.state]} {t(f'browser.state_{result.state}', self.lang)}",
                style=STATE_STYLE[result.state],
            )
            state.align("left", 10)
            checks.add_option(Option(Text.assemble(state, " ", title.get(self.lang) if title else result.check_id)))
        if report.checks:
            checks.highlighted = min(self.check_index, len(report.checks) - 1)
        self._show_check()

    def _show_check(self) -> None:
        widget = self.query_one("#evidence", Static)
        if self.view is None or not self.view.reports:
            return
        report = self.view.reports[self.profile_index]
        parts: list[RenderableType] = [untrusted(str(report.profile.path), 200, style="dim")]
        parts.extend(Text(f"! {warning.get(self.lang)}", style="yellow") for warning in report.warnings)
        if report.checks and self.check_index < len(report.checks):
            result = report.checks[self.check_index]
            parts.append(Text(result.explanation.get(self.lang)))
            if result.confidence in ("default", "policy"):
                parts.append(Text(t(f"browser.confidence_{result.confidence}", self.lang), style="dim"))
            if result.evidence:
                parts.append(Text(self.tr("auto_evidence"), style="bold"))
            answered = self.view.answered_by.get(result.check_id, ())
            if answered:
                parts.append(Text(f"{self.tr('answers_items')}: {', '.join(answered)}", style="dim"))
            for value in result.evidence:
                line = Text("  ")
                line.append_text(untrusted(value.key, 80))
                line.append(" = ")
                line.append_text(untrusted(repr(value.value), 80))
                line.append(f"  ({value.source})", style="dim")
                parts.append(line)
        widget.update(Group(*parts))

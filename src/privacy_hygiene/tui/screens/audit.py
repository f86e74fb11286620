"""Audit: URLs or saved pages in, live progress from a thread worker (cancellable), the report of
each target with its scam-risk banner, grouped findings, forms and a detail pane."""

from __future__ import annotations

from typing import ClassVar

from rich.console import RenderableType
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, OptionList, ProgressBar, Static, Tree
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState, get_current_worker

from privacy_hygiene.models import AuditReport
from privacy_hygiene.sanitize import one_line
from privacy_hygiene.tui.messages import AuditFinished, AuditStarted
from privacy_hygiene.tui.screens.base import AppScreen
from privacy_hygiene.tui.widgets.report import (
    FindingsTree,
    RiskBanner,
    Selection,
    finding_view,
    form_view,
    grade_text,
    summary_view,
)
from privacy_hygiene.tui.widgets.safe import untrusted


class AuditScreen(AppScreen):
    """Audit one or several sites and read the results."""

    SCREEN_KEY = "audit"
    #: single-key navigation keeps working until the person asks for the address box (/ or a click)
    AUTO_FOCUS = "#targets"  # a new visitor types an address first; results take focus when they arrive
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "focus_input", "tui.key_focus_input"),
        Binding("escape", "cancel", "tui.key_cancel"),
        Binding("plus", "add_to_plan", "tui.key_add_to_plan"),
    ]
    DEFAULT_CSS = """
    AuditScreen #batch { height: auto; max-height: 6; border: none; border-bottom: hkey $panel-lighten-2; }
    AuditScreen #status { height: 1; padding: 0 1; color: $text-muted; }
    AuditScreen #progress { height: 1; padding: 0 1; }
    AuditScreen #progress Bar { width: 1fr; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.specs: list[str] = []
        self.reports: list[AuditReport | None] = []
        self.selected = 0
        self.selection = Selection("summary")
        self.running = False
        self.run_number = 0
        self.typed = ""
        #: (locale key, values) of the status line, re-translated on a language switch
        self.status: tuple[str, dict[str, object]] = ("audit_idle", {})

    def compose_body(self) -> ComposeResult:
        with Horizontal(classes="toolbar"):
            yield Input(self.typed, placeholder=self.tr("audit_placeholder"), id="targets")
            yield Button(self.tr("audit_button"), id="start", variant="primary")
            yield Button(self.tr("cancel_button"), id="cancel", disabled=not self.running)
        yield Static(id="status", markup=False)
        yield ProgressBar(id="progress", show_eta=False)
        yield RiskBanner(id="banner")
        with Horizontal(classes="columns"):
            with Vertical(classes="side"):
                yield OptionList(id="batch")
                yield FindingsTree("report", id="findings")
            with VerticalScroll(classes="detail", id="detail-scroll"):
                yield Static(id="detail", markup=False)

    def on_mount(self) -> None:
        self.redraw()

    def after_language_change(self) -> None:
        """Fill the widgets from the screen's state."""
        self._show_status()
        self._fill_batch()
        self._show_selected()
        self.query_one("#progress", ProgressBar).update(total=max(len(self.specs), 1), progress=self._finished())

    # ---- input -------------------------------------------------------------------------------

    @on(Input.Changed, "#targets")
    def _remember_typed(self, event: Input.Changed) -> None:
        self.typed = event.value

    @on(Input.Submitted, "#targets")
    @on(Button.Pressed, "#start")
    def _start_pressed(self) -> None:
        self.start_audit(self.query_one("#targets", Input).value)

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    def action_focus_input(self) -> None:
        """Put the cursor in the address box."""
        self.query_one("#targets", Input).focus()

    def start_audit(self, text: str) -> None:
        """Audit every target in ``text`` (whitespace-separated) in a worker."""
        from privacy_hygiene.tui.services import split_targets

        specs = split_targets(text)
        if not specs:
            self.notify(self.tr("audit_nothing"), severity="warning")
            return
        self.run_number += 1
        self.specs = specs
        self.reports = [None] * len(specs)
        self.selected = 0
        self.selection = Selection("summary")
        self._set_running(True)
        self.status = ("audit_running", {"done": 0, "total": len(specs), "target": one_line(specs[0], 60)})
        self.redraw()
        self.query_one(FindingsTree).focus()  # arrows browse the results as they arrive
        self.run_batch(self.run_number, specs)

    def show_reports(self, reports: list[AuditReport]) -> None:
        """Show finished reports (as if just audited) without running the engine."""
        self.run_number += 1
        self.specs = [report.target for report in reports]
        self.reports = list(reports)
        self.selected = 0
        self.selection = Selection("summary")
        self._set_running(False)
        self.status = ("audit_done", {"total": len(reports)})
        self.redraw()

    @work(thread=True, exclusive=True, exit_on_error=False, group="audit")
    def run_batch(self, run: int, specs: list[str]) -> None:
        """Audit ``specs`` one after another, posting progress and each report as it finishes."""
        from privacy_hygiene.tui.services import audit_one

        worker = get_current_worker()
        for index, spec in enumerate(specs):
            if worker.is_cancelled:
                return
            self.post_message(AuditStarted(run, index, len(specs), spec))
            report = audit_one(spec)
            if worker.is_cancelled:
                return
            self.post_message(AuditFinished(run, index, report))

    def action_cancel(self) -> None:
        """Stop the running batch (targets not finished stay unfinished); else leave the address box."""
        if not self.running:
            if isinstance(self.focused, Input):
                self.query_one(FindingsTree).focus()
            return
        self.workers.cancel_group(self, "audit")
        self.run_number += 1  # anything the old run still posts is now stale
        self._set_running(False)
        self.status = ("audit_cancelled", {})
        self._show_status()
        self._fill_batch()

    # ---- worker results ----------------------------------------------------------------------

    def on_audit_started(self, message: AuditStarted) -> None:
        if message.run != self.run_number:
            return
        self.status = (
            "audit_running",
            {"done": self._finished(), "total": message.total, "target": one_line(message.target, 60)},
        )
        self._show_status()

    def on_audit_finished(self, message: AuditFinished) -> None:
        if message.run != self.run_number:
            return
        self.reports[message.index] = message.report
        self.ph_app.remember_audit(message.report)
        self.query_one("#progress", ProgressBar).update(progress=self._finished())
        if self._finished() == len(self.specs):
            self._set_running(False)
            self.status = ("audit_done", {"total": len(self.specs)})
            self._show_status()
        self._fill_batch()
        if message.index == self.selected:
            self._show_selected()

    @on(Worker.StateChanged)
    def _worker_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "audit" or event.state != WorkerState.ERROR:
            return
        self._set_running(False)
        self.fail(str(event.worker.error))

    # ---- selection ---------------------------------------------------------------------------

    @on(OptionList.OptionHighlighted, "#batch")
    def _target_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index != self.selected:
            self.selected = event.option_index
            self.selection = Selection("summary")
            self._show_selected()

    @on(Tree.NodeHighlighted, "#findings")
    def _node_highlighted(self, event: Tree.NodeHighlighted[Selection]) -> None:
        data = event.node.data
        if data is not None and data.kind != "group":
            self.selection = data
            self._show_detail()

    def action_add_to_plan(self) -> None:
        """Put the selected site's advice in the plan ("Sites you audited" lists the audits kept in
        the store, which every finished audit already is) and show the plan."""
        report = self._current()
        if report is None or report.error:
            self.notify(self.tr("nothing_to_add"), severity="warning")
            return
        self.notify(self.tr("added_to_plan"))
        self.app.switch_mode("plan")

    # ---- drawing -----------------------------------------------------------------------------

    def _finished(self) -> int:
        return sum(report is not None for report in self.reports)

    def _current(self) -> AuditReport | None:
        return self.reports[self.selected] if 0 <= self.selected < len(self.reports) else None

    def _set_running(self, running: bool) -> None:
        self.running = running
        self.query_one("#cancel", Button).disabled = not running
        self.query_one("#start", Button).disabled = running

    def _show_status(self) -> None:
        key, values = self.status
        self.query_one("#status", Static).update(Text(self.tr(key, **values)))

    def _fill_batch(self) -> None:
        batch = self.query_one("#batch", OptionList)
        batch.display = len(self.specs) > 1
        batch.clear_options()
        # one line per target: the side column is 40% of the terminal (at least 28 cells), less its edges
        width = max(self.app.size.width * 2 // 5, 28) - 3
        for spec, report in zip(self.specs, self.reports, strict=True):
            state = grade_text(report, self.lang) if report else Text(self.tr("audit_pending"), style="dim")
            line = Text.assemble(state, "  ", untrusted(spec, 200))
            line.truncate(width, overflow="ellipsis")
            batch.add_option(Option(line))
        if self.specs:
            batch.highlighted = self.selected

    def _show_selected(self) -> None:
        report = self._current()
        self.query_one(RiskBanner).show_for(report, self.lang)
        self.query_one(FindingsTree).show_report(report, self.lang)
        self._show_detail()

    def _show_detail(self) -> None:
        report = self._current()
        view: RenderableType
        if report is None:
            view = Text(self.tr("audit_select") if self.specs else "", style="dim")
        elif self.selection.kind == "finding" and self.selection.index < len(report.findings):
            view = finding_view(report.findings[self.selection.index], self.lang)
        elif self.selection.kind == "form" and self.selection.index < len(report.forms):
            view = form_view(report.forms[self.selection.index], self.lang)
        else:
            view = summary_view(report, self.lang)
        self.query_one("#detail", Static).update(view)

"""Plan: the action plan's sections (one thing today, quick wins, bigger jobs, later, habits, sites
you audited), marking an item done, and exporting (format and path) in a worker."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from rich.console import Group, RenderableType
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static, Tree
from textual.worker import Worker, WorkerState

from privacy_hygiene.i18n import Lang, t
from privacy_hygiene.tui.screens.base import AppScreen
from privacy_hygiene.tui.screens.export import ExportRequest, ExportScreen
from privacy_hygiene.tui.widgets.habits import state_text
from privacy_hygiene.tui.widgets.outline import Outline, outline_with_detail
from privacy_hygiene.tui.widgets.report import level_text
from privacy_hygiene.tui.widgets.safe import untrusted

if TYPE_CHECKING:
    from privacy_hygiene.plan.model import AuditedSite, Plan, PlanItem

ITEM_SECTIONS = ("today", "quick_wins", "bigger_jobs", "later", "habits")


class PlanScreen(AppScreen):
    """What to do, in order."""

    SCREEN_KEY = "plan"
    AUTO_FOCUS = "#plan-tree"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "mark_done", "tui.key_done"),
        Binding("e", "export", "tui.key_export"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.plan: Plan | None = None
        #: what the highlighted node stands for: ("item", id) or ("site", index)
        self.current: tuple[str, str] = ("", "")
        #: where the export dialog proposes to save (the home folder; tests point it elsewhere)
        self.export_folder = Path.home()

    def compose_body(self) -> ComposeResult:
        yield Static(id="plan-summary", markup=False)
        yield from outline_with_detail(Outline[tuple[str, str]]("plan", id="plan-tree", classes="side"), "plan-detail")

    def on_mount(self) -> None:
        self.redraw()

    def reload(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="plan")
    def load(self) -> Plan:
        """Build the plan from the checklist and recent audits."""
        from privacy_hygiene.tui.services import load_plan

        return load_plan(self.lang)

    @work(thread=True, exit_on_error=False, group="plan-save")
    def mark_done(self, item_id: str) -> None:
        """Record the item as done in the checklist."""
        from privacy_hygiene.tui.services import answer_item

        answer_item(item_id, "pass")

    @work(thread=True, exclusive=True, exit_on_error=False, group="plan-export")
    def export(self, request: ExportRequest) -> Path:
        """Render and write the plan."""
        from privacy_hygiene.tui.services import export_plan

        return export_plan(self.lang, request.format_name, request.path, force=request.force)

    @on(Worker.StateChanged)
    def _worker_done(self, event: Worker.StateChanged) -> None:
        group = event.worker.group
        if group not in ("plan", "plan-save", "plan-export"):
            return
        if event.state == WorkerState.ERROR:
            self.fail(str(event.worker.error))
        elif event.state != WorkerState.SUCCESS:
            return
        elif group == "plan":
            self.plan = cast("Plan", event.worker.result)
            self.redraw()
        elif group == "plan-save":
            self.notify(self.tr("marked_done"))
            self.load()
        else:
            self.notify(self.tr("export_ok", path=event.worker.result), markup=False)

    def action_mark_done(self) -> None:
        """Mark the highlighted item done (it becomes a pass in the checklist)."""
        kind, key = self.current
        if kind == "item":
            self.mark_done(key)

    def action_export(self) -> None:
        """Open the export dialog."""
        from privacy_hygiene.plan.exporters import EXPORTERS

        formats = {name: exporter.suffix for name, exporter in EXPORTERS.items()}

        def chosen(request: ExportRequest | None) -> None:
            if request is not None:
                self.export(request)

        self.app.push_screen(ExportScreen(formats, self.export_folder, self.lang), chosen)

    def after_language_change(self) -> None:
        """Redraw from the last plan (a language switch also rebuilds the plan in that language)."""
        summary = self.query_one("#plan-summary", Static)
        tree: Tree[tuple[str, str]] = self.query_one("#plan-tree", Tree)
        tree.clear()
        plan = self.plan
        if plan is None:
            summary.update(Text(self.tr("loading"), style="dim"))
            return
        if plan.lang != self.lang:
            self.load()
        score = "-" if plan.score is None else f"{plan.score}/100"
        summary.update(
            Text.assemble(
                (f"{self.tr('habit_score')} {score}", "bold"),
                f" · {plan.band_label} · ",
                (self.tr("coverage", percent=plan.coverage), "dim"),
            )
        )
        first: tuple[str, str] | None = None
        for section in ITEM_SECTIONS:
            items: tuple[PlanItem, ...] = getattr(plan, section)
            node = tree.root.add(
                Text(t(f"plan.section_{section}", self.lang) + f" ({len(items)})", style="bold"),
                ("", ""),
                expand=bool(items),
            )
            for item in items:
                label = Text.assemble(state_text(item.state, self.lang, short=True), " ", item.title)
                if item.due is not None:
                    label.append(f"  {item.due.isoformat()}", style="red" if item.overdue else "dim")
                node.add_leaf(label, ("item", item.id))
                first = first or ("item", item.id)
        sites = tree.root.add(
            Text(t("plan.section_sites", self.lang) + f" ({len(plan.sites)})", style="bold"), ("", ""), expand=True
        )
        for index, site in enumerate(plan.sites):
            label = Text.assemble((site.grade or "?", "bold"), " ", level_text(site.scam_level, self.lang), " ")
            label.append_text(untrusted(site.url or site.target, 60))
            sites.add_leaf(label, ("site", str(index)))
        if self.current == ("", "") and first is not None:
            self.current = first
        self._show_detail()

    @on(Tree.NodeHighlighted, "#plan-tree")
    def _highlighted(self, event: Tree.NodeHighlighted[tuple[str, str]]) -> None:
        if event.node.data and event.node.data[0]:
            self.current = event.node.data
            self._show_detail()

    def _show_detail(self) -> None:
        widget = self.query_one("#plan-detail", Static)
        plan = self.plan
        kind, key = self.current
        if plan is None or not kind:
            widget.update(Text(self.tr("plan_empty") if plan is not None and not plan.items else "", style="dim"))
            return
        if kind == "site":
            index = int(key)
            widget.update(_site_view(plan.sites[index], self.lang) if index < len(plan.sites) else Text(""))
            return
        item = next((entry for entry in plan.items if entry.id == key), None)
        widget.update(_item_view(item, self.lang) if item else Text(""))


def _item_view(item: PlanItem, lang: Lang) -> RenderableType:
    parts: list[RenderableType] = [
        Text(item.title, style="bold"),
        Text.assemble(
            state_text(item.state, lang, short=False),
            (f"  {item.id} · ", "dim"),
            (t("plan.effort", lang, effort=item.effort), "dim"),
        ),
    ]
    if item.due is not None:
        key = "tui.plan_overdue" if item.overdue else "tui.plan_due"
        parts.append(Text(t(key, lang, date=item.due.isoformat()), style="red" if item.overdue else ""))
    if item.steps:
        parts.append(Text(f"\n{t('tui.plan_steps', lang)}", style="bold"))
        parts.extend(Text(f"  {number}. {step}") for number, step in enumerate(item.steps, 1))
    return Group(*parts)


def _site_view(site: AuditedSite, lang: Lang) -> RenderableType:
    parts: list[RenderableType] = [
        untrusted(site.title or site.url or site.target, 160, style="bold"),
        untrusted(site.url or site.target, 200, style="dim"),
        Text.assemble((f"{site.grade or '?'}  ", "bold"), level_text(site.scam_level, lang)),
    ]
    for finding in site.findings:
        parts.append(Text(f"\n{finding.title}", style="bold"))
        parts.append(Text(finding.advice))
        if finding.if_entered:
            parts.append(Text(t("tui.plan_if_entered", lang), style="bold yellow"))
            parts.append(Text(finding.if_entered))
    return Group(*parts)

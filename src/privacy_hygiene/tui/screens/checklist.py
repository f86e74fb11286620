"""Checklist: principles → items, answered with single keys; a detail pane (why, how-to for the
person's platforms, evidence of automatic answers); filters; the intake on first run."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.console import Group
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static, Tree
from textual.widgets.tree import TreeNode
from textual.worker import Worker, WorkerState

from privacy_hygiene.catalog import get_catalog
from privacy_hygiene.i18n import t
from privacy_hygiene.tui.screens.base import AppScreen
from privacy_hygiene.tui.services import HabitView
from privacy_hygiene.tui.widgets.habits import habit_line, state_text
from privacy_hygiene.tui.widgets.outline import Outline, outline_with_detail
from privacy_hygiene.tui.widgets.safe import untrusted

if TYPE_CHECKING:
    from privacy_hygiene.checklist import ScoredItem
    from privacy_hygiene.store import StoredState

FILTERS = ("all", "remaining", "stale")
#: states that still need something from the person
REMAINING = frozenset({"unknown", "fail", "partial", "stale"})


class ChecklistScreen(AppScreen):
    """Your habits, principle by principle."""

    SCREEN_KEY = "checklist"
    AUTO_FOCUS = "#items"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer('pass')", "tui.key_pass"),
        Binding("h", "answer('partial')", "tui.key_partial"),
        Binding("n", "answer('fail')", "tui.key_fail"),
        Binding("u", "answer('unknown')", "tui.key_unknown"),
        Binding("x", "answer('not_applicable')", "tui.key_na"),
        Binding("f", "cycle_filter", "tui.key_filter"),
        Binding("right_square_bracket", "principle(1)", "tui.key_next_principle", show=False),
        Binding("left_square_bracket", "principle(-1)", "tui.key_previous_principle", show=False),
        Binding("i", "intake", "tui.key_intake"),
        *(Binding(str(number), f"quiz({number})", "tui.key_quiz", show=False) for number in range(1, 5)),
    ]
    DEFAULT_CSS = """
    ChecklistScreen #habit-line { height: auto; padding: 0 1; }
    ChecklistScreen #filters { height: 1; padding: 0 1; color: $text-muted; }
    ChecklistScreen #items { height: 1fr; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.view: HabitView | None = None
        self.filter = "all"
        #: 0 = every principle, else only this one
        self.principle = 0
        self.current_item = ""
        self.intake_offered = False
        self.principle_nodes: dict[int, TreeNode[str]] = {}
        #: item id → its node, in display order
        self.item_nodes: dict[str, TreeNode[str]] = {}

    def compose_body(self) -> ComposeResult:
        yield Static(id="habit-line", markup=False)
        yield Static(id="filters", markup=False)
        yield from outline_with_detail(Outline[str]("checklist", id="items", classes="side"), "item-detail")

    def on_mount(self) -> None:
        self.redraw()

    def reload(self) -> None:
        self.load()

    # ---- workers -----------------------------------------------------------------------------

    # Reads are exclusive (the newest wins); writes are not, so answers given in quick succession
    # are all saved, and each finished write triggers a fresh read.

    @work(thread=True, exclusive=True, exit_on_error=False, group="checklist")
    def load(self) -> HabitView:
        """Read and score the checklist."""
        from privacy_hygiene.tui.services import load_habits

        return load_habits()

    @work(thread=True, exit_on_error=False, group="checklist-save")
    def save_answer(self, item_id: str, state: StoredState) -> None:
        """Save one answer (with a score snapshot)."""
        from privacy_hygiene.tui.services import answer_item

        answer_item(item_id, state)

    @work(thread=True, exit_on_error=False, group="checklist-save")
    def save_quiz(self, item_id: str, choice: int) -> None:
        """Grade and save a quiz answer."""
        from privacy_hygiene.tui.services import answer_quiz

        answer_quiz(item_id, choice)

    @work(thread=True, exit_on_error=False, group="checklist-save")
    def save_intake(self, values: dict[str, str]) -> None:
        """Save the intake answers."""
        from privacy_hygiene.tui.services import save_intake

        save_intake(values)

    @on(Worker.StateChanged)
    def _worker_done(self, event: Worker.StateChanged) -> None:
        group = event.worker.group
        if group not in ("checklist", "checklist-save"):
            return
        if event.state == WorkerState.ERROR:
            self.fail(str(event.worker.error))
        elif event.state == WorkerState.SUCCESS and group == "checklist-save":
            self.load()
        elif event.state == WorkerState.SUCCESS and isinstance(event.worker.result, HabitView):
            self.show(event.worker.result)

    # ---- actions -----------------------------------------------------------------------------

    def action_answer(self, state: StoredState) -> None:
        """Answer the highlighted item, then move to the next one."""
        item_id = self.current_item
        if not item_id or self.view is None:
            return
        self.save_answer(item_id, state)
        order = list(self.item_nodes)
        if item_id in order and order.index(item_id) + 1 < len(order):
            following = order[order.index(item_id) + 1]
            self.current_item = following
            self.query_one("#items", Tree).move_cursor(self.item_nodes[following])

    def action_quiz(self, choice: int) -> None:
        """Answer the highlighted knowledge item's quiz with option ``choice``."""
        entry = self._entry(self.current_item)
        quiz = entry.status.item.quiz if entry is not None else None
        if entry is not None and quiz is not None and choice <= len(quiz.options):
            self.save_quiz(entry.id, choice)

    def action_cycle_filter(self) -> None:
        """All items → remaining → due again."""
        self.filter = FILTERS[(FILTERS.index(self.filter) + 1) % len(FILTERS)]
        self._fill_tree()

    def action_principle(self, step: int) -> None:
        """Show only the next (or previous) principle; past 12 (or before 1) shows all."""
        self.principle = (self.principle + step) % 13
        self._fill_tree()

    def action_intake(self) -> None:
        """Open the intake questions."""
        if self.view is None:
            return
        from privacy_hygiene.tui.screens.intake import IntakeScreen

        def saved(values: dict[str, str] | None) -> None:
            if values:
                self.save_intake(values)
                self.notify(self.tr("intake_saved"))

        self.app.push_screen(IntakeScreen(self.view.checklist.questions, self.view.intake, self.lang), saved)

    # ---- drawing -----------------------------------------------------------------------------

    def show(self, view: HabitView) -> None:
        """Draw a freshly scored checklist (keeping the tree and cursor when only answers changed)."""
        rebuild = self.view is None or self.filter != "all"
        if self.ph_app.pending_item:  # asked for from another screen: show every item, that one selected
            self.current_item, self.ph_app.pending_item = self.ph_app.pending_item, ""
            self.filter, self.principle, rebuild = "all", 0, True
        self.view = view
        if rebuild:
            self._fill_tree()
        else:
            self._relabel()
        self._show_header()
        self._show_detail()
        if view.needs_intake and not self.intake_offered:
            self.intake_offered = True
            self.action_intake()

    def after_language_change(self) -> None:
        """Redraw every text from the current data."""
        self._show_header()
        self._fill_tree()

    def _entry(self, item_id: str) -> ScoredItem | None:
        if self.view is None:
            return None
        return next((entry for entry in self.view.report.items if entry.id == item_id), None)

    def _visible(self, entry: ScoredItem) -> bool:
        if self.principle and entry.status.item.principle != self.principle:
            return False
        if self.filter == "remaining":
            return entry.status.state in REMAINING
        if self.filter == "stale":
            return entry.status.due
        return True

    def _show_header(self) -> None:
        header = self.query_one("#habit-line", Static)
        filters = self.query_one("#filters", Static)
        names = {"all": "filter_all", "remaining": "filter_remaining", "stale": "filter_stale"}
        parts = [f"{self.tr('key_filter')}: {self.tr(names[self.filter])}"]
        if self.principle:
            title = get_catalog().principles[self.principle].title.get(self.lang)
            parts.append(t("report.principle", self.lang, id=self.principle) + f" {title}")
        filters.update(Text(" · ".join(parts)))
        if self.view is None:
            header.update(Text(self.tr("loading"), style="dim"))
        else:
            header.update(habit_line(self.view.report, self.lang))

    def _principle_label(self, principle: int) -> Text:
        title = get_catalog().principles[principle].title.get(self.lang)
        label = Text(f"{principle:>2} {title}", style="bold")
        if self.view is not None:
            score = self.view.report.principles[principle - 1].score
            label.append(f"  {round(score)}" if score is not None else "  -", style="dim")
        return label

    def _item_label(self, entry: ScoredItem) -> Text:
        return Text.assemble(
            state_text(entry.status.state, self.lang, short=True), " ", entry.status.item.title.get(self.lang)
        )

    def _fill_tree(self) -> None:
        tree: Tree[str] = self.query_one("#items", Tree)
        tree.clear()
        self.principle_nodes = {}
        self.item_nodes = {}
        if self.view is None:
            return
        cursor_node: TreeNode[str] | None = None
        for entry in self.view.report.items:
            if not self._visible(entry):
                continue
            principle = entry.status.item.principle
            parent = self.principle_nodes.get(principle)
            if parent is None:
                parent = tree.root.add(self._principle_label(principle), "", expand=True)
                self.principle_nodes[principle] = parent
            node = parent.add_leaf(self._item_label(entry), entry.id)
            self.item_nodes[entry.id] = node
            if entry.id == self.current_item:
                cursor_node = node
        if not self.item_nodes:
            tree.root.add_leaf(Text(self.tr("nothing_listed"), style="dim"), "")
        elif cursor_node is None:
            cursor_node = next(iter(self.item_nodes.values()))
        self._show_header()
        if cursor_node is not None and cursor_node.data:
            self.current_item = cursor_node.data
            # the new nodes get their lines on the next refresh; move the cursor then
            self.call_after_refresh(tree.move_cursor, cursor_node)

    def _relabel(self) -> None:
        assert self.view is not None
        for entry in self.view.report.items:
            node = self.item_nodes.get(entry.id)
            if node is not None:
                node.set_label(self._item_label(entry))
        for principle, node in self.principle_nodes.items():
            node.set_label(self._principle_label(principle))

    @on(Tree.NodeHighlighted, "#items")
    def _highlighted(self, event: Tree.NodeHighlighted[str]) -> None:
        # a principle's node selects no item, so a key pressed there answers nothing
        self.current_item = event.node.data or ""
        self._show_detail()

    def _show_detail(self) -> None:
        widget = self.query_one("#item-detail", Static)
        entry = self._entry(self.current_item)
        if self.view is None or entry is None:
            widget.update(Text(self.tr("checklist_hint") + "\n\n" + self.tr("filter_keys"), style="dim"))
            return
        from privacy_hygiene.checklist import intake as intake_rules
        from privacy_hygiene.checklist.render import item_details

        history = [answer for answer in self.view.history if answer.item_id == entry.id][-5:]
        intake = intake_rules.parse(self.view.intake)
        details = item_details(self.view.checklist, entry, history, intake, self.lang)
        answer = entry.status.answer
        if answer is not None and answer.source == "auto":
            checks = ", ".join(entry.status.item.browser_checks)
            note = Text(self.tr("auto_answered", checks=checks), style="yellow")
            if answer.note:
                note.append("\n")
                note.append_text(untrusted(answer.note, 300, style="dim"))  # profile names: untrusted
            widget.update(Group(note, Text(""), details))
        else:
            widget.update(details)

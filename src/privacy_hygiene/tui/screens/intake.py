"""The intake: a few questions, asked on first run (and with ``i``), that decide which checklist
items apply, which come first and whose how-to steps are shown."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, RadioButton, RadioSet, SelectionList, Static

from privacy_hygiene.i18n import Lang, t

if TYPE_CHECKING:
    from privacy_hygiene.catalog.schemas.checklist import IntakeQuestion


class IntakeScreen(ModalScreen[dict[str, str] | None]):
    """Answer the intake questions; dismissed with the answers (``None`` when cancelled)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss_none", "Close", show=False)]
    AUTO_FOCUS = "SelectionList, RadioSet"
    DEFAULT_CSS = """
    IntakeScreen { align: center middle; }
    IntakeScreen > Vertical { width: 90%; max-width: 90; height: 90%; background: $surface; border: round $accent; }
    IntakeScreen VerticalScroll { height: 1fr; padding: 0 1; }
    IntakeScreen .question { text-style: bold; margin: 1 0 0 0; }
    IntakeScreen SelectionList, IntakeScreen RadioSet { height: auto; border: none; }
    IntakeScreen #intake-buttons { height: auto; align-horizontal: right; padding: 0 1; }
    IntakeScreen Button { margin: 0 0 0 1; }
    """

    def __init__(self, questions: tuple[IntakeQuestion, ...], current: dict[str, str], lang: Lang) -> None:
        super().__init__()
        self.questions = questions
        self.current = {key: set(value.split(",")) for key, value in current.items()}
        self.lang = lang

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Vertical():
            yield Static(t("tui.intake_title", lang), classes="pane-title")
            with VerticalScroll():
                for question in self.questions:
                    chosen = self.current.get(question.key, set())
                    yield Static(Text(question.text.get(lang)), classes="question")
                    if question.multiple:
                        yield SelectionList[str](
                            *((Text(o.label.get(lang)), o.value, o.value in chosen) for o in question.options),
                            id=f"q-{question.key}",
                        )
                    else:
                        with RadioSet(id=f"q-{question.key}"):
                            for option in question.options:
                                yield RadioButton(Text(option.label.get(lang)), value=option.value in chosen)
            with Horizontal(id="intake-buttons"):
                yield Button(t("tui.intake_save", lang), id="save", variant="primary")
                yield Button(t("tui.export_cancel", lang), id="cancel")

    def answers(self) -> dict[str, str]:
        """The answers given so far (questions left blank are left out)."""
        values: dict[str, str] = {}
        for question in self.questions:
            if question.multiple:
                selected = self.query_one(f"#q-{question.key}", SelectionList).selected
                chosen = [option.value for option in question.options if option.value in selected]
            else:
                index = self.query_one(f"#q-{question.key}", RadioSet).pressed_index
                chosen = [question.options[index].value] if index >= 0 else []
            if chosen:
                values[question.key] = ",".join(chosen)
        return values

    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        self.dismiss(self.answers())

    @on(Button.Pressed, "#cancel")
    def action_dismiss_none(self) -> None:
        """Close without saving."""
        self.dismiss(None)

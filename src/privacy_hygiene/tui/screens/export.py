"""The export dialog: a format and a path; the plan is written in a worker by the Plan screen."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Select, Static

from privacy_hygiene.i18n import Lang, t


@dataclass(frozen=True)
class ExportRequest:
    """What the person asked for."""

    format_name: str
    path: Path
    force: bool


class ExportScreen(ModalScreen[ExportRequest | None]):
    """Choose a format and where to save; dismissed with the request (``None`` when cancelled)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss_none", "Close", show=False)]
    DEFAULT_CSS = """
    ExportScreen { align: center middle; }
    ExportScreen > Vertical {
        width: 72; max-width: 95%; height: auto; background: $surface; border: round $accent; padding: 0 1;
    }
    ExportScreen Select, ExportScreen Input { width: 100%; margin: 0 0 1 0; }
    ExportScreen #export-buttons { height: auto; align-horizontal: right; }
    ExportScreen Button { margin: 0 0 0 1; }
    """

    def __init__(self, formats: dict[str, str], folder: Path, lang: Lang) -> None:
        super().__init__()
        #: format name → file suffix (``md`` → ``.md``)
        self.formats = formats
        self.folder = folder
        self.lang = lang

    def compose(self) -> ComposeResult:
        lang = self.lang
        first = "md" if "md" in self.formats else next(iter(self.formats))
        with Vertical():
            yield Static(t("tui.export_title", lang), classes="pane-title")
            yield Static(t("tui.export_format", lang))
            yield Select([(name, name) for name in self.formats], value=first, allow_blank=False, id="format")
            yield Static(t("tui.export_path", lang))
            yield Input(str(self.folder / f"privacy-plan{self.formats[first]}"), id="path")
            yield Checkbox(t("tui.export_force", lang), id="force")
            with Horizontal(id="export-buttons"):
                yield Button(t("tui.export_go", lang), id="go", variant="primary")
                yield Button(t("tui.export_cancel", lang), id="cancel")

    @on(Select.Changed, "#format")
    def _format_chosen(self, event: Select.Changed) -> None:
        """Keep the file's suffix in step with the format."""
        if not isinstance(event.value, str):
            return
        box = self.query_one("#path", Input)
        path = Path(box.value or f"privacy-plan{self.formats[event.value]}")
        if path.suffix.lower() in self.formats.values():
            box.value = str(path.with_suffix(self.formats[event.value]))

    @on(Input.Submitted, "#path")
    @on(Button.Pressed, "#go")
    def _go(self) -> None:
        value = self.query_one("#format", Select).value
        text = self.query_one("#path", Input).value.strip()
        if isinstance(value, str) and text:
            self.dismiss(ExportRequest(value, Path(text), self.query_one("#force", Checkbox).value))

    @on(Button.Pressed, "#cancel")
    def action_dismiss_none(self) -> None:
        """Close without exporting."""
        self.dismiss(None)

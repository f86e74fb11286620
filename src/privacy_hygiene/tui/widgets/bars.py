"""Score bars: one line per principle (or any labelled score), drawn with unambiguous-width blocks."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

FULL = "█"
EMPTY = "░"


def bar(score: float | None, width: int) -> Text:
    """A bar ``width`` cells wide for ``score`` (0..100); ``None`` draws an empty, dim bar."""
    if score is None:
        return Text(EMPTY * width, style="dim")
    filled = round(max(0.0, min(100.0, score)) * width / 100)
    style = "green" if score >= 80 else "yellow" if score >= 50 else "red"
    return Text.assemble((FULL * filled, style), (EMPTY * (width - filled), "dim"))


class ScoreBars(Static):
    """Labelled bars: ``(label, score or None)`` rows, the label cut to fit."""

    DEFAULT_CSS = """
    ScoreBars { height: auto; }
    """

    def show(self, rows: Sequence[tuple[str, float | None]], *, bar_width: int = 12) -> None:
        """Draw ``rows``; a ``None`` score is shown as a dash."""
        table = Table.grid(padding=(0, 1), expand=True)
        table.add_column(no_wrap=True, width=2, justify="right")
        table.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
        table.add_column(no_wrap=True, width=bar_width)
        table.add_column(no_wrap=True, width=3, justify="right")
        for number, (label, score) in enumerate(rows, 1):
            value = "-" if score is None else f"{round(score)}"
            table.add_row(str(number), Text(label), bar(score, bar_width), value)
        self.update(table)

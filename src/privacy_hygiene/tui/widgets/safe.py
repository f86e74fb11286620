"""Untrusted text (page titles, labels, evidence, profile names, hostnames) → inert Rich ``Text``.

Widgets parse plain ``str`` as Textual markup, so ``[@click=app.quit]`` in a page title would become a
live action and ``[/b]`` a crash. Everything that came from a page or a profile reaches a widget
only through these helpers: control characters stripped, never interpreted as markup.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from privacy_hygiene.sanitize import clean, one_line


def untrusted(text: str | None, limit: int = 200, style: str = "") -> Text:
    """One line of untrusted text, cleaned and cut to ``limit`` characters."""
    return Text(one_line(text or "", limit), style=style)


def untrusted_block(text: str | None, style: str = "") -> Text:
    """Untrusted text that may span lines (newlines kept, every other control character removed)."""
    return Text(clean(text or "", keep_newlines=True), style=style)


def untrusted_bullet(text: str | None, limit: int = 300, style: str = "") -> Table:
    """A bullet with a hanging indent. Rich wraps at spaces, so a Chinese sentence (one long "word")
    would leave the bullet alone on its line; in its own column it folds under itself instead."""
    grid = Table.grid(padding=0)
    grid.add_column(width=4, no_wrap=True)
    grid.add_column(ratio=1, overflow="fold")
    grid.add_row(Text("  · ", style=style), untrusted(text, limit, style=style))
    return grid

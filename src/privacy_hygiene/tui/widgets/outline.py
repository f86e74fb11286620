"""The two-pane layout of the Checklist and Plan screens: an outline (tree) beside a detail pane."""

from __future__ import annotations

from typing import TypeVar

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static, Tree

T = TypeVar("T")


class Outline(Tree[T]):
    """A tree whose root is hidden: its top-level nodes are the sections."""

    def on_mount(self) -> None:
        self.show_root = False


def outline_with_detail(outline: Outline[T], detail_id: str) -> ComposeResult:
    """``outline`` on the left (the ``side`` column), a scrolling detail pane on the right."""
    with Horizontal(classes="columns"):
        yield outline
        with VerticalScroll(classes="detail"):
            yield Static(id=detail_id, markup=False)

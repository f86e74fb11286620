"""The one registry of plan exporters: format name → how to render it and what to call the file.

Adding a format means one ``to_<format>.py`` module and one line here; a test checks that every
``to_*`` module is registered and that the CLI offers exactly these formats.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from privacy_hygiene.plan.model import Plan
from privacy_hygiene.plan.to_csv import to_csv
from privacy_hygiene.plan.to_html import to_html
from privacy_hygiene.plan.to_ics import to_ics
from privacy_hygiene.plan.to_json import to_json
from privacy_hygiene.plan.to_markdown import to_markdown
from privacy_hygiene.plan.to_text import to_text


@dataclass(frozen=True)
class Exporter:
    """A format: its renderer, the file suffix it is written with, its media type, and whether it
    carries the store's full state (the JSON backup does; reading it is the slow part of a plan)."""

    name: str
    render: Callable[[Plan], str]
    suffix: str
    media_type: str
    needs_state: bool = False


EXPORTERS: dict[str, Exporter] = {
    "text": Exporter("text", to_text, ".txt", "text/plain"),
    "md": Exporter("md", to_markdown, ".md", "text/markdown"),
    "html": Exporter("html", to_html, ".html", "text/html"),
    "json": Exporter("json", to_json, ".json", "application/json", needs_state=True),
    "ics": Exporter("ics", to_ics, ".ics", "text/calendar"),
    "csv": Exporter("csv", to_csv, ".csv", "text/csv"),
}


def format_for_path(name: str) -> str | None:
    """The format a file name's suffix implies (``plan.html`` → ``html``), or ``None``."""
    lowered = name.lower()
    aliases = {".markdown": "md", ".htm": "html", ".ical": "ics"}
    for suffix, format_name in aliases.items():
        if lowered.endswith(suffix):
            return format_name
    for exporter in EXPORTERS.values():
        if lowered.endswith(exporter.suffix):
            return exporter.name
    return None


def render(plan: Plan, format_name: str) -> str:
    """The plan in ``format_name`` (a key of :data:`EXPORTERS`)."""
    return EXPORTERS[format_name].render(plan)

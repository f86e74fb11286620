"""``privacy-hygiene plan`` and ``privacy-hygiene import``: the action plan, its exports, restore."""

from __future__ import annotations

import click

from privacy_hygiene.cli.common import fail, lang_option


@click.command(name="plan")
@lang_option
def plan(lang: str | None) -> None:
    """The personal action plan (md, html, json, ics, csv)."""
    fail("'plan' is not available yet in this version")


@click.command(name="import")
@lang_option
def import_backup(lang: str | None) -> None:
    """Restore a JSON export."""
    fail("'import' is not available yet in this version")

"""``privacy-hygiene checklist``: Show or answer the habit checklist."""

from __future__ import annotations

import click

from privacy_hygiene.cli.common import fail, lang_option


@click.command(name="checklist")
@lang_option
def checklist(lang: str | None) -> None:
    """Show or answer the habit checklist."""
    fail("'checklist' is not available yet in this version")

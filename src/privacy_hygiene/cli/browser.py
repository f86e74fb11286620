"""``privacy-hygiene browser``: Inspect local browser profiles, read-only."""

from __future__ import annotations

import click

from privacy_hygiene.cli.common import fail, lang_option


@click.command(name="browser")
@lang_option
def browser(lang: str | None) -> None:
    """Inspect local browser profiles, read-only."""
    fail("'browser' is not available yet in this version")

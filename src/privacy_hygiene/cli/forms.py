"""``privacy-hygiene forms``: The form analysis alone."""

from __future__ import annotations

import click

from privacy_hygiene.cli.common import fail, lang_option


@click.command(name="forms")
@lang_option
def forms(lang: str | None) -> None:
    """The form analysis alone."""
    fail("'forms' is not available yet in this version")

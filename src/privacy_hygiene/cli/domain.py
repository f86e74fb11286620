"""``privacy-hygiene domain``: Lookalike verdicts for hosts or URLs."""

from __future__ import annotations

import click

from privacy_hygiene.cli.common import fail, lang_option


@click.command(name="domain")
@lang_option
def domain(lang: str | None) -> None:
    """Lookalike verdicts for hosts or URLs."""
    fail("'domain' is not available yet in this version")

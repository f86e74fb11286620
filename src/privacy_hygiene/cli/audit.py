"""``privacy-hygiene audit TARGET...``: audit URLs or saved pages."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from privacy_hygiene.cli.common import (
    EXIT_FINDINGS,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    lang_option,
    print_json,
    resolve_lang,
)

if TYPE_CHECKING:
    from privacy_hygiene.i18n import Lang
    from privacy_hygiene.models import AuditReport
    from privacy_hygiene.store import Store

SEVERITIES = ["info", "low", "medium", "high", "critical"]


def target_options(function: click.decorators.FC) -> click.decorators.FC:
    """The options ``audit`` and ``forms`` share: targets, ``--as-url``, ``--manifest``, ``--json``."""
    for decorator in reversed(
        (
            click.argument("targets", nargs=-1),
            click.option("--json", "as_json", is_flag=True, help="Print JSON (a list when there are several targets)."),
            click.option("--as-url", metavar="URL", help="Audit saved pages as if served from URL."),
            click.option(
                "--manifest",
                type=click.Path(dir_okay=False, path_type=Path),
                help='JSON lines {"path": ..., "url": ...}, one target each.',
            ),
            lang_option,
        )
    ):
        function = decorator(function)
    return function


def fetch_options(function: click.decorators.FC) -> click.decorators.FC:
    """Options for fetching: trust, limits and proxies."""
    for decorator in reversed(
        (
            click.option(
                "--ca-bundle",
                type=click.Path(dir_okay=False),
                help="Trust the CA certificates in FILE (PEM) instead of the system store.",
            ),
            click.option(
                "--deadline",
                "--timeout",
                "deadline",
                type=click.FloatRange(0.1, 600),
                default=20.0,
                show_default=True,
                help="Overall deadline per URL, in seconds (redirects included).",
            ),
            click.option(
                "--max-bytes",
                type=click.IntRange(1024),
                default=5 * 1024 * 1024,
                show_default=True,
                help="Read at most this many (decoded) bytes of a page; the rest is not checked.",
            ),
            click.option(
                "--no-proxy",
                is_flag=True,
                help="Ignore HTTP(S)_PROXY / ALL_PROXY from the environment.",
            ),
        )
    ):
        function = decorator(function)
    return function


@click.command()
@target_options
@fetch_options
@click.option(
    "--concurrency",
    type=click.IntRange(1, 64),
    default=8,
    show_default=True,
    help="How many targets to audit at once.",
)
@click.option(
    "--no-history",
    is_flag=True,
    help="Do not remember these audits in the local state store (no 'first seen today' check).",
)
@click.option(
    "--fail-on",
    type=click.Choice(SEVERITIES),
    default=None,
    help="Exit 1 when a finding reaches this severity.",
)
def audit(
    targets: tuple[str, ...],
    as_json: bool,
    as_url: str | None,
    manifest: Path | None,
    lang: str | None,
    ca_bundle: str | None,
    deadline: float,
    max_bytes: int,
    no_proxy: bool,
    concurrency: int,
    no_history: bool,
    fail_on: str | None,
) -> None:
    """Audit web addresses or saved pages before you give them your data.

    TARGET is an http(s) address, a bare host (example.com means https://example.com), a saved
    HTML file, or - to read targets from standard input, one per line.

    \b
    Examples:
      privacy-hygiene audit https://example.com/register
      privacy-hygiene audit --as-url http://example.org/login saved.html
      privacy-hygiene audit --json - < urls.txt
    """
    from privacy_hygiene.engine.audit import AuditInterrupted, AuditOptions, StoreHistory, audit_many
    from privacy_hygiene.engine.fetch import FetchOptions
    from privacy_hygiene.engine.targets import collect
    from privacy_hygiene.engine.urls import normalize_url
    from privacy_hygiene.i18n import t
    from privacy_hygiene.models import Severity

    language = resolve_lang(lang)
    if as_url:
        as_url = normalize_url(as_url)
    items = collect(targets, stdin=sys.stdin, manifest=manifest, as_url=as_url)
    if not items:
        raise click.UsageError("nothing to audit: give URLs, saved pages, - (stdin) or --manifest")
    fetch = FetchOptions(
        timeout=min(deadline, 10.0),
        connect_timeout=min(deadline, 5.0),
        deadline=deadline,
        max_bytes=max_bytes,
        ca_bundle=ca_bundle,
        use_env_proxy=not no_proxy,
        accept_language="zh-CN,zh;q=0.9,en;q=0.6" if language == "zh" else "en;q=1.0,zh-CN;q=0.6",
    )
    store = None if no_history else _open_store()
    options = AuditOptions(
        fetch=fetch,
        history=StoreHistory(store) if store is not None else None,
        brands=tuple(store.brands()) if store is not None else (),
    )
    interrupted = False
    with batch_progress(len(items)) as advance:
        try:
            reports = audit_many(items, options=options, concurrency=concurrency, on_done=advance)
        except AuditInterrupted as stop:
            reports, interrupted = stop.reports, True
    if interrupted:
        click.echo(f"privacy-hygiene: {t('cli.interrupted', language)}", err=True)
    if store is not None:
        _record(store, reports)
    several = len(items) > 1 or "-" in targets or manifest is not None
    print_reports(reports, language, as_json=as_json, several=several)
    code = EXIT_OK
    if fail_on:
        threshold = Severity.parse(fail_on)
        if any(item.worst is not None and item.worst >= threshold for item in reports):
            code = EXIT_FINDINGS
    if any(item.error is not None for item in reports):
        code = EXIT_USAGE
    sys.exit(EXIT_INTERRUPTED if interrupted else code)


def print_reports(reports: list[AuditReport], language: Lang, *, as_json: bool, several: bool) -> None:
    """The reports on stdout: JSON (a list when there are several targets) or text."""
    if as_json:
        payload = [item.to_json(language) for item in reports]
        print_json(payload if several else payload[0])
        return
    from rich.console import Console

    from privacy_hygiene.render import report as render_report

    console = Console(highlight=False, soft_wrap=False)
    for item in reports:
        console.print(render_report(item, language))


@contextmanager
def batch_progress(total: int) -> Iterator[Callable[[int, AuditReport], None]]:
    """A progress bar on stderr while a batch runs, only when stderr is a terminal."""
    from rich.console import Console

    console = Console(stderr=True)
    if total < 2 or not console.is_terminal:
        yield lambda index, report: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task("audit", total=total)
        yield lambda index, report: progress.advance(task)


def _open_store() -> Store | None:
    """The state store for the audit history; ``None`` (history checks skipped) when it is unusable."""
    import sqlite3

    from privacy_hygiene.errors import PrivacyHygieneError
    from privacy_hygiene.store import open_store

    try:
        return open_store()
    except (PrivacyHygieneError, OSError, sqlite3.Error):
        return None


def _record(store: Store, reports: list[AuditReport]) -> None:
    """Remember the audits of sites with an address (for "first seen today"); never fails the audit."""
    import sqlite3

    from privacy_hygiene.errors import PrivacyHygieneError

    try:
        with store, store.batch():
            for item in reports:
                if item.error is None and (item.final_url or item.url):
                    store.record_audit(item)
    except (PrivacyHygieneError, OSError, sqlite3.Error):
        return

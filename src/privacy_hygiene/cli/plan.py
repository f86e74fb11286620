"""``privacy-hygiene plan`` and ``privacy-hygiene import``: the action plan, its exports, restore."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from privacy_hygiene.cli.common import lang_option, resolve_lang
from privacy_hygiene.errors import UsageError
from privacy_hygiene.i18n import t
from privacy_hygiene.plan.exporters import EXPORTERS, format_for_path


def _choose_format(format_name: str | None, output: str | None) -> str:
    """``--format``, else what the output file's suffix says, else text on screen and Markdown in a file."""
    if format_name:
        return format_name
    if output and output != "-":
        return format_for_path(output) or "md"
    return "text"


@click.command(name="plan")
@click.option(
    "--format",
    "format_name",
    type=click.Choice(list(EXPORTERS)),
    default=None,
    help="text (default on screen), md, html, json (a backup), ics (calendar reminders) or csv. 导出格式。",
)
@click.option("-o", "--output", default=None, metavar="FILE", help="Write to FILE ('-' = stdout). 写入文件。")
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists. 覆盖已有文件。")
@click.option(
    "--include-details",
    is_flag=True,
    help="Also export saved-login hostnames and profile paths (off by default). 同时导出细节。",
)
@lang_option
def plan(format_name: str | None, output: str | None, force: bool, include_details: bool, lang: str | None) -> None:
    """The personal action plan: print it, or export it (md, html, json, ics, csv)."""
    from privacy_hygiene.plan.atomic import write_atomic
    from privacy_hygiene.plan.source import load_plan

    language = resolve_lang(lang)
    chosen = _choose_format(format_name, output)
    exporter = EXPORTERS[chosen]
    text = exporter.render(load_plan(language, include_details=include_details, with_state=exporter.needs_state))
    if output is None or output == "-":
        if sys.stdout.isatty():
            click.echo(text, nl=False)  # the console's own encoding (Windows consoles included)
        else:
            sys.stdout.buffer.write(text.encode("utf-8"))  # files and pipes get UTF-8, as written files do
            sys.stdout.flush()
        return
    path = Path(output)
    write_atomic(path, text.encode("utf-8"), force=force, lang=language)
    click.echo(t("plan.written", language, path=path), err=True)


@click.command(name="import")
@click.argument("file", metavar="FILE")
@click.option("--replace", is_flag=True, help="Replace everything in the store instead of merging. 替换而非合并。")
@lang_option
def import_backup(file: str, replace: bool, lang: str | None) -> None:
    """Restore a JSON export (merge by default; --replace replaces the store). 导入备份。"""
    from privacy_hygiene.plan.backup import parse_backup, read_backup
    from privacy_hygiene.plan.source import restore

    language = resolve_lang(lang)
    if file == "-":
        document = parse_backup(sys.stdin.buffer.read(), "stdin")
    else:
        if not file:
            raise UsageError("give the backup file to import")
        document = read_backup(Path(file))
    counts = restore(document, replace=replace, name=file)
    mode = t("plan.mode_replace" if replace else "plan.mode_merge", language)
    click.echo(
        t("plan.imported", language, answers=counts.get("answers", 0), audits=counts.get("audits", 0), mode=mode)
    )

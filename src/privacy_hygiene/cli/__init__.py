"""The ``privacy-hygiene`` command line. With no command it opens the terminal app.

Each command lives in its own module and is imported only when it runs, so ``domain`` starts fast
(no Textual, httpx or bs4) and ``--help`` costs nothing.
"""

from __future__ import annotations

import importlib
import sys

import click

from privacy_hygiene import __version__
from privacy_hygiene.cli.common import lang_option, run_safely

#: command name → "module:attribute" (modules under privacy_hygiene.cli)
COMMANDS: dict[str, tuple[str, str]] = {
    "audit": ("privacy_hygiene.cli.audit:audit", "Audit URLs or saved pages (审查网址或保存的网页)."),
    "forms": ("privacy_hygiene.cli.forms:forms", "The form analysis alone (只分析表单)."),
    "domain": ("privacy_hygiene.cli.domain:domain", "Lookalike verdicts for hosts or URLs (仿冒域名判断)."),
    "checklist": (
        "privacy_hygiene.cli.checklist:checklist",
        "Show or answer the habit checklist (习惯清单).",
    ),
    "browser": (
        "privacy_hygiene.cli.browser:browser",
        "Inspect local browser profiles, read-only (浏览器设置).",
    ),
    "plan": ("privacy_hygiene.cli.plan:plan", "The personal action plan and its exports (行动计划)."),
    "import": ("privacy_hygiene.cli.plan:import_backup", "Restore a JSON export (导入备份)."),
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module_name, attribute = COMMANDS[cmd_name][0].split(":")
        command = getattr(importlib.import_module(module_name), attribute)
        assert isinstance(command, click.Command)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, help_text) for name, (_, help_text) in COMMANDS.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="privacy-hygiene")
@lang_option
@click.pass_context
def cli(ctx: click.Context, lang: str | None) -> None:
    """privacy-hygiene — check your privacy habits against twelve principles, audit a site before
    you give it your name, phone, ID or bank card, and export a personal action plan.

    隐私体检：对照十二条准则检查上网习惯，在填写姓名、手机号、身份证号或银行卡号之前先审查网站，并导出个人行动计划。

    Run without a command to open the terminal app.
    """
    if ctx.invoked_subcommand is None:
        from privacy_hygiene.i18n import detect_lang

        language = detect_lang(lang)
        from privacy_hygiene.tui import run_app

        run_app(language)


def main() -> None:
    """Console-script entry point."""
    sys.exit(run_safely(cli))

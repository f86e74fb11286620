"""``privacy-hygiene browser``: inspect local browser profiles, read-only."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from privacy_hygiene.cli.common import fail, lang_option, print_json, resolve_lang

if TYPE_CHECKING:
    from privacy_hygiene.browser.report import ProfileReport
    from privacy_hygiene.i18n import Lang

_MARKS = {"pass": "✓", "partial": "~", "fail": "✗", "unknown": "?"}


def _render(reports: list[ProfileReport], lang: Lang) -> None:
    from privacy_hygiene.i18n import t

    for report in reports:
        data = report.to_json(lang)
        running = f" {t('browser.running_tag', lang)}" if report.running else ""
        click.echo(t("browser.heading", lang, browser=data["browser_name"], name=data["name"]) + running)
        click.echo(f"  {data['path']}")
        for warning in data["warnings"]:
            click.echo(f"  ! {warning}")
        counts = {state: sum(check["state"] == state for check in data["checks"]) for state in _MARKS}
        click.echo("  " + t("browser.summary_line", lang, **counts))
        for check in data["checks"]:
            state = t(f"browser.state_{check['state']}", lang)
            note = (
                t(f"browser.confidence_{check['confidence']}", lang)
                if check["confidence"] in ("default", "policy")
                else ""
            )
            click.echo(f"  {_MARKS[check['state']]} {state:<8} {check['title']} {note}".rstrip())
            if check["state"] != "pass":
                click.echo(f"      {check['explanation']}")
        logins = data["saved_logins"]
        click.echo("  " + t("browser.saved_logins_line", lang, count=logins["count"], sites=len(logins["sites"])))
        for site in logins["sites"]:
            last_used = (site["last_used"] or "")[:10] or t("browser.never_used", lang)
            line = t("browser.site_line", lang, origin=site["origin"], count=site["count"], last_used=last_used)
            click.echo(f"    {line}")
        for finding in logins["findings"]:
            click.echo(f"    ! {finding}")
        if logins["accounts_to_close"]:
            click.echo("    " + t("browser.accounts_to_close", lang, sites=", ".join(logins["accounts_to_close"])))
        for error in logins["errors"]:
            click.echo(f"    ? {error}")
        click.echo("")


@click.command(name="browser")
@click.option(
    "--profile",
    "profile_dirs",
    multiple=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="A profile folder, Firefox root or Chromium user-data dir (repeatable); default: find them all.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--apply", "apply", is_flag=True, help="Write the answers into the checklist (source: auto).")
@lang_option
def browser(profile_dirs: tuple[Path, ...], as_json: bool, apply: bool, lang: str | None) -> None:
    """Inspect local browser profiles, read-only: settings and saved-login sites. Nothing is written
    into a profile.

    只读检查本机浏览器配置：隐私设置和保存了登录的网站，不会修改配置文件。
    """
    from privacy_hygiene.browser import discover, inspect_all, profiles_at
    from privacy_hygiene.i18n import t

    language = resolve_lang(lang)
    profiles = []
    for folder in profile_dirs:
        found = list(profiles_at(folder))
        if not found:
            fail(t("browser.not_a_profile", language, path=click.format_filename(folder)))
        profiles.extend(found)
    if not profile_dirs:
        profiles = discover()
    from privacy_hygiene.browser.sites import lookalike_checker
    from privacy_hygiene.cli.domain import stored_brands

    # the person's own protected brands (domain --add-brand) count as protected for saved logins too
    reports = inspect_all(profiles, lookalike=lookalike_checker(stored_brands(language)))
    if apply:
        from privacy_hygiene.browser.apply import apply_answers

        applied = apply_answers(reports)
        message = t("browser.applied", language, count=len(applied.answers), before=applied.score_before,
                    after=applied.score_after)  # fmt: skip
        click.echo(message, err=as_json)
    if as_json:
        print_json({"profiles": [report.to_json(language) for report in reports]})
    elif not reports:
        click.echo(t("browser.no_profiles", language))
    else:
        _render(reports, language)

"""``privacy-hygiene forms TARGET...``: the form analysis alone (purpose, field kinds, required,
sensitive, unneeded), as a table per form or as the JSON of DESIGN.md."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from privacy_hygiene.cli.audit import target_options
from privacy_hygiene.cli.common import EXIT_OK, EXIT_USAGE, print_json, resolve_lang

if TYPE_CHECKING:
    from rich.console import RenderableType

    from privacy_hygiene.catalog import Catalog
    from privacy_hygiene.engine.targets import Target
    from privacy_hygiene.errors import UsageError
    from privacy_hygiene.i18n import Lang
    from privacy_hygiene.models import FormInfo


class FormsResult:
    """The forms of one target, or why it could not be read."""

    def __init__(
        self,
        target: str,
        url: str | None,
        forms: tuple[FormInfo, ...] = (),
        error: tuple[str, str] | None = None,
        *,
        script_rendered: bool = False,
    ) -> None:
        self.target = target
        self.url = url
        self.forms = forms
        self.error = error
        #: no forms in the HTML, but the page is an application shell that builds them by script
        self.script_rendered = script_rendered

    def to_json(self) -> dict[str, Any]:
        """``{"target", "url", "forms"}`` (plus ``error`` when the target could not be read)."""
        from privacy_hygiene.sanitize import clean

        payload: dict[str, Any] = {
            "target": clean(self.target),
            "url": clean(self.url) if self.url is not None else None,
            "forms": [item.to_json() for item in self.forms],
        }
        if self.error is not None:
            payload["error"] = {"kind": self.error[0], "message": clean(self.error[1])}
        return payload


def analyze_target(item: Target | UsageError, catalog: Catalog) -> FormsResult:
    """Load one target and analyze its forms; failures become a result carrying ``error``."""
    from privacy_hygiene.engine.audit import AuditOptions, load_target
    from privacy_hygiene.errors import PrivacyHygieneError, UsageError
    from privacy_hygiene.forms import analyze_forms

    if isinstance(item, UsageError):
        return FormsResult(getattr(item, "spec", ""), None, error=(item.kind, str(item)))
    try:
        page = load_target(item, AuditOptions())
    except PrivacyHygieneError as exc:
        return FormsResult(item.spec, item.url or item.as_url, error=(exc.kind, str(exc)))
    forms = analyze_forms(page, catalog)
    from privacy_hygiene.forms.analyze import looks_script_rendered

    shell = not forms and page.is_html and looks_script_rendered(page.html)
    return FormsResult(item.spec, page.url, forms, script_rendered=shell)


@click.command(name="forms")
@target_options
def forms(targets: tuple[str, ...], as_json: bool, as_url: str | None, manifest: Path | None, lang: str | None) -> None:
    """What each form on a page is for, what each field asks, what is required and not needed.

    TARGET is an http(s) address, a saved HTML file, or - to read targets from standard input.

    \b
    Examples:
      privacy-hygiene forms --as-url https://example.com/register saved.html
      privacy-hygiene forms --json --manifest pages.jsonl
    """
    from privacy_hygiene.catalog import get_catalog
    from privacy_hygiene.engine.targets import collect
    from privacy_hygiene.engine.urls import normalize_url
    from privacy_hygiene.i18n import t

    language = resolve_lang(lang)
    if as_url:
        as_url = normalize_url(as_url)
    items = collect(targets, stdin=sys.stdin, manifest=manifest, as_url=as_url)
    if not items:
        raise click.UsageError(t("forms.nothing", "en"))
    catalog = get_catalog()
    results = [analyze_target(item, catalog) for item in items]
    several = len(items) > 1 or "-" in targets or manifest is not None
    if as_json:
        payload = [item.to_json() for item in results]
        print_json(payload if several else payload[0])
    else:
        from rich.console import Console

        console = Console(highlight=False, soft_wrap=False)
        for result in results:
            console.print(render(result, catalog, language))
    sys.exit(EXIT_USAGE if any(item.error for item in results) else EXIT_OK)


def render(result: FormsResult, catalog: Catalog, lang: Lang) -> RenderableType:
    """A readable table per form, in ``lang``."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    from privacy_hygiene.forms.analyze import lexicons
    from privacy_hygiene.i18n import t
    from privacy_hygiene.sanitize import clean, one_line

    fields_lexicon, purposes = lexicons(catalog)
    parts: list[RenderableType] = [Text(f"{t('forms.target', lang)}: {clean(result.target)}", style="bold")]
    if result.url and result.url != result.target:
        parts.append(Text(f"{t('forms.address', lang)}: {clean(result.url)}"))
    if result.error is not None:
        parts.append(Text(f"{t('forms.error', lang)}: {one_line(result.error[1], 200)}", style="red"))
        return Group(*parts)
    if not result.forms:
        parts.append(Text(t("forms.script_rendered" if result.script_rendered else "forms.no_forms", lang)))
    for form in result.forms:
        policy = purposes.purposes.get(form.purpose)
        purpose = policy.name.get(lang) if policy else form.purpose
        heading = t(
            "forms.form_heading",
            lang,
            index=form.index,
            purpose=f"{purpose} ({form.purpose})",
            method=form.method.upper(),
            action=one_line(form.action, 80),
        )
        parts.append(Text(f"\n{heading}", style="bold underline"))
        if not form.fields:
            parts.append(Text(t("forms.no_fields", lang), style="dim"))
            continue
        table = Table(box=None, show_header=True, header_style="bold", pad_edge=False)
        for column in ("col_field", "col_label", "col_kind", "col_required", "col_notes"):
            table.add_column(t(f"forms.{column}", lang))
        for item in form.fields:
            notes = []
            if item.sensitive:
                notes.append(t("forms.sensitive", lang))
            if item.unneeded:
                notes.append(t("forms.unneeded", lang))
            table.add_row(
                Text(one_line(item.name or item.id or "-", 30)),
                Text(one_line(item.label, 30)),
                Text(f"{fields_lexicon.kind_name(item.kind).get(lang)} ({item.kind})"),
                t("forms.yes", lang) if item.required else "",
                Text(" ".join(notes), style="bold red" if item.unneeded else ""),
            )
        parts.append(table)
    return Group(*parts)

"""Readable text reports for the terminal (Rich renderables; the TUI reuses the same wording).

Everything that came from a page is passed through :func:`privacy_hygiene.sanitize.clean` and shown
as :class:`rich.text.Text`, never as markup.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from privacy_hygiene.i18n import Lang, t
from privacy_hygiene.models import GROUPS, AuditReport, Finding, FormInfo, Severity
from privacy_hygiene.sanitize import clean, one_line

SEVERITY_STYLE = {
    Severity.INFO: "dim",
    Severity.LOW: "cyan",
    Severity.MEDIUM: "yellow",
    Severity.HIGH: "bold red",
    Severity.CRITICAL: "bold white on red",
}
LEVEL_STYLE = {"low": "green", "guarded": "yellow", "high": "bold red", "very_high": "bold white on red"}
GRADE_STYLE = {
    "A+": "bold green",
    "A": "green",
    "B": "yellow",
    "C": "dark_orange",
    "D": "red",
    "F": "bold red",
}


def severity_text(severity: Severity, lang: Lang) -> Text:
    """The severity as a coloured word."""
    return Text(t(f"report.severity_{severity.label}", lang), style=SEVERITY_STYLE[severity])


def finding_block(finding: Finding, lang: Lang) -> RenderableType:
    """One finding: severity, title, evidence and advice; wrapped lines keep their indent."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=2)
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1, overflow="fold")
    rule = Text(f"{finding.rule_id} · {t('report.principle', lang, id=finding.principle)}", style="dim")
    grid.add_row("", severity_text(finding.severity, lang), Text(finding.title.get(lang), style="bold"))
    grid.add_row("", "", rule)
    for item in finding.evidence[:5]:
        excerpt = f" — {one_line(item.excerpt, 120)}" if item.excerpt else ""
        grid.add_row("", "", Text(f"{item.kind}: {one_line(item.locator, 100)}{excerpt}", style="dim"))
    grid.add_row("", Text("→", justify="right"), Text(finding.advice.get(lang)))
    if finding.if_entered is not None:
        grid.add_row("", Text("⚑", justify="right"), Text(finding.if_entered.get(lang), style="italic"))
    return grid


def forms_table(forms: tuple[FormInfo, ...], lang: Lang) -> Table:
    """The forms and their fields, required/unneeded marked."""
    table = Table(box=None, show_header=True, header_style="bold", pad_edge=False)
    table.add_column("#")
    table.add_column(t("report.purpose", lang))
    table.add_column(t("report.field", lang))
    table.add_column(t("report.kind", lang))
    table.add_column("")
    for form in forms:
        for number, item in enumerate(form.fields):
            marks = []
            if item.required:
                marks.append(t("report.field_required", lang))
            if item.sensitive:
                marks.append(t("report.field_sensitive", lang))
            if item.unneeded:
                marks.append(t("report.field_unneeded", lang))
            table.add_row(
                str(form.index) if number == 0 else "",
                form.purpose if number == 0 else "",
                Text(one_line(item.name or item.id or "-", 40)),
                item.kind,
                Text(" ".join(marks), style="red" if item.unneeded else ""),
            )
    return table


def report(report: AuditReport, lang: Lang) -> RenderableType:
    """The whole report of one target."""
    parts: list[RenderableType] = []
    header = Table.grid(padding=(0, 2))
    header.add_column(style="bold")
    header.add_column()
    header.add_row(t("report.target", lang), Text(clean(report.target)))
    if report.url and report.url != report.target:
        header.add_row(t("report.address", lang), Text(clean(report.url)))
    elif not report.url and not report.error:
        header.add_row(t("report.address", lang), t("report.local_file", lang))
    if report.final_url and report.final_url != report.url:
        header.add_row(t("report.final_address", lang), Text(clean(report.final_url)))
    if report.status is not None:
        header.add_row(t("report.status", lang), str(report.status))
    if report.title:
        header.add_row(t("report.title", lang), Text(one_line(report.title, 120)))
    if report.error:
        header.add_row(t("report.error", lang), Text(clean(report.error.text(lang)), style="bold red"))
        if report.redirects:
            chain = " → ".join(clean(hop.url) for hop in report.redirects)
            header.add_row(t("report.redirects", lang), Text(chain, style="dim"))
        return Panel(header, title=t("report.heading", lang), title_align="left")
    if report.grade:
        header.add_row(
            t("report.grade", lang),
            Text(
                f"{report.grade.letter}  ({report.grade.score}/100)",
                style=GRADE_STYLE.get(report.grade.letter, ""),
            ),
        )
    risk = report.scam_risk
    header.add_row(
        t("report.scam_risk", lang),
        Text(f"{t('report.level_' + risk.level, lang)}  ({risk.points})", style=LEVEL_STYLE[risk.level]),
    )
    parts.append(header)
    if risk.warn:
        parts.append(Text(f"\n  ⚠  {t('report.do_not_enter', lang)}  ⚠", style="bold white on red"))
    if report.redirects:
        chain = " → ".join(clean(hop.url) for hop in report.redirects)
        parts.append(Text(f"\n{t('report.redirects', lang)}: {chain} → {clean(report.final_url or '')}", style="dim"))
    for group, categories in GROUPS.items():
        items = [item for item in report.findings if item.category in categories]
        title = Text(f"\n{t('report.group_' + group, lang)}", style="bold underline")
        if items:
            parts.append(title)
            parts.extend(finding_block(item, lang) for item in items)
        else:
            status = (
                t("report.not_checked", lang)
                if not report.content_checked and group != "connection"
                else t("report.group_ok", lang)
            )
            parts.append(Text.assemble(title, Text(f"  {status}", style="dim")))
    if report.forms and any(form.fields for form in report.forms):
        parts.append(Text(f"\n{t('report.forms', lang)}", style="bold underline"))
        parts.append(forms_table(report.forms, lang))
    if report.grade and report.grade.why:
        parts.append(Text(f"\n{t('report.why_grade', lang)}", style="bold"))
        parts.extend(Text(f"  · {line.get(lang)}", style="dim") for line in report.grade.why)
    if report.notes:
        parts.append(Text(f"\n{t('report.notes', lang)}", style="bold"))
        parts.extend(Text(f"  · {note.get(lang)}") for note in report.notes)
    if report.diagnostics:
        parts.append(Text(f"\n{t('report.diagnostic', lang)}", style="yellow"))
        parts.extend(Text(f"  · {clean(line)}", style="dim") for line in report.diagnostics)
    return Panel(Group(*parts), title=t("report.heading", lang), title_align="left")

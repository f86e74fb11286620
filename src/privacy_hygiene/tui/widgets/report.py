"""How one audit report is shown: the scam-risk banner, the findings tree (grouped as in the text
report) and the detail pane. Widgets receive finished reports and never call the engine."""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.widgets import Static
from textual.widgets.tree import TreeNode

from privacy_hygiene.i18n import Lang, messages, t
from privacy_hygiene.models import GROUPS, AuditReport, Finding, FormInfo
from privacy_hygiene.render import GRADE_STYLE, LEVEL_STYLE, forms_table, severity_text
from privacy_hygiene.tui.widgets.outline import Outline
from privacy_hygiene.tui.widgets.safe import untrusted, untrusted_bullet


@dataclass(frozen=True)
class Selection:
    """What a tree node stands for: the summary, a finding, a form, or a group header."""

    kind: str
    index: int = -1


def grade_text(report: AuditReport, lang: Lang) -> Text:
    """``B 72  risk: high`` in colour, or "could not audit"."""
    if report.error:
        return Text(t("tui.audit_failed", lang), style="red")
    letter = report.grade.letter if report.grade else "?"
    return Text.assemble((f"{letter:<2}", GRADE_STYLE.get(letter, "")), " ", level_text(report.scam_risk.level, lang))


def level_text(level: str, lang: Lang) -> Text:
    """A scam-risk level in words and colour."""
    return Text(t(f"report.level_{level}", lang), style=LEVEL_STYLE.get(level, ""))


class RiskBanner(Static):
    """ "Do not enter any information" across the screen when the scam risk is high or above."""

    DEFAULT_CSS = """
    RiskBanner {
        display: none;
        width: 100%;
        height: auto;
        background: $error;
        color: $text;
        text-style: bold;
        text-align: center;
    }
    RiskBanner.-shown { display: block; }
    """

    def show_for(self, report: AuditReport | None, lang: Lang) -> None:
        """Show the warning when ``report``'s scam risk is high or above, else hide."""
        warn = report is not None and report.error is None and report.scam_risk.warn
        self.set_class(warn, "-shown")
        if warn:
            assert report is not None
            level = t(f"report.level_{report.scam_risk.level}", lang)
            self.update(Text(f"!! {t('report.do_not_enter', lang)} !!  ({t('report.scam_risk', lang)}: {level})"))


class FindingsTree(Outline[Selection]):
    """Findings of one report grouped (connection, forms & data, scam signs, tracking, reliability),
    then the forms."""

    DEFAULT_CSS = """
    FindingsTree { height: 1fr; padding: 0; }
    """

    def show_report(self, report: AuditReport | None, lang: Lang) -> None:
        """Rebuild the tree for ``report`` (empty when ``None``)."""
        self.clear()
        self.root.expand()
        if report is None:
            return
        self.root.add_leaf(Text(t("tui.summary", lang), style="bold"), Selection("summary"))
        if report.error:
            return
        for group, categories in GROUPS.items():
            items = [(index, item) for index, item in enumerate(report.findings) if item.category in categories]
            label = Text(t(f"report.group_{group}", lang), style="bold")
            if not items:
                label.append(f"  {t('report.group_ok', lang)}", style="dim")
                self.root.add_leaf(label, Selection("group"))
                continue
            label.append(f" ({len(items)})")
            node: TreeNode[Selection] = self.root.add(label, Selection("group"), expand=True)
            for index, item in items:
                node.add_leaf(_finding_label(item, lang), Selection("finding", index))
        if report.forms:
            forms_node = self.root.add(
                Text(t("tui.forms_node", lang, count=len(report.forms)), style="bold"), Selection("group"), expand=True
            )
            for index, form in enumerate(report.forms):
                forms_node.add_leaf(
                    Text(t("tui.form_label", lang, index=form.index, purpose=purpose_name(form.purpose, lang))),
                    Selection("form", index),
                )


def purpose_name(purpose: str, lang: Lang) -> str:
    """A form purpose (``login``, ``prize_claim``...) in words; unknown purposes as they are."""
    key = f"tui.purpose_{purpose}"
    return t(key, lang) if key in messages() else purpose


def _finding_label(finding: Finding, lang: Lang) -> Text:
    return Text.assemble(severity_text(finding.severity, lang), " ", finding.title.get(lang))


def summary_view(report: AuditReport, lang: Lang) -> RenderableType:
    """Target, address, title, grade and scam risk, and why."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    table.add_row(t("report.target", lang), untrusted(report.target))
    if report.final_url and report.final_url != report.target:
        table.add_row(t("report.final_address", lang), untrusted(report.final_url))
    if report.status is not None:
        table.add_row(t("report.status", lang), str(report.status))
    if report.title:
        table.add_row(t("report.title", lang), untrusted(report.title, 160))
    if report.error:
        table.add_row(t("report.error", lang), untrusted(report.error.text(lang), 300, style="bold red"))
        return table
    if report.grade:
        table.add_row(
            t("report.grade", lang),
            Text(f"{report.grade.letter}  ({report.grade.score}/100)", style=GRADE_STYLE.get(report.grade.letter, "")),
        )
    risk = report.scam_risk
    table.add_row(
        t("report.scam_risk", lang),
        Text(f"{t('report.level_' + risk.level, lang)}  ({risk.points})", style=LEVEL_STYLE[risk.level]),
    )
    sections = (
        ("report.scam_risk", [line.get(lang) for line in risk.reasons], "bold"),
        ("report.why_grade", [line.get(lang) for line in report.grade.why] if report.grade else [], "bold"),
        ("report.notes", [note.get(lang) for note in report.notes], "bold"),
        ("report.diagnostic", list(report.diagnostics), "yellow"),
    )
    parts: list[RenderableType] = [table]
    for heading, lines, style in sections:
        if lines:
            parts.append(Text(f"\n{t(heading, lang)}", style=style))
            parts.extend(untrusted_bullet(line, style="dim") for line in lines)
    return Group(*parts)


def finding_view(finding: Finding, lang: Lang) -> RenderableType:
    """A finding's title, severity, principle, evidence and advice."""
    parts: list[RenderableType] = [
        Text(finding.title.get(lang), style="bold"),
        Text.assemble(
            severity_text(finding.severity, lang),
            (f"  {finding.rule_id} · {t('report.principle', lang, id=finding.principle)}", "dim"),
        ),
    ]
    if finding.evidence:
        parts.append(Text(f"\n{t('report.evidence', lang)}", style="bold"))
        for item in finding.evidence[:10]:
            line = Text(f"  {item.kind}: ", style="dim")
            line.append_text(untrusted(item.locator, 120))
            if item.excerpt:
                line.append("\n    ")
                line.append_text(untrusted(item.excerpt, 200, style="italic"))
            parts.append(line)
    parts.append(Text(f"\n{t('report.advice', lang)}", style="bold"))
    parts.append(Text(finding.advice.get(lang)))
    return Group(*parts)


def form_view(form: FormInfo, lang: Lang) -> RenderableType:
    """One form: where it submits, its purpose, and its fields marked required/unneeded."""
    head = Text(t("tui.form_label", lang, index=form.index, purpose=purpose_name(form.purpose, lang)), style="bold")
    action = Text.assemble((f"{form.method.upper()} ", "dim"), untrusted(form.action or "-", 160))
    return Group(head, action, Text(""), forms_table((form,), lang))

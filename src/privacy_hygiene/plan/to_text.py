"""The plan as plain text for the terminal (what ``privacy-hygiene plan`` prints by default).

Plain characters only, no markup, so nothing in it can be interpreted by Rich or a terminal; every
text from a page or a profile was already stripped of control characters by the builder.
"""

from __future__ import annotations

from privacy_hygiene.i18n import t
from privacy_hygiene.plan.model import Plan, PlanItem
from privacy_hygiene.plan.wording import (
    COLON,
    band_label,
    empty_section_text,
    if_entered_lead,
    item_meta,
    item_sections,
    section_title,
    severity_label,
    site_summary,
    when,
)
from privacy_hygiene.sanitize import clean

_BAR = 20


def text_bar(score: int | None) -> str:
    """``███████░░░`` for a 0..100 score (blank when not scored)."""
    if score is None:
        return " " * _BAR
    filled = round(_BAR * max(0, min(100, score)) / 100)
    return "█" * filled + "░" * (_BAR - filled)


def _item(item: PlanItem, plan: Plan) -> list[str]:
    mark = "[x]" if item.state == "pass" else "[ ]"
    lines = [f"  {mark} {clean(item.title)}  ({item.id})", f"      {item_meta(item, plan.lang)}"]
    lines.extend(f"      - {clean(step)}" for step in item.steps)
    lines.extend(f"      · {clean(detail)}" for detail in item.details)
    return lines


def to_text(plan: Plan) -> str:
    """The plan as lines of plain text."""
    lang = plan.lang
    score = "–" if plan.score is None else f"{plan.score}/100"
    lines = [
        t("plan.heading", lang),
        t("plan.generated", lang, when=when(plan.generated_at)),
        "",
        f"{t('plan.score_overall', lang)}{COLON[lang]}{score} {text_bar(plan.score)} {band_label(plan)} · "
        + t("plan.coverage", lang, percent=plan.coverage),
    ]
    for row in plan.principles:
        row_score = "–" if row.score is None else str(row.score)
        lines.append(f"  {row.principle:>2}. {text_bar(row.score)} {row_score:>3}  {row.title}")
    for name, items in item_sections(plan):
        if name == "later" and not items:
            continue
        lines.extend(["", f"== {section_title(name, lang)} =="])
        if not items:
            lines.append("  " + empty_section_text(name, plan))
        for item in items:
            lines.extend(_item(item, plan))
    if plan.sites:
        lines.extend(["", f"== {section_title('sites', lang)} =="])
        for site in plan.sites:
            lines.append(f"  {clean(site.title or site.url or site.target)}")
            if site.url:
                lines.append(f"    {clean(site.url)}")
            audited = t("plan.site_audited_at", lang, when=when(site.audited_at))
            lines.append(f"    {site_summary(site, lang)} · {audited}")
            if not site.findings:
                lines.append("    " + t("plan.site_no_serious", lang))
            for finding in site.findings:
                lines.append(f"    [ ] {clean(finding.title)} ({severity_label(finding.severity, lang)})")
                if finding.advice:
                    lines.append(f"        {clean(finding.advice)}")
                if finding.if_entered:
                    lead = if_entered_lead(finding.if_entered, lang)
                    lines.append(f"        → {lead + ' ' if lead else ''}{clean(finding.if_entered)}")
    return "\n".join(lines) + "\n"

"""The plan as Markdown: a task list (``- [ ]``) per section, with the score table.

Every text is escaped so that nothing in it can become Markdown: a page title such as
``![x](http://evil/x.png)`` or ``<img src=...>`` would otherwise render as a remote image (a tracking
pixel in a privacy report). Backslash-escaping ASCII punctuation makes it literal text.
"""

from __future__ import annotations

import re

from privacy_hygiene.i18n import t
from privacy_hygiene.plan.model import Plan, PlanItem
from privacy_hygiene.plan.wording import (
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

# The punctuation CommonMark/GFM give a meaning to (links, images, emphasis, code, raw HTML,
# entities, tables, strikethrough, headings, list markers, autolinks ':' '@' 'www.', and '$' math).
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~&:@$])")


def escape(text: str) -> str:
    """Untrusted or not, text made literal for Markdown: control characters stripped, one line."""
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", " ".join(clean(text).split()))


def _item(item: PlanItem, plan: Plan) -> list[str]:
    mark = "x" if item.state == "pass" else " "
    lines = [f"- [{mark}] **{escape(item.title)}** — {escape(item_meta(item, plan.lang))} (`{_code(item.id)}`)"]
    lines.extend(f"  - {escape(step)}" for step in item.steps)
    lines.extend(f"  - {escape(detail)}" for detail in item.details)
    return lines


def _code(text: str) -> str:
    """Text inside a code span: no backticks, no control characters."""
    return clean(text).replace("`", "'")


def _score_table(plan: Plan) -> list[str]:
    lang = plan.lang
    overall = "–" if plan.score is None else str(plan.score)
    lines = [
        f"| {escape(t('plan.principle_column', lang))} | {escape(t('plan.score_column', lang))} "
        f"| {escape(t('plan.answered_column', lang))} |",
        "| --- | ---: | ---: |",
        f"| **{escape(t('plan.score_overall', lang))}** | **{overall}** | {plan.coverage}% |",
    ]
    for row in plan.principles:
        score = "–" if row.score is None else str(row.score)
        lines.append(f"| {row.principle}\\. {escape(row.title)} | {score} | {row.answered}/{row.applicable} |")
    return lines


def _sites(plan: Plan) -> list[str]:
    lang = plan.lang
    lines = [f"## {escape(section_title('sites', lang))}", ""]
    for site in plan.sites:
        name = site.title or site.url or site.target
        lines.append(f"### {escape(name)}")
        lines.append("")
        if site.url and site.url != name:
            lines.append(f"{escape(site.url)}  ")
        audited = t("plan.site_audited_at", lang, when=when(site.audited_at))
        lines.append(f"{escape(site_summary(site, lang))} · {escape(audited)}")
        lines.append("")
        if not site.findings:
            lines.extend([escape(t("plan.site_no_serious", lang)), ""])
            continue
        for finding in site.findings:
            severity = escape(severity_label(finding.severity, lang))
            lines.append(f"- [ ] **{escape(finding.title)}** ({severity}, `{_code(finding.rule_id)}`)")
            if finding.advice:
                lines.append(f"  - {escape(finding.advice)}")
            if finding.if_entered:
                lead = if_entered_lead(finding.if_entered, lang)
                lines.append(
                    f"  - **{escape(lead)}** {escape(finding.if_entered)}"
                    if lead
                    else f"  - **{escape(finding.if_entered)}**"
                )
        lines.append("")
    return lines


def to_markdown(plan: Plan) -> str:
    """The plan as a Markdown document."""
    lang = plan.lang
    score = "" if plan.score is None else f"{plan.score}/100 "
    lines = [
        f"# {escape(t('plan.heading', lang))}",
        "",
        " · ".join(
            escape(part)
            for part in (
                t("plan.generated", lang, when=when(plan.generated_at)),
                f"{score}{band_label(plan)}",
                t("plan.coverage", lang, percent=plan.coverage),
            )
        ),
        "",
        f"## {escape(section_title('scores', lang))}",
        "",
        *_score_table(plan),
        "",
    ]
    for name, items in item_sections(plan):
        if name == "later" and not items:
            continue
        lines.extend([f"## {escape(section_title(name, lang))}", ""])
        if not items:
            lines.extend([escape(empty_section_text(name, plan)), ""])
            continue
        for item in items:
            lines.extend(_item(item, plan))
        lines.append("")
    if plan.sites:
        lines.extend(_sites(plan))
    return "\n".join(lines).rstrip("\n") + "\n"

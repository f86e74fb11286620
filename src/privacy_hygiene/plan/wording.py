"""Words every export shares: section titles, state and band names, due dates, site summaries."""

from __future__ import annotations

from datetime import date, datetime

from privacy_hygiene.i18n import Lang, t
from privacy_hygiene.models import Severity
from privacy_hygiene.plan.model import SECTIONS, AuditedSite, Plan, PlanItem, SectionName

#: the colon after a label ("Firefox: ..." / "火狐：...")
COLON = {"zh": "：", "en": ": "}


def section_title(name: SectionName | str, lang: Lang) -> str:
    """``today`` → "One thing today" / "今天就做一件事"."""
    return t(f"plan.section_{name}", lang)


def state_label(state: str, lang: Lang) -> str:
    """``fail`` → "not yet" / "未做到"."""
    return t(f"plan.state_{state}", lang)


def band_label(plan: Plan) -> str:
    """The score's band in words, or "not scored yet"."""
    if plan.score is None:
        return t("plan.not_scored", plan.lang)
    return plan.band_label


def day(value: date | datetime) -> str:
    """An ISO date (the same on paper in both languages)."""
    return value.date().isoformat() if isinstance(value, datetime) else value.isoformat()


def when(value: datetime) -> str:
    """A timestamp to the minute, with its UTC offset when it has one."""
    text = value.strftime("%Y-%m-%d %H:%M")
    return f"{text} UTC" if value.utcoffset() is not None and not value.utcoffset() else text


def due_text(item: PlanItem, lang: Lang) -> str:
    """ "next: 2027-05-26" or "overdue since ..." ("" for items without a review period)."""
    if item.due is None:
        return ""
    key = "plan.due_overdue" if item.overdue else "plan.due"
    return t(key, lang, date=day(item.due))


def item_meta(item: PlanItem, lang: Lang) -> str:
    """State, effort and principle of an item on one line."""
    parts = [
        state_label(item.state, lang),
        t("plan.effort", lang, effort=item.effort),
        t("plan.principle_label", lang, id=item.principle),
    ]
    if item.review_every_days:
        parts.append(t("plan.every_days", lang, days=item.review_every_days))
    due = due_text(item, lang)
    if due:
        parts.append(due)
    return " · ".join(parts)


def site_summary(site: AuditedSite, lang: Lang) -> str:
    """Grade, score and scam risk of an audited site, or "could not be audited"."""
    if site.grade is None:
        return t("plan.site_error", lang)
    risk = t(f"plan.risk_{site.scam_level}", lang) if site.scam_level in _RISKS else site.scam_level
    return t("plan.site_grade", lang, grade=site.grade, score=site.score, risk=risk)


def severity_label(severity: str, lang: Lang) -> str:
    """``high`` → "high" / "高" (the audit report's own words)."""
    try:
        Severity.parse(severity)
    except KeyError:
        return severity
    return t(f"report.severity_{severity}", lang)


def if_entered_lead(text: str, lang: Lang) -> str:
    """The "Already entered it? Do this:" lead for a rule's advice, or "" when the advice already
    opens with that question (the rules' own wording usually does: "Already entered it? Change...")."""
    opening = text[:_QUESTION_WITHIN]
    if "?" in opening or "？" in opening:
        return ""
    return t("plan.if_entered", lang)


def empty_section_text(name: SectionName, plan: Plan) -> str:
    """What an empty section says: "all done" only when nothing at all is left to do."""
    nothing_left = not (plan.today or plan.quick_wins or plan.bigger_jobs or plan.later)
    return t("plan.all_done" if name == "today" and nothing_left else "plan.nothing_to_do", plan.lang)


def item_sections(plan: Plan) -> list[tuple[SectionName, tuple[PlanItem, ...]]]:
    """The item sections in order, with their items (empty sections included)."""
    return [(name, plan.section(name)) for name in SECTIONS]


_QUESTION_WITHIN = 24
_RISKS = frozenset({"low", "guarded", "high", "very_high"})

"""Findings → a privacy-hygiene grade (A+..F, 0..100) and a scam-risk level, from ``scoring.toml``.

Grade: 100 minus severity penalties, each category capped, then ceilings (a critical data exposure
cannot score above F). Scam risk: points per signal family (each family counted once, at its highest
hit; keyword-only families capped), plus combination bonuses; levels from the data.
"""

from __future__ import annotations

from collections.abc import Sequence

from privacy_hygiene.catalog.schema import ScoringFile
from privacy_hygiene.i18n import LocalText, both
from privacy_hygiene.models import Finding, Grade, ScamLevel, ScamRisk, Severity


def grade(findings: Sequence[Finding], scoring: ScoringFile) -> Grade:
    """The hygiene grade of a page with ``findings``, and why."""
    caps: dict[str, int] = {cap.category: cap.max_penalty for cap in scoring.cap}
    by_category: dict[str, int] = {}
    why: list[LocalText] = []
    for item in findings:
        penalty = scoring.penalty.get(item.severity.label, 0)  # type: ignore[call-overload]
        if penalty:
            by_category[item.category] = by_category.get(item.category, 0) + penalty
            why.append(both("report.why_penalty", points=penalty, title_zh=item.title.zh, title_en=item.title.en))
    total = 0
    for category, penalty in by_category.items():
        capped = min(penalty, caps.get(category, penalty))
        if capped < penalty:
            why.append(both("report.why_capped", category=category, points=capped))
        total += capped
    score = max(0, 100 - total)
    for ceiling in scoring.ceiling:
        floor = Severity.parse(ceiling.severity)
        hit = any(
            item.severity >= floor and (not ceiling.categories or item.category in ceiling.categories)
            for item in findings
        )
        if hit and score > ceiling.max_score:
            score = ceiling.max_score
            why.append(ceiling.why)
    letter = next(band.letter for band in scoring.grade if score >= band.min_score)
    return Grade(letter=letter, score=score, why=tuple(why))


def scam_risk(findings: Sequence[Finding], scoring: ScoringFile) -> ScamRisk:
    """The scam-risk level of a page with ``findings``, and the reasons."""
    best: dict[str, Finding] = {}
    for item in findings:
        if item.scam_points <= 0:
            continue
        family = item.scam_family or item.rule_id
        if family not in best or item.scam_points > best[family].scam_points:
            best[family] = item
    points = 0
    reasons: list[LocalText] = []
    for family, item in best.items():
        value = item.scam_points
        if family in scoring.keyword_families:
            value = min(value, scoring.keyword_family_cap)
        points += value
        reasons.append(item.title)
    for combo in scoring.combo:
        if all(family in best for family in combo.families):
            points += combo.points
            reasons.append(combo.why)
    level: ScamLevel = "low"
    for step in scoring.scam_level:
        if points >= step.min_points:
            level = step.level
    return ScamRisk(level=level, points=points, reasons=tuple(reasons))

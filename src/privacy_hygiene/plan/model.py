"""The action plan as data: what the builder makes and every exporter reads.

Two kinds of types live here. *Inputs* (:class:`ItemStatus`, :class:`AuditRecord`,
:class:`PlanInputs`) say what the checklist and the store know, in both languages; the builder turns
them into a :class:`Plan` in the person's language, ordered and split into sections. Exporters only
ever see a ``Plan``, so they never read the store or the catalog themselves.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

from privacy_hygiene.i18n import Lang, LocalText

#: states that put an item in no section of the plan (it is still listed in the CSV when counted)
RESTING_STATES = frozenset({"pass", "snoozed", "not_applicable"})

#: the most effort an item may take and still be a quick win (effort runs 1..5)
QUICK_EFFORT = 2
QUICK_WINS = 5

SectionName = Literal["today", "quick_wins", "bigger_jobs", "later", "habits"]
SECTIONS: tuple[SectionName, ...] = ("today", "quick_wins", "bigger_jobs", "later", "habits")


# -- inputs -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ItemStatus:
    """One checklist item and where the person stands on it.

    ``how`` maps a platform (``windows``, ``android``, ``wechat``... or ``any`` for steps that apply
    everywhere) to its steps; the builder keeps only the person's platforms. ``details`` holds the
    private evidence (saved-login hostnames, profile paths) that is exported only on request.
    """

    id: str
    principle: int
    title: LocalText
    weight: float
    effort: int
    state: str
    relevance: float = 1.0
    review_every_days: int | None = None
    #: when the state was last set (a review is due ``review_every_days`` after it)
    confirmed_on: date | None = None
    how: Mapping[str, tuple[LocalText, ...]] = field(default_factory=dict)
    details: tuple[str, ...] = ()
    #: where to read more (only http(s) addresses are ever shown as links)
    refs: tuple[str, ...] = ()


@dataclass(frozen=True)
class FindingRecord:
    """A serious finding of a recorded site audit, with its rule's wording."""

    rule_id: str
    severity: str
    title: LocalText
    advice: LocalText
    if_entered: LocalText | None = None


@dataclass(frozen=True)
class AuditRecord:
    """A site audit kept in the store (page-derived text is untrusted: the builder cleans it)."""

    target: str
    url: str | None
    title: str
    audited_at: datetime
    grade: str | None
    score: int | None
    scam_level: str
    findings: tuple[FindingRecord, ...] = ()


@dataclass(frozen=True)
class PrincipleScoreInput:
    """A principle's sub-score as the checklist computed it (``None``: none of its items applies)."""

    principle: int
    score: int | None
    answered: int
    applicable: int


@dataclass(frozen=True)
class ScoreSummary:
    """The checklist's score (the checklist owns scoring; the plan shows it)."""

    score: int
    coverage: int
    #: the band's machine name and its words (``needs_work`` / "Needs work")
    band: str
    band_label: LocalText
    principles: tuple[PrincipleScoreInput, ...] = ()


@dataclass(frozen=True)
class PlanInputs:
    """Everything a plan is built from."""

    items: tuple[ItemStatus, ...]
    principles: Mapping[int, LocalText]
    scores: ScoreSummary
    audits: tuple[AuditRecord, ...] = ()
    #: the person's platforms from the intake; ``None`` when unknown (then every step is shown)
    platforms: frozenset[str] | None = None
    #: how to name a platform in front of its steps ("Google Chrome", "微信")
    platform_labels: Mapping[str, LocalText] = field(default_factory=dict)
    #: the store's state (intake, answers with history, audits), carried into the JSON backup
    state: Mapping[str, Any] | None = None


# -- the plan ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class PlanItem:
    """A checklist item as the plan shows it, in one language."""

    id: str
    principle: int
    title: str
    state: str
    weight: float
    effort: int
    #: weight × (1 − state value) × relevance / effort: higher comes first
    priority: float
    steps: tuple[str, ...] = ()
    review_every_days: int | None = None
    due: date | None = None
    overdue: bool = False
    details: tuple[str, ...] = ()
    refs: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "principle": self.principle,
            "title": self.title,
            "state": self.state,
            "weight": self.weight,
            "effort": self.effort,
            "priority": round(self.priority, 4),
            "steps": list(self.steps),
            "review_every_days": self.review_every_days,
            "due": self.due.isoformat() if self.due else None,
            "details": list(self.details),
            "refs": list(self.refs),
        }


@dataclass(frozen=True)
class SiteFinding:
    """A serious finding of an audited site, in one language."""

    rule_id: str
    severity: str
    title: str
    advice: str
    if_entered: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "rule_id": self.rule_id,
            "severity": self.severity,
            "title": self.title,
            "advice": self.advice,
            "if_entered": self.if_entered,
        }


@dataclass(frozen=True)
class AuditedSite:
    """A site the person audited (target, URL and title cleaned of control characters)."""

    target: str
    url: str
    title: str
    audited_at: datetime
    grade: str | None
    score: int | None
    scam_level: str
    findings: tuple[SiteFinding, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "target": self.target,
            "url": self.url,
            "title": self.title,
            "audited_at": self.audited_at.isoformat(),
            "grade": self.grade,
            "score": self.score,
            "scam_level": self.scam_level,
            "findings": [item.to_json() for item in self.findings],
        }


@dataclass(frozen=True)
class ScoreRow:
    """One principle's sub-score (``None`` when none of its items applies)."""

    principle: int
    title: str
    score: int | None
    answered: int
    applicable: int

    def to_json(self) -> dict[str, Any]:
        return {
            "principle": self.principle,
            "title": self.title,
            "score": self.score,
            "answered": self.answered,
            "applicable": self.applicable,
        }


@dataclass(frozen=True)
class Plan:
    """The ordered plan in one language; ``state`` is the backup the JSON export carries."""

    lang: Lang
    generated_at: datetime
    #: ``None`` while no item is answered ("not scored yet")
    score: int | None
    coverage: int
    band: str
    band_label: str
    principles: tuple[ScoreRow, ...]
    today: tuple[PlanItem, ...]
    quick_wins: tuple[PlanItem, ...]
    bigger_jobs: tuple[PlanItem, ...]
    later: tuple[PlanItem, ...]
    habits: tuple[PlanItem, ...]
    sites: tuple[AuditedSite, ...]
    #: every applicable item, in checklist order (for CSV)
    items: tuple[PlanItem, ...]
    include_details: bool = False
    state: Mapping[str, Any] | None = None

    def section(self, name: SectionName) -> tuple[PlanItem, ...]:
        """The items of section ``name``."""
        result: tuple[PlanItem, ...] = getattr(self, name)
        return result

    def to_json(self) -> dict[str, Any]:
        """The plan as JSON (without the backup state)."""
        return {
            "lang": self.lang,
            "generated_at": self.generated_at.isoformat(),
            "score": self.score,
            "band": self.band,
            "band_label": self.band_label,
            "coverage": self.coverage,
            "principles": [row.to_json() for row in self.principles],
            "sections": {name: [item.to_json() for item in self.section(name)] for name in SECTIONS},
            "sites": [site.to_json() for site in self.sites],
        }

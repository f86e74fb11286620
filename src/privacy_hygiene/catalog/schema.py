"""Schemas shared by every heuristics file: metadata, principles, rules and scoring.

Area-specific files have their structs in :mod:`privacy_hygiene.catalog.schemas`; all are
``msgspec.Struct(frozen=True, forbid_unknown_fields=True)`` so an unknown or misspelt key fails
with its path. A struct may define ``check()`` returning ``[(path, message), ...]`` for rules a type
cannot express (regexes that must compile, ranges); the loader calls it.
"""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

from privacy_hygiene.i18n import LocalText

SeverityName = Literal["info", "low", "medium", "high", "critical"]
ConfidenceName = Literal["low", "medium", "high"]
CategoryName = Literal[
    "insecure-transport",
    "unneeded-data",
    "cross-site-form",
    "lookalike-domain",
    "brand-impersonation",
    "fortune-harvest",
    "prize-bait",
    "tracking",
    "untrustworthy-site",
    "site-care",
    "tls",
]
PrincipleId = Annotated[int, msgspec.Meta(ge=1, le=12)]
RuleId = Annotated[str, msgspec.Meta(pattern=r"^PH-[A-Z]+-[0-9]{3}$")]


class Meta(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Where a file's data came from: ``source``, ``license``, ``updated`` (ISO date), ``notes``."""

    source: str = "privacy-hygiene"
    license: str = "MIT"
    updated: str = ""
    notes: str = ""


class RuleDef(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A rule: its stable id, the pattern it names, how bad it is and what to tell the person.

    ``scam_points`` (0 = none) and ``scam_family`` feed the scam-risk level; a family counts once,
    at its highest hit. ``if_entered`` is the "Already entered it? Do this" advice.
    """

    id: RuleId
    name: str
    category: CategoryName
    severity: SeverityName
    confidence: ConfidenceName
    principle: PrincipleId
    title: LocalText
    advice: LocalText
    if_entered: LocalText | None = None
    scam_points: Annotated[int, msgspec.Meta(ge=0, le=20)] = 0
    scam_family: str = ""


class RulesFile(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A file that holds only rules (an analyzer with no other data)."""

    schema: Literal[1]
    meta: Meta
    rule: list[RuleDef] = []


class Principle(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """One of the twelve principles of the guide."""

    id: PrincipleId
    key: str
    title: LocalText
    summary: LocalText
    #: the guide's own words (Chinese), kept for reference and shown in Help
    source: str


class PrinciplesFile(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """``principles.toml``."""

    schema: Literal[1]
    meta: Meta
    principle: list[Principle]

    def check(self) -> list[tuple[str, str]]:
        ids = sorted(item.id for item in self.principle)
        if ids != list(range(1, 13)):
            return [("$.principle", f"expected principles 1..12 exactly once, got {ids}")]
        return []


class GradeBand(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """The lowest score that earns ``letter``."""

    letter: str
    min_score: Annotated[int, msgspec.Meta(ge=0, le=100)]


class Ceiling(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A grade no page can beat when it has a finding matching ``categories`` at ``severity``+."""

    name: str
    severity: SeverityName
    max_score: Annotated[int, msgspec.Meta(ge=0, le=100)]
    why: LocalText
    categories: list[CategoryName] = []


class CategoryCap(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """The most a category's findings may take off the score in total."""

    category: CategoryName
    max_penalty: Annotated[int, msgspec.Meta(ge=0, le=100)]


class ScamLevelDef(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """The lowest point total that reaches ``level``."""

    level: Literal["low", "guarded", "high", "very_high"]
    min_points: Annotated[int, msgspec.Meta(ge=0)]


class ScamCombo(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Extra points when every family in ``families`` is present (persuasion meets a request)."""

    name: str
    families: list[str]
    points: Annotated[int, msgspec.Meta(ge=0, le=20)]
    why: LocalText


class ScoringFile(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """``scoring.toml``: penalties, caps, ceilings, grade bands and scam-risk levels."""

    schema: Literal[1]
    meta: Meta
    penalty: dict[SeverityName, Annotated[int, msgspec.Meta(ge=0, le=100)]]
    grade: list[GradeBand]
    ceiling: list[Ceiling] = []
    cap: list[CategoryCap] = []
    scam_level: list[ScamLevelDef] = []
    #: families whose hits are keywords only: their points are capped at this value
    keyword_families: list[str] = []
    keyword_family_cap: int = 2
    combo: list[ScamCombo] = []

    def check(self) -> list[tuple[str, str]]:
        problems = []
        scores = [band.min_score for band in self.grade]
        if scores != sorted(scores, reverse=True) or not scores or scores[-1] != 0:
            problems.append(("$.grade", "bands must be in descending min_score order ending at 0"))
        points = [level.min_points for level in self.scam_level]
        if points != sorted(points) or (points and points[0] != 0):
            problems.append(("$.scam_level", "levels must ascend from min_points 0"))
        return problems

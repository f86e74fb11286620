"""The typed records the state store reads and writes (plain frozen dataclasses)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, get_args

#: what a person (or an automatic check) said about an item; ``stale`` is derived, never stored
StoredState = Literal["pass", "partial", "fail", "unknown", "not_applicable", "snoozed"]
STORED_STATES: tuple[StoredState, ...] = get_args(StoredState)

#: where an answer came from: the person, a browser auto-check, or a restored backup
Source = Literal["self", "auto", "import"]
SOURCES: tuple[Source, ...] = get_args(Source)


@dataclass(frozen=True, slots=True)
class Answer:
    """One answer to one checklist item (the store keeps every answer ever given, in order)."""

    item_id: str
    state: StoredState
    at: datetime
    source: Source = "self"
    note: str | None = None
    #: for ``snoozed``: the answer counts as unanswered-and-excluded until this moment
    snooze_until: datetime | None = None


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The checklist score at one moment (taken whenever the answers change)."""

    at: datetime
    score: float
    coverage: float
    band: str
    #: principle id → sub-score (``None`` when no item of it applies)
    principles: dict[int, float | None] = field(default_factory=dict)
    #: item id → effective state at that moment (``stale`` included), for "since last check"
    states: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class AuditRecord:
    """A site audit as remembered: enough for history and "first seen", never the page itself."""

    target: str
    domain: str
    at: datetime
    url: str | None = None
    title: str = ""
    grade: str | None = None
    score: int | None = None
    scam_level: str = "low"
    #: (rule id, severity name) of each finding
    rules: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Brand:
    """A brand the person asked to protect, by its domain."""

    domain: str
    label: str
    added_at: datetime

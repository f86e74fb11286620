"""The intake: a few questions whose answers decide which items apply, which come first, and which
platforms' how-to steps are shown.

Answers are stored as text (multi-choice values comma-separated). A question not answered yet
never hides anything: every condition on it holds, and every platform is shown.
"""

from __future__ import annotations

from collections.abc import Mapping

from privacy_hygiene.catalog.schemas.checklist import PLATFORMS, Item
from privacy_hygiene.checklist.items import Checklist
from privacy_hygiene.errors import UsageError

#: parsed intake: question key → the chosen option values
Intake = Mapping[str, frozenset[str]]

NONE = "none"


def parse(raw: Mapping[str, str]) -> dict[str, frozenset[str]]:
    """Stored intake text → sets of values."""
    return {key: frozenset(part for part in value.split(",") if part) for key, value in raw.items()}


def normalise(checklist: Checklist, key: str, value: str) -> tuple[str, str]:
    """Validate one ``KEY=VALUE`` answer; returns the key and the value as stored."""
    question = checklist.question(key.strip().lower())
    allowed = [option.value for option in question.options]
    values = [part.strip().lower() for part in value.split(",") if part.strip()]
    if not values:
        raise UsageError(f"no answer given for {question.key} (one of: {', '.join(allowed)})")
    unknown = [part for part in values if part not in allowed]
    if unknown:
        raise UsageError(f"{question.key}: unknown answer {unknown[0]!r} (one of: {', '.join(allowed)})")
    if len(values) > 1 and not question.multiple:
        raise UsageError(f"{question.key} takes one answer (one of: {', '.join(allowed)})")
    if NONE in values and len(values) > 1:
        raise UsageError(f"{question.key}: 'none' cannot be combined with other answers")
    ordered = [option for option in allowed if option in values]
    return question.key, ",".join(ordered)


def holds(condition: str, intake: Intake) -> bool:
    """``key:value`` holds when the answer includes value; ``key:*`` when the answer is not none.

    An unanswered question makes every condition on it hold (nothing is hidden by default).
    """
    key, _, value = condition.partition(":")
    answer = intake.get(key)
    if answer is None:
        return True
    if value == "*":
        return bool(answer - {NONE})
    return value in answer


def _answered_holds(condition: str, intake: Intake) -> bool:
    key = condition.partition(":")[0]
    return key in intake and holds(condition, intake)


def applies(item: Item, intake: Intake) -> bool:
    """Whether the item is relevant to this person (any ``applies_if`` condition holds)."""
    return not item.applies_if or any(holds(condition, intake) for condition in item.applies_if)


def boost_count(item: Item, intake: Intake) -> int:
    """How many ``boost_if`` conditions the person's answers actually meet (unanswered: none)."""
    return sum(1 for condition in item.boost_if if _answered_holds(condition, intake))


def platforms(intake: Intake) -> frozenset[str] | None:
    """The person's platforms (devices, browsers, apps), or ``None`` = show all (not answered)."""
    keys = ("devices", "browsers", "apps")
    if not any(key in intake for key in keys):
        return None
    chosen = set().union(*(intake.get(key, frozenset()) for key in keys))
    # a question left unanswered keeps all of its platforms visible
    for key, group in (("devices", PLATFORMS[:6]), ("browsers", PLATFORMS[6:11]), ("apps", PLATFORMS[11:])):
        if key not in intake:
            chosen |= set(group)
    return frozenset(chosen & set(PLATFORMS))

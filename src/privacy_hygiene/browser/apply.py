"""The bridge to the checklist: which items each browser check answers, and ``browser --apply``
writing the checks' results into the checklist store as answers with source ``auto``.

The rules of turning check states into item answers (worst profile wins; pass/fail/partial across an
item's checks; never overriding the person's "not applicable" or a running snooze) are the
checklist's own (:func:`privacy_hygiene.checklist.apply_auto`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from privacy_hygiene.browser.report import ProfileReport
from privacy_hygiene.sanitize import one_line


@functools.cache
def items_answered_by() -> dict[str, tuple[str, ...]]:
    """Browser check id → the checklist item ids that declare it in ``browser_checks``."""
    from privacy_hygiene.checklist import load_checklist

    mapping: dict[str, list[str]] = {}
    for item in load_checklist():
        for check in item.browser_checks:
            mapping.setdefault(check, []).append(item.id)
    return {check: tuple(items) for check, items in mapping.items()}


@dataclass(frozen=True)
class Applied:
    """What ``--apply`` wrote: the answers (item id → state) and the score before and after."""

    answers: dict[str, str]
    score_before: int
    score_after: int


def apply_answers(reports: list[ProfileReport]) -> Applied:
    """Store each checklist item's automatic answer from these profiles (one transaction)."""
    from privacy_hygiene.checklist import apply_auto, load_checklist, report
    from privacy_hygiene.store import open_store

    checklist = load_checklist()
    profiles = [{result.check_id: result.state for result in item.checks} for item in reports if item.checks]
    names = ", ".join(f"{item.profile.browser}/{one_line(item.profile.name, 40)}" for item in reports)
    note = one_line(f"browser: {names}", 300) if names else None
    with open_store() as store:
        before = report(store, checklist).rounded
        written, after = apply_auto(store, checklist, profiles, note)
    return Applied({answer.item_id: answer.state for answer in written}, before, after.rounded if after else before)

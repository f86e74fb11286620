"""The habit checklist: items per principle (data in ``heuristics/checklist/``), an intake that
decides relevance and order, per-item states, and the score with coverage, bands and sub-scores.

::

    from privacy_hygiene.checklist import load_checklist, report, record_answers
    checklist = load_checklist()
    with open_store() as store:
        result = report(store, checklist)                 # HabitReport: score, coverage, band...
        record_answers(store, checklist, [Answer("p08.telemetry", "pass", clock.now(), "self")])
        apply_auto(store, checklist, [{"telemetry": "pass", "studies": "fail"}])  # browser checks

Answers are keyed by item id, never wording. Nothing here imports Textual.
"""

from __future__ import annotations

from privacy_hygiene.checklist.auto import apply_auto, auto_answers
from privacy_hygiene.checklist.items import Checklist, load_checklist, round_score
from privacy_hygiene.checklist.scoring import Change, HabitReport, PrincipleScore, ScoredItem, diff, score
from privacy_hygiene.checklist.session import grade_quiz, parse_state, record_answers, record_intake, report
from privacy_hygiene.checklist.states import STATES, VALUE, ItemStatus, State, evaluate

__all__ = [
    "STATES",
    "VALUE",
    "Change",
    "Checklist",
    "HabitReport",
    "ItemStatus",
    "PrincipleScore",
    "ScoredItem",
    "State",
    "apply_auto",
    "auto_answers",
    "diff",
    "evaluate",
    "grade_quiz",
    "load_checklist",
    "parse_state",
    "record_answers",
    "record_intake",
    "report",
    "round_score",
    "score",
]

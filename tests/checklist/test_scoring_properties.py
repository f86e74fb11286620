"""Properties of the score over random answers to the real items (hypothesis)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from privacy_hygiene.checklist import load_checklist, score
from privacy_hygiene.store import Answer

NOW = datetime(2027, 1, 1, tzinfo=UTC)
CHECKLIST = load_checklist()
IDS = [item.id for item in CHECKLIST]
STATES = ["pass", "partial", "fail", "unknown", "not_applicable", "snoozed"]
ORDER = {"fail": 0, "partial": 1, "pass": 2}

answer_sets = st.dictionaries(
    st.sampled_from(IDS),
    st.tuples(st.sampled_from(STATES), st.integers(min_value=0, max_value=400)),
    max_size=len(IDS),
)
intakes = st.fixed_dictionaries(
    {},
    optional={
        "browsers": st.sampled_from(["none", "chrome", "firefox,edge"]),
        "apps": st.sampled_from(["none", "wechat", "bank,qq"]),
        "elderly": st.sampled_from(["yes", "no"]),
        "posts_photos": st.sampled_from(["yes", "no"]),
    },
)


def _answers(raw: dict[str, tuple[str, int]]) -> dict[str, Answer]:
    return {
        item_id: Answer(item_id, state, NOW - timedelta(days=days), "self", None, NOW + timedelta(days=5))  # type: ignore[arg-type]
        if state == "snoozed"
        else Answer(item_id, state, NOW - timedelta(days=days))  # type: ignore[arg-type]
        for item_id, (state, days) in raw.items()
    }


@settings(max_examples=150, deadline=None)
@given(answer_sets, intakes)
def test_bounds_and_consistency(raw: dict[str, tuple[str, int]], intake: dict[str, str]) -> None:
    result = score(CHECKLIST, _answers(raw), intake, NOW)
    assert 0.0 <= result.score <= 100.0 and 0.0 <= result.coverage <= 1.0
    counted = [entry for entry in result.items if entry.status.counted]
    assert result.max_total == sum(entry.status.item.weight for entry in counted)
    for entry in result.items:
        assert entry.max_points == (entry.status.item.weight if entry.status.counted else 0)
        assert 0 <= entry.points <= entry.max_points
    for principle in result.principles:
        assert principle.score is None or 0.0 <= principle.score <= 100.0


@settings(max_examples=150, deadline=None)
@given(answer_sets, intakes, st.sampled_from(IDS))
def test_doing_better_never_lowers_the_score(
    raw: dict[str, tuple[str, int]], intake: dict[str, str], item_id: str
) -> None:
    answers = _answers(raw)
    before = score(CHECKLIST, answers, intake, NOW)
    current = answers.get(item_id)
    improved = dict(answers, **{item_id: Answer(item_id, "pass", NOW)})
    after = score(CHECKLIST, improved, intake, NOW)
    assert after.score >= before.score - 1e-9
    # and answering an unanswered item never lowers coverage
    if current is None or current.state in ("unknown", "snoozed"):
        assert after.coverage >= before.coverage - 1e-9

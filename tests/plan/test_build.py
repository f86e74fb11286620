"""Ordering, sections, platforms, language and privacy of the plan builder."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from privacy_hygiene.plan.build import build_plan, priority
from privacy_hygiene.plan.model import ItemStatus, PlanInputs
from tests.plan.conftest import FIXED_NOW, PRINCIPLES, SCORES, sample_inputs, sample_items, text


def test_order_is_weight_times_missing_state_times_relevance_over_effort() -> None:
    plan = build_plan(sample_inputs(), "en", FIXED_NOW)
    ranked = [*plan.today, *plan.quick_wins, *plan.later]
    priorities = [item.priority for item in ranked]
    assert priorities == sorted(priorities, reverse=True)
    by_id = {item.id: item for item in plan.items}
    # weight 3 × (1 − 0) × relevance 1.5 / effort 1
    assert by_id["P02.optional_fields"].priority == 4.5
    # weight 4 × (1 − 0.5) / effort 2
    assert by_id["P12.sim_check"].priority == 1.0


def test_sections() -> None:
    plan = build_plan(sample_inputs(), "en", FIXED_NOW)
    assert [item.id for item in plan.today] == ["P10.pay_to_win"]
    assert len(plan.quick_wins) == 5
    assert all(item.effort <= 2 for item in (*plan.today, *plan.quick_wins, *plan.later))
    assert [item.id for item in plan.bigger_jobs] == ["P11.phone_reset"]
    # done items and excluded ones are in no action section
    actionable = {item.id for item in (*plan.today, *plan.quick_wins, *plan.bigger_jobs, *plan.later)}
    assert "P09.no_birth_data" not in actionable
    assert "P04.no_public_login" not in {item.id for item in plan.items}
    # habits: every periodic item, soonest due first, with its next due date
    assert [item.id for item in plan.habits] == ["P12.sim_check", "P05.parcel_labels", "P07.devices_review"]
    due = {item.id: item.due for item in plan.habits}
    assert due["P07.devices_review"] == date(2026, 12, 30)  # confirmed 2026-10-01 + 90 days
    assert due["P05.parcel_labels"] == date(2026, 11, 27)  # never confirmed: due today
    assert plan.habits[0].overdue


def test_one_thing_today_needs_low_effort() -> None:
    items = (
        ItemStatus(id="big", principle=1, title=text("大", "big"), weight=5, effort=5, state="fail"),
        ItemStatus(id="small", principle=1, title=text("小", "small"), weight=1, effort=2, state="fail"),
    )
    plan = build_plan(PlanInputs(items=items, principles=PRINCIPLES, scores=SCORES), "en", FIXED_NOW)
    assert [item.id for item in plan.today] == ["small"]
    assert [item.id for item in plan.bigger_jobs] == ["big"]


def test_marking_an_item_done_moves_it_out_of_the_plan() -> None:
    before = build_plan(sample_inputs(), "en", FIXED_NOW)
    items = tuple(replace(item, state="pass") if item.id == "P10.pay_to_win" else item for item in sample_items())
    after = build_plan(replace(sample_inputs(), items=items), "en", FIXED_NOW)
    assert before.today[0].id == "P10.pay_to_win"
    assert after.today[0].id == "P02.optional_fields"
    assert "P10.pay_to_win" not in {item.id for item in (*after.quick_wins, *after.bigger_jobs, *after.later)}


def test_a_stale_review_is_due_and_counts_half() -> None:
    item = ItemStatus(
        id="x",
        principle=7,
        title=text("x", "x"),
        weight=3,
        effort=1,
        state="stale",
        review_every_days=30,
        confirmed_on=date(2026, 9, 1),
    )
    plan = build_plan(PlanInputs(items=(item,), principles=PRINCIPLES, scores=SCORES), "en", FIXED_NOW)
    assert plan.items[0].overdue and plan.items[0].due == date(2026, 10, 1)
    assert plan.today[0].id == "x"
    assert priority(item, "stale") == 1.5
    assert priority(item, "snoozed") == 0 and priority(item, "pass") == 0


def test_only_the_persons_platforms_in_their_language() -> None:
    plan = build_plan(sample_inputs(platforms=frozenset({"ios"})), "zh", FIXED_NOW)
    phone = next(item for item in plan.items if item.id == "P11.phone_reset")
    assert phone.steps == ("ios：关闭“查找”，再抹掉所有内容", "取出 SIM 卡和存储卡")  # no label given: the key
    telemetry = next(item for item in plan.items if item.id == "P08.telemetry")
    assert telemetry.steps == ()
    assert phone.title == "卖手机前先恢复出厂设置"
    # unknown platforms: every step is shown rather than none
    everything = build_plan(sample_inputs(platforms=None), "en", FIXED_NOW)
    assert len(next(item for item in everything.items if item.id == "P11.phone_reset").steps) == 3


def test_details_only_on_request_and_cleaned() -> None:
    default = build_plan(sample_inputs(), "en", FIXED_NOW)
    assert all(item.details == () for item in default.items)
    detailed = build_plan(sample_inputs(), "en", FIXED_NOW, include_details=True)
    logins = next(item for item in detailed.items if item.id == "P01.saved_sites_review")
    assert logins.details == ("login for bank.example.com", "profile /home/ann/.mozilla/x")


def test_sites_keep_serious_findings_with_if_entered_advice() -> None:
    plan = build_plan(sample_inputs(), "en", FIXED_NOW)
    (site,) = plan.sites
    assert [finding.rule_id for finding in site.findings] == ["PH-SCAM-010", "PH-TRANSPORT-020"]
    assert site.findings[0].if_entered.startswith("Change the password now")
    assert "\x1b" not in site.title and "\x07" not in site.title


def test_scores_are_the_checklists() -> None:
    plan = build_plan(sample_inputs(), "zh", FIXED_NOW)
    assert (plan.score, plan.coverage, plan.band, plan.band_label) == (26, 91, "needs_work", "需要改进")
    rows = {row.principle: row for row in plan.principles}
    assert rows[7].score == 100 and rows[7].title == "准则7"
    assert rows[4].score is None and rows[4].applicable == 0
    unanswered = tuple(replace(item, state="unknown") for item in sample_items())
    empty = build_plan(replace(sample_inputs(), items=unanswered), "en", FIXED_NOW)
    assert empty.score is None  # nothing answered yet: "not scored yet", not 0


def test_if_entered_lead_is_not_repeated() -> None:
    from privacy_hygiene.plan.wording import if_entered_lead

    assert if_entered_lead("Already entered it? Change the password now.", "en") == ""
    assert if_entered_lead("已经输入？立即修改密码。", "zh") == ""
    assert if_entered_lead("Change the password now.", "en") == "Already entered it? Do this:"
    assert if_entered_lead("立即修改密码。", "zh") == "已经填过了？这样做："


def test_empty_today_says_all_done_only_when_nothing_is_left() -> None:
    from privacy_hygiene.plan.to_text import to_text

    big = ItemStatus(id="big", principle=1, title=text("大", "big"), weight=5, effort=5, state="fail")
    plan = build_plan(PlanInputs(items=(big,), principles=PRINCIPLES, scores=SCORES), "en", FIXED_NOW)
    assert plan.today == () and "Everything on the checklist is done" not in to_text(plan)
    done = build_plan(
        PlanInputs(items=(replace(big, state="pass"),), principles=PRINCIPLES, scores=SCORES), "en", FIXED_NOW
    )
    assert "Everything on the checklist is done" in to_text(done)

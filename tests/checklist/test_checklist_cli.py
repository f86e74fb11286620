"""The checklist CLI end to end: real processes sharing one temp data dir, a month apart."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from privacy_hygiene.checklist import load_checklist

DAY0 = {"PRIVACY_HYGIENE_NOW": "2026-11-27T10:00:00Z"}
MONTH_LATER = {"PRIVACY_HYGIENE_NOW": "2026-12-29T10:00:00Z"}
CHECKLIST = load_checklist()


def _json(result: Any) -> dict[str, Any]:
    assert result.code == 0, result.err
    value: dict[str, Any] = json.loads(result.out)
    return value


def test_answer_close_come_back_a_month_later(run_cli: Callable[..., Any]) -> None:
    # process 1: the intake
    intake = run_cli(
        "checklist",
        "--intake", "devices=windows,android",
        "--intake", "browsers=chrome",
        "--intake", "apps=wechat,alipay",
        "--intake", "shared_computer=no",
        "--intake", "elderly=no",
        "--intake", "posts_photos=no",
        "--lang", "en",
        env=DAY0,
    )  # fmt: skip
    assert intake.code == 0, intake.err
    assert "Saved intake answers" in intake.out
    # process 2: answers, one with a note, a snooze and two quizzes
    answered = run_cli(
        "checklist",
        "--set", "p07.devices-review=pass",
        "--set", "p08.telemetry=pass",
        "--set", "p05.shred-waybills=partial",
        "--set", "p11.wipe-drives=snoozed:2027-06-30",
        "--note", "shredder on the list",
        "--quiz", "p12.three-nos=1",
        "--quiz", "p10.pay-to-claim=A",
        "--lang", "zh",
        env=DAY0,
    )  # fmt: skip
    assert answered.code == 0, answered.err
    assert "已保存 6 个回答" in answered.out and "回答正确" in answered.out and "回答错误" in answered.out
    # process 3: read back as JSON
    day0 = _json(run_cli("checklist", "--json", env=DAY0))
    states = {item["id"]: item for item in day0["items"]}
    assert states["p07.devices-review"]["state"] == "pass"
    assert states["p05.shred-waybills"]["state"] == "partial"
    assert states["p05.shred-waybills"]["note"] == "shredder on the list"
    assert states["p11.wipe-drives"]["state"] == "snoozed"
    assert states["p12.three-nos"]["state"] == "pass" and states["p10.pay-to-claim"]["state"] == "fail"
    # the intake ruled out what does not apply: no QQ, no bank, not elderly, no photos
    assert states["p03.qzone-scope"]["state"] == "not_applicable"
    assert states["p03.moments-scope"]["state"] == "unknown"  # WeChat user
    assert states["p02.bank-staff"]["state"] == "not_applicable"
    # the score is what the item points say, and coverage counts answers among applicable items
    counted = [item for item in day0["items"] if item["state"] != "not_applicable"]
    expected = 100 * sum(item["points"] for item in counted) / sum(item["max_points"] for item in counted)
    assert day0["score_exact"] == pytest.approx(expected, abs=0.01)
    answered_count = sum(1 for item in counted if item["state"] in ("pass", "partial", "fail", "stale"))
    assert day0["coverage"] == pytest.approx(answered_count / len(counted), abs=0.001)
    assert answered_count == 5
    assert day0["band"] == "needs_work" and day0["band_label"]["zh"] == "需要改进"
    assert {entry["id"] for entry in day0["principles"]} == set(range(1, 13))
    assert len(day0["history"]) == 2 and day0["history"][-1]["score"] == day0["score"]
    assert day0["due"] == []
    assert states["p07.devices-review"]["review_at"].startswith("2027-02-25")

    # a month and a bit later (the 90-day item is not due yet; move past it)
    later_env = {"PRIVACY_HYGIENE_NOW": "2027-03-01T09:00:00Z"}
    later = _json(run_cli("checklist", "--json", env=later_env))
    later_states = {item["id"]: item for item in later["items"]}
    assert later_states["p07.devices-review"]["state"] == "stale"
    assert later["due"] == ["p07.devices-review"]
    assert later["score_exact"] < day0["score_exact"]
    assert later["since_last"]["changes"] == [{"id": "p07.devices-review", "from": "pass", "to": "stale"}]
    assert later["since_last"]["score"] == day0["score"]
    stale_only = _json(run_cli("checklist", "--json", "--stale", env=later_env))
    assert [item["id"] for item in stale_only["items"]] == ["p07.devices-review"]
    assert stale_only["score"] == later["score"]  # filters narrow the list, never the score

    text = run_cli("checklist", "--lang", "en", env=later_env)
    assert text.code == 0, text.err
    assert "Periodic items due for review" in text.out and "p07.devices-review" in text.out
    assert re.search(r"Trend: [▁▂▃▄▅▆▇█]{2} \(0 → \d+\)", text.out)
    assert re.search(r"Since last check \(2026-11-27, score \d+\): -", text.out)
    text_zh = run_cli("checklist", "--lang", "zh", "--stale", env=later_env)
    assert "到期需要复查的项目" in text_zh.out and "需复查" in text_zh.out

    # re-confirming makes it fresh again and the diff shows it
    again = _json(run_cli("checklist", "--set", "p07.devices-review=pass", "--json", env=later_env))
    assert {item["id"]: item["state"] for item in again["items"]}["p07.devices-review"] == "pass"
    assert again["due"] == [] and again["score"] == day0["score"]


def test_month_later_snoozed_item_returns(run_cli: Callable[..., Any]) -> None:
    run_cli("checklist", "--set", "p11.phone-reset=snoozed:2026-12-15", env=DAY0)
    remaining = _json(run_cli("checklist", "--json", "--remaining", env=DAY0))
    assert "p11.phone-reset" not in {item["id"] for item in remaining["items"]}
    later = _json(run_cli("checklist", "--json", "--remaining", env=MONTH_LATER))
    assert "p11.phone-reset" in {item["id"] for item in later["items"]}


def test_show_lists_only_my_platforms(run_cli: Callable[..., Any]) -> None:
    run_cli("checklist", "--intake", "browsers=firefox", "--intake", "devices=linux", env=DAY0)
    shown = run_cli("checklist", "show", "p08.telemetry", "--lang", "en", env=DAY0)
    assert shown.code == 0, shown.err
    assert "Firefox" in shown.out and "Google Chrome" not in shown.out and "Microsoft Edge" not in shown.out
    assert "telemetry, studies" in shown.out
    zh = run_cli("checklist", "show", "p12.three-nos", "--lang", "zh", env=DAY0)
    assert "不贪便宜、不谈钱、不打款" in zh.out and "小测验" in zh.out
    as_json = _json(run_cli("checklist", "show", "p06.https-only", "--json", env=DAY0))
    assert as_json["definition"]["browser_checks"] == ["https_only"] and as_json["state"] == "unknown"
    questions = json.loads(run_cli("checklist", "intake", "--json", env=DAY0).out)
    assert [q["key"] for q in questions][:2] == ["devices", "browsers"]
    assert questions[1]["answer"] == ["firefox"] and questions[2]["answer"] is None


BAD_INPUT = [
    (("--set", "p08.telemetri=pass"), "did you mean p08.telemetry"),
    (("--set", "p08.telemetry=snoozed"), "snoozed needs a date"),
    (("--intake", "devices=toaster"), "unknown answer 'toaster'"),
    (("--quiz", "p12.three-nos=9"), "choose an option"),
]


def test_bad_input_is_one_line_and_saves_nothing(run_cli: Callable[..., Any]) -> None:
    for args, message in BAD_INPUT:
        result = run_cli("checklist", *args, "--set", "p01.official-address=pass", env=DAY0)
        assert result.code == 2, args
        assert message in result.err and "Traceback" not in result.err
        assert len(result.err.strip().splitlines()) == 1
    after = _json(run_cli("checklist", "--json", env=DAY0))
    assert {item["id"]: item["state"] for item in after["items"]}["p01.official-address"] == "unknown"
    assert after["history"] == [] and after["intake"] == {}


def test_damaged_store_is_reported_and_untouched(run_cli: Callable[..., Any], _isolated_home: Path) -> None:
    state = _isolated_home / "state.sqlite3"
    state.write_bytes(b"not sqlite at all" * 64)
    result = run_cli("checklist", env=DAY0)
    assert result.code == 2 and "damaged" in result.err and "left untouched" in result.err
    assert state.read_bytes() == b"not sqlite at all" * 64


def test_ask_saves_each_answer_and_a_snapshot(run_cli: Callable[..., Any]) -> None:
    # the six intake questions, then quit
    first = run_cli("checklist", "ask", "--lang", "zh", stdin="1,4\n3\n1,3\n1\n2\n2\nq\n", env=DAY0)
    assert first.code == 0, first.err
    assert "你平时用哪些设备" in first.out and "保存了 0 个回答" in first.out
    state = _json(run_cli("checklist", "--json", env=DAY0))
    assert state["intake"] == {
        "devices": ["android", "windows"],
        "browsers": ["firefox"],
        "apps": ["alipay", "wechat"],
        "shared_computer": ["no"],
        "elderly": ["no"],
        "posts_photos": ["no"],
    }
    assert len(state["history"]) == 1  # the intake changed the score's basis
    # then the first open item: "y" answers a plain item, and a quiz takes the "1" after it
    second = run_cli("checklist", "ask", "--lang", "en", stdin="y\n1\n", env=DAY0)
    assert second.code == 0, second.err
    asked = re.search(r"\[1/(\d+)\] (p\d\d\.[a-z0-9-]+)", second.out)
    assert asked is not None and "Saved 1 answer(s)." in second.out
    after = _json(run_cli("checklist", "--json", env=DAY0))
    assert {item["id"]: item["state"] for item in after["items"]}[asked.group(2)] in ("pass", "fail")
    assert len(after["history"]) == 2


def test_whole_checklist_in_one_go_then_seven_months_later(run_cli: Callable[..., Any]) -> None:
    sets: list[str] = []
    for item in CHECKLIST:
        if item.quiz is not None:
            sets += ["--quiz", f"{item.id}={item.quiz.answer + 1}"]
        else:
            sets += ["--set", f"{item.id}=pass"]
    done = run_cli("checklist", *sets, "--json", env=DAY0)
    full = _json(done)
    assert full["score"] == 100 and full["coverage"] == 1.0 and full["band"] == "excellent"
    assert all(entry["score"] == 100 for entry in full["principles"])
    # seven months on: every periodic item with a review interval up to 210 days is due and counts half
    later_env = {"PRIVACY_HYGIENE_NOW": "2027-06-27T10:00:00Z"}
    later = _json(run_cli("checklist", "--json", env=later_env))
    expected_due = sorted(item.id for item in CHECKLIST if item.review_days is not None and item.review_days <= 210)
    assert sorted(later["due"]) == expected_due and len(expected_due) >= 6
    weights = {item.id: item.weight for item in CHECKLIST}
    total = sum(weights.values())
    expected = 100 * (total - sum(weights[item_id] for item_id in expected_due) / 2) / total
    assert later["score_exact"] == pytest.approx(expected, abs=0.01)
    assert later["coverage"] == 1.0
    assert {change["id"] for change in later["since_last"]["changes"]} == set(expected_due)
    text = run_cli("checklist", "--lang", "zh", env=later_env)
    assert "到期需要复查的项目" in text.out and "趋势" not in text.out  # one snapshot: no trend yet
    assert "自上次检查（2026-11-27，100 分）以来" in text.out

"""``privacy-hygiene browser`` as a real process: the JSON contract, errors, languages, --apply."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from tests.browser.conftest import BROWSERS, fixture_path

Run = Callable[..., Any]


def test_json_contract_for_both_families(run_cli: Run) -> None:
    result = run_cli(
        "browser", "--profile", str(fixture_path("firefox")), "--profile", str(fixture_path("chromium")), "--json"
    )
    assert result.code == 0, result.err
    profiles = json.loads(result.out)["profiles"]
    assert [(item["browser"], item["name"]) for item in profiles] == [
        ("firefox", "default-esr"),
        ("chromium", "Your Chromium"),
    ]
    for item in profiles:
        assert {"browser", "name", "path", "running", "checks", "saved_logins"} <= set(item)
        assert item["running"] is False
        saving = next(check for check in item["checks"] if check["item_id"] == "password_saving")
        assert (saving["state"], saving["confidence"]) == ("fail", "default")
        assert saving["evidence"][0]["source"] == "default" and saving["evidence"][0]["value"] is True
        for check in item["checks"]:
            assert {"item_id", "state", "confidence", "evidence", "explanation"} <= set(check)
            assert check["state"] in {"pass", "partial", "fail", "unknown"}
            assert check["confidence"] in {"read", "default", "policy", "unknown"}
            for evidence in check["evidence"]:
                assert set(evidence) == {"key", "value", "source"}


def test_languages(run_cli: Run) -> None:
    zh = run_cli("browser", "--profile", str(fixture_path("chromium-variants/saving-off")), "--lang", "zh")
    en = run_cli("browser", "--profile", str(fixture_path("chromium-variants/saving-off")), "--lang", "en")
    assert zh.code == en.code == 0
    assert "浏览器不提示保存密码" in zh.out and "通过" in zh.out
    assert "The browser does not offer to save passwords" in en.out
    data = json.loads(run_cli("browser", "--profile", str(fixture_path("chromium")), "--json", "--lang", "zh").out)
    assert "密码" in data["profiles"][0]["checks"][0]["explanation"]


def test_text_report_names_running_and_risky_logins(run_cli: Run) -> None:
    result = run_cli("browser", "--profile", str(fixture_path("chromium-variants/locked")))
    assert result.code == 0 and "(running)" in result.out
    result = run_cli("browser", "--profile", str(fixture_path("firefox-variants/logins")), "--lang", "en")
    assert "unencrypted address (http://bbs.example.cn)" in result.out
    assert "Unused for over a year" in result.out and "https://old-shop.example.com" in result.out


def test_not_a_profile_is_one_clear_line(run_cli: Run, tmp_path: Any) -> None:
    result = run_cli("browser", "--profile", str(tmp_path))
    assert result.code == 2
    assert result.err.count("\n") == 1 and "not a browser profile folder" in result.err
    assert "Traceback" not in result.err


def test_discovery_in_an_empty_home_finds_nothing(run_cli: Run, tmp_path: Any) -> None:
    env = {"HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    result = run_cli("browser", "--json", env=env)
    assert result.code == 0 and json.loads(result.out) == {"profiles": []}
    assert "No browser profiles found" in run_cli("browser", "--lang", "en", env=env).out


def test_discovery_finds_a_profile_under_home(run_cli: Run, tmp_path: Any) -> None:
    import shutil

    shutil.copytree(BROWSERS / "firefox", tmp_path / ".mozilla" / "firefox")
    env = {"HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    result = run_cli("browser", "--json", env=env)
    assert [item["name"] for item in json.loads(result.out)["profiles"]] == ["default-esr"]


def test_apply_moves_the_checklist_score(run_cli: Run) -> None:
    before = json.loads(run_cli("checklist", "--json").out)
    result = run_cli("browser", "--profile", str(fixture_path("firefox-variants/hardened")), "--apply", "--json")
    assert result.code == 0, result.err
    assert "automatic answers" in result.err  # the JSON on stdout stays clean
    json.loads(result.out)
    after = json.loads(run_cli("checklist", "--json").out)
    assert after["score"] > before["score"]
    auto = {item["id"]: item["state"] for item in after["items"] if item["source"] == "auto"}
    assert auto["p08.no-saved-passwords"] == "pass" and auto["p08.telemetry"] == "pass"
    # a fresh profile that saves passwords makes the same items fail: the score goes down again
    result = run_cli("browser", "--profile", str(fixture_path("chromium")), "--apply", "--lang", "en")
    assert result.code == 0 and "checklist score" in result.out
    worse = json.loads(run_cli("checklist", "--json").out)
    assert worse["score"] < after["score"]
    states = {item["id"]: (item["state"], item["source"]) for item in worse["items"]}
    # password_saving fails, saved_logins (none saved) passes: the checklist makes that partial
    assert states["p08.no-saved-passwords"] == ("partial", "auto")
    assert states["p04.no-autosignin"] == ("fail", "auto")


def test_checks_list_the_checklist_items_they_answer(run_cli: Run) -> None:
    data = json.loads(run_cli("browser", "--profile", str(fixture_path("chromium")), "--json").out)
    answers = {check["item_id"]: check["answers"] for check in data["profiles"][0]["checks"]}
    assert "p08.no-saved-passwords" in answers["password_saving"]
    assert "p01.saved-sites-review" in answers["saved_logins"]
    assert all(answers[check] for check in ("telemetry", "https_only", "secure_dns", "notifications"))


def test_escapes_in_profile_values_never_reach_the_output(run_cli: Run, tmp_path: Any) -> None:
    import shutil

    profile = tmp_path / "profile"
    shutil.copytree(fixture_path("firefox-variants/saving-off"), profile)
    with (profile / "prefs.js").open("a", encoding="utf-8") as handle:
        handle.write('user_pref("browser.contentblocking.category", "\\u001b]0;owned\\u0007\\u001b[31mstrict");\n')
    for args in (["--json"], ["--lang", "en"]):
        result = run_cli("browser", "--profile", str(profile), *args)
        assert result.code == 0 and "\x1b" not in result.out and "\x07" not in result.out
    data = json.loads(run_cli("browser", "--profile", str(profile), "--json").out)
    tracking = next(check for check in data["profiles"][0]["checks"] if check["item_id"] == "tracking_protection")
    assert tracking["evidence"][0]["value"] == "strict"

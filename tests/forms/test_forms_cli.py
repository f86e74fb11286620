"""``privacy-hygiene forms`` as a real process: JSON contract, several targets, manifest, text, errors."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.forms.corpus import CORPUS

PAGES = CORPUS / "corpus"


def test_json_of_one_target_is_the_contract(run_cli: Callable[..., Any]) -> None:
    result = run_cli("forms", "--json", "--as-url", "https://prize.example.top/", str(PAGES / "zh-09-prize-claim.html"))
    assert result.code == 0, result.err
    payload = json.loads(result.out)
    assert list(payload) == ["target", "url", "forms"]
    assert payload["url"] == "https://prize.example.top/"
    (form,) = payload["forms"]
    assert list(form) == ["index", "action", "method", "purpose", "fields"]
    assert form["purpose"] == "prize_claim"
    assert form["action"] == "http://198.51.100.7/lingjiang.php"
    assert all(list(field) == ["name", "id", "kind", "required", "sensitive", "unneeded"] for field in form["fields"])
    pin = next(field for field in form["fields"] if field["name"] == "a4")
    assert pin == {"name": "a4", "id": "", "kind": "payment_pin", "required": True, "sensitive": True, "unneeded": True}


def test_several_targets_and_a_manifest_give_lists_in_order(run_cli: Callable[..., Any], tmp_path: Path) -> None:
    first, second = PAGES / "en-07-search-wp.html", PAGES / "en-01-login-autocomplete.html"
    result = run_cli("forms", "--json", str(first), str(second))
    assert result.code == 0, result.err
    payload = json.loads(result.out)
    assert [item["target"] for item in payload] == [str(first), str(second)]
    assert [item["forms"][0]["purpose"] for item in payload] == ["search", "login"]
    manifest = tmp_path / "pages.jsonl"
    manifest.write_text(json.dumps({"path": str(second), "url": "https://example.com/login"}) + "\n", encoding="utf-8")
    result = run_cli("forms", "--json", "--manifest", str(manifest))
    (item,) = json.loads(result.out)
    assert item["url"] == "https://example.com/login"
    assert item["forms"][0]["action"] == "https://example.com/session"


def test_text_output_in_both_languages(run_cli: Callable[..., Any]) -> None:
    page = str(PAGES / "en-08-quiz-ssn.html")
    zh = run_cli("forms", "--lang", "zh", page)
    en = run_cli("forms", "--lang", "en", page)
    assert zh.code == en.code == 0
    assert "问卷/测试" in zh.out and "身份证号" in zh.out and "不必要" in zh.out
    assert "survey or quiz" in en.out and "national ID number" in en.out and "not needed" in en.out


def test_unreadable_target_is_one_line_and_exit_2(run_cli: Callable[..., Any], tmp_path: Path) -> None:
    result = run_cli("forms", "--json", str(PAGES / "en-07-search-wp.html"), str(tmp_path / "missing.html"))
    assert result.code == 2
    payload = json.loads(result.out)
    assert payload[0]["forms"] and "error" not in payload[0]
    assert payload[1]["forms"] == [] and payload[1]["error"]["kind"]
    assert "Traceback" not in result.err
    nothing = run_cli("forms")
    assert nothing.code == 2 and "Traceback" not in nothing.err


def test_a_script_rendered_shell_says_so(run_cli: Callable[..., Any], tmp_path: Path) -> None:
    shell = tmp_path / "app.html"
    shell.write_text(
        '<html><head><script src="/app.js"></script></head><body><div id="app"></div>'
        "<noscript>Please enable JavaScript</noscript></body></html>",
        encoding="utf-8",
    )
    result = run_cli("forms", "--lang", "en", str(shell))
    assert result.code == 0
    assert "built by script" in result.out
    plain = tmp_path / "plain.html"
    plain.write_text("<html><body><p>Hello</p></body></html>", encoding="utf-8")
    assert "No forms on this page" in run_cli("forms", "--lang", "en", str(plain)).out


def test_audit_json_carries_the_same_forms(run_cli: Callable[..., Any]) -> None:
    page = str(PAGES / "zh-06-fortune-bazi.html")
    forms = json.loads(run_cli("forms", "--json", page).out)["forms"]
    audit = json.loads(run_cli("audit", "--json", page).out)
    assert audit["forms"] == forms
    assert forms[0]["purpose"] == "fortune_telling"
    assert any(item["category"] == "unneeded-data" for item in audit["findings"])


def test_targets_from_stdin(run_cli: Callable[..., Any]) -> None:
    pages = [str(PAGES / "zh-12-search.html"), str(PAGES / "zh-13-newsletter.html")]
    result = run_cli("forms", "--json", "-", stdin="\n".join(pages) + "\n")
    assert result.code == 0, result.err
    payload = json.loads(result.out)
    assert [item["target"] for item in payload] == pages
    assert [item["forms"][0]["purpose"] for item in payload] == ["search", "newsletter"]

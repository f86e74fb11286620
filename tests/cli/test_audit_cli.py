"""``privacy-hygiene audit`` end to end, in real processes, on files and on local HTTP(S) servers."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer

LOGIN_PAGE = """<!doctype html><html lang="en"><head><title>Sign in</title></head><body>
<form action="/session" method="post"><input name="user" autocomplete="username">
<input type="password" name="pw" required><button>Sign in</button></form></body></html>"""
ZH_PAGE = """<html lang="zh-CN"><head><meta charset="gbk"><title>用户登录</title></head><body>
<form action="/login" method="post">用户名<input name="yonghuming">密码<input type="password" name="mima"></form>
</body></html>"""

FINDING_KEYS = {"rule_id", "category", "severity", "confidence", "principle", "title", "evidence", "advice"}
REPORT_KEYS = {
    "target",
    "url",
    "final_url",
    "status",
    "title",
    "lang",
    "grade",
    "score",
    "scam_risk",
    "findings",
    "forms",
    "error",
}


def check_contract(report: dict[str, Any]) -> None:
    assert set(report) >= REPORT_KEYS
    assert set(report["scam_risk"]) == {"level", "points"}
    for finding in report["findings"]:
        assert set(finding) == FINDING_KEYS
        assert finding["severity"] in ("info", "low", "medium", "high", "critical")
        assert 1 <= finding["principle"] <= 12
        for item in finding["evidence"]:
            assert set(item) == {"kind", "locator", "excerpt"}
    for form in report["forms"]:
        assert set(form) == {"index", "action", "method", "purpose", "fields"}
        for field in form["fields"]:
            assert set(field) == {"name", "id", "kind", "required", "sensitive", "unneeded"}


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    path = tmp_path / "saved.html"
    path.write_text(LOGIN_PAGE, encoding="utf-8")
    return path


def test_done_when_saved_password_form_over_http_is_critical(saved: Path, run_cli: Callable[..., Any]) -> None:
    result = run_cli("audit", "--json", "--as-url", "http://example.org/login", str(saved))
    assert result.code == 0, result.err
    report = json.loads(result.out)
    check_contract(report)
    assert report["url"] == "http://example.org/login"
    critical = [f for f in report["findings"] if f["category"] == "insecure-transport"]
    assert critical and critical[0]["severity"] == "critical"
    assert report["grade"] == "F" and report["error"] is None
    assert report["target"] == str(saved)


def test_fail_on_sets_exit_code(saved: Path, run_cli: Callable[..., Any]) -> None:
    result = run_cli("audit", "--fail-on", "high", "--as-url", "http://example.org/login", str(saved))
    assert result.code == 1
    result = run_cli("audit", "--fail-on", "high", "--as-url", "https://example.org/login", str(saved))
    assert result.code == 0, result.out


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_text_report_in_both_languages(saved: Path, run_cli: Callable[..., Any], lang: str) -> None:
    result = run_cli("audit", "--lang", lang, "--as-url", "http://example.org/login", str(saved))
    assert result.code == 0
    if lang == "zh":
        assert "密码或证件" in result.out and "隐私卫生评分" in result.out and "连接" in result.out
    else:
        assert "sent unencrypted" in result.out and "Privacy hygiene" in result.out and "Connection" in result.out


def test_several_targets_manifest_and_stdin_keep_order(
    tmp_path: Path, saved: Path, run_cli: Callable[..., Any]
) -> None:
    other = tmp_path / "other.html"
    other.write_text("<title>Plain</title><p>hello</p>", encoding="utf-8")
    result = run_cli("audit", "--json", str(other), str(saved))
    reports = json.loads(result.out)
    assert [r["target"] for r in reports] == [str(other), str(saved)]

    manifest = tmp_path / "m.jsonl"
    manifest.write_text(
        json.dumps({"path": "saved.html", "url": "http://example.org/a"})
        + "\n"
        + json.dumps({"path": "other.html", "url": "https://example.org/b"})
        + "\n",
        encoding="utf-8",
    )
    reports = json.loads(run_cli("audit", "--json", "--manifest", str(manifest)).out)
    assert [(r["target"], r["url"]) for r in reports] == [
        ("saved.html", "http://example.org/a"),
        ("other.html", "https://example.org/b"),
    ]

    result = run_cli("audit", "--json", "-", stdin=f"{saved}\n\n# comment\n{other}\n")
    reports = json.loads(result.out)
    assert [r["target"] for r in reports] == [str(saved), str(other)]
    assert isinstance(reports, list)


def test_missing_file_is_one_line_error(run_cli: Callable[..., Any], tmp_path: Path) -> None:
    result = run_cli("audit", str(tmp_path / "nope.html"))
    assert result.code == 2
    assert "Traceback" not in result.err + result.out


def test_bad_usage_exit_2(run_cli: Callable[..., Any]) -> None:
    for args in (
        ["audit"],
        ["audit", "--lang", "fr", "x"],
        ["audit", "javascript:alert(1)"],
        ["no-such-command"],
    ):
        result = run_cli(*args)
        assert result.code == 2, args
        assert "Traceback" not in result.err


def test_json_error_object_for_bad_target(run_cli: Callable[..., Any]) -> None:
    result = run_cli("audit", "--json", "javascript:alert(1)")
    assert result.code == 2
    report = json.loads(result.out)
    assert report["error"]["kind"] == "usage" and "javascript" in report["error"]["message"]


def test_http_server_end_to_end(httpserver: HTTPServer, run_cli: Callable[..., Any]) -> None:
    httpserver.expect_request("/login").respond_with_data(LOGIN_PAGE, content_type="text/html; charset=utf-8")
    url = httpserver.url_for("/login")
    result = run_cli("audit", "--json", url)
    report = json.loads(result.out)
    check_contract(report)
    assert report["status"] == 200 and report["title"] == "Sign in"
    assert report["findings"][0]["rule_id"] == "PH-TRANSPORT-020"


def test_redirects_recorded(httpserver: HTTPServer, run_cli: Callable[..., Any]) -> None:
    httpserver.expect_request("/old").respond_with_data("", status=301, headers={"Location": "/new"})
    httpserver.expect_request("/new").respond_with_data(LOGIN_PAGE, content_type="text/html")
    report = json.loads(run_cli("audit", "--json", httpserver.url_for("/old")).out)
    assert report["final_url"] == httpserver.url_for("/new")
    assert report["redirects"] == [{"url": httpserver.url_for("/old"), "status": 301}]


def test_gbk_page_without_header_charset(httpserver: HTTPServer, run_cli: Callable[..., Any]) -> None:
    httpserver.expect_request("/zh").respond_with_data(ZH_PAGE.encode("gbk"), content_type="text/html")
    report = json.loads(run_cli("audit", "--json", "--lang", "zh", httpserver.url_for("/zh")).out)
    assert report["title"] == "用户登录"
    assert report["findings"][0]["title"].startswith("密码")


def test_https_with_local_ca(https_server: HTTPServer, ca_bundle: Path, run_cli: Callable[..., Any]) -> None:
    https_server.expect_request("/login").respond_with_data(LOGIN_PAGE, content_type="text/html")
    url = https_server.url_for("/login")
    assert url.startswith("https://")
    report = json.loads(run_cli("audit", "--json", "--ca-bundle", str(ca_bundle), url).out)
    assert report["error"] is None and report["status"] == 200
    assert not [f for f in report["findings"] if f["category"] == "insecure-transport"]

    report = json.loads(run_cli("audit", "--json", url, env={"SSL_CERT_FILE": str(ca_bundle)}).out)
    assert report["error"] is None and report["status"] == 200


def test_https_untrusted_ca_is_reported(https_server: HTTPServer, run_cli: Callable[..., Any]) -> None:
    https_server.expect_request("/").respond_with_data(LOGIN_PAGE, content_type="text/html")
    result = run_cli("audit", "--json", https_server.url_for("/"))
    report = json.loads(result.out)
    assert result.code in (0, 1, 2)
    assert "Traceback" not in result.err
    assert report["error"] is not None or any(f["category"] == "tls" for f in report["findings"])


def test_groups_not_checked_only_when_not_a_web_page(httpserver: HTTPServer, run_cli: Callable[..., Any]) -> None:
    httpserver.expect_request("/doc.pdf").respond_with_data(b"%PDF-1.4 binary", content_type="application/pdf")
    httpserver.expect_request("/big").respond_with_data(LOGIN_PAGE + "<p>x</p>" * 400, content_type="text/html")
    pdf = run_cli("audit", "--lang", "en", httpserver.url_for("/doc.pdf"))
    assert "Forms & data  not checked" in pdf.out
    truncated = run_cli("audit", "--lang", "en", "--max-bytes", "1024", httpserver.url_for("/big"))
    assert "not checked" not in truncated.out and "only the first" in truncated.out.replace("\n", " ")


def test_audits_are_remembered_unless_no_history(saved: Path, run_cli: Callable[..., Any], tmp_path: Path) -> None:
    home = tmp_path / "state"
    env = {"PRIVACY_HYGIENE_HOME": str(home)}
    run_cli("audit", "--json", "--no-history", "--as-url", "https://shop.example.org/", str(saved), env=env)
    assert not (home / "state.sqlite3").exists()
    run_cli("audit", "--json", "--as-url", "https://shop.example.org/", str(saved), env=env)
    from privacy_hygiene.store import open_store

    with open_store(home / "state.sqlite3") as store:
        assert [item.domain for item in store.recent_audits(5)] == ["example.org"]

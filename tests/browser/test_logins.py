"""The saved-login inventory: origins, counts and last use only — never usernames or passwords."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from privacy_hygiene.browser import ProfileReport, inspect_profile, profiles_at
from privacy_hygiene.browser.logins import read_logins
from privacy_hygiene.browser.sites import lookalike_of
from privacy_hygiene.store import STATE_FILE
from tests.browser.conftest import BROWSERS, NOW, fixture_path

Inspect = Callable[[Path], ProfileReport]


def sites(report: ProfileReport) -> dict[str, object]:
    return {site.origin: site for site in report.logins.sites}


def test_chromium_login_data_inventory(inspect: Inspect) -> None:
    report = inspect(fixture_path("chromium-variants/logins"))
    found = sites(report)
    assert set(found) == {
        "https://www.icbc.com.cn",
        "https://www.icbc-com.cn.verify-login.top",
        "http://forum.example.org",
        "http://192.168.1.1",
        "https://mail.example.com",
    }
    assert report.logins.count == 6  # two logins at mail.example.com
    assert report.logins.never_save == 1  # the "never save" row is not a saved login
    mail = report.logins.sites[[site.origin for site in report.logins.sites].index("https://mail.example.com")]
    assert mail.count == 2 and mail.last_used is not None and mail.last_used.year == 2026
    kinds = {site.origin: {finding.kind for finding in site.findings} for site in report.logins.sites}
    assert kinds["http://forum.example.org"] == {"http"}
    assert kinds["http://192.168.1.1"] == {"http", "ip"}
    assert kinds["https://mail.example.com"] == set()
    assert kinds["https://www.icbc.com.cn"] == set()  # the bank's own site
    assert kinds["https://www.icbc-com.cn.verify-login.top"] == {"lookalike"}
    stale = {site.origin for site in report.logins.sites if site.stale}
    # forum last used 2022; the router was never used and was saved in 2022
    assert stale == {"http://forum.example.org", "http://192.168.1.1"}
    check = report.check("saved_logins")
    assert (check.state, check.confidence) == ("fail", "read")


def test_firefox_logins_json_and_db_are_merged_by_guid(inspect: Inspect) -> None:
    report = inspect(fixture_path("firefox-variants/logins"))
    found = sites(report)
    assert set(found) == {
        "https://www.icbc.com.cn",
        "https://icbc-cn.help",
        "http://bbs.example.cn",
        "https://old-shop.example.com",
        "http://10.0.0.1:8080",  # only in logins.db; the deleted row is ignored
    }
    assert report.logins.sources == ["logins.json", "logins.db"]
    assert report.logins.count == 6  # icbc.com.cn is in both stores under different guids
    assert {site.origin for site in report.logins.sites if site.stale} == {"https://old-shop.example.com"}
    assert {finding.kind for finding in report.logins.sites[0].findings} == {"http", "ip"}


def test_no_username_or_password_reaches_the_output(run_cli: Callable[..., object]) -> None:
    folders = (
        "chromium-variants/logins",
        "firefox-variants/logins",
        "chromium-variants/cards-left",
        "firefox-variants/cards-left",
    )
    for folder in folders:
        for args in (["--json"], [], ["--lang", "zh"]):
            result = run_cli("browser", "--profile", str(BROWSERS / folder), *args)
            assert result.code == 0, result.err  # type: ignore[attr-defined]
            output = result.out + result.err  # type: ignore[attr-defined]
            assert "icbc.com.cn" in output or "cards-left" in folder
            assert "SENTINEL" not in output
            if args == ["--json"]:
                for profile in json.loads(result.out)["profiles"]:  # type: ignore[attr-defined]
                    for site in profile["saved_logins"]["sites"]:
                        assert set(site) == {"origin", "count", "last_used", "unused_for_a_year", "findings"}


def test_stores_are_read_from_a_copy_while_the_browser_holds_a_lock(copy_of: Callable[[str], Path]) -> None:
    profile_dir = copy_of("chromium-variants/logins")
    store = profile_dir / "Default" / "Login Data"
    holder = sqlite3.connect(store)
    try:
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("UPDATE logins SET times_used = times_used")
        # another reader of the original now fails like it does while Chromium runs
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            sqlite3.connect(f"file:{store}?mode=ro", uri=True, timeout=0).execute(
                "SELECT count(*) FROM logins"
            ).fetchone()
        inventory = read_logins(next(iter(profiles_at(profile_dir))), NOW)
    finally:
        holder.rollback()
        holder.close()
    assert inventory.count == 6 and inventory.errors == []


def test_corrupt_and_half_written_stores_are_could_not_read(copy_of: Callable[[str], Path]) -> None:
    chromium = copy_of("chromium-variants/logins")
    (chromium / "Default" / "Login Data").write_bytes(b"SQLite format 3\x00" + b"\xff" * 300)
    (chromium / "Default" / "Login Data For Account").write_bytes(b"")
    report = inspect_profile(next(iter(profiles_at(chromium))), now=NOW)
    check = report.check("saved_logins")
    assert (check.state, check.confidence) == ("unknown", "unknown")
    assert "Could not read Login Data" in check.explanation.en
    assert report.check("password_saving").state == "fail"  # the rest of the profile still answers

    firefox = copy_of("firefox-variants/logins")
    text = (firefox / "logins.json").read_text(encoding="utf-8")
    (firefox / "logins.json").write_text(text[: len(text) // 2], encoding="utf-8")
    inventory = read_logins(next(iter(profiles_at(firefox))), NOW)
    assert [error.en.split(":")[0] for error in inventory.errors] == ["Could not read logins.json"]
    assert {site.origin for site in inventory.sites} == {"https://www.icbc.com.cn", "http://10.0.0.1:8080"}
    # what logins.db holds is still reported (the http/IP login is a finding)
    assert inspect_profile(next(iter(profiles_at(firefox))), now=NOW).check("saved_logins").state == "fail"
    (firefox / "logins.db").write_bytes(b"not a database at all" * 10)
    check = inspect_profile(next(iter(profiles_at(firefox))), now=NOW).check("saved_logins")
    assert (check.state, check.confidence) == ("unknown", "unknown")  # no all-clear when a store is unreadable


def test_firefox_without_any_login_store_has_none_saved(copy_of: Callable[[str], Path]) -> None:
    profile = copy_of("firefox-variants/hardened")
    report = inspect_profile(next(iter(profiles_at(profile))), now=NOW)
    assert report.logins.sites == [] and report.check("saved_logins").state == "pass"


def test_origins_with_markup_and_escapes_are_cleaned(copy_of: Callable[[str], Path], inspect: Inspect) -> None:
    profile = copy_of("firefox-variants/logins")
    data = json.loads((profile / "logins.json").read_text(encoding="utf-8"))
    data["logins"].append({**data["logins"][0], "guid": "{x}", "hostname": "https://evil\x1b[31m.example\u202e.com"})
    (profile / "logins.json").write_text(json.dumps(data), encoding="utf-8")
    origins = [site.origin for site in inspect(profile).logins.sites]
    assert all("\x1b" not in origin and "\u202e" not in origin for origin in origins)


def test_saved_login_at_a_lookalike_of_a_chinese_bank_is_a_finding(inspect: Inspect) -> None:
    assert lookalike_of("icbc-cn.help") == "icbc.com.cn"
    report = inspect(fixture_path("firefox-variants/logins"))
    lookalikes = [finding for site in report.logins.sites for finding in site.findings if finding.kind == "lookalike"]
    assert [finding.brand for finding in lookalikes] == ["icbc.com.cn"]
    assert "lookalike of icbc.com.cn" in lookalikes[0].text.en
    assert lookalike_of("www.icbc.com.cn") is None


def test_the_persons_own_protected_brands_count(run_cli: Callable[..., Any], copy_of: Callable[[str], Path]) -> None:
    profile = copy_of("firefox-variants/logins")
    data = json.loads((profile / "logins.json").read_text(encoding="utf-8"))
    data["logins"].append(
        {**data["logins"][0], "guid": "{own}", "hostname": "https://cqrcb-private.com.login-check.top"}
    )
    (profile / "logins.json").write_text(json.dumps(data), encoding="utf-8")

    def lookalikes() -> dict[str, str]:
        result = run_cli("browser", "--profile", str(profile), "--json")
        assert result.code == 0, result.err
        sites = json.loads(result.out)["profiles"][0]["saved_logins"]["sites"]
        return {site["origin"]: f["brand"] for site in sites for f in site["findings"] if f["kind"] == "lookalike"}

    state = Path(os.environ["PRIVACY_HYGIENE_HOME"]) / STATE_FILE
    assert "https://cqrcb-private.com.login-check.top" not in lookalikes()
    assert not state.exists()  # reading never creates the state file
    assert run_cli("domain", "--add-brand", "cqrcb-private.com").code == 0
    assert lookalikes()["https://cqrcb-private.com.login-check.top"] == "cqrcb-private.com"

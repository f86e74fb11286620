"""Checks on fixture profiles made by the real browsers, and variants with keys toggled."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from privacy_hygiene.browser import ProfileReport, discover, inspect_profile, profiles_at
from privacy_hygiene.browser.discovery import Environment
from tests.browser.conftest import NOW, firefox_fresh_profile, fixture_path

Inspect = Callable[[Path], ProfileReport]


def states(report: ProfileReport) -> dict[str, str]:
    return {result.check_id: result.state for result in report.checks}


# ---- done when: fresh profile reads the default, turning saving off flips it ----------------------
@pytest.mark.parametrize("fresh", [fixture_path("chromium"), fixture_path("firefox")], ids=["chromium", "firefox"])
def test_fresh_profile_offers_to_save_passwords_by_default(inspect: Inspect, fresh: Path) -> None:
    result = inspect(fresh).check("password_saving")
    assert (result.state, result.confidence) == ("fail", "default")
    assert [(value.source, value.value) for value in result.evidence] == [("default", True)]


@pytest.mark.parametrize("variant", ["chromium-variants/saving-off", "firefox-variants/saving-off"])
def test_turning_saving_off_flips_the_check_to_pass(inspect: Inspect, variant: str) -> None:
    result = inspect(fixture_path(variant)).check("password_saving")
    assert (result.state, result.confidence) == ("pass", "read")
    source = "Preferences" if variant.startswith("chromium") else "prefs.js"
    assert [(value.source, value.value) for value in result.evidence] == [(source, False)]


def test_every_check_of_the_vocabulary_answers_each_fresh_profile(inspect: Inspect) -> None:
    vocabulary = {
        "password_saving", "auto_signin", "clear_cookies_on_exit", "clear_history_on_exit", "telemetry",
        "studies", "private_by_default", "https_only", "safe_browsing", "address_autofill", "card_autofill",
        "notifications", "session_restore", "secure_dns", "tracking_protection", "saved_logins",
    }  # fmt: skip
    for fresh in (fixture_path("chromium"), firefox_fresh_profile()):
        report = inspect(fresh)
        assert [result.check_id for result in report.checks] == sorted(vocabulary, key=list(states(report)).index)
        assert set(states(report)) == vocabulary
        for result in report.checks:
            assert result.explanation.zh and result.explanation.en


def test_fresh_firefox_reads_the_first_run_key_and_defaults(inspect: Inspect) -> None:
    report = inspect(fixture_path("firefox"))
    assert report.version and report.version.startswith("153.")
    tracking = report.check("tracking_protection")
    assert tracking.state == "pass"
    sources = {value.key: value.source for value in tracking.evidence}
    assert sources == {"browser.contentblocking.category": "prefs.js", "network.cookie.cookieBehavior": "default"}
    # Firefox 153: the v2 clear-on-shutdown keys are evidence, the pre-128 ones are not
    keys = {value.key for value in report.check("clear_cookies_on_exit").evidence}
    assert "privacy.clearOnShutdown_v2.cookiesAndStorage" in keys
    assert "privacy.clearOnShutdown.cookies" not in keys
    assert states(report)["https_only"] == "partial"  # HTTPS-First by default since 129


@pytest.mark.parametrize("family", ["chromium", "firefox"])
def test_hardened_profile_passes_every_settings_check(inspect: Inspect, family: str) -> None:
    report = inspect(fixture_path(f"{family}-variants/hardened"))
    expected_not_pass = {"studies"} if family == "chromium" else set()
    # Chromium has no "clear history on close" setting: only a policy can do it
    if family == "chromium":
        expected_not_pass |= {"clear_history_on_exit", "private_by_default"}
    failing = {check: state for check, state in states(report).items() if state != "pass"}
    assert set(failing) - {"saved_logins"} == expected_not_pass, failing
    assert report.check("password_saving").confidence == "read"


@pytest.mark.parametrize("family", ["chromium", "firefox"])
def test_careless_profile_fails_what_it_turned_off(inspect: Inspect, family: str) -> None:
    found = states(inspect(fixture_path(f"{family}-variants/careless")))
    for check in (
        "safe_browsing",
        "session_restore",
        "secure_dns",
        "tracking_protection",
        "notifications",
        "telemetry",
    ):
        assert found[check] == "fail", check


def test_user_js_wins_over_prefs_js(inspect: Inspect) -> None:
    report = inspect(fixture_path("firefox-variants/userjs"))
    saving = report.check("password_saving")
    assert (saving.state, [value.source for value in saving.evidence]) == ("pass", ["user.js"])
    # sanitizeOnShutdown from user.js + the cookies default → cookies cleared on exit
    assert report.check("clear_cookies_on_exit").state == "pass"
    assert report.check("clear_cookies_on_exit").confidence == "default"


def test_version_ranges_pick_the_old_clear_on_shutdown_keys(inspect: Inspect, copy_of: Callable[[str], Path]) -> None:
    profile = copy_of("firefox-variants/userjs")
    ini = profile / "compatibility.ini"
    ini.write_text(ini.read_text(encoding="utf-8").replace("LastVersion=153.", "LastVersion=115."), encoding="utf-8")
    report = inspect(profile)
    assert report.version and report.version.startswith("115.")
    result = report.check("clear_cookies_on_exit")
    assert result.state == "pass"
    keys = {value.key for value in result.evidence}
    assert "privacy.clearOnShutdown.cookies" in keys and "privacy.clearOnShutdown_v2.cookiesAndStorage" not in keys


def test_truncated_preferences_is_could_not_read_for_its_checks_only(inspect: Inspect) -> None:
    report = inspect(fixture_path("chromium-variants/truncated"))
    saving = report.check("password_saving")
    assert (saving.state, saving.confidence) == ("unknown", "unknown")
    assert "Could not read Preferences" in saving.explanation.en and "无法读取" in saving.explanation.zh
    # Local State still answers its own check
    assert report.check("secure_dns").state == "partial"


def test_half_written_prefs_js_keeps_what_came_before_and_warns(inspect: Inspect) -> None:
    report = inspect(fixture_path("firefox-variants/truncated"))
    assert any("half-written" in warning.en for warning in report.warnings)
    assert report.check("tracking_protection").evidence[0].source == "prefs.js"
    # the cut statement (saving off) is lost, so the default applies
    assert report.check("password_saving").confidence == "default"


def test_absent_prefs_file_gives_unknown_not_a_crash(inspect: Inspect, copy_of: Callable[[str], Path]) -> None:
    profile = copy_of("firefox-variants/saving-off")
    (profile / "prefs.js").unlink()
    (profile / "prefs.js").mkdir()  # a folder where the file should be: unreadable
    report = inspect_profile(next(iter(profiles_at(profile))), Environment("linux", profile, {}, profile), now=NOW)
    assert report.check("password_saving").state == "unknown"
    assert "prefs.js" in report.check("password_saving").explanation.en


# ---- enterprise policies ------------------------------------------------------------------------------
def test_firefox_policies_json_forces_settings(tmp_path: Path) -> None:
    system = tmp_path / "system"
    policies = system / "etc" / "firefox" / "policies"
    policies.mkdir(parents=True)
    policies.joinpath("policies.json").write_text(
        json.dumps(
            {
                "policies": {
                    "PasswordManagerEnabled": False,
                    "DisableTelemetry": True,
                    "Preferences": {"browser.startup.page": {"Value": 3, "Status": "locked"}},
                }
            }
        ),
        encoding="utf-8",
    )
    env = Environment("linux", tmp_path / "home", {}, system)
    profile = next(profile for profile in profiles_at(fixture_path("firefox")) if profile.is_default)
    report = inspect_profile(profile, env, now=NOW)
    assert (report.check("password_saving").state, report.check("password_saving").confidence) == ("pass", "policy")
    assert report.check("telemetry").state == "pass"
    assert report.check("session_restore").state == "fail"
    assert report.check("session_restore").evidence[0].source == "policy"


def test_chromium_managed_policies_force_settings(tmp_path: Path) -> None:
    system = tmp_path / "system"
    managed = system / "etc" / "chromium" / "policies" / "managed"
    managed.mkdir(parents=True)
    managed.joinpath("corp.json").write_text(
        json.dumps({"ClearBrowsingDataOnExitList": ["browsing_history", "cookies_and_other_site_data"],
                    "SafeBrowsingProtectionLevel": 0}),
        encoding="utf-8",
    )  # fmt: skip
    managed.joinpath("broken.json").write_text("{not json", encoding="utf-8")
    env = Environment("linux", tmp_path / "home", {}, system)
    report = inspect_profile(next(iter(profiles_at(fixture_path("chromium")))), env, now=NOW)
    assert states(report)["clear_history_on_exit"] == "pass"
    assert states(report)["clear_cookies_on_exit"] == "pass"
    assert (report.check("safe_browsing").state, report.check("safe_browsing").confidence) == ("fail", "policy")


# ---- counts of what is already stored ------------------------------------------------------------------
@pytest.mark.parametrize("family", ["chromium", "firefox"])
def test_saving_off_with_a_card_still_stored_is_partial(inspect: Inspect, family: str) -> None:
    result = inspect(fixture_path(f"{family}-variants/cards-left")).check("card_autofill")
    assert result.state == "partial"
    assert {value.key: value.value for value in result.evidence}["stored.cards"] == 1
    assert "still stored" in result.explanation.en


def test_sites_allowed_to_notify_are_counted_from_a_copy_of_permissions(
    inspect: Inspect, copy_of: Callable[[str], Path]
) -> None:
    import sqlite3

    root = copy_of("firefox")
    store = next(root.glob("*.default-esr")) / "permissions.sqlite"
    with sqlite3.connect(store) as connection:
        connection.execute(
            "INSERT INTO moz_perms (origin, type, permission, expireType, expireTime, modificationTime)"
            " VALUES ('https://push.example', 'desktop-notification', 1, 0, 0, 0)"
        )
    connection.close()
    result = inspect(root).check("notifications")
    assert {value.key: value.value for value in result.evidence}["stored.notification_sites"] == 1
    assert inspect(fixture_path("firefox")).check("notifications").evidence[1].value == 0


def test_the_installed_builds_own_defaults_beat_the_table(tmp_path: Path) -> None:
    system = tmp_path / "system"
    app = system / "usr" / "lib" / "firefox-esr" / "browser" / "defaults" / "preferences"
    app.mkdir(parents=True)
    # the install named by compatibility.ini (LastAppDir=/usr/lib/firefox-esr/browser)
    app.joinpath("vendor.js").write_text(
        'pref("app.update.enabled", false, locked);\npref("signon.rememberSignons", false, locked);\n', encoding="utf-8"
    )
    debian = system / "etc" / "firefox-esr"
    debian.mkdir(parents=True)
    # verbatim from Debian's /etc/firefox-esr/firefox-esr.js
    debian.joinpath("firefox-esr.js").write_text(
        'pref("datareporting.healthreport.uploadEnabled", false);\n', encoding="utf-8"
    )
    env = Environment("linux", tmp_path / "home", {}, system)
    profile = next(profile for profile in profiles_at(fixture_path("firefox")) if profile.is_default)
    report = inspect_profile(profile, env, now=NOW)
    telemetry = report.check("telemetry")
    assert (telemetry.state, telemetry.confidence) == ("partial", "default")
    assert telemetry.evidence[0].value is False and telemetry.evidence[0].source == "default"
    # a locked default cannot be changed by the person: it counts like a policy
    saving = report.check("password_saving")
    assert (saving.state, saving.confidence) == ("pass", "policy")


def test_distributor_defaults_decide_an_absent_key(inspect: Inspect, tmp_path: Path) -> None:
    # Debian's firefox-esr ships healthreport upload off, so Firefox never writes that key
    debian = inspect(fixture_path("firefox")).check("telemetry")
    assert (debian.state, debian.confidence) == ("partial", "default")
    upstream_env = Environment("linux", tmp_path, {}, tmp_path)
    profile = next(profile for profile in profiles_at(fixture_path("firefox")) if profile.is_default)
    upstream = inspect_profile(profile, upstream_env, now=NOW).check("telemetry")
    assert (upstream.state, upstream.confidence) == ("fail", "default")


@pytest.mark.parametrize(
    "content",
    [b"[" * 200_000, b'{"credentials_enable_service": ' + b"[" * 200_000, b"\xff\xfe\x00garbage", b"[1, 2, 3]", b""],
    ids=["deep-nesting", "deep-half-written", "binary", "not-an-object", "empty"],
)
def test_hostile_json_is_could_not_read(inspect: Inspect, copy_of: Callable[[str], Path], content: bytes) -> None:
    root = copy_of("chromium-variants/saving-off")
    (root / "Default" / "Preferences").write_bytes(content)
    (root / "Local State").write_bytes(content)
    report = inspect(root / "Default")
    assert report.check("password_saving").state == "unknown"
    assert report.check("secure_dns").state == "unknown"
    assert "Could not read" in report.check("password_saving").explanation.en


def test_edge_clear_on_close_is_asked_not_guessed(tmp_path: Path, debian_system: Environment) -> None:
    import shutil

    root = tmp_path / "AppData" / "Local" / "Microsoft" / "Edge" / "User Data"
    shutil.copytree(fixture_path("chromium"), root)
    env = Environment("windows", tmp_path, {}, debian_system.system_root)
    (profile,) = discover(env)
    report = inspect_profile(profile, env, now=NOW)
    assert profile.browser == "edge"
    assert states(report)["clear_history_on_exit"] == "unknown"
    assert states(report)["clear_cookies_on_exit"] == "unknown"
    assert "Edge" in report.check("clear_cookies_on_exit").explanation.en
    assert (
        states(inspect_profile(next(iter(profiles_at(fixture_path("chromium")))), env, now=NOW))[
            "clear_history_on_exit"
        ]
        == "fail"
    )


def test_macos_managed_preferences_plist_forces_chrome_settings(tmp_path: Path) -> None:
    import plistlib
    import shutil

    home, system = tmp_path / "home", tmp_path / "system"
    shutil.copytree(fixture_path("chromium"), home / "Library" / "Application Support" / "Google" / "Chrome")
    managed = system / "Library" / "Managed Preferences"
    managed.mkdir(parents=True)
    managed.joinpath("com.google.Chrome.plist").write_bytes(
        plistlib.dumps({"PasswordManagerEnabled": False, "DnsOverHttpsMode": "secure"})
    )
    env = Environment("macos", home, {}, system)
    (profile,) = discover(env)
    report = inspect_profile(profile, env, now=NOW)
    assert (profile.browser, report.check("password_saving").confidence) == ("chrome", "policy")
    assert states(report)["password_saving"] == "pass" and states(report)["secure_dns"] == "pass"
    managed.joinpath("com.google.Chrome.plist").write_bytes(b"bplist00 damaged")
    assert states(inspect_profile(profile, env, now=NOW))["password_saving"] == "fail"


@pytest.mark.parametrize("obscure", [0, 13])
def test_autoconfig_of_a_fork_sets_defaults_locks_and_values(tmp_path: Path, obscure: int) -> None:
    # a LibreWolf-style install (layout as documented by the fork; no LibreWolf build was run here)
    import shutil

    home, system = tmp_path / "home", tmp_path / "system"
    root = home / ".librewolf"
    shutil.copytree(fixture_path("firefox"), root)
    profile_dir = next(root.glob("*.default-esr"))
    ini = profile_dir / "compatibility.ini"
    ini.write_text(
        ini.read_text(encoding="utf-8").replace("/usr/lib/firefox-esr", "/usr/lib/librewolf"), encoding="utf-8"
    )
    install = system / "usr" / "lib" / "librewolf"
    (install / "defaults" / "pref").mkdir(parents=True)
    settings = f'pref("general.config.filename", "librewolf.cfg");\npref("general.config.obscure_value", {obscure});\n'
    (install / "defaults" / "pref" / "local-settings.js").write_text(settings, encoding="utf-8")
    cfg = (
        b"// LibreWolf configuration\n"
        b'defaultPref("signon.rememberSignons", false);\n'
        b'if (getenv("CORP")) {\n  lockPref("datareporting.healthreport.uploadEnabled", false);\n}\n'
        b'pref("privacy.sanitize.sanitizeOnShutdown", true);\n'
        b"var unused = 1 + 2;\n"
    )
    (install / "librewolf.cfg").write_bytes(bytes((byte + obscure) % 256 for byte in cfg))
    env = Environment("linux", home, {}, system)
    (profile,) = discover(env)
    assert profile.browser == "librewolf"
    report = inspect_profile(profile, env, now=NOW)
    saving = report.check("password_saving")
    assert (saving.state, saving.confidence) == ("pass", "default")
    telemetry = report.check("telemetry")
    assert telemetry.evidence[0].source == "policy" and telemetry.state == "partial"
    cookies = report.check("clear_cookies_on_exit")
    assert cookies.state == "pass"
    assert cookies.evidence[0].source == "autoconfig"


def test_one_profile_failing_unexpectedly_does_not_stop_the_others(
    monkeypatch: pytest.MonkeyPatch, debian_system: Environment
) -> None:
    from privacy_hygiene.browser import inspect_all
    from privacy_hygiene.browser import report as report_module

    real = report_module.read_settings

    def fail_for_firefox(profile, data, env):  # type: ignore[no-untyped-def]
        if profile.family == "firefox":
            raise RuntimeError("injected fault")
        return real(profile, data, env)

    monkeypatch.setattr(report_module, "read_settings", fail_for_firefox)
    profiles = [*profiles_at(fixture_path("firefox")), *profiles_at(fixture_path("chromium"))]
    reports = inspect_all(profiles, debian_system, now=NOW)
    assert [report.profile.family for report in reports] == ["firefox", "chromium"]
    assert reports[0].checks == () and "injected fault" in reports[0].warnings[0].en
    assert reports[1].check("password_saving").state == "fail"

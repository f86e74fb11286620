"""Discovery on Linux (legacy, XDG, snap, flatpak), macOS and Windows layouts, built from the
real fixture profiles copied into fake home folders."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from privacy_hygiene.browser import discover, profiles_at
from privacy_hygiene.browser.discovery import Environment
from tests.browser.conftest import fixture_path


def place(source: str, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copytree(fixture_path(source), target, symlinks=True)
    return target


def summary(env: Environment) -> set[tuple[str, str, str, bool]]:
    return {(profile.browser, profile.name, profile.packaging, profile.is_default) for profile in discover(env)}


def test_linux_legacy_xdg_snap_and_flatpak_roots(tmp_path: Path) -> None:
    home = tmp_path / "home"
    place("firefox", home / ".mozilla" / "firefox")
    place("firefox", home / "snap" / "firefox" / "common" / ".mozilla" / "firefox")
    place("chromium", home / ".var" / "app" / "org.chromium.Chromium" / "config" / "chromium")
    place("chromium", tmp_path / "xdg" / "google-chrome")
    (home / ".config" / "chromium").mkdir(parents=True)  # left behind by a snap: not a profile
    (home / ".config" / "BraveSoftware" / "Brave-Browser" / "Default").mkdir(parents=True)
    env = Environment("linux", home, {"XDG_CONFIG_HOME": str(tmp_path / "xdg")})
    assert summary(env) == {
        ("firefox", "default-esr", "native", True),
        ("firefox", "default-esr", "snap", True),
        ("chromium", "Your Chromium", "flatpak", True),
        ("chrome", "Your Chromium", "native", True),
    }


def test_firefox_147_xdg_root_is_found_without_the_legacy_one(tmp_path: Path) -> None:
    home = tmp_path / "home"
    place("firefox", home / ".config" / "mozilla" / "firefox")
    profiles = discover(Environment("linux", home, {}))
    assert [(profile.browser, profile.name) for profile in profiles] == [("firefox", "default-esr")]
    # the legacy first-run "default" profile never ran (no prefs.js) and is not listed
    assert profiles[0].path.name.endswith(".default-esr")


def test_macos_layout(tmp_path: Path) -> None:
    support = tmp_path / "Library" / "Application Support"
    place("firefox", support / "Firefox")
    place("chromium", support / "Microsoft Edge")
    place("chromium", support / "QQBrowser2")
    found = {(profile.browser, profile.vendor_build) for profile in discover(Environment("macos", tmp_path, {}))}
    assert found == {("firefox", False), ("edge", False), ("qqbrowser", True)}


def test_windows_layout_with_chinese_browsers(tmp_path: Path) -> None:
    roaming, local = tmp_path / "AppData" / "Roaming", tmp_path / "AppData" / "Local"
    place("firefox", roaming / "Mozilla" / "Firefox")
    place("chromium", local / "Google" / "Chrome" / "User Data")
    place("chromium", local / "360Chrome" / "Chrome" / "User Data")
    place("chromium", local / "Sogou" / "SogouExplorer" / "User Data")
    place("chromium", tmp_path / "elsewhere" / "Tencent" / "QQBrowser" / "User Data")
    env = Environment("windows", tmp_path, {"LOCALAPPDATA": str(local), "APPDATA": str(roaming)})
    assert {profile.browser for profile in discover(env)} == {"firefox", "chrome", "360chrome", "sogou"}
    env = Environment("windows", tmp_path, {"LOCALAPPDATA": str(tmp_path / "elsewhere"), "APPDATA": str(local)})
    assert {profile.browser for profile in discover(env)} == {"qqbrowser"}


def test_every_chromium_profile_with_display_names_cleaned(tmp_path: Path) -> None:
    root = place("chromium", tmp_path / "chromium")
    shutil.copytree(root / "Default", root / "Profile 1")
    shutil.copytree(root / "Default", root / "Guest Profile")
    state = json.loads((root / "Local State").read_text(encoding="utf-8"))
    cache = state["profile"]["info_cache"]
    cache["Profile 1"] = {**cache["Default"], "name": "工作\x1b[31m账户\u202e"}
    cache["Guest Profile"] = dict(cache["Default"])
    cache["../escape"] = dict(cache["Default"])
    state["profile"]["last_used"] = "Profile 1"
    (root / "Local State").write_text(json.dumps(state), encoding="utf-8")
    profiles = list(profiles_at(root))
    assert [(profile.path.name, profile.name, profile.is_default) for profile in profiles] == [
        ("Default", "Your Chromium", False),
        ("Profile 1", "工作账户", True),
    ]
    # naming one profile folder finds just that one, with its display name
    assert [profile.name for profile in profiles_at(root / "Profile 1")] == ["工作账户"]


def test_opera_keeps_its_profile_in_the_user_data_dir(tmp_path: Path) -> None:
    root = tmp_path / "config" / "opera"
    root.mkdir(parents=True)
    for name in ("Preferences", "Login Data"):
        shutil.copy(fixture_path("chromium") / "Default" / name, root / name)
    shutil.copy(fixture_path("chromium") / "Local State", root / "Local State")
    state = json.loads((root / "Local State").read_text(encoding="utf-8"))
    del state["profile"]
    (root / "Local State").write_text(json.dumps(state), encoding="utf-8")
    profiles = discover(Environment("linux", tmp_path, {"XDG_CONFIG_HOME": str(tmp_path / "config")}))
    assert [(profile.browser, profile.name, profile.path) for profile in profiles] == [("opera", "Opera", root)]


def test_profiles_ini_absolute_paths_unicode_names_and_damage(tmp_path: Path) -> None:
    root = place("firefox", tmp_path / ".mozilla" / "firefox")
    elsewhere = tmp_path / "其他盘" / "my profile"
    shutil.copytree(next(root.glob("*.default-esr")), elsewhere)
    ini = (root / "profiles.ini").read_text(encoding="utf-8")
    ini += f"\n[Profile7]\nName=家里 \x1b]0;title\x07的\nIsRelative=0\nPath={elsewhere}\n"
    ini += "\n[Profile8]\nName=gone\nIsRelative=1\nPath=missing\n"
    (root / "profiles.ini").write_text(ini + "garbage line without section\n", encoding="utf-8")
    names = {profile.name: profile.path for profile in profiles_at(root)}
    assert names == {"default-esr": next(root.glob("*.default-esr")), "家里 的": elsewhere}
    (root / "profiles.ini").write_bytes(b"\xff\xfe[[[not an ini")
    assert list(profiles_at(root)) == []


def test_a_root_linked_to_another_is_read_once(tmp_path: Path) -> None:
    home = tmp_path / "home"
    place("firefox", home / ".config" / "mozilla" / "firefox")
    (home / ".mozilla").mkdir(parents=True)
    (home / ".mozilla" / "firefox").symlink_to(home / ".config" / "mozilla" / "firefox")
    assert len(discover(Environment("linux", home, {}))) == 1

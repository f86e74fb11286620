"""Read a profile's settings (read-only) and resolve each declared key to its effective value.

Precedence, highest first: enterprise policy → Firefox ``user.js`` (re-applied at every start) →
``prefs.js`` / Chromium ``Secure Preferences`` → ``Preferences`` / ``Local State`` → the
browser's default from ``heuristics/browser/`` (confidence ``default``). A file that cannot be
read makes the keys it holds ``unknown`` with the reason, never an error for the whole profile.
"""

from __future__ import annotations

import contextlib
from typing import Any

from privacy_hygiene.browser import policies
from privacy_hygiene.browser.data import BrowserData
from privacy_hygiene.browser.discovery import Environment
from privacy_hygiene.browser.files import Unreadable, read_json_object, read_text
from privacy_hygiene.browser.firefox_build import build_prefs
from privacy_hygiene.browser.model import Profile, ProfileSettings, Value
from privacy_hygiene.browser.prefsjs import parse_prefs
from privacy_hygiene.browser.stores import stored_counts
from privacy_hygiene.catalog.schemas.browser import SettingValue
from privacy_hygiene.i18n import both
from privacy_hygiene.sanitize import one_line


def as_setting_value(value: Any) -> SettingValue | None:
    """Keep only the value types the checks compare (scalars and lists of strings)."""
    if isinstance(value, bool | int | str):
        return value
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return list(value)
    return None


def _resolve(
    profile: Profile,
    data: BrowserData,
    settings: ProfileSettings,
    layers: list[tuple[str, dict[str, Any]]],
    forced: dict[str, SettingValue],
    build_defaults: dict[str, Any] | None = None,
) -> None:
    """Fill ``settings.values`` for every declared key of the family, from the highest layer down."""
    store_keys = [
        key for (family, key), item in data.settings.items() if family == profile.family and item.file == "store"
    ]
    settings.values.update(stored_counts(profile, store_keys))
    for (family, key), setting in data.settings.items():
        if family != profile.family or setting.file == "store":
            continue
        if key in forced:
            settings.values[key] = Value(key, forced[key], "policy", "policy")
            continue
        file_kind = settings.key_files.get(key, "")
        if file_kind in settings.unreadable:
            settings.values[key] = Value(key, None, file_kind, "unknown")
            continue
        for source, values in layers:
            if key in values:
                settings.values[key] = Value(key, values[key], source, "read")
                break
        else:
            build_default = as_setting_value((build_defaults or {}).get(key))
            if build_default is not None:  # the installed build's own default beats the table
                settings.values[key] = Value(key, build_default, "default", "default")
                continue
            row = data.default_of(profile.family, key, profile.browser, settings.major)
            value = row.value if row else None
            settings.values[key] = Value(key, value, "default", "default" if row else "unknown")


def read_firefox(profile: Profile, data: BrowserData, env: Environment) -> ProfileSettings:
    """prefs.js, user.js, compatibility.ini and policies.json of a Firefox profile."""
    settings = ProfileSettings()
    layers: list[tuple[str, dict[str, Any]]] = []
    dirs: dict[str, str] = {}
    with contextlib.suppress(Unreadable):
        for line in read_text(profile.path / "compatibility.ini").splitlines():
            name, _, value = line.partition("=")
            if name.strip() == "LastVersion":
                settings.version = one_line(value.split("_", 1)[0], 40)
            elif name.strip() in ("LastPlatformDir", "LastAppDir"):
                dirs[name.strip()] = value.strip()
    for file_kind in ("user.js", "prefs.js"):
        try:
            parsed = parse_prefs(read_text(profile.path / file_kind))
        except Unreadable as exc:
            if file_kind == "prefs.js":
                settings.unreadable[file_kind] = str(exc)
            continue
        if parsed.truncated:
            settings.warnings.append(both("browser.half_written", file=file_kind))
        layers.append((file_kind, {name: pref.value for name, pref in parsed.prefs.items()}))
    for (family, key), setting in data.settings.items():
        if family == "firefox" and setting.file != "store":
            settings.key_files[key] = "prefs.js"
    build = build_prefs(profile, data, env, dirs)
    if build.autoconfig:  # autoconfig runs after the profile's files are read: its pref() calls win
        layers.insert(0, ("autoconfig", build.autoconfig))
    forced = {**build.locked, **policies.firefox_forced(profile, data, env, dirs.get("LastPlatformDir", ""))}
    _resolve(profile, data, settings, layers, forced, build.defaults)
    return settings


def read_chromium(profile: Profile, data: BrowserData, env: Environment) -> ProfileSettings:
    """Preferences, Secure Preferences, Local State and managed policies of a Chromium profile."""
    settings = ProfileSettings()
    with contextlib.suppress(Unreadable):
        settings.version = one_line(read_text(profile.root / "Last Version").strip(), 40) or None
    documents: dict[str, dict[str, Any]] = {}
    for file_kind, path in (
        ("Secure Preferences", profile.path / "Secure Preferences"),
        ("Preferences", profile.path / "Preferences"),
        ("Local State", profile.root / "Local State"),
    ):
        try:
            documents[file_kind] = read_json_object(path)
        except Unreadable as exc:
            if file_kind != "Secure Preferences":  # optional: on Linux it holds only a MAC
                settings.unreadable[file_kind] = str(exc)
    for (family, key), setting in data.settings.items():
        if family == "chromium" and setting.file != "store":
            settings.key_files[key] = "Local State" if setting.file == "local_state" else "Preferences"
    layers: list[tuple[str, dict[str, Any]]] = []
    for file_kind, document in documents.items():
        found: dict[str, Any] = {}
        for key, wanted in settings.key_files.items():
            if (file_kind == "Local State") != (wanted == "Local State"):
                continue
            present, value = policies.dotted_get(document, key)
            converted = as_setting_value(value) if present else None
            if converted is not None:
                found[key] = converted
        layers.append((file_kind, found))
    forced = policies.chromium_forced(profile, data, env)
    _resolve(profile, data, settings, layers, forced)
    return settings


def read_settings(profile: Profile, data: BrowserData, env: Environment) -> ProfileSettings:
    """The effective value of every declared setting of the profile's family."""
    reader = read_firefox if profile.family == "firefox" else read_chromium
    return reader(profile, data, env)

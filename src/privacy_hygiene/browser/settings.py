"""Read a profile's settings (read-only) and resolve each declared key to its effective value.

Precedence, highest first: enterprise policy → Firefox ``user.js`` (re-applied at every start) →
``prefs.js`` / Chromium ``Secure Preferences`` → ``Preferences`` / ``Local State`` → the
browser's default from ``heuristics/browser/`` (confidence ``default``). A file that cannot be
read makes the keys it holds ``unknown`` with the reason, never an error for the whole profile.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

from privacy_hygiene.browser import policies
from privacy_hygiene.browser.data import BrowserData
from privacy_hygiene.browser.discovery import Environment
from privacy_hygiene.browser.model import Profile, ProfileSettings, Value
from privacy_hygiene.browser.prefsjs import parse_prefs
from privacy_hygiene.catalog.schemas.browser import SettingValue
from privacy_hygiene.i18n import both
from privacy_hygiene.sanitize import one_line

#: prefs.js of a long-used profile is ~100 KB; Chromium Preferences a few MB at most
MAX_SETTINGS_BYTES = 32 * 1024 * 1024


class Unreadable(Exception):
    """A settings file could not be read or parsed; the message says why in one line."""


def read_text(path: Path) -> str:
    """The UTF-8 text of a settings file (bounded); :class:`Unreadable` with a reason otherwise."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_SETTINGS_BYTES + 1)
    except FileNotFoundError as exc:
        raise Unreadable(f"{path.name} is absent") from exc
    except OSError as exc:
        raise Unreadable(f"{path.name} cannot be read ({exc.strerror or type(exc).__name__})") from exc
    if len(raw) > MAX_SETTINGS_BYTES:
        raise Unreadable(f"{path.name} is larger than {MAX_SETTINGS_BYTES} bytes")
    return raw.decode("utf-8", errors="replace")


def read_json_object(path: Path) -> dict[str, Any]:
    """A JSON object file, as is; :class:`Unreadable` when absent, damaged or half-written."""
    text = read_text(path)
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise Unreadable(f"{path.name} is not valid JSON (damaged or half-written): {one_line(str(exc), 80)}") from exc
    if not isinstance(data, dict):
        raise Unreadable(f"{path.name} is not a JSON object")
    return data


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
) -> None:
    """Fill ``settings.values`` for every declared key of the family, from the highest layer down."""
    for (family, key), _setting in data.settings.items():
        if family != profile.family:
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
            row = data.default_of(profile.family, key, profile.browser, settings.major)
            value = row.value if row else None
            settings.values[key] = Value(key, value, "default", "default" if row else "unknown")


def read_firefox(profile: Profile, data: BrowserData, env: Environment) -> ProfileSettings:
    """prefs.js, user.js, compatibility.ini and policies.json of a Firefox profile."""
    settings = ProfileSettings()
    layers: list[tuple[str, dict[str, Any]]] = []
    platform_dir = ""
    try:
        compatibility = read_text(profile.path / "compatibility.ini")
        for line in compatibility.splitlines():
            name, _, value = line.partition("=")
            if name.strip() == "LastVersion":
                settings.version = one_line(value.split("_", 1)[0], 40)
            elif name.strip() == "LastPlatformDir":
                platform_dir = value.strip()
    except Unreadable:
        pass
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
    for (family, key), _setting in data.settings.items():
        if family == "firefox":
            settings.key_files[key] = "prefs.js"
    forced = policies.firefox_forced(profile, data, env, platform_dir)
    _resolve(profile, data, settings, layers, forced)
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
    layers: list[tuple[str, dict[str, Any]]] = []
    for file_kind, document in documents.items():
        found: dict[str, Any] = {}
        for (family, key), setting in data.settings.items():
            if family != "chromium":
                continue
            wanted = "Local State" if setting.file == "local_state" else "Preferences"
            settings.key_files[key] = wanted
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

"""Enterprise policies: which settings an administrator (or an installer) forces.

Firefox: ``policies.json`` (``{"policies": {...}}``) in the system locations of ``locations.toml``
and in the install's ``distribution/`` folder; its ``Preferences`` policy sets prefs directly.
Chromium: every ``*.json`` file in the managed-policy folders. Windows: the registry keys
``HKLM|HKCU\\SOFTWARE\\Policies\\<vendor>`` (read only on Windows). ``policy`` entries of
``heuristics/browser/`` map policy values onto settings. Unreadable policy files are skipped.
"""

from __future__ import annotations

import plistlib
import sys
from pathlib import Path
from typing import Any

from privacy_hygiene.browser.data import BrowserData
from privacy_hygiene.browser.discovery import Environment, packaging_of
from privacy_hygiene.browser.files import Unreadable, read_json_object
from privacy_hygiene.browser.model import Profile
from privacy_hygiene.catalog.schemas.browser import PolicyMap, SettingValue

MAX_POLICY_BYTES = 4 * 1024 * 1024
#: registry subkeys under SOFTWARE\Policies per browser id (Windows only)
_REGISTRY_KEYS = {
    "firefox": "Mozilla\\Firefox",
    "chrome": "Google\\Chrome",
    "chromium": "Chromium",
    "edge": "Microsoft\\Edge",
    "brave": "BraveSoftware\\Brave",
}


def _load_json(path: Path) -> dict[str, Any]:
    try:
        return read_json_object(path)
    except Unreadable:
        return {}


def _load_plist(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            data = plistlib.loads(handle.read(MAX_POLICY_BYTES))
    except (OSError, ValueError, plistlib.InvalidFileException):
        return {}
    return data if isinstance(data, dict) else {}


def dotted_get(data: dict[str, Any], dotted: str) -> tuple[bool, Any]:
    """``(found, value)`` for a dotted path into nested dicts (Chromium pref paths, policy paths)."""
    node: Any = data
    for part in dotted.split("."):
        if not isinstance(node, dict) or part not in node:
            return False, None
        node = node[part]
    return True, node


def _same(left: object, right: object) -> bool:
    """Equality that keeps ``True`` and ``1`` apart (JSON and TOML do)."""
    return type(left) is type(right) and left == right


def apply_maps(policies: dict[str, Any], maps: tuple[PolicyMap, ...]) -> dict[str, SettingValue]:
    """The settings the given policies force, through the ``[[policy]]`` maps."""
    forced: dict[str, SettingValue] = {}
    for mapping in maps:
        found, value = dotted_get(policies, mapping.policy)
        if not found:
            continue
        if mapping.map:
            for policy_value, setting_value in mapping.map:
                if _same(value, policy_value):
                    forced[mapping.key] = setting_value
                    break
        elif isinstance(value, bool | int | str):
            forced[mapping.key] = value
        elif isinstance(value, list) and all(isinstance(item, str) for item in value):
            forced[mapping.key] = list(value)
    return forced


def _firefox_preferences_policy(policies: dict[str, Any]) -> dict[str, SettingValue]:
    """The ``Preferences`` policy: ``{"name": value}`` or ``{"name": {"Value": v, "Status": ...}}``."""
    forced: dict[str, SettingValue] = {}
    block = policies.get("Preferences")
    if not isinstance(block, dict):
        return forced
    for name, spec in block.items():
        value = spec.get("Value") if isinstance(spec, dict) else spec
        status = spec.get("Status", "default") if isinstance(spec, dict) else "default"
        # "default"/"user" only seed a value the person can still change; "locked" forces it
        if status == "locked" and isinstance(value, bool | int | str):
            forced[str(name)] = value
    return forced


def _registry_policies(browser: str) -> dict[str, Any]:  # pragma: no cover - Windows only
    if sys.platform != "win32" or browser not in _REGISTRY_KEYS:
        return {}
    import winreg

    found: dict[str, Any] = {}
    for hive in (winreg.HKEY_CURRENT_USER, winreg.HKEY_LOCAL_MACHINE):
        try:
            key = winreg.OpenKey(hive, "SOFTWARE\\Policies\\" + _REGISTRY_KEYS[browser])
        except OSError:
            continue
        with key:
            index = 0
            while True:
                try:
                    name, value, _kind = winreg.EnumValue(key, index)
                except OSError:
                    break
                found[name] = value
                index += 1
    return found


def _policy_paths(profile: Profile, data: BrowserData, env: Environment) -> list[Path]:
    location = data.locations.get(profile.browser)
    patterns = list(location.policies) if location else []
    if packaging_of(profile.root) != "native":
        return []  # snap and flatpak read policies from inside their sandbox image
    return [env.expand(pattern) for pattern in patterns]


def firefox_forced(profile: Profile, data: BrowserData, env: Environment, platform_dir: str) -> dict[str, SettingValue]:
    """Settings forced by Firefox policies (system files, the install's distribution folder, registry)."""
    paths = _policy_paths(profile, data, env)
    if platform_dir:
        paths.append(env.system_path(platform_dir) / "distribution" / "policies.json")
    forced: dict[str, SettingValue] = {}
    for path in paths:
        policies = _load_json(path).get("policies")
        if isinstance(policies, dict):
            forced.update(_firefox_preferences_policy(policies))
            forced.update(apply_maps(policies, data.policies["firefox"]))
    registry = _registry_policies(profile.browser)
    if registry:
        forced.update(apply_maps(registry, data.policies["firefox"]))
    return forced


def chromium_forced(profile: Profile, data: BrowserData, env: Environment) -> dict[str, SettingValue]:
    """Settings forced by Chromium managed policies (JSON folders, registry)."""
    merged: dict[str, Any] = {}
    for place in _policy_paths(profile, data, env):
        if place.suffix == ".plist":  # macOS managed preferences
            merged.update(_load_plist(place))
            continue
        try:
            files = sorted(place.glob("*.json"))
        except OSError:
            continue
        for path in files:
            merged.update(_load_json(path))
    merged.update(_registry_policies(profile.browser))
    return apply_maps(merged, data.policies["chromium"])

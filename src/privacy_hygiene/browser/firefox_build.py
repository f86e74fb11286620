"""What the installed Firefox build itself sets: its default-pref files, the distributor's, and an
autoconfig file (``general.config.filename``, used by LibreWolf and by administrators).

The install folder comes from the profile's ``compatibility.ini`` (``LastPlatformDir``,
``LastAppDir``). Default files are ``pref(...)`` lines (``locked`` ones cannot be changed by the
person and count as policy). An autoconfig file is JavaScript: only its ``defaultPref``/``pref``/
``lockPref`` calls are read — never run — and every call counts, whatever condition surrounds it.
Its bytes are shifted by ``general.config.obscure_value`` (13 unless the build sets another).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from privacy_hygiene.browser.data import BrowserData
from privacy_hygiene.browser.discovery import Environment
from privacy_hygiene.browser.files import Unreadable, read_text
from privacy_hygiene.browser.model import Profile
from privacy_hygiene.browser.prefsjs import parse_prefs
from privacy_hygiene.catalog.schemas.browser import SettingValue

MAX_AUTOCONFIG_BYTES = 4 * 1024 * 1024


@dataclass
class BuildPrefs:
    """Prefs set by the installation: defaults, locked values, and autoconfig ``pref()`` values."""

    defaults: dict[str, Any] = field(default_factory=dict)
    locked: dict[str, SettingValue] = field(default_factory=dict)
    autoconfig: dict[str, Any] = field(default_factory=dict)


def _default_pref_files(profile: Profile, data: BrowserData, env: Environment, dirs: dict[str, str]) -> list[Path]:
    """The install's own default-pref files (from compatibility.ini), then the distributor's."""
    files: list[Path] = []
    for name, sub in (("LastPlatformDir", "defaults/pref"), ("LastAppDir", "defaults/preferences")):
        if dirs.get(name):
            folder = env.system_path(dirs[name]).joinpath(*sub.split("/"))
            with contextlib.suppress(OSError):
                files.extend(sorted(folder.glob("*.js")))
    location = data.locations.get(profile.browser)
    for pattern in location.default_prefs if location else ():
        parent, _, name = pattern.rpartition("/")
        with contextlib.suppress(OSError):
            files.extend(sorted(env.system_path(parent).glob(name)))
    return files


def _read_autoconfig(path: Path, obscure: int) -> str | None:
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_AUTOCONFIG_BYTES)
    except OSError:
        return None
    if obscure:
        raw = bytes((byte - obscure) % 256 for byte in raw)
    return raw.decode("utf-8", errors="replace")


def build_prefs(profile: Profile, data: BrowserData, env: Environment, dirs: dict[str, str]) -> BuildPrefs:
    """Everything the installation sets for this profile's Firefox."""
    build = BuildPrefs()
    for path in _default_pref_files(profile, data, env, dirs):
        try:
            parsed = parse_prefs(read_text(path))
        except Unreadable:
            continue
        for name, pref in parsed.prefs.items():
            if pref.function != "user_pref":
                (build.locked if pref.locked else build.defaults)[name] = pref.value
    filename = build.defaults.get("general.config.filename")
    if not isinstance(filename, str) or not filename or not dirs.get("LastPlatformDir"):
        return build
    if "/" in filename or "\\" in filename or filename.startswith("."):
        return build  # Firefox reads it from the install folder only
    obscure = build.defaults.get("general.config.obscure_value", 13)
    text = _read_autoconfig(
        env.system_path(dirs["LastPlatformDir"]) / filename, obscure if isinstance(obscure, int) else 13
    )
    if text is None:
        return build
    for name, pref in parse_prefs(text, autoconfig=True).prefs.items():
        if pref.function == "lockPref":
            build.locked[name] = pref.value
        elif pref.function == "defaultPref":
            build.defaults[name] = pref.value
        else:
            build.autoconfig[name] = pref.value
    return build

"""Find browser profiles on Linux, macOS and Windows, read-only.

Firefox (and forks): every root of ``locations.toml`` holding ``profiles.ini``; the profiles it
lists (relative or absolute paths), display names, and the default each install opens
(``[Install…]`` sections / ``installs.ini``). Chromium family: every user-data dir holding
``Local State``; its profiles with display names from ``profile.info_cache``. A profile folder
counts only when it holds the browser's prefs file: snap and flatpak leave empty folders behind,
and a Firefox profile that never ran has no ``prefs.js``.
"""

from __future__ import annotations

import configparser
import os
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from privacy_hygiene.browser.data import BrowserData, browser_data
from privacy_hygiene.browser.files import Unreadable, read_json_object, read_text
from privacy_hygiene.browser.model import Packaging, Profile
from privacy_hygiene.catalog.schemas.browser import Location
from privacy_hygiene.sanitize import one_line

Platform = Literal["linux", "macos", "windows"]
#: Chromium folders that are not a person's profile
_SKIPPED_CHROMIUM = frozenset({"Guest Profile", "System Profile"})
#: files only a Firefox profile folder has (``--profile`` may name one whose prefs.js is damaged)
_FIREFOX_PROFILE_MARKERS = ("prefs.js", "compatibility.ini", "times.json")


def current_platform() -> Platform:
    """The platform this process runs on."""
    if sys.platform == "win32":
        return "windows"
    return "macos" if sys.platform == "darwin" else "linux"


@dataclass(frozen=True)
class Environment:
    """Where to look: the platform, the home folder, environment variables, and the root that
    absolute system paths (policy files) are resolved under. Tests build one for each platform."""

    platform: Platform
    home: Path
    env: Mapping[str, str] = field(default_factory=dict)
    system_root: Path = Path("/")

    @classmethod
    def current(cls) -> Environment:
        return cls(current_platform(), Path.home(), dict(os.environ))

    def expand(self, pattern: str) -> Path:
        """A ``locations.toml`` path with ``~``, ``$XDG_CONFIG_HOME``, ``%APPDATA%``, ``%LOCALAPPDATA%``."""
        variables = {
            "$XDG_CONFIG_HOME": self.env.get("XDG_CONFIG_HOME") or str(self.home / ".config"),
            "%APPDATA%": self.env.get("APPDATA") or str(self.home / "AppData" / "Roaming"),
            "%LOCALAPPDATA%": self.env.get("LOCALAPPDATA") or str(self.home / "AppData" / "Local"),
        }
        for name, value in variables.items():
            if pattern.startswith(name):
                return Path(value, *pattern[len(name) :].strip("/").split("/"))
        if pattern == "~" or pattern.startswith("~/"):
            return self.home.joinpath(*pattern[2:].split("/")) if len(pattern) > 2 else self.home
        if pattern.startswith("/"):
            return self.system_path(pattern)
        return Path(pattern)

    def system_path(self, absolute: str) -> Path:
        """An absolute path of this machine (a policy file, an install folder) under ``system_root``."""
        if self.system_root == Path("/"):
            return Path(absolute)
        return self.system_root.joinpath(*[part for part in absolute.replace("\\", "/").split("/") if part])


def packaging_of(path: Path) -> Packaging:
    """Snap and flatpak installs keep profiles under ``~/snap/<name>`` and ``~/.var/app/<id>``."""
    parts = path.parts
    if "snap" in parts:
        return "snap"
    if any(parts[index : index + 2] == (".var", "app") for index in range(len(parts))):
        return "flatpak"
    return "native"


def _ini(path: Path) -> configparser.ConfigParser | None:
    try:
        text = read_text(path)
    except Unreadable:
        return None
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    # Firefox skips lines it does not understand; configparser would reject the whole file
    kept = [line for line in text.splitlines() if line.strip().startswith("[") or "=" in line]
    try:
        parser.read_string("\n".join(kept))
    except configparser.Error:
        return None
    return parser


def _firefox_path(root: Path, section: Mapping[str, str]) -> Path | None:
    raw = section.get("Path", "").strip()
    if not raw:
        return None
    if section.get("IsRelative", "1").strip() == "1":
        return root.joinpath(*[part for part in raw.replace("\\", "/").split("/") if part])
    return Path(raw)


def firefox_profiles(root: Path, browser: str = "firefox", location: Location | None = None) -> list[Profile]:
    """The profiles listed in ``root/profiles.ini`` that exist and have run (hold ``prefs.js``)."""
    parser = _ini(root / "profiles.ini")
    if parser is None:
        return []
    defaults: set[str] = set()
    installs = _ini(root / "installs.ini")
    for source in (parser, installs):
        for name in source.sections() if source else ():
            if source is installs or name.startswith("Install"):
                value = source[name].get("Default", "").strip() if source else ""
                if value:
                    defaults.add(value)
    profiles = []
    for name in parser.sections():
        if not name.startswith("Profile"):
            continue
        section = parser[name]
        path = _firefox_path(root, section)
        if path is None or not (path / "prefs.js").is_file():
            continue
        relative = section.get("Path", "").strip()
        profiles.append(
            Profile(
                browser=browser,
                family="firefox",
                name=one_line(section.get("Name", path.name)) or path.name,
                path=path,
                root=root,
                packaging=packaging_of(root),
                is_default=relative in defaults or str(path) in defaults,
                vendor_build=bool(location and location.vendor_build),
            )
        )
    return profiles


def _object(value: object) -> dict[str, Any]:
    """``value`` when it is a JSON object, else an empty one (Local State is untrusted input)."""
    return value if isinstance(value, dict) else {}


def chromium_profiles(root: Path, browser: str = "chromium", location: Location | None = None) -> list[Profile]:
    """The profiles of a Chromium user-data dir (``Local State`` names them; folders are the fallback)."""
    try:
        state = read_json_object(root / "Local State")
    except Unreadable:
        state = {}
    profile_info = _object(state.get("profile"))
    cache = _object(profile_info.get("info_cache"))
    last_used = profile_info.get("last_used") or "Default"
    folders = [name for name in cache if isinstance(name, str)]
    if not folders:
        try:
            folders = sorted(entry.name for entry in root.iterdir() if (entry / "Preferences").is_file())
        except OSError:
            folders = []
    vendor = bool(location and location.vendor_build)
    profiles = []
    for folder in folders:
        path = root / folder
        if folder in _SKIPPED_CHROMIUM or "/" in folder or "\\" in folder or folder in ("", ".", ".."):
            continue
        if not (path / "Preferences").is_file():
            continue
        info = _object(cache.get(folder))
        name = info.get("name") if isinstance(info.get("name"), str) else folder
        profiles.append(
            Profile(
                browser,
                "chromium",
                one_line(str(name)) or folder,
                path,
                root,
                packaging_of(root),
                is_default=folder == last_used,
                vendor_build=vendor,
            )
        )
    # Opera keeps a single profile in the user-data dir itself
    if not profiles and (root / "Preferences").is_file():
        profiles.append(
            Profile(
                browser,
                "chromium",
                location.name if location else root.name,
                root,
                root,
                packaging_of(root),
                is_default=True,
                vendor_build=vendor,
            )
        )
    return profiles


def discover(env: Environment | None = None, data: BrowserData | None = None) -> list[Profile]:
    """Every profile of every known browser in the places this platform keeps them."""
    env = env or Environment.current()
    data = data or browser_data()
    found: list[Profile] = []
    seen: set[Path] = set()
    for location in data.locations.values():
        for pattern in getattr(location, env.platform):
            root = env.expand(pattern)
            try:
                key = root.resolve()  # a root linked to another one is read once
            except (OSError, RuntimeError):
                key = root
            if key in seen:
                continue
            seen.add(key)
            reader = firefox_profiles if location.family == "firefox" else chromium_profiles
            found.extend(reader(root, location.browser, location))
    return found


def _guess_location(root: Path, data: BrowserData) -> Location | None:
    """The known browser whose user-data dir ends like ``root`` (``…/google-chrome`` → chrome)."""
    tail = root.as_posix().lower().rstrip("/")
    for location in data.locations.values():
        for pattern in (*location.linux, *location.macos, *location.windows):
            suffix = pattern.split("/", 1)[-1].lower() if "/" in pattern else ""
            if suffix and tail.endswith(suffix):
                return location
    return None


def profiles_at(path: Path, data: BrowserData | None = None) -> Iterator[Profile]:
    """The profiles in a folder the person named (``--profile``): a Firefox root or profile, a
    Chromium user-data dir or one of its profile folders."""
    data = data or browser_data()
    if (path / "profiles.ini").is_file():
        location = _guess_location(path, data)
        yield from firefox_profiles(path, location.browser if location else "firefox", location)
    elif any((path / name).exists() for name in _FIREFOX_PROFILE_MARKERS):
        location = _guess_location(path.parent, data)
        yield Profile(
            location.browser if location else "firefox",
            "firefox",
            one_line(path.name),
            path,
            path.parent,
            packaging_of(path),
            is_default=True,
        )
    elif (path / "Local State").is_file():
        location = _guess_location(path, data)
        yield from chromium_profiles(path, location.browser if location else "chromium", location)
    elif (path / "Preferences").is_file():
        root = path.parent if (path.parent / "Local State").is_file() else path
        location = _guess_location(root, data)
        browser = location.browser if location else "chromium"
        matching = [item for item in chromium_profiles(root, browser, location) if item.path == path]
        yield from matching or [Profile(browser, "chromium", one_line(path.name), path, root, packaging_of(path))]

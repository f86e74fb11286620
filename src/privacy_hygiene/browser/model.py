"""Records of the browser companion: a found profile, a setting's effective value, a check result."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from privacy_hygiene.catalog.schemas.browser import Family, SettingValue, State
from privacy_hygiene.i18n import LocalText
from privacy_hygiene.sanitize import one_line

Packaging = Literal["native", "snap", "flatpak"]
#: ``read`` = the key is in a file; ``default`` = absent, the browser's default was assumed;
#: ``policy`` = forced by an enterprise policy; ``unknown`` = the file could not be read
ConfidenceName = Literal["read", "default", "policy", "unknown"]


@dataclass(frozen=True)
class Profile:
    """A browser profile found on disk (nothing in it has been read yet)."""

    browser: str
    family: Family
    name: str
    path: Path
    #: the Firefox root (profiles.ini) or Chromium user-data dir the profile belongs to
    root: Path
    packaging: Packaging = "native"
    #: the profile the browser opens by default (Firefox install default, Chromium last used)
    is_default: bool = False
    vendor_build: bool = False


@dataclass(frozen=True)
class Value:
    """A setting's effective value and where it came from.

    ``source`` is the kind of file (``prefs.js``, ``user.js``, ``Preferences``, ``Secure Preferences``,
    ``Local State``), ``policy`` or ``default``; ``value`` is ``None`` when nothing is known.
    """

    key: str
    value: SettingValue | None
    source: str
    confidence: ConfidenceName

    def to_json(self) -> dict[str, object]:
        """``{"key", "value", "source"}``; text values from a profile are cleaned of terminal escapes."""
        value: object = self.value
        if isinstance(value, str):
            value = one_line(value, 200)
        elif isinstance(value, list):
            value = [one_line(item, 200) for item in value]
        return {"key": self.key, "value": value, "source": self.source}


@dataclass(frozen=True)
class CheckResult:
    """The answer of one check for one profile."""

    check_id: str
    state: State
    confidence: ConfidenceName
    evidence: tuple[Value, ...]
    explanation: LocalText


@dataclass
class ProfileSettings:
    """Everything read from one profile's setting files, before checks run."""

    values: dict[str, Value] = field(default_factory=dict)
    #: file kind → why it could not be read (a check depending on it says "could not read")
    unreadable: dict[str, str] = field(default_factory=dict)
    #: which setting keys live in which file kind (to know which checks an unreadable file breaks)
    key_files: dict[str, str] = field(default_factory=dict)
    version: str | None = None
    warnings: list[LocalText] = field(default_factory=list)

    @property
    def major(self) -> int | None:
        """The browser's major version from the profile, if known."""
        if not self.version:
            return None
        head = self.version.split(".", 1)[0]
        return int(head) if head.isdigit() else None

"""Schema of ``heuristics/browser/*.toml``: where browsers keep profiles, their settings with the
default of each browser and version range, how enterprise policies map onto settings, and the
checks that turn settings into pass / partial / fail.

Every file in ``heuristics/browser/`` decodes to :class:`BrowserFile`; by convention
``locations.toml`` holds ``[[location]]``, ``firefox.toml``/``chromium.toml`` hold ``[[setting]]``
and ``[[policy]]``, and ``checks.toml`` holds ``[[check]]``. Cross-file consistency (a check reads
only declared settings) is verified by :func:`privacy_hygiene.browser.data.browser_data`.
"""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

from privacy_hygiene.catalog.schema import Meta, PrincipleId
from privacy_hygiene.catalog.schemas.checklist import BrowserCheck
from privacy_hygiene.i18n import LocalText

Family = Literal["firefox", "chromium"]
State = Literal["pass", "partial", "fail", "unknown"]
Scalar = bool | int | str
SettingValue = bool | int | str | list[str]
#: the fixed vocabulary of checks: one list, shared with the checklist items' ``browser_checks``
CheckId = BrowserCheck
Version = Annotated[int, msgspec.Meta(ge=0)]
BrowserId = Annotated[str, msgspec.Meta(pattern=r"^[a-z0-9][a-z0-9-]*$")]


class Location(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Where one browser keeps its profiles on each platform.

    Paths may start with ``~`` (home), ``$XDG_CONFIG_HOME`` (default ``~/.config``), ``%APPDATA%`` or
    ``%LOCALAPPDATA%``; use ``/`` as separator. Firefox roots hold ``profiles.ini``; Chromium roots
    are "user data dirs" (``Local State`` + profile folders). ``vendor_build`` marks builds whose
    vendor may change defaults or move settings (the Chromium table is applied with less trust).
    """

    browser: BrowserId
    family: Family
    name: str
    linux: list[str] = []
    macos: list[str] = []
    windows: list[str] = []
    #: folders of managed-policy JSON files (Chromium) or ``policies.json`` files (Firefox)
    policies: list[str] = []
    #: Firefox: distributor default-pref files (``pref(...)`` lines; ``*`` allowed in the file name),
    #: read after the install's own ``defaults/`` files named by the profile's compatibility.ini
    default_prefs: list[str] = []
    vendor_build: bool = False


class DefaultRow(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """The value an absent key has in ``browsers`` (empty: the whole family) for versions
    ``since`` ≤ major < ``before`` (0: unbounded). The first matching row wins."""

    value: SettingValue
    since: Version = 0
    before: Version = 0
    browsers: list[BrowserId] = []
    why: str = ""


class Setting(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A setting a check reads: its key, file and meaning, and its defaults (absent key)."""

    key: str
    family: Family
    meaning: LocalText
    #: ``prefs`` = prefs.js / Preferences; ``local_state`` = Chromium's browser-wide Local State;
    #: ``store`` = a count read from a store (:mod:`privacy_hygiene.browser.stores`), never defaulted
    file: Literal["prefs", "local_state", "store"] = "prefs"
    default: list[DefaultRow] = []


class PolicyMap(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """An enterprise policy (a dotted path into the policies object) that sets ``key``.

    With ``map`` only the listed policy values apply, translated pairwise; without it the policy's
    value is the setting's value.
    """

    family: Family
    policy: str
    key: str
    map: list[tuple[Scalar, SettingValue]] = []


class Condition(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """One test on a setting's effective value: exactly one of ``equals``, ``one_of``, ``contains``,
    ``above``."""

    key: str
    equals: Scalar | None = None
    one_of: list[Scalar] = []
    #: the value is a list that holds this item
    contains: str | None = None
    #: the value is a number greater than this (store counts)
    above: int | None = None

    def problem(self) -> str | None:
        given = sum((self.equals is not None, bool(self.one_of), self.contains is not None, self.above is not None))
        return None if given == 1 else "a condition needs exactly one of equals, one_of, contains, above"


class Outcome(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A result that applies when every condition in ``when`` holds (and the version is in range)."""

    state: State
    explain: LocalText
    when: list[Condition] = []
    since: Version = 0
    before: Version = 0
    #: only for these browsers of the family (empty: all)
    browsers: list[BrowserId] = []


class FamilyCheck(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """How a check reads one browser family: the keys shown as evidence, outcomes in order."""

    keys: list[str]
    outcome: list[Outcome]


class CheckDef(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A check of the fixed vocabulary; ``kind = "saved_logins"`` is computed from the login inventory."""

    id: CheckId
    principle: PrincipleId
    title: LocalText
    kind: Literal["settings", "saved_logins"] = "settings"
    firefox: FamilyCheck | None = None
    chromium: FamilyCheck | None = None
    #: shown when a family has no such setting
    unsupported: LocalText | None = None


class BrowserFile(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A file of ``heuristics/browser/``."""

    schema: Literal[1]
    meta: Meta
    location: list[Location] = []
    setting: list[Setting] = []
    policy: list[PolicyMap] = []
    checks: list[CheckDef] = msgspec.field(default_factory=list, name="check")

    def check(self) -> list[tuple[str, str]]:
        problems: list[tuple[str, str]] = []
        for index, check in enumerate(self.checks):
            for family in ("firefox", "chromium"):
                rules: FamilyCheck | None = getattr(check, family)
                if rules is None:
                    continue
                where = f"$.check[{index}].{family}"
                if not rules.outcome or rules.outcome[-1].when or rules.outcome[-1].browsers:
                    problems.append((where, "the last outcome must have no conditions (the fallback)"))
                for number, outcome in enumerate(rules.outcome):
                    for condition in outcome.when:
                        problem = condition.problem()
                        if problem:
                            problems.append((f"{where}.outcome[{number}]", problem))
                        if condition.key not in rules.keys:
                            problems.append((f"{where}.outcome[{number}]", f"{condition.key} is not in keys"))
            if check.kind == "settings" and check.firefox is None and check.chromium is None:
                problems.append((f"$.check[{index}]", "a settings check needs firefox or chromium rules"))
        return problems

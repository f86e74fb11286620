"""The browser data of ``heuristics/browser/`` merged into lookup tables, with cross-file checks."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from privacy_hygiene.catalog import Catalog, get_catalog
from privacy_hygiene.catalog.schemas.browser import (
    BrowserFile,
    CheckDef,
    DefaultRow,
    Family,
    Location,
    PolicyMap,
    Setting,
    SettingValue,
)
from privacy_hygiene.errors import HeuristicsError


@dataclass(frozen=True)
class BrowserData:
    """Locations by browser id, settings by (family, key), policy maps by family, checks in order."""

    locations: dict[str, Location]
    settings: dict[tuple[Family, str], Setting]
    policies: dict[Family, tuple[PolicyMap, ...]]
    checks: tuple[CheckDef, ...]

    def default_of(self, family: Family, key: str, browser: str, major: int | None) -> DefaultRow | None:
        """The first default row of ``key`` that fits the browser and version (unknown = newest)."""
        setting = self.settings.get((family, key))
        if setting is None:
            return None
        for row in setting.default:
            if row.browsers and browser not in row.browsers:
                continue
            if in_range(major, row.since, row.before):
                return row
        return None


def in_range(major: int | None, since: int, before: int) -> bool:
    """``since <= major < before`` (0 = unbounded); an unknown version counts as the newest."""
    if major is None:
        return before == 0
    return major >= since and (before == 0 or major < before)


def _merge(files: dict[str, BrowserFile]) -> BrowserData:
    locations: dict[str, Location] = {}
    settings: dict[tuple[Family, str], Setting] = {}
    policies: dict[Family, list[PolicyMap]] = {"firefox": [], "chromium": []}
    checks: dict[str, CheckDef] = {}
    for path, data in files.items():
        for location in data.location:
            if location.browser in locations:
                raise HeuristicsError(path, f"browser {location.browser!r} is listed twice")
            locations[location.browser] = location
        for setting in data.setting:
            if (setting.family, setting.key) in settings:
                raise HeuristicsError(path, f"setting {setting.key!r} is listed twice")
            settings[(setting.family, setting.key)] = setting
        for policy in data.policy:
            policies[policy.family].append(policy)
        for check in data.checks:
            if check.id in checks:
                raise HeuristicsError(path, f"check {check.id!r} is defined twice")
            checks[check.id] = check
    for policy in (*policies["firefox"], *policies["chromium"]):
        if (policy.family, policy.key) not in settings:
            raise HeuristicsError("browser/", f"policy {policy.policy} sets undeclared setting {policy.key!r}")
    for check in checks.values():
        for family in ("firefox", "chromium"):
            rules = check.firefox if family == "firefox" else check.chromium
            for key in rules.keys if rules else ():
                if (family, key) not in settings:
                    raise HeuristicsError("browser/checks.toml", f"check {check.id} reads undeclared {family} {key!r}")
    return BrowserData(
        locations=locations,
        settings=settings,
        policies={family: tuple(items) for family, items in policies.items()},
        checks=tuple(checks.values()),
    )


@functools.cache
def _default_data() -> BrowserData:
    return load_browser_data(get_catalog())


def load_browser_data(catalog: Catalog) -> BrowserData:
    """Merge and cross-check every file of ``heuristics/browser/``."""
    files = {path: value for path, value in catalog.files("browser").items() if isinstance(value, BrowserFile)}
    return _merge(files)


def browser_data(catalog: Catalog | None = None) -> BrowserData:
    """The merged browser data of ``catalog`` (default: the shared catalog, cached)."""
    return _default_data() if catalog is None else load_browser_data(catalog)


__all__ = ["BrowserData", "SettingValue", "browser_data", "in_range", "load_browser_data"]

"""Inspect profiles end to end: settings → checks, logins → inventory, and the JSON of
``privacy-hygiene browser --json``. One profile that cannot be read never stops the others."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from privacy_hygiene.browser.checks import evaluate_settings
from privacy_hygiene.browser.data import BrowserData, browser_data
from privacy_hygiene.browser.discovery import Environment
from privacy_hygiene.browser.logins import LoginInventory, read_logins
from privacy_hygiene.browser.model import CheckResult, Profile, Value
from privacy_hygiene.browser.running import is_running
from privacy_hygiene.browser.settings import read_settings
from privacy_hygiene.browser.sites import LookalikeOf, lookalike_of
from privacy_hygiene.i18n import Lang, LocalText, both
from privacy_hygiene.sanitize import clean, one_line

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ProfileReport:
    """What the companion found in one profile."""

    profile: Profile
    running: bool
    version: str | None
    checks: tuple[CheckResult, ...]
    logins: LoginInventory
    warnings: tuple[LocalText, ...] = field(default=())

    def check(self, check_id: str) -> CheckResult:
        """The result of ``check_id`` (``KeyError`` if the check does not exist)."""
        for result in self.checks:
            if result.check_id == check_id:
                return result
        raise KeyError(check_id)

    def to_json(self, lang: Lang, data: BrowserData | None = None) -> dict[str, Any]:
        data = data or browser_data()
        location = data.locations.get(self.profile.browser)
        return {
            "browser": self.profile.browser,
            "browser_name": location.name if location else self.profile.browser,
            "name": one_line(self.profile.name),
            "path": clean(str(self.profile.path)),
            "running": self.running,
            "version": self.version,
            "packaging": self.profile.packaging,
            "default": self.profile.is_default,
            "checks": [_check_json(result, lang, data) for result in self.checks],
            "saved_logins": _logins_json(self.logins, lang),
            "warnings": [warning.get(lang) for warning in self.warnings],
        }


def _check_json(result: CheckResult, lang: Lang, data: BrowserData) -> dict[str, Any]:
    from privacy_hygiene.browser.apply import items_answered_by

    definition = next(check for check in data.checks if check.id == result.check_id)
    return {
        "item_id": result.check_id,
        "answers": list(items_answered_by().get(result.check_id, ())),
        "principle": definition.principle,
        "title": definition.title.get(lang),
        "state": result.state,
        "confidence": result.confidence,
        "evidence": [value.to_json() for value in result.evidence],
        "explanation": result.explanation.get(lang),
    }


def _logins_json(inventory: LoginInventory, lang: Lang) -> dict[str, Any]:
    return {
        "count": inventory.count,
        "sites": [
            {
                "origin": site.origin,
                "count": site.count,
                "last_used": site.last_used.isoformat(timespec="seconds") if site.last_used else None,
                "unused_for_a_year": site.stale,
                "findings": [
                    {"kind": finding.kind, "brand": finding.brand, "message": finding.text.get(lang)}
                    for finding in site.findings
                ],
            }
            for site in inventory.sites
        ],
        "findings": [finding.text.get(lang) for site in inventory.sites for finding in site.findings],
        "accounts_to_close": [site.origin for site in inventory.sites if site.stale],
        "never_save": inventory.never_save,
        "sources": inventory.sources,
        "errors": [error.get(lang) for error in inventory.errors],
    }


def saved_logins_check(inventory: LoginInventory) -> CheckResult:
    """``saved_logins``: risky sites fail, accounts unused for a year are partial, none is a pass."""
    source = ", ".join(inventory.sources) or "-"
    risky = [site for site in inventory.sites if site.findings]
    stale = [site for site in inventory.sites if site.stale]
    evidence = (
        Value("saved_logins.count", inventory.count, source, "read"),
        Value("saved_logins.risky_sites", len(risky), source, "read"),
        Value("saved_logins.unused_for_a_year", len(stale), source, "read"),
    )
    if risky:
        return CheckResult("saved_logins", "fail", "read", evidence, both("browser.logins_risky", count=len(risky)))
    if inventory.errors:  # a store that could not be read may hide risky logins: no all-clear
        return CheckResult("saved_logins", "unknown", "unknown", evidence, inventory.errors[0])
    if stale:
        return CheckResult("saved_logins", "partial", "read", evidence, both("browser.logins_stale", count=len(stale)))
    if not inventory.sites:
        return CheckResult("saved_logins", "pass", "read", evidence, both("browser.logins_none"))
    return CheckResult("saved_logins", "pass", "read", evidence, both("browser.logins_ok", count=len(inventory.sites)))


def inspect_profile(
    profile: Profile,
    env: Environment | None = None,
    data: BrowserData | None = None,
    now: datetime | None = None,
    lookalike: LookalikeOf = lookalike_of,
) -> ProfileReport:
    """Read one profile (read-only) and evaluate every check; ``lookalike`` judges saved-login hosts."""
    env = env or Environment.current()
    data = data or browser_data()
    running = is_running(profile)
    settings = read_settings(profile, data, env)
    logins = read_logins(profile, now, lookalike)
    results = [*evaluate_settings(data, profile, settings), saved_logins_check(logins)]
    order: list[str] = [check.id for check in data.checks]
    results.sort(key=lambda result: order.index(result.check_id))
    warnings = list(settings.warnings)
    if running:
        warnings.append(both("browser.running"))
    if profile.vendor_build:
        warnings.append(both("browser.vendor_build"))
    return ProfileReport(profile, running, settings.version, tuple(results), logins, tuple(warnings))


def inspect_all(
    profiles: list[Profile],
    env: Environment | None = None,
    data: BrowserData | None = None,
    now: datetime | None = None,
    lookalike: LookalikeOf = lookalike_of,
) -> list[ProfileReport]:
    """Inspect every profile; one that fails unexpectedly is reported, not fatal."""
    reports = []
    for profile in profiles:
        try:
            reports.append(inspect_profile(profile, env, data, now, lookalike))
        except Exception as exc:  # the last line of defence per profile
            log.exception("browser profile %s", profile.path)
            warning = both("browser.profile_failed", reason=f"{type(exc).__name__}: {one_line(str(exc), 120)}")
            reports.append(ProfileReport(profile, False, None, (), LoginInventory(), (warning,)))
    return reports

"""Turn a profile's effective settings into check results (the rules are ``checks.toml``)."""

from __future__ import annotations

from privacy_hygiene.browser.data import BrowserData, in_range
from privacy_hygiene.browser.model import CheckResult, ConfidenceName, Profile, ProfileSettings, Value
from privacy_hygiene.catalog.schemas.browser import CheckDef, Condition, SettingValue
from privacy_hygiene.i18n import both

#: weakest first: a result is only as sure as the least certain value it rests on
_CONFIDENCE_RANK: dict[ConfidenceName, int] = {"unknown": 0, "default": 1, "read": 2, "policy": 3}


def _same(left: object, right: object) -> bool:
    return type(left) is type(right) and left == right


def holds(condition: Condition, value: SettingValue | None) -> bool:
    """Does the effective value satisfy the condition? ``None`` (unknown) satisfies nothing."""
    if value is None:
        return False
    if condition.equals is not None:
        return _same(value, condition.equals)
    if condition.one_of:
        return any(_same(value, option) for option in condition.one_of)
    if condition.above is not None:
        return isinstance(value, int) and not isinstance(value, bool) and value > condition.above
    return isinstance(value, list) and condition.contains in value


def value_of(settings: ProfileSettings, key: str) -> SettingValue | None:
    """The effective value of ``key``; ``None`` when unknown (a store count that could not be read)."""
    found = settings.values.get(key)
    return found.value if found else None


def weakest(values: list[Value]) -> ConfidenceName:
    """The least certain confidence among ``values`` (``unknown`` when there are none)."""
    if not values:
        return "unknown"
    return min((value.confidence for value in values), key=_CONFIDENCE_RANK.__getitem__)


def _relevant(value: Value) -> bool:
    """Keys with no default for this version (renamed prefs) are not evidence, unless set."""
    return not (value.source == "default" and value.value is None)


def evaluate(check: CheckDef, profile: Profile, settings: ProfileSettings) -> CheckResult:
    """The result of one settings check for one profile."""
    rules = check.firefox if profile.family == "firefox" else check.chromium
    if rules is None:
        text = check.unsupported or both("browser.unsupported")
        return CheckResult(check.id, "unknown", "unknown", (), text)
    evidence = [settings.values[key] for key in rules.keys if key in settings.values]
    broken = [value for value in evidence if value.confidence == "unknown" and value.source in settings.unreadable]
    if broken:
        source = broken[0].source
        text = both("browser.could_not_read", file=source, reason=settings.unreadable[source])
        return CheckResult(check.id, "unknown", "unknown", tuple(evidence), text)
    shown = [value for value in evidence if _relevant(value)]
    for outcome in rules.outcome:
        if not in_range(settings.major, outcome.since, outcome.before):
            continue
        if outcome.browsers and profile.browser not in outcome.browsers:
            continue
        if all(holds(condition, value_of(settings, condition.key)) for condition in outcome.when):
            used = [settings.values[condition.key] for condition in outcome.when] or shown
            return CheckResult(check.id, outcome.state, weakest(used), tuple(shown), outcome.explain)
    raise AssertionError(f"{check.id}: no fallback outcome")  # the schema requires one


def evaluate_settings(data: BrowserData, profile: Profile, settings: ProfileSettings) -> list[CheckResult]:
    """Every settings check, in ``checks.toml`` order (``saved_logins`` is computed elsewhere)."""
    return [evaluate(check, profile, settings) for check in data.checks if check.kind == "settings"]

"""Counts of what a profile already stores (addresses, bank cards, sites allowed to notify).

They are ``file = "store"`` settings in ``heuristics/browser/`` so checks can say "saving is off, but
3 cards are still stored". Only row counts and list lengths are read — never a value. SQLite
stores are read from copies; a store that is absent or unreadable yields no value (the check
then rests on the setting alone).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from privacy_hygiene.browser.files import Unreadable, read_json_object
from privacy_hygiene.browser.model import Profile, Value
from privacy_hygiene.browser.policies import dotted_get
from privacy_hygiene.browser.sqlite_copy import StoreUnreadable, open_copy, table_columns

Counter = Callable[[Profile], Value | None]


def _count_table(path: Path, tables: tuple[str, ...], where: str = "") -> int | None:
    """Rows of the first of ``tables`` that exists in the store at ``path``."""
    if not path.is_file():
        return None
    try:
        with open_copy(path) as connection:
            for table in tables:
                if table_columns(connection, table):
                    query = f'SELECT count(*) FROM "{table}" {where}'  # noqa: S608 (names and filters are fixed here)
                    return int(connection.execute(query).fetchone()[0])
    except (StoreUnreadable, sqlite3.DatabaseError):
        return None
    return None


def _json_list_length(path: Path, field: str) -> int | None:
    try:
        data = read_json_object(path)
    except Unreadable:
        return None
    items = data.get(field)
    return len(items) if isinstance(items, list) else None


def _value(key: str, count: int | None, source: str) -> Value | None:
    return None if count is None else Value(key, count, source, "read")


def _chromium_allowed_notifications(profile: Profile) -> Value | None:
    try:
        prefs = read_json_object(profile.path / "Preferences")
    except Unreadable:
        return None
    found, exceptions = dotted_get(prefs, "profile.content_settings.exceptions.notifications")
    if not found or not isinstance(exceptions, dict):
        return _value("stored.notification_sites", 0, "Preferences")
    allowed = sum(1 for rule in exceptions.values() if isinstance(rule, dict) and rule.get("setting") == 1)
    return _value("stored.notification_sites", allowed, "Preferences")


def _rows(key: str, file: str, tables: tuple[str, ...], where: str = "") -> Counter:
    return lambda profile: _value(key, _count_table(profile.path / file, tables, where), file)


def _json_rows(key: str, file: str, field: str) -> Counter:
    return lambda profile: _value(key, _json_list_length(profile.path / file, field), file)


#: (family, key) → how to count it. A test checks this matches the ``file = "store"`` settings.
COUNTERS: dict[tuple[str, str], Counter] = {
    ("chromium", "stored.addresses"): _rows("stored.addresses", "Web Data", ("addresses", "autofill_profiles")),
    ("chromium", "stored.cards"): _rows("stored.cards", "Web Data", ("credit_cards",)),
    ("chromium", "stored.notification_sites"): _chromium_allowed_notifications,
    # autofill-profiles.json is created lazily, with the first saved address or card
    ("firefox", "stored.addresses"): _json_rows("stored.addresses", "autofill-profiles.json", "addresses"),
    ("firefox", "stored.cards"): _json_rows("stored.cards", "autofill-profiles.json", "creditCards"),
    ("firefox", "stored.notification_sites"): _rows(
        "stored.notification_sites",
        "permissions.sqlite",
        ("moz_perms",),
        "WHERE type = 'desktop-notification' AND permission = 1",
    ),
}


def stored_counts(profile: Profile, keys: list[str]) -> dict[str, Value]:
    """The counts of ``keys`` that could be read for this profile."""
    found: dict[str, Any] = {}
    for key in keys:
        counter = COUNTERS.get((profile.family, key))
        value = counter(profile) if counter else None
        if value is not None:
            found[key] = value
    return found

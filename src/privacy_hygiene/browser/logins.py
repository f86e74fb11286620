"""The saved-login inventory: which sites the browser holds logins for, how many, and when each
was last used — never a username or a password (principles 1 and 8).

Only origin and time/count columns are ever selected (Chromium ``Login Data`` and ``Login Data For
Account``, Firefox ``logins.db``), and only the ``hostname``/``guid``/time fields of Firefox's
``logins.json`` are looked at. Every SQLite store is read from a copy (:mod:`sqlite_copy`).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from privacy_hygiene.browser.files import Unreadable, read_json_object
from privacy_hygiene.browser.model import Profile
from privacy_hygiene.browser.sites import LookalikeOf, SiteFinding, lookalike_of, site_findings, site_origin
from privacy_hygiene.browser.sqlite_copy import StoreUnreadable, open_copy, table_columns
from privacy_hygiene.i18n import LocalText, both

#: a login unused for this long is an account to close (principle 1)
STALE_AFTER = timedelta(days=365)
_CHROMIUM_EPOCH = datetime(1601, 1, 1, tzinfo=UTC)
# the only columns ever read; usernames and passwords are never selected
_CHROMIUM_QUERY = (
    "SELECT origin_url, signon_realm, date_created, date_last_used, times_used, blacklisted_by_user FROM logins"
)
_FIREFOX_QUERY = "SELECT guid, origin, timeCreated, timeLastUsed, timesUsed FROM {table} WHERE {live}"


@dataclass(frozen=True)
class LoginRow:
    """One saved login, reduced to what the inventory may know."""

    url: str
    created: datetime | None
    last_used: datetime | None
    times_used: int
    key: str = ""


@dataclass(frozen=True)
class SavedSite:
    """All saved logins of one origin."""

    origin: str
    host: str
    count: int
    last_used: datetime | None
    stale: bool
    findings: tuple[SiteFinding, ...]


@dataclass
class LoginInventory:
    """The saved logins of one profile, grouped by site."""

    sites: list[SavedSite] = field(default_factory=list)
    #: sites the person told the browser never to save a password for
    never_save: int = 0
    #: the stores that were read
    sources: list[str] = field(default_factory=list)
    #: one line per store that could not be read
    errors: list[LocalText] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(site.count for site in self.sites)


def _chromium_time(microseconds: Any) -> datetime | None:
    if not isinstance(microseconds, int) or microseconds <= 0:
        return None
    try:
        return _CHROMIUM_EPOCH + timedelta(microseconds=microseconds)
    except OverflowError:
        return None


def _unix_ms(milliseconds: Any) -> datetime | None:
    if not isinstance(milliseconds, int) or isinstance(milliseconds, bool) or milliseconds <= 0:
        return None
    try:
        return datetime.fromtimestamp(milliseconds / 1000, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None


def _chromium_rows(path: Path, inventory: LoginInventory) -> list[LoginRow]:
    rows: list[LoginRow] = []
    with open_copy(path) as connection:
        if not {"origin_url", "blacklisted_by_user"} <= table_columns(connection, "logins"):
            raise StoreUnreadable(f"{path.name} has no logins table")
        for origin, realm, created, last_used, used, never in connection.execute(_CHROMIUM_QUERY):
            if never:
                inventory.never_save += 1
                continue
            url = origin if isinstance(origin, str) and origin else str(realm or "")
            rows.append(LoginRow(url, _chromium_time(created), _chromium_time(last_used), int(used or 0)))
    return rows


def _firefox_json_rows(path: Path) -> list[LoginRow]:
    logins = read_json_object(path).get("logins")
    if not isinstance(logins, list):
        raise Unreadable(f"{path.name} holds no list of logins")
    rows = []
    for login in logins:
        if not isinstance(login, dict) or not isinstance(login.get("hostname"), str):
            continue
        used = login.get("timesUsed")
        rows.append(
            LoginRow(
                login["hostname"],
                _unix_ms(login.get("timeCreated")),
                _unix_ms(login.get("timeLastUsed")),
                used if isinstance(used, int) else 0,
                key=str(login.get("guid", "")),
            )
        )
    return rows


def _firefox_db_rows(path: Path) -> list[LoginRow]:
    rows = []
    with open_copy(path) as connection:
        for table, live in (("loginsL", "is_deleted = 0"), ("loginsM", "is_overridden = 0")):
            columns = table_columns(connection, table)
            if not {"guid", "origin"} <= columns:
                continue
            if live.split()[0] not in columns:
                live = "1"
            for guid, origin, created, last_used, used in connection.execute(
                _FIREFOX_QUERY.format(table=table, live=live)
            ):
                rows.append(
                    LoginRow(str(origin or ""), _unix_ms(created), _unix_ms(last_used), int(used or 0), str(guid))
                )
    return rows


def _firefox_never_save(path: Path) -> int:
    try:
        with open_copy(path) as connection:
            if not table_columns(connection, "moz_perms"):
                return 0
            row = connection.execute(
                "SELECT count(*) FROM moz_perms WHERE type = 'login-saving' AND permission = 2"
            ).fetchone()
            return int(row[0])
    except (StoreUnreadable, sqlite3.DatabaseError):
        return 0


def _group(rows: list[LoginRow], now: datetime, lookalike: LookalikeOf) -> list[SavedSite]:
    by_origin: dict[str, list[LoginRow]] = {}
    hosts: dict[str, tuple[str, str]] = {}
    for row in rows:
        scheme, host, origin = site_origin(row.url)
        by_origin.setdefault(origin, []).append(row)
        hosts[origin] = (scheme, host)
    sites = []
    for origin, group in by_origin.items():
        scheme, host = hosts[origin]
        used = [row.last_used for row in group if row.last_used]
        created = [row.created for row in group if row.created]
        last_used = max(used) if used else None
        # never used: judge by when it was saved
        reference = last_used or (max(created) if created else None)
        stale = reference is not None and now - reference > STALE_AFTER
        sites.append(
            SavedSite(origin, host, len(group), last_used, stale, site_findings(scheme, host, origin, lookalike))
        )
    sites.sort(key=lambda site: (not site.findings, not site.stale, site.origin))
    return sites


def read_logins(profile: Profile, now: datetime | None = None, lookalike: LookalikeOf = lookalike_of) -> LoginInventory:
    """The saved-login inventory of a profile; stores that cannot be read are listed in ``errors``."""
    now = now or datetime.now(UTC)
    inventory = LoginInventory()
    rows: list[LoginRow] = []
    if profile.family == "chromium":
        for name in ("Login Data", "Login Data For Account"):
            path = profile.path / name
            if not path.exists():
                if name == "Login Data":  # every Chromium profile has one: its absence is not "none saved"
                    inventory.errors.append(both("browser.store_unreadable", file=name, reason=f"{name} is absent"))
                continue
            try:
                rows.extend(_chromium_rows(path, inventory))
                inventory.sources.append(name)
            except (StoreUnreadable, sqlite3.DatabaseError) as exc:
                inventory.errors.append(both("browser.store_unreadable", file=name, reason=str(exc)))
    else:
        seen: set[str] = set()
        for name, reader in (("logins.json", _firefox_json_rows), ("logins.db", _firefox_db_rows)):
            path = profile.path / name
            if not path.exists():  # logins.json appears with the first saved login
                continue
            try:
                found = reader(path)
            except (Unreadable, StoreUnreadable, sqlite3.DatabaseError) as exc:
                inventory.errors.append(both("browser.store_unreadable", file=name, reason=str(exc)))
                continue
            inventory.sources.append(name)
            # logins.db mirrors logins.json: the same login has the same guid in both
            for row in found:
                if not row.key or row.key not in seen:
                    rows.append(row)
                    seen.add(row.key)
        inventory.never_save = _firefox_never_save(profile.path / "permissions.sqlite")
    inventory.sites = _group(rows, now, lookalike)
    return inventory

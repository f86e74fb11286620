"""Fixture profiles made by the real browsers (``tests/fixtures/browsers/make_fixtures.sh``)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from privacy_hygiene.browser import Profile, ProfileReport, inspect_profile, profiles_at
from privacy_hygiene.browser.discovery import Environment

BROWSERS = Path(__file__).parents[1] / "fixtures" / "browsers"
#: a fixed "now" for staleness: the fixtures' logins were last used in 2026 or long before
NOW = datetime(2026, 11, 27, tzinfo=UTC)


def fixture_path(name: str) -> Path:
    """``chromium``, ``firefox``, ``chromium-variants/logins``, ``firefox-variants/hardened``..."""
    return BROWSERS / name


def firefox_fresh_profile() -> Path:
    """The install's own profile of the fresh Firefox root (its folder name is random)."""
    return next(BROWSERS.joinpath("firefox").glob("*.default-esr"))


@pytest.fixture
def debian_system(tmp_path: Path) -> Environment:
    """The system the fixtures came from: an empty home, no policies, and Debian's firefox-esr
    default-pref file (``system/etc/firefox-esr``), as on the machine that ran the browsers."""
    return Environment("linux", tmp_path / "home", {}, BROWSERS / "system")


@pytest.fixture
def inspect(debian_system: Environment) -> Callable[[Path], ProfileReport]:
    """Inspect the (default) profile at a folder, on the fixtures' Debian system."""

    def run(folder: Path) -> ProfileReport:
        found = list(profiles_at(folder))
        assert len(found) >= 1, folder
        default = [profile for profile in found if profile.is_default] or found
        return inspect_profile(default[0], debian_system, now=NOW)

    return run


@pytest.fixture
def copy_of(tmp_path: Path) -> Callable[[str], Path]:
    """A private copy of a fixture folder (symlinks kept), for tests that change it."""

    def copy(name: str) -> Path:
        target = tmp_path / "copies" / name
        shutil.copytree(fixture_path(name), target, symlinks=True)
        return target

    return copy


def only(profiles: list[Profile], browser: str) -> list[Profile]:
    return [profile for profile in profiles if profile.browser == browser]

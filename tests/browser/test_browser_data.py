"""heuristics/browser/: every check of the vocabulary is defined, settings and policies agree."""

from __future__ import annotations

from typing import get_args

import msgspec
import pytest

from privacy_hygiene.browser.data import browser_data
from privacy_hygiene.catalog import Catalog
from privacy_hygiene.catalog.schemas.browser import BrowserFile, CheckId


def test_catalog_validates(catalog: Catalog) -> None:
    catalog.validate()


def test_every_check_id_is_defined_once_with_both_families() -> None:
    data = browser_data()
    assert [check.id for check in data.checks] == list(get_args(CheckId))
    for check in data.checks:
        if check.kind == "settings":
            assert check.firefox is not None and check.chromium is not None, check.id


def test_every_location_has_a_path_for_some_platform() -> None:
    for location in browser_data().locations.values():
        assert location.linux or location.macos or location.windows, location.browser


def test_schema_rejects_ambiguous_conditions_and_missing_fallbacks() -> None:
    bad = {
        "schema": 1,
        "meta": {},
        "check": [
            {
                "id": "telemetry",
                "principle": 8,
                "title": {"zh": "x", "en": "x"},
                "firefox": {
                    "keys": ["a"],
                    "outcome": [
                        {
                            "state": "pass",
                            "explain": {"zh": "x", "en": "x"},
                            "when": [{"key": "a", "equals": True, "one_of": [1]}],
                        }
                    ],
                },
            }
        ],
    }
    value = msgspec.convert(bad, BrowserFile)
    problems = [message for _, message in value.check()]
    assert any("exactly one of" in message for message in problems)
    assert any("fallback" in message for message in problems)
    with pytest.raises(msgspec.ValidationError):
        msgspec.convert({**bad, "check": [{**bad["check"][0], "id": "not_in_vocabulary"}]}, BrowserFile)


def test_every_store_count_setting_has_a_counter_and_back() -> None:
    from privacy_hygiene.browser.stores import COUNTERS

    declared = {(family, key) for (family, key), setting in browser_data().settings.items() if setting.file == "store"}
    assert declared == set(COUNTERS)

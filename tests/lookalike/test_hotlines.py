"""A brand joined with its customer-service hotline is a combosquat (ccb-95533.com)."""

from __future__ import annotations

import pytest

from privacy_hygiene.catalog import Catalog
from privacy_hygiene.lookalike import Detector


@pytest.mark.parametrize(("host", "brand"), [("ccb-95533.com", "ccb.com"), ("icbc-95588.top", "icbc.com.cn")])
def test_brand_plus_hotline_is_flagged(host: str, brand: str, catalog: Catalog) -> None:
    verdict = Detector(catalog).check(host)
    assert verdict.lookalike_of == brand and verdict.technique == "combosquatting"


@pytest.mark.parametrize("host", ["95533.com", "www.ccb.com", "10086.cn"])
def test_hotline_alone_or_official_is_not(host: str, catalog: Catalog) -> None:
    assert Detector(catalog).check(host).lookalike_of is None

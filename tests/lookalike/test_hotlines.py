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


# A number-named brand (10010.com, 10086.cn, 12306.cn) next to a lure written as pinyin initials
# (jfdh = 积分兑换, hfcz = 话费充值, tkzx = 退款中心): the way SMS-phishing hosts name themselves.
@pytest.mark.parametrize(
    ("host", "brand"),
    [("10086-hfcz.top", "10086.cn"), ("12306-tkzx.com", "12306.cn"), ("icbc-zxkf.com", "icbc.com.cn")],
)
def test_number_brand_plus_pinyin_initials_is_flagged(host: str, brand: str, catalog: Catalog) -> None:
    verdict = Detector(catalog).check(host)
    assert verdict.lookalike_of == brand and verdict.technique == "combosquatting"


# the same numbers as ZIP codes or house numbers, with ordinary words or initials that are no lure
@pytest.mark.parametrize("host", ["nyc-10010-dental.com", "10010-nyc.com", "12306-ny.com", "10086-abc.com"])
def test_number_with_other_tokens_is_not(host: str, catalog: Catalog) -> None:
    assert Detector(catalog).check(host).lookalike_of is None


# Initials nobody listed (yhqk, jgzx, ybzc): on a cheap, phishing-heavy TLD a pinyin-initials token
# next to a brand's whole name is a lure all the same (lure_initials in lookalike.toml).
@pytest.mark.parametrize(
    ("host", "brand"),
    [("ccb-yhqk.top", "ccb.com"), ("gongan-jgzx.top", "mps.gov.cn"), ("nhsa-ybzc.xyz", "nhsa.gov.cn")],
)
def test_brand_plus_coined_initials_on_risky_tld_is_flagged(host: str, brand: str, catalog: Catalog) -> None:
    verdict = Detector(catalog).check(host)
    assert verdict.lookalike_of == brand and verdict.technique == "combosquatting"


# the same letters under .com or .cn (crm, cms, html are initials too), next to an everyday-word
# brand (Target), or with no brand at all
@pytest.mark.parametrize("host", ["ccb-yhqk.com", "gongan-jgzx.cn", "target-bzq.top", "www.sgzx-shop.top"])
def test_coined_initials_elsewhere_are_not(host: str, catalog: Catalog) -> None:
    assert Detector(catalog).check(host).lookalike_of is None

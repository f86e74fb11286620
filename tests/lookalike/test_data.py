"""The shipped data: brands, confusables, lookalike rules."""

from __future__ import annotations

import msgspec
import pytest

from privacy_hygiene.catalog import Catalog
from privacy_hygiene.catalog.schemas.brands import BrandsFile
from privacy_hygiene.lookalike import Detector
from privacy_hygiene.lookalike.skeleton import skeleton, table

CHINESE_BRANDS = {
    "icbc.com.cn",
    "ccb.com",
    "boc.cn",
    "abchina.com",
    "bankcomm.com",
    "cmbchina.com",
    "psbc.com",
    "citicbank.com",
    "spdb.com.cn",
    "cib.com.cn",
    "pingan.com",
    "cebbank.com",
    "cmbc.com.cn",
    "hxb.com.cn",
    "alipay.com",
    "tenpay.com",
    "unionpay.com",
    "taobao.com",
    "tmall.com",
    "jd.com",
    "pinduoduo.com",
    "meituan.com",
    "douyin.com",
    "12306.cn",
    "10086.cn",
    "10010.com",
    "189.cn",
    "sf-express.com",
    "chinatax.gov.cn",
    "qq.com",
    "wechat.com",
    "zto.com",
    "yto.net.cn",
    "ems.com.cn",
}


def test_brand_list_is_broad(catalog: Catalog) -> None:
    brands = catalog.file("brands.toml", BrandsFile).brand
    assert len(brands) >= 300
    mains = {domain for brand in brands for domain in brand.domains}
    assert mains >= CHINESE_BRANDS, CHINESE_BRANDS - mains
    categories = {brand.category for brand in brands}
    assert {"bank", "payment", "email", "social", "shopping", "delivery", "crypto", "government"} <= categories
    assert all(brand.zh and brand.en for brand in brands)


def test_every_official_and_related_domain_is_clean(catalog: Catalog) -> None:
    detector = Detector(catalog)
    brands = catalog.file("brands.toml", BrandsFile).brand
    flagged = []
    for brand in brands:
        for domain in (*brand.domains, *brand.related):
            for host in (domain, f"www.{domain}", f"login.{domain}"):
                if detector.check(host).flagged:
                    flagged.append(host)
    assert flagged == []


def test_schema_refuses_a_domain_claimed_by_two_brands() -> None:
    data = {
        "schema": 1,
        "meta": {},
        "brand": [
            {"id": "a", "en": "A", "zh": "A", "category": "bank", "domains": ["same.com"]},
            {"id": "b", "en": "B", "zh": "B", "category": "bank", "domains": ["same.com"]},
        ],
    }
    value = msgspec.convert(data, BrandsFile)
    assert any("also belongs to a" in message for _, message in value.check())


@pytest.mark.parametrize("bad", ["Not A Domain", "http://x.com", "x", "-x.com"])
def test_schema_refuses_malformed_domains(bad: str) -> None:
    data = {"schema": 1, "meta": {}, "brand": [{"id": "a", "en": "A", "zh": "A", "category": "bank", "domains": [bad]}]}
    assert msgspec.convert(data, BrandsFile).check()


def test_confusables_table(catalog: Catalog) -> None:
    confusables = table(catalog)
    assert len(confusables.mapping) > 1500
    # TR39 rows, Chromium-style extras, letters with marks
    for char, ascii_form in {
        "а": "a",
        "о": "o",
        "ѕ": "s",
        "ԁ": "d",
        "ɡ": "g",
        "н": "h",
        "т": "t",
        "ɗ": "d",
        "é": "e",
    }.items():
        assert skeleton(char, confusables) == ascii_form, char
    assert skeleton("rnicrosoft", confusables) == skeleton("microsoft", confusables)
    assert skeleton("paypa1", confusables) == skeleton("paypal", confusables)
    lines = catalog.root.joinpath("confusables.txt").read_text(encoding="utf-8").splitlines()
    header = "\n".join(line for line in lines if line.startswith("#"))
    for needed in ("Source:", "Licence:", "Unicode", "Generated:", "Chromium"):
        assert needed in header


def test_every_technique_has_a_score_and_an_explanation(catalog: Catalog) -> None:
    from privacy_hygiene.catalog.schemas.brands import LookalikeFile
    from privacy_hygiene.i18n import messages
    from privacy_hygiene.lookalike.verdict import SCORE_VARIANTS, TECHNIQUES

    scores = catalog.file("lookalike.toml", LookalikeFile).scores.technique
    assert set(scores) == set(TECHNIQUES) | set(SCORE_VARIANTS)
    assert set(SCORE_VARIANTS.values()) <= set(TECHNIQUES)
    texts = messages()
    for technique in TECHNIQUES:
        text = texts[f"domain.{technique}"]
        assert text.zh and text.en, technique

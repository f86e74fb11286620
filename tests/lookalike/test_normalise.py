"""Normalising what a person pastes: URL or host, ASCII or Unicode, and the offline suffix list."""

from __future__ import annotations

import pytest

from privacy_hygiene.domains import _extractor, split_host
from privacy_hygiene.lookalike.normalise import normalise


@pytest.mark.parametrize(
    ("given", "host", "registrable"),
    [
        ("https://user:pw@WWW.PayPal.com.:8443/x?y#z", "www.paypal.com", "paypal.com"),
        ("paypal.com.", "paypal.com", "paypal.com"),
        ("xn--lipay-3ve.com", "аlipay.com", "xn--lipay-3ve.com"),
        ("аlipay.com", "аlipay.com", "xn--lipay-3ve.com"),
        ("ＰＡＹＰＡＬ.com", "paypal.com", "paypal.com"),
        ("icbc.com.cn.example.top", "icbc.com.cn.example.top", "example.top"),
        ("例子.中国", "例子.中国", "xn--fsqu00a.xn--fiqs8s"),
        ("paypal-login.github.io", "paypal-login.github.io", "paypal-login.github.io"),
        ("http://mail.qq.com/cgi-bin", "mail.qq.com", "qq.com"),
        ("  WWW.ICBC.COM.CN  ", "www.icbc.com.cn", "icbc.com.cn"),
    ],
)
def test_normalise(given: str, host: str, registrable: str) -> None:
    result = normalise(given)
    assert result is not None
    assert result.host == host
    assert result.registrable == registrable


@pytest.mark.parametrize("given", ["192.168.1.1", "http://[::1]:8080/", "http://3232235777/", "0x7f.0.0.1"])
def test_ip_literals_are_marked(given: str) -> None:
    result = normalise(given)
    assert result is not None and result.is_ip


@pytest.mark.parametrize("given", ["", "   ", "http://", "://", "a" * 64 + ".com", "paypal" * 50_000 + ".com"])
def test_no_host(given: str) -> None:
    assert normalise(given) is None


def test_bad_punycode_is_reported_not_raised() -> None:
    result = normalise("xn--zzzzzzzz-.com")
    assert result is not None


SAMPLE = [
    "www.example.co.uk",
    "a.b.c.github.io",
    "x.ck",
    "www.ck",
    "foo.kawasaki.jp",
    "city.kawasaki.jp",
    "com.cn",
    "icbc.com.cn",
    "localhost",
    "paypal-login.web.app",
    "a.b.bd",
    "icbc.cn.com",
    "例子.中国",
    "www.gov.cn",
    "beijing.gov.cn",
    "x.blogspot.com",
    "a.b.appspot.com",
    "s3.amazonaws.com",
    "deep.sub.domain.example.com.au",
    "xn--80ak6aa92e.com",
    "mail.google.com",
    "jd.com.hk",
]


@pytest.mark.parametrize("host", SAMPLE)
def test_split_host_agrees_with_the_offline_extractor(host: str) -> None:
    extracted = _extractor()(host)
    assert split_host(host) == (extracted.subdomain, extracted.domain, extracted.suffix)


def test_split_host_agrees_on_every_suffix_rule() -> None:
    from privacy_hygiene.domains import _suffix_rules

    rules, wildcards, exceptions, _ = _suffix_rules()
    extractor = _extractor()
    hosts = [f"a.b.{rule}" for rule in sorted(rules)]
    hosts += [f"a.b.c.{rule}" for rule in sorted(wildcards)] + [f"x.{rule}" for rule in sorted(exceptions)]
    hosts += [rule for rule in sorted(exceptions)] + [f"c.{rule}" for rule in sorted(wildcards)]
    mismatches = []
    for host in hosts:
        extracted = extractor(host)
        if split_host(host) != (extracted.subdomain, extracted.domain, extracted.suffix):
            mismatches.append(host)
    assert mismatches == []

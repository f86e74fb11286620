"""PH-CONTENT-330: a page dressed as a government body asks for secrets off government domains.
The costume is read from the page's own claims (agency-shaped names in its headings, an "official
government website" banner, an emblem image), never from a list of agencies."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from privacy_hygiene.analyzers.content import ContentAnalyzer
from privacy_hygiene.catalog import Catalog
from privacy_hygiene.engine.runner import run_analyzers
from privacy_hygiene.models import Page, Severity
from tests.analyzers.test_content import html
from tests.analyzers.test_overreach import form

BANNER = "<div>An official website of the United States government</div>"
EMBLEM = '<img src="/i/guohui.png" alt="">'
SIGN_IN = '<form method="post"><input name="u" placeholder="Username"><input name="p" type="password"></form>'

CASES = [
    # name + trappings: high; either alone with a secret-asking form: medium
    (
        "zh-name-emblem",
        "https://x-butie.top/",
        html("补贴申领 - 某市医疗保障局", EMBLEM + form("姓名", "身份证号")),
        "high",
    ),
    (
        "zh-name-only",
        "https://x-butie.top/",
        html("某市税务局 退税登记", form("姓名", "银行卡号", "交易密码")),
        "medium",
    ),
    ("zh-emblem-only", "https://x-butie.top/", html("补贴申领", EMBLEM + form("姓名", "身份证号")), "medium"),
    (
        "en-name-banner",
        "https://relief.example.com/",
        html("Department of Labor", BANNER + form("Name", "SSN"), "en"),
        "high",
    ),
    ("en-banner-only", "https://relief.example.com/", html("Relief", BANNER + form("Name", "SSN"), "en"), "medium"),
    # the same costume on a government suffix, with no secret asked, or on a plain sign-in: quiet
    ("zh-gov-cn", "https://ybj.mou.gov.cn/", html("某市医疗保障局", EMBLEM + form("姓名", "身份证号")), None),
    ("en-gov", "https://www.dol.gov/", html("Department of Labor", BANNER + form("Name", "SSN"), "en"), None),
    ("zh-contact", "https://x-butie.top/", html("某市税务局", EMBLEM + form("姓名", "手机号")), None),
    ("en-sign-in", "https://portal.example.com/", html("Department of Physics", SIGN_IN, "en"), None),
    # words that only look like agency names: a shop's 全国包邮 全部商品, a university department
    ("zh-shop", "https://shop.example.com/", html("全国包邮 全部商品", form("姓名", "银行卡号", "安全码")), None),
    (
        "en-physics",
        "https://uni.example.de/",
        html("Department of Physics: PhD", form("Name", "Passport number"), "en"),
        None,
    ),
    # an article that quotes an agency in body text names nothing in its headings
    (
        "en-article",
        "https://news.example.com/",
        html("Loans", "<p>The Department of Education said</p>" + form("Name", "SSN"), "en"),
        None,
    ),
]


@pytest.mark.parametrize(("case", "url", "markup", "expected"), CASES, ids=[case[0] for case in CASES])
def test_official_costume(
    case: str, url: str, markup: str, expected: str | None, make_page: Callable[..., Page], catalog: Catalog
) -> None:
    findings, diagnostics, _ = run_analyzers(make_page(markup, url=url), catalog, [ContentAnalyzer()])
    assert diagnostics == ()
    found = [item.severity for item in findings if item.rule_id == "PH-CONTENT-330"]
    assert max(found, default=None) == (Severity.parse(expected) if expected else None), case

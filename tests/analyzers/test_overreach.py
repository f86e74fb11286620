"""PH-CONTENT-410: a form asks what the page's offer (prize, reading, "account problem" story, free
download or Wi-Fi) never needs. For each frame a page that must be flagged and a near miss that must
not, in Chinese and English; required marks count only for ordinary offers."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from privacy_hygiene.analyzers.content import ContentAnalyzer
from privacy_hygiene.analyzers.forms import FormsAnalyzer
from privacy_hygiene.catalog import Catalog
from privacy_hygiene.engine.runner import run_analyzers
from privacy_hygiene.models import Finding, Page, Severity
from tests.analyzers.test_content import html


def overreach(page: Page, catalog: Catalog) -> list[Finding]:
    findings, diagnostics, _ = run_analyzers(page, catalog, [ContentAnalyzer()])
    assert diagnostics == ()
    return [item for item in findings if item.rule_id == "PH-CONTENT-410"]


def form(*fields: str, required: bool = False) -> str:
    mark = " required" if required else ""
    inputs = "".join(f"<label>{label} <input name='f{n}'{mark}></label>" for n, label in enumerate(fields))
    return f'<form method="post" action="/go">{inputs}<button>OK</button></form>'


EN = "en"
SUSPENDED = "<h1>Your account has been suspended</h1>"
REFUND = "<h1>You are eligible to receive a refund of $120.40</h1>"
CASES = [
    # prize: delivering a prize needs a name, phone and address; never an ID number or a card
    ("zh-prize-id", html("有奖", "<h1>恭喜您中奖</h1>" + form("姓名", "手机号", "身份证号")), Severity.HIGH),
    ("zh-prize-address", html("有奖", "<h1>恭喜您中奖</h1>" + form("姓名", "手机号", "收货地址")), None),
    ("en-prize-cvv", html("Win", "<h1>You won!</h1>" + form("Name", "Card number", "CVV"), EN), Severity.CRITICAL),
    ("en-prize-address", html("Win", "<h1>You won!</h1>" + form("Name", "Email", "Address"), EN), None),
    # fortune: a reading needs a name and birth data, not income or an ID
    ("zh-fortune-income", html("八字", "<h1>八字算命</h1>" + form("姓名", "出生日期", "月收入")), Severity.MEDIUM),
    ("zh-fortune-birth", html("八字", "<h1>八字算命</h1>" + form("姓名", "出生日期")), None),
    ("en-numerology-ssn", html("Numerology", "<h1>Numerology</h1>" + form("Name", "SSN"), EN), Severity.HIGH),
    # "account problem": a payment PIN or a security answer is never asked by such a page
    ("zh-pretext-pin", html("通知", "<p>您的医保卡已被冻结</p>" + form("姓名", "支付密码")), Severity.CRITICAL),
    ("en-pretext-maiden", html("Alert", SUSPENDED + form("Email", "Mother maiden name"), EN), Severity.HIGH),
    ("en-pretext-contact", html("Alert", SUSPENDED + form("Email", "Phone"), EN), None),
    # ...nor an ID number or a card's security code off the organisation's own domain; a birth date
    # is left alone (a clinic's or small bank's own portal checks it)
    ("en-pretext-ssn", html("Alert", SUSPENDED + form("Email", "Social Security number"), EN), Severity.HIGH),
    ("en-pretext-dob", html("Alert", SUSPENDED + form("Email", "Date of birth"), EN), None),
    ("zh-udun-id", html("通知", "<h1>您的U盾证书即将过期</h1>" + form("姓名", "身份证号")), Severity.HIGH),
    (
        "en-warrant-cvv",
        html("Jury", "<h1>A bench warrant has been issued</h1>" + form("Name", "Card number", "CVV"), EN),
        Severity.HIGH,
    ),
    ("en-warrant-news", html("News", "<h1>How the jury-duty scam works</h1><p>Courts never call.</p>", EN), None),
    # money coming to you: a card's security code or expiry only spends money
    ("en-refund-cvv", html("Refund", REFUND + form("Name", "Card number", "Expiry date", "CVV"), EN), Severity.HIGH),
    ("en-refund-card", html("Refund", REFUND + form("Name", "Email", "Card number"), EN), None),
    ("zh-subsidy-cvv", html("补贴", "<h1>育儿补贴待领取</h1>" + form("姓名", "银行卡号", "安全码")), Severity.HIGH),
    ("zh-subsidy-card", html("补贴", "<h1>育儿补贴待领取</h1>" + form("姓名", "银行卡号")), None),
    # ordinary offers: only required asks count (an optional extra is common on real ones)
    (
        "en-ebook-income",
        html("Free eBook", "<h1>Free eBook</h1>" + form("Email", "Income", required=True), EN),
        Severity.MEDIUM,
    ),
    ("en-ebook-optional", html("Free eBook", "<h1>Free eBook</h1>" + form("Email", "Income"), EN), None),
    (
        "zh-wifi-passport",
        html("免费WiFi", "<h1>免费WiFi</h1>" + form("手机号", "护照号码", required=True)),
        Severity.HIGH,
    ),
    (
        "zh-lesson-id",
        html("试听", "<h1>免费试听课</h1>" + form("姓名", "手机号", "身份证号", required=True)),
        Severity.HIGH,
    ),
    ("zh-lesson-phone", html("试听", "<h1>免费试听课</h1>" + form("姓名", "手机号", required=True)), None),
    ("zh-wifi-phone", html("免费WiFi", "<h1>免费WiFi</h1>" + form("手机号", "验证码", required=True)), None),
    # no offer at all: a plain form is the form analysis' business, not this rule's
    ("en-plain-form", html("Apply", "<h1>Open an account</h1>" + form("Name", "SSN"), EN), None),
]


@pytest.mark.parametrize(("name", "page_html", "expected"), CASES, ids=[case[0] for case in CASES])
def test_frame(
    name: str, page_html: str, expected: Severity | None, make_page: Callable[..., Page], catalog: Catalog
) -> None:
    found = overreach(make_page(page_html, "https://offer-site.example.com/p"), catalog)
    assert max((item.severity for item in found), default=None) == expected, [item.title.en for item in found]
    if expected is not None:
        assert all(item.category == "unneeded-data" for item in found)
        assert any(evidence.kind == "field" for evidence in found[0].evidence)


def test_not_on_the_institution_own_site(make_page: Callable[..., Page], catalog: Catalog) -> None:
    body = f"<p>您的医保卡已被冻结，请立即核验</p>{form('姓名', '支付密码')}"
    assert overreach(make_page(html("通知", body), "https://fuwu.nhsa.gov.cn/notice"), catalog) == []
    assert overreach(make_page(html("通知", body), "https://www.icbc.com.cn/notice"), catalog) == []


def test_a_field_the_form_analysis_reported_is_not_repeated(make_page: Callable[..., Page], catalog: Catalog) -> None:
    # a survey that requires an ID number: the form analysis reports it (PH-FORMS-020), this rule
    # then adds nothing for that field
    body = f"<h1>有奖问卷</h1><p>完成问卷即可领取红包</p>{form('姓名', '身份证号', required=True)}"
    page = make_page(html("问卷", body), "https://wenjuan-hb.example.com/s")
    findings, _, _ = run_analyzers(page, catalog, [FormsAnalyzer(), ContentAnalyzer()])
    assert [item.rule_id for item in findings if item.category == "unneeded-data"] == ["PH-FORMS-020"]

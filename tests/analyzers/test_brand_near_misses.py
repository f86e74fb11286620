"""Near misses of brand impersonation found by the blind scam-sign set: an article naming brands with
only a search box, and a government service on a private suffix registered under gov.uk."""

from __future__ import annotations

from collections.abc import Callable

from privacy_hygiene.analyzers.brand import BrandAnalyzer
from privacy_hygiene.catalog import Catalog
from privacy_hygiene.engine.runner import run_analyzers
from privacy_hygiene.lookalike import Detector
from privacy_hygiene.models import Page, Severity

ARTICLE = (
    "<html><head><title>警惕冒充国家医保局的短信</title></head><body>"
    "<form action='/s'><input name='kw' placeholder='搜索'></form>"
    "<h1>警惕冒充国家医保局、中国工商银行的短信</h1><p>近期有人冒充国家医保局发送短信。</p>{extra}</body></html>"
)


def _worst(page: Page, catalog: Catalog) -> Severity | None:
    findings, diagnostics, _ = run_analyzers(page, catalog, [BrandAnalyzer()])
    assert diagnostics == ()
    return max((item.severity for item in findings), default=None)


def test_search_box_does_not_make_an_article_a_form(make_page: Callable[..., Page], catalog: Catalog) -> None:
    article = make_page(ARTICLE.format(extra=""), "https://news.example.com/a/1.html")
    assert (_worst(article, catalog) or Severity.INFO) <= Severity.LOW
    with_form = ARTICLE.format(extra="<form action='/c'><input name='name' placeholder='姓名'></form>")
    assert (_worst(make_page(with_form, "https://news.example.com/a/1.html"), catalog) or Severity.INFO) >= (
        Severity.MEDIUM
    )


def test_private_suffix_under_a_trusted_suffix_is_trusted(catalog: Catalog) -> None:
    detector = Detector(catalog)
    assert detector.check("https://www.passport.service.gov.uk/apply").note == "trusted-suffix"
    assert detector.check("https://hmrc-refund.gov-uk.support/claim").note != "trusted-suffix"


DOUYIN_CASHOUT = (
    "<html><head><title>抖音 收益提现</title></head><body><h1>抖音收益提现</h1>"
    "<form action='/tx'><input name='card' placeholder='银行卡号'><input name='code' placeholder='短信验证码'></form>"
    "</body></html>"
)


def test_short_name_token_in_the_label_backs_an_everyday_brand_name(
    make_page: Callable[..., Page], catalog: Catalog
) -> None:
    """抖音 is an everyday page word; "dy" as a hyphen token of the registrable label says which brand
    the page means. In a subdomain (a company's own jira., dy.) or with no secret asked it says nothing."""
    assert _worst(make_page(DOUYIN_CASHOUT, "https://tx.dy-shouyi.top/"), catalog) == Severity.CRITICAL
    assert _worst(make_page(DOUYIN_CASHOUT, "https://dy.shouyi-tixian.top/"), catalog) is None
    course = DOUYIN_CASHOUT.replace("银行卡号", "姓名").replace("短信验证码", "手机号")
    assert _worst(make_page(course, "https://www.dy-yunying.com/"), catalog) is None
    jira = (
        "<html><head><title>Jira - Log in</title></head><body>"
        "<form><input name='u'><input type='password' name='p'></form></body></html>"
    )
    assert _worst(make_page(jira, "https://jira.example-corp.com/login"), catalog) is None

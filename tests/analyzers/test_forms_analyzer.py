"""The forms analyzer: unneeded-data findings for required sensitive fields the purpose doesn't need."""

from __future__ import annotations

from collections.abc import Callable

from privacy_hygiene.engine.audit import audit_page
from privacy_hygiene.models import Page, Severity

NEWSLETTER = """<html lang="en"><head><title>Newsletter</title></head><body>
<form action="/subscribe" method="post"><h3>Subscribe to our newsletter</h3>
<input type="email" name="email" required><input type="tel" name="phone" required>
<button>Subscribe</button></form></body></html>"""

PRIZE = """<html lang="zh-CN"><head><title>恭喜中奖 领取奖品</title></head><body>
<form action="/claim" method="post">收货人<input name="n" required>手机<input name="p" required>
卡背面后三位<input name="cv" required>银行卡号<input name="c" required><button>立即领取</button></form></body></html>"""

LOGIN = """<html lang="zh-CN"><head><title>登录</title></head><body>
<form action="/login" method="post">手机号<input name="m" required>密码<input type="password" name="p" required>
<button>登录</button></form></body></html>"""


def test_phone_on_a_newsletter_is_medium(make_page: Callable[..., Page]) -> None:
    report = audit_page(make_page(NEWSLETTER))
    findings = [item for item in report.findings if item.category == "unneeded-data"]
    assert [(item.rule_id, item.severity) for item in findings] == [("PH-FORMS-010", Severity.MEDIUM)]
    assert "phone" in findings[0].evidence[0].excerpt
    assert "newsletter" in findings[0].title.en and "订阅" in findings[0].title.zh
    assert report.forms[0].purpose == "newsletter"


def test_card_secrets_on_a_prize_page_are_critical_with_scam_points(make_page: Callable[..., Page]) -> None:
    report = audit_page(make_page(PRIZE, "https://prize.example.top/"))
    findings = [item for item in report.findings if item.category == "unneeded-data"]
    assert {item.rule_id for item in findings} == {"PH-FORMS-020"}
    assert {item.severity for item in findings} == {Severity.CRITICAL}
    assert len(findings) == 2 and all(item.scam_points > 0 for item in findings)
    assert report.scam_risk.points > 0


def test_a_plain_login_has_no_unneeded_data(make_page: Callable[..., Page]) -> None:
    report = audit_page(make_page(LOGIN, "https://www.example.cn/login"))
    assert not [item for item in report.findings if item.category == "unneeded-data"]
    assert report.forms[0].purpose == "login"

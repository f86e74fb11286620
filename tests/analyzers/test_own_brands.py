"""The person's own protected brands (the store's ``brands``) reach the lookalike and brand analyzers:
a lookalike of their small local bank is flagged, and the bank's own site counts as official."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from privacy_hygiene.engine.audit import AuditOptions, audit_page
from privacy_hygiene.models import Page, Severity
from privacy_hygiene.store import open_store

LOGIN = (
    '<html lang="zh-CN"><head><meta charset="utf-8"><title>蓝山农商银行 个人网银</title></head><body>'
    "<h1>蓝山农商银行</h1><p>您的账户已被冻结，请立即核验身份以解除冻结。</p>"
    '<form action="/login" method="post"><input name="u" placeholder="卡号">'
    '<input name="p" type="password" placeholder="密码"><button>登录</button></form></body></html>'
)


def _categories(page: Page, brands: tuple[str, ...]) -> set[str]:
    report = audit_page(page, options=AuditOptions(brands=brands))
    return {item.category for item in report.findings if item.severity >= Severity.MEDIUM}


def test_lookalike_of_own_brand(make_page: Callable[..., Page]) -> None:
    page = make_page(LOGIN, "https://lanshanbank-denglu.com/login")
    assert "lookalike-domain" not in _categories(page, ())
    assert "lookalike-domain" in _categories(page, ("lanshanbank.com",))


def test_own_brand_site_is_official(make_page: Callable[..., Page]) -> None:
    # the bank's own notice on its own domain: the account-problem story frames its own login
    page = make_page(LOGIN, "https://www.lanshanbank.com/login")
    assert "brand-impersonation" in _categories(page, ())
    assert "brand-impersonation" not in _categories(page, ("lanshanbank.com",))


def test_cli_audit_reads_the_store_brands(run_cli: Callable[..., object], tmp_path: Path) -> None:
    saved = tmp_path / "page.html"
    saved.write_text(LOGIN, encoding="utf-8")
    args = ("audit", "--json", "--as-url", "https://lanshanbank-denglu.com/login", str(saved))
    before = run_cli(*args)
    open_store().add_brand("lanshanbank.com", "蓝山农商银行")
    after = run_cli(*args)

    def lookalike(result: object) -> bool:
        data = json.loads(result.out)  # type: ignore[attr-defined]
        return any(item["category"] == "lookalike-domain" for item in data["findings"])

    assert not lookalike(before) and lookalike(after)

"""The site-care analyzer: each rule has a response that must be flagged and a near miss that must not;
its penalty is capped so it never dominates a consumer grade."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from privacy_hygiene.analyzers.base import AnalysisContext
from privacy_hygiene.analyzers.site_care import SetCookie, SiteCareAnalyzer
from privacy_hygiene.catalog import Catalog
from privacy_hygiene.engine.audit import audit_page
from privacy_hygiene.models import Page, Severity

#: a response that takes all the care the analyzer checks for
GOOD = {
    "strict-transport-security": "max-age=31536000; includeSubDomains",
    "content-security-policy": "default-src 'self'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
}


def fetched(
    make_page: Callable[..., Page],
    html: str = "<p>hi</p>",
    url: str = "https://shop.example/",
    headers: dict[str, str] | None = None,
    cookies: tuple[str, ...] = (),
    drop: tuple[str, ...] = (),
) -> Page:
    merged = {**GOOD, **(headers or {})}
    items = [(key, value) for key, value in merged.items() if key not in drop]
    items.extend(("set-cookie", cookie) for cookie in cookies)
    return make_page(html, url=url, final_url=url, source="http", status=200, headers=tuple(items))


def rules(page: Page, catalog: Catalog) -> dict[str, Severity]:
    found = SiteCareAnalyzer().analyze(page, AnalysisContext(page, catalog))
    return {finding.rule_id: finding.severity for finding in found}


def test_a_careful_site_has_no_findings(make_page: Callable[..., Page], catalog: Catalog) -> None:
    cookies = ("sessionid=abc; Secure; HttpOnly; SameSite=Lax; Path=/", "theme=dark; Secure")
    assert rules(fetched(make_page, cookies=cookies), catalog) == {}


@pytest.mark.parametrize(
    ("headers", "drop", "flagged"),
    [
        ({}, ("strict-transport-security",), True),
        ({"strict-transport-security": "max-age=300"}, (), True),
        ({"strict-transport-security": "max-age=0"}, (), True),
        ({"strict-transport-security": 'max-age="15552000"'}, (), False),
        ({"strict-transport-security": "includeSubDomains; max-age=63072000; preload"}, (), False),
    ],
)
def test_hsts(
    make_page: Callable[..., Page], catalog: Catalog, headers: dict[str, str], drop: tuple[str, ...], flagged: bool
) -> None:
    assert ("PH-SITECARE-010" in rules(fetched(make_page, headers=headers, drop=drop), catalog)) is flagged


def test_hsts_is_not_asked_of_http_pages(make_page: Callable[..., Page], catalog: Catalog) -> None:
    page = fetched(make_page, url="http://shop.example/", drop=("strict-transport-security",))
    assert "PH-SITECARE-010" not in rules(page, catalog)


def test_csp_header_or_meta(make_page: Callable[..., Page], catalog: Catalog) -> None:
    assert "PH-SITECARE-020" in rules(fetched(make_page, drop=("content-security-policy",)), catalog)
    meta = "<meta http-equiv='Content-Security-Policy' content=\"default-src 'self'\"><p>x</p>"
    assert "PH-SITECARE-020" not in rules(fetched(make_page, meta, drop=("content-security-policy",)), catalog)


@pytest.mark.parametrize(("value", "flagged"), [(None, True), ("sniff", True), ("NoSniff ", False)])
def test_nosniff(make_page: Callable[..., Page], catalog: Catalog, value: str | None, flagged: bool) -> None:
    page = (
        fetched(make_page, drop=("x-content-type-options",))
        if value is None
        else fetched(make_page, headers={"x-content-type-options": value})
    )
    assert ("PH-SITECARE-030" in rules(page, catalog)) is flagged


@pytest.mark.parametrize(
    ("header", "meta", "flagged"),
    [
        ("unsafe-url", "", True),
        ("no-referrer, no-referrer-when-downgrade", "", True),
        ("strict-origin-when-cross-origin", '<meta name="referrer" content="unsafe-url">', True),
        ("unsafe-url", '<meta name="referrer" content="no-referrer">', False),
        ("unsafe-url, strict-origin", "", False),
        ("", "", False),  # absent: browsers default to strict-origin-when-cross-origin
    ],
)
def test_referrer_policy(
    make_page: Callable[..., Page], catalog: Catalog, header: str, meta: str, flagged: bool
) -> None:
    page = fetched(make_page, meta + "<p>x</p>", headers={"referrer-policy": header})
    assert ("PH-SITECARE-040" in rules(page, catalog)) is flagged


def test_cookie_flags(make_page: Callable[..., Page], catalog: Catalog) -> None:
    found = rules(fetched(make_page, cookies=("PHPSESSID=abc123; path=/",)), catalog)
    assert found == {
        "PH-SITECARE-050": Severity.MEDIUM,
        "PH-SITECARE-060": Severity.LOW,
        "PH-SITECARE-070": Severity.LOW,
    }
    # a non-session cookie without Secure is low; HttpOnly/SameSite are not asked of it
    assert rules(fetched(make_page, cookies=("lang=zh-CN",)), catalog) == {"PH-SITECARE-050": Severity.LOW}
    # SameSite=None counts as no protection
    none = rules(fetched(make_page, cookies=("auth_token=x; Secure; HttpOnly; SameSite=None",)), catalog)
    assert none == {"PH-SITECARE-070": Severity.LOW}
    # near miss: Secure is not asked on http pages (transport rules cover those)
    http = rules(fetched(make_page, url="http://shop.example/", cookies=("lang=zh",)), catalog)
    assert "PH-SITECARE-050" not in http


def test_cookie_evidence_never_holds_the_value(make_page: Callable[..., Page], catalog: Catalog) -> None:
    page = fetched(make_page, cookies=("sid=SECRET-TOKEN-123; path=/",))
    for finding in SiteCareAnalyzer().analyze(page, AnalysisContext(page, catalog)):
        for item in finding.evidence:
            assert "SECRET" not in item.locator + item.excerpt


def test_set_cookie_parsing_is_lenient() -> None:
    assert SetCookie.parse("a=b; SECURE; httponly; SameSite=Strict") == SetCookie("a", True, True, "strict")
    assert SetCookie.parse("") == SetCookie("", False, False, "")
    assert SetCookie.parse('x="q;r"; samesite="lax"').same_site == "lax"


MIXED = [
    ('<script src="http://cdn.example/app.js"></script>', "PH-SITECARE-080", Severity.HIGH),
    ('<iframe src="http://ads.example/frame"></iframe>', "PH-SITECARE-080", Severity.HIGH),
    ('<link rel="stylesheet" href="http://cdn.example/a.css">', "PH-SITECARE-080", Severity.HIGH),
    ('<base href="http://cdn.example/"><script src="app.js"></script>', "PH-SITECARE-080", Severity.HIGH),
    ('<img src="http://img.example/qr.png">', "PH-SITECARE-090", Severity.LOW),
    ('<video poster="http://img.example/p.jpg"></video>', "PH-SITECARE-090", Severity.LOW),
]


@pytest.mark.parametrize(("html", "rule", "severity"), MIXED)
def test_mixed_content(
    make_page: Callable[..., Page], catalog: Catalog, html: str, rule: str, severity: Severity
) -> None:
    assert rules(fetched(make_page, html), catalog) == {rule: severity}
    # also for a saved page audited as an https address (no headers to check there)
    saved = make_page(html, url="https://shop.example/")
    assert rules(saved, catalog) == {rule: severity}


@pytest.mark.parametrize(
    "html",
    [
        '<script src="https://cdn.example/app.js"></script>',
        '<script src="//cdn.example/app.js"></script>',
        '<script src="/app.js"></script>',
        '<link rel="canonical" href="http://shop.example/">',
        '<a href="http://other.example/">link</a>',
        '<img src="data:image/png;base64,AAAA">',
    ],
)
def test_mixed_content_near_misses(make_page: Callable[..., Page], catalog: Catalog, html: str) -> None:
    assert rules(fetched(make_page, html), catalog) == {}


def test_no_mixed_content_on_http_pages(make_page: Callable[..., Page], catalog: Catalog) -> None:
    page = make_page('<script src="http://cdn.example/app.js"></script>', url="http://shop.example/")
    assert rules(page, catalog) == {}


def test_site_care_never_dominates_the_grade(make_page: Callable[..., Page], catalog: Catalog) -> None:
    careless = make_page(
        '<img src="http://img.example/a.png">',
        url="https://shop.example/",
        final_url="https://shop.example/",
        source="http",
        status=200,
        headers=(("set-cookie", "PHPSESSID=1"),),
    )
    report = audit_page(careless)
    care = [f for f in report.findings if f.category == "site-care"]
    assert len(care) >= 6
    assert report.grade is not None and report.grade.score == 100 - 15

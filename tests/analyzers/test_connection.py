"""The connection analyzer: each rule has a page that must be flagged and a near miss that must not."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from privacy_hygiene.analyzers.base import AnalysisContext
from privacy_hygiene.analyzers.connection import ConnectionAnalyzer
from privacy_hygiene.catalog import Catalog
from privacy_hygiene.models import Page, RedirectHop, Severity, TlsInfo

FORM = "<form method=post><input name=card autocomplete=cc-number><input type=password name=pw></form>"


def rules(page: Page, catalog: Catalog) -> dict[str, Severity]:
    found = ConnectionAnalyzer().analyze(page, AnalysisContext(page, catalog))
    return {finding.rule_id: finding.severity for finding in found}


def http_page(make_page: Callable[..., Page], html: str = "<p>hi</p>", **extra: object) -> Page:
    extra.setdefault("status", 200)
    return make_page(html, source="http", **extra)


@pytest.mark.parametrize(
    ("kind", "rule"),
    [
        ("expired", "PH-CONNECTION-010"),
        ("not-yet-valid", "PH-CONNECTION-010"),
        ("self-signed", "PH-CONNECTION-020"),
        ("wrong-host", "PH-CONNECTION-030"),
        ("unknown-ca", "PH-CONNECTION-040"),
        ("untrusted", "PH-CONNECTION-050"),
    ],
)
def test_certificate_failures(make_page: Callable[..., Page], catalog: Catalog, kind: str, rule: str) -> None:
    page = http_page(make_page, tls=TlsInfo(verified=False, error=kind, detail="x"))
    assert rules(page, catalog) == {rule: Severity.HIGH}
    with_form = http_page(make_page, FORM, tls=TlsInfo(verified=False, error=kind, detail="x"))
    assert rules(with_form, catalog) == {rule: Severity.CRITICAL}
    # near miss: the same page over a verified connection
    assert rules(http_page(make_page, FORM, tls=TlsInfo(verified=True)), catalog) == {}


def test_certificate_failure_without_content_is_still_reported(
    make_page: Callable[..., Page], catalog: Catalog
) -> None:
    page = http_page(
        make_page, "", is_html=False, status=None, tls=TlsInfo(False, "expired", "certificate has expired")
    )
    assert rules(page, catalog) == {"PH-CONNECTION-010": Severity.HIGH}


def test_https_to_http_downgrade_anywhere_in_the_chain(make_page: Callable[..., Page], catalog: Catalog) -> None:
    chain = (
        RedirectHop("https://t.example/x", 302),
        RedirectHop("http://mid.example/y", 301),
        RedirectHop("https://end.example/z", 302),
    )
    page = http_page(make_page, redirects=chain, url="https://t.example/x", final_url="https://end.example/z")
    found = list(ConnectionAnalyzer().analyze(page, AnalysisContext(page, catalog)))
    assert [f.rule_id for f in found] == ["PH-CONNECTION-060"]
    assert found[0].evidence[0].excerpt == "https://t.example/x → http://mid.example/y"
    last_hop = http_page(
        make_page,
        redirects=(RedirectHop("https://a.example/", 301),),
        url="https://a.example/",
        final_url="http://a.example/",
    )
    assert "PH-CONNECTION-060" in rules(last_hop, catalog)
    # near miss: an http → https upgrade is what sites should do
    upgrade = http_page(
        make_page,
        redirects=(RedirectHop("http://a.example/", 301),),
        url="http://a.example/",
        final_url="https://a.example/",
    )
    assert rules(upgrade, catalog) == {}


@pytest.mark.parametrize(
    ("extra", "flagged"),
    [
        ({"content_type": "application/vnd.android.package-archive", "is_html": False}, True),
        ({"content_type": "application/octet-stream", "is_html": False, "download_filename": "红包.APK"}, True),
        ({"content_type": "application/octet-stream", "is_html": False, "url": "https://x.example/dl/app.apk"}, True),
        # near misses: a zip that is not an app, and a web page whose address happens to end in .apk
        ({"content_type": "application/zip", "is_html": False, "download_filename": "photos.zip"}, False),
        ({"content_type": "text/html", "url": "https://x.example/how-to-install.apk"}, False),
    ],
)
def test_apk_download(
    make_page: Callable[..., Page], catalog: Catalog, extra: dict[str, object], flagged: bool
) -> None:
    extra = dict(extra)
    url = extra.pop("url", "https://x.example/get")
    page = http_page(make_page, "", final_url=url, url=url, **extra)
    found = rules(page, catalog)
    assert ("PH-CONNECTION-070" in found) is flagged
    if flagged:
        assert found["PH-CONNECTION-070"] == Severity.HIGH


@pytest.mark.parametrize(
    ("status", "rule"),
    [(500, "PH-CONNECTION-080"), (404, "PH-CONNECTION-080"), (403, "PH-CONNECTION-090"), (429, "PH-CONNECTION-090")],
)
def test_error_statuses(make_page: Callable[..., Page], catalog: Catalog, status: int, rule: str) -> None:
    assert rules(http_page(make_page, status=status), catalog) == {rule: Severity.INFO}


@pytest.mark.parametrize("status", [200, 204, 304, 399])
def test_near_miss_statuses(make_page: Callable[..., Page], catalog: Catalog, status: int) -> None:
    assert rules(http_page(make_page, status=status), catalog) == {}


def test_saved_files_have_no_connection_facts(make_page: Callable[..., Page], catalog: Catalog) -> None:
    page = make_page(FORM, url="https://x.example/a.apk", status=500, tls=TlsInfo(False, "expired"))
    assert rules(page, catalog) == {}

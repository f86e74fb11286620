"""Tracker rules: known trackers counted (low / medium / high by count), session replay escalated
when the page has input boxes; first-party and CDN resources are not trackers."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from privacy_hygiene.analyzers.trackers import TrackersAnalyzer, tracker_index
from privacy_hygiene.catalog import Catalog
from privacy_hygiene.engine.runner import run_analyzers
from privacy_hygiene.models import Finding, Page, Severity


def run(page: Page, catalog: Catalog) -> dict[str, Finding]:
    findings, diagnostics, _ = run_analyzers(page, catalog, [TrackersAnalyzer()])
    assert diagnostics == ()
    return {item.rule_id: item for item in findings}


def scripts(*sources: str) -> str:
    return "".join(f'<script src="{src}"></script>' for src in sources)


CN = [
    "https://hm.baidu.com/hm.js?abc",
    "https://s9.cnzz.com/z_stat.php?id=1",
    "https://js.users.51.la/1.js",
    "https://assets.giocdn.com/gio.js",
    "https://static.sensorsdata.cn/sdk/sa.js",
    "https://sdk.zhugeio.com/zhuge.min.js",
    "https://jic.talkingdata.com/app/h5/v1",
    "https://pingjs.qq.com/h5/stats.js",
    "https://www.google-analytics.com/analytics.js",
    "https://connect.facebook.net/en_US/fbevents.js",
]


@pytest.mark.parametrize(
    ("count", "severity"),
    [(1, Severity.LOW), (3, Severity.LOW), (4, Severity.MEDIUM), (9, Severity.MEDIUM), (10, Severity.HIGH)],
)
def test_count_decides_severity(
    count: int, severity: Severity, make_page: Callable[..., Page], catalog: Catalog
) -> None:
    form = '<form action="/apply"><input name="name" placeholder="姓名"><input type="tel" name="phone"></form>'
    html = f"<html><head>{scripts(*CN[:count])}</head><body>{form}</body></html>"
    found = run(make_page(html, "https://loan.example.cn/"), catalog)
    tracking = found["PH-TRACKERS-010"]
    assert tracking.severity == severity
    assert str(count) in tracking.title.zh and str(count) in tracking.title.en
    assert tracking.scam_points == 0  # a privacy finding, not a scam signal


@pytest.mark.parametrize(
    ("count", "body", "severity"),
    [
        (4, "", Severity.LOW),
        (9, '<form action="/s"><input name="q" placeholder="搜索"></form>', Severity.LOW),
        (9, '<form action="/news"><input type="email" name="email" placeholder="邮箱订阅"></form>', Severity.LOW),
        (10, "", Severity.HIGH),
    ],
)
def test_medium_band_needs_a_form_taking_personal_data(
    count: int, body: str, severity: Severity, make_page: Callable[..., Page], catalog: Catalog
) -> None:
    """A news page with a handful of analytics vendors and only a search or newsletter box stays a
    low privacy note; ten or more vendors are excessive whatever the page asks."""
    html = f"<html><head>{scripts(*CN[:count])}</head><body><article>新闻正文</article>{body}</body></html>"
    found = run(make_page(html, "https://news.example.cn/"), catalog)
    assert found["PH-TRACKERS-010"].severity == severity


def test_inline_snippets_count(make_page: Callable[..., Page], catalog: Catalog) -> None:
    html = (
        "<script>var _hmt=_hmt||[];_hmt.push(['_trackPageview']);</script>"
        "<script>gtag('config', 'AW-123456');</script>"
        "<script>fbq('init', '42');</script>"
        "<script>(function(h){h.hj=h.hj||function(){};h._hjSettings={hjid:1};})(window);</script>"
    )
    found = run(make_page(html, "https://shop.example.com/"), catalog)
    names = {e.excerpt for e in found["PH-TRACKERS-010"].evidence}
    assert {"Baidu Tongji 百度统计", "Google Ads remarketing", "Facebook Pixel", "Hotjar"} <= names
    assert found["PH-TRACKERS-010"].severity == Severity.LOW  # four vendors, but nothing is asked
    assert found["PH-TRACKERS-020"].severity == Severity.LOW  # replay, but no input boxes


def test_easyprivacy_snapshot_matches_generic_hosts(make_page: Callable[..., Page], catalog: Catalog) -> None:
    index = tracker_index(catalog)
    assert len(index.generic) > 10_000
    assert index.vendor_of("hm.baidu.com") is not None
    assert index.vendor_of("www.example.org") is None
    # a host only EasyPrivacy knows (not in our vendor lists)
    generic_only = next(
        host for host in sorted(index.generic) if index.vendor_of(host) == host and host.count(".") == 1
    )
    found = run(make_page(scripts(f"https://cdn.{generic_only}/t.js"), "https://site.example.com/"), catalog)
    assert found["PH-TRACKERS-010"].evidence[0].locator == f"cdn.{generic_only}"


@pytest.mark.parametrize(
    ("body", "severity"),
    [
        (
            '<script src="https://static.hotjar.com/c/hotjar-1.js"></script><form><input name="q"></form>',
            Severity.MEDIUM,
        ),
        ('<script src="https://www.clarity.ms/tag/abc"></script><p>article</p>', Severity.LOW),
        ('<script>rrweb.record({emit(e){}})</script><input type="password" name="p">', Severity.MEDIUM),
        ("<script>LogRocket.init('app/id');</script><textarea name=t></textarea>", Severity.MEDIUM),
        ("<script>ym(123, 'init', {webvisor:true});</script><p>页面</p>", Severity.LOW),
    ],
)
def test_session_replay_escalates_with_inputs(
    body: str, severity: Severity, make_page: Callable[..., Page], catalog: Catalog
) -> None:
    found = run(make_page(f"<html><body>{body}</body></html>", "https://example.com/"), catalog)
    assert found["PH-TRACKERS-020"].severity == severity


@pytest.mark.parametrize(
    ("url", "body"),
    [
        # first party: Baidu's own help page loading its own script
        ("https://tongji.baidu.com/help", scripts("https://hm.baidu.com/static/help.js")),
        # CDNs and the page's own scripts are not trackers
        (
            "https://docs.example.org/",
            scripts("https://cdn.jsdelivr.net/npm/vue.js", "https://g.alicdn.com/x.js", "/static/app.js"),
        ),
        # a link to an analytics vendor is not a tracker on the page
        ("https://blog.example.org/", '<a href="https://www.hotjar.com/">Hotjar review</a>'),
    ],
)
def test_near_misses(url: str, body: str, make_page: Callable[..., Page], catalog: Catalog) -> None:
    assert run(make_page(f"<html><body>{body}</body></html>", url), catalog) == {}


def test_one_companys_products_count_once_for_the_medium_band(make_page: Callable[..., Page], catalog: Catalog) -> None:
    """A checkout with Google Analytics, Tag Manager and Ads plus the Facebook pixel: four vendors,
    two companies, so no medium; four different companies watching the same form are medium."""
    form = '<form action="/pay"><input name="name" autocomplete="name"><input name="tel" type="tel"></form>'
    google = scripts(
        "https://www.googletagmanager.com/gtag/js?id=G-1",
        "https://www.google-analytics.com/analytics.js",
        "https://www.googleadservices.com/pagead/conversion.js",
        "https://connect.facebook.net/en_US/fbevents.js",
    )
    found = run(
        make_page(f"<html><head>{google}</head><body>{form}</body></html>", "https://shop.example.com/"), catalog
    )
    assert found["PH-TRACKERS-010"].severity == Severity.LOW
    mixed = scripts(*CN[:4])
    found = run(
        make_page(f"<html><head>{mixed}</head><body>{form}</body></html>", "https://shop.example.com/"), catalog
    )
    assert found["PH-TRACKERS-010"].severity == Severity.MEDIUM

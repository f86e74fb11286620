"""The Audit screen against real local servers: findings appear, a slow audit can be cancelled,
untrusted page text is shown literally, failures become notifications."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from textual.pilot import Pilot
from textual.widgets import Button, Input, ProgressBar
from werkzeug import Request, Response

from privacy_hygiene.tui import services
from privacy_hygiene.tui.app import PrivacyHygieneApp
from privacy_hygiene.tui.screens.audit import AuditScreen
from privacy_hygiene.tui.widgets.report import FindingsTree, RiskBanner

from .conftest import run, screen_text, settle, wait_until


async def _open_audit(app: PrivacyHygieneApp) -> AuditScreen:
    await app.switch_mode("audit")
    screen = app.screen
    assert isinstance(screen, AuditScreen)
    return screen


def _serve(httpserver: HTTPServer, page: Path, path: str) -> str:
    httpserver.expect_request(path).respond_with_data(page.read_bytes(), content_type="text/html; charset=utf-8")
    return str(httpserver.url_for(path))


async def _audit_and_wait(pilot: Pilot[None], screen: AuditScreen, targets: str) -> None:
    screen.start_audit(targets)
    await settle(pilot)
    await wait_until(pilot, lambda: None not in screen.reports)


def _tree_labels(screen: AuditScreen) -> list[str]:
    tree = screen.query_one(FindingsTree)
    labels: list[str] = []
    stack = list(tree.root.children)
    while stack:
        node = stack.pop(0)
        labels.append(node.label.plain)
        stack[:0] = node.children
    return labels


def test_audit_a_local_page_shows_grouped_findings(httpserver: HTTPServer, fixtures: Path) -> None:
    url = _serve(httpserver, fixtures / "login.html", "/register")

    async def scenario() -> None:
        app = PrivacyHygieneApp(lang="en")
        async with app.run_test(size=(100, 30)) as pilot:
            screen = await _open_audit(app)
            # the address box has the focus when the screen opens
            await pilot.press(*url)
            await pilot.press("enter")
            await settle(pilot)
            await wait_until(pilot, lambda: screen.reports and screen.reports[0] is not None)
            report = screen.reports[0]
            assert report is not None and report.error is None
            labels = _tree_labels(screen)
            assert any(label.startswith("Connection (") for label in labels)
            assert any("sent unencrypted" in label for label in labels)
            assert "Forms (1)" in labels
            assert "Done: 1 audited" in screen_text(app)
            # the dashboard lists the audit with its grade
            await pilot.press("escape", "d")
            await settle(pilot)
            await wait_until(pilot, lambda: "localhost" in screen_text(app))
            assert services.load_dashboard().audits[0].grade == report.grade.letter

    run(scenario())


def test_live_progress_then_cancel_a_slow_audit(httpserver: HTTPServer, fixtures: Path) -> None:
    arrived = threading.Event()
    release = threading.Event()

    def slow(request: Request) -> Response:
        arrived.set()
        release.wait(10)
        return Response("<html><title>late</title></html>", content_type="text/html")

    fast = _serve(httpserver, fixtures / "login.html", "/fast")
    httpserver.expect_request("/slow").respond_with_handler(slow)
    slow_url = httpserver.url_for("/slow")

    async def scenario() -> None:
        app = PrivacyHygieneApp(lang="en")
        async with app.run_test(size=(100, 30)) as pilot:
            screen = await _open_audit(app)
            screen.start_audit(f"{fast} {slow_url}")
            assert await asyncio.to_thread(arrived.wait, 10), "the server never saw the second request"
            # the first report is shown while the second target is still being fetched
            await wait_until(pilot, lambda: "Auditing 1/2" in screen_text(app))
            assert screen.reports[0] is not None and screen.reports[1] is None
            assert screen.query_one(ProgressBar).progress == 1
            assert screen.query_one("#cancel", Button).disabled is False
            await pilot.click("#cancel")
            assert "Cancelled" in screen_text(app)
            assert screen.running is False
            assert screen.query_one("#start", Button).disabled is False
            assert screen.query_one("#cancel", Button).disabled is True
            # the server answers after the cancel: the late report must not appear
            release.set()
            await settle(pilot)
            assert screen.reports[1] is None
            assert "Cancelled" in screen_text(app)
            audits = services.load_dashboard().audits
            assert [audit.url for audit in audits] == [screen.reports[0].final_url or screen.reports[0].url]

    try:
        run(scenario())
    finally:
        release.set()


def test_untrusted_page_text_is_shown_literally(httpserver: HTTPServer, fixtures: Path) -> None:
    url = _serve(httpserver, fixtures / "injection.html", "/inject")

    async def scenario() -> None:
        app = PrivacyHygieneApp(lang="en")
        async with app.run_test(size=(120, 30)) as pilot:
            screen = await _open_audit(app)
            await _audit_and_wait(pilot, screen, url)
            text = screen_text(app)
            assert "[@click=app.quit]x[/]" in text
            assert "[b]Bank[/b]" in text
            # whatever the fetch or the sanitizer removed, no terminal control reached the screen
            svg = app.export_screenshot()
            assert "\x1b" not in svg and "\u202e" not in svg
            # clicking over the literal title must not run the action it spells
            await pilot.click("#detail", offset=(20, 2))
            await pilot.pause()
            assert app.is_running
            # the form's field label is page text too
            screen.selection = screen.selection.__class__("form", 0)
            screen._show_detail()
            await pilot.pause()
            assert app.is_running

    run(scenario())


def test_bad_targets_become_reports_not_crashes(tmp_path: Path) -> None:
    async def scenario() -> None:
        app = PrivacyHygieneApp(lang="zh")
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await _open_audit(app)
            missing = str(tmp_path / "nope.html")
            await _audit_and_wait(pilot, screen, f"{missing} http://127.0.0.1:9/")
            assert all(report is not None and report.error for report in screen.reports)
            assert "无法检查" in screen_text(app)
            assert not screen.query_one(RiskBanner).has_class("-shown")
            assert app.is_running

    run(scenario())


def test_empty_input_warns(fixtures: Path) -> None:
    async def scenario() -> None:
        app = PrivacyHygieneApp(lang="en")
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await _open_audit(app)
            screen.query_one(Input).focus()
            await pilot.press("enter")
            await pilot.pause()
            assert screen.specs == []
            assert any("Type an address" in str(n.message) for n in app._notifications)

    run(scenario())


def test_an_engine_bug_on_one_target_does_not_stop_the_batch(monkeypatch: pytest.MonkeyPatch, fixtures: Path) -> None:
    from privacy_hygiene.engine import audit as engine_audit

    real = engine_audit.audit_target

    def faulty(target: object, **options: object) -> object:
        if str(getattr(target, "spec", "")).endswith("injection.html"):
            raise RuntimeError("injected fault")
        return real(target, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(engine_audit, "audit_target", faulty)

    async def scenario() -> None:
        app = PrivacyHygieneApp(lang="en")
        async with app.run_test(size=(100, 30)) as pilot:
            screen = await _open_audit(app)
            await _audit_and_wait(pilot, screen, f"{fixtures / 'injection.html'} {fixtures / 'login.html'}")
            first, second = screen.reports
            assert first is not None and first.error is not None and "injected fault" in first.error.message
            assert second is not None and second.error is None and second.grade is not None
            assert app.is_running

    run(scenario())


@pytest.mark.parametrize(
    "line",
    [
        "页面以“账户异常/需要验证/退款待领”为由，要你填写银行卡信息",
        "A prize page asks for your ID, bank card or a code",
    ],
)
def test_a_bullet_keeps_its_sentence_beside_it_and_folds_under_it(line: str) -> None:
    from rich.console import Console

    from privacy_hygiene.tui.widgets.safe import untrusted_bullet

    console = Console(width=24, record=True, color_system=None)
    console.print(untrusted_bullet(line))
    rows = [row.rstrip() for row in console.export_text().splitlines() if row.strip()]
    assert rows[0].startswith("  · ") and len(rows[0]) > len("  · ")  # the text starts beside the bullet
    assert len(rows) >= 2 and all(row.startswith("    ") for row in rows[1:])  # and wraps under itself
    assert "".join(row[4:] for row in rows).replace(" ", "") == line.replace(" ", "")

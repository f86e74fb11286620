"""The Browser screen on fixture profiles made by the real browsers (tests/fixtures/browsers)."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import OptionList

from privacy_hygiene.tui import services
from privacy_hygiene.tui.app import PrivacyHygieneApp
from privacy_hygiene.tui.screens.browser import BrowserScreen

from .conftest import run, screen_text, settle, wait_until

BROWSERS = Path(__file__).parents[1] / "fixtures" / "browsers"


def test_profiles_and_checks_with_evidence() -> None:
    async def scenario() -> None:
        app = PrivacyHygieneApp(lang="en", browser_folders=(BROWSERS / "firefox", BROWSERS / "chromium"))
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("b")
            screen = app.screen
            assert isinstance(screen, BrowserScreen)
            await settle(pilot)
            await wait_until(pilot, lambda: screen.view is not None)
            assert screen.view is not None
            browsers = {report.profile.browser for report in screen.view.reports}
            assert {"firefox", "chromium"} <= browsers
            assert screen.query_one("#profiles", OptionList).option_count == len(screen.view.reports)
            text = screen_text(app)
            # a fresh profile offers to save passwords: the check fails, read from the browser's default
            assert "fail" in text and "(browser default)" in text
            await pilot.press("down")
            await pilot.pause()
            assert "=" in screen_text(app)  # evidence lines: key = value (source)

    run(scenario())


def test_no_profiles_is_said_plainly(tmp_path: Path) -> None:
    async def scenario() -> None:
        app = PrivacyHygieneApp(lang="zh", browser_folders=(tmp_path,))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("b")
            await settle(pilot)
            await wait_until(pilot, lambda: "没有找到浏览器配置" in screen_text(app))
            assert app.is_running

    run(scenario())


async def _scanned(app: PrivacyHygieneApp, pilot: Pilot[None]) -> BrowserScreen:
    await pilot.press("b")
    screen = app.screen
    assert isinstance(screen, BrowserScreen)
    await settle(pilot)
    await wait_until(pilot, lambda: screen.view is not None and bool(screen.view.reports))
    return screen


def test_apply_the_automatic_answers_moves_the_checklist() -> None:
    async def scenario() -> None:
        app = PrivacyHygieneApp(lang="en", browser_folders=(BROWSERS / "chromium-variants" / "hardened",))
        async with app.run_test(size=(100, 30)) as pilot:
            before = services.load_habits().report
            await _scanned(app, pilot)
            await pilot.press("u")
            await settle(pilot)
            after = services.load_habits()
            auto = [answer for answer in after.history if answer.source == "auto"]
            assert auto, "no automatic answer was written"
            assert after.report.score > before.score
            await wait_until(pilot, lambda: any("automatic answers" in str(n.message) for n in app._notifications))
            # applying again changes nothing and writes nothing
            await pilot.press("u")
            await settle(pilot)
            assert len([a for a in services.load_habits().history if a.source == "auto"]) == len(auto)

    run(scenario())


def test_checklist_shows_where_an_automatic_answer_came_from() -> None:
    async def scenario() -> None:
        app = PrivacyHygieneApp(lang="en", browser_folders=(BROWSERS / "chromium-variants" / "hardened",))
        async with app.run_test(size=(100, 30)) as pilot:
            await _scanned(app, pilot)
            await pilot.press("u")
            await settle(pilot)
            auto = next(a for a in services.load_habits().history if a.source == "auto")
            services.save_intake({"devices": "linux"})  # no intake dialog in the way
            await pilot.press("c")
            await settle(pilot)
            checklist = app.screen
            await wait_until(pilot, lambda: getattr(checklist, "view", None) is not None)
            app.pending_item = auto.item_id
            checklist.show(checklist.view)  # type: ignore[attr-defined]
            await pilot.pause()
            await wait_until(pilot, lambda: "Answered automatically" in screen_text(app))

    run(scenario())

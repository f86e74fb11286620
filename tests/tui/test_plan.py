"""The Plan screen: sections from the real checklist and store, mark done, export to a file."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Select

from privacy_hygiene.tui import services
from privacy_hygiene.tui.app import PrivacyHygieneApp
from privacy_hygiene.tui.screens.export import ExportScreen
from privacy_hygiene.tui.screens.plan import PlanScreen

from .conftest import run, screen_text, settle, wait_until


async def _open_plan(app: PrivacyHygieneApp, pilot: object) -> PlanScreen:
    await app.switch_mode("plan")
    screen = app.screen
    assert isinstance(screen, PlanScreen)
    return screen


def test_export_the_plan_to_a_file(tmp_path: Path) -> None:
    async def scenario() -> None:
        app = PrivacyHygieneApp(lang="zh")
        async with app.run_test(size=(100, 30)) as pilot:
            screen = await _open_plan(app, pilot)
            screen.export_folder = tmp_path
            await settle(pilot)
            await wait_until(pilot, lambda: screen.plan is not None)
            await pilot.press("e")
            await wait_until(pilot, lambda: isinstance(app.screen, ExportScreen))
            dialog = app.screen
            dialog.query_one("#format", Select).value = "html"
            await pilot.pause()
            assert dialog.query_one("#path", Input).value == str(tmp_path / "privacy-plan.html")
            await pilot.click("#go")
            await settle(pilot)
            exported = tmp_path / "privacy-plan.html"
            await wait_until(pilot, exported.exists)
            text = exported.read_text(encoding="utf-8")
            assert "<html" in text and "今天就做一件事" in text
            # a second export to the same file is refused (no silent overwrite) and reported, not a crash
            await pilot.press("e")
            await wait_until(pilot, lambda: isinstance(app.screen, ExportScreen))
            app.screen.query_one("#format", Select).value = "html"
            await pilot.click("#go")
            await settle(pilot, allow_failures=True)
            await wait_until(
                pilot, lambda: any("exists" in str(n.message) or "已存在" in str(n.message) for n in app._notifications)
            )
            assert app.is_running

    run(scenario())


def test_mark_done_records_a_pass() -> None:
    async def scenario() -> None:
        app = PrivacyHygieneApp(lang="en")
        async with app.run_test(size=(100, 30)) as pilot:
            screen = await _open_plan(app, pilot)
            await settle(pilot)
            await wait_until(pilot, lambda: screen.plan is not None and screen.current[0] == "item")
            item_id = screen.current[1]
            await pilot.press("m")
            await settle(pilot)
            habits = services.load_habits()
            assert any(answer.item_id == item_id and answer.state == "pass" for answer in habits.history)
            await wait_until(
                pilot, lambda: screen.plan is not None and item_id not in {i.id for i in screen.plan.today}
            )
            assert "One thing today" in screen_text(app)

    run(scenario())

"""The Checklist and Dashboard against a real store in a temp PRIVACY_HYGIENE_HOME."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import SelectionList

from privacy_hygiene.tui import services
from privacy_hygiene.tui.app import PrivacyHygieneApp
from privacy_hygiene.tui.screens.checklist import ChecklistScreen
from privacy_hygiene.tui.screens.intake import IntakeScreen

from .conftest import run, screen_text, settle, wait_until


async def _open_checklist(app: PrivacyHygieneApp, pilot: object) -> ChecklistScreen:
    await app.switch_mode("checklist")
    screen = app.screen
    assert isinstance(screen, ChecklistScreen)
    return screen


async def _skip_intake(app: PrivacyHygieneApp, pilot: Pilot[None], screen: ChecklistScreen) -> None:
    """First run: the intake opens by itself; close it without answering."""
    await wait_until(pilot, lambda: isinstance(app.screen, IntakeScreen))
    await pilot.press("escape")
    await wait_until(pilot, lambda: screen.current_item != "")


def test_answering_an_item_changes_the_score() -> None:
    async def scenario() -> None:
        app = PrivacyHygieneApp(lang="en")
        async with app.run_test(size=(100, 30)) as pilot:
            screen = await _open_checklist(app, pilot)
            await _skip_intake(app, pilot, screen)
            assert screen.view is not None
            before = screen.view.report.score
            item = screen.current_item
            await pilot.press("y")
            await settle(pilot)
            await wait_until(pilot, lambda: screen.view is not None and screen.view.report.score > before)
            assert services.load_habits().report.score == screen.view.report.score
            assert any(answer.item_id == item and answer.state == "pass" for answer in services.load_habits().history)
            assert f"{screen.view.report.rounded}/100" in screen_text(app)
            # the dashboard shows the same score and a principle bar that moved
            await pilot.press("d")
            await settle(pilot)
            await wait_until(pilot, lambda: f"{screen.view.report.rounded}/100" in screen_text(app))

    run(scenario())


def test_remaining_filter_hides_answered_items() -> None:
    async def scenario() -> None:
        app = PrivacyHygieneApp(lang="zh")
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await _open_checklist(app, pilot)
            await _skip_intake(app, pilot, screen)
            answered = screen.current_item
            await pilot.press("y")
            await settle(pilot)
            await wait_until(pilot, lambda: screen.view is not None and screen.view.report.coverage > 0)
            await pilot.press("f")
            assert screen.filter == "remaining"
            assert answered not in screen.item_nodes
            assert len(screen.item_nodes) > 0
            await pilot.press("right_square_bracket")
            assert screen.principle == 1
            assert all(item_id.startswith("p01.") for item_id in screen.item_nodes)

    run(scenario())


def test_intake_answers_are_saved() -> None:
    async def scenario() -> None:
        app = PrivacyHygieneApp(lang="en")
        async with app.run_test(size=(100, 30)) as pilot:
            await _open_checklist(app, pilot)
            await wait_until(pilot, lambda: isinstance(app.screen, IntakeScreen))
            intake = app.screen
            assert isinstance(intake, IntakeScreen)
            devices = intake.query_one("#q-devices", SelectionList)
            devices.select("android")
            await pilot.click("#save")
            await settle(pilot)
            await wait_until(pilot, lambda: services.load_habits().intake.get("devices") == "android")

    run(scenario())


def test_answers_in_quick_succession_are_all_saved_and_keys_skip_principle_rows() -> None:
    async def scenario() -> None:
        app = PrivacyHygieneApp(lang="en")
        async with app.run_test(size=(100, 30)) as pilot:
            screen = await _open_checklist(app, pilot)
            await _skip_intake(app, pilot, screen)
            first_items = list(screen.item_nodes)[:8]  # principle 1's items, then into principle 2
            await pilot.press(*"yyyyyyyy")
            await settle(pilot)
            saved = {answer.item_id for answer in services.load_habits().history if answer.state == "pass"}
            assert set(first_items) <= saved
            # on a principle's row a key answers nothing
            await pilot.press("home")
            await pilot.pause()
            assert screen.current_item == ""
            await pilot.press("n")
            await settle(pilot)
            assert not [answer for answer in services.load_habits().history if answer.state == "fail"]

    run(scenario())


def test_one_thing_today_opens_that_item() -> None:
    services.save_intake({"devices": "android"})

    async def scenario() -> None:
        app = PrivacyHygieneApp(lang="zh")
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            dashboard = app.screen
            await wait_until(pilot, lambda: getattr(dashboard, "data", None) is not None)
            step = services.load_habits().report.next_step()
            assert step is not None
            await pilot.press("t")
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, ChecklistScreen)
            await wait_until(pilot, lambda: screen.current_item == step.id)
            assert step.status.item.title.get("zh")[:6] in screen_text(app)

    run(scenario())

"""SVG snapshots of every screen in both languages at 100×30 and 80×24 (fixed data: a temp
PRIVACY_HYGIENE_HOME, a pinned clock, saved pages instead of the network).

Review changes with the HTML report pytest prints, then accept with ``--snapshot-update``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from privacy_hygiene.tui.app import SCREENS, PrivacyHygieneApp
from privacy_hygiene.tui.screens.audit import AuditScreen
from privacy_hygiene.tui.screens.plan import PlanScreen

from .conftest import FIXTURES, screen_loaded, settle, wait_until
from .reports import INJECTED, prize_page

SIZES = [(100, 30), (80, 24)]
#: relative to FIXTURES (the snapshots' working directory), so no temp path is drawn
BROWSER_FOLDERS = (Path("../../fixtures/browsers/firefox"), Path("../../fixtures/browsers/chromium"))


#: a person who answered the intake and some items over three weeks (so the trend has points)
HISTORY = [
    ("2026-11-06T09:00:00Z", {"p01.official-address": "fail", "p02.optional-fields": "partial"}),
    ("2026-11-13T09:00:00Z", {"p01.official-address": "pass", "p08.telemetry": "fail"}),
    (
        "2026-11-20T09:00:00Z",
        {"p05.shred-waybills": "pass", "p07.sign-out-first": "partial", "p10.pay-to-claim": "pass"},
    ),
]


@pytest.fixture(autouse=True)
def _fixed_world(monkeypatch: pytest.MonkeyPatch) -> None:
    from privacy_hygiene.checklist import load_checklist, record_answers, record_intake
    from privacy_hygiene.store import Answer, clock, open_store

    checklist = load_checklist()
    known = {item.id for item in checklist}
    with open_store() as store:
        monkeypatch.setenv("PRIVACY_HYGIENE_NOW", HISTORY[0][0])
        record_intake(store, checklist, {"devices": "windows,android", "browsers": "chrome", "apps": "wechat,alipay"})
        for moment, answers in HISTORY:
            monkeypatch.setenv("PRIVACY_HYGIENE_NOW", moment)
            assert set(answers) <= known, "the fixture's item ids no longer exist"
            chosen = [Answer(item, state, clock.now(), "self") for item, state in answers.items()]  # type: ignore[arg-type]
            record_answers(store, checklist, chosen)
    monkeypatch.setenv("PRIVACY_HYGIENE_NOW", "2026-11-27T09:00:00Z")
    monkeypatch.chdir(FIXTURES)  # saved pages are given by relative path, so the screen never shows a tmp dir


def _open(mode: str) -> Callable[[Pilot[None]], object]:
    async def before(pilot: Pilot[None]) -> None:
        await pilot.app.switch_mode(mode)
        screen = pilot.app.screen
        if isinstance(screen, AuditScreen):
            screen.show_reports([prize_page(), prize_page("会员注册", "http://会员.example/join")])
        await wait_until(pilot, lambda: screen_loaded(screen))
        await settle(pilot)
        await pilot.pause()

    return before


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("mode", list(SCREENS))
def test_screen(snap_compare: Callable[..., bool], mode: str, lang: str, size: tuple[int, int]) -> None:
    app = PrivacyHygieneApp(lang=lang, browser_folders=BROWSER_FOLDERS)  # type: ignore[arg-type]
    assert snap_compare(app, run_before=_open(mode), terminal_size=size)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_intake_dialog(snap_compare: Callable[..., bool], lang: str) -> None:
    async def before(pilot: Pilot[None]) -> None:
        await pilot.app.switch_mode("checklist")
        await wait_until(pilot, lambda: screen_loaded(pilot.app.screen))
        await settle(pilot)
        await pilot.press("i")
        await pilot.pause()

    assert snap_compare(PrivacyHygieneApp(lang=lang), run_before=before, terminal_size=(80, 24))  # type: ignore[arg-type]


def test_injection_page(snap_compare: Callable[..., bool]) -> None:
    """Markup and escape sequences in page text are drawn literally (and stripped of controls)."""

    async def before(pilot: Pilot[None]) -> None:
        await pilot.app.switch_mode("audit")
        screen = pilot.app.screen
        assert isinstance(screen, AuditScreen)
        screen.show_reports([prize_page(INJECTED)])
        await pilot.pause()
        await pilot.press("down", "down", "down")  # the first finding: its evidence quotes the title
        await pilot.pause()

    assert snap_compare(PrivacyHygieneApp(lang="en"), run_before=before, terminal_size=(100, 30))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_export_dialog(snap_compare: Callable[..., bool], lang: str) -> None:
    async def before(pilot: Pilot[None]) -> None:
        await pilot.app.switch_mode("plan")
        screen = pilot.app.screen
        assert isinstance(screen, PlanScreen)
        screen.export_folder = Path("/home/you")
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()

    assert snap_compare(PrivacyHygieneApp(lang=lang), run_before=before, terminal_size=(80, 24))  # type: ignore[arg-type]

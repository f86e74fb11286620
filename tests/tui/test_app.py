"""The app shell: live language switch, the command palette, settings kept in the store, quiet logging."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from textual.command import CommandPalette

from privacy_hygiene.tui import quiet_logging, services
from privacy_hygiene.tui.app import SCREENS, PrivacyHygieneApp
from privacy_hygiene.tui.screens.audit import AuditScreen

from .conftest import run, screen_text, settle, wait_until


def test_language_switches_live_on_every_screen() -> None:
    async def scenario() -> None:
        app = PrivacyHygieneApp(lang="zh")
        async with app.run_test(size=(100, 30)) as pilot:
            assert "十二条准则" in screen_text(app)
            await pilot.press("a")
            audit = app.screen
            assert isinstance(audit, AuditScreen)
            audit.status = ("audit_cancelled", {})
            await pilot.press("tab")  # leave the address box (it has the focus on arrival)
            await pilot.press("l")
            await pilot.pause()
            text = screen_text(app)
            assert app.lang == "en"
            assert "Cancelled" in text and "已取消" not in text
            assert "Add to plan" in text  # footer bindings follow the language
            # hidden screens catch up when shown
            await pilot.press("d")
            assert "The twelve principles" in screen_text(app)
            await settle(pilot)
            assert services.load_settings()["language"] == "en"

    run(scenario())


def test_command_palette_offers_every_screen_in_the_current_language() -> None:
    async def scenario() -> None:
        app = PrivacyHygieneApp(lang="en")
        async with app.run_test(size=(100, 30)) as pilot:
            titles = [command.title for command in app.get_system_commands(app.screen)]
            for mode in SCREENS:
                assert any(mode in title.lower() for title in titles), mode
            assert "Switch language: 中文" in titles
            await pilot.press("ctrl+p")
            await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette))
            await pilot.press(*"open audit")
            await pilot.pause(0.3)
            await pilot.press("enter")
            await wait_until(pilot, lambda: isinstance(app.screen, AuditScreen))

    run(scenario())


def test_theme_choice_is_remembered() -> None:
    async def scenario() -> None:
        app = PrivacyHygieneApp(lang="en")
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("s")
            app.set_theme("nord")
            await settle(pilot)
            assert app.theme == "nord"

    run(scenario())
    assert services.load_settings()["theme"] == "nord"


def test_logging_never_reaches_the_terminal(capfd: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    root = logging.getLogger()
    saved = (list(root.handlers), root.level, logging.lastResort)
    root.addHandler(logging.StreamHandler())
    try:
        quiet_logging()
        logging.getLogger("tldextract").warning("offline suffix list used")
        out, err = capfd.readouterr()
        assert "offline suffix list" not in out + err
        from privacy_hygiene.paths import log_file

        for handler in root.handlers:
            handler.flush()
        assert "offline suffix list" in log_file().read_text(encoding="utf-8")
    finally:
        for handler in list(root.handlers):
            root.removeHandler(handler)
            if handler not in saved[0]:
                handler.close()
        for handler in saved[0]:
            root.addHandler(handler)
        root.setLevel(saved[1])
        logging.lastResort = saved[2]


def test_a_damaged_store_becomes_notifications_not_a_crash() -> None:
    from privacy_hygiene.store import default_path

    path = default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"this is not a database" * 100)

    async def scenario() -> None:
        app = PrivacyHygieneApp(lang="en")
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot, allow_failures=True)
            await wait_until(pilot, lambda: any("Something went wrong" in str(n.message) for n in app._notifications))
            await pilot.press("c")
            await settle(pilot, allow_failures=True)
            await pilot.press("p")
            await settle(pilot, allow_failures=True)
            assert app.is_running
            assert "Plan" in screen_text(app)

    run(scenario())
    assert path.read_bytes().startswith(b"this is not a database")  # never overwritten


def test_saved_language_is_used_unless_one_is_given(monkeypatch: pytest.MonkeyPatch) -> None:
    from privacy_hygiene.tui import startup_language

    services.save_setting("language", "zh")
    assert startup_language("en", argv=["privacy-hygiene"]) == "zh"
    assert startup_language("en", argv=["privacy-hygiene", "--lang", "en"]) == "en"
    assert startup_language("en", argv=["privacy-hygiene", "--lang=en"]) == "en"
    monkeypatch.setenv("PRIVACY_HYGIENE_LANG", "en")
    assert startup_language("en", argv=["privacy-hygiene"]) == "en"

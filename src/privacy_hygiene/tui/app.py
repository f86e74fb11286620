"""The app: one mode per screen (mirroring the CLI commands), global keys, the command palette and
the interface language, switchable live."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.reactive import reactive
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from privacy_hygiene.i18n import Lang, t
from privacy_hygiene.tui import services
from privacy_hygiene.tui.screens.base import AppScreen, localize_bindings

if TYPE_CHECKING:
    from privacy_hygiene.models import AuditReport

#: mode → the module and class of its screen, in navigation order (keys d c a b p s ?). Screens
#: are imported when first shown, so the first dashboard does not wait for the others' imports.
SCREENS: dict[str, tuple[str, str]] = {
    "dashboard": ("privacy_hygiene.tui.screens.dashboard", "DashboardScreen"),
    "checklist": ("privacy_hygiene.tui.screens.checklist", "ChecklistScreen"),
    "audit": ("privacy_hygiene.tui.screens.audit", "AuditScreen"),
    "browser": ("privacy_hygiene.tui.screens.browser", "BrowserScreen"),
    "plan": ("privacy_hygiene.tui.screens.plan", "PlanScreen"),
    "settings": ("privacy_hygiene.tui.screens.settings", "SettingsScreen"),
    "help": ("privacy_hygiene.tui.screens.help", "HelpScreen"),
}


def screen_class(mode: str) -> type[AppScreen]:
    """The screen class of ``mode`` (imported on first use)."""
    module_name, class_name = SCREENS[mode]
    found = getattr(import_module(module_name), class_name)
    assert isinstance(found, type) and issubclass(found, AppScreen)
    return found


def _screen_factory(mode: str) -> Callable[[], Screen[None]]:
    return lambda: screen_class(mode)()


THEMES: tuple[str, ...] = ("textual-dark", "textual-light", "nord", "gruvbox", "solarized-light", "ansi-dark")


class PrivacyHygieneApp(App[None]):
    """privacy-hygiene's terminal app."""

    TITLE = "privacy-hygiene"
    #: absolute, so subclasses defined elsewhere (tests, the start-up benchmark) find it too
    CSS_PATH = Path(__file__).with_name("app.tcss")
    MODES: ClassVar[dict[str, str | Callable[[], Screen[None]]]] = {mode: _screen_factory(mode) for mode in SCREENS}
    DEFAULT_MODE = "dashboard"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "switch_mode('dashboard')", "tui.screen_dashboard"),
        Binding("c", "switch_mode('checklist')", "tui.screen_checklist"),
        Binding("a", "switch_mode('audit')", "tui.screen_audit"),
        Binding("b", "switch_mode('browser')", "tui.screen_browser"),
        Binding("p", "switch_mode('plan')", "tui.screen_plan"),
        Binding("s", "switch_mode('settings')", "tui.screen_settings", show=False),
        Binding("question_mark", "switch_mode('help')", "tui.screen_help"),
        Binding("l", "toggle_lang", "tui.key_lang"),
        Binding("q", "quit", "tui.key_quit"),
    ]

    lang: reactive[Lang] = reactive[Lang]("en", init=False)

    def __init__(self, lang: Lang = "en", *, theme: str | None = None, browser_folders: tuple[Path, ...] = ()) -> None:
        super().__init__()
        #: browser profile folders to read instead of discovering the person's own (tests, demos)
        self.browser_folders = browser_folders
        #: a checklist item another screen asked the checklist to show next (``t`` on the dashboard)
        self.pending_item = ""
        self.set_reactive(PrivacyHygieneApp.lang, lang)
        localize_bindings(self, lang)
        if theme in THEMES:
            self.theme = theme

    def tr(self, key: str, **values: object) -> str:
        """The interface text ``tui.<key>`` in the current language."""
        return t(f"tui.{key}", self.lang, **values)

    async def watch_lang(self, lang: Lang) -> None:
        """Switch every text to ``lang`` now (hidden screens catch up when shown)."""
        localize_bindings(self, lang)
        screen = self.screen
        if isinstance(screen, AppScreen):
            await screen.refresh_language()
        screen.refresh_bindings()

    def action_toggle_lang(self) -> None:
        """Switch between Chinese and English."""
        self.set_language("en" if self.lang == "zh" else "zh")

    def set_language(self, lang: Lang) -> None:
        """Switch the interface language now, and remember it."""
        self.lang = lang
        self.in_background(partial(services.save_setting, "language", lang))

    def set_theme(self, theme: str) -> None:
        """Switch the colour theme now, and remember it."""
        self.theme = theme
        self.in_background(partial(services.save_setting, "theme", theme))

    def in_background(self, job: Callable[[], object]) -> None:
        """Run a state write in a thread worker; a failure becomes a notification."""
        self.run_worker(job, thread=True, exit_on_error=False, group="state")

    @on(Worker.StateChanged)
    def _state_write_failed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "state" and event.state == WorkerState.ERROR:
            self.notify(self.tr("failed", message=str(event.worker.error)), severity="error", markup=False)

    def remember_audit(self, report: AuditReport) -> None:
        """Keep a finished audit in the store (the dashboard and the plan read it there)."""
        self.in_background(partial(services.record_audit, report))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Every action, in the current language: screens, the current screen's keys, language, theme."""
        for mode in SCREENS:
            name = self.tr(f"screen_{mode}")
            yield SystemCommand(self.tr("open_screen", name=name), self.tr("cmd_screen_help"), _switch(self, mode))
        if isinstance(screen, AppScreen):
            for binding in screen._bindings.key_to_bindings.values():
                for item in binding:
                    if item.description:
                        yield SystemCommand(
                            item.description, self.tr("cmd_run_help"), _run(screen, item.action), discover=True
                        )
        yield SystemCommand(self.tr("cmd_switch_lang"), self.tr("cmd_switch_lang_help"), self.action_toggle_lang)
        yield SystemCommand(self.tr("cmd_theme"), self.tr("cmd_theme_help"), self.action_change_theme)
        yield SystemCommand(self.tr("cmd_quit"), self.tr("cmd_quit_help"), self.exit)


def _switch(app: PrivacyHygieneApp, mode: str) -> Callable[[], object]:
    return lambda: app.switch_mode(mode)


def _run(screen: AppScreen, action: str) -> Callable[[], object]:
    return lambda: screen.run_action(action)

"""What every screen shares: header and footer, translated bindings, live language switching."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingsMap
from textual.css.query import NoMatches
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Footer, Header

from privacy_hygiene.i18n import Lang, t

if TYPE_CHECKING:
    from privacy_hygiene.tui.app import PrivacyHygieneApp


def localize_bindings(node: DOMNode, lang: Lang) -> None:
    """Rebuild ``node``'s bindings with descriptions translated from their ``tui.*`` keys.

    Binding descriptions are declared as locale keys; Textual has no hook for translated
    descriptions, so the node's binding map is rebuilt from the bindings it had at first (kept
    with their keys, including those Textual adds itself, like the command palette's).
    """
    sources: list[Binding] | None = getattr(node, "_untranslated_bindings", None)
    if sources is None:
        sources = [binding for bindings in node._bindings.key_to_bindings.values() for binding in bindings]
        setattr(node, "_untranslated_bindings", sources)  # noqa: B010 - a private slot of our own
    node._bindings = BindingsMap(_translated(binding, lang) for binding in sources)


#: Textual's own bindings whose descriptions we translate too
_BUILT_IN = {"command_palette": "tui.key_palette", "quit": "tui.key_quit"}


def _translated(binding: Binding, lang: Lang) -> Binding:
    key = binding.description if binding.description.startswith("tui.") else _BUILT_IN.get(binding.action)
    return replace(binding, description=t(key, lang)) if key else binding


class AppScreen(Screen[None]):
    """A top-level screen of the app (one per mode). Subclasses implement :meth:`compose_body`.

    A screen is composed from its own state, so switching the language recomposes it in place:
    the current screen at once, the others when they are next shown.
    """

    #: the locale key of the screen's name (``tui.screen_<key>``)
    SCREEN_KEY: ClassVar[str] = ""

    def __init__(self) -> None:
        super().__init__()
        self._composed_lang: Lang = self.lang
        localize_bindings(self, self.lang)
        self.sub_title = self.tr(f"screen_{self.SCREEN_KEY}")

    @property
    def ph_app(self) -> PrivacyHygieneApp:
        """The app, typed."""
        from privacy_hygiene.tui.app import PrivacyHygieneApp

        return cast(PrivacyHygieneApp, self.app)

    @property
    def lang(self) -> Lang:
        """The interface language (the app's)."""
        return self.ph_app.lang

    def tr(self, key: str, **values: object) -> str:
        """The interface text ``tui.<key>`` in the current language."""
        return t(f"tui.{key}", self.lang, **values)

    def compose(self) -> ComposeResult:
        yield Header()
        yield from self.compose_body()
        yield Footer()

    def compose_body(self) -> ComposeResult:
        """The screen's content between header and footer."""
        yield from ()

    async def refresh_language(self) -> None:
        """Redraw every text in the current language."""
        lang = self.lang
        if lang == self._composed_lang:
            return
        self._composed_lang = lang
        localize_bindings(self, lang)
        self.sub_title = self.tr(f"screen_{self.SCREEN_KEY}")
        await self.recompose()
        self.after_language_change()
        self.refresh_bindings()

    def after_language_change(self) -> None:
        """Restore what compose cannot (selections, contents); called after a recompose."""

    def redraw(self) -> None:
        """Show fresh data: :meth:`after_language_change`, unless a recompose is under way (a result
        can arrive while the language switch rebuilds the screen; it redraws again when done)."""
        try:
            self.after_language_change()
        except NoMatches:
            return

    async def on_screen_resume(self) -> None:
        """Catch up with a language change made while this screen was hidden, then read again
        whatever other screens may have changed."""
        await self.refresh_language()
        self.reload()

    def reload(self) -> None:
        """Start reading the screen's data (screens backed by the store start their worker here)."""

    def fail(self, message: str) -> None:
        """Show an error as a notification (never as markup: messages may carry page text)."""
        self.notify(self.tr("failed", message=message), severity="error", markup=False, timeout=8)

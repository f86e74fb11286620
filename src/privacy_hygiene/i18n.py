"""Languages and user-facing text.

Every user-facing string exists in Simplified Chinese (``zh``) and English (``en``). Texts of the
interface live in ``privacy_hygiene/locales/<area>.toml`` (``key = {zh = "...", en = "..."}``) and
are looked up as ``"<area>.<key>"`` with :func:`t`; texts of rules live with the rule data in
``heuristics/`` as :class:`LocalText`.
"""

from __future__ import annotations

import functools
import locale
import os
import tomllib
from importlib import resources
from typing import Literal, get_args

import msgspec

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = get_args(Lang)


class LocalText(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A text in both languages."""

    zh: str
    en: str

    def get(self, lang: Lang) -> str:
        """The text in ``lang``."""
        return self.zh if lang == "zh" else self.en

    def format(self, **values: object) -> LocalText:
        """Both texts with ``{name}`` placeholders filled."""
        return LocalText(zh=self.zh.format(**values), en=self.en.format(**values))


def detect_lang(explicit: str | None = None) -> Lang:
    """``--lang`` if given, then ``PRIVACY_HYGIENE_LANG``, then the locale; English otherwise."""
    for candidate in (explicit, os.environ.get("PRIVACY_HYGIENE_LANG")):
        if candidate:
            return "zh" if candidate.lower().startswith("zh") else "en"
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    try:
        current = locale.getlocale()[0] or ""
    except ValueError:
        current = ""
    return "zh" if current.lower().startswith("zh") else "en"


@functools.cache
def messages() -> dict[str, LocalText]:
    """Every interface text, keyed ``"<area>.<key>"`` (loaded once)."""
    table: dict[str, LocalText] = {}
    folder = resources.files("privacy_hygiene") / "locales"
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if not entry.name.endswith(".toml"):
            continue
        area = entry.name.removesuffix(".toml")
        raw = tomllib.loads(entry.read_text(encoding="utf-8"))
        for key, value in raw.items():
            table[f"{area}.{key}"] = msgspec.convert(value, LocalText)
    return table


def t(key: str, lang: Lang, **values: object) -> str:
    """The interface text ``key`` in ``lang``, with ``{name}`` placeholders filled."""
    text = messages()[key].get(lang)
    return text.format(**values) if values else text


def both(key: str, **values: object) -> LocalText:
    """The interface text ``key`` in both languages."""
    text = messages()[key]
    return text.format(**values) if values else text

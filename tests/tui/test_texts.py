"""Every interface text the app asks for exists in both languages (locales/tui.toml)."""

from __future__ import annotations

import re
from pathlib import Path

from privacy_hygiene.i18n import messages
from privacy_hygiene.tui.app import SCREENS

SOURCE = Path(__file__).parents[2] / "src" / "privacy_hygiene" / "tui"
#: literal keys: self.tr("x") / tr("x") → tui.x ; t("area.x") and binding descriptions "tui.x"
_TR = re.compile(r"""\btr\(\s*["']([a-z_]+)["']""")
_FULL = re.compile(r"""["']((?:tui|report|checklist|browser|plan)\.[a-z_]+)["']""")


def _used_keys() -> set[str]:
    keys: set[str] = set()
    for path in SOURCE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        keys.update(f"tui.{key}" for key in _TR.findall(text))
        keys.update(_FULL.findall(text))
    return keys


def test_every_literal_key_exists_in_both_languages() -> None:
    table = messages()
    used = {key for key in _used_keys() if not key.endswith("_")}  # "x_" + name: computed below
    assert len(used) > 40
    missing = sorted(key for key in used if key not in table)
    assert not missing, missing
    for key in used:
        assert table[key].zh.strip() and table[key].en.strip(), key


def test_computed_keys_exist() -> None:
    table = messages()
    computed = [f"tui.screen_{mode}" for mode in SCREENS]
    computed += [f"tui.filter_{name}" for name in ("all", "remaining", "stale")]
    computed += [
        f"tui.purpose_{purpose}"
        for purpose in [
            "login",
            "registration",
            "search",
            "password_recovery",
            "contact",
            "newsletter",
            "checkout",
            "survey",
            "fortune_telling",
            "prize_claim",
            "other",
        ]
    ]
    computed += [f"report.level_{level}" for level in ("low", "guarded", "high", "very_high")]
    computed += [f"report.group_{group}" for group in ("connection", "forms", "scam", "tracking", "reliability")]
    assert [key for key in computed if key not in table] == []


def test_tui_texts_are_chinese_in_zh() -> None:
    han = re.compile(r"[\u4e00-\u9fff]")
    for key, text in messages().items():
        if key.startswith("tui.") and not key.startswith("tui.key_lang") and key != "tui.cmd_switch_lang":
            assert han.search(text.zh), key

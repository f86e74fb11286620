"""Every interface text exists in both languages with the same placeholders; language detection."""

from __future__ import annotations

import string

import pytest

from privacy_hygiene.i18n import detect_lang, messages, t


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_message_has_both_languages_and_same_placeholders() -> None:
    table = messages()
    assert table
    for key, text in table.items():
        assert text.zh.strip() and text.en.strip(), key
        assert placeholders(text.zh) - {"title_zh"} == placeholders(text.en) - {"title_en"}, key


def test_lookup_and_format() -> None:
    assert t("report.principle", "zh", id=3) == "准则 3"
    assert t("report.principle", "en", id=3) == "Principle 3"


@pytest.mark.parametrize(
    ("explicit", "env", "expected"),
    [
        ("zh", {}, "zh"),
        ("en", {"LANG": "zh_CN.UTF-8"}, "en"),
        (None, {"LANG": "zh_CN.UTF-8"}, "zh"),
        (None, {"LANG": "en_US.UTF-8"}, "en"),
        (None, {"PRIVACY_HYGIENE_LANG": "zh", "LANG": "C"}, "zh"),
        (None, {"LC_ALL": "zh_TW.UTF-8", "LANG": "en_US"}, "zh"),
    ],
)
def test_detect_lang(explicit: str | None, env: dict[str, str], expected: str, monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE", "PRIVACY_HYGIENE_LANG"):
        monkeypatch.delenv(var, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert detect_lang(explicit) == expected

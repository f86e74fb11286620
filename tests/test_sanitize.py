"""Terminal control characters never survive sanitising."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from privacy_hygiene.sanitize import clean, one_line


def test_strips_escapes_and_bidi() -> None:
    hostile = "a\x1b[2Jb\x1b]0;title\x07c\x9bd\u202ee\x00f[@click=app.quit]g[/]"
    assert clean(hostile) == "abcdef[@click=app.quit]g[/]"


def test_one_line_folds_and_cuts() -> None:
    assert one_line("  a\n\n b\tc  ") == "a b c"
    assert one_line("x" * 50, 10) == "x" * 9 + "…"


@given(st.text())
def test_no_control_characters_survive(text: str) -> None:
    result = clean(text)
    assert "\x1b" not in result
    assert not any(0x80 <= ord(ch) <= 0x9F or (ord(ch) < 0x20) for ch in result)

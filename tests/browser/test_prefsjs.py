"""The prefs.js tokenizer: real syntax, damaged files, and nothing is ever evaluated."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from privacy_hygiene.browser.prefsjs import parse_prefs
from tests.browser.conftest import firefox_fresh_profile


def values(text: str) -> dict[str, object]:
    return {name: pref.value for name, pref in parse_prefs(text).prefs.items()}


def test_reads_the_fresh_prefs_js_firefox_wrote() -> None:
    parsed = parse_prefs((firefox_fresh_profile() / "prefs.js").read_text(encoding="utf-8"))
    assert parsed.errors == []
    assert not parsed.truncated
    assert parsed.prefs["browser.contentblocking.category"].value == "standard"
    # a JSON document inside a string, with escaped quotes, stays one string
    state = parsed.prefs["browser.uiCustomization.state"].value
    assert isinstance(state, str) and state.startswith('{"placements"')
    assert len(parsed.prefs) > 30


def test_value_types_escapes_and_comments() -> None:
    text = r"""
    // comment with user_pref("commented.out", true);
    # hash comment
    /* block
       user_pref("in.block", 1); */
    user_pref("b.true", true);
    user_pref("b.false", false);
    user_pref("int.neg", -5);
    user_pref("str.escapes", "a\"b\\c\n\x41\u4e2d;");
    user_pref('single.quoted', 'it''s');
    user_pref("中文.名字", "值");
    """
    parsed = values(text)
    assert parsed["b.true"] is True
    assert parsed["b.false"] is False
    assert parsed["int.neg"] == -5
    assert parsed["str.escapes"] == 'a"b\\c\nA中;'
    assert parsed["中文.名字"] == "值"
    assert "commented.out" not in parsed and "in.block" not in parsed


def test_later_assignment_wins_and_default_files_keep_lock_state() -> None:
    parsed = parse_prefs(
        'user_pref("x", 1);\nuser_pref("x", 2);\npref("y", true, locked);\nlockPref("z", "v");\npref("s", 1, sticky);'
    )
    assert parsed.prefs["x"].value == 2 and parsed.prefs["x"].line == 2
    assert parsed.prefs["y"].locked and parsed.prefs["z"].locked
    assert not parsed.prefs["s"].locked
    assert parsed.errors == []


def test_expressions_are_never_evaluated() -> None:
    parsed = parse_prefs(
        'user_pref("sum", 1+1);\nuser_pref("call", eval("x"));\nuser_pref("ok", true);\n'
        'user_pref("big", 99999999999);\nuser_pref("obj", {"a": 1});'
    )
    assert {name: pref.value for name, pref in parsed.prefs.items()} == {"ok": True}
    assert len(parsed.errors) >= 4


def test_a_broken_statement_does_not_hide_the_rest() -> None:
    parsed = parse_prefs('user_pref("a", true);\nuser_pref("broken" true);\nuser_pref("c", 3);\n')
    assert values('user_pref("a", true);\nuser_pref("broken" true);\nuser_pref("c", 3);\n') == {"a": True, "c": 3}
    assert any("line 2" in error for error in parsed.errors)


def test_half_written_file_is_flagged() -> None:
    parsed = parse_prefs('user_pref("a", true);\nuser_pref("signon.rememberSignons", ')
    assert parsed.truncated
    assert values('user_pref("a", true);\nuser_pref("b", ') == {"a": True}


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('user_pref("a.b", truefalse0123-);,/*#\\\'\n x中')), max_size=200))
def test_never_raises_on_any_text(text: str) -> None:
    for autoconfig in (False, True):
        parsed = parse_prefs(text, autoconfig=autoconfig)
        for pref in parsed.prefs.values():
            assert isinstance(pref.value, bool | int | str)

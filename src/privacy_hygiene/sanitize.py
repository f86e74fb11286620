"""Make untrusted text (page titles, labels, profile names, hostnames) safe for a terminal.

Neither Rich nor Textual strips terminal control sequences, so everything that came from a page
or a profile passes through :func:`clean` before it reaches a terminal, a JSON string or an export.
"""

from __future__ import annotations

import re

# C0 controls except TAB and LF, DEL, C1 controls (incl. U+009B CSI), bidi embeddings/overrides/
# isolates (Trojan-Source style reordering), and line/paragraph separators.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]")
_ESC_SEQUENCE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
_SPACES = re.compile(r"\s+")


def clean(text: str, *, keep_newlines: bool = False) -> str:
    """Remove terminal escape sequences and control characters from untrusted text."""
    text = _ESC_SEQUENCE.sub("", text)
    if not keep_newlines:
        text = text.replace("\n", " ").replace("\t", " ")
    return _CONTROL.sub("", text)


def one_line(text: str, limit: int = 200) -> str:
    """Clean text, fold whitespace to single spaces and cut it to ``limit`` characters."""
    text = _SPACES.sub(" ", clean(text)).strip()
    if len(text) > limit:
        return text[: limit - 1].rstrip() + "…"
    return text

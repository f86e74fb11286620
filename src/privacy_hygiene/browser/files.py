"""Bounded, read-only reading of a profile's text and JSON files; failures become one-line reasons."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from privacy_hygiene.sanitize import one_line

#: prefs.js of a long-used profile is ~100 KB; Chromium Preferences a few MB at most
MAX_SETTINGS_BYTES = 32 * 1024 * 1024


class Unreadable(Exception):
    """A settings file could not be read or parsed; the message says why in one line."""


def read_text(path: Path) -> str:
    """The UTF-8 text of a settings file (bounded); :class:`Unreadable` with a reason otherwise."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_SETTINGS_BYTES + 1)
    except FileNotFoundError as exc:
        raise Unreadable(f"{path.name} is absent") from exc
    except OSError as exc:
        raise Unreadable(f"{path.name} cannot be read ({exc.strerror or type(exc).__name__})") from exc
    if len(raw) > MAX_SETTINGS_BYTES:
        raise Unreadable(f"{path.name} is larger than {MAX_SETTINGS_BYTES} bytes")
    return raw.decode("utf-8", errors="replace")


def read_json_object(path: Path) -> dict[str, Any]:
    """A JSON object file, as is; :class:`Unreadable` when absent, damaged or half-written."""
    text = read_text(path)
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:  # deeply nested JSON exhausts the parser's stack
        raise Unreadable(f"{path.name} is not valid JSON (damaged or half-written): {one_line(str(exc), 80)}") from exc
    if not isinstance(data, dict):
        raise Unreadable(f"{path.name} is not a JSON object")
    return data

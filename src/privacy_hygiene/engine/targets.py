"""What the person asked to audit: URLs and saved pages from arguments, stdin or a manifest."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from privacy_hygiene.errors import UsageError

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
#: full-width and ideographic dots typed with a Chinese input method ("例子。中国")
_IDN_DOTS = str.maketrans({"。": ".", "．": ".", "｡": "."})
_BARE_HOST = re.compile(r"^[^\s/:]+\.[^\s/:.]{2,}(?::\d+)?(?:[/?#]\S*)?$")


@dataclass(frozen=True)
class Target:
    """One thing to audit: ``spec`` exactly as given; either a ``path`` or a ``url``."""

    spec: str
    path: Path | None = None
    url: str | None = None
    #: for a saved page: the URL it is audited as (``--as-url`` or the manifest's ``url``)
    as_url: str | None = None


def parse_target(spec: str, *, as_url: str | None = None) -> Target:
    """A URL (``http(s)://...`` or a bare ``example.com``) or an existing file path."""
    text = spec.strip()
    if not text:
        raise UsageError("empty target")
    path = Path(text)
    if _SCHEME.match(text) and not (len(text) > 1 and text[1] == ":" and path.exists()):
        from privacy_hygiene.engine.urls import normalize_url

        return Target(spec=spec, url=normalize_url(text))
    if path.exists():
        return Target(spec=spec, path=path, as_url=as_url)
    if _BARE_HOST.match(text.translate(_IDN_DOTS)) and not text.lower().endswith((".html", ".htm", ".mht", ".xhtml")):
        from privacy_hygiene.engine.urls import normalize_url

        return Target(spec=spec, url=normalize_url(text))
    raise UsageError(f"no such file, and not a web address: {spec}")


def read_stdin_targets(stream: TextIO) -> Iterator[str]:
    """Target specs from stdin, one per line (blank lines and ``#`` comments skipped)."""
    for line in stream:
        text = line.strip()
        if text and not text.startswith("#"):
            yield text


def read_manifest(path: Path) -> Iterator[Target]:
    """``{"path": ..., "url": ...}`` per line; ``path`` relative to the manifest's folder."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read manifest {path}: {exc}") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as exc:
            raise UsageError(f"{path}:{number}: not a JSON object ({exc.msg})") from exc
        if not isinstance(entry, dict) or not isinstance(entry.get("path"), str):
            raise UsageError(f'{path}:{number}: expected {{"path": ..., "url": ...}}')
        url = entry.get("url")
        if url is not None and not isinstance(url, str):
            raise UsageError(f"{path}:{number}: url must be a string")
        file_path = Path(entry["path"])
        if not file_path.is_absolute():
            file_path = path.parent / file_path
        yield Target(spec=entry["path"], path=file_path, as_url=url or None)


def collect(
    specs: Iterable[str], *, stdin: TextIO | None, manifest: Path | None, as_url: str | None
) -> list[Target | UsageError]:
    """Targets in input order; a bad one becomes its error so the others still run."""
    result: list[Target | UsageError] = []
    for spec in specs:
        sources = read_stdin_targets(stdin) if spec == "-" and stdin is not None else [spec]
        for item in sources:
            try:
                result.append(parse_target(item, as_url=as_url))
            except UsageError as exc:
                exc.spec = item  # type: ignore[attr-defined]
                result.append(exc)
    if manifest is not None:
        result.extend(read_manifest(manifest))
    return result

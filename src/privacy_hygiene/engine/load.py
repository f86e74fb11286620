"""Load a saved page from disk, audited as if served from ``--as-url``, else from the URL in the
browser's ``<!-- saved from url=(NNNN)... -->`` comment, else as a local file."""

from __future__ import annotations

import re
from pathlib import Path

from privacy_hygiene.engine.decode import decode_html
from privacy_hygiene.errors import UsageError
from privacy_hygiene.i18n import both
from privacy_hygiene.models import Page

#: saved pages larger than this are cut (the report says so), like fetched ones
DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024

_SAVED_FROM = re.compile(rb"<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->", re.IGNORECASE)


def saved_from_url(head: bytes) -> str | None:
    """The origin URL a browser wrote into a saved page, when it is http(s)."""
    match = _SAVED_FROM.search(head[:4096])
    if not match:
        return None
    url = match.group(1).decode("ascii", "replace")
    return url if url.lower().startswith(("http://", "https://")) else None


def load_file(path: Path, *, as_url: str | None = None, max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> Page:
    """Read and decode a saved page; ``UsageError`` when it cannot be read."""
    try:
        with path.open("rb") as handle:
            body = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise UsageError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise UsageError(f"is a directory, not a saved page: {path}") from None
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from exc
    truncated = len(body) > max_bytes
    body = body[:max_bytes]
    url = as_url or saved_from_url(body)
    text, encoding = decode_html(body)
    notes = (both("report.note_truncated", limit=f"{max_bytes / (1024 * 1024):g}"),) if truncated else ()
    return Page(
        target=str(path),
        url=url,
        html=text,
        encoding=encoding,
        source="file",
        truncated=truncated,
        notes=notes,
    )

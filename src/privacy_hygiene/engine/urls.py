"""Normalise and validate URLs the person typed, before any connection is made."""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

from privacy_hygiene.domains import to_ascii
from privacy_hygiene.errors import UsageError

MAX_URL_LENGTH = 8192
_HOST_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")


def normalize_url(text: str) -> str:
    """An http(s) URL with an ASCII host; ``UsageError`` with a clear reason otherwise.

    A bare ``example.com`` means ``https://example.com``.
    """
    raw = text.strip()
    if not raw:
        raise UsageError("empty address")
    if len(raw) > MAX_URL_LENGTH:
        raise UsageError(f"the address is absurdly long ({len(raw)} characters)")
    if "://" not in raw:
        scheme = raw.split(":", 1)[0].lower() if ":" in raw else ""
        if scheme and scheme.isalpha() and scheme not in ("http", "https") and not raw[len(scheme) + 1 :].isdigit():
            raise UsageError(_refused(scheme))
        raw = "https://" + raw
    try:
        parts = urlsplit(raw)
    except ValueError as exc:
        raise UsageError(f"not a valid web address: {text.strip()[:200]} ({exc})") from exc
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise UsageError(_refused(scheme))
    try:
        host = parts.hostname or ""
        port = parts.port
    except ValueError as exc:
        raise UsageError(f"not a valid web address: {text.strip()[:200]} ({exc})") from exc
    if not host:
        raise UsageError(f"the address has no host: {text.strip()[:200]}")
    host = host.rstrip(".")
    if ":" in host:  # IPv6 literal, already validated by urlsplit's brackets
        netloc_host = f"[{host}]"
    else:
        ascii_host = to_ascii(host).lower()
        labels = ascii_host.split(".")
        if not all(_HOST_LABEL.match(label) for label in labels):
            raise UsageError(f"not a valid host name: {host[:200]}")
        netloc_host = ascii_host
    netloc = netloc_host if port is None else f"{netloc_host}:{port}"
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


def _refused(scheme: str) -> str:
    if scheme == "file":
        return "file: addresses are not audited; give the saved page's path instead"
    return f"only http and https addresses can be audited, not {scheme}:"

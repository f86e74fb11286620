"""What is risky about a site the browser holds a login for: plain http, a bare IP address, or a
lookalike of a protected brand (principles 1 and 6).

The lookalike verdict comes from :mod:`privacy_hygiene.lookalike` when that package is installed
(it is built on another branch); until then :func:`lookalike_of` answers ``None`` and only the
transport checks run.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from privacy_hygiene.domains import host_of, is_ip
from privacy_hygiene.i18n import LocalText, both
from privacy_hygiene.sanitize import one_line

FindingKind = Literal["http", "ip", "lookalike"]


@dataclass(frozen=True)
class SiteFinding:
    """One reason a saved login's site is risky."""

    kind: FindingKind
    text: LocalText
    #: the protected brand's official domain, for ``lookalike``
    brand: str | None = None


@functools.cache
def _lookalike_verdict() -> Callable[[str], str | None] | None:
    """The lookalike detector's verdict function, when the package is available."""
    try:
        from privacy_hygiene import lookalike  # type: ignore[attr-defined,unused-ignore]
    except ImportError:
        return None
    verdict = getattr(lookalike, "lookalike_of", None)
    return verdict if callable(verdict) else None


def lookalike_of(host: str) -> str | None:
    """The protected brand domain ``host`` imitates, or ``None`` (also when no detector exists)."""
    verdict = _lookalike_verdict()
    if verdict is None or not host:
        return None
    result = verdict(host)
    return result if isinstance(result, str) and result else None


def site_origin(url: str) -> tuple[str, str, str]:
    """``(scheme, host, origin)`` of a saved login's URL; untrusted text is cleaned."""
    text = one_line(url, 300)
    try:
        parts = urlsplit(text)
        scheme = parts.scheme.lower()
        port = parts.port
    except ValueError:
        return "", host_of(text), text
    host = host_of(text)
    if not host or not scheme:
        return scheme, host, text
    default_port = {"http": 80, "https": 443}.get(scheme)
    netloc = f"[{host}]" if ":" in host else host
    if port and port != default_port:
        netloc += f":{port}"
    return scheme, host, f"{scheme}://{netloc}"


def site_findings(scheme: str, host: str, origin: str) -> tuple[SiteFinding, ...]:
    """The risks of one saved-login site."""
    findings: list[SiteFinding] = []
    if scheme == "http":
        findings.append(SiteFinding("http", both("browser.login_http", origin=origin)))
    if host and is_ip(host):
        findings.append(SiteFinding("ip", both("browser.login_ip", host=host)))
    elif host:
        brand = lookalike_of(host)
        if brand:
            findings.append(SiteFinding("lookalike", both("browser.login_lookalike", host=host, brand=brand), brand))
    return tuple(findings)

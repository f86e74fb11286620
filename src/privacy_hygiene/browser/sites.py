"""What is risky about a site the browser holds a login for: plain http, a bare IP address, or a
lookalike of a protected brand (principles 1 and 6).

The lookalike verdict is :mod:`privacy_hygiene.lookalike`'s, against the protected brands of
``heuristics/brands.toml``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal
from urllib.parse import urlsplit

from privacy_hygiene.domains import host_of, is_ip
from privacy_hygiene.i18n import LocalText, both
from privacy_hygiene.sanitize import one_line

if TYPE_CHECKING:
    from privacy_hygiene.lookalike import Detector

FindingKind = Literal["http", "ip", "lookalike"]


@dataclass(frozen=True)
class SiteFinding:
    """One reason a saved login's site is risky."""

    kind: FindingKind
    text: LocalText
    #: the protected brand's official domain, for ``lookalike``
    brand: str | None = None


LookalikeOf = Callable[[str], "str | None"]


@functools.cache
def _detector(extra: tuple[str, ...] = ()) -> Detector:
    from privacy_hygiene.lookalike import Detector  # its brand index is built only when a login exists

    return Detector(extra=extra)


def lookalike_checker(extra_brands: Iterable[str] = ()) -> LookalikeOf:
    """A function naming the protected brand domain a host imitates (``None`` for the brand's own
    domain and for other hosts); ``extra_brands`` are the person's own protected domains."""
    extra = tuple(sorted(set(extra_brands)))

    def lookalike(host: str) -> str | None:
        return _detector(extra).check(host).lookalike_of if host else None

    return lookalike


def lookalike_of(host: str) -> str | None:
    """The protected brand domain ``host`` imitates, against the catalog's brands only."""
    return lookalike_checker()(host)


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


def site_findings(
    scheme: str, host: str, origin: str, lookalike: LookalikeOf = lookalike_of
) -> tuple[SiteFinding, ...]:
    """The risks of one saved-login site."""
    findings: list[SiteFinding] = []
    if scheme == "http":
        findings.append(SiteFinding("http", both("browser.login_http", origin=origin)))
    if host and is_ip(host):
        findings.append(SiteFinding("ip", both("browser.login_ip", host=host)))
    elif host:
        brand = lookalike(host)
        if brand:
            findings.append(SiteFinding("lookalike", both("browser.login_lookalike", host=host, brand=brand), brand))
    return tuple(findings)

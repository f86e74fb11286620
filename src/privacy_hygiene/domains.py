"""Host names and registrable domains, offline.

tldextract goes online by default; here it is built once with the bundled Public Suffix List
snapshot and private suffixes on (each ``*.github.io`` site has its own owner). Every other module
asks this one for registrable domains.
"""

from __future__ import annotations

import contextlib
import functools
import ipaddress
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    import tldextract

_IDN_DOTS = str.maketrans({"。": ".", "．": ".", "｡": "."})


@functools.cache
def _extractor() -> tldextract.TLDExtract:
    import tldextract

    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True)


def host_of(url_or_host: str) -> str:
    """The lower-case host of a URL or host text: no scheme, userinfo, port, path or trailing dot.

    IDN labels stay as given (Unicode or ``xn--``); use :func:`to_ascii` / :func:`to_unicode`.
    Returns ``""`` when there is no host.
    """
    text = url_or_host.strip().translate(_IDN_DOTS)
    if "://" not in text and not text.startswith("//"):
        text = "//" + text
    try:
        host = urlsplit(text).hostname or ""
    except ValueError:
        return ""
    return host.rstrip(".").lower()


def is_ip(host: str) -> bool:
    """True for IPv4/IPv6 literals (also bracketed, or integer/hex forms a browser would accept)."""
    candidate = host.strip("[]")
    try:
        ipaddress.ip_address(candidate)
        return True
    except ValueError:
        pass
    # browsers read "http://3232235777/" and "0x7f.1" as IPv4
    parts = candidate.split(".")
    return 1 <= len(parts) <= 4 and all(_is_ip_number(part) for part in parts)


def _is_ip_number(part: str) -> bool:
    lowered = part.lower()
    if lowered.startswith("0x"):
        return len(lowered) > 2 and all(ch in "0123456789abcdef" for ch in lowered[2:])
    return part.isdigit()


def to_ascii(host: str) -> str:
    """The host with IDN labels in ``xn--`` form (UTS 46); the input when it cannot be encoded."""
    import idna

    try:
        return idna.encode(host, uts46=True, transitional=False).decode("ascii")
    except (idna.IDNAError, UnicodeError, ValueError):
        return host


def to_unicode(host: str) -> str:
    """The host with ``xn--`` labels decoded; labels that do not decode stay as they are."""
    import idna

    labels = []
    for label in host.split("."):
        if label.startswith("xn--"):
            with contextlib.suppress(idna.IDNAError, UnicodeError, ValueError):
                label = idna.decode(label)
        labels.append(label)
    return ".".join(labels)


def registrable_domain(url_or_host: str) -> str:
    """The registrable domain (eTLD+1) of a URL or host, ASCII form; the host itself for IPs.

    Returns ``""`` when there is none (``localhost``, a bare public suffix).
    """
    host = host_of(url_or_host)
    if not host:
        return ""
    if is_ip(host):
        return host
    ascii_host = to_ascii(host)
    result = _extractor()(ascii_host)
    return result.top_domain_under_public_suffix


def public_suffix(url_or_host: str) -> str:
    """The public suffix (``com.cn``, ``github.io``) of a URL or host, ASCII form."""
    host = host_of(url_or_host)
    if not host or is_ip(host):
        return ""
    return _extractor()(to_ascii(host)).suffix


def same_site(a: str, b: str) -> bool:
    """True when two URLs/hosts share a registrable domain (or are the same IP/host)."""
    left, right = registrable_domain(a), registrable_domain(b)
    if left and right:
        return left == right
    return host_of(a) == host_of(b)

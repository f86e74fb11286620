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


def is_public_ip(host: str) -> bool:
    """True for an IP literal on the public internet (not a home router, an intranet or loopback)."""
    try:
        return ipaddress.ip_address(host.strip("[]")).is_global
    except ValueError:
        return False


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


# -- the same bundled Public Suffix List, without importing tldextract -------------------------------
# ``import tldextract`` pulls in requests and urllib3 (about 0.1 s); the ``domain`` command must start
# in a fraction of that. These helpers read the snapshot file that ships inside the tldextract wheel
# (the one the offline extractor above uses) into three sets (rules, ``*`` wildcards, ``!``
# exceptions; private suffixes on) and apply the Public Suffix List algorithm: the longest matching
# rule wins. A test checks that both give the same answers.


@functools.cache
def _snapshot() -> str:
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("tldextract")
    if spec is None or spec.origin is None:  # pragma: no cover - tldextract is a dependency
        raise RuntimeError("tldextract is not installed")
    return (Path(spec.origin).parent / ".tld_set_snapshot").read_text(encoding="utf-8")


@functools.cache
def _suffix_rules() -> tuple[frozenset[str], frozenset[str], frozenset[str], int]:
    text = _snapshot()
    rules: set[str] = set()
    wildcards: set[str] = set()
    exceptions: set[str] = set()
    for line in text.splitlines():
        if not line or line.startswith("//"):
            continue
        rule = line.split(" ", 1)[0].strip().lower()
        if rule.startswith("!"):
            exceptions.add(rule[1:])
        elif rule.startswith("*."):
            wildcards.add(rule[2:])
        elif rule:
            rules.add(rule)
    depth = 1 + max(rule.count(".") + 1 for rule in rules | wildcards | exceptions)
    return frozenset(rules), frozenset(wildcards), frozenset(exceptions), depth


@functools.cache
def _private_suffixes() -> frozenset[str]:
    private = _snapshot().partition("// ===BEGIN PRIVATE DOMAINS===")[2]
    lines = (line.split(" ", 1)[0].strip().lower() for line in private.splitlines())
    return frozenset(line.lstrip("*.!") for line in lines if line and not line.startswith("//"))


def is_private_suffix(suffix: str) -> bool:
    """True for suffixes a company runs for its customers (github.io, web.app, blogspot.com)."""
    return suffix in _private_suffixes()


def split_host(host: str) -> tuple[str, str, str]:
    """``(subdomain, label, suffix)`` of a lower-case host with Unicode labels (``a.b``, ``icbc``, ``com.cn``).

    The registrable domain is ``label + "." + suffix``. Same answers as the offline extractor (private
    suffixes on). ``label`` is ``""`` when the host is a bare public suffix; ``suffix`` is ``""`` when
    no rule matches (``localhost``).
    """
    rules, wildcards, exceptions, depth = _suffix_rules()
    labels = host.split(".")
    count = len(labels)
    suffix_at = count
    index = count - 1
    candidate = labels[index]
    # right to left; the longest matching rule wins, an exception overrides its wildcard
    while True:
        if candidate in exceptions:
            suffix_at = index + 1
            break
        if candidate in rules:
            suffix_at = index
        if candidate in wildcards and index > 0:
            suffix_at = index - 1
        index -= 1
        if index < 0 or count - index > depth:
            break
        candidate = labels[index] + "." + candidate
    if suffix_at == count:
        return ".".join(labels[:-1]), labels[-1], ""
    if suffix_at == 0:
        return "", "", host
    return ".".join(labels[: suffix_at - 1]), labels[suffix_at - 1], ".".join(labels[suffix_at:])

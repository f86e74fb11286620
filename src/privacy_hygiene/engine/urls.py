"""Normalise and validate URLs the person typed, before any connection is made.

Only http and https are audited (``javascript:``, ``data:``, ``file:`` are refused with a reason;
local files are given as paths). A bare ``example.com`` means ``https://example.com``. Hosts are
checked label by label and IDN hosts converted to punycode; ports must be in range; absurd lengths
are refused. Every refusal is an :class:`AddressError` whose message exists in zh and en.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

from privacy_hygiene.domains import to_ascii
from privacy_hygiene.errors import UsageError
from privacy_hygiene.i18n import LocalText, both
from privacy_hygiene.sanitize import one_line

#: browsers cope with ~2 MB, but no real page to audit has an address this long
MAX_URL_LENGTH = 8192
_HOST_LABEL = re.compile(r"^(?!-)[a-z0-9_-]{1,63}(?<!-)$")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
#: full-width and ideographic dots people type with a Chinese input method
_IDN_DOTS = str.maketrans({"。": ".", "．": ".", "｡": "."})


class AddressError(UsageError):
    """A typed address that cannot be audited; ``local`` is the reason in both languages."""

    def __init__(self, key: str, **values: object) -> None:
        self.local: LocalText = both(f"fetch.{key}", **values)
        super().__init__(self.local.en)


def normalize_url(text: str) -> str:
    """An http(s) URL with an ASCII host, no fragment; :class:`AddressError` with the reason otherwise."""
    raw = text.strip()
    shown = one_line(raw, 80)
    if not raw:
        raise AddressError("url_empty")
    if len(raw) > MAX_URL_LENGTH:
        raise AddressError("url_too_long", length=len(raw), limit=MAX_URL_LENGTH)
    if any(ch.isspace() or ord(ch) < 0x20 or ord(ch) == 0x7F for ch in raw):
        raise AddressError("url_invalid", url=shown)
    scheme_match = _SCHEME.match(raw)
    if "://" not in raw:
        scheme = scheme_match.group(1).lower() if scheme_match else ""
        # "example.com:8080/x" has a port, not a scheme
        rest = raw[len(scheme) + 1 :] if scheme else ""
        if scheme in ("http", "https"):
            raise AddressError("url_invalid", url=shown)
        if scheme and not rest.split("/", 1)[0].isdigit():
            raise AddressError(_refusal(scheme), scheme=scheme)
        raw = "https://" + raw
    elif scheme_match is None:
        raise AddressError("url_invalid", url=shown)
    try:
        parts = urlsplit(raw)
        host = parts.hostname or ""
        port = parts.port
    except ValueError:
        raise AddressError("url_invalid", url=shown) from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise AddressError(_refusal(scheme), scheme=scheme)
    if not host:
        raise AddressError("url_no_host", url=shown)
    if port == 0:
        raise AddressError("url_invalid", url=shown)
    netloc_host = _checked_host(host, shown)
    netloc = netloc_host if port is None else f"{netloc_host}:{port}"
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


def _checked_host(host: str, shown: str) -> str:
    """The host as it goes on the wire: punycode, lower case, IPv6 bracketed."""
    if ":" in host:  # an IPv6 literal; urlsplit already checked the brackets
        import ipaddress

        try:
            return f"[{ipaddress.IPv6Address(host.split('%', 1)[0])}]"
        except ValueError:
            raise AddressError("url_bad_host", host=one_line(host, 80)) from None
    host = host.translate(_IDN_DOTS)
    if host.endswith("."):
        host = host[:-1]
    ascii_host = host if host.isascii() else to_ascii(host)
    ascii_host = ascii_host.lower()
    labels = ascii_host.split(".")
    if len(ascii_host) > 253 or not all(_HOST_LABEL.match(label) for label in labels):
        raise AddressError("url_bad_host", host=one_line(host, 80))
    if any(label.startswith("xn--") and not _valid_punycode(label) for label in labels):
        raise AddressError("url_bad_host", host=one_line(host, 80))
    return ascii_host


def _valid_punycode(label: str) -> bool:
    import idna

    try:
        idna.decode(label)
    except (idna.IDNAError, UnicodeError, ValueError):
        return False
    return True


def _refusal(scheme: str) -> str:
    if scheme == "file":
        return "url_file_scheme"
    if scheme in ("javascript", "data", "vbscript", "blob"):
        return "url_script_scheme"
    return "url_bad_scheme"

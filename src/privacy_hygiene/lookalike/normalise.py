"""Turn what a person pasted (URL or host, ASCII or Unicode) into the parts a verdict needs.

Scheme, userinfo, port, path and a trailing dot are stripped; every ``xn--`` label is decoded
(UTS 46), the registrable domain comes from the bundled Public Suffix List (see
:func:`privacy_hygiene.domains.split_host`), and IP literals are marked, never judged as lookalikes.
"""

from __future__ import annotations

from dataclasses import dataclass

from privacy_hygiene.domains import host_of, is_ip, split_host, to_ascii

#: DNS limits (RFC 1035): 253 characters in all, 63 per label, in ASCII form
_MAX_HOST = 253
_MAX_LABEL = 63
_PLAIN_HOST = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-.")


@dataclass(slots=True)
class NormalHost:
    """A host in both forms with its registrable-domain parts (Unicode labels)."""

    given: str
    #: lower-case Unicode form ("аlipay.com")
    host: str
    #: ASCII (punycode) form ("xn--lipay-4nf.com")
    ascii_host: str
    subdomain: str
    label: str
    suffix: str
    is_ip: bool = False
    #: an ``xn--`` label that does not decode
    bad_punycode: bool = False

    @property
    def registrable(self) -> str:
        """The registrable domain, ASCII form; ``""`` when there is none."""
        if not self.label or not self.suffix:
            return ""
        if self.host == self.ascii_host:
            return f"{self.label}.{self.suffix}"
        return to_ascii(f"{self.label}.{self.suffix}")

    @property
    def is_unicode(self) -> bool:
        return not self.host.isascii()


def _maybe_ip(host: str) -> bool:
    """Cheap pre-test: only hosts ending in a digit or hex label, or with ``:``/``[``, can be IPs."""
    return host[-1].isdigit() or ":" in host or host.startswith(("[", "0x")) or ".0x" in host


def _decode_label(label: str) -> tuple[str, bool]:
    if not label.startswith("xn--"):
        return label, False
    import idna

    try:
        return idna.decode(label), False
    except (idna.IDNAError, UnicodeError, ValueError):
        try:
            return label[4:].encode("ascii").decode("punycode").lower(), False
        except (UnicodeError, ValueError):
            return label, True


def normalise(text: str) -> NormalHost | None:
    """The normalised host of a URL or host text; ``None`` when there is no host in it."""
    stripped = text.strip().lower()
    plain = stripped and _PLAIN_HOST.issuperset(stripped)
    host = stripped.rstrip(".") if plain else host_of(text)
    if not host:
        return None
    if _maybe_ip(host) and is_ip(host):
        return NormalHost(text, host, host, "", "", "", is_ip=True)
    bad = False
    if "xn--" in host:
        labels = []
        for label in host.split("."):
            decoded, failed = _decode_label(label)
            bad = bad or failed
            labels.append(decoded)
        host = ".".join(labels)
    if host.isascii():
        ascii_host = host
    else:
        host = _uts46_map(host)
        ascii_host = to_ascii(host)
    if len(ascii_host) > _MAX_HOST or any(len(part) > _MAX_LABEL for part in ascii_host.split(".")):
        return None  # no resolver accepts it (and a megabyte "host" must not cost minutes)
    subdomain, label, suffix = split_host(host)
    return NormalHost(text, host, ascii_host, subdomain, label, suffix, bad_punycode=bad)


def _uts46_map(host: str) -> str:
    """UTS 46 mapping (case folding, width, compatibility forms) of a Unicode host."""
    import idna

    try:
        return str(idna.uts46_remap(host, std3_rules=False, transitional=False))
    except (idna.IDNAError, UnicodeError, ValueError):
        return host

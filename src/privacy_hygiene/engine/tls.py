"""Whom to trust for TLS, and what a certificate failure means in plain words.

Trust: ``--ca-bundle FILE`` if given; else ``SSL_CERT_FILE``/``SSL_CERT_DIR``; else the operating
system's store through truststore (people behind corporate or antivirus TLS interception have that
root only there), falling back to certifi.
"""

from __future__ import annotations

import os
import ssl
from dataclasses import dataclass

from privacy_hygiene.errors import UsageError
from privacy_hygiene.i18n import LocalText, both

#: OpenSSL X509_V_ERR_* codes → the kind of failure a person can understand
_VERIFY_CODES: dict[int, str] = {
    9: "not-yet-valid",
    10: "expired",
    18: "self-signed",
    19: "self-signed",
    20: "unknown-ca",
    21: "unknown-ca",
    2: "unknown-ca",
    62: "wrong-host",
    64: "wrong-host",
}


class TrustError(UsageError):
    """The trust settings themselves are unusable (a CA bundle that cannot be read)."""

    def __init__(self, path: str, reason: str) -> None:
        self.local: LocalText = both("fetch.ca_bundle", path=path, reason=reason)
        super().__init__(self.local.en)


def ssl_context(ca_bundle: str | None = None) -> ssl.SSLContext:
    """The verifying context for fetches."""
    if ca_bundle:
        try:
            return ssl.create_default_context(cafile=ca_bundle)
        except (OSError, ssl.SSLError) as exc:
            raise TrustError(ca_bundle, str(exc)) from exc
    env_file = os.environ.get("SSL_CERT_FILE") or None
    env_dir = os.environ.get("SSL_CERT_DIR") or None
    if env_file or env_dir:
        try:
            return ssl.create_default_context(cafile=env_file, capath=env_dir)
        except (OSError, ssl.SSLError) as exc:
            raise TrustError(env_file or env_dir or "", str(exc)) from exc
    try:
        import truststore

        return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    except (ImportError, OSError, ssl.SSLError):
        import certifi

        return ssl.create_default_context(cafile=certifi.where())


def unverified_context() -> ssl.SSLContext:
    """A context that checks nothing: used only to describe a page whose certificate failed."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


@dataclass(frozen=True)
class CertificateFailure:
    """A certificate that failed verification: ``kind`` (expired, self-signed, wrong-host,
    unknown-ca, not-yet-valid, untrusted) and OpenSSL's own words in ``detail``."""

    kind: str
    detail: str


def certificate_failure(exc: BaseException) -> CertificateFailure | None:
    """The certificate failure behind ``exc`` (walking ``__cause__``/``__context__``), if any."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, ssl.SSLCertVerificationError):
            code = current.verify_code or 0
            detail = current.verify_message or str(current)
            kind = _VERIFY_CODES.get(code, "untrusted")
            if kind == "untrusted" and "hostname" in detail.lower():
                kind = "wrong-host"
            return CertificateFailure(kind=kind, detail=detail)
        current = current.__cause__ or current.__context__
    return None

"""TLS against local servers with trustme certificates: valid, expired, wrong host, unknown CA,
self-signed. A failed certificate still yields a described page, marked unverified."""

from __future__ import annotations

import datetime
import ssl
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import trustme

from privacy_hygiene.engine.audit import AuditOptions, audit_page
from privacy_hygiene.engine.fetch import FetchOptions, fetch
from privacy_hygiene.engine.tls import TrustError, ssl_context
from tests.servers import HostileServer, send_body

LOGIN = b"<title>Bank login</title><form method=post action=/s><input name=u><input type=password name=p></form>"
PAST = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)


def server_context(cert: Any) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    cert.configure_cert(context)
    return context


def self_signed_context(ca: trustme.CA, folder: Path) -> ssl.SSLContext:
    """The CA's own (self-signed) certificate served as the site's certificate."""
    cert, key = folder / "self.pem", folder / "self.key"
    ca.cert_pem.write_to_path(str(cert))
    ca.private_key_pem.write_to_path(str(key))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(str(cert), str(key))
    return context


@pytest.fixture
def tls_server(request: pytest.FixtureRequest, local_ca: trustme.CA, tmp_path: Path) -> Iterator[HostileServer]:
    kind = request.param
    if kind == "valid":
        context = server_context(local_ca.issue_cert("127.0.0.1", "localhost"))
    elif kind == "expired":
        context = server_context(local_ca.issue_cert("127.0.0.1", not_before=PAST, not_after=PAST))
    elif kind == "wrong-host":
        context = server_context(local_ca.issue_cert("wrong.example"))
    elif kind == "unknown-ca":
        context = server_context(trustme.CA().issue_cert("127.0.0.1"))
    else:
        context = self_signed_context(trustme.CA(), tmp_path)
    with HostileServer(tls=context) as server:
        server.route("/", send_body(200, LOGIN, {"Content-Type": "text/html"}))
        yield server


@pytest.mark.parametrize("tls_server", ["valid"], indirect=True)
def test_valid_certificate_with_ca_bundle(tls_server: HostileServer, ca_bundle: Path) -> None:
    page = fetch(tls_server.url("/"), FetchOptions(ca_bundle=str(ca_bundle), deadline=5))
    assert page.tls is not None and page.tls.verified
    assert page.title == "Bank login" and not page.notes
    report = audit_page(page, options=AuditOptions())
    assert not [f for f in report.findings if f.category == "tls"]


@pytest.mark.parametrize(
    ("tls_server", "kind", "rule"),
    [
        ("expired", "expired", "PH-CONNECTION-010"),
        ("wrong-host", "wrong-host", "PH-CONNECTION-030"),
        ("unknown-ca", "unknown-ca", "PH-CONNECTION-040"),
        ("self-signed", "self-signed", "PH-CONNECTION-020"),
    ],
    indirect=["tls_server"],
)
def test_certificate_failures_are_described(tls_server: HostileServer, ca_bundle: Path, kind: str, rule: str) -> None:
    page = fetch(tls_server.url("/"), FetchOptions(ca_bundle=str(ca_bundle), deadline=5))
    assert page.tls is not None and not page.tls.verified
    assert page.tls.error == kind, page.tls
    # the page is still described, and the report says how it was read
    assert page.title == "Bank login"
    assert any("without verifying" in note.en for note in page.notes)
    assert any("不验证证书" in note.zh for note in page.notes)
    report = audit_page(page)
    tls = [f for f in report.findings if f.category == "tls"]
    assert [f.rule_id for f in tls] == [rule]
    # the page asks for a password over a connection nobody can vouch for: critical
    assert tls[0].severity.label == "critical"
    assert report.grade is not None and report.grade.letter == "F"


@pytest.mark.parametrize("tls_server", ["expired"], indirect=True)
def test_certificate_failure_without_a_form_is_high(tls_server: HostileServer, ca_bundle: Path) -> None:
    tls_server.route("/", send_body(200, b"<title>News</title><p>hello</p>", {"Content-Type": "text/html"}))
    report = audit_page(fetch(tls_server.url("/"), FetchOptions(ca_bundle=str(ca_bundle), deadline=5)))
    assert [f.severity.label for f in report.findings if f.category == "tls"] == ["high"]


@pytest.mark.parametrize("tls_server", ["valid"], indirect=True)
def test_ssl_cert_file_is_honoured(tls_server: HostileServer, ca_bundle: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(ca_bundle))
    page = fetch(tls_server.url("/"), FetchOptions(deadline=5))
    assert page.tls is not None and page.tls.verified


def test_unreadable_ca_bundle_is_a_usage_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.pem"
    bad.write_text("not a certificate")
    for path in (str(bad), str(tmp_path / "missing.pem")):
        with pytest.raises(TrustError) as caught:
            ssl_context(path)
        assert "certificate file" in str(caught.value) and "证书文件" in caught.value.local.zh


def test_default_trust_is_the_os_store(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    assert type(ssl_context()).__module__.startswith("truststore")


@pytest.mark.parametrize("tls_server", ["expired"], indirect=True)
def test_certificate_failure_survives_a_failed_re_read(tls_server: HostileServer, ca_bundle: Path) -> None:
    from tests.servers import endless_redirects

    tls_server.route("/chain/*", endless_redirects())
    page = fetch(tls_server.url("/chain/0"), FetchOptions(ca_bundle=str(ca_bundle), deadline=5))
    assert page.tls is not None and page.tls.error == "expired"
    assert not page.is_html and any("could not be read" in note.en for note in page.notes)
    assert [f.rule_id for f in audit_page(page).findings] == ["PH-CONNECTION-010"]

"""Shared fixtures: an isolated state dir, the real catalog, pages from HTML, the CLI in-process
and as a real subprocess, and a local CA (trustme) for HTTPS servers on 127.0.0.1."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from privacy_hygiene.catalog import Catalog, get_catalog
from privacy_hygiene.models import Page

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own state dir; no test touches the real user data dir."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("PRIVACY_HYGIENE_HOME", str(home))
    monkeypatch.delenv("PRIVACY_HYGIENE_LANG", raising=False)
    for proxy in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(proxy, raising=False)
    return home


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    """The project's real heuristics catalog."""
    return get_catalog()


@pytest.fixture
def make_page() -> Callable[..., Page]:
    """Build a Page from HTML as if served from ``url``."""

    def build(html: str, url: str | None = "https://example.com/", **extra: object) -> Page:
        return Page(target=url or "page.html", url=url, html=html, **extra)  # type: ignore[arg-type]

    return build


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def run_cli(tmp_path: Path) -> Callable[..., CliResult]:
    """Run ``python -m privacy_hygiene ARGS`` as a real process; returns exit code, stdout, stderr."""

    def run(
        *args: str,
        stdin: str | None = None,
        env: dict[str, str] | None = None,
        cwd: Path | None = None,
        timeout: float = 60,
    ) -> CliResult:
        full_env = dict(os.environ)
        full_env["COLUMNS"] = "100"  # the same table widths whatever terminal runs the tests
        full_env["NO_COLOR"] = "1"
        full_env.update(env or {})
        done = subprocess.run(
            [sys.executable, "-m", "privacy_hygiene", *args],
            input=stdin,
            capture_output=True,
            text=True,
            env=full_env,
            cwd=cwd or tmp_path,
            timeout=timeout,
            encoding="utf-8",
        )
        return CliResult(done.returncode, done.stdout, done.stderr)

    return run


@pytest.fixture(scope="session")
def local_ca() -> object:
    """A throw-away certificate authority for HTTPS tests."""
    import trustme

    return trustme.CA()


@pytest.fixture(scope="session")
def ca_bundle(local_ca: object, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The local CA's certificate as a PEM file."""
    path = tmp_path_factory.mktemp("ca") / "ca.pem"
    local_ca.cert_pem.write_to_path(str(path))  # type: ignore[attr-defined]
    return path


@pytest.fixture(scope="session")
def httpserver_ssl_context(local_ca: object) -> object:
    """Not used by the plain ``httpserver`` fixture; see ``https_server``."""
    return None


@pytest.fixture
def https_server(local_ca: object) -> Iterator[object]:
    """A pytest-httpserver on 127.0.0.1 serving HTTPS with a certificate from the local CA."""
    import ssl

    from pytest_httpserver import HTTPServer

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    local_ca.issue_cert("127.0.0.1", "localhost").configure_cert(context)  # type: ignore[attr-defined]
    server = HTTPServer(host="127.0.0.1", port=0, ssl_context=context)
    server.start()
    try:
        yield server
    finally:
        server.clear()
        if server.is_running():
            server.stop()

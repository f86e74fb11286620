"""Fetch a page over http(s) safely: timeouts, a byte cap, redirects followed by hand and recorded.

Bodies are read raw and decompressed in bounded steps (httpx would inflate each network read in one
call, so a tiny compressed body could become gigabytes). The response is never executed; cookies
are not kept between targets.
"""

from __future__ import annotations

import ssl
import time
import zlib
from dataclasses import dataclass

from privacy_hygiene import __version__
from privacy_hygiene.engine.decode import decode_html
from privacy_hygiene.errors import FetchError
from privacy_hygiene.i18n import both
from privacy_hygiene.models import Page, RedirectHop

USER_AGENT = (
    f"privacy-hygiene/{__version__} (privacy audit requested by a user; +https://pypi.org/project/privacy-hygiene/)"
)
HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class FetchOptions:
    """Limits and trust settings for one fetch."""

    timeout: float = 10.0
    #: overall wall-clock limit for the whole fetch, redirects included (a trickling server never
    #: trips a read timeout)
    deadline: float = 20.0
    connect_timeout: float = 5.0
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 10
    ca_bundle: str | None = None
    accept_language: str = "zh-CN,zh;q=0.9,en;q=0.8"


def ssl_context(ca_bundle: str | None) -> ssl.SSLContext:
    """Trust ``ca_bundle`` if given, else ``SSL_CERT_FILE``/certifi plus the OS store (truststore)."""
    import os

    if ca_bundle:
        try:
            return ssl.create_default_context(cafile=ca_bundle)
        except (OSError, ssl.SSLError) as exc:
            raise FetchError(f"cannot use CA bundle {ca_bundle}: {exc}", kind="usage") from exc
    env_file = os.environ.get("SSL_CERT_FILE")
    env_dir = os.environ.get("SSL_CERT_DIR")
    if env_file or env_dir:
        try:
            return ssl.create_default_context(cafile=env_file or None, capath=env_dir or None)
        except (OSError, ssl.SSLError) as exc:
            raise FetchError(f"cannot use SSL_CERT_FILE/SSL_CERT_DIR: {exc}", kind="usage") from exc
    try:
        import truststore

        return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    except (ImportError, OSError, ssl.SSLError):
        import certifi

        return ssl.create_default_context(cafile=certifi.where())


class _Inflater:
    """Decompress gzip/deflate in bounded steps; other encodings are refused."""

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding.strip().lower()
        if self.encoding in ("", "identity"):
            self._zlib = None
        elif self.encoding in ("gzip", "x-gzip", "deflate"):
            self._zlib = zlib.decompressobj(zlib.MAX_WBITS | 32)
        else:
            raise FetchError(f"unsupported content encoding {encoding!r}", kind="encoding")

    def feed(self, data: bytes, room: int) -> bytes:
        if self._zlib is None:
            return data[:room]
        out = bytearray()
        chunk = data
        try:
            while len(out) < room:
                piece = self._zlib.decompress(chunk, min(65536, room - len(out)))
                out += piece
                chunk = self._zlib.unconsumed_tail
                if not chunk or not piece:
                    break
        except zlib.error as exc:
            raise FetchError(f"the compressed body is corrupt ({exc})", kind="encoding") from exc
        return bytes(out)


def fetch(url: str, options: FetchOptions | None = None) -> Page:
    """Fetch ``url`` and return the page; :class:`FetchError` when nothing usable came back."""
    import httpx

    options = options or FetchOptions()
    timeout = httpx.Timeout(options.timeout, connect=options.connect_timeout, pool=None)
    headers = {
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
        "Accept-Encoding": "gzip, deflate",
        "Accept-Language": options.accept_language,
    }
    give_up = time.monotonic() + options.deadline
    hops: list[RedirectHop] = []
    seen: set[str] = set()
    current = url
    try:
        with httpx.Client(
            timeout=timeout, headers=headers, verify=ssl_context(options.ca_bundle), follow_redirects=False
        ) as client:
            for _ in range(options.max_redirects + 1):
                with client.stream("GET", current) as response:
                    if response.is_redirect and "location" in response.headers:
                        hops.append(RedirectHop(url=current, status=response.status_code))
                        seen.add(current)
                        current = str(response.url.join(response.headers["location"]))
                        if current in seen:
                            raise FetchError("the site redirects in a loop", url=url, kind="redirect-loop")
                        continue
                    return _page(url, current, response, hops, options, give_up)
            raise FetchError(f"more than {options.max_redirects} redirects", url=url, kind="too-many-redirects")
    except httpx.TimeoutException as exc:
        raise FetchError("the site did not answer in time", url=url, kind="timeout") from exc
    except httpx.ConnectError as exc:
        raise FetchError(f"could not connect: {exc}", url=url, kind="connect") from exc
    except httpx.HTTPError as exc:
        raise FetchError(f"the fetch failed: {exc}", url=url, kind="http") from exc


def _page(
    url: str, final: str, response: object, hops: list[RedirectHop], options: FetchOptions, give_up: float
) -> Page:
    import httpx

    assert isinstance(response, httpx.Response)
    content_type = response.headers.get("content-type", "")
    mime = content_type.split(";", 1)[0].strip().lower()
    inflater = _Inflater(response.headers.get("content-encoding", ""))
    body = bytearray()
    truncated = False
    for raw in response.iter_raw():
        if time.monotonic() > give_up:
            raise FetchError(
                f"the site took longer than {options.deadline:g} s to send the page", url=url, kind="deadline"
            )
        room = options.max_bytes - len(body)
        body += inflater.feed(raw, room + 1)
        if len(body) > options.max_bytes:
            truncated = True
            del body[options.max_bytes :]
            break
    is_html = mime in HTML_TYPES or (not mime and b"<html" in bytes(body[:2048]).lower())
    text, encoding = decode_html(bytes(body), response.charset_encoding) if is_html else ("", "")
    notes = []
    if truncated:
        notes.append(both("report.note_truncated", limit=options.max_bytes // (1024 * 1024)))
    if not is_html:
        notes.append(both("report.note_not_html", content_type=mime or "?"))
    return Page(
        target=url,
        url=url,
        final_url=final,
        html=text,
        status=response.status_code,
        headers=tuple((key.lower(), value) for key, value in response.headers.multi_items()),
        content_type=mime,
        encoding=encoding,
        source="http",
        redirects=tuple(hops),
        truncated=truncated,
        notes=tuple(notes),
        is_html=is_html,
    )

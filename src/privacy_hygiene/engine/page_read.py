"""Read a streaming response into a :class:`Page`: bounded body, content type, charset, download name.

Only the raw stream is read (httpx's decoders never run); decoding is bounded by
:class:`~privacy_hygiene.engine.decompress.BoundedDecoder`. What is not a web page (PDF, images,
archives, binaries, an Android package) is not read past a short prefix and is marked ``is_html``
False with its content type; a connection that breaks off mid-page keeps what arrived.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from email.message import Message
from typing import TYPE_CHECKING

from privacy_hygiene.engine.decode import decode_html
from privacy_hygiene.engine.decompress import BoundedDecoder, DecodeError
from privacy_hygiene.i18n import LocalText, both
from privacy_hygiene.models import Page, RedirectHop, TlsInfo

if TYPE_CHECKING:
    import httpx

    from privacy_hygiene.engine.fetch import FetchOptions
    from privacy_hygiene.engine.tls import CertificateFailure

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
#: how much of a body with no content type is read to decide whether it is HTML
_SNIFF_BYTES = 1024
#: control characters HTML has no use for; runs of NUL (what a decompression bomb inflates to) make
#: lxml build a ~500 MB tree from 5 MB, so they are dropped before parsing
_CONTROL_RUNS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]+")
_HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<title", b"<form", b"<meta", b"<script", b"<div")


class ReadError(Exception):
    """The body could not be read: ``key`` names the message in ``locales/fetch.toml``."""

    def __init__(self, key: str, kind: str, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.kind = kind
        self.values = values


def content_disposition_filename(value: str | None) -> str:
    """The file name a ``Content-Disposition`` header offers (``filename*`` or ``filename``)."""
    if not value:
        return ""
    message = Message()
    message["content-disposition"] = value
    try:
        name = message.get_filename() or ""
    except (ValueError, LookupError, UnicodeError):
        return ""
    return name.strip().replace("\\", "/").rsplit("/", 1)[-1][:200]


def looks_like_html(prefix: bytes) -> bool:
    """True when a body with no content type starts like an HTML document."""
    head = prefix.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith(_HTML_STARTS) or b"<html" in head[:_SNIFF_BYTES]


async def read_page(
    url: str,
    final: str,
    response: httpx.Response,
    hops: Sequence[RedirectHop],
    options: FetchOptions,
    tls_failure: CertificateFailure | None,
) -> Page:
    """The page of a final (non-redirect) response."""
    import httpx

    content_type = response.headers.get("content-type", "")
    mime = content_type.split(";", 1)[0].strip().lower()
    encoding_header = response.headers.get("content-encoding", "")
    try:
        decoder = BoundedDecoder(encoding_header)
    except DecodeError:
        raise ReadError("encoding", "encoding", encoding=encoding_header[:40]) from None
    is_html: bool | None = True if mime in HTML_TYPES else (None if not mime else False)
    limit = options.max_bytes if is_html is not False else _SNIFF_BYTES
    body = bytearray()
    raw_total = 0
    truncated = cut = False
    try:
        async for raw in response.aiter_raw():
            raw_total += len(raw)
            body += decoder.feed(raw, limit + 1 - len(body))
            if is_html is None and len(body) >= _SNIFF_BYTES:
                is_html = looks_like_html(bytes(body[:_SNIFF_BYTES]))
                limit = options.max_bytes if is_html else _SNIFF_BYTES
            if len(body) > limit or raw_total > options.max_bytes:
                truncated = bool(is_html is not False)
                break
    except DecodeError:
        raise ReadError("encoding", "encoding", encoding=encoding_header[:40]) from None
    except (httpx.ReadError, httpx.RemoteProtocolError):
        if not body:
            raise
        cut = True
    del body[limit:]
    if is_html is None:
        is_html = looks_like_html(bytes(body[:_SNIFF_BYTES]))
    text, charset = decode_html(bytes(body), response.charset_encoding) if is_html else ("", "")
    text = _CONTROL_RUNS.sub("", text)
    text, too_many_tags = limit_markup(text, options.max_tags)
    notes: list[LocalText] = []
    if tls_failure is not None:
        notes.append(both("fetch.note_tls_unverified"))
    if truncated:
        notes.append(both("report.note_truncated", limit=_megabytes(options.max_bytes)))
    if too_many_tags:
        notes.append(both("fetch.note_too_many_tags", limit=options.max_tags))
    if cut:
        notes.append(both("fetch.note_cut"))
    if not is_html:
        notes.append(both("report.note_not_html", content_type=mime or "?"))
    tls = None
    if tls_failure is not None:
        tls = TlsInfo(verified=False, error=tls_failure.kind, detail=tls_failure.detail)
    elif final.startswith("https:"):
        tls = TlsInfo(verified=True)
    return Page(
        target=url,
        url=url,
        final_url=final,
        html=text,
        status=response.status_code,
        headers=tuple((key.lower(), value) for key, value in response.headers.multi_items()),
        content_type=mime,
        encoding=charset,
        source="http",
        redirects=tuple(hops),
        truncated=truncated or too_many_tags,
        tls=tls,
        notes=tuple(notes),
        is_html=is_html,
        download_filename=content_disposition_filename(response.headers.get("content-disposition")),
    )


def limit_markup(text: str, max_tags: int) -> tuple[str, bool]:
    """``text`` cut before its ``max_tags``-th tag, and whether it was cut.

    Parsing costs about half a kilobyte per element: 5 MB of ``<b>`` would become a 900 MB tree
    and take tens of seconds, so the page is audited up to the limit instead.
    """
    if text.count("<") <= max_tags:
        return text, False
    position = -1
    for _ in range(max_tags):
        position = text.find("<", position + 1)
    return text[:position], True


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):g}"

"""Turn page bytes into text the way a careful browser would, but preferring what decodes cleanly.

Order: byte-order mark; strict UTF-8 (valid multi-byte UTF-8 is almost never an accident, and
editors and browsers save UTF-8); the HTTP header charset; the ``<meta>`` charset; then detection
(charset-normalizer).
Declared charsets are mapped with WHATWG aliases (GB2312/GBK → GB18030, Big5 → Big5-HKSCS then
CP950) and each candidate must decode *strictly*: a page declared GB2312 that uses GBK-only
characters still decodes right, and ``BeautifulSoup(bytes, "lxml")`` never sees raw bytes.
"""

from __future__ import annotations

import codecs
import re

_ALIASES: dict[str, tuple[str, ...]] = {
    "gb2312": ("gb18030",),
    "gbk": ("gb18030",),
    "x-gbk": ("gb18030",),
    "gb_2312-80": ("gb18030",),
    "chinese": ("gb18030",),
    "csgb2312": ("gb18030",),
    "euc-cn": ("gb18030",),
    "hz-gb-2312": ("gb18030",),
    "big5": ("big5hkscs", "cp950"),
    "big5-hkscs": ("big5hkscs", "cp950"),
    "x-x-big5": ("big5hkscs", "cp950"),
    "cn-big5": ("big5hkscs", "cp950"),
    "csbig5": ("big5hkscs", "cp950"),
    "iso-8859-1": ("cp1252",),
    "latin1": ("cp1252",),
    "latin-1": ("cp1252",),
    "us-ascii": ("cp1252",),
    "ascii": ("cp1252",),
    "x-sjis": ("shift_jis",),
    "unicode": ("utf-16",),
    "utf8": ("utf-8",),
}

_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_:.+-]+)""", re.IGNORECASE)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _candidates(label: str | None) -> tuple[str, ...]:
    if not label:
        return ()
    name = label.strip().strip("\"'").lower()
    if not name:
        return ()
    mapped = _ALIASES.get(name, (name,))
    valid = []
    for item in mapped:
        try:
            valid.append(codecs.lookup(item).name)
        except LookupError:
            continue
    return tuple(valid)


def meta_charset(body: bytes) -> str | None:
    """The charset named by a ``<meta>`` tag in the first 4 KB (HTML's prescan window, doubled)."""
    match = _META_CHARSET.search(body[:4096])
    return match.group(1).decode("ascii", "replace") if match else None


def decode_html(body: bytes, header_charset: str | None = None) -> tuple[str, str]:
    """Decode ``body``; return ``(text, encoding)``. Never raises: the last resort replaces bytes."""
    for bom, encoding in _BOMS:
        if body.startswith(bom):
            return body.decode(encoding, errors="replace"), encoding.replace("-sig", "")
    # Valid multi-byte UTF-8 is almost never an accident, so it wins over any declaration (pages
    # re-encoded by editors or proxies keep their old <meta charset>); saved files likewise.
    order: list[str] = ["utf-8"]
    order.extend(_candidates(header_charset))
    order.extend(_candidates(meta_charset(body)))
    order.append("utf-8")
    seen: set[str] = set()
    for encoding in order:
        if encoding in seen:
            continue
        seen.add(encoding)
        try:
            return body.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError):
            continue
    return _detect(body)


def _detect(body: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(body[:200_000]).best()
    if best is not None:
        encoding = _candidates(best.encoding)[:1] or (best.encoding,)
        try:
            return body.decode(encoding[0], errors="replace"), encoding[0]
        except LookupError:
            pass
    return body.decode("utf-8", errors="replace"), "utf-8"

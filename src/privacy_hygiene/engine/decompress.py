"""Decompress a response body in bounded steps, so a small body can never inflate past the cap.

httpx inflates each network read in one call, with no output limit (a 1.6 KB brotli body came out
as one 1 GiB chunk), so the fetcher reads the raw stream and feeds it here. Every call returns at
most ``room`` bytes and never holds more than about one step's output in memory:

- gzip/deflate: zlib's ``max_length`` with ``unconsumed_tail``;
- br: ``Decompressor.process(..., output_buffer_limit=...)`` (brotli >= 1.2);
- zstd: ``zstandard``'s decompressobj has no output limit, so input goes in small slices: one
  input byte can yield at most one 128 KiB block, which bounds each slice's output.
"""

from __future__ import annotations

import zlib
from typing import Any

#: output produced per decoding step
STEP = 64 * 1024
#: zstd input slice: a block header plus an RLE byte (4 bytes) can expand to 128 KiB, so a
#: 32-byte slice yields at most ~1 MiB
_ZSTD_SLICE = 32


class DecodeError(Exception):
    """The body's compression is unknown or the compressed data is corrupt."""


class BoundedDecoder:
    """Turns raw body chunks into decoded bytes, never more than asked for."""

    def __init__(self, content_encoding: str) -> None:
        codings = [item.strip().lower() for item in content_encoding.split(",") if item.strip()]
        codings = [item for item in codings if item != "identity"]
        if len(codings) > 1:
            raise DecodeError(content_encoding)
        self.coding = codings[0] if codings else ""
        self._pending = b""
        self._zlib: Any = None
        self._brotli: Any = None
        self._zstd: Any = None
        self._brotli_holds_output = False
        if self.coding in ("gzip", "x-gzip"):
            self._zlib = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif self.coding == "deflate":
            self._zlib = None  # zlib-wrapped or raw deflate: decided on the first bytes
        elif self.coding == "br":
            import brotli

            self._brotli = brotli.Decompressor()
        elif self.coding == "zstd":
            import zstandard

            self._zstd = zstandard.ZstdDecompressor().decompressobj()
        elif self.coding:
            raise DecodeError(content_encoding)

    def feed(self, data: bytes, room: int) -> bytes:
        """Decode ``data`` (plus anything held back); return at most ``room`` bytes.

        When the output would exceed ``room`` the rest is dropped: the caller stops at the cap.
        """
        try:
            if not self.coding:
                return data[:room]
            if self.coding == "br":
                return self._feed_brotli(data, room)
            if self.coding == "zstd":
                return self._feed_zstd(data, room)
            return self._feed_zlib(data, room)
        except DecodeError:
            raise
        except Exception as exc:  # zlib.error, brotli.error, zstd.ZstdError: all mean "corrupt"
            raise DecodeError(f"{self.coding}: {exc}") from exc

    def _feed_zlib(self, data: bytes, room: int) -> bytes:
        if self._zlib is None:  # deflate: a zlib header is 0x78 with a valid check value
            pending = self._pending + data
            if len(pending) < 2:
                self._pending = pending
                return b""
            self._pending = b""
            zlib_wrapped = pending[0] & 0x0F == 8 and (pending[0] << 8 | pending[1]) % 31 == 0
            self._zlib = zlib.decompressobj(zlib.MAX_WBITS if zlib_wrapped else -zlib.MAX_WBITS)
            data = pending
        out = bytearray()
        chunk = data
        while len(out) < room:
            piece = self._zlib.decompress(chunk, min(STEP, room - len(out)))
            out += piece
            chunk = self._zlib.unconsumed_tail
            if not chunk or self._zlib.eof:
                break
        return bytes(out)

    def _feed_brotli(self, data: bytes, room: int) -> bytes:
        # after a limited call the decoder may still hold output: drain it with empty input
        # (until it yields nothing) before giving it new data
        out = bytearray()
        self._pending += data
        while len(out) < room and not self._brotli.is_finished():
            limit = min(STEP, room - len(out))
            if self._brotli_holds_output:
                piece = self._brotli.process(b"", output_buffer_limit=limit)
                self._brotli_holds_output = bool(piece)
                out += piece
                continue
            if not self._pending:
                break
            chunk, self._pending = self._pending, b""
            out += self._brotli.process(chunk, output_buffer_limit=limit)
            self._brotli_holds_output = True
        return bytes(out[:room])

    def _feed_zstd(self, data: bytes, room: int) -> bytes:
        out = bytearray()
        for start in range(0, len(data), _ZSTD_SLICE):
            if len(out) >= room or self._zstd.eof:
                break
            out += self._zstd.decompress(data[start : start + _ZSTD_SLICE])
        return bytes(out[:room])

"""A small threaded raw-socket HTTP/1.1 server on 127.0.0.1 for hostile cases.

pytest-httpserver (Werkzeug) cannot trickle, stall before headers, reset mid-body or send bodies
with lying framing; this one writes raw bytes, so every route controls the wire exactly. Routes are
functions ``(conn, request) -> None`` that write a whole response. Sleeping in a route is the
*server* being slow (never the test): sleeps wait on ``server.stopping`` so closing the server ends
them at once. Optionally serves TLS with any certificate (expired, wrong host) from trustme.
"""

from __future__ import annotations

import functools
import socket
import socketserver
import ssl
import struct
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field


@dataclass
class Request:
    """What the client sent: method, path and headers (lower-case names)."""

    method: str
    path: str
    headers: dict[str, str] = field(default_factory=dict)


Route = Callable[[socket.socket, Request], None]


def response_head(status: int = 200, reason: str = "OK", headers: dict[str, str] | None = None) -> bytes:
    lines = [f"HTTP/1.1 {status} {reason}"]
    lines.extend(f"{key}: {value}" for key, value in (headers or {}).items())
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def send_body(status: int = 200, body: bytes = b"", headers: dict[str, str] | None = None, reason: str = "OK") -> Route:
    """A route that answers with ``body`` and an honest Content-Length."""

    def route(conn: socket.socket, request: Request) -> None:
        all_headers = {"Content-Length": str(len(body)), "Connection": "close", **(headers or {})}
        conn.sendall(response_head(status, reason, all_headers) + body)

    return route


def send_chunks(chunks: Callable[[], Iterator[bytes]], headers: dict[str, str]) -> Route:
    """A route that streams ``chunks()`` with chunked framing until the client goes away."""

    def route(conn: socket.socket, request: Request) -> None:
        conn.sendall(response_head(200, "OK", {**headers, "Transfer-Encoding": "chunked", "Connection": "close"}))
        for chunk in chunks():
            conn.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        conn.sendall(b"0\r\n\r\n")

    return route


def redirect(location: str, status: int = 302, headers: dict[str, str] | None = None) -> Route:
    return send_body(status, b"", {"Location": location, **(headers or {})}, reason="Found")


class HostileServer:
    """``with HostileServer() as server: server.route("/x", fn); server.url("/x")``."""

    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        self.routes: dict[str, Route] = {}
        self.prefix_routes: list[tuple[str, Route]] = []
        self.requests: list[Request] = []
        self.stopping = threading.Event()
        self.tls = tls
        outer = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                outer._handle(self.request)

        class Server(socketserver.ThreadingTCPServer):
            daemon_threads = True
            block_on_close = False
            allow_reuse_address = True

        self._server = Server(("127.0.0.1", 0), Handler)
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    def __enter__(self) -> HostileServer:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stopping.set()
        self._server.shutdown()
        self._server.server_close()

    def url(self, path: str = "/") -> str:
        scheme = "https" if self.tls else "http"
        return f"{scheme}://127.0.0.1:{self.port}{path}"

    def route(self, path: str, handler: Route) -> None:
        if path.endswith("*"):
            self.prefix_routes.append((path[:-1], handler))
        else:
            self.routes[path] = handler

    def sleep(self, seconds: float) -> bool:
        """Wait as a slow server would; False when the server is closing."""
        return not self.stopping.wait(seconds)

    def _handle(self, conn: socket.socket) -> None:
        try:
            if self.tls is not None:
                conn = self.tls.wrap_socket(conn, server_side=True)
            conn.settimeout(60)
            request = self._read_request(conn)
            if request is None:
                return
            self.requests.append(request)
            handler = self.routes.get(request.path.split("?", 1)[0])
            if handler is None:
                handler = next(
                    (fn for prefix, fn in self.prefix_routes if request.path.startswith(prefix)),
                    send_body(404, b"not found", {"Content-Type": "text/plain"}, "Not Found"),
                )
            handler(conn, request)
        except (OSError, ssl.SSLError):
            pass  # the client went away or refused our certificate: that is the point of many tests
        finally:
            with suppress(OSError):
                conn.close()

    @staticmethod
    def _read_request(conn: socket.socket) -> Request | None:
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = conn.recv(65536)
            if not chunk:
                return None
            data += chunk
            if len(data) > 1 << 20:
                return None
        head = data.split(b"\r\n\r\n", 1)[0].decode("latin-1")
        first, *lines = head.split("\r\n")
        method, path, _ = [*first.split(" "), "", ""][:3]
        headers = {}
        for line in lines:
            key, _, value = line.partition(":")
            headers[key.strip().lower()] = value.strip()
        return Request(method=method, path=path, headers=headers)


# -- hostile routes -----------------------------------------------------------------------------


def huge_page(total: int) -> Route:
    """An HTML page of ``total`` bytes sent as fast as the client reads (no Content-Length)."""
    block = b"<p>" + b"x" * 65529 + b"</p>\n"

    def chunks() -> Iterator[bytes]:
        yield b"<!doctype html><html><head><title>Huge</title></head><body>"
        sent = 0
        while sent < total:
            yield block
            sent += len(block)
        yield b"</body></html>"

    return send_chunks(chunks, {"Content-Type": "text/html; charset=utf-8"})


def trickle(server: HostileServer, interval: float = 1.0) -> Route:
    """Headers at once, then one byte per ``interval`` for as long as the client listens."""

    def route(conn: socket.socket, request: Request) -> None:
        conn.sendall(response_head(200, "OK", {"Content-Type": "text/html", "Content-Length": "100000"}))
        while server.sleep(interval):
            conn.sendall(b"x")

    return route


def stall_headers(server: HostileServer, seconds: float = 30.0) -> Route:
    """Accept the request, then say nothing for ``seconds`` before the headers."""

    def route(conn: socket.socket, request: Request) -> None:
        if server.sleep(seconds):
            send_body(200, b"<title>late</title>", {"Content-Type": "text/html"})(conn, request)

    return route


def endless_redirects() -> Route:
    """/chain/N redirects to /chain/N+1, forever."""

    def route(conn: socket.socket, request: Request) -> None:
        number = int(request.path.rsplit("/", 1)[-1] or 0)
        redirect(f"/chain/{number + 1}")(conn, request)

    return route


def reset_mid_body(first_part: bytes) -> Route:
    """Promise a long body, send ``first_part``, then reset the connection (RST, not FIN)."""

    def route(conn: socket.socket, request: Request) -> None:
        conn.sendall(response_head(200, "OK", {"Content-Type": "text/html", "Content-Length": "1000000"}))
        conn.sendall(first_part)
        time.sleep(0.05)  # let the bytes leave before the reset (server side only)
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        conn.close()

    return route


@functools.cache
def bomb(coding: str) -> bytes:
    """Zero bytes compressed with ``coding``, built in 1 MiB steps so the test process stays small:
    1 GiB for br/zstd (~1.6 KB / 32 KB on the wire), 256 MiB for gzip/deflate (~256 KB; deflate
    cannot beat ~1000:1, and 1 GiB would take seconds to build)."""
    import brotli
    import zstandard

    block = b"\0" * (1 << 20)
    if coding == "br":
        packer = brotli.Compressor(quality=5)
        parts = [packer.process(block) for _ in range(1024)]
        parts.append(packer.finish())
    elif coding == "zstd":
        zpacker = zstandard.ZstdCompressor(level=3).compressobj()
        parts = [zpacker.compress(block) for _ in range(1024)]
        parts.append(zpacker.flush())
    else:
        dpacker = zlib.compressobj(9, zlib.DEFLATED, 31 if coding == "gzip" else 15)
        parts = [dpacker.compress(block) for _ in range(256)]
        parts.append(dpacker.flush())
    return b"".join(parts)

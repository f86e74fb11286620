"""Fetching a hostile web, in process, against the raw server on 127.0.0.1 (no mocks).

Slow cases run with a 2 s deadline and assert the elapsed time is bounded; nothing here sleeps.
"""

from __future__ import annotations

import gzip
import time
import zlib
from collections.abc import Iterator

import brotli
import pytest
import zstandard

from privacy_hygiene.engine.fetch import FetchFailure, FetchOptions, fetch
from privacy_hygiene.engine.page_read import content_disposition_filename, looks_like_html
from tests.servers import (
    HostileServer,
    bomb,
    endless_redirects,
    huge_page,
    redirect,
    reset_mid_body,
    send_body,
    stall_headers,
    trickle,
)

MB = 1024 * 1024
FAST = FetchOptions(deadline=2.0, timeout=5.0, connect_timeout=2.0)
HTML = {"Content-Type": "text/html; charset=utf-8"}


@pytest.fixture
def server() -> Iterator[HostileServer]:
    with HostileServer() as running:
        yield running


def timed(url: str, options: FetchOptions = FAST) -> tuple[float, object]:
    start = time.monotonic()
    try:
        result: object = fetch(url, options)
    except FetchFailure as exc:
        result = exc
    return time.monotonic() - start, result


def test_plain_page_headers_user_agent_and_no_cookie_carry_over(server: HostileServer) -> None:
    server.route("/a", send_body(200, b"<title>A</title>", {**HTML, "Set-Cookie": "sid=secret; Path=/"}))
    server.route("/b", send_body(200, b"<title>B</title>", HTML))
    page = fetch(server.url("/a"), FAST)
    assert page.title == "A" and page.status == 200 and page.is_html and not page.truncated
    assert page.header("set-cookie") == "sid=secret; Path=/"
    fetch(server.url("/b"), FAST)
    first, second = server.requests
    assert first.headers["user-agent"].startswith("privacy-hygiene/")
    assert "cookie" not in second.headers, "a cookie from one target reached the next"


def test_cookie_kept_within_one_redirect_chain_only(server: HostileServer) -> None:
    server.route("/login", redirect("/home", headers={"Set-Cookie": "step=1; Path=/"}))
    server.route("/home", send_body(200, b"<title>home</title>", HTML))
    page = fetch(server.url("/login"), FAST)
    assert page.title == "home"
    assert server.requests[1].headers.get("cookie") == "step=1"
    fetch(server.url("/home"), FAST)
    assert "cookie" not in server.requests[2].headers


def test_60_mb_page_is_cut_at_the_cap_and_marked_truncated(server: HostileServer) -> None:
    server.route("/huge", huge_page(60 * MB))
    elapsed, page = timed(server.url("/huge"), FetchOptions(deadline=15))
    assert not isinstance(page, FetchFailure), page
    assert page.truncated and len(page.html) <= 5 * MB
    assert page.title == "Huge"
    assert any("5 MB" in note.en for note in page.notes)
    assert elapsed < 15


def test_trickling_server_stops_at_the_deadline(server: HostileServer) -> None:
    server.route("/trickle", trickle(server, interval=0.2))
    elapsed, result = timed(server.url("/trickle"))
    assert isinstance(result, FetchFailure) and result.kind == "deadline"
    assert "2 s" in str(result) and "2 秒" in result.local.zh
    assert 1.9 < elapsed < 4


def test_headers_after_30_s_stop_at_the_deadline(server: HostileServer) -> None:
    server.route("/stall", stall_headers(server, 30))
    elapsed, result = timed(server.url("/stall"))
    assert isinstance(result, FetchFailure) and result.kind == "deadline"
    assert elapsed < 4


def test_read_timeout_is_reported_as_timeout(server: HostileServer) -> None:
    server.route("/stall", stall_headers(server, 30))
    elapsed, result = timed(server.url("/stall"), FetchOptions(deadline=10, timeout=0.5))
    assert isinstance(result, FetchFailure) and result.kind == "timeout"
    assert elapsed < 3


def test_endless_redirect_chain_stops_after_ten_with_the_chain(server: HostileServer) -> None:
    server.route("/chain/*", endless_redirects())
    elapsed, result = timed(server.url("/chain/0"))
    assert isinstance(result, FetchFailure) and result.kind == "too-many-redirects"
    assert len(result.redirects) == 11
    assert result.redirects[0].url == server.url("/chain/0") and result.redirects[0].status == 302
    assert elapsed < 4


def test_redirect_loop_is_detected(server: HostileServer) -> None:
    server.route("/a", redirect("/b"))
    server.route("/b", redirect("/a"))
    _, result = timed(server.url("/a"))
    assert isinstance(result, FetchFailure) and result.kind == "redirect-loop"
    assert [hop.url for hop in result.redirects] == [server.url("/a"), server.url("/b")]


def test_near_miss_ten_redirects_are_followed(server: HostileServer) -> None:
    for number in range(10):
        server.route(f"/r{number}", redirect(f"/r{number + 1}", status=301))
    server.route("/r10", send_body(200, b"<title>end</title>", HTML))
    page = fetch(server.url("/r0"), FAST)
    assert page.title == "end" and len(page.redirects) == 10
    assert page.final_url == server.url("/r10")


@pytest.mark.parametrize("location", ["file:///etc/passwd", "javascript:alert(1)", "data:text/html,hi"])
def test_redirect_to_a_non_web_address_is_refused(server: HostileServer, location: str) -> None:
    server.route("/go", redirect(location))
    _, result = timed(server.url("/go"))
    assert isinstance(result, FetchFailure) and result.kind == "redirect-refused"


@pytest.mark.parametrize("coding", ["gzip", "br", "zstd", "deflate"])
def test_bombs_stop_at_the_cap(server: HostileServer, coding: str) -> None:
    body = bomb(coding)
    server.route("/bomb", send_body(200, body, {**HTML, "Content-Encoding": coding}))
    elapsed, page = timed(server.url("/bomb"), FetchOptions(deadline=15))
    assert not isinstance(page, FetchFailure), page
    # 5 MB of zeros were decoded (the cap), then dropped as control characters before parsing
    assert page.truncated and page.html == ""
    assert any("only the first 5 MB" in note.en for note in page.notes)
    assert elapsed < 15


@pytest.mark.parametrize("coding", ["gzip", "br", "zstd", "deflate"])
def test_compressed_pages_decode_exactly(server: HostileServer, coding: str) -> None:
    html = "<html><head><title>压缩 ok</title></head><body>" + "<p>你好 hello</p>" * 5000 + "</body></html>"
    raw = html.encode()
    body = {
        "gzip": gzip.compress(raw),
        "br": brotli.compress(raw),
        "zstd": zstandard.ZstdCompressor().compress(raw),
        "deflate": zlib.compress(raw),
    }[coding]
    server.route("/z", send_body(200, body, {**HTML, "Content-Encoding": coding}))
    page = fetch(server.url("/z"), FAST)
    assert page.html == html and not page.truncated


def test_unknown_or_corrupt_encoding_is_a_clear_error(server: HostileServer) -> None:
    server.route("/weird", send_body(200, b"abc", {**HTML, "Content-Encoding": "compress"}))
    server.route("/corrupt", send_body(200, b"\x1f\x8b\x08\x00garbage-not-gzip", {**HTML, "Content-Encoding": "gzip"}))
    for path in ("/weird", "/corrupt"):
        _, result = timed(server.url(path))
        assert isinstance(result, FetchFailure) and result.kind == "encoding", path


@pytest.mark.parametrize(
    ("path", "body", "content_type"),
    [
        ("/file.bin", bytes(range(256)) * 4096, "application/octet-stream"),
        ("/paper.pdf", b"%PDF-1.7\n" + b"0" * 2_000_000, "application/pdf"),
        ("/pic.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 10_000, "image/png"),
        ("/a.zip", b"PK\x03\x04" + b"\0" * 10_000, "application/zip"),
    ],
    ids=["binary", "pdf", "png", "zip"],
)
def test_non_html_is_not_a_web_page(server: HostileServer, path: str, body: bytes, content_type: str) -> None:
    server.route(path, send_body(200, body, {"Content-Type": content_type}))
    page = fetch(server.url(path), FAST)
    assert not page.is_html and page.html == "" and page.content_type == content_type
    assert any("not a web page" in note.en and content_type in note.en for note in page.notes)
    assert any("不是网页" in note.zh for note in page.notes)


def test_apk_download_is_recorded(server: HostileServer) -> None:
    server.route(
        "/get",
        send_body(
            200,
            b"PK\x03\x04" + b"\0" * 5000,
            {
                "Content-Type": "application/octet-stream",
                "Content-Disposition": 'attachment; filename="bonus-app.apk"',
            },
        ),
    )
    page = fetch(server.url("/get"), FAST)
    assert page.download_filename == "bonus-app.apk" and not page.is_html


def test_html_without_content_type_is_sniffed(server: HostileServer) -> None:
    server.route("/bare", send_body(200, b"<!DOCTYPE html><html><title>bare</title>" + b" " * 3000))
    server.route("/blob", send_body(200, b"\0\1\2binary" * 500))
    assert fetch(server.url("/bare"), FAST).title == "bare"
    assert not fetch(server.url("/blob"), FAST).is_html


@pytest.mark.parametrize("meta", ["", '<meta http-equiv="Content-Type" content="text/html; charset=gbk">'])
def test_gbk_page_whose_header_names_no_charset(server: HostileServer, meta: str) -> None:
    html = (
        f"<html><head>{meta}<title>用户登录 — 个人信息</title></head>"
        "<body><p>请输入身份证号码和手机号码，我们会保护您的隐私。</p></body></html>"
    )
    server.route("/gbk", send_body(200, html.encode("gbk"), {"Content-Type": "text/html"}))
    page = fetch(server.url("/gbk"), FAST)
    assert page.title == "用户登录 — 个人信息"
    assert "身份证号码" in page.soup.get_text()


def test_connection_reset_mid_body_keeps_what_arrived(server: HostileServer) -> None:
    server.route("/reset", reset_mid_body(b"<html><head><title>partial</title></head><body>" + b"a" * 20000))
    _, page = timed(server.url("/reset"))
    assert not isinstance(page, FetchFailure), page
    assert page.title == "partial"
    assert any("broke off" in note.en for note in page.notes)


def test_reset_before_any_body_is_an_error(server: HostileServer) -> None:
    server.route("/reset", reset_mid_body(b""))
    _, result = timed(server.url("/reset"))
    assert isinstance(result, FetchFailure) and result.kind in ("connect", "protocol")


def test_status_500_page_is_still_returned(server: HostileServer) -> None:
    server.route("/err", send_body(500, b"<title>Server error</title><form><input type=password></form>", HTML))
    page = fetch(server.url("/err"), FAST)
    assert page.status == 500 and page.title == "Server error"


def test_closed_port_is_a_connect_error() -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    elapsed, result = timed(f"http://127.0.0.1:{port}/")
    assert isinstance(result, FetchFailure) and result.kind == "connect"
    assert "could not reach" in str(result) and elapsed < 2


def test_redirect_from_public_site_to_loopback_is_refused() -> None:
    from privacy_hygiene.engine.fetch import _next_hop

    with pytest.raises(FetchFailure) as caught:
        _next_hop("https://example.com/", "https://example.com/", "http://127.0.0.1:8080/admin", [])
    assert caught.value.kind == "redirect-private"
    with pytest.raises(FetchFailure):
        _next_hop("https://example.com/", "https://example.com/", "http://192.168.1.1/", [])
    for sneaky in ("http://0x7f.1/", "http://2130706433/", "http://127.1/", "http://localhost:9/", "http://[::1]/"):
        with pytest.raises(FetchFailure):
            _next_hop("https://example.com/", "https://example.com/", sneaky, [])
    assert _next_hop("https://example.com/", "https://example.com/", "https://8.8.8.8/", []) == "https://8.8.8.8/"
    # near miss: a loopback site redirecting within loopback (what the person typed)
    assert _next_hop("http://127.0.0.1/", "http://127.0.0.1/", "/next", []) == "http://127.0.0.1/next"


def test_content_disposition_and_sniffing_helpers() -> None:
    assert content_disposition_filename('attachment; filename="a.apk"') == "a.apk"
    assert content_disposition_filename("attachment; filename*=UTF-8''%E7%BA%A2%E5%8C%85.apk") == "红包.apk"
    assert content_disposition_filename('attachment; filename="../../x/evil.apk"') == "evil.apk"
    assert content_disposition_filename(None) == ""
    assert looks_like_html(b"\xef\xbb\xbf  <!DOCTYPE html><p>")
    assert not looks_like_html(b"%PDF-1.4")


def test_tag_flood_is_cut_before_parsing(server: HostileServer) -> None:
    server.route("/flood", send_body(200, b"<title>flood</title>" + b"<b>" * 1_700_000, HTML))
    elapsed, page = timed(server.url("/flood"), FetchOptions(deadline=30))
    assert elapsed < 30
    assert not isinstance(page, FetchFailure), page
    assert page.truncated and page.html.count("<") <= 100_000
    assert any("abnormal number of tags" in note.en for note in page.notes)
    start = time.monotonic()
    assert page.title == "flood"
    assert time.monotonic() - start < 10


def test_nul_runs_are_dropped_before_parsing(server: HostileServer) -> None:
    server.route("/nul", send_body(200, b"<title>a\0b</title>" + b"\0" * 1_000_000 + b"<p>end</p>", HTML))
    page = fetch(server.url("/nul"), FAST)
    assert page.title == "ab" and "\0" not in page.html and page.soup.p is not None


def test_sync_fetch_works_inside_a_running_event_loop(server: HostileServer) -> None:
    import asyncio

    server.route("/x", send_body(200, b"<title>in loop</title>", HTML))

    async def caller() -> str:
        return fetch(server.url("/x"), FAST).title

    assert asyncio.run(caller()) == "in loop"

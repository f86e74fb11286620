"""Every hostile case end to end through ``privacy-hygiene audit`` in real processes: bounded time,
bounded memory (measured in the subprocess), exit 0/1/2, valid JSON with an ``error`` object, no
traceback; batches in input order with bounded concurrency; proxies; Ctrl-C keeps results so far."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.servers import (
    HostileServer,
    Request,
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
HTML = {"Content-Type": "text/html; charset=utf-8"}
LOGIN = b"<html><head><title>Sign in</title></head><body><form method=post><input type=password name=p></form>"
# The child's own peak. ru_maxrss survives exec on Linux, so a child of a big pytest process would
# report the parent's peak; VmHWM belongs to the new address space (ru_maxrss where /proc is absent).
_MEASURE = """
import resource, sys
from privacy_hygiene.cli import main

def peak_kb():
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM"))
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

try:
    main()
finally:
    print("MAXRSS_KB", peak_kb(), file=sys.stderr)
"""


@pytest.fixture
def server() -> Iterator[HostileServer]:
    with HostileServer() as running:
        yield running


def run_measured(*args: str, env: dict[str, str] | None = None, timeout: float = 60) -> tuple[int, str, str, int]:
    """The CLI in a subprocess: exit code, stdout, stderr and its own peak RSS in MB."""
    full_env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100", **(env or {})}
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, *args],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=timeout,
        encoding="utf-8",
    )
    rss_line = [line for line in done.stderr.splitlines() if line.startswith("MAXRSS_KB")]
    rss_mb = int(rss_line[-1].split()[1]) // 1024 if rss_line else -1
    stderr = "\n".join(line for line in done.stderr.splitlines() if not line.startswith("MAXRSS_KB"))
    return done.returncode, done.stdout, stderr, rss_mb


def hostile_routes(server: HostileServer) -> dict[str, str]:
    """Every hostile case from the issue, by name → URL."""
    server.route("/huge", huge_page(60 * MB))
    server.route("/trickle", trickle(server, interval=1.0))
    server.route("/stall", stall_headers(server, 30))
    server.route("/chain/*", endless_redirects())
    server.route("/bomb.gz", send_body(200, bomb("gzip"), {**HTML, "Content-Encoding": "gzip"}))
    server.route("/bomb.br", send_body(200, bomb("br"), {**HTML, "Content-Encoding": "br"}))
    server.route("/bin", send_body(200, bytes(range(256)) * 400, {"Content-Type": "application/octet-stream"}))
    server.route("/doc.pdf", send_body(200, b"%PDF-1.7\n" + b"0" * 100_000, {"Content-Type": "application/pdf"}))
    server.route(
        "/app",
        send_body(
            200,
            b"PK\x03\x04" + b"\0" * 50_000,
            {
                "Content-Type": "application/vnd.android.package-archive",
                "Content-Disposition": "attachment; filename=a.apk",
            },
        ),
    )
    gbk = "<html><head><title>中奖通知</title></head><body><p>请填写身份证号领取奖品</p></body></html>".encode("gbk")
    server.route("/gbk", send_body(200, gbk, {"Content-Type": "text/html"}))
    server.route("/reset", reset_mid_body(b"<html><head><title>cut</title></head><body>" + b"z" * 30_000))
    server.route("/500", send_body(500, LOGIN, HTML, reason="Internal Server Error"))
    server.route("/flood", send_body(200, b"<title>flood</title>" + b"<b>" * 1_700_000, HTML))
    names = [
        "huge",
        "trickle",
        "stall",
        "chain/0",
        "bomb.gz",
        "bomb.br",
        "bin",
        "doc.pdf",
        "app",
        "gbk",
        "reset",
        "500",
        "flood",
    ]
    return {name: server.url("/" + name) for name in names}


def test_every_hostile_case_in_one_batch(server: HostileServer, tmp_path: Path) -> None:
    urls = hostile_routes(server)
    missing = str(tmp_path / "missing.html")
    targets = [*urls.values(), "htp:/x", "javascript:alert(1)", "http://[::1:bad/", "http://a..b/", missing]
    start = time.monotonic()
    code, out, err, rss = run_measured("audit", "--json", "--deadline", "2", "--lang", "en", *targets)
    elapsed = time.monotonic() - start
    assert "Traceback" not in err + out
    assert code == 2  # some targets could not be audited
    # 18 targets, 8 at a time, on a shared 2-core machine: far below the 30 s stall and the endless
    # trickle, which only the 2 s deadline can end
    assert elapsed < 25, "every case ends within the deadline plus a few seconds"
    assert 0 < rss < 300, f"peak memory {rss} MB"
    reports = json.loads(out)
    assert [item["target"] for item in reports] == targets
    by = dict(zip([*urls, "htp", "js", "v6", "dots", "missing"], reports, strict=True))
    for report in reports:
        assert (report["error"] is None) != (report["grade"] is None)
        if report["error"]:
            assert report["error"]["message"] and "\n" not in report["error"]["message"]
    assert by["huge"]["error"] is None and any("only the first 5 MB" in n for n in by["huge"]["notes"])
    assert by["huge"]["title"] == "Huge"
    assert by["trickle"]["error"]["kind"] == "deadline"
    assert by["stall"]["error"]["kind"] == "deadline"
    assert by["chain/0"]["error"]["kind"] == "too-many-redirects" and len(by["chain/0"]["redirects"]) == 11
    for name in ("bomb.gz", "bomb.br"):
        assert by[name]["error"] is None and any("5 MB" in n for n in by[name]["notes"])
    for name, mime in (("bin", "application/octet-stream"), ("doc.pdf", "application/pdf")):
        assert any(f"not a web page (content type {mime})" in n for n in by[name]["notes"])
    assert [f["rule_id"] for f in by["app"]["findings"]] == ["PH-CONNECTION-070"]
    assert by["app"]["findings"][0]["severity"] == "high"
    assert by["gbk"]["title"] == "中奖通知"
    assert by["reset"]["title"] == "cut" and any("broke off" in n for n in by["reset"]["notes"])
    assert by["500"]["status"] == 500 and "PH-CONNECTION-080" in {f["rule_id"] for f in by["500"]["findings"]}
    assert "PH-TRANSPORT-020" in {f["rule_id"] for f in by["500"]["findings"]}, "the error page is still audited"
    assert by["flood"]["title"] == "flood" and any("abnormal number of tags" in n for n in by["flood"]["notes"])
    assert by["htp"]["error"]["kind"] == "usage" and "only http and https" in by["htp"]["error"]["message"]
    assert "code or data" in by["js"]["error"]["message"]
    assert "not a valid web address" in by["v6"]["error"]["message"]
    assert "not a valid site name" in by["dots"]["error"]["message"]
    assert "no such file" in by["missing"]["error"]["message"]


@pytest.mark.parametrize("coding", ["gzip", "br", "zstd", "deflate"])
def test_bomb_peak_memory_in_a_subprocess(server: HostileServer, coding: str) -> None:
    server.route("/bomb", send_body(200, bomb(coding), {**HTML, "Content-Encoding": coding}))
    code, out, err, rss = run_measured("audit", "--json", server.url("/bomb"))
    assert code == 0 and "Traceback" not in err
    report = json.loads(out)
    assert report["error"] is None and any("5 MB" in note for note in report["notes"])
    assert 0 < rss < 300, f"peak memory {rss} MB for a {coding} bomb"


def test_single_failures_are_one_clear_line(server: HostileServer, run_cli: Callable[..., Any]) -> None:
    server.route("/trickle", trickle(server, interval=0.5))
    result = run_cli("audit", "--deadline", "1", "--lang", "zh", server.url("/trickle"))
    assert result.code == 2 and "Traceback" not in result.err
    assert "1 秒内没有传完页面" in result.out
    result = run_cli("audit", "--lang", "en", "javascript:alert(1)")
    assert result.code == 2 and "code or data" in result.out + result.err and "Traceback" not in result.err


def test_error_page_and_not_a_page_exit_0(server: HostileServer, run_cli: Callable[..., Any]) -> None:
    server.route("/500", send_body(500, b"<title>oops</title>", HTML))
    server.route("/pdf", send_body(200, b"%PDF-1.4", {"Content-Type": "application/pdf"}))
    for path in ("/500", "/pdf"):
        result = run_cli("audit", "--lang", "en", server.url(path))
        assert result.code == 0, result.err
    assert "not a web page" in result.out and "application/pdf" in result.out


def test_https_to_http_downgrade_end_to_end(
    server: HostileServer, local_ca: Any, ca_bundle: Path, run_cli: Callable[..., Any]
) -> None:
    import ssl

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    local_ca.issue_cert("127.0.0.1").configure_cert(context)
    server.route("/landing", send_body(200, b"<title>landing</title>", HTML))
    server.route("/secure", send_body(200, b"<title>secure</title>", HTML))
    with HostileServer(tls=context) as secure:
        secure.route("/down", redirect(server.url("/landing")))
        secure.route("/up", redirect(secure.url("/ok")))
        secure.route("/ok", send_body(200, b"<title>ok</title>", HTML))
        report = json.loads(run_cli("audit", "--json", "--ca-bundle", str(ca_bundle), secure.url("/down")).out)
        assert report["final_url"] == server.url("/landing")
        assert report["redirects"] == [{"url": secure.url("/down"), "status": 302}]
        assert "PH-CONNECTION-060" in {f["rule_id"] for f in report["findings"]}
        near_miss = json.loads(run_cli("audit", "--json", "--ca-bundle", str(ca_bundle), secure.url("/up")).out)
        assert near_miss["title"] == "ok"
        assert "PH-CONNECTION-060" not in {f["rule_id"] for f in near_miss["findings"]}


def test_batch_concurrency_is_bounded_and_order_kept(server: HostileServer, run_cli: Callable[..., Any]) -> None:
    lock = threading.Lock()
    state = {"now": 0, "peak": 0}

    def slow(conn: Any, request: Request) -> None:
        with lock:
            state["now"] += 1
            state["peak"] = max(state["peak"], state["now"])
        server.sleep(0.3)
        with lock:
            state["now"] -= 1
        title = request.path.encode()
        send_body(200, b"<title>" + title + b"</title>", HTML)(conn, request)

    server.route("/p/*", slow)
    urls = [server.url(f"/p/{number}") for number in range(12)]
    start = time.monotonic()
    result = run_cli("audit", "--json", "--concurrency", "3", *urls)
    reports = json.loads(result.out)
    assert [item["title"] for item in reports] == [f"/p/{number}" for number in range(12)]
    assert 2 <= state["peak"] <= 3, state
    assert time.monotonic() - start < 12 * 0.3 + 5


def test_socks_proxy_without_its_extra_is_a_clear_error(
    server: HostileServer, run_cli: Callable[..., Any], tmp_path: Path
) -> None:
    hide = tmp_path / "hide"
    hide.mkdir()
    (hide / "socksio.py").write_text("raise ImportError('socksio hidden for this test')\n")
    server.route("/", send_body(200, b"<title>x</title>", HTML))
    env = {"ALL_PROXY": "socks5://127.0.0.1:9", "PYTHONPATH": str(hide)}
    result = run_cli("audit", "--json", server.url("/"), env=env)
    assert result.code == 2 and "Traceback" not in result.err
    report = json.loads(result.out)
    assert "SOCKS" in report["error"]["message"] and "ALL_PROXY" in report["error"]["message"]
    assert "httpx[socks]" in report["error"]["message"]


def test_bad_proxy_url_is_a_clear_error(server: HostileServer, run_cli: Callable[..., Any]) -> None:
    result = run_cli("audit", "--json", server.url("/"), env={"ALL_PROXY": "socks4://127.0.0.1:9"})
    assert result.code == 2 and "Traceback" not in result.err
    assert "proxy setting is invalid (ALL_PROXY)" in json.loads(result.out)["error"]["message"]


def test_environment_http_proxy_is_honoured_and_no_proxy_skips_it(
    server: HostileServer, run_cli: Callable[..., Any]
) -> None:
    with HostileServer() as proxy:
        proxy.route("http://*", send_body(200, b"<title>via proxy</title>", HTML))
        env = {"HTTP_PROXY": proxy.url("/"), "NO_PROXY": ""}
        report = json.loads(run_cli("audit", "--json", "http://site.invalid/page", env=env).out)
        assert report["title"] == "via proxy"
        assert proxy.requests[0].path == "http://site.invalid/page"
        server.route("/", send_body(200, b"<title>direct</title>", HTML))
        report = json.loads(run_cli("audit", "--json", "--no-proxy", server.url("/"), env=env).out)
        assert report["title"] == "direct" and len(proxy.requests) == 1


def test_ctrl_c_prints_the_results_so_far(server: HostileServer) -> None:
    served = threading.Event()

    def slow(conn: Any, request: Request) -> None:
        served.set()
        trickle(server, interval=0.2)(conn, request)

    server.route("/fast", send_body(200, b"<title>fast</title>", HTML))
    server.route("/slow", slow)
    env = {**os.environ, "NO_COLOR": "1"}
    process = subprocess.Popen(
        [
            *(sys.executable, "-m", "privacy_hygiene", "audit", "--json", "--concurrency", "1", "--deadline", "30"),
            server.url("/fast"),
            server.url("/slow"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        # with concurrency 1 the slow request starts only once the fast target is finished
        assert served.wait(20), "the slow target was never requested"
        start = time.monotonic()
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
    assert time.monotonic() - start < 5
    assert process.returncode == 130 and "Traceback" not in err
    assert "interrupted" in err
    reports = json.loads(out)
    assert reports[0]["title"] == "fast" and reports[0]["error"] is None
    assert reports[1]["error"]["kind"] == "interrupted"


def test_progress_bar_only_when_stderr_is_a_terminal(server: HostileServer, tmp_path: Path) -> None:
    import pty

    server.route("/p/*", send_body(200, b"<title>p</title>", HTML))
    urls = [server.url(f"/p/{number}") for number in range(3)]
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "80", "TERM": "xterm"}
    command = [sys.executable, "-m", "privacy_hygiene", "audit", "--json", *urls]
    controller, terminal = pty.openpty()
    try:
        done = subprocess.run(command, stdout=subprocess.PIPE, stderr=terminal, env=env, timeout=60, check=False)
        os.close(terminal)
        terminal = -1
        seen = b""
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    finally:
        os.close(controller)
        if terminal != -1:
            os.close(terminal)
    assert done.returncode == 0
    assert len(json.loads(done.stdout)) == 3, "the progress bar never reaches stdout"
    assert b"audit" in seen and b"/3" in seen, seen[-300:]
    # near miss: stderr is a pipe, so no bar at all
    piped = subprocess.run(command, capture_output=True, env=env, timeout=60, check=False)
    assert piped.returncode == 0 and b"audit" not in piped.stderr and piped.stderr.strip() == b""


def test_tag_floods_analysed_together_stay_under_300_mb(server: HostileServer) -> None:
    server.route("/flood/*", send_body(200, b"<title>flood</title>" + b"<i>" * 1_700_000, HTML))
    # two at once: on this 2-core machine the analysis pool has two threads, so both trees coexist
    urls = [server.url(f"/flood/{number}") for number in range(2)]
    code, out, err, rss = run_measured("audit", "--json", "--concurrency", "2", *urls, timeout=120)
    assert code == 0 and "Traceback" not in err
    assert all(report["title"] == "flood" and report["error"] is None for report in json.loads(out))
    assert 0 < rss < 300, f"peak memory {rss} MB for 2 tag floods at once"

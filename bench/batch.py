"""Batch audit speed: ``privacy-hygiene``'s batch audit against a plain httpx + BeautifulSoup(lxml) loop.

500 generated pages of about 50 KB (forms, links, scripts, images, Chinese and English text) are
served by a keep-alive HTTP/1.1 server in a separate process. In the same run, for each repetition:

- audit: ``engine.audit.audit_many`` (bounded fetch, decoding, every analyzer, scoring);
- baseline: one ``httpx.AsyncClient``, the same concurrency (semaphore + pool size), ``BeautifulSoup(text,
  "lxml")`` in a thread pool of the same size as the audit's.

Prints each repetition (wall and CPU seconds), the medians and best runs, and the ratio audit /
baseline (target: median wall ratio <= 1.5). CPU time is printed too because wall time on a shared
machine mostly measures the neighbours.

    python bench/batch.py [--pages 500] [--repeat 5] [--concurrency 8]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import http.server
import multiprocessing
import os
import statistics
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

WORDS_EN = [
    "privacy",
    "account",
    "register",
    "phone",
    "email",
    "address",
    "bank",
    "card",
    "prize",
    "survey",
    "gift",
    "verify",
    "secure",
    "login",
]
WORDS_ZH = ["隐私", "账号", "注册", "手机号", "邮箱", "地址", "银行卡", "抽奖", "问卷", "礼品", "验证", "安全", "登录"]


def make_page(number: int, size: int = 41_000) -> bytes:
    """A plausible page of about ``size`` characters (~50 KB in UTF-8), different for each ``number``."""
    parts = [
        "<!doctype html><html lang='zh-CN'><head><meta charset='utf-8'>",
        f"<title>Page {number} — 会员注册 {WORDS_ZH[number % len(WORDS_ZH)]}</title>",
        "<link rel='stylesheet' href='/static/site.css'>",
        "<script src='https://cdn.example.net/lib.js'></script>",
        f"<script src='https://analytics.example.com/t.js?id={number}'></script>",
        "</head><body><nav>",
    ]
    parts.extend(f"<a href='/section/{number}/{link}'>{WORDS_EN[link % len(WORDS_EN)]}</a>" for link in range(60))
    parts.append("</nav><main>")
    parts.append(
        "<form action='/register' method='post'>"
        "<label>姓名<input name='name' required></label>"
        "<label>手机号<input name='phone' type='tel' required></label>"
        "<label>Email<input name='email' type='email' autocomplete='email'></label>"
        "<label>身份证号<input name='idcard'></label>"
        "<label>Password<input type='password' name='pw' required></label>"
        "<select name='city'><option>北京</option><option>上海</option></select>"
        "<button>提交</button></form>"
    )
    paragraph = 0
    while sum(len(item) for item in parts) < size:
        words = " ".join(WORDS_EN[(paragraph + k) % len(WORDS_EN)] for k in range(40))
        chinese = "".join(WORDS_ZH[(paragraph + k) % len(WORDS_ZH)] for k in range(30))
        parts.append(f"<div class='card'><h3>{paragraph}</h3><p>{words}</p><p>{chinese}</p>")
        parts.append(f"<img src='/img/{number}/{paragraph}.png' alt='{words[:20]}'></div>")
        paragraph += 1
    parts.append("</main><footer>© example</footer></body></html>")
    return "".join(parts).encode("utf-8")


def serve(port_queue: multiprocessing.Queue[int], pages: int) -> None:
    bodies = [make_page(number) for number in range(pages)]

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            try:
                body = bodies[int(self.path.strip("/").split("/")[-1])]
            except (ValueError, IndexError):
                body = b"not found"
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    port_queue.put(server.server_address[1])
    server.serve_forever()


def timed(run: Callable[[list[str], int], None], urls: list[str], concurrency: int) -> tuple[float, float]:
    """Wall time and CPU time (all threads of this process) of one run."""
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    run(urls, concurrency)
    return time.perf_counter() - wall, time.process_time() - cpu


def run_audit(urls: list[str], concurrency: int) -> None:
    from privacy_hygiene.engine.audit import audit_many
    from privacy_hygiene.engine.targets import Target

    targets = [Target(spec=url, url=url) for url in urls]
    reports = audit_many(targets, concurrency=concurrency)
    failed = [report for report in reports if report.error is not None]
    assert not failed, failed[0].error
    assert all(report.forms for report in reports)


def run_baseline(urls: list[str], concurrency: int) -> None:
    import httpx
    from bs4 import BeautifulSoup

    async def main() -> None:
        semaphore = asyncio.Semaphore(concurrency)
        executor = ThreadPoolExecutor(max_workers=min(concurrency, os.cpu_count() or 1))
        loop = asyncio.get_running_loop()
        limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
        async with httpx.AsyncClient(limits=limits) as client:

            async def one(url: str) -> None:
                async with semaphore:
                    response = await client.get(url)
                    soup = await loop.run_in_executor(executor, BeautifulSoup, response.text, "lxml")
                    assert soup.find("form") is not None

            await asyncio.gather(*(one(url) for url in urls))
        executor.shutdown()

    asyncio.run(main())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()

    ports: multiprocessing.Queue[int] = multiprocessing.Queue()
    server = multiprocessing.Process(target=serve, args=(ports, args.pages), daemon=True)
    server.start()
    port = ports.get(timeout=60)
    urls = [f"http://127.0.0.1:{port}/page/{number}" for number in range(args.pages)]
    size = len(make_page(0))
    print(f"{args.pages} pages of ~{size // 1000} KB, concurrency {args.concurrency}, {os.cpu_count()} CPUs")
    run_baseline(urls[:20], args.concurrency)  # warm-up: imports, catalog, connection set-up
    run_audit(urls[:20], args.concurrency)
    audits: list[tuple[float, float]] = []
    baselines: list[tuple[float, float]] = []
    try:
        for repetition in range(args.repeat):
            # alternate the order so neither side always runs on a warmer (or busier) machine
            if repetition % 2:
                audits.append(timed(run_audit, urls, args.concurrency))
                baselines.append(timed(run_baseline, urls, args.concurrency))
            else:
                baselines.append(timed(run_baseline, urls, args.concurrency))
                audits.append(timed(run_audit, urls, args.concurrency))
            print(
                f"  run {repetition + 1}: audit {audits[-1][0]:.2f} s (cpu {audits[-1][1]:.2f})"
                f"   baseline {baselines[-1][0]:.2f} s (cpu {baselines[-1][1]:.2f})"
            )
    finally:
        server.terminate()
    for label, index in (("wall", 0), ("cpu", 1)):
        audit_median = statistics.median(run[index] for run in audits)
        baseline_median = statistics.median(run[index] for run in baselines)
        audit_best = min(run[index] for run in audits)
        baseline_best = min(run[index] for run in baselines)
        print(
            f"{label:4}  audit median {audit_median:.2f} s (best {audit_best:.2f})   "
            f"baseline median {baseline_median:.2f} s (best {baseline_best:.2f})   "
            f"ratio median {audit_median / baseline_median:.2f} (best {audit_best / baseline_best:.2f})"
        )
    wall_ratio = statistics.median(run[0] for run in audits) / statistics.median(run[0] for run in baselines)
    print(f"target: median wall ratio <= 1.5 -> {'OK' if wall_ratio <= 1.5 else 'OVER'} ({wall_ratio:.2f})")
    print(f"audit throughput: {args.pages / statistics.median(run[0] for run in audits):.0f} pages/s (median wall)")
    sys.exit(0)


if __name__ == "__main__":
    main()

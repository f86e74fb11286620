"""Benchmark of the form analysis (prints figures; not a timed test).

1. On generated, realistic 50–150 KB pages (navigation, article text, tables, scripts, and 1–3
   forms taken from the test corpus), the median time of ``analyze_forms`` (its own lxml parse
   included) against the median BeautifulSoup(html, "lxml") parse time of the same page, measured in
   the same run. Target: ratio ≤ 0.5.
2. ``privacy-hygiene forms --json --manifest`` over many saved pages in one process, as a real
   subprocess: wall time per page including start-up, reading, decoding and parsing. Target ≤ 20 ms.

Run: ``.venv/bin/python bench/forms.py [--pages N]``
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bs4 import BeautifulSoup

from privacy_hygiene.catalog import get_catalog
from privacy_hygiene.forms import analyze_forms
from privacy_hygiene.models import Page

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "forms" / "corpus"
WORDS = (
    *("privacy", "data", "account", "service", "shipping", "order", "news", "article", "comment", "about"),
    *("contact", "help", "support", "用户", "服务", "隐私", "数据", "安全", "我们", "产品", "新闻", "文章"),
    *("评论", "关于", "帮助", "联系", "订单"),
)


def _forms() -> list[str]:
    forms = []
    for path in sorted(CORPUS.glob("*.html")):
        html = path.read_text(encoding="utf-8")
        start = html.find("<form")
        end = html.rfind("</form>")
        if start >= 0 and end > start:
            forms.append(html[start : end + len("</form>")])
    return forms


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words))


def make_page(rng: random.Random, forms: list[str], target_kb: int) -> str:
    """A page of about ``target_kb`` KB: header nav, sidebar, articles, a table, scripts, forms."""
    head = (
        "<!doctype html><html lang='zh-CN'><head><meta charset='utf-8'><title>"
        + _sentence(rng, 5)
        + "</title><style>"
        + ".c{color:red}" * 200
        + "</style><script>"
        + "var x=1;" * 300
        + "</script></head><body>"
    )
    nav = "<nav><ul>" + "".join(f"<li><a href='/p/{n}'>{_sentence(rng, 2)}</a></li>" for n in range(60)) + "</ul></nav>"
    parts = [head, nav]
    chosen = rng.sample(forms, k=rng.randint(1, 3))
    size = sum(len(part.encode()) for part in parts)
    article = 0
    while size < target_kb * 1024:
        block = (
            f"<article class='post' id='a{article}'><h2>{_sentence(rng, 6)}</h2>"
            + "".join(f"<p>{_sentence(rng, 40)} <a href='/x/{n}'>more</a></p>" for n in range(4))
            + "<table>"
            + "".join(f"<tr><td>{_sentence(rng, 3)}</td><td>{rng.randint(1, 999)}</td></tr>" for _ in range(6))
            + "</table></article>"
        )
        if chosen and rng.random() < 0.15:
            block += chosen.pop()
        parts.append(block)
        size += len(block.encode())
        article += 1
    parts.extend(chosen)
    parts.append("<footer>" + _sentence(rng, 30) + "</footer><script>" + "track();" * 100 + "</script></body></html>")
    return "".join(parts)


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def bench_analysis(pages: list[str]) -> None:
    catalog = get_catalog()
    analyze_forms(Page(target="warm", url="https://example.com/", html=pages[0]), catalog)  # compile lexicons
    parse_times: list[float] = []
    analysis_times: list[float] = []
    for html in pages:
        for _ in range(3):
            started = time.perf_counter()
            BeautifulSoup(html, "lxml")
            parse_times.append(time.perf_counter() - started)
            page = Page(target="bench", url="https://example.com/", html=html)
            started = time.perf_counter()
            analyze_forms(page, catalog)
            analysis_times.append(time.perf_counter() - started)
    sizes = sorted(len(html.encode()) // 1024 for html in pages)
    parse, analysis = median_ms(parse_times), median_ms(analysis_times)
    print(f"pages: {len(pages)}, sizes {sizes[0]}–{sizes[-1]} KB (median {statistics.median(sizes):.0f} KB)")
    print(f"BeautifulSoup(lxml) parse: median {parse:.2f} ms")
    print(f"analyze_forms (own lxml parse included): median {analysis:.2f} ms")
    print(f"ratio analysis / parse: {analysis / parse:.3f}  (target ≤ 0.5)")


def bench_manifest(pages: list[str], count: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        lines = []
        for number in range(count):
            path = root / f"page{number}.html"
            path.write_text(pages[number % len(pages)], encoding="utf-8")
            lines.append(json.dumps({"path": path.name, "url": f"https://site{number}.example.com/"}))
        manifest = root / "pages.jsonl"
        manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
        command = [sys.executable, "-m", "privacy_hygiene", "forms", "--json", "--manifest", str(manifest)]
        runs = []
        for _ in range(3):
            started = time.perf_counter()
            done = subprocess.run(command, capture_output=True, check=True)
            runs.append(time.perf_counter() - started)
        assert len(json.loads(done.stdout)) == count
    total = statistics.median(runs)
    print(
        f"forms --json --manifest, {count} saved pages: median total {total:.2f} s, {total / count * 1000:.2f} ms/page"
    )
    print("  (start-up and catalog loading included; target ≤ 20 ms/page)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=30, help="generated pages for the analysis benchmark")
    parser.add_argument("--manifest-pages", type=int, default=300, help="saved pages for the manifest run")
    args = parser.parse_args()
    rng = random.Random(20261127)
    forms = _forms()
    pages = [make_page(rng, forms, rng.randint(50, 150)) for _ in range(args.pages)]
    bench_analysis(pages)
    bench_manifest(pages, args.manifest_pages)


if __name__ == "__main__":
    main()

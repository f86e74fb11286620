"""Benchmark of lookalike verdicts (``privacy-hygiene domain``): prints figures, asserts nothing.

    python bench/domains.py [--hosts N]

1. In process: verdicts per second over a mixed host list (real-looking legitimate hosts, generated
   lookalikes, random dictionary-like names) with the full brand list; the median of 5 runs, and
   the ratio against a baseline run in the same process (computing only the registrable domain
   with the offline tldextract extractor).
2. End to end: ``privacy-hygiene domain - --json`` with N hosts on stdin (start-up included).
3. Start-up: ``privacy-hygiene domain paypa1.com`` (warm disk cache, and once cold).
4. What each import and each data load costs (``-X importtime`` and timed phases).
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def host_mix(count: int) -> list[str]:
    from tests.lookalike.eval_lookalike import generated, legit_hosts

    rng = random.Random(11)
    hosts = legit_hosts() + [host for host, *_ in generated()]
    letters = "abcdefghijklmnopqrstuvwxyz"
    tlds = ["com", "net", "org", "cn", "com.cn", "co.uk", "de", "io", "top", "xyz", "jp", "ru"]
    while len(hosts) < count:
        label = "".join(rng.choice(letters) for _ in range(rng.randint(4, 14)))
        prefix = rng.choice(["", "", "www.", "m.", "mail.", "shop."])
        hosts.append(f"{prefix}{label}.{rng.choice(tlds)}")
    rng.shuffle(hosts)
    return hosts[:count]


def in_process(hosts: list[str]) -> None:
    from privacy_hygiene.domains import registrable_domain
    from privacy_hygiene.lookalike import Detector

    detector = Detector()
    detector.check("warm.up")  # loads the index once (what a long-running process does)
    runs, cpu_runs, baseline = [], [], []
    for _ in range(5):
        fresh = Detector()  # a new per-detector cache: every host is judged from scratch
        start, cpu = time.perf_counter(), time.process_time()
        for host in hosts:
            fresh.check(host)
        runs.append(len(hosts) / (time.perf_counter() - start))
        cpu_runs.append(len(hosts) / (time.process_time() - cpu))
        start = time.perf_counter()
        for host in hosts:
            registrable_domain(host)
        baseline.append(len(hosts) / (time.perf_counter() - start))
    flagged = sum(1 for host in hosts if detector.check(host).flagged)
    from privacy_hygiene.catalog import get_catalog
    from privacy_hygiene.catalog.schemas.brands import BrandsFile

    brands = len(get_catalog().file("brands.toml", BrandsFile).brand)
    print(f"in process: {len(hosts)} hosts ({flagged} flagged), {brands} brands")
    print(f"  verdicts/s  median {statistics.median(runs):,.0f}  (wall; CPU time {statistics.median(cpu_runs):,.0f})")
    print(f"  baseline (tldextract registrable domain only) median {statistics.median(baseline):,.0f}/s")
    print(f"  ratio verdict/baseline {statistics.median(runs) / statistics.median(baseline):.2f}")


CPU: list[float] = []


def _run(args: list[str], stdin: str | None, env: dict[str, str]) -> float:
    """Wall time of one run; its CPU time (user + system) is appended to ``CPU``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(args, input=stdin, capture_output=True, text=True, env=env, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return wall


def installed_env() -> dict[str, str]:
    """The environment of an installed copy: bytecode cached (pip compiles it at install time; this
    machine sets PYTHONDONTWRITEBYTECODE, which would recompile every module on every start)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="ph-bench-pyc-")
    env["PRIVACY_HYGIENE_HOME"] = tempfile.mkdtemp(prefix="ph-bench-")
    return env


def end_to_end(hosts: list[str]) -> None:
    env = installed_env()
    _run([sys.executable, "-m", "privacy_hygiene", "--help"], None, env)  # writes the bytecode
    command = [sys.executable, "-m", "privacy_hygiene", "domain"]
    cold = _run([*command, "paypa1.com"], None, env)
    CPU.clear()
    startup = [_run([*command, "paypa1.com"], None, env) for _ in range(7)]
    startup_cpu = statistics.median(CPU)
    CPU.clear()
    python_only = [_run([sys.executable, "-c", "pass"], None, env) for _ in range(7)]
    stdin = "\n".join(hosts) + "\n"
    CPU.clear()
    streams = [_run([*command, "-", "--json"], stdin, env) for _ in range(3)]
    stream_cpu = statistics.median(CPU)
    print(
        f"start-up, one host: median {statistics.median(startup):.3f} s wall, {startup_cpu:.3f} s CPU "
        f"(warm index cache; cold: {cold:.3f} s wall; bare python -c pass: {statistics.median(python_only):.3f} s)"
    )
    best = statistics.median(streams)
    print(
        f"domain - --json with {len(hosts)} hosts: median {best:.3f} s wall = {len(hosts) / best:,.0f} hosts/s "
        f"end to end ({stream_cpu:.3f} s CPU = {len(hosts) / stream_cpu:,.0f} hosts/s)"
    )


def phases() -> None:
    code = (
        "import time\n"
        "t0 = time.perf_counter()\n"
        "import privacy_hygiene.cli, privacy_hygiene.cli.domain\n"
        "t1 = time.perf_counter()\n"
        "from privacy_hygiene.lookalike import Detector\n"
        "t2 = time.perf_counter()\n"
        "detector = Detector()\n"
        "t3 = time.perf_counter()\n"
        "from privacy_hygiene.domains import split_host; split_host('a.com')\n"
        "t4 = time.perf_counter()\n"
        "detector.check('paypa1.com')\n"
        "t5 = time.perf_counter()\n"
        "from privacy_hygiene.lookalike.explain import explain; explain(detector.check('paypa1.com'), 'en')\n"
        "t6 = time.perf_counter()\n"
        "print(f'  import cli + domain command  {t1 - t0:.4f} s')\n"
        "print(f'  import lookalike package     {t2 - t1:.4f} s')\n"
        "print(f'  brand index (disk cache)     {t3 - t2:.4f} s')\n"
        "print(f'  public suffix list           {t4 - t3:.4f} s')\n"
        "print(f'  first verdict (+ word list)  {t5 - t4:.4f} s')\n"
        "print(f'  explanation texts            {t6 - t5:.4f} s')\n"
    )
    env = installed_env()
    subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, check=True)  # warm the caches
    print("phases of `domain` (warm cache):")
    print(
        subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout, end=""
    )
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import privacy_hygiene.cli.domain, privacy_hygiene.lookalike"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    rows = []
    for line in done.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            rows.append((int(parts[1]), parts[2].rstrip()))
    print("largest imports (cumulative µs, -X importtime):")
    for cumulative, name in sorted(rows, reverse=True)[:12]:
        print(f"  {cumulative:>8}  {name}")
    heavy = [
        name.strip() for _, name in rows if name.strip().split(".")[0] in ("textual", "httpx", "bs4", "tldextract")
    ]
    print(f"  heavy libraries imported: {heavy or 'none'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--hosts", type=int, default=20_000)
    args = parser.parse_args()
    hosts = host_mix(args.hosts)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}")
    in_process(hosts)
    end_to_end(hosts)
    phases()


if __name__ == "__main__":
    main()

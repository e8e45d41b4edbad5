"""Measure the live classroom mode (``make bench-live``): start-up time and memory per student.

Starts the live server as ``make live`` does (on a free loopback port, pages in a temporary folder)
and measures, on this machine:

1. **Where a kernel's start-up goes**, per chapter: importing the panel module, then building the
   panels (each in a fresh Python process, as a kernel would).
2. **Time to the first interactive page** in headless Chromium: from navigation until the panels'
   widgets are on screen, for a first visit (empty browser cache) and a second one (warm cache).
   The browser runs on this machine too, so it competes with the server for the same cores.
3. **Concurrent students**: ``N`` requests for the same chapter at once (1, 5 and 20), as when a
   class opens the chapter the teacher names. Voilà answers a request once the page's cells have run
   in its kernel, so the time to the last answer is when the last student's panels are computed:
   the server's share of "first interactive page". Each student's own browser then adds the
   front-end time of item 2 (which runs on the student's device, not on the server).
   Afterwards the server's and the kernels' memory (RSS, and USS: memory no other process shares)
   is read with psutil while all ``N`` kernels are alive; then they are shut down.

Results are printed as a Markdown table and written to ``_build/bench/live.json``.

    python scripts/bench_live.py [--pool 1] [--students 1 5 20] [--chapter margins] [--ready 0]
"""

from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import http.cookiejar
import json
import platform
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

import psutil

from closecalls_build import chromium
from closecalls_build.pages import chapters
from explainers import paths

ROOT = paths.ROOT
CHAPTERS = list(chapters())
KERNEL_ID = re.compile(r'"kernelId": "([0-9a-f-]+)"')

IMPORT_PROBE = """
import json, sys, time
t0 = time.perf_counter()
import importlib
from explainers import paths
module = importlib.import_module("explainers.widgets." + sys.argv[1])
t1 = time.perf_counter()
for name in dir(module):
    if name.endswith("_panel"):
        getattr(module, name)()
t2 = time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "panels_s": t2 - t1}))
"""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def kernel_costs() -> dict[str, dict[str, float]]:
    """Per chapter, the seconds to import its panel module and to build its panels."""
    costs = {}
    for name in CHAPTERS:
        out = subprocess.run(
            [sys.executable, "-c", IMPORT_PROBE, name], capture_output=True, text=True, check=True
        )
        costs[name] = json.loads(out.stdout)
    return costs


def start_server(
    folder: Path, pool: int, lesson: str, ready: int
) -> tuple[subprocess.Popen, str, Path]:
    """Start scripts/live.py; return once every chapter's kernel pool is filled."""
    port = free_port()
    log = folder / "server.log"
    command = [sys.executable, str(ROOT / "scripts" / "live.py"), "--port", str(port)]
    command += ["--pool", str(pool), "--out", str(folder / "pages")]
    if ready:
        command += ["--lesson", lesson, "--students", str(ready)]
    with log.open("w") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT)
    deadline = time.monotonic() + 300
    while log.read_text().count("is filled with") < (len(CHAPTERS) if pool else 0) or not _up(port):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise RuntimeError(f"the live server did not start:\n{log.read_text()}")
        time.sleep(0.5)
    return process, f"http://127.0.0.1:{port}", log


def _up(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/voila/files/intro.html", timeout=2):
            return True
    except OSError:
        return False


# One cookie jar for every request: Voilà's pages set the ``_xsrf`` cookie that a shutdown needs.
COOKIES = http.cookiejar.CookieJar()
OPENER = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(COOKIES))


def fetch(url: str) -> tuple[float, str]:
    """Seconds until the whole page has arrived, and the kernel it was given."""
    start = time.perf_counter()
    with OPENER.open(url, timeout=600) as response:
        body = response.read().decode("utf-8")
    match = KERNEL_ID.search(body)
    return time.perf_counter() - start, match.group(1) if match else ""


def shut_down(base: str, kernels: list[str]) -> None:
    """Shut kernels down as a closing tab does (Voilà's beacon, with the page's ``_xsrf`` token)."""
    if not any(c.name == "_xsrf" for c in COOKIES):  # as the live pages' template does
        OPENER.open(f"{base}/voila/tree", timeout=30).close()
    token = next(c.value for c in COOKIES if c.name == "_xsrf")
    body = urllib.parse.urlencode({"_xsrf": token}).encode()
    for kernel in kernels:
        request = urllib.request.Request(f"{base}/voila/api/shutdown/{kernel}", data=body)
        try:
            OPENER.open(request, timeout=30).close()
        except OSError as error:
            print(f"could not shut down kernel {kernel}: {error}", file=sys.stderr)


def wait_quiet(server: subprocess.Popen, timeout: float = 300) -> None:
    """Wait until the server and its kernels use under 5% of a core for 3 s in a row.

    Pre-started kernels run their chapter's cells in the background after the server says its
    pools are filled; measuring then would charge that work to whatever is measured.
    """
    deadline = time.monotonic() + timeout
    quiet = 0
    while quiet < 3 and time.monotonic() < deadline:
        parent = psutil.Process(server.pid)
        procs = [parent, *parent.children(recursive=True)]
        for p in procs:
            with contextlib.suppress(psutil.NoSuchProcess):
                p.cpu_percent(None)
        time.sleep(1)
        busy = 0.0
        for p in procs:
            with contextlib.suppress(psutil.NoSuchProcess):
                busy += p.cpu_percent(None)
        quiet = quiet + 1 if busy < 5 else 0


def memory(server: subprocess.Popen) -> dict[str, float]:
    """MB of RSS and USS of the server and of its kernels."""
    parent = psutil.Process(server.pid)
    kernels = [p for p in parent.children(recursive=True) if "ipykernel" in " ".join(p.cmdline())]
    own = parent.memory_full_info()
    infos = [k.memory_full_info() for k in kernels]
    mb = 1024 * 1024
    return {
        "server_rss_mb": own.rss / mb,
        "kernels": len(kernels),
        "kernel_rss_mb_median": statistics.median(i.rss for i in infos) / mb if infos else 0.0,
        "kernel_uss_mb_median": statistics.median(i.uss for i in infos) / mb if infos else 0.0,
        "total_rss_mb": (own.rss + sum(i.rss for i in infos)) / mb,
        "total_uss_mb": (own.uss + sum(i.uss for i in infos)) / mb,
    }


def students(base: str, server: subprocess.Popen, chapter: str, n: int) -> dict[str, float]:
    """``n`` students open ``chapter`` at once."""
    url = f"{base}/voila/render/{chapter}.ipynb"
    with concurrent.futures.ThreadPoolExecutor(max_workers=n) as pool:
        results = list(pool.map(fetch, [url] * n))
    seconds = sorted(s for s, _ in results)
    row = {
        "students": n,
        "first_s": seconds[0],
        "median_s": statistics.median(seconds),
        "last_s": seconds[-1],
    }
    row |= memory(server)
    # Voilà replaces each pre-started kernel a student took: memory peaks once that is done.
    wait_quiet(server)
    row["after_refill"] = memory(server)
    shut_down(base, [k for _, k in results if k])
    return row


def browser_visits(base: str, server: subprocess.Popen) -> dict[str, dict[str, float]]:
    """Seconds from navigation to the panels on screen, first visit and second visit, per chapter."""
    visits = {}
    with chromium.launched() as browser:
        for chapter in CHAPTERS:
            # Not chromium.offline_page: intercepting requests turns the browser's cache off, and
            # the second visit measures what the cache saves (the live server is on 127.0.0.1).
            context = browser.new_context()
            page = context.new_page()
            times = []
            for _ in range(2):
                start = time.perf_counter()
                page.goto(f"{base}/voila/render/{chapter}.ipynb", wait_until="commit")
                page.wait_for_selector(".widget-vbox", timeout=120_000)
                times.append(time.perf_counter() - start)
                # Let the pool refill before the next visit, as it would between two students.
                time.sleep(2)
                wait_quiet(server)
            visits[chapter] = {"first_visit_s": times[0], "warm_cache_s": times[1]}
            page.goto("about:blank")  # closes the page as a tab does: its kernel is shut down
            context.close()
    return visits


def markdown(result: dict) -> str:
    """The results as Markdown tables."""
    lines = [
        "| chapter | import panel module (s) | build panels (s) | first visit (s) | warm cache (s) |"
    ]
    lines.append("|---|---:|---:|---:|---:|")
    for name in CHAPTERS:
        c, v = result["kernel_costs"][name], result["browser"][name]
        lines.append(
            f"| {name} | {c['import_s']:.2f} | {c['panels_s']:.2f} | "
            f"{v['first_visit_s']:.2f} | {v['warm_cache_s']:.2f} |"
        )
    ready = result["ready_for_chapter"]
    kept = f"pool {result['pool']}" + (f", {ready} kernels kept ready for it" if ready else "")
    lines += ["", f"Students opening `{result['chapter']}` at once ({kept}):", ""]
    lines.append(
        "| students | first page computed (s) | median (s) | last (s) | kernels | kernel RSS median (MB) "
        "| kernel USS median (MB) | server + kernels RSS (MB) | server + kernels USS (MB) "
        "| kernels after refill | RSS after refill (MB) |"
    )
    lines.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in result["concurrency"]:
        lines.append(
            f"| {r['students']} | {r['first_s']:.1f} | {r['median_s']:.1f} | {r['last_s']:.1f} | "
            f"{r['kernels']} | {r['kernel_rss_mb_median']:.0f} | {r['kernel_uss_mb_median']:.0f} | "
            f"{r['total_rss_mb']:.0f} | {r['total_uss_mb']:.0f} | "
            f"{r['after_refill']['kernels']} | {r['after_refill']['total_rss_mb']:.0f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the measurements, print the tables and write the JSON file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pool", type=int, default=1)
    parser.add_argument("--students", type=int, nargs="+", default=[1, 5, 20])
    parser.add_argument("--chapter", choices=CHAPTERS, default="margins")
    parser.add_argument(
        "--ready",
        type=int,
        default=0,
        help="kernels kept started for the chapter (make live STUDENTS=)",
    )
    args = parser.parse_args(argv)
    result: dict = {
        "machine": {
            "cpus": psutil.cpu_count(),
            "memory_gb": psutil.virtual_memory().total / 1024**3,
            "python": platform.python_version(),
        },
        "pool": args.pool,
        "chapter": args.chapter,
        "ready_for_chapter": args.ready,
        "kernel_costs": kernel_costs(),
    }
    with tempfile.TemporaryDirectory() as tmp:
        server, base, _log = start_server(Path(tmp), args.pool, args.chapter, args.ready)
        try:
            wait_quiet(server)
            result["idle"] = memory(server)
            result["browser"] = browser_visits(base, server)
            result["concurrency"] = []
            for n in args.students:
                wait_quiet(server)  # the pools have refilled: a new class arrives
                result["concurrency"].append(students(base, server, args.chapter, n))
        finally:
            server.terminate()
            server.wait(timeout=60)
    out = ROOT / "_build" / "bench" / "live.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    cpus, gb = result["machine"]["cpus"], result["machine"]["memory_gb"]
    print(f"Live mode on {cpus} CPUs, {gb:.0f} GB; idle server with pools: {result['idle']}")
    print(markdown(result))
    print(f"\nWritten to {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

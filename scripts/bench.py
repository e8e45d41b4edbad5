"""Measure the book against its performance budget (``make bench``); speed is measured here, not in tests.

On the machine it runs on, in five parts (``--only`` picks some):

1. ``compute``: the package's computations, the heavy ones included (audit simulations, the
   minimum-switch optimisation, the claims regressions): fastest and median of a few runs.
2. ``site``: per page of the built site, in headless Chromium, the requests made and the bytes of
   the site's files they fetched, raw and gzip-compressed, and any request outside the site:
   every page on a first visit (empty cache), then the chapters in order with the cache warm.
3. ``controls``: per chart control, the time from the control's input event to the view drawn
   again (the dataflow run and the SVG updated; the browser's paint comes after), median and 95th
   percentile over 200 moves after 20 unmeasured ones (the first moves run before the browser has
   compiled the code; 50 moves put the 95th percentile on the 3rd slowest, at the mercy of one
   garbage collection).
4. ``build``: a clean build (notebooks executed) into ``_build/bench/``, then a rebuild with nothing
   changed, then one after a chapter's source is touched (its notebook runs again).
5. ``tests``: the time of ``make test``'s pytest runs by kind (unit, notebooks, browser), as the last
   run on this machine recorded them (``_build/bench/junit-*.xml``).

Every figure that has a budget (:data:`closecalls_build.budget.BUDGETS`) is checked. The results are
written to ``_build/bench/bench.json`` and ``_build/bench/bench.md`` and printed; the exit status is 1
if a budget is missed.

    python scripts/bench.py [--only compute site controls build tests]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from xml.etree import ElementTree

from closecalls_build import budget
from closecalls_build.chromium import launched, offline_page, served
from closecalls_build.pages import chapters, toc_pages
from explainers import audits, claims, contests, data, electoral, paths, render
from explainers.charts import margins as charts
from explainers.charts.electoral import tile_map_chart

ROOT, SITE = paths.ROOT, paths.SITE
OUT = paths.BUILD / "bench"
MOVES, WARM_UP = 200, 20

# --- 1. computations ---------------------------------------------------------------------------


def timed(step: Callable[[], object], repeat: int) -> list[float]:
    """Wall-clock seconds of ``repeat`` runs of ``step``."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return times


def wisconsin_bravo() -> audits.BravoSimulation:
    """10,000 BRAVO audits of Wisconsin 2016 (2.98 million ballots, certified shares, 10% risk)."""
    wi = contests.contest(2016, "WI")
    others = wi.total_votes - wi.winner_votes - wi.runner_up_votes
    return audits.simulate_bravo(
        wi.winner_votes, wi.runner_up_votes, 0.1, other_votes=others, trials=10_000, seed=1
    )


def cold_load() -> None:
    """Read and validate every table, bypassing the caches."""
    data._president_returns.cache_clear()
    data.corrections.cache_clear()
    data.wi_recount_by_county.cache_clear()
    data._electoral_votes.cache_clear()
    contests._contest_table.cache_clear()
    data.president_returns()
    data.electoral_votes()
    data.wi_recount_by_county()
    contests.contest_margins()


BRAVO = "simulate_bravo: 10,000 audits of Wisconsin 2016"
STEPS: dict[str, tuple[Callable[[], object], int]] = {
    "load and validate every table (cold)": (cold_load, 5),
    "contest(2016, 'WI') (cached table)": (lambda: contests.contest(2016, "WI"), 50),
    "cheapest_flip (minimum switch), all 12 years": (
        lambda: [electoral.cheapest_flip(y) for y in data.PRESIDENTIAL_YEARS],
        5,
    ),
    "outcome(2016) under each of the three rules": (
        lambda: [electoral.outcome(2016, rule, 1.0) for rule in electoral.RULES],
        5,
    ),
    "tile map chart spec (2000 and 2016)": (lambda: tile_map_chart().to_dict(), 5),
    BRAVO: (wisconsin_bravo, 5),
    "bravo_stopping_probabilities(0.6, 0.1, 3000) (exact)": (
        lambda: audits.bravo_stopping_probabilities(0.6, 0.1, 3000),
        5,
    ),
    "claims.fit: municipalities, five controls (clustered)": (
        lambda: claims.fit("municipality", list(claims.CONTROLS)),
        5,
    ),
    "claims specifications: all 64 fits (uncached)": (
        lambda: (claims._specifications.cache_clear(), claims.specifications()),
        3,
    ),
    "closeness chart spec": (lambda: charts.closeness_chart().to_dict(), 5),
    "render closeness chart (SVG fallback + script)": (
        lambda: render.render_html(charts.closeness_chart().to_dict()),
        5,
    ),
}


def bench_compute() -> dict:
    """Fastest and median milliseconds of each step."""
    rows = {}
    for name, (step, repeat) in STEPS.items():
        times = timed(step, repeat)
        rows[name] = {"fastest_ms": 1000 * min(times), "median_ms": 1000 * statistics.median(times)}
        print(f"  {name}: {rows[name]['median_ms']:.1f} ms", flush=True)
    return rows


# --- 2 and 3. the built site in Chromium ----------------------------------------------------------


def _row(weight: budget.PageWeight) -> dict:
    return {
        "requests": weight.requests,
        "raw_kb": weight.raw / 1000,
        "gzip_kb": weight.gzip_kb,
        "external": list(weight.external),
    }


def bench_site() -> dict:
    """Every page on a first visit; the chapters in order, each after the one before."""
    pages = [f"book/{name}.html" for name in toc_pages()]
    first, warm = {}, {}
    with served(SITE) as url, launched() as browser:
        for page in pages:
            context = browser.new_context()
            (weight,) = budget.visit(context, url, SITE, [page])
            context.close()
            first[page] = _row(weight)
            print(f"  {page}: {weight.requests} requests, {weight.gzip_kb:.0f} KB gzip", flush=True)
        context = browser.new_context()
        order = ["book/intro.html", *(f"book/{name}.html" for name in chapters())]
        for weight in budget.visit(context, url, SITE, order)[1:]:
            warm[weight.page] = _row(weight)
        context.close()
    return {"first_visit": first, "after_the_previous_page": warm}


#: For each control of a chart: its moves, each a value set and an event sent, in turn.
CONTROLS_JS = """
async (el, [moves, warmUp]) => {
  const view = el.vegaResult.view;
  const results = [];
  for (const bind of el.querySelectorAll('.vega-bind')) {
    const name = (bind.querySelector('.vega-bind-name') || {}).textContent || '?';
    const range = bind.querySelector('input[type=range]');
    const select = bind.querySelector('select');
    const radios = [...bind.querySelectorAll('input[type=radio]')];
    const box = bind.querySelector('input[type=checkbox]');
    let kind, move;
    if (range) {
      kind = 'slider';
      const min = +range.min, max = +range.max, step = +range.step || (max - min) / 100;
      const n = Math.max(1, Math.round((max - min) / step));
      const stride = Math.max(1, Math.round(n / 12));
      move = i => {  // up and down the range: every move changes the value
        const k = (i * stride) % (2 * n);
        range.value = min + step * (k <= n ? k : 2 * n - k);
        range.dispatchEvent(new Event('input', {bubbles: true}));
      };
    } else if (select) {
      kind = 'menu';
      move = i => {
        select.selectedIndex = (select.selectedIndex + 1) % select.options.length;
        select.dispatchEvent(new Event('change', {bubbles: true}));
      };
    } else if (radios.length) {
      kind = 'radio';
      move = i => {
        const next = radios[(radios.findIndex(r => r.checked) + 1) % radios.length];
        next.checked = true;
        next.dispatchEvent(new Event('change', {bubbles: true}));
      };
    } else if (box) {
      kind = 'checkbox';
      move = i => { box.checked = !box.checked; box.dispatchEvent(new Event('change', {bubbles: true})); };
    } else { continue; }
    const times = [];
    for (let i = 0; i < warmUp + moves; i++) {
      const start = performance.now();
      move(i);
      await view.runAsync();
      if (i >= warmUp) times.push(performance.now() - start);
    }
    results.push({control: name.trim(), kind, times});
  }
  return results;
}
"""


def bench_controls() -> dict:
    """Median and 95th percentile, per control of every chart of every chapter."""
    rows: dict[str, dict] = {}
    viewport = {"width": 1280, "height": 900}
    with (
        served(SITE) as url,
        launched() as browser,
        offline_page(browser, url, viewport=viewport) as v,
    ):
        page = v.page
        for name in chapters():
            v.open(f"book/{name}.html")
            page.wait_for_function(
                "[...document.querySelectorAll('.cc-chart')]"
                ".every(el => el.dataset.ready === 'true')",
                timeout=30_000,
            )
            for chart in page.locator(".cc-chart").all():
                chart_id = chart.get_attribute("id")
                for control in chart.evaluate(CONTROLS_JS, [MOVES, WARM_UP]):
                    times = control["times"]
                    key = f"{name} {chart_id} {control['control']}"
                    rows[key] = {
                        "chapter": name,
                        "chart": chart_id,
                        "control": control["control"],
                        "kind": control["kind"],
                        "moves": len(times),
                        "median_ms": statistics.median(times),
                        "p95_ms": budget.percentile(times, 95),
                    }
                    print(f"  {key}: p95 {rows[key]['p95_ms']:.1f} ms", flush=True)
    if v.external or v.errors:
        raise SystemExit(f"the chapters reached outside or logged errors: {v.external + v.errors}")
    return rows


# --- 4. build -------------------------------------------------------------------------------------


def _build(out: Path, *extra: str) -> float:
    env = {**os.environ, "JUPYTER_PATH": str(ROOT / ".venv" / "share" / "jupyter")}
    command = [str(Path(sys.executable).with_name("jupyter-book")), "build", str(ROOT)]
    # As `make book` builds (warnings are errors), into a folder of its own.
    command += ["--path-output", str(out), "--builder", "html", "-W", "-n", "--keep-going", *extra]
    start = time.perf_counter()
    run = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if run.returncode:
        sys.exit(
            f"the build failed ({' '.join(command)}):\n{run.stdout[-3000:]}{run.stderr[-3000:]}"
        )
    return time.perf_counter() - start


def bench_build() -> dict:
    """A clean build, a rebuild with nothing changed, and one after touching a chapter."""
    out = OUT / "book"
    shutil.rmtree(out, ignore_errors=True)
    clean = _build(out, "--all")
    print(f"  clean build: {clean:.1f} s", flush=True)
    unchanged = _build(out)
    print(f"  rebuild, nothing changed: {unchanged:.1f} s", flush=True)
    source = ROOT / "book" / f"{chapters()[0]}.md"
    stat = source.stat()
    os.utime(source)  # as an author's save does: same text, newer time
    try:
        touched = _build(out)
    finally:
        os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    print(f"  rebuild, {source.name} touched: {touched:.1f} s", flush=True)
    return {"clean_s": clean, "unchanged_s": unchanged, f"{source.stem}_touched_s": touched}


# --- 5. tests -------------------------------------------------------------------------------------


def bench_tests() -> dict:
    """Seconds and number of tests of each kind in the last recorded run (JUnit XML of pytest)."""
    found = {}
    for path in sorted(OUT.glob("junit-*.xml")):
        suite = ElementTree.parse(path).getroot()
        suite = suite if suite.tag == "testsuite" else suite.find("testsuite")
        kind = path.stem.removeprefix("junit-")
        # `make test`'s first pytest run: everything not marked browser, so the doctests and the
        # checks that read the built site's files too.
        kind = {"unit": "unit, doctests and built-site files"}.get(kind, kind)
        found[kind] = {
            "seconds": float(suite.get("time", 0)),
            "tests": int(suite.get("tests", 0)),
            "recorded": suite.get("timestamp", ""),
        }
    return found


# --- the report -----------------------------------------------------------------------------------


def measured_against_budgets(results: dict) -> dict[str, float]:
    """The figures that have a budget, from whichever parts were run."""
    figures: dict[str, float] = {}
    if "compute" in results:
        figures["bravo_10000_s"] = results["compute"][BRAVO]["median_ms"] / 1000
    if "site" in results:
        first = results["site"]["first_visit"]
        chapter_pages = {f"book/{n}.html" for n in chapters()}
        figures["first_chapter_kb"] = max(first[p]["gzip_kb"] for p in chapter_pages)
        figures["page_without_charts_kb"] = max(
            row["gzip_kb"] for p, row in first.items() if p not in chapter_pages
        )
        further = [
            row["gzip_kb"]
            for p, row in results["site"]["after_the_previous_page"].items()
            if p != f"book/{chapters()[0]}.html"
        ]
        figures["further_chapter_kb"] = max(further)
        figures["external_requests"] = sum(len(r["external"]) for r in first.values())
    if "controls" in results:
        figures["control_p95_ms"] = max(r["p95_ms"] for r in results["controls"].values())
    if "build" in results:
        figures["clean_build_s"] = results["build"]["clean_s"]
        figures["rebuild_s"] = results["build"]["unchanged_s"]
    kinds = results.get("tests") or {}
    if {"unit, doctests and built-site files", "notebooks", "browser"} <= set(kinds):
        figures["tests_s"] = sum(row["seconds"] for row in kinds.values())
    return figures


def markdown(results: dict, figures: dict[str, float], missed: list[str]) -> str:
    """A short report: budgets first, then each part's table."""
    lines = [f"# Benchmark, {results['when']} on {results['machine']}", ""]
    lines += ["| budget | measured | limit | |", "|---|---:|---:|---|"]
    for name, value in figures.items():
        b = budget.BUDGETS[name]
        ok = "ok" if value <= b.limit else "**over**"
        lines.append(f"| {b.what} | {value:,.2f} {b.unit} | {b.limit:,.4g} {b.unit} | {ok} |")
    if "site" in results:
        lines += [
            "",
            "| page (first visit) | requests | raw KB | gzip KB |",
            "|---|---:|---:|---:|",
        ]
        for page, row in results["site"]["first_visit"].items():
            lines.append(
                f"| {page} | {row['requests']} | {row['raw_kb']:,.0f} | {row['gzip_kb']:,.0f} |"
            )
        lines += ["", "| page, after the one before (cache warm) | requests | gzip KB |"]
        lines += ["|---|---:|---:|"]
        for page, row in results["site"]["after_the_previous_page"].items():
            lines.append(f"| {page} | {row['requests']} | {row['gzip_kb']:,.1f} |")
    if "controls" in results:
        lines += ["", "| chart control | kind | median ms | p95 ms |", "|---|---|---:|---:|"]
        for row in results["controls"].values():
            label = f"{row['chapter']} `{row['chart']}` {row['control']}"
            lines.append(
                f"| {label} | {row['kind']} | {row['median_ms']:.2f} | {row['p95_ms']:.2f} |"
            )
    if "compute" in results:
        lines += ["", "| computation | fastest ms | median ms |", "|---|---:|---:|"]
        for name, row in results["compute"].items():
            lines.append(f"| {name} | {row['fastest_ms']:,.1f} | {row['median_ms']:,.1f} |")
    if "build" in results:
        lines += ["", "| build | seconds |", "|---|---:|"]
        lines += [f"| {name} | {value:.1f} |" for name, value in results["build"].items()]
    if results.get("tests"):
        lines += ["", "| `make test`, by kind (last recorded run) | tests | seconds | run at |"]
        lines += ["|---|---:|---:|---|"]
        lines += [
            f"| {kind} | {row['tests']} | {row['seconds']:.0f} | {row['recorded']} |"
            for kind, row in results["tests"].items()
        ]
    if missed:
        lines += ["", "**Missed:**", *(f"- {m}" for m in missed)]
    return "\n".join(lines) + "\n"


PARTS = {
    "compute": bench_compute,
    "site": bench_site,
    "controls": bench_controls,
    "build": bench_build,
    "tests": bench_tests,
}


def main() -> int:
    """Run the parts asked for, write the results, and return 1 if a budget is missed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="+", choices=list(PARTS), default=list(PARTS))
    args = parser.parse_args()
    if {"site", "controls"} & set(args.only) and not (SITE / "index.html").exists():
        parser.error("no built site in _build/html: run `make book` first")
    results: dict = {
        "when": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
    }
    for name in args.only:
        print(f"{name} ...", flush=True)
        results[name] = PARTS[name]()
    figures = measured_against_budgets(results)
    missed = budget.misses(figures)
    OUT.mkdir(parents=True, exist_ok=True)
    results["budgets"] = {
        name: {"measured": value, "limit": budget.BUDGETS[name].limit}
        for name, value in figures.items()
    }
    (OUT / "bench.json").write_text(json.dumps(results, indent=2) + "\n")
    report = markdown(results, figures, missed)
    (OUT / "bench.md").write_text(report)
    print("\n" + report)
    print(f"Written to {OUT / 'bench.json'} and {OUT / 'bench.md'}.")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())

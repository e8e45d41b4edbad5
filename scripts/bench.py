"""Time the package's main computations (``make bench``); speed is measured here, not in tests.

Each step is run a few times; the table shows the fastest and the median wall-clock time. The first
run of ``load and validate`` includes reading and validating every CSV; later runs hit the cache.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from explainers import audits, claims, contests, data, electoral, render
from explainers.charts import margins as charts
from explainers.charts.electoral import tile_map_chart


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
    data._president_returns_cached.cache_clear()
    data._electoral_votes_cached.cache_clear()
    contests._contest_table_for.cache_clear()
    data.president_returns()
    data.electoral_votes()
    data.wi_recount_by_county()
    contests.contest_margins()


STEPS: dict[str, tuple[Callable[[], object], int]] = {
    "load and validate every table (cold)": (cold_load, 5),
    "contest(2016, 'WI') (cached table)": (lambda: contests.contest(2016, "WI"), 50),
    "cheapest_flip, all 12 years": (
        lambda: [electoral.cheapest_flip(y) for y in data.PRESIDENTIAL_YEARS],
        5,
    ),
    "outcome(2016) under each of the three rules": (
        lambda: [electoral.outcome(2016, rule, 1.0) for rule in electoral.RULES],
        5,
    ),
    "tile map chart spec (2000 and 2016)": (lambda: tile_map_chart().to_dict(), 5),
    "simulate_bravo: 10,000 audits of Wisconsin 2016": (wisconsin_bravo, 5),
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


def main() -> None:
    """Print one line per step: fastest and median time in milliseconds."""
    print(f"{'step':<50} {'fastest ms':>11} {'median ms':>10}")
    for name, (step, repeat) in STEPS.items():
        times = timed(step, repeat)
        print(f"{name:<50} {1000 * min(times):>11.1f} {1000 * statistics.median(times):>10.1f}")


if __name__ == "__main__":
    main()

"""The Audits chapter's panels for Jupyter: sample sizes at any margin, and whole audits simulated.

- :func:`sample_size_panel` offers Figure 1's two sliders (risk limit, diluted margin) and adds a
  box for the ballots cast and the expected discrepancies, calling
  :func:`explainers.audits.comparison_sample_size` and :func:`explainers.audits.bravo_asn`.
- :func:`simulation_panel` runs :func:`explainers.audits.simulate_bravo` for the reported and true
  shares a reader picks, where the page can only show the ten audits drawn in advance.

A value the functions refuse (a margin of 0, more discrepancies than make sense) is shown as the
function's own error message in the panel, never as a traceback.
"""

from __future__ import annotations

import ipywidgets as w

from explainers import audits
from explainers.control_ranges import RISK_LIMIT_RANGE
from explainers.widgets import STYLE, recompute_on_change

__all__ = ["describe_sample_sizes", "describe_simulation", "sample_size_panel", "simulation_panel"]


def describe_sample_sizes(
    margin_pct: float, risk_limit_pct: float, ballots: int, o1: int = 0, o2: int = 0
) -> str:
    """HTML: the ballots each method examines at this diluted margin and risk limit.

    The panel's boxes take any number a reader types; what no audit can have is refused here, in
    the panel's own units (percent, ballots), so the message names what the reader typed.

    Raises
    ------
    ValueError
        If the margin is not in (0%, 100%], there is no ballot, or an overstatement count is negative.
    """
    if not 0 < margin_pct <= 100:
        raise ValueError(
            f"the diluted margin must be more than 0% and at most 100%, got {margin_pct:g}%"
        )
    if ballots < 1:
        raise ValueError(f"there must be at least 1 ballot cast, got {ballots:,}")
    if o1 < 0 or o2 < 0:
        raise ValueError(f"overstatements cannot be negative, got {o1} and {o2}")
    if o1 + o2 > ballots:
        raise ValueError(
            f"there cannot be more overstatements ({o1 + o2:,}) than ballots cast ({ballots:,})"
        )
    mu, alpha = margin_pct / 100, risk_limit_pct / 100
    comparison = audits.comparison_sample_size(mu, alpha, o1=o1, o2=o2)
    polling = audits.bravo_asn((1 + mu) / 2, alpha)
    full = "a full hand count" if polling >= ballots else f"{polling:,} ballots on average"
    return "<br>".join(
        [
            f"Diluted margin <b>{margin_pct:.3g}%</b>, risk limit <b>{risk_limit_pct:.0f}%</b>, "
            f"{ballots:,} ballots cast.",
            f"Comparison audit: <b>{min(comparison, ballots):,}</b> ballots"
            f" (with {o1} one-vote and {o2} two-vote overstatements found).",
            f"Ballot-polling audit (two candidates only): <b>{full}</b>.",
            f"Full hand count: <b>{ballots:,}</b> ballots.",
        ]
    )


def describe_simulation(sim: audits.BravoSimulation, trials: int) -> str:
    """HTML: how long the simulated audits ran."""
    return "<br>".join(
        [
            f"{trials:,} audits simulated. Went on to a full hand count: "
            f"<b>{sim.full_count_rate:.1%}</b>.",
            f"Ballots examined: median <b>{sim.quantile(0.5):,}</b>, 90th percentile "
            f"<b>{sim.quantile(0.9):,}</b> (of {sim.ballots:,} ballots cast).",
        ]
    )


def sample_size_panel(margin_pct: float = 1.0, risk_limit_pct: int = 10) -> w.VBox:
    """Figure 1's sliders, a box for the ballots cast, and the expected overstatements."""
    low, high = RISK_LIMIT_RANGE
    risk = w.IntSlider(
        value=risk_limit_pct,
        min=low,
        max=high,
        description="Risk limit (%)",
        style=STYLE,
        continuous_update=False,
    )
    # Plain boxes, not bounded ones: a bounded box silently replaces what the reader typed, while
    # describe_sample_sizes refuses an impossible value with a message saying why.
    margin = w.FloatText(value=margin_pct, step=0.01, description="Diluted margin (%)", style=STYLE)
    ballots = w.IntText(value=2_976_150, description="Ballots cast", style=STYLE)
    o1 = w.IntText(value=0, description="One-vote overstatements", style=STYLE)
    o2 = w.IntText(value=0, description="Two-vote overstatements", style=STYLE)
    result = w.HTML()
    recompute_on_change(
        (risk, margin, ballots, o1, o2),
        result,
        lambda: describe_sample_sizes(margin.value, risk.value, ballots.value, o1.value, o2.value),
        errors=(TypeError, ValueError),
    )
    return w.VBox([risk, margin, ballots, o1, o2, result])


def simulation_panel(
    reported_pct: float = 60.0, true_pct: float = 60.0, risk_limit_pct: int = 10
) -> w.VBox:
    """Simulate BRAVO audits of a 10,000-ballot contest with the shares a reader picks."""
    reported = w.FloatSlider(
        value=reported_pct,
        min=50.5,
        max=80,
        step=0.5,
        description="Reported winner's share (%)",
        style=STYLE,
        continuous_update=False,
    )
    true = w.FloatSlider(
        value=true_pct,
        min=40,
        max=80,
        step=0.5,
        description="True share (%)",
        style=STYLE,
        continuous_update=False,
    )
    risk = w.IntSlider(
        value=risk_limit_pct,
        min=RISK_LIMIT_RANGE[0],
        max=RISK_LIMIT_RANGE[1],
        description="Risk limit (%)",
        style=STYLE,
        continuous_update=False,
    )
    result = w.HTML()
    trials = 2_000

    def show() -> str:
        winner = round(100 * reported.value)
        sim = audits.simulate_bravo(
            winner,
            10_000 - winner,
            risk.value / 100,
            true_winner_share=true.value / 100,
            trials=trials,
            seed=0,
        )
        return describe_simulation(sim, trials)

    recompute_on_change((reported, true, risk), result, show, errors=(TypeError, ValueError))
    return w.VBox([reported, true, risk, result])

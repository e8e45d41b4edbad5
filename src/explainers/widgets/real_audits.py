"""The Audits in Practice chapter's panel for Jupyter: any Colorado contest at any risk limit.

:func:`colorado_panel` offers what the page's chart does (a contest and a risk limit) and two things
it lacks: every one of the state's contests with a margin (the page shows the 65 it targeted), and
the discrepancies found, counted in or left out. Each change calls
:func:`explainers.audits.comparison_sample_size` and :func:`explainers.audits.kaplan_markov_p_value`
again, beside the state's own figures.
"""

from __future__ import annotations

import ipywidgets as w
import pandas as pd

from explainers import audits, colorado
from explainers.control_ranges import RISK_LIMIT_RANGE
from explainers.widgets import STYLE, recompute_on_change

__all__ = ["colorado_panel", "describe_contest"]


def describe_contest(row: pd.Series, risk_limit_pct: int, with_found: bool) -> str:
    """HTML: the package's sample size and risk measure for one contest, beside the state's."""
    found = {kind: int(row[kind]) for kind in colorado.DISCREPANCY_KINDS}
    counted = found if with_found else {}
    size = audits.comparison_sample_size(row["diluted_margin"], risk_limit_pct / 100, **counted)
    p_value = audits.kaplan_markov_p_value(row["diluted_margin"], int(row["audited"]), **found)
    kinds = ", ".join(f"{k} = {v}" for k, v in found.items())
    which = "with the discrepancies found" if with_found else "with no discrepancies"
    return "<br>".join(
        [
            f"{row['contest']}: diluted margin <b>{row['diluted_margin']:.2%}</b>; discrepancies "
            f"found {kinds}.",
            f"Package, {which}, at a {risk_limit_pct}% risk limit: <b>{size:,}</b> ballot cards.",
            f"State's software at {row['risk_limit']:.0%}: {int(row['state_sample']):,} cards; "
            f"its boards examined {int(row['audited']):,}, status <i>{row['status']}</i>.",
            f"Risk measure of the cards examined (Kaplan-Markov P-value): {p_value:.4f}, "
            f"{'at most' if p_value <= row['risk_limit'] else 'above'} the state's risk limit.",
        ]
    )


def colorado_panel(contest: str = colorado.PRESIDENTIAL, risk_limit_pct: int = 3) -> w.VBox:
    """A contest menu, a risk-limit slider and a discrepancies switch; the contest's figures below."""
    table = colorado.reproduction(3).set_index("contest", drop=False)
    contest_choice = w.Dropdown(
        options=sorted(table.index), value=contest, description="Contest", style=STYLE
    )
    low, high = RISK_LIMIT_RANGE
    risk = w.IntSlider(
        value=risk_limit_pct, min=low, max=high, step=1, description="Risk limit (%)", style=STYLE
    )
    with_found = w.Checkbox(value=True, description="Count the discrepancies found", style=STYLE)
    result = w.HTML()
    recompute_on_change(
        (contest_choice, risk, with_found),
        result,
        lambda: describe_contest(table.loc[contest_choice.value], risk.value, with_found.value),
    )
    return w.VBox([contest_choice, risk, with_found, result])

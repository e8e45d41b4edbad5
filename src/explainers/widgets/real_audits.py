"""The Audits in Practice chapter's panel for Jupyter: any Colorado contest at any risk limit.

:func:`colorado_panel` offers what the page's chart does (a contest and a risk limit) and two things
it lacks: every one of the state's contests with a margin (the page shows the 65 it targeted), and
the discrepancies found, counted in or left out of the sample size. Each change calls
:func:`explainers.audits.comparison_sample_size` and :func:`explainers.audits.kaplan_markov_p_value`
again, with the state's own gamma, beside the state's own figures.
"""

from __future__ import annotations

import html

import ipywidgets as w
import pandas as pd

from explainers import audits, colorado
from explainers.control_ranges import RISK_LIMIT_RANGE
from explainers.formatting import pct
from explainers.widgets import STYLE, recompute_on_change

__all__ = ["colorado_panel", "describe_contest"]


def describe_contest(row: pd.Series, risk_limit_pct: int, with_found: bool) -> str:
    """HTML: the package's sample size and risk measure for one contest, beside the state's.

    ``row`` is a row of :func:`explainers.colorado.reproduction`. A sample larger than the
    contest's ballot cards is given as a full count of the cards.
    """
    found = {kind: int(row[kind]) for kind in colorado.DISCREPANCY_KINDS}
    counted = found if with_found else {}
    mu, gamma, cards = row["diluted_margin"], row["gamma"], int(row["ballot_cards"])
    size = audits.comparison_sample_size(mu, risk_limit_pct / 100, gamma=gamma, **counted)
    p_value = audits.kaplan_markov_p_value(mu, int(row["audited"]), gamma=gamma, **found)
    kinds = ", ".join(f"{k} = {v}" for k, v in found.items())
    which = "with the discrepancies found" if with_found else "with no discrepancies"
    sized = (
        f"<b>{size:,}</b> ballot cards"
        if size < cards
        else f"more than the contest's {cards:,} ballot cards: <b>a full count</b>"
    )
    return "<br>".join(
        [
            f"{html.escape(row['contest'])}: diluted margin <b>{pct(100 * mu, 3)}</b>; "
            f"discrepancies found {kinds}.",
            f"Package, {which}, at a {risk_limit_pct}% risk limit: {sized}.",
            f"State's software at {row['risk_limit']:.0%}: {int(row['state_sample']):,} cards; "
            f"its boards examined {int(row['audited']):,}, status <i>{row['status']}</i>.",
            f"Risk measure of the cards examined, with the discrepancies found (Kaplan-Markov "
            f"P-value): {p_value:.4f}, "
            f"{'at most' if p_value <= row['risk_limit'] else 'above'} the state's risk limit.",
        ]
    )


def colorado_panel(contest: str = colorado.PRESIDENTIAL, risk_limit_pct: int = 3) -> w.VBox:
    """A contest menu, a risk-limit slider and a discrepancies switch; the contest's figures below.

    Raises
    ------
    ValueError
        If ``contest`` is not one of the state's contests with a margin, or ``risk_limit_pct`` is
        outside the slider's range.
    """
    table = colorado.reproduction(3).set_index("contest", drop=False)
    if contest not in table.index:
        raise ValueError(
            f"contest must be one of Colorado's {len(table)} contests with a margin, got {contest!r}"
        )
    low, high = RISK_LIMIT_RANGE
    if isinstance(risk_limit_pct, bool) or not low <= risk_limit_pct <= high:
        raise ValueError(f"risk_limit_pct must be between {low} and {high}, got {risk_limit_pct!r}")
    contest_choice = w.Dropdown(
        options=sorted(table.index), value=contest, description="Contest", style=STYLE
    )
    risk = w.IntSlider(
        value=risk_limit_pct,
        min=low,
        max=high,
        step=1,
        description="Risk limit (%)",
        continuous_update=False,
        style=STYLE,
    )
    with_found = w.Checkbox(
        value=True, description="Count the discrepancies found in the sample size", style=STYLE
    )
    result = w.HTML()
    recompute_on_change(
        (contest_choice, risk, with_found),
        result,
        lambda: describe_contest(table.loc[contest_choice.value], risk.value, with_found.value),
    )
    return w.VBox([contest_choice, risk, with_found, result])

"""The Audits in Practice chapter's charts: Colorado's 2024 contests on the book's central chart.

- :func:`colorado_chart` draws, on log scales, the ballot cards a comparison audit examines against
  the diluted margin (the curve of :func:`explainers.audits.comparison_sample_size`, recomputed in
  the page as the reader moves the risk-limit slider, with the same Vega expression as the Audits
  chapter's chart, :data:`explainers.charts.audits.COMPARISON_EXPR`), and on it the 65 contests
  Colorado audited to its risk limit in 2024: the cards its software estimated before the audit
  and the cards its audit boards examined (:func:`explainers.colorado.targeted`). A menu picks a
  contest; a readout gives the package's size at the chosen risk limit beside the state's figures.
  The browser tests pin the page's numbers to the Python functions.
"""

from __future__ import annotations

import json

import altair as alt
import pandas as pd

from explainers import audits, colorado
from explainers.charts import FIT_WIDTH, FOCUS_COLOR, OTHER_COLOR
from explainers.charts.audits import COMPARISON_EXPR
from explainers.control_ranges import RISK_LIMIT_RANGE

__all__ = ["colorado_chart", "colorado_points"]

#: The curve spans these diluted margins (log10 of the fraction) and step.
_LOG_MARGINS = (-2.0, -0.2, 0.02)

_ESTIMATE_COLOR = "#2166ac"


def colorado_points() -> pd.DataFrame:
    """What the page needs for each targeted contest: its margin and the state's three figures."""
    table = colorado.targeted()
    found = table["found"]
    return pd.DataFrame(
        {
            "contest": table["contest"],
            "mu": table["diluted_margin"],
            "estimate": table["first_estimate"],
            "final": table["state_sample"],
            "audited": table["audited"],
            "found": found.astype(int),
            "kind": [
                "Examined: discrepancies found" if n else "Examined: no discrepancy" for n in found
            ],
            "risk_limit": table["risk_limit"],
            "gamma": table["gamma"],
        }
    )


def colorado_chart(
    points: pd.DataFrame | None = None,
    *,
    risk_limit_pct: int = 3,
    contest: str = colorado.PRESIDENTIAL,
) -> alt.LayerChart:
    """Cards examined against the diluted margin: the package's curve and Colorado's contests.

    Raises
    ------
    ValueError
        If the starting risk limit is outside its slider's range or the contest is not one of the
        targeted contests.
    """
    points = colorado_points() if points is None else points
    low, high = RISK_LIMIT_RANGE
    if not low <= risk_limit_pct <= high:
        raise ValueError(f"risk_limit_pct must be between {low} and {high}, got {risk_limit_pct}")
    names = list(points["contest"])
    limits = points["risk_limit"].unique()
    if len(limits) != 1:
        raise ValueError(f"the contests must share one risk limit, got {sorted(limits)}")
    state_pct = f"{100 * limits[0]:g}%"
    if not (points["gamma"] == audits.GAMMA).all():
        raise ValueError(
            f"the page's curve uses gamma = {audits.GAMMA}; the contests' gamma differs: "
            f"{sorted(points['gamma'].unique())}"
        )
    if contest not in names:
        raise ValueError(
            f"contest must be one of Colorado's {len(names)} targeted contests, got {contest!r}"
        )
    risk = alt.param(
        name="co_risk_limit",
        value=risk_limit_pct,
        bind=alt.binding_range(min=low, max=high, step=1, name="Risk limit (%): "),
    )
    pick = alt.param(
        name="co_contest",
        value=contest,
        bind=alt.binding_select(options=names, name="Contest: "),
    )
    alpha = f"({risk.name} / 100)"
    x = alt.X(
        "mu:Q",
        title="Diluted margin (margin ÷ ballot cards), log scale",
        scale=alt.Scale(type="log", domain=[0.01, 0.65]),
        axis=alt.Axis(format="%", labelOverlap=True, values=[0.01, 0.02, 0.05, 0.1, 0.2, 0.5]),
    )
    y_scale = alt.Scale(type="log", domain=[5, 2000])
    y = alt.Y(
        "n:Q",
        title="Ballot cards, log scale",
        scale=y_scale,
        axis=alt.Axis(format="~s", values=[5, 10, 20, 50, 100, 200, 500, 1000, 2000]),
    )
    legend_domain = [
        "Package, chosen risk limit",
        f"State's estimate before the audit ({state_pct})",
        "Examined: no discrepancy",
        "Examined: discrepancies found",
    ]
    color = alt.Color(
        "kind:N",
        title=None,
        scale=alt.Scale(
            domain=legend_domain, range=[OTHER_COLOR, _ESTIMATE_COLOR, "#1b7837", FOCUS_COLOR]
        ),
        legend=alt.Legend(orient="bottom", direction="vertical", title=None, labelLimit=320),
    )
    start, stop, step = _LOG_MARGINS
    curve = (
        alt.Chart(
            alt.SequenceGenerator(
                sequence=alt.SequenceParams(start=start, stop=stop, step=step, **{"as": "k"})
            )
        )
        .transform_calculate(
            mu="pow(10, datum.k)",
            n=COMPARISON_EXPR.format(alpha=alpha, m="pow(10, datum.k)"),
            kind=json.dumps(legend_domain[0]),
        )
        .mark_line(strokeWidth=2)
        .encode(x=x, y=y, color=color)
    )
    base = alt.Chart(points)
    tooltip = [
        alt.Tooltip("contest:N", title="Contest"),
        alt.Tooltip("mu:Q", title="Diluted margin", format=".2%"),
        alt.Tooltip("estimate:Q", title="State's estimate before the audit"),
        alt.Tooltip("audited:Q", title="Cards examined"),
        alt.Tooltip("found:Q", title="Discrepancies found"),
    ]
    estimates = (
        base.transform_calculate(n="datum.estimate", kind=json.dumps(legend_domain[1]))
        .mark_point(shape="circle", size=60, filled=False, strokeWidth=1.5)
        .encode(x=x, y=y, color=color, tooltip=tooltip)
    )
    examined = (
        base.transform_calculate(n="datum.audited")
        .mark_point(shape="triangle-up", size=45, filled=True, opacity=0.9)
        .encode(x=x, y=y, color=color, tooltip=tooltip)
    )
    chosen = base.transform_filter(f"datum.contest === {pick.name}")
    ring = (
        chosen.transform_calculate(n="datum.audited")
        .mark_point(shape="circle", size=420, filled=False, strokeWidth=2.5, color="black")
        .encode(x=x, y=y)
    )
    rule = chosen.mark_rule(color="black", strokeDash=[2, 2]).encode(x=x)
    readout = (
        chosen.transform_calculate(
            package=COMPARISON_EXPR.format(alpha=alpha, m="datum.mu"),
            readout=(
                "datum.contest + '\\n' + 'Diluted margin ' + format(datum.mu, '.2%') + "
                f"'; package at ' + {risk.name} + '%: ' + format(datum.package, ',') + "
                f"' cards' + '\\n' + 'State at {state_pct}: ' + format(datum.estimate, ',') + "
                "' estimated, ' + format(datum.final, ',') + ' after round 3' + '\\n' + "
                "'Examined: ' + format(datum.audited, ',') + ' cards, ' + datum.found + "
                "(datum.found === 1 ? ' discrepancy' : ' discrepancies')"
            ),
        )
        .mark_text(
            align="left", baseline="top", fontSize=12, fontWeight="bold", lineBreak="\n", limit=0
        )
        .encode(text="readout:N", x=alt.value(0), y=alt.value(-70))
    )
    return (
        alt.layer(rule, curve, estimates, examined, ring, readout)
        .add_params(risk, pick)
        .properties(
            width="container",
            height=340,
            autosize=FIT_WIDTH,
            padding={"top": 76, "left": 5, "right": 5, "bottom": 5},
            description=(
                "Scatter chart on log scales of the ballot cards against the diluted margin for "
                f"the {len(points)} contests Colorado audited to its risk limit in 2024: the cards "
                "the state's software estimated before the audit lie on the package's curve at a "
                f"{state_pct} risk limit, and the cards its boards examined sit at or just above, "
                "higher where overstatements were found. The closer the contest, the more cards."
            ),
        )
    )

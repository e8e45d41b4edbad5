"""The Claims chapter's charts: Wisconsin's counties by equipment, and the estimate under controls.

- :func:`county_chart` plots each county's Clinton share against a measure the reader picks (the
  2012 vote or a demographic control), marking the counties where most ballots were cast in
  municipalities with a DRE: the page only chooses among values Python computed
  (:func:`explainers.claims.county_table`).
- :func:`estimate_chart` shows the estimated difference in Clinton's share where DREs were present,
  with its 95% confidence interval, at the level and with the controls the reader ticks, beside the
  estimate with no controls. Every combination was fitted in Python
  (:func:`explainers.claims.specifications`); the page selects one, and the browser tests pin it
  to :func:`explainers.claims.fit`.
"""

from __future__ import annotations

import math

import altair as alt
import pandas as pd

from explainers import claims
from explainers.charts import FIT_WIDTH, FOCUS_COLOR, OTHER_COLOR, choice_expr

__all__ = ["MEASURES", "county_chart", "county_chart_table", "estimate_chart"]

#: The measures the county chart can put on its horizontal axis: the controls of the regression.
MEASURES = {key: c.measure for key, c in claims.CONTROLS.items()}

_DRE_LABELS = {True: "DRE county", False: "other county"}


def county_chart_table() -> pd.DataFrame:
    """One row per county and measure: the county, its Clinton share, DRE group, the measure's value."""
    table = claims.county_table()
    long = table.melt(
        id_vars=["county", "clinton_pct", "dre", "dre_share"],
        value_vars=[c.column for c in claims.CONTROLS.values()],
        var_name="column",
        value_name="value",
    )
    by_column = {c.column: key for key, c in claims.CONTROLS.items()}
    long["measure"] = long["column"].map(by_column)
    long["group"] = long["dre"].map(_DRE_LABELS)
    long["county"] = long["county"].str.title()
    return long.drop(columns=["column", "dre"])


def county_chart(measure: str = "education") -> alt.Chart:
    """Clinton's 2016 share in each county against a measure, DRE counties marked by colour and shape.

    Raises
    ------
    ValueError
        For a measure not in :data:`MEASURES`.
    """
    if measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}; choose one of {', '.join(MEASURES)}")
    choice = alt.param(
        name="measure",
        value=measure,
        bind=alt.binding_select(
            options=list(MEASURES), labels=list(MEASURES.values()), name="Across: "
        ),
    )
    title_expr = choice_expr(choice.name, MEASURES)
    groups = list(_DRE_LABELS.values())
    # One row per county, a column per measure; the control picks the column. The 72 rows stay the
    # same when it moves, so Vega moves each point instead of removing and drawing it again (a
    # filter over a row per county and measure took 21 ms at the 95th percentile).
    wide = (
        county_chart_table()
        .pivot(index=["county", "clinton_pct", "group", "dre_share"], columns="measure")["value"]
        .reset_index()
    )
    wide.columns.name = None
    return (
        alt.Chart(wide)
        .transform_calculate(value=f"datum[{choice.name}]")
        .mark_point(filled=True, size=60, opacity=0.85)
        .encode(
            x=alt.X(
                "value:Q",
                scale=alt.Scale(zero=False),
                title=None,
            ),
            y=alt.Y("clinton_pct:Q", title="Clinton's share of the vote, 2016 (%)"),
            color=alt.Color(
                "group:N",
                title="Most ballots cast where DREs were present?",
                scale=alt.Scale(domain=groups, range=[FOCUS_COLOR, OTHER_COLOR]),
                legend=alt.Legend(orient="top", direction="horizontal", titleLimit=360),
            ),
            shape=alt.Shape(
                "group:N", scale=alt.Scale(domain=groups, range=["triangle", "circle"])
            ),
            tooltip=[
                alt.Tooltip("county:N", title="County"),
                alt.Tooltip("clinton_pct:Q", title="Clinton (%)", format=".1f"),
                alt.Tooltip("value:Q", title="Measure", format=",.1f"),
                alt.Tooltip("dre_share:Q", title="Ballots where DREs were present", format=".0%"),
            ],
        )
        .add_params(choice)
        .properties(
            # The axis title follows the control: a title below the plot, as Vega-Lite axis titles
            # cannot be expressions.
            title=alt.TitleParams(
                text=alt.ExprRef(title_expr), orient="bottom", fontSize=11, fontWeight="normal"
            ),
            width="container",
            height=320,
            autosize=FIT_WIDTH,
            description=(
                "Scatter plot of Wisconsin's 72 counties: Clinton's 2016 share of the vote against "
                "a measure chosen with the control (2012 vote, race, education, income or rural "
                "share); triangles mark counties where most ballots were cast in municipalities "
                "with a DRE, circles the others."
            ),
        )
    )


def _flags_match(params: dict[str, alt.Parameter]) -> str:
    """A Vega expression: the row's control flags equal the checkboxes."""
    return " && ".join(f"datum.{key} === {p.name}" for key, p in params.items())


def estimate_chart(level: str = "county") -> alt.LayerChart:
    """The estimated DRE difference with its 95% interval, with the reader's controls and none.

    Raises
    ------
    ValueError
        For a level not in :data:`explainers.claims.LEVELS`.
    """
    if level not in claims.LEVELS:
        raise ValueError(f"unknown level {level!r}; choose one of {', '.join(claims.LEVELS)}")
    level_param = alt.param(
        name="level",
        value=level,
        bind=alt.binding_radio(
            options=list(claims.LEVELS), labels=["Counties", "Municipalities"], name="Compare: "
        ),
    )
    checks = {
        key: alt.param(
            name=f"control_{key}",
            value=False,
            bind=alt.binding_checkbox(name=f"Control for {c.label} "),
        )
        for key, c in claims.CONTROLS.items()
    }
    specs = claims.specifications()
    base = (
        alt.Chart(specs)
        .transform_filter(f"datum.level === {level_param.name}")
        .transform_calculate(chosen=_flags_match(checks))
        .transform_filter("datum.chosen || datum.controls === 0")
        .transform_calculate(
            row="datum.controls === 0 ? 'No controls' : 'Your controls'",
            label=(
                "format(datum.estimate, '+.2f') + ' points (' + format(datum.low, '+.2f') + "
                "' to ' + format(datum.high, '+.2f') + ')'"
            ),
        )
    )
    y = alt.Y(
        "row:N", title=None, sort=["No controls", "Your controls"], axis=alt.Axis(labelLimit=120)
    )
    # One fixed axis for every choice, so that moving a control moves the dot, not the axis.
    title = "Clinton's share: DRE minus other (points)"
    scale = alt.Scale(
        domain=[
            math.floor(min(specs["low"].min(), 0)) - 1,
            math.ceil(max(specs["high"].max(), 0)) + 1,
        ]
    )
    x = alt.X("estimate:Q", title=title, scale=scale)
    color = alt.condition("datum.chosen", alt.value(FOCUS_COLOR), alt.value(OTHER_COLOR))
    zero = alt.Chart(pd.DataFrame({"x": [0]})).mark_rule(strokeDash=[4, 3]).encode(x="x:Q")
    interval = base.mark_rule(strokeWidth=3).encode(
        x=alt.X("low:Q", title=title, scale=scale), x2="high:Q", y=y, color=color
    )
    point = base.mark_point(filled=True, size=120).encode(
        x=x,
        y=y,
        color=color,
        tooltip=[
            alt.Tooltip("row:N", title="Estimate"),
            alt.Tooltip("estimate:Q", title="Difference (points)", format="+.2f"),
            alt.Tooltip("low:Q", title="95% interval from", format="+.2f"),
            alt.Tooltip("high:Q", title="to", format="+.2f"),
            alt.Tooltip("units:Q", title="Units compared"),
        ],
    )
    # The numbers above each line, from the plot's left edge: never clipped at the right.
    text = base.mark_text(align="left", dy=-14, fontSize=12).encode(
        x=alt.value(4), y=y, text="label:N", color=color
    )
    return (
        alt.layer(zero, interval, point, text)
        .add_params(level_param, *checks.values())
        .properties(
            width="container",
            height=130,
            autosize=FIT_WIDTH,
            description=(
                "Dot and interval chart: the estimated difference in Clinton's 2016 share between "
                "places with and without DREs, in percentage points, with its 95% confidence "
                "interval, with no controls and with the controls chosen by the checkboxes, at the "
                "county or municipality level chosen by the radio buttons; a dashed line marks zero."
            ),
        )
    )

"""The Margins chapter's charts: margins compared, and every contest of a year by closeness.

- :func:`margin_comparison_chart` draws :func:`explainers.contests.comparison` for the chapter's
  contests (:data:`explainers.editorial.FOCUS_CONTESTS`); a radio control picks the measure.
- :func:`closeness_chart` draws :func:`explainers.contests.contest_margins`; a year menu and a
  threshold slider keep the contests :func:`explainers.contests.contests_within` returns. The page
  applies that rule itself, as the Vega filter ``datum.margin_pct <= threshold`` on the margins
  Python computed; the browser tests compare the page's bars with the function's rows.
"""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd

from explainers import contests, editorial
from explainers.charts import FIT_WIDTH, FOCUS_COLOR, OTHER_COLOR, listing
from explainers.control_ranges import THRESHOLD_RANGE

__all__ = [
    "MEASURES",
    "closeness_chart",
    "closeness_table",
    "comparison_table",
    "margin_comparison_chart",
]

#: The measures a reader can pick in :func:`margin_comparison_chart`: the column of
#: :func:`explainers.contests.comparison` each shows, and its value format.
MEASURES: dict[str, tuple[str, str]] = {
    "Votes": ("margin", "{:,.0f} votes"),
    "% of all votes cast": ("margin_pct", "{:.3f}%"),
    "% of the two-party vote": ("margin_pct_two_party", "{:.3f}%"),
}

#: Room left right of the longest bar for its label, as a multiple of the longest bar.
_LABEL_ROOM = 1.45


def comparison_table(
    contest_list: Sequence[tuple[int, str]] = editorial.FOCUS_CONTESTS,
) -> pd.DataFrame:
    """Long table of each contest's margin under every measure in :data:`MEASURES`.

    A reshaping of :func:`explainers.contests.comparison` (no value is recomputed), with the labels
    the bars show.
    """
    wide = contests.comparison(tuple(contest_list)).reset_index(names="order")
    columns = {column: measure for measure, (column, _) in MEASURES.items()}
    table = wide.melt(
        id_vars=["order", "contest"], value_vars=list(columns), var_name="measure"
    ).sort_values(["order", "measure"], kind="stable")
    table["measure"] = table["measure"].map(columns)
    table["value"] = table["value"].astype(float)
    table["value_label"] = [
        MEASURES[m][1].format(v) for m, v in zip(table["measure"], table["value"], strict=True)
    ]
    return table.reset_index(drop=True)


def _per_measure(values: dict[str, float], param: str) -> str:
    """A Vega expression choosing among Python-computed values by the measure the reader picked."""
    expression = repr(float(values[list(values)[-1]]))
    for measure, value in reversed(list(values.items())[:-1]):
        expression = f"{param} === {measure!r} ? {float(value)!r} : ({expression})"
    return expression


def margin_comparison_chart(table: pd.DataFrame | None = None) -> alt.LayerChart:
    """Horizontal bars of each contest's margin; a radio control picks the measure.

    Shows :func:`explainers.contests.comparison` (reshaped by :func:`comparison_table`): the bar
    for each contest and measure is that function's ``margin``, ``margin_pct`` or
    ``margin_pct_two_party``.

    Parameters
    ----------
    table
        Output of :func:`comparison_table` (computed from the data when omitted).
    """
    table = comparison_table() if table is None else table
    names = list(dict.fromkeys(table.sort_values("order")["contest"]))
    measure = alt.param(
        name="measure",
        value="Votes",
        bind=alt.binding_radio(options=list(MEASURES), name="Measure the margin in: "),
    )
    axis_max = {m: _LABEL_ROOM * rows["value"].max() for m, rows in table.groupby("measure")}
    base = (
        alt.Chart(table)
        .transform_filter(alt.datum.measure == measure)
        .encode(
            y=alt.Y("contest:N", sort=alt.EncodingSortField("order", op="min"), title=None),
            x=alt.X(
                "value:Q",
                title="Winner's margin (unit as labelled on each bar)",
                scale=alt.Scale(domainMax=alt.ExprRef(_per_measure(axis_max, measure.name))),
                axis=alt.Axis(tickCount=4, labelOverlap=True),
            ),
            tooltip=[
                alt.Tooltip("contest:N", title="Contest"),
                alt.Tooltip("value_label:N", title="Margin"),
            ],
        )
    )
    bars = base.mark_bar(color=FOCUS_COLOR)
    labels = base.mark_text(align="left", dx=4, fontSize=12).encode(text="value_label:N")
    return (
        alt.layer(bars, labels)
        .add_params(measure)
        .properties(
            width="container",
            height=alt.Step(34),
            autosize=FIT_WIDTH,
            description=(
                f"Bar chart of the winning margin in {listing(names)}, in votes or as a "
                "percentage of votes cast or of the two-party vote. " + _smallest_sentence(table)
            ),
        )
    )


def _smallest_sentence(table: pd.DataFrame) -> str:
    """Which contest has the shortest bar, computed per measure (for the chart's description)."""
    smallest = {
        m: rows.loc[rows["value"].idxmin(), "contest"] for m, rows in table.groupby("measure")
    }
    names = set(smallest.values())
    if len(names) == 1:
        return f"{names.pop()}'s bar is the shortest under every measure."
    return " ".join(f"Under '{m}' the shortest bar is {c}'s." for m, c in smallest.items())


def closeness_table(table: pd.DataFrame | None = None) -> pd.DataFrame:
    """The columns of :func:`explainers.contests.contest_margins` the closeness chart needs."""
    table = contests.contest_margins() if table is None else table
    focus = set(editorial.FOCUS_CONTESTS)
    out = table[["year", "state_po", "state", "margin", "margin_pct", "winner", "runner_up"]].copy()
    out["state"] = out["state"].str.title()
    out["focus"] = [(y, s) in focus for y, s in zip(out["year"], out["state_po"], strict=True)]
    return out


def _closeness_takeaway(year: int, threshold_pct: float) -> str:
    """The contests the chart shows as it opens, in a sentence (contests.contests_within)."""
    near = contests.contests_within(year, threshold_pct)
    listed = "; ".join(
        f"{state.title()} {margin:,} votes ({pct:.2f}%)"
        for state, margin, pct in zip(
            near["state"], near["margin"], near["margin_pct"], strict=True
        )
    )
    return (
        f"As it opens ({year}, within {threshold_pct:g}%): {len(near)} "
        f"{'contest' if len(near) == 1 else 'contests, closest first'}: "
        f"{listed}."
        if len(near)
        else f"As it opens ({year}, within {threshold_pct:g}%): no contest."
    )


def closeness_chart(
    table: pd.DataFrame | None = None,
    *,
    year: int = 2016,
    threshold_pct: float = 1.0,
    years: Sequence[int] | None = None,
) -> alt.LayerChart:
    """Every state contest of a year decided by at most a chosen share of the votes cast.

    The bars are the rows :func:`explainers.contests.contests_within` returns for the chosen year
    and threshold. Two controls, both evaluated in the page: a drop-down picks the year and a
    slider the threshold (in percent of votes cast). A line above the bars counts the contests
    within the threshold; the contests this chapter discusses are drawn in a distinct colour.

    Raises
    ------
    ValueError
        If ``year`` is not among ``years`` or ``threshold_pct`` is outside the slider's range.
    """
    table = closeness_table() if table is None else table
    years = sorted(table["year"].unique()) if years is None else list(years)
    low, high = THRESHOLD_RANGE
    if year not in years:
        raise ValueError(f"year {year} is not among the chart's years {years}")
    if not low <= threshold_pct <= high:
        raise ValueError(
            f"threshold_pct must be between {low} and {high} (the slider's range), "
            f"got {threshold_pct}"
        )
    year_param = alt.param(
        name="year",
        value=year,
        bind=alt.binding_select(options=[int(y) for y in years], name="Election year: "),
    )
    threshold = alt.param(
        name="threshold",
        value=threshold_pct,
        bind=alt.binding_range(
            min=low, max=high, step=0.1, name="Closeness threshold (% of votes cast): "
        ),
    )
    in_year = alt.Chart(table).transform_filter(alt.datum.year == year_param)
    # Three short lines on a narrow column (a phone), two on a wide one; ``width`` is the view's
    # width signal. The headline starts at the plot's left edge, right of the state names.
    headline = (
        in_year.transform_calculate(close=f"datum.margin_pct <= {threshold.name} ? 1 : 0")
        .transform_aggregate(n_close="sum(close)", n_total="count()")
        .transform_calculate(
            headline=(
                "datum.n_close + ' of ' + datum.n_total + ' contests in ' + year + "
                "(width < 420 ? '\\n' : ' ') + '(50 states and DC) were decided by' + '\\n' + "
                "format(threshold, '.1f') + '% of the votes cast or less'"
            )
        )
        .mark_text(align="left", baseline="top", fontSize=12, fontWeight="bold", lineBreak="\n")
        .encode(text="headline:N", x=alt.value(0), y=alt.value(-52))
    )
    close = in_year.transform_filter(f"datum.margin_pct <= {threshold.name}").encode(
        y=alt.Y("state:N", sort=alt.EncodingSortField("margin_pct", op="min"), title=None),
        x=alt.X(
            "margin_pct:Q",
            title="Winner's margin (% of votes cast)",
            scale=alt.Scale(domainMin=0, domainMax=alt.ExprRef(f"{_LABEL_ROOM} * threshold")),
            axis=alt.Axis(tickCount=4, labelOverlap=True),
        ),
        tooltip=[
            alt.Tooltip("state:N", title="State"),
            alt.Tooltip("winner:N", title="Winner"),
            alt.Tooltip("runner_up:N", title="Runner-up"),
            alt.Tooltip("margin:Q", title="Margin (votes)", format=","),
            alt.Tooltip("margin_pct:Q", title="Margin (%)", format=".3f"),
        ],
    )
    bars = close.mark_bar().encode(
        color=alt.Color(
            "focus:N",
            title="Discussed in this chapter",
            scale=alt.Scale(domain=[True, False], range=[FOCUS_COLOR, OTHER_COLOR]),
            legend=alt.Legend(orient="bottom", labelExpr="datum.value ? 'yes' : 'no'"),
        )
    )
    labels = close.mark_text(align="left", dx=4, fontSize=11).encode(
        text=alt.Text("margin:Q", format=",")
    )
    return (
        alt.layer(bars, labels, headline)
        .add_params(year_param, threshold)
        .properties(
            width="container",
            height=alt.Step(18),
            autosize=FIT_WIDTH,
            padding={"top": 56, "left": 5, "right": 5, "bottom": 5},
            description=(
                "Bar chart of the state presidential contests of the chosen year whose winning "
                "margin was at most the chosen share of the votes cast, closest first, labelled "
                f"with the margin in votes. {_closeness_takeaway(year, threshold_pct)}"
            ),
        )
    )

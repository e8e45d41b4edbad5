"""Altair charts for the book, with controls that recompute in the reader's browser.

Each function returns an Altair chart built from tables that Python computed (see
:mod:`explainers.margins`). Controls are Vega-Lite parameters bound to HTML inputs: on the static
site they filter or select among the values Python computed, so the page needs no kernel, and the
browser tests check that what the page shows equals what :mod:`explainers.margins` returns.

Every chart carries a ``description`` (read by screen readers as the SVG's label) and every control
a visible label.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import altair as alt
import pandas as pd

from explainers import margins

__all__ = [
    "FOCUS_CONTESTS",
    "MEASURES",
    "closeness_chart",
    "closeness_table",
    "comparison_table",
    "margin_comparison_chart",
]

FOCUS_CONTESTS = margins.FOCUS_CONTESTS

#: The measures a reader can pick in :func:`margin_comparison_chart`, with their value formats.
MEASURES: dict[str, str] = {
    "Votes": "{:,.0f} votes",
    "% of all votes cast": "{:.3f}%",
    "% of the two-party vote": "{:.3f}%",
}

_FOCUS_COLOR = "#b2182b"
_THRESHOLD_MIN, _THRESHOLD_MAX = 0.1, 5.0
_OTHER_COLOR = "#6b6b6b"


def comparison_table(contests: Iterable[tuple[int, str]] = FOCUS_CONTESTS) -> pd.DataFrame:
    """Long table of each contest's margin under every measure in :data:`MEASURES`.

    A reshaping of :func:`explainers.margins.comparison`, with the labels the bars show.
    """
    measures = {
        "margin": "Votes",
        "margin_pct": "% of all votes cast",
        "margin_pct_two_party": "% of the two-party vote",
    }
    wide = margins.comparison(tuple(contests)).reset_index(names="order")
    table = wide.melt(
        id_vars=["order", "contest"], value_vars=list(measures), var_name="measure"
    ).sort_values(["order", "measure"], kind="stable")
    table["measure"] = table["measure"].map(measures)
    table["value"] = table["value"].astype(float)
    table["value_label"] = [
        MEASURES[m].format(v) for m, v in zip(table["measure"], table["value"], strict=True)
    ]
    return table.reset_index(drop=True)


def margin_comparison_chart(table: pd.DataFrame | None = None) -> alt.LayerChart:
    """Horizontal bars of each contest's margin; a radio control picks the measure.

    Parameters
    ----------
    table
        Output of :func:`comparison_table` (computed from the data when omitted).
    """
    table = comparison_table() if table is None else table
    contests = list(dict.fromkeys(table.sort_values("order")["contest"]))
    measure = alt.param(
        name="measure",
        value="Votes",
        bind=alt.binding_radio(options=list(MEASURES), name="Measure the margin in: "),
    )
    base = (
        alt.Chart(table)
        .transform_filter(alt.datum.measure == measure)
        .encode(
            y=alt.Y("contest:N", sort=alt.EncodingSortField("order", op="min"), title=None),
            x=alt.X("value:Q", title="Winner's margin (unit as labelled on each bar)"),
            tooltip=[
                alt.Tooltip("contest:N", title="Contest"),
                alt.Tooltip("value_label:N", title="Margin"),
            ],
        )
    )
    bars = base.mark_bar(color=_FOCUS_COLOR)
    labels = base.mark_text(align="left", dx=4, fontSize=12).encode(text="value_label:N")
    return (
        alt.layer(bars, labels)
        .add_params(measure)
        .properties(
            width=460,
            height=alt.Step(34),
            description=(
                f"Bar chart of the winning margin in {_listing(contests)}, in votes or as a "
                "percentage of votes cast or of the two-party vote. " + _smallest_sentence(table)
            ),
        )
    )


def _listing(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


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
    """The columns of :func:`explainers.margins.contest_margins` the closeness chart needs."""
    table = margins.contest_margins() if table is None else table
    focus = set(FOCUS_CONTESTS)
    out = table[["year", "state_po", "state", "margin", "margin_pct", "winner", "runner_up"]].copy()
    out["state"] = out["state"].str.title()
    out["focus"] = [(y, s) in focus for y, s in zip(out["year"], out["state_po"], strict=True)]
    return out


def closeness_chart(
    table: pd.DataFrame | None = None,
    *,
    year: int = 2016,
    threshold_pct: float = 1.0,
    years: Sequence[int] | None = None,
) -> alt.VConcatChart:
    """Every state contest of a year decided by at most a chosen share of the votes cast.

    Two controls, both evaluated in the page: a drop-down picks the year and a slider the closeness
    threshold (in percent of votes cast). A line above the bars counts the contests within the
    threshold; the contests this chapter discusses are drawn in a distinct colour.
    """
    table = closeness_table() if table is None else table
    years = sorted(table["year"].unique()) if years is None else list(years)
    if year not in years:
        raise ValueError(f"year {year} is not among the chart's years {years}")
    if not _THRESHOLD_MIN <= threshold_pct <= _THRESHOLD_MAX:
        raise ValueError(
            f"threshold_pct must be between {_THRESHOLD_MIN} and {_THRESHOLD_MAX} (the slider's "
            f"range), got {threshold_pct}"
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
            min=_THRESHOLD_MIN,
            max=_THRESHOLD_MAX,
            step=0.1,
            name="Closeness threshold (% of votes cast): ",
        ),
    )
    in_year = alt.Chart(table).transform_filter(alt.datum.year == year_param)
    summary = (
        in_year.transform_calculate(close=f"datum.margin_pct <= {threshold.name} ? 1 : 0")
        .transform_aggregate(n_close="sum(close)", n_total="count()")
        .transform_calculate(
            headline=(
                "datum.n_close + ' of ' + datum.n_total + ' contests (50 states and DC) in ' + year + "
                "' were decided by ' + format(threshold, '.1f') + '% of the votes cast or less'"
            )
        )
        .mark_text(align="left", x=0, fontSize=13, fontWeight="bold")
        .encode(text="headline:N")
        .properties(width=460, height=20)
    )
    close = in_year.transform_filter(f"datum.margin_pct <= {threshold.name}").encode(
        y=alt.Y("state:N", sort=alt.EncodingSortField("margin_pct", op="min"), title=None),
        x=alt.X("margin_pct:Q", title="Winner's margin (% of votes cast)"),
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
            scale=alt.Scale(domain=[True, False], range=[_FOCUS_COLOR, _OTHER_COLOR]),
            legend=alt.Legend(orient="bottom", labelExpr="datum.value ? 'yes' : 'no'"),
        )
    )
    labels = close.mark_text(align="left", dx=4, fontSize=11).encode(
        text=alt.Text("margin:Q", format=",")
    )
    return (
        alt.vconcat(summary, alt.layer(bars, labels).properties(width=460, height=alt.Step(18)))
        .add_params(year_param, threshold)
        .properties(
            description=(
                "Bar chart of the state presidential contests of the chosen year whose winning "
                "margin was at most the chosen share of the votes cast, closest first, labelled "
                "with the margin in votes."
            )
        )
    )

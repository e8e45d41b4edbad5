"""The Florida 2000 chapter's charts: the lead as reported, the reviews' outcomes, Palm Beach's vote.

- :func:`count_chart` draws Bush's lead at each reported stage of the count, the state's figures
  joined by a line and the press's beside them (:func:`explainers.florida.count_stages`).
- :func:`reviews_chart` sets every outcome of the two reviews of the rejected ballots on one axis
  (Bush ahead to the right, Gore ahead to the left), the certified 537 marked; the reader picks a
  counting rule and the chart says who would have led, by how much, as the source reported it.
- :func:`butterfly_chart` plots each county's Buchanan vote against what the other 66 counties
  predict for it (log scales), with the model the reader picks; every model was fitted in Python
  (:func:`explainers.butterfly.all_counties`) and the page only selects one, so the browser tests
  pin the points and the readout to the package.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from explainers import butterfly, data, florida
from explainers.charts import FIT_WIDTH, FOCUS_COLOR, OTHER_COLOR, choice_expr

__all__ = [
    "BUSH_COLOR",
    "GORE_COLOR",
    "butterfly_chart",
    "butterfly_table",
    "count_chart",
    "reviews_chart",
]

#: Bush ahead and Gore ahead (a red and a blue that pass WCAG AA on white, and differ in lightness).
BUSH_COLOR = "#b2182b"
GORE_COLOR = "#2166ac"

_REPORTERS = {"state": "the state's figure", "press": "a press tally"}


def count_chart() -> alt.LayerChart:
    """Bush's lead at each reported stage, 8 November to 8 December 2000."""
    stages = florida.count_stages().assign(
        day=lambda t: t["date"].dt.strftime("%Y-%m-%d"),
        who=lambda t: t["reporter"].map(_REPORTERS),
        label=lambda t: t["bush_lead"].map("{:,}".format),
    )
    # The dates are days, read as midnight UTC: a UTC scale and UTC formats show the same day in
    # every reader's time zone (a local-time format showed 7 November west of Greenwich).
    x = alt.X(
        "utcyearmonthdate(day):T",
        title=None,
        axis=alt.Axis(format="%d %b", labelAngle=0, tickCount=6),
    )
    y = alt.Y("bush_lead:Q", title="Bush's lead (votes)", scale=alt.Scale(domainMin=0))
    domain = list(_REPORTERS.values())
    color = alt.Color(
        "who:N",
        title="Reported as",
        scale=alt.Scale(domain=domain, range=[FOCUS_COLOR, OTHER_COLOR]),
        legend=alt.Legend(orient="top", direction="horizontal"),
    )
    base = alt.Chart(stages)
    line = (
        base.transform_filter("datum.reporter === 'state'")
        .mark_line(color=FOCUS_COLOR, strokeWidth=2)
        .encode(x=x, y=y)
    )
    points = base.mark_point(filled=True, size=80).encode(
        x=x,
        y=y,
        color=color,
        shape=alt.Shape("who:N", scale=alt.Scale(domain=domain, range=["circle", "diamond"])),
        tooltip=[
            alt.Tooltip("utcyearmonthdate(day):T", title="Date", format="%d %B %Y"),
            alt.Tooltip("stage:N", title="Stage"),
            alt.Tooltip("reported_by:N", title="Reported by"),
            alt.Tooltip("bush_lead:Q", title="Bush's lead", format=","),
        ],
    )
    labels = (
        base.transform_filter("datum.reporter === 'state'")
        .mark_text(align="left", dx=7, dy=-7, fontSize=11)
        .encode(x=x, y=y, text="label:N", color=color)
    )
    press_labels = (
        base.transform_filter("datum.reporter === 'press'")
        .mark_text(align="left", dx=7, dy=9, fontSize=11)
        .encode(x=x, y=y, text="label:N", color=color)
    )
    first, certified = florida.first_count_lead(), florida.certified_lead()
    return alt.layer(line, points, labels, press_labels).properties(
        width="container",
        height=300,
        autosize=FIT_WIDTH,
        description=(
            f"Line chart of George W. Bush's lead over Al Gore in Florida as it was reported, from "
            f"{first:,} votes in the first count of 8 November 2000 to {certified:,} at "
            f"certification on 26 November and {florida.court_order_lead():,} after the Florida "
            "Supreme Court's order of 8 December; the state's figures are joined by a line, the "
            "press's tallies of the same stages are drawn beside them."
        ),
    )


def reviews_chart(rule: int = 0) -> alt.LayerChart:
    """Every outcome of the two reviews, signed, with the reader's chosen rule highlighted.

    ``rule`` is the row of :func:`explainers.florida.review_outcomes` chosen at first.

    Raises
    ------
    ValueError
        For a ``rule`` that is not a row.
    """
    table = florida.review_outcomes().reset_index(names="rule")
    if isinstance(rule, bool) or not isinstance(rule, int) or rule not in set(table["rule"]):
        raise ValueError(f"rule must be a row from 0 to {len(table) - 1}, not {rule!r}")
    short = {
        "undervotes in four counties": "Four counties' undervotes",
        "undervotes statewide": "Undervotes",
        "all rejected ballots statewide": "All rejected ballots",
        "undervotes statewide, the counties' finished hand counts kept": "Undervotes",
        "undervotes statewide, counted afresh in all 67 counties": "Undervotes, counted afresh",
    }
    table = table.assign(
        headline=[
            f"{r.leader} by {r.margin:,} votes ({florida.REVIEW_SHORT_NAMES[r.review]})"
            for r in table.itertuples()
        ],
        source_label=[
            f"{short.get(r.ballots, r.ballots)}: {r.standard}"
            + (" (Herald)" if r.review == "herald" else "")
            for r in table.itertuples()
        ],
    )
    choice = alt.param(
        name="rule",
        value=rule,
        bind=alt.binding_select(
            options=list(table["rule"]),
            labels=[f"{r.label} ({r.review_name.split(',')[0]})" for r in table.itertuples()],
            name="Counting rule: ",
        ),
    )
    chosen = f"datum.rule === {choice.name}"
    # Each rule's name is written above its bar, from the plot's left edge, so that a phone's narrow
    # column gives the bars the whole width instead of an axis of long labels.
    y = alt.Y(
        "source_label:N",
        title=None,
        sort=list(table["source_label"]),
        axis=None,
        scale=alt.Scale(paddingInner=0.55, paddingOuter=0.4),
    )
    limit = int(table["margin"].max() * 1.1)
    x = alt.X(
        "bush_lead:Q",
        title="Gore ahead ← votes → Bush ahead",
        scale=alt.Scale(domain=[-limit, limit]),
    )
    base = alt.Chart(table)
    bars = base.mark_bar().encode(
        x=x,
        y=y,
        color=alt.Color(
            "leader:N",
            title="Ahead",
            scale=alt.Scale(domain=["Bush", "Gore"], range=[BUSH_COLOR, GORE_COLOR]),
            legend=alt.Legend(orient="bottom", direction="horizontal"),
        ),
        opacity=alt.condition(chosen, alt.value(1.0), alt.value(0.35)),
        tooltip=[
            alt.Tooltip("review_name:N", title="Review"),
            alt.Tooltip("ballots:N", title="Ballots counted"),
            alt.Tooltip("standard:N", title="Standard"),
            alt.Tooltip("leader:N", title="Ahead"),
            alt.Tooltip("margin:Q", title="By (votes)", format=","),
        ],
    )
    certified = florida.certified_lead()
    rule_mark = (
        alt.Chart(pd.DataFrame({"x": [certified], "note": [f"certified: Bush by {certified}"]}))
        .mark_rule(strokeDash=[4, 3], color="#333333")
        .encode(x="x:Q")
    )
    zero = alt.Chart(pd.DataFrame({"x": [0]})).mark_rule(color="#333333").encode(x="x:Q")
    names = base.mark_text(align="left", baseline="bottom", dy=-4, fontSize=10).encode(
        x=alt.value(2),
        y=alt.Y("source_label:N", sort=list(table["source_label"]), axis=None, bandPosition=0),
        text="source_label:N",
        color=alt.condition(chosen, alt.value("#111111"), alt.value("#555555")),
    )
    # The chosen rule's outcome as the chart's title: a title does not take width from the plot.
    headline = choice_expr(choice.name, dict(zip(table["rule"], table["headline"], strict=True)))
    return (
        alt.layer(bars, zero, rule_mark, names)
        .add_params(choice)
        .properties(
            title=alt.TitleParams(text=alt.ExprRef(headline), anchor="start", fontSize=13, limit=0),
            width="container",
            height=36 * len(table),
            autosize=FIT_WIDTH,
            description=(
                "Bar chart of who would have led Florida in 2000, and by how many votes, had the "
                "ballots the machines rejected been counted, under each rule of two reviews: bars "
                "to the right for Bush ahead, to the left for Gore ahead; a dashed line marks the "
                f"certified lead of {certified} votes for Bush; the rule chosen with the menu is "
                "highlighted and its outcome written above the chart."
            ),
        )
    )


def butterfly_table() -> pd.DataFrame:
    """Every county under every model: actual and predicted Buchanan votes, and the interval."""
    frames = []
    for key, model in butterfly.MODELS.items():
        frame = butterfly.all_counties(key).assign(model=key, model_label=model.label)
        frames.append(frame)
    table = pd.concat(frames, ignore_index=True)
    table["palm_beach"] = table["county"] == butterfly.COUNTY
    table["name"] = table["county"].str.title()
    return table[["name", "model", "actual", "predicted", "low", "high", "palm_beach"]]


def butterfly_chart(model: str = "bush") -> alt.LayerChart:
    """Each county's Buchanan vote against its prediction from the other 66, under a chosen model.

    Raises
    ------
    ValueError
        For a model not in :data:`explainers.butterfly.MODELS`.
    """
    if model not in butterfly.MODELS:
        raise ValueError(f"model must be one of {sorted(butterfly.MODELS)}, not {model!r}")
    table = butterfly_table()
    labels = {key: m.label for key, m in butterfly.MODELS.items()}
    choice = alt.param(
        name="model",
        value=model,
        bind=alt.binding_select(
            options=list(labels), labels=list(labels.values()), name="Predict from: "
        ),
    )
    readout = {
        r.model: [
            f"Palm Beach: {r.actual:,} votes; predicted {r.predicted:,.0f} "
            f"({r.low:,.0f} to {r.high:,.0f})",
            f"Excess: {r.excess_low:,.0f} to {r.excess_high:,.0f} votes",
        ]
        for r in butterfly.model_comparison().itertuples()
    }
    title = choice_expr(choice.name, readout)
    lo = float(min(table["low"].min(), table["actual"].min())) * 0.8
    hi = float(max(table["high"].max(), table["actual"].max())) * 1.25
    scale = alt.Scale(type="log", domain=[lo, hi], nice=False)
    others = data.FL_COUNTIES - 1
    x = alt.X(
        "predicted:Q", title=f"Predicted from the other {others} counties (log scale)", scale=scale
    )
    y = alt.Y("actual:Q", title="Buchanan's votes (log scale)", scale=scale)
    selected = f"datum.model === {choice.name}"
    base = alt.Chart(table).transform_filter(selected)
    diagonal = (
        alt.Chart(pd.DataFrame({"v": [lo, hi]}))
        .mark_line(strokeDash=[4, 3], color="#333333")
        .encode(x=alt.X("v:Q", scale=scale), y=alt.Y("v:Q", scale=scale))
    )
    intervals = base.mark_rule(opacity=0.5).encode(
        x=x,
        y=alt.Y("low:Q", scale=scale),
        y2="high:Q",
        color=alt.condition("datum.palm_beach", alt.value(FOCUS_COLOR), alt.value(OTHER_COLOR)),
    )
    points = base.mark_point(filled=True).encode(
        x=x,
        y=y,
        color=alt.condition("datum.palm_beach", alt.value(FOCUS_COLOR), alt.value(OTHER_COLOR)),
        size=alt.condition("datum.palm_beach", alt.value(140), alt.value(40)),
        tooltip=[
            alt.Tooltip("name:N", title="County"),
            alt.Tooltip("actual:Q", title="Buchanan's votes", format=","),
            alt.Tooltip("predicted:Q", title="Predicted", format=",.0f"),
            alt.Tooltip("low:Q", title="95% interval from", format=",.0f"),
            alt.Tooltip("high:Q", title="to", format=",.0f"),
        ],
    )
    name = (
        base.transform_filter("datum.palm_beach")
        .mark_text(align="right", dx=-10, fontSize=12, color=FOCUS_COLOR)
        .encode(x=x, y=y, text="name:N")
    )
    return (
        alt.layer(diagonal, intervals, points, name)
        .add_params(choice)
        .properties(
            # The chosen model's result for Palm Beach as the title: it takes no width from the plot.
            title=alt.TitleParams(text=alt.ExprRef(title), anchor="start", fontSize=12, limit=0),
            width="container",
            height=340,
            autosize=FIT_WIDTH,
            description=(
                "Scatter plot, on log scales, of each Florida county's votes for Pat Buchanan in "
                "2000 against the number predicted for it by a line fitted to the other 66 "
                "counties, with each prediction's 95% interval as a vertical line; a dashed "
                "diagonal marks where the two are equal. Palm Beach County, in red, lies far "
                "above its interval under every model the menu offers ("
                + "; ".join(labels.values())
                + ")."
            ),
        )
    )

"""The Audits chapter's charts: ballots to examine against the margin, an audit drawn ballot by ballot.

- :func:`sample_size_chart` draws, on log scales, the ballots a ballot-level comparison audit
  (:func:`explainers.audits.comparison_sample_size`) and a ballot-polling audit
  (:func:`explainers.audits.bravo_asn`) examine at each diluted margin, with the chapter's real
  contests marked (:func:`explainers.audits.audit_sizes`) beside the ballots a full hand count
  examines. Two sliders, the risk limit and a margin to read off, recompute the curves in the page
  with the same closed forms, written as Vega expressions (:data:`COMPARISON_EXPR`,
  :data:`POLLING_EXPR`); the browser tests pin the page's numbers to the Python functions.
- :func:`audit_walk_chart` shows seeded BRAVO audits (:func:`explainers.audits.bravo_path`) drawn
  ballot by ballot; the page only selects among the paths Python computed.
- :func:`ward_change_chart` shows how many Wisconsin reporting units the 2016 recount changed, and
  by how much (:func:`explainers.recounts.ward_changes`).
"""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd

from explainers import audits, contests, editorial, recounts
from explainers.charts import FIT_WIDTH, FOCUS_COLOR, OTHER_COLOR, listing
from explainers.control_ranges import MARGIN_RANGE, RISK_LIMIT_RANGE

__all__ = [
    "COMPARISON_EXPR",
    "POLLING_EXPR",
    "RISK_EXPR",
    "SHIFT_KINDS",
    "TRUE_SHARES",
    "WALK",
    "audit_walk_chart",
    "audit_walk_table",
    "contest_points",
    "recount_shift_chart",
    "recount_shift_table",
    "sample_size_chart",
    "ward_change_chart",
]

#: The curves span these diluted margins (log10 of the fraction).
_LOG_MARGINS = (-4.5, -0.3, 0.02)

#: The top of the ballots axis: more than any state's ballots (the curves stop there).
_Y_MAX = 10**8

_COMPARISON_COLOR = "#2166ac"
_POLLING_COLOR = "#b35806"

# The closed forms of explainers.audits as Vega expression templates, with their operations in the
# same order so that the page computes the same floating-point numbers. ``alpha`` is the risk limit
# as a fraction, ``m`` the diluted margin, ``s`` the winner's share of the two candidates' votes and
# ``o`` the share of ballots for neither. A ballot-polling curve assumes every ballot is for one of
# the two candidates (s = (1 + m) / 2, o = 0); the real contests' marks use their own shares.
COMPARISON_EXPR = "ceil(-2 * " + repr(audits.GAMMA) + " * (log({alpha}) + 0) / {m})"
POLLING_EXPR = (
    "ceil((log(1 / {alpha}) + log(2 * {s}) / 2) / "
    "({s} * (1 - {o}) * log(2 * {s}) + (1 - {s}) * (1 - {o}) * log(2 * (1 - {s}))))"
)


def contest_points(
    contest_list: Sequence[tuple[int, str]] = editorial.FOCUS_CONTESTS,
) -> pd.DataFrame:
    """The inputs the page needs for each real contest: its diluted margin, shares and ballots."""
    rows = []
    for year, state in contest_list:
        c = contests.contest(year, state)
        rows.append(
            {
                "contest": c.name,
                "margin": c.margin,
                "ballots": c.total_votes,
                "mu": audits.diluted_margin(c.margin, c.total_votes),
                "short": f"{c.state_po} {c.year}",
                "s": c.winner_votes / (c.winner_votes + c.runner_up_votes),
                "o": 1 - (c.winner_votes + c.runner_up_votes) / c.total_votes,
            }
        )
    return pd.DataFrame(rows)


def sample_size_chart(
    points: pd.DataFrame | None = None, *, risk_limit_pct: int = 10, margin_pct: float = 1.0
) -> alt.LayerChart:
    """Ballots examined against the diluted margin, log scales, for three ways of checking a count.

    Two curves, recomputed in the page as the reader moves the risk-limit slider: the comparison
    audit's sample size and the ballot-polling audit's average sample number (for a contest with
    no other candidates). Each real contest gets three marks at its diluted margin: both audits'
    sizes for that contest (a ballot-polling audit longer than the contest is a full count) and the
    ballots a full hand count examines. The margin slider moves a rule along the curves, and a line
    of text gives both sizes there.

    Raises
    ------
    ValueError
        If a starting value is outside its slider's range.
    """
    points = contest_points() if points is None else points
    low, high = RISK_LIMIT_RANGE
    if not low <= risk_limit_pct <= high:
        raise ValueError(f"risk_limit_pct must be between {low} and {high}, got {risk_limit_pct}")
    m_low, m_high = MARGIN_RANGE
    if not m_low <= margin_pct <= m_high:
        raise ValueError(f"margin_pct must be between {m_low} and {m_high}, got {margin_pct}")
    risk = alt.param(
        name="risk_limit",
        value=risk_limit_pct,
        bind=alt.binding_range(min=low, max=high, step=1, name="Risk limit (%): "),
    )
    margin = alt.param(
        name="margin_pick",
        value=margin_pct,
        bind=alt.binding_range(min=m_low, max=m_high, step=0.01, name="Diluted margin (%): "),
    )
    alpha = f"({risk.name} / 100)"
    x = alt.X(
        "m:Q",
        title="Diluted margin (margin ÷ ballots cast), log scale",
        scale=alt.Scale(type="log", domain=[10 ** _LOG_MARGINS[0], 0.5]),
        axis=alt.Axis(format="%", labelOverlap=True, values=[1e-4, 1e-3, 1e-2, 1e-1]),
    )
    y_scale = alt.Scale(type="log", domain=[10, _Y_MAX])
    y = alt.Y(
        "n:Q",
        title="Ballots examined, log scale",
        scale=y_scale,
        axis=alt.Axis(format="~s", values=[10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8]),
    )
    method = alt.Color(
        "method:N",
        title=None,
        scale=alt.Scale(
            domain=["Comparison audit", "Ballot-polling audit (average)", "Full hand count"],
            range=[_COMPARISON_COLOR, _POLLING_COLOR, OTHER_COLOR],
        ),
        legend=alt.Legend(orient="bottom", direction="vertical", title=None),
    )
    start, stop, step = _LOG_MARGINS
    grid = alt.Chart(
        alt.SequenceGenerator(
            sequence=alt.SequenceParams(start=start, stop=stop, step=step, **{"as": "k"})
        )
    ).transform_calculate(m="pow(10, datum.k)", s="(1 + datum.m) / 2")
    comparison = grid.transform_calculate(
        n=COMPARISON_EXPR.format(alpha=alpha, m="datum.m"), method="'Comparison audit'"
    )
    polling = grid.transform_calculate(
        n=POLLING_EXPR.format(alpha=alpha, s="datum.s", o="0"),
        method="'Ballot-polling audit (average)'",
    ).transform_filter(f"datum.n <= {_Y_MAX}")
    curves = alt.layer(
        comparison.mark_line(strokeWidth=2.5).encode(x=x, y=y, color=method),
        polling.mark_line(strokeWidth=2.5, strokeDash=[6, 3]).encode(x=x, y=y, color=method),
    )
    base = alt.Chart(points).transform_calculate(m="datum.mu")
    marks = (
        base.transform_calculate(
            comparison=f"min({COMPARISON_EXPR.format(alpha=alpha, m='datum.mu')}, datum.ballots)",
            polling=f"min({POLLING_EXPR.format(alpha=alpha, s='datum.s', o='datum.o')}, datum.ballots)",
            full="datum.ballots",
        )
        .transform_fold(["comparison", "polling", "full"], as_=["kind", "n"])
        .transform_calculate(
            method=(
                "datum.kind === 'comparison' ? 'Comparison audit' : datum.kind === 'polling' ? "
                "'Ballot-polling audit (average)' : 'Full hand count'"
            )
        )
    )
    dots = marks.mark_point(filled=True, size=70, opacity=1).encode(
        x=x,
        y=y,
        color=method,
        shape=alt.Shape(
            "method:N",
            scale=alt.Scale(
                domain=["Comparison audit", "Ballot-polling audit (average)", "Full hand count"],
                range=["circle", "triangle-up", "square"],
            ),
            title=None,
            legend=alt.Legend(orient="bottom", direction="vertical", title=None),
        ),
        tooltip=[
            alt.Tooltip("contest:N", title="Contest"),
            alt.Tooltip("method:N", title="Method"),
            alt.Tooltip("n:Q", title="Ballots", format=","),
            alt.Tooltip("mu:Q", title="Diluted margin", format=".4%"),
        ],
    )
    # Full names on a wide column, "WI 2016" on a phone (``width`` is the view's width signal).
    names = (
        base.transform_calculate(label="width < 420 ? datum.short : datum.contest")
        .mark_text(align="left", dx=7, fontSize=11, color=FOCUS_COLOR)
        .encode(x=x, y=alt.Y("ballots:Q", scale=y_scale), text="label:N")
    )
    rules = base.mark_rule(color=FOCUS_COLOR, strokeDash=[2, 2], opacity=0.6).encode(x=x)
    pick = (
        alt.Chart(alt.InlineData(values=[{}]))
        .transform_calculate(m=f"{margin.name} / 100", s="(1 + datum.m) / 2")
        .transform_calculate(
            comparison=COMPARISON_EXPR.format(alpha=alpha, m="datum.m"),
            polling=POLLING_EXPR.format(alpha=alpha, s="datum.s", o="0"),
        )
    )
    readout = (
        pick.transform_calculate(
            readout=(
                "'At a diluted margin of ' + format(margin_pick, '.2f') + '%' + "
                "(width < 420 ? '\\n' : ' ') + 'and a risk limit of ' + "
                "risk_limit + '%:' + '\\n' + 'comparison audit ' + format(datum.comparison, ',') + "
                "' ballots;' + (width < 420 ? '\\n' : ' ') + 'ballot-polling audit ' + "
                "format(datum.polling, ',') + ' on average'"
            )
        )
        .mark_text(align="left", baseline="top", fontSize=12, fontWeight="bold", lineBreak="\n")
        .encode(text="readout:N", x=alt.value(0), y=alt.value(-72))
    )
    pick_rule = pick.mark_rule(color="black", strokeWidth=1).encode(x=x)
    return (
        alt.layer(rules, names, curves, dots, pick_rule, readout)
        .add_params(risk, margin)
        .properties(
            width="container",
            height=360,
            autosize=FIT_WIDTH,
            padding={"top": 78, "left": 5, "right": 5, "bottom": 5},
            description=(
                "Line chart on log scales of the ballots an audit examines against the diluted "
                "margin: a comparison audit's sample size, and a ballot-polling audit's average "
                "sample, at the chosen risk limit; both grow as the margin shrinks, the "
                "ballot-polling audit much faster. Marks at "
                f"{listing(list(points['contest']))} show each method's ballots for that contest "
                "and the ballots a full hand count examines."
            ),
        )
    )


#: The true shares of the reported winner a reader can pick in :func:`audit_walk_chart`.
TRUE_SHARES = (0.60, 0.55, 0.50, 0.45)
#: The contest and audit :func:`audit_walk_chart` shows (the BRAVO paper's 60%-40% example).
WALK = {"winner_share": 0.6, "risk_limit": 0.1, "max_draws": 400, "runs": 10}

# The risk measure after each ballot, as explainers.audits.bravo_risk computes it, for the page.
RISK_EXPR = (
    "datum.w * log(2 * {s}) + (datum.draw - datum.w) * log(2 * (1 - {s})) <= 0 ? 1 : "
    "exp(-(datum.w * log(2 * {s}) + (datum.draw - datum.w) * log(2 * (1 - {s}))))"
)


def audit_walk_table() -> pd.DataFrame:
    """Every seeded audit :func:`audit_walk_chart` can show, one row each, its ballots as a string.

    Audit ``run`` (1 to 10) with true share ``true_share`` (in percent) is
    :func:`explainers.audits.bravo_path` with seed ``run``, for a contest reported 60% to 40% and a
    10% risk limit: ``draws`` has a ``1`` for each ballot for the reported winner and a ``0`` for
    each for the loser, up to the draw at which the audit stopped (or 400 draws).
    """
    rows = []
    for true in TRUE_SHARES:
        for run in range(1, WALK["runs"] + 1):
            path = audits.bravo_path(
                WALK["winner_share"],
                WALK["risk_limit"],
                true_winner_share=true,
                max_draws=WALK["max_draws"],
                seed=run,
            )
            draws = "".join("1" if for_winner else "0" for _, for_winner, _ in path)
            rows.append({"true_share": round(100 * true), "run": run, "draws": draws})
    return pd.DataFrame(rows)


def audit_walk_chart(table: pd.DataFrame | None = None) -> alt.LayerChart:
    """One BRAVO audit drawn ballot by ballot: the risk measure falling, or not, to the risk limit.

    The reported result is 60% to 40% and the risk limit 10%. A reader picks the true share of the
    reported winner and the audit (a seed); the page picks that audit's ballots from
    :func:`audit_walk_table` and computes the risk measure after each (:data:`RISK_EXPR`, the
    formula of :func:`explainers.audits.bravo_risk`; the browser tests compare the two).
    """
    table = audit_walk_table() if table is None else table
    true = alt.param(
        name="true_share",
        value=60,
        bind=alt.binding_radio(
            options=[round(100 * t) for t in TRUE_SHARES],
            labels=[f"{round(100 * t)}%" for t in TRUE_SHARES],
            name="Reported winner's true share: ",
        ),
    )
    run = alt.param(
        name="run",
        value=1,
        bind=alt.binding_range(min=1, max=WALK["runs"], step=1, name="Audit number: "),
    )
    chosen = (
        alt.Chart(table)
        .transform_filter(f"datum.true_share === {true.name} && datum.run === {run.name}")
        .transform_calculate(ballot="split(datum.draws, '')")
        .transform_flatten(["ballot"])
        .transform_calculate(win="toNumber(datum.ballot)")
        .transform_window(draw="row_number()", w="sum(win)", frame=[None, 0])
        .transform_calculate(risk=RISK_EXPR.format(s=WALK["winner_share"]))
        .transform_joinaggregate(drawn="max(draw)")
    )
    x = alt.X("draw:Q", title="Ballots drawn", scale=alt.Scale(domain=[0, WALK["max_draws"]]))
    y = alt.Y(
        "risk:Q",
        title="Risk measure (1/T), log scale",
        scale=alt.Scale(type="log", domain=[0.01, 1]),
        axis=alt.Axis(format="%", values=[0.01, 0.1, 1]),
    )
    line = chosen.mark_line(color=_POLLING_COLOR, strokeWidth=2).encode(x=x, y=y)
    limit = (
        alt.Chart(alt.InlineData(values=[{"risk": WALK["risk_limit"]}]))
        .mark_rule(color="black", strokeDash=[4, 3])
        .encode(y=y)
    )
    end = chosen.transform_filter("datum.draw === datum.drawn").transform_calculate(
        headline=(
            f"datum.risk <= {WALK['risk_limit']} ? 'Audit ' + run + ' stopped after ' + datum.draw "
            "+ ' ballots: the risk measure fell to ' + format(datum.risk, '.1%') : 'Audit ' + run "
            "+ ' had not stopped after ' + datum.draw + ' ballots (risk measure ' + "
            "format(datum.risk, '.0%') + ')'"
        )
    )
    dot = end.mark_point(filled=True, size=80, color=_POLLING_COLOR).encode(x=x, y=y)
    headline = end.mark_text(align="left", baseline="top", fontSize=12, fontWeight="bold").encode(
        text="headline:N", x=alt.value(0), y=alt.value(-30)
    )
    label = (
        alt.Chart(alt.InlineData(values=[{"risk": WALK["risk_limit"], "draw": WALK["max_draws"]}]))
        .mark_text(align="right", dy=-6, fontSize=11, text="risk limit 10%")
        .encode(x=x, y=y)
    )
    return (
        alt.layer(limit, label, line, dot, headline)
        .add_params(true, run)
        .properties(
            width="container",
            height=260,
            autosize=FIT_WIDTH,
            padding={"top": 36, "left": 5, "right": 5, "bottom": 5},
            description=(
                "Line chart of one ballot-polling audit of a contest reported 60% to 40%: the risk "
                "measure after each ballot drawn, on a log scale, against the 10% risk limit. When "
                "the reported winner's true share is 60% the audit usually stops within a few "
                "hundred ballots; when it is 50% or less it rarely stops."
            ),
        )
    )


def ward_change_chart(wards: pd.DataFrame | None = None) -> alt.Chart:
    """How many reporting units the 2016 Wisconsin recount changed, by the change in Trump's lead.

    One bar per change (in votes), counting units; the few larger than 30 votes either way are
    gathered at the ends and named in the description.
    """
    wards = recounts.ward_changes() if wards is None else wards
    clipped = wards["margin_change"].clip(-30, 30)
    counts = clipped.value_counts().sort_index().rename_axis("change").reset_index(name="units")
    counts["label"] = [
        ("≤ −30" if c == -30 else "≥ +30" if c == 30 else f"{c:+d}") for c in counts["change"]
    ]
    outliers = wards[wards["margin_change"].abs() > 30]
    named = ", ".join(
        f"{u.title()} ({m:+,})"
        for u, m in zip(outliers["reporting_unit"], outliers["margin_change"], strict=True)
    )
    return (
        alt.Chart(counts)
        .mark_bar(color=OTHER_COLOR)
        .encode(
            x=alt.X(
                "change:Q",
                title="Change in Trump's lead in the reporting unit (votes)",
                scale=alt.Scale(domain=[-31, 31]),
            ),
            y=alt.Y(
                "units:Q",
                title="Reporting units (symmetric log scale)",
                scale=alt.Scale(type="symlog"),
                axis=alt.Axis(values=[1, 10, 100, 1000, 3000]),
            ),
            tooltip=[
                alt.Tooltip("label:N", title="Change in lead"),
                alt.Tooltip("units:Q", title="Reporting units", format=","),
            ],
        )
        .properties(
            width="container",
            height=220,
            autosize=FIT_WIDTH,
            description=(
                f"Bar chart of the {len(wards):,} Wisconsin reporting units by the change the 2016 "
                f"recount made to Trump's lead: {int((wards['margin_change'] == 0).sum()):,} units "
                "did not change; most others changed by a few votes either way. Units beyond 30 "
                f"votes are drawn at the ends: {named}."
            ),
        )
    )


#: The three kinds of row in :func:`recount_shift_table`, in the order the legend lists them.
SHIFT_KINDS = ("Recount shift", "Recount shift, outcome reversed", "Margin at stake")


def recount_shift_table() -> pd.DataFrame:
    """How far statewide recounts moved a margin, beside the margins of the book's contests.

    One row per recount in ``data/recount_shifts.csv`` and one per contest of
    :data:`explainers.editorial.FOCUS_CONTESTS` (its certified margin), with a short ``label``.
    """
    shifts = recounts.recount_shifts()
    rows = [
        {
            "label": f"{s.state_po} {s.year} {s.office}",
            "votes": int(s.shift),
            "kind": SHIFT_KINDS[1] if s.reversed else SHIFT_KINDS[0],
        }
        for s in shifts.itertuples()
    ]
    for year, state in editorial.FOCUS_CONTESTS:
        c = contests.contest(year, state)
        rows.append({"label": f"{state} {year} margin", "votes": c.margin, "kind": SHIFT_KINDS[2]})
    return pd.DataFrame(rows).sort_values("votes", kind="stable").reset_index(drop=True)


def recount_shift_chart() -> alt.Chart:
    """Dot chart: the votes single recounts moved, against the margins of Florida 2000 and 2016."""
    table = recount_shift_table()
    biggest = table[table["kind"] != SHIFT_KINDS[2]]["votes"].max()
    dots = (
        alt.Chart(table)
        .mark_point(filled=True, size=110)
        .encode(
            x=alt.X(
                "votes:Q",
                title="Votes (log scale)",
                scale=alt.Scale(type="log", domain=[100, 100_000]),
                axis=alt.Axis(values=[100, 1000, 10_000, 100_000], format=","),
            ),
            y=alt.Y("label:N", sort=None, title=None),
            color=alt.Color(
                "kind:N",
                scale=alt.Scale(
                    domain=list(SHIFT_KINDS), range=[_COMPARISON_COLOR, _POLLING_COLOR, OTHER_COLOR]
                ),
                legend=alt.Legend(title=None, orient="bottom", direction="vertical"),
            ),
            shape=alt.Shape(
                "kind:N",
                scale=alt.Scale(domain=list(SHIFT_KINDS), range=["circle", "triangle", "square"]),
                legend=None,
            ),
            tooltip=[
                alt.Tooltip("label:N", title="Contest"),
                alt.Tooltip("kind:N", title="What"),
                alt.Tooltip("votes:Q", title="Votes", format=","),
            ],
        )
    )
    labels = dots.mark_text(align="left", dx=8, fontSize=11).encode(
        text=alt.Text("votes:Q", format=","), color=alt.value("#222")
    )
    return (dots + labels).properties(
        width="container",
        height=24 * len(table),
        autosize=FIT_WIDTH,
        description=(
            "Dot chart on a log scale of how many votes single statewide recounts moved the margin "
            f"(the largest, {biggest:,}), beside the certified margins of "
            + listing(
                [
                    f"{r.label.removesuffix(' margin')} ({r.votes:,})"
                    for r in table.itertuples()
                    if r.kind == SHIFT_KINDS[2]
                ]
            )
            + "."
        ),
    )

"""The Electoral College chapter's charts: a tile map with a swing and a rule, faithless electors.

- :func:`tile_map_chart` draws every state as one tile of a grid (no geography needed), coloured by
  the candidate who wins most of its electors, with the electoral-vote totals and the winner above.
  Three controls, all applied in the page: the election (2000 or 2016), a uniform swing and the
  allocation rule. The page receives each candidate's votes in each state (:func:`tile_map_table`)
  and applies the rules of :func:`explainers.electoral.allocate` itself, as Vega transforms in the
  same order of operations (the swing, then winner-take-all, largest remainder or the national
  vote); the browser tests compare its totals with :func:`explainers.electoral.outcome`. One
  difference, out of reach of the slider's steps: where the top two tie exactly after a swing,
  ``allocate`` gives the electors to no one and the page to the first alphabetically. The slider
  spans :data:`SWING_RANGE`; the Jupyter panel allows any swing from -100 to 100.
- :func:`faithless_chart` shows the faithless electors of each election since 1948
  (:func:`explainers.faithless.faithless_by_year`).
- :func:`defection_chart` shows the electoral votes if some of the leader's electors defect, and
  whether the House would decide (:func:`explainers.faithless.defection_outcome`).
"""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd

from explainers import contests, data, editorial, electoral, faithless
from explainers.charts import FIT_WIDTH, OTHER_COLOR

__all__ = [
    "DEFECTION_RANGE",
    "ROLE_COLORS",
    "SWING_RANGE",
    "TILES",
    "defection_chart",
    "defection_table",
    "faithless_chart",
    "tile_map_chart",
    "tile_map_table",
]

#: Each state's place in the tile grid: (row, column). A layout, not a map: neighbours stay close.
TILES: dict[str, tuple[int, int]] = {
    "AK": (0, 0), "ME": (0, 11),
    "VT": (1, 10), "NH": (1, 11),
    "WA": (2, 1), "ID": (2, 2), "MT": (2, 3), "ND": (2, 4), "MN": (2, 5), "IL": (2, 6),
    "WI": (2, 7), "MI": (2, 8), "NY": (2, 9), "RI": (2, 10), "MA": (2, 11),
    "OR": (3, 1), "NV": (3, 2), "WY": (3, 3), "SD": (3, 4), "IA": (3, 5), "IN": (3, 6),
    "OH": (3, 7), "PA": (3, 8), "NJ": (3, 9), "CT": (3, 10),
    "CA": (4, 1), "UT": (4, 2), "CO": (4, 3), "NE": (4, 4), "MO": (4, 5), "KY": (4, 6),
    "WV": (4, 7), "VA": (4, 8), "MD": (4, 9), "DE": (4, 10),
    "AZ": (5, 2), "NM": (5, 3), "KS": (5, 4), "AR": (5, 5), "TN": (5, 6), "NC": (5, 7),
    "SC": (5, 8), "DC": (5, 9),
    "OK": (6, 4), "LA": (6, 5), "MS": (6, 6), "AL": (6, 7), "GA": (6, 8),
    "HI": (7, 0), "TX": (7, 4), "FL": (7, 9),
}  # fmt: skip

#: Colours of the year's electoral-vote leader, runner-up and anyone else (colour-blind safe:
#: they differ in lightness too, and every tile also carries the winner's initial in text).
ROLE_COLORS = {
    "leader": "#b2182b",
    "runner_up": "#2166ac",
    "other": OTHER_COLOR,
    "split": "#762a83",
}

#: The swing slider's range, in points of margin.
SWING_RANGE = (-10.0, 10.0)

#: The defections slider's range.
DEFECTION_RANGE = (0, 80)


def _role(candidate: str, leader: str, runner_up: str) -> str:
    return "leader" if candidate == leader else "runner_up" if candidate == runner_up else "other"


def tile_map_table(years: Sequence[int] = editorial.CLOSE_CALL_YEARS) -> pd.DataFrame:
    """One row per candidate and state (and per district elector) of each year, for the page.

    Columns: ``year, state_po, row, col, candidate, name, role, votes`` (the candidate's votes),
    ``cast`` (all votes cast in the state), ``leader_votes, runner_up_votes`` (the two the swing
    moves), ``ev`` (the state's electors), ``statewide_ev`` (less the district electors) and
    ``district_ev`` (a district elector's row: its candidate keeps it under winner-take-all).
    """
    frames = []
    for year in years:
        leader, runner_up = electoral.leaders(year)
        votes = contests.state_votes(year).rename(columns={"candidatevotes": "votes"})
        cast = contests.contest_margins(year).set_index("state_po")["total_votes"]
        ev = electoral.apportionment(year)
        split = data.district_electors()
        split = split[split["year"] == year].groupby("state_po")["electoral_votes"].sum()
        wide = votes.pivot(index="state_po", columns="candidate", values="votes").fillna(0)
        table = votes.assign(
            year=year,
            cast=votes["state_po"].map(cast),
            leader_votes=votes["state_po"].map(wide[leader]),
            runner_up_votes=votes["state_po"].map(wide[runner_up]),
            ev=votes["state_po"].map(ev),
            statewide_ev=votes["state_po"].map(ev - split.reindex(ev.index, fill_value=0)),
            district_ev=0,
        )
        districts = data.district_electors()
        districts = districts[districts["year"] == year]
        extra = pd.DataFrame(
            {
                "state_po": districts["state_po"],
                "candidate": districts["candidate"],
                "votes": 0,
                "year": year,
                "cast": districts["state_po"].map(cast),
                "leader_votes": 0,
                "runner_up_votes": 0,
                "ev": districts["state_po"].map(ev),
                "statewide_ev": 0,
                "district_ev": districts["electoral_votes"],
            }
        )
        table = pd.concat([table, extra], ignore_index=True)
        table["role"] = [_role(c, leader, runner_up) for c in table["candidate"]]
        table["name"] = table["candidate"].map(contests.display_name)
        frames.append(table)
    out = pd.concat(frames, ignore_index=True)
    out["row"] = out["state_po"].map(lambda s: TILES[s][0])
    out["col"] = out["state_po"].map(lambda s: TILES[s][1])
    columns = [
        "year", "state_po", "row", "col", "candidate", "name", "role", "votes", "cast",
        "leader_votes", "runner_up_votes", "ev", "statewide_ev", "district_ev",
    ]  # fmt: skip
    return out[columns].sort_values(["year", "state_po", "candidate"]).reset_index(drop=True)


def _allocation(chart: alt.Chart, year: alt.Parameter, swing: alt.Parameter, rule: alt.Parameter):
    """The transforms that apply :func:`explainers.electoral.allocate` in the page.

    Every row ends with ``won``, the electors its candidate wins in its state under the rule.
    """
    s, r = swing.name, rule.name
    return (
        chart.transform_filter(alt.datum.year == year)
        # The uniform swing, as in electoral.swung_votes: x/200 of the votes cast switch sides,
        # never more than a candidate has.
        .transform_calculate(
            moved=f"clamp({s} / 200 * datum.cast, -datum.runner_up_votes, datum.leader_votes)"
        )
        .transform_calculate(
            v=(
                "datum.role === 'leader' ? datum.votes - datum.moved : "
                "(datum.role === 'runner_up' ? datum.votes + datum.moved : datum.votes)"
            )
        )
        # Winner-take-all: the first in the state (district electors stay where they went).
        .transform_window(
            place="row_number()",
            groupby=["state_po"],
            sort=[alt.SortField("v", order="descending"), alt.SortField("candidate")],
        )
        # Largest remainder: whole quotas, then the largest remainders.
        .transform_joinaggregate(state_votes="sum(v)", groupby=["state_po"])
        .transform_calculate(quota="datum.ev * datum.v / datum.state_votes")
        .transform_calculate(whole="floor(datum.quota)")
        .transform_calculate(remainder="datum.quota - datum.whole")
        .transform_joinaggregate(wholes="sum(whole)", groupby=["state_po"])
        .transform_window(
            by_remainder="row_number()",
            groupby=["state_po"],
            sort=[alt.SortField("remainder", order="descending"), alt.SortField("candidate")],
        )
        # The national vote: the candidate with the most votes over all states.
        .transform_joinaggregate(national="sum(v)", groupby=["candidate"])
        .transform_joinaggregate(national_max="max(national)")
        .transform_calculate(
            won=(
                f"{r} === 'winner' ? (datum.district_ev + (datum.place === 1 ? "
                "datum.statewide_ev : 0)) : "
                f"({r} === 'proportional' ? datum.whole + "
                "(datum.by_remainder <= datum.ev - datum.wholes ? 1 : 0) : "
                "(datum.district_ev === 0 && datum.national === datum.national_max ? datum.ev : 0))"
            )
        )
    )


def tile_map_chart(
    table: pd.DataFrame | None = None, *, year: int = 2016, swing: float = 0.0, rule: str = "winner"
) -> alt.LayerChart:
    """The states as tiles, coloured by who wins most of their electors; totals and winner above.

    Controls (Vega-Lite parameters, applied in the page): the election, a uniform swing in points
    of margin from the leader to the runner-up (negative: the other way), and the allocation rule
    (:data:`explainers.electoral.RULES`).

    Raises
    ------
    ValueError
        For a year not in ``table``, a swing outside :data:`SWING_RANGE` or an unknown rule.
    """
    table = tile_map_table() if table is None else table
    years = sorted(int(y) for y in table["year"].unique())
    if year not in years:
        raise ValueError(f"year {year} is not among the chart's years {years}")
    low, high = SWING_RANGE
    if not low <= swing <= high:
        raise ValueError(f"swing must be between {low} and {high} points, got {swing}")
    if rule not in electoral.RULES:
        raise ValueError(f"unknown rule {rule!r}; choose one of {', '.join(electoral.RULES)}")
    year_param = alt.param(
        name="ec_year", value=year, bind=alt.binding_select(options=years, name="Election: ")
    )
    swing_param = alt.param(
        name="swing",
        value=swing,
        bind=alt.binding_range(
            min=low, max=high, step=0.1, name="Swing to the runner-up (points of margin): "
        ),
    )
    rule_param = alt.param(
        name="rule",
        value=rule,
        bind=alt.binding_radio(
            options=list(electoral.RULES),
            labels=["Winner takes all", "Proportional", "National popular vote"],
            name="Rule: ",
        ),
    )
    allocated = _allocation(alt.Chart(table), year_param, swing_param, rule_param)
    # Each state's tile: the candidate with the most electors there; a state whose electors are
    # shared equally between its top candidates is "split" (a colour of its own, no initial).
    # One tuple per state (grouped by the state alone, the winner picked by argmax), so that when a
    # control moves Vega updates each tile in place instead of removing and drawing it again: the
    # election menu took 31 ms at the 95th percentile with a tuple per state and candidate.
    per_state = (
        allocated.transform_aggregate(
            won="sum(won)", groupby=["state_po", "row", "col", "candidate", "name", "role"]
        )
        .transform_joinaggregate(most="max(won)", groupby=["state_po"])
        .transform_calculate(at_most="datum.won === datum.most ? 1 : 0")
        .transform_aggregate(
            [
                alt.AggregatedFieldDef(op="argmax", field="won", **{"as": "best"}),
                alt.AggregatedFieldDef(op="sum", field="won", **{"as": "state_ev"}),
                alt.AggregatedFieldDef(op="sum", field="at_most", **{"as": "n_most"}),
            ],
            groupby=["state_po", "row", "col"],
        )
        .transform_calculate(
            won="datum.best.won",
            role="datum.n_most > 1 ? 'split' : datum.best.role",
            name="datum.n_most > 1 ? 'split evenly' : datum.best.name",
            label=(
                "datum.state_po + '\\n' + (datum.n_most > 1 ? 'split' : "
                "datum.best.won + ' ' + slice(datum.best.candidate, 0, 1))"
            ),
        )
    )
    position = {
        "x": alt.X("col:O", axis=None, scale=alt.Scale(domain=list(range(12)), paddingInner=0.08)),
        "y": alt.Y("row:O", axis=None, scale=alt.Scale(domain=list(range(8)), paddingInner=0.08)),
    }
    tiles = per_state.mark_rect(cornerRadius=2).encode(
        **position,
        color=alt.Color(
            "role:N",
            title="Wins most of the state's electors",
            scale=alt.Scale(domain=list(ROLE_COLORS), range=list(ROLE_COLORS.values())),
            legend=alt.Legend(
                orient="bottom",
                labelExpr=(
                    "datum.value === 'leader' ? 'the November winner' : "
                    "(datum.value === 'runner_up' ? 'the runner-up' : "
                    "(datum.value === 'split' ? 'split evenly' : 'someone else'))"
                ),
            ),
        ),
        tooltip=[
            alt.Tooltip("state_po:N", title="State"),
            alt.Tooltip("name:N", title="Most electors"),
            alt.Tooltip("won:Q", title="Their electors"),
            alt.Tooltip("state_ev:Q", title="State's electors"),
        ],
    )
    # Smaller type when the column is narrow (a phone): ``width`` is the view's width signal.
    labels = per_state.mark_text(
        color="white",
        fontSize=alt.ExprRef("width < 420 ? 7 : 10"),
        lineBreak="\n",
        fontWeight="bold",
    ).encode(**position, text="label:N")
    # Up to three candidates by name, largest first, and everyone else together as "others".
    headline = (
        allocated.transform_aggregate(won="sum(won)", groupby=["name"])
        .transform_filter("datum.won > 0")
        .transform_window(rank="row_number()", sort=[alt.SortField("won", order="descending")])
        .transform_calculate(name="datum.rank <= 3 ? datum.name : 'others'")
        .transform_aggregate(won="sum(won)", first="min(rank)", groupby=["name"])
        .transform_window(order="row_number()", sort=[alt.SortField("first")])
        .transform_calculate(
            line=(
                "datum.name + ' ' + datum.won + (datum.order === 1 ? (datum.won >= "
                f"{electoral.MAJORITY} ? ': wins (270 needed)' : ': no majority, the House decides')"
                " : '')"
            )
        )
        .transform_calculate(y="-78 + 15 * datum.order")
        .mark_text(align="left", baseline="top", fontSize=12, fontWeight="bold")
        .encode(text="line:N", x=alt.value(0), y=alt.Y("y:Q", axis=None, scale=None))
    )
    return (
        alt.layer(tiles, labels, headline)
        .add_params(year_param, swing_param, rule_param)
        .properties(
            width="container",
            height=260,
            autosize=FIT_WIDTH,
            padding={"top": 80, "left": 5, "right": 5, "bottom": 5},
            description=(
                "Tile map of the 50 states and DC, one square per state in a grid, coloured by the "
                "candidate who wins most of its electors, with each state's code, that candidate's "
                "electors and initial; above it, each candidate's electoral votes and whether "
                f"anyone reaches {electoral.MAJORITY}. Controls choose the election, a uniform "
                f"swing and the rule. {_tile_map_takeaway(year, swing, rule)}"
            ),
        )
    )


def _tile_map_takeaway(year: int, swing: float, rule: str) -> str:
    """What the map shows as it opens, in a sentence (electoral.outcome at the chart's defaults)."""
    result = electoral.outcome(year, rule, swing)
    votes = sorted(result.electoral_votes.items(), key=lambda kv: (-kv[1], kv[0]))[:2]
    shown = ", ".join(f"{contests.display_name(name)} {n}" for name, n in votes)
    verdict = (
        "no one has a majority, and the House decides"
        if result.winner == "the House decides"
        else f"{contests.display_name(result.winner)} wins"
    )
    moved = f"a swing of {swing:+g} points" if swing else "no swing"
    return f"As it opens ({year}; {electoral.RULES[rule]}; {moved}): {shown}; {verdict}."


def faithless_chart(table: pd.DataFrame | None = None) -> alt.Chart:
    """Faithless electors per election since 1948, with 2016's voided votes stacked above.

    Every election of :func:`explainers.faithless.faithless_by_year` has its place on the axis,
    those without any faithless elector too.
    """
    table = faithless.faithless_by_year() if table is None else table
    long = table.melt(id_vars="year", var_name="kind", value_name="electors")
    long = long[long["electors"] > 0]
    long["kind"] = long["kind"].map(
        {"faithless": "vote counted (or left blank)", "voided": "vote voided or ruled out of order"}
    )
    return (
        alt.Chart(long)
        .mark_bar()
        .encode(
            x=alt.X(
                "year:O",
                title="Election",
                scale=alt.Scale(domain=[int(y) for y in table["year"]]),
            ),
            y=alt.Y("electors:Q", title="Electors", axis=alt.Axis(tickMinStep=1)),
            color=alt.Color(
                "kind:N",
                title=None,
                scale=alt.Scale(range=["#4d4d4d", "#b2abd2"]),
                legend=alt.Legend(orient="bottom"),
            ),
            order=alt.Order("kind:N"),
            tooltip=["year:O", alt.Tooltip("kind:N", title="Kind"), "electors:Q"],
        )
        .properties(
            width="container",
            height=220,
            autosize=FIT_WIDTH,
            description=_faithless_description(table),
        )
    )


def _faithless_description(table: pd.DataFrame) -> str:
    """The faithless chart's text description, from its numbers."""
    with_any = table[table["faithless"] + table["voided"] > 0]
    parts = [
        f"{int(r.year)}: {int(r.faithless)}"
        + (f" counted and {int(r.voided)} voided" if r.voided else "")
        for r in with_any.itertuples()
    ]
    none = [str(int(y)) for y in table.loc[table["faithless"] + table["voided"] == 0, "year"]]
    return (
        "Bar chart of faithless electors per presidential election from "
        f"{int(table['year'].min())} to {int(table['year'].max())}. "
        + "; ".join(parts)
        + f". None in {', '.join(none)}."
    )


def defection_table(years: Sequence[int] = editorial.CLOSE_CALL_YEARS) -> pd.DataFrame:
    """Pledged electors of each year's leader and runner-up, the numbers the defection chart uses."""
    rows = []
    for year in years:
        pledged = electoral.pledged_electoral_votes(year)
        rows.append(
            {
                "year": year,
                "leader": contests.display_name(str(pledged.index[0])),
                "leader_pledged": int(pledged.iloc[0]),
                "runner_up": contests.display_name(str(pledged.index[1])),
                "runner_up_pledged": int(pledged.iloc[1]),
                "needed": faithless.defections_needed(year),
            }
        )
    return pd.DataFrame(rows)


def _defection_takeaway(year: int) -> str:
    """How many defectors it takes to send the choice to the House (faithless.defections_needed)."""
    needed = faithless.defections_needed(year)
    outcome = faithless.defection_outcome(year, 0)
    return (
        f"In {year} {contests.display_name(outcome.leader)} had {outcome.leader_votes} electors; "
        f"{needed} defectors would have left that candidate short of a majority and sent the choice to "
        "the House."
    )


def defection_chart(
    table: pd.DataFrame | None = None, *, year: int = 2016, defections: int = 0
) -> alt.LayerChart:
    """The 538 electors as one bar: the leader's, the defectors', the runner-up's; 270 marked.

    A slider sets how many of the leader's electors defect and a radio whether they vote for
    someone else or for the runner-up; the page computes the totals as
    :func:`explainers.faithless.defection_outcome` does, and says who wins or that the House
    decides.
    """
    table = defection_table() if table is None else table
    low, high = DEFECTION_RANGE
    if not low <= defections <= high:
        raise ValueError(f"defections must be between {low} and {high}, got {defections}")
    year_param = alt.param(
        name="def_year",
        value=year,
        bind=alt.binding_select(options=[int(y) for y in table["year"]], name="Election: "),
    )
    k = alt.param(
        name="defections",
        value=defections,
        bind=alt.binding_range(min=low, max=high, step=1, name="Electors who defect: "),
    )
    to = alt.param(
        name="defect_to",
        value="other",
        bind=alt.binding_radio(
            options=["other", "runner_up"],
            labels=["someone else", "the runner-up"],
            name="They vote for: ",
        ),
    )
    base = (
        alt.Chart(table)
        .transform_filter(alt.datum.year == year_param)
        .transform_calculate(
            leader_votes=f"datum.leader_pledged - {k.name}",
            runner_votes=(f"datum.runner_up_pledged + ({to.name} === 'runner_up' ? {k.name} : 0)"),
        )
        .transform_calculate(
            other_votes=f"{data.TOTAL_ELECTORAL_VOTES} - datum.leader_votes - datum.runner_votes",
            verdict=(
                f"datum.leader_votes >= {electoral.MAJORITY} ? datum.leader + ' keeps a majority' : "
                f"(datum.runner_votes >= {electoral.MAJORITY} ? datum.runner_up + ' wins' : "
                "'No majority: the House decides')"
            ),
        )
    )
    segments = (
        base.transform_fold(["leader_votes", "other_votes", "runner_votes"], as_=["part", "ev"])
        .transform_calculate(
            part_label=(
                "datum.part === 'leader_votes' ? datum.leader : "
                "(datum.part === 'runner_votes' ? datum.runner_up : 'someone else')"
            ),
            order="indexof(['leader_votes', 'other_votes', 'runner_votes'], datum.part)",
        )
        .mark_bar(height=36)
        .encode(
            x=alt.X(
                "ev:Q",
                stack="zero",
                title="Electoral votes (538)",
                scale=alt.Scale(domain=[0, data.TOTAL_ELECTORAL_VOTES]),
            ),
            color=alt.Color(
                "part:N",
                title=None,
                scale=alt.Scale(
                    domain=["leader_votes", "other_votes", "runner_votes"],
                    range=[ROLE_COLORS["leader"], ROLE_COLORS["other"], ROLE_COLORS["runner_up"]],
                ),
                legend=alt.Legend(
                    orient="bottom",
                    labelExpr=(
                        "datum.value === 'leader_votes' ? 'the November winner' : "
                        "(datum.value === 'runner_votes' ? 'the runner-up' : 'defectors')"
                    ),
                ),
            ),
            order="order:Q",
            tooltip=[alt.Tooltip("part_label:N", title="For"), alt.Tooltip("ev:Q", title="Votes")],
        )
    )
    majority = (
        alt.Chart(pd.DataFrame({"x": [electoral.MAJORITY]}))
        .mark_rule(color="black", strokeDash=[4, 3])
        .encode(x="x:Q")
    )
    verdict = base.mark_text(align="left", baseline="top", fontSize=13, fontWeight="bold").encode(
        text="verdict:N", x=alt.value(0), y=alt.value(-34)
    )
    return (
        alt.layer(segments, majority, verdict)
        .add_params(year_param, k, to)
        .properties(
            width="container",
            height=50,
            autosize=FIT_WIDTH,
            padding={"top": 40, "left": 5, "right": 5, "bottom": 5},
            description=(
                f"A single bar of the {data.TOTAL_ELECTORAL_VOTES} electoral votes split into the November "
                "winner's electors, the defectors and the runner-up's, with a dashed line at the "
                f"{electoral.MAJORITY} needed to win, and a sentence saying whether the winner "
                f"keeps a majority or the House decides. {_defection_takeaway(year)}"
            ),
        )
    )

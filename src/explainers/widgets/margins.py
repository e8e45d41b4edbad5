"""The Margins chapter's panels for Jupyter: one contest, the closeness of a year, the cheapest flip.

Each panel offers at least what the chapter's in-page chart controls offer on the website (the
closeness panel has the year menu and the threshold slider of Figure 2), and goes further: any state
and year in the data, and a slider of voters switching sides. Every number comes from
:mod:`explainers.contests`, :mod:`explainers.margins` or :mod:`explainers.electoral`.
"""

from __future__ import annotations

import html

import ipywidgets as w

from explainers import contests, data, electoral, margins
from explainers.control_ranges import THRESHOLD_RANGE
from explainers.states import STATE_CODES, STATES, resolve_state
from explainers.widgets import STYLE, votes

__all__ = [
    "closeness_panel",
    "describe_closeness",
    "describe_contest",
    "describe_flip",
    "flip_panel",
    "margin_panel",
]


def describe_contest(contest: contests.ContestMargin, switched: int = 0) -> str:
    """HTML sentences describing one contest, and its result if ``switched`` voters had switched.

    Raises
    ------
    ValueError
        If ``switched`` is negative or more than the winner's votes.
    """
    c = contest
    if not 0 <= switched <= c.winner_votes:
        raise ValueError(f"switched must be between 0 and {c.winner_votes:,}, got {switched:,}")
    new_margin = margins.margin_after_switching(c.margin, switched)
    if new_margin > 0:
        outcome = f"{contests.display_name(c.winner)} still wins, by {votes(new_margin)}"
    elif new_margin == 0:
        outcome = "the two are tied"
    else:
        outcome = f"{contests.display_name(c.runner_up)} wins, by {votes(-new_margin)}"
    parts = [
        f"<b>{html.escape(c.name)}</b>: {html.escape(contests.display_name(c.winner))} "
        f"{c.winner_votes:,}, {html.escape(contests.display_name(c.runner_up))} "
        f"{c.runner_up_votes:,}, of {c.total_votes:,} votes cast.",
        f"Margin: <b>{c.margin:,}</b> votes = {c.margin_pct:.3f}% of all votes cast = "
        f"{c.margin_pct_two_party:.3f}% of the two-party vote; "
        f"closeness rank {c.closeness_rank} of {len(STATE_CODES)} contests that year.",
        f"Voters who would have had to switch: <b>{c.voters_to_switch:,}</b>; "
        f"or votes added for the runner-up: <b>{c.votes_to_add:,}</b>.",
        f"If {switched:,} voters switched: {outcome}.",
    ]
    return "<br>".join(parts)


def describe_closeness(year: int, threshold_pct: float) -> str:
    """HTML: the contests of ``year`` within ``threshold_pct`` (what Figure 2 shows on the site)."""
    within = contests.contests_within(year, threshold_pct)
    rows = "".join(
        f"<li>{html.escape(str(s).title())}: {m:,} votes ({p:.3f}%)</li>"
        for s, m, p in zip(within["state"], within["margin"], within["margin_pct"], strict=True)
    )
    return (
        f"<b>{len(within)} of {len(STATE_CODES)}</b> contests (50 states and DC) in {year} were "
        f"decided by {threshold_pct:.1f}% of the votes cast or less, closest first:<ol>{rows}</ol>"
    )


def describe_flip(flip: electoral.ElectoralFlip) -> str:
    """HTML sentences describing the cheapest Electoral College reversal."""
    unit = "voters switching" if flip.method == "switch" else "votes added"
    states = ", ".join(
        f"{code} ({cost:,})" for code, cost in zip(flip.states, flip.cost_by_state, strict=True)
    )
    return "<br>".join(
        [
            f"<b>{flip.year}</b>: {html.escape(contests.display_name(flip.runner_up))} had "
            f"{flip.runner_up_electoral_votes} electoral votes and needed "
            f"{flip.electoral_votes_needed} more for a majority.",
            f"Cheapest route: <b>{flip.cost:,}</b> {unit} in {states}, "
            f"gaining {flip.electoral_votes_gained} electoral votes.",
        ]
    )


def _year_menu(year: int) -> w.Dropdown:
    return w.Dropdown(
        options=list(data.RETURN_YEARS),
        value=contests.check_year(year),
        description="Election year",
        style=STYLE,
    )


def margin_panel(year: int = 2016, state: str = "WI") -> w.VBox:
    """Pick a year and a state, and move a slider of voters switching sides."""
    year_box = _year_menu(year)
    state_box = w.Dropdown(
        options=sorted((name, code) for code, name in STATES.items()),
        value=resolve_state(state),
        description="State",
        style=STYLE,
    )
    switched = w.IntSlider(
        value=0, min=0, max=1, description="Voters who switch", style=STYLE, continuous_update=False
    )
    result = w.HTML()

    def redraw(*_: object) -> None:
        c = contests.contest(year_box.value, state_box.value)
        # Up to twice the switches that reverse the result, so the reader can go past the tipping point.
        switched.max = max(1, 2 * c.voters_to_switch)
        switched.value = min(switched.value, switched.max)
        result.value = describe_contest(c, switched.value)

    for control in (year_box, state_box, switched):
        control.observe(redraw, names="value")
    redraw()
    return w.VBox([year_box, state_box, switched, result])


def closeness_panel(year: int = 2016, threshold_pct: float = 1.0) -> w.VBox:
    """Pick a year and a closeness threshold, and list the contests within it (Figure 2's controls)."""
    year_box = _year_menu(year)
    low, high = THRESHOLD_RANGE
    threshold = w.FloatSlider(
        value=threshold_pct,
        min=low,
        max=high,
        step=0.1,
        readout_format=".1f",
        description="Closeness threshold (% of votes cast)",
        style=STYLE,
        continuous_update=False,
    )
    result = w.HTML()

    def redraw(*_: object) -> None:
        result.value = describe_closeness(year_box.value, round(threshold.value, 1))

    for control in (year_box, threshold):
        control.observe(redraw, names="value")
    redraw()
    return w.VBox([year_box, threshold, result])


def flip_panel(year: int = 2016) -> w.VBox:
    """Pick a year and a method, and see the cheapest set of states that reverses the outcome."""
    year_box = _year_menu(year)
    method = w.ToggleButtons(
        options=[("Voters switch", "switch"), ("Votes are added", "add")],
        value="switch",
        description="Count",
        style=STYLE,
    )
    result = w.HTML()

    def redraw(*_: object) -> None:
        result.value = describe_flip(electoral.cheapest_flip(year_box.value, method.value))

    for control in (year_box, method):
        control.observe(redraw, names="value")
    redraw()
    return w.VBox([year_box, method, result])

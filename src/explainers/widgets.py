"""ipywidgets control panels for readers who run the notebooks in Jupyter.

On the static site the charts' own controls recompute in the page. In Jupyter a reader can go further:
these panels call :mod:`explainers.margins` again on every change, for any state and year in the data,
and show the result as text. Each panel returns an ``ipywidgets.VBox`` whose children are the labelled
controls followed by an ``HTML`` widget holding the result, so tests can set a control and read the
recomputed text without a browser.
"""

from __future__ import annotations

import html

import ipywidgets as w

from explainers import data, margins

__all__ = ["describe_contest", "describe_flip", "flip_panel", "margin_panel"]

_STYLE = {"description_width": "initial"}


def _votes(n: int) -> str:
    return f"{n:,} vote" if n == 1 else f"{n:,} votes"


def describe_contest(contest: margins.ContestMargin, switched: int = 0) -> str:
    """HTML sentences describing one contest, and its result if ``switched`` voters had switched."""
    c = contest
    if switched < 0 or switched > c.winner_votes:
        raise ValueError(f"switched must be between 0 and {c.winner_votes:,}, got {switched:,}")
    new_margin = c.margin - 2 * switched
    if new_margin > 0:
        outcome = f"{margins.display_name(c.winner)} still wins, by {_votes(new_margin)}"
    elif new_margin == 0:
        outcome = "the two are tied"
    else:
        outcome = f"{margins.display_name(c.runner_up)} wins, by {_votes(-new_margin)}"
    parts = [
        f"<b>{html.escape(c.state.title())} {c.year}</b>: {html.escape(margins.display_name(c.winner))} "
        f"{c.winner_votes:,}, {html.escape(margins.display_name(c.runner_up))} {c.runner_up_votes:,}, "
        f"of {c.total_votes:,} votes cast.",
        f"Margin: <b>{c.margin:,}</b> votes = {c.margin_pct:.3f}% of all votes cast = "
        f"{c.margin_pct_two_party:.3f}% of the two-party vote; "
        f"closeness rank {c.closeness_rank} of {len(data.STATE_CODES)} contests that year.",
        f"Voters who would have had to switch: <b>{c.voters_to_switch:,}</b>; "
        f"or votes added for the runner-up: <b>{c.votes_to_add:,}</b>.",
        f"If {switched:,} voters switched: {outcome}.",
    ]
    return "<br>".join(parts)


def describe_flip(flip: margins.ElectoralFlip) -> str:
    """HTML sentences describing the cheapest Electoral College reversal."""
    unit = "voters switching" if flip.method == "switch" else "votes added"
    states = ", ".join(
        f"{code} ({cost:,})" for code, cost in zip(flip.states, flip.cost_by_state, strict=True)
    )
    return "<br>".join(
        [
            f"<b>{flip.year}</b>: {html.escape(margins.display_name(flip.runner_up))} had "
            f"{flip.runner_up_electoral_votes} electoral votes and needed "
            f"{flip.electoral_votes_needed} more for a majority.",
            f"Cheapest route: <b>{flip.cost:,}</b> {unit} in {states}, "
            f"gaining {flip.electoral_votes_gained} electoral votes.",
        ]
    )


def margin_panel(year: int = 2016, state: str = "WI") -> w.VBox:
    """Pick a year and a state, and move a slider of voters switching sides."""
    names = data.state_names()
    year_box = w.Dropdown(
        options=list(data.PRESIDENTIAL_YEARS), value=year, description="Election year", style=_STYLE
    )
    state_box = w.Dropdown(
        options=sorted((n.title(), code) for code, n in names.items()),
        value=margins.resolve_state(state),
        description="State",
        style=_STYLE,
    )
    switched = w.IntSlider(
        value=0,
        min=0,
        max=1,
        description="Voters who switch",
        style=_STYLE,
        continuous_update=False,
    )
    result = w.HTML()

    def redraw(*_: object) -> None:
        c = margins.contest(year_box.value, state_box.value)
        switched.max = max(1, 2 * c.voters_to_switch)
        switched.value = min(switched.value, switched.max)
        result.value = describe_contest(c, switched.value)

    for control in (year_box, state_box, switched):
        control.observe(redraw, names="value")
    redraw()
    return w.VBox([year_box, state_box, switched, result])


def flip_panel(year: int = 2016) -> w.VBox:
    """Pick a year and a method, and see the cheapest set of states that reverses the outcome."""
    year_box = w.Dropdown(
        options=list(data.PRESIDENTIAL_YEARS), value=year, description="Election year", style=_STYLE
    )
    method = w.ToggleButtons(
        options=[("Voters switch", "switch"), ("Votes are added", "add")],
        value="switch",
        description="Count",
        style=_STYLE,
    )
    result = w.HTML()

    def redraw(*_: object) -> None:
        result.value = describe_flip(margins.cheapest_flip(year_box.value, method.value))

    for control in (year_box, method):
        control.observe(redraw, names="value")
    redraw()
    return w.VBox([year_box, method, result])

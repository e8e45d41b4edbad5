"""The Electoral College chapter's panels for Jupyter: what-ifs, and defecting electors.

The what-if panel offers what the tile map's controls offer on the website (election, swing, rule)
for any year in the data and any swing from -100 to 100 points; the defection panel adds the House's
vote by delegation. Every number comes from :mod:`explainers.electoral`,
:mod:`explainers.faithless` or :mod:`explainers.contingent`.
"""

from __future__ import annotations

import html

import ipywidgets as w

from explainers import contests, contingent, data, electoral, faithless
from explainers.widgets import STYLE, recompute_on_change

__all__ = ["defection_panel", "describe_defection", "describe_outcome", "what_if_panel"]


def _name(candidate: str) -> str:
    return html.escape(
        candidate if candidate == electoral.HOUSE else contests.display_name(candidate)
    )


def _lower_first(label: str) -> str:
    """A rule's label inside a sentence: its first letter lowered, names kept.

    Examples
    --------
    >>> _lower_first("Winner takes all (Maine and Nebraska by district)")
    'winner takes all (Maine and Nebraska by district)'
    """
    return label[:1].lower() + label[1:]


def describe_outcome(result: electoral.Outcome) -> str:
    """HTML: each candidate's electoral votes and the winner, for one rule and swing."""
    totals = ", ".join(
        f"{_name(c)} <b>{n}</b>" for c, n in result.electoral_votes.items() if c != "tied"
    )
    tied = result.electoral_votes.get("tied", 0)
    if tied:
        totals += f"; {tied} electors of states tied after the swing"
    verdict = (
        f"{_name(result.winner)} wins (270 needed)."
        if result.winner != electoral.HOUSE
        else "No one has 270: the House decides."
    )
    return (
        f"<b>{result.year}</b>, {html.escape(_lower_first(electoral.RULES[result.rule]))}, swing of "
        f"{result.swing:+.1f} points to the runner-up:<br>{totals}.<br>{verdict}"
    )


def what_if_panel(year: int = 2016) -> w.VBox:
    """Election, rule and swing: the electoral votes each candidate would win."""
    year_box = w.Dropdown(
        options=list(data.RETURN_YEARS), value=year, description="Election", style=STYLE
    )
    rule = w.ToggleButtons(
        options=[(label.split(" (")[0], key) for key, label in electoral.RULES.items()],
        value="winner",
        description="Rule",
        style=STYLE,
    )
    swing = w.FloatSlider(
        value=0.0,
        min=-100.0,
        max=100.0,
        step=0.1,
        readout_format="+.1f",
        description="Swing to the runner-up (points)",
        style=STYLE,
        continuous_update=False,
    )
    result = w.HTML()
    recompute_on_change(
        (year_box, rule, swing),
        result,
        lambda: describe_outcome(
            electoral.outcome(year_box.value, rule.value, round(swing.value, 1))
        ),
    )
    return w.VBox([year_box, rule, swing, result])


def describe_defection(result: faithless.DefectionOutcome) -> str:
    """HTML: the electoral votes after the defections, and what the House would do."""
    lines = [
        f"<b>{result.year}</b>: {result.defections} of {_name(result.leader)}'s electors vote for "
        + ("the runner-up" if result.to == "runner_up" else "someone else")
        + f". {_name(result.leader)} <b>{result.leader_votes}</b>, {_name(result.runner_up)} "
        f"<b>{result.runner_up_votes}</b>, others <b>{result.others}</b>.",
    ]
    if result.winner != electoral.HOUSE:
        lines.append(f"{_name(result.winner)} has a majority (270 needed).")
        return "<br>".join(lines)
    lines.append("No one has 270: the House chooses among the top three, one vote per state.")
    try:
        vote = contingent.house_vote(result.year)
    except ValueError as error:
        lines.append(html.escape(str(error)))
        return "<br>".join(lines)
    party = vote.winner_party or "neither party"
    lines.append(
        f"If every member voted with their party ({vote.congress}th Congress): Republican "
        f"delegations {vote.republican_states}, Democratic {vote.democratic_states}, without a "
        f"majority {vote.no_majority_states}; {vote.states_needed} states needed, so "
        f"{html.escape(party)} delegations would choose."
    )
    return "<br>".join(lines)


def defection_panel(year: int = 2016) -> w.VBox:
    """Election, number of defecting electors and whom they vote for."""
    year_box = w.Dropdown(
        options=sorted(contingent.CONGRESS_COUNTING),
        value=year,
        description="Election",
        style=STYLE,
    )
    defections = w.IntSlider(
        value=0, min=0, max=100, description="Electors who defect", style=STYLE,
        continuous_update=False,
    )  # fmt: skip
    to = w.ToggleButtons(
        options=[("Someone else", "other"), ("The runner-up", "runner_up")],
        value="other",
        description="They vote for",
        style=STYLE,
    )
    result = w.HTML()
    recompute_on_change(
        (year_box, defections, to),
        result,
        lambda: describe_defection(
            faithless.defection_outcome(year_box.value, defections.value, to.value)
        ),
    )
    return w.VBox([year_box, defections, to, result])

"""The Electoral College: electors won at the polls, and the cheapest way to reverse a majority.

A president needs a majority of the 538 electoral votes. Each state's electors go to its statewide
winner, except the district electors of Maine and Nebraska listed in ``data/district_electors.csv``.
This module counts the electors each candidate won in November (*pledged*, before electors vote in
December) and finds the fewest voters, across any set of states, whose switch would have handed the
majority to the runner-up: an exact 0/1 knapsack (:func:`cheapest_cover`), not a greedy guess.
The chapter on the Electoral College and faithless electors builds on this module.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import pandas as pd

from explainers import contests, data, margins

__all__ = [
    "MAJORITY",
    "ElectoralFlip",
    "cheapest_cover",
    "cheapest_flip",
    "electors_won",
    "pledged_electoral_votes",
    "switch_add_difference",
]

#: Electoral votes needed for a majority of the 538.
MAJORITY = data.TOTAL_ELECTORAL_VOTES // 2 + 1


def electors_won(year: int) -> pd.DataFrame:
    """Electors each candidate won in each state: statewide winner, less any district electors.

    Returns
    -------
    pandas.DataFrame
        ``state_po, candidate, electoral_votes, statewide`` (false for the district electors that
        went to someone other than the statewide winner).

    Raises
    ------
    ValueError
        If the top two tied in a state: state law, not the vote count, decides such a tie.
    """
    year = contests.check_year(year)
    table = contests.contest_margins(year)
    if table["tied"].any():
        tied = ", ".join(table.loc[table["tied"], "state_po"])
        raise ValueError(
            f"{year}: the top two tied in {tied}; who won those electors cannot be read from the "
            "vote counts (state law decides a tie)"
        )
    ev = data.electoral_votes()
    table = table.merge(ev[ev["year"] == year], on=["year", "state_po"], validate="one_to_one")
    split = data.district_electors()
    split = split[split["year"] == year]
    rows = []
    for r in table.itertuples(index=False):
        others = split[split["state_po"] == r.state_po]
        at_large = r.electoral_votes - int(others["electoral_votes"].sum())
        rows.append((r.state_po, r.winner, at_large, True))
        rows.extend(
            (r.state_po, o.candidate, int(o.electoral_votes), False) for o in others.itertuples()
        )
    return pd.DataFrame(rows, columns=["state_po", "candidate", "electoral_votes", "statewide"])


def pledged_electoral_votes(year: int) -> pd.Series:
    """Electoral votes each candidate won at the polls in ``year`` (before electors voted).

    Faithless votes cast in December are not reflected here: these are the electors *pledged* by
    the November results.
    """
    won = electors_won(year)
    return won.groupby("candidate")["electoral_votes"].sum().sort_values(ascending=False)


def cheapest_cover(items: list[tuple[int, int]], needed: int) -> tuple[int, tuple[int, ...]]:
    """Cheapest subset of ``(weight, cost)`` items whose weights add up to at least ``needed``.

    An exact 0/1 knapsack by dynamic programming over the weight (capped at ``needed``): ``best[e]``
    holds the cheapest subset found so far reaching weight ``e``. With 51 states and at most 538
    electoral votes it takes well under a second.

    Returns
    -------
    tuple
        The total cost and the indices of the chosen items, in increasing order.

    Raises
    ------
    ValueError
        If a weight, a cost or ``needed`` is negative, or no subset reaches ``needed``.

    Examples
    --------
    >>> cheapest_cover([(25, 269), (4, 3606)], 3)
    (269, (0,))
    """
    if needed < 0 or any(w < 0 or c < 0 for w, c in items):
        raise ValueError("weights, costs and the amount needed must be zero or more")
    best: list[tuple[int, tuple[int, ...]] | None] = [None] * (needed + 1)
    best[0] = (0, ())
    for i, (weight, cost) in enumerate(items):
        # Downwards, so that each item is used at most once.
        for reached in range(needed, -1, -1):
            current = best[reached]
            if current is None:
                continue
            target = min(needed, reached + weight)
            option = (current[0] + cost, (*current[1], i))
            if best[target] is None or option[0] < best[target][0]:
                best[target] = option
    result = best[needed]
    if result is None:
        raise ValueError(f"no subset of the items reaches {needed}")
    return result


@dataclass(frozen=True)
class ElectoralFlip:
    """The cheapest set of states whose reversal would have given the runner-up a majority.

    ``cost`` counts voters who switch (``method="switch"``) or votes added for the runner-up
    (``method="add"``), summed over ``states``; ``cost_by_state`` lists each state's part.
    """

    year: int
    method: Literal["switch", "add"]
    winner: str
    runner_up: str
    runner_up_electoral_votes: int
    electoral_votes_needed: int
    states: tuple[str, ...]
    electoral_votes_gained: int
    cost: int
    cost_by_state: tuple[int, ...]


def cheapest_flip(year: int, method: Literal["switch", "add"] = "switch") -> ElectoralFlip:
    """Fewest voters (or added votes) that would have handed the Electoral College to the runner-up.

    Among the states the national winner carried, choose the set that gives the runner-up at least
    the electoral votes still missing for a majority (270 of 538) at the least total cost, where a
    state's cost is :func:`explainers.margins.switches_to_overtake` (or
    :func:`explainers.margins.votes_to_add`) for the winner's lead over the national runner-up *in
    that state*. District electors of Maine and Nebraska stay where they went: their district
    margins are not in the data.

    Raises
    ------
    ValueError
        If ``method`` is neither ``"switch"`` nor ``"add"``, or the two national leaders are
        missing from some state's rows.
    """
    if method not in ("switch", "add"):
        raise ValueError(f"method must be 'switch' or 'add', got {method!r}")
    year = contests.check_year(year)
    pledged = pledged_electoral_votes(year)
    winner, runner_up = str(pledged.index[0]), str(pledged.index[1])
    needed = MAJORITY - int(pledged.iloc[1])

    won = electors_won(year)
    carried = won[(won["candidate"] == winner) & won["statewide"]].set_index("state_po")
    carried = carried["electoral_votes"]
    returns = data.president_returns()
    votes = returns[
        (returns["year"] == year) & returns["candidate"].isin([winner, runner_up])
    ].pivot_table(index="state_po", columns="candidate", values="candidatevotes", aggfunc="sum")
    if not set(carried.index) <= set(votes.index) or votes.isna().any().any():
        raise ValueError(f"{year}: the two leading candidates are missing from some states' rows")
    table = contests.contest_margins(year).set_index("state_po")
    # The strongest rival the runner-up must also pass: the state's third-placed candidate, or,
    # where a third candidate placed second, that candidate.
    runner_up_in_top_two = (table["winner"] == runner_up) | (table["runner_up"] == runner_up)
    strongest_other = table["third_votes"].where(runner_up_in_top_two, table["runner_up_votes"])

    def cost(code: str) -> int:
        w, r = int(votes.loc[code, winner]), int(votes.loc[code, runner_up])
        if method == "add":  # the winner has the most votes, so passing it passes everyone
            return margins.votes_to_add(margins.margin_between(w, r))
        return margins.switches_to_overtake(w, r, int(strongest_other[code]))

    items = [(code, int(ev), cost(code)) for code, ev in carried.sort_index().items()]
    total, chosen = cheapest_cover([(ev, c) for _, ev, c in items], needed)
    picked = [items[i] for i in chosen]
    return ElectoralFlip(
        year=year,
        method=method,
        winner=winner,
        runner_up=runner_up,
        runner_up_electoral_votes=int(pledged.iloc[1]),
        electoral_votes_needed=needed,
        states=tuple(p[0] for p in picked),
        electoral_votes_gained=sum(p[1] for p in picked),
        cost=total,
        cost_by_state=tuple(p[2] for p in picked),
    )


def switch_add_difference(year: int) -> int:
    """Twice the cheapest switch count minus the cheapest added-vote count, for ``year``.

    For one margin *m*, switching takes ``m // 2 + 1`` voters and adding ``m + 1`` votes, so twice
    the first exceeds the second by one when *m* is even and equals it when *m* is odd: over the
    chosen states the difference counts the even margins.

    Raises
    ------
    ValueError
        If the two methods choose different states (the difference would then mean nothing).
    """
    switch, add = cheapest_flip(year, "switch"), cheapest_flip(year, "add")
    if switch.states != add.states:
        raise ValueError(
            f"{year}: switching and adding choose different states ({switch.states} and "
            f"{add.states}), so their costs do not compare state by state"
        )
    return 2 * switch.cost - add.cost

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
from explainers.caching import on_data
from explainers.states import resolve_state

__all__ = [
    "HOUSE",
    "MAJORITY",
    "RULES",
    "ElectoralFlip",
    "Outcome",
    "Split",
    "TippingPoint",
    "allocate",
    "apportionment",
    "census_year",
    "cheapest_cover",
    "cheapest_flip",
    "check_swing",
    "check_total",
    "electoral_votes_of",
    "electors_won",
    "largest_remainder",
    "leaders",
    "national_share",
    "outcome",
    "pledged_electoral_votes",
    "popular_vote",
    "splits",
    "switch_add_difference",
    "swung_votes",
    "tipping_point",
]

#: Electoral votes needed for a majority of the 538.
MAJORITY = data.TOTAL_ELECTORAL_VOTES // 2 + 1


@on_data
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
    returns = data.state_returns()
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


def national_share(flip: ElectoralFlip) -> float:
    """``flip``'s cost as a percentage of all the votes cast for president nationally that year.

    The denominator is every state's total (:func:`explainers.contests.contest_margins`), blank,
    scattered and "none of these" lines included, as "votes cast" means in the chapters.
    """
    total = int(contests.contest_margins(flip.year)["total_votes"].sum())
    return margins.percent_of(flip.cost, total)


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


# --------------------------------------------------------------------------------------------------
# Apportionment, totals and the popular vote
# --------------------------------------------------------------------------------------------------


def census_year(year: int) -> int:
    """The census behind ``year``'s apportionment of electors (2000 used 1990's, 2016 used 2010's).

    Examples
    --------
    >>> census_year(2000), census_year(2016)
    (1990, 2010)
    """
    # Reapportionment from a census takes effect after the census year: 2000 still used 1990's.
    return (contests.check_year(year) - 1) // 10 * 10


def apportionment(year: int) -> pd.Series:
    """Electoral votes of each state and DC in ``year``, indexed by postal code; they sum to 538."""
    ev = data.electoral_votes()
    table = ev[ev["year"] == contests.check_year(year)].set_index("state_po")["electoral_votes"]
    return check_total(table.astype(int))


def electoral_votes_of(year: int, state: str) -> int:
    """Electoral votes of one state in ``year``; an unknown state is an error naming it."""
    return int(apportionment(year)[resolve_state(state)])


def check_total(table: pd.Series) -> pd.Series:
    """Return ``table`` (electoral votes by state) if it sums to 538; otherwise raise ValueError.

    Examples
    --------
    >>> check_total(pd.Series({"CA": 537}))
    Traceback (most recent call last):
    ...
    ValueError: the electoral votes sum to 537, not 538
    """
    total = int(table.sum())
    if total != data.TOTAL_ELECTORAL_VOTES:
        raise ValueError(f"the electoral votes sum to {total}, not {data.TOTAL_ELECTORAL_VOTES}")
    return table


@dataclass(frozen=True)
class Split:
    """An election whose national popular-vote winner did not win a majority of electors."""

    year: int
    popular_winner: str
    popular_margin: int
    electoral_winner: str
    electoral_winner_votes: int


def popular_vote(year: int) -> pd.Series:
    """National votes per candidate: the FEC's official totals where ``data/`` has them.

    Otherwise the sum of the state rows (:func:`explainers.contests.national_popular_vote`); for
    2016 the two differ by a few dozen votes (see ``data/README.md``).
    """
    year = contests.check_year(year)
    official = data.official_totals()
    official = official[official["year"] == year]
    if len(official):
        return official.set_index("candidate")["votes"].sort_values(ascending=False)
    return contests.national_popular_vote(year)


def splits() -> list[Split]:
    """Elections in ``data/`` whose popular-vote leader did not win the electors (2000 and 2016)."""
    found = []
    for year in data.RETURN_YEARS:
        votes, pledged = popular_vote(year), pledged_electoral_votes(year)
        if votes.index[0] != pledged.index[0]:
            found.append(
                Split(
                    year=year,
                    popular_winner=str(votes.index[0]),
                    popular_margin=int(votes.iloc[0] - votes.loc[pledged.index[0]]),
                    electoral_winner=str(pledged.index[0]),
                    electoral_winner_votes=int(pledged.iloc[0]),
                )
            )
    return found


# --------------------------------------------------------------------------------------------------
# What-ifs: a uniform swing, the tipping point, other ways of allocating electors
# --------------------------------------------------------------------------------------------------

#: The allocation rules a reader can compare.
RULES: dict[str, str] = {
    "winner": "Winner takes all (Maine and Nebraska by district, as in the data)",
    "proportional": "Proportional in each state (largest remainder)",
    "national": "National popular vote (all 538 to its winner)",
}

#: Outcome when no one has a majority: the House chooses (12th Amendment).
HOUSE = "the House decides"


def check_swing(swing: float) -> float:
    """``swing`` (points of margin) if it lies in [-100, 100]; otherwise a ValueError.

    Examples
    --------
    >>> check_swing(120)
    Traceback (most recent call last):
    ...
    ValueError: a swing must be between -100 and 100 points of margin, got 120
    """
    if isinstance(swing, bool) or not isinstance(swing, int | float) or not -100 <= swing <= 100:
        raise ValueError(f"a swing must be between -100 and 100 points of margin, got {swing!r}")
    return float(swing)


def leaders(year: int) -> tuple[str, str]:
    """The two candidates with the most pledged electors in ``year``: (leader, runner-up)."""
    pledged = pledged_electoral_votes(year)
    return str(pledged.index[0]), str(pledged.index[1])


def swung_votes(year: int, swing: float) -> pd.DataFrame:
    """Each candidate's votes per state after a uniform swing from the leader to the runner-up.

    A swing of ``x`` points moves every state's margin (leader minus runner-up, in percent of
    all the votes cast, as in :func:`explainers.contests.contest_margins`) by ``x`` towards the
    runner-up (a negative ``x`` moves it towards the leader): ``x / 2`` percent of the votes cast
    switch from one to the other. No more voters can switch
    than a candidate has, so a swing larger than a state's whole vote stops at zero. Other
    candidates keep their votes.

    Returns
    -------
    pandas.DataFrame
        ``state_po, candidate, votes`` (float: a swing moves fractions of votes).
    """
    year, swing = contests.check_year(year), check_swing(swing)
    leader, runner_up = leaders(year)
    votes = contests.state_votes(year).rename(columns={"candidatevotes": "votes"})
    votes["votes"] = votes["votes"].astype(float)
    cast = contests.contest_margins(year).set_index("state_po")["total_votes"]
    wide = votes.pivot(index="state_po", columns="candidate", values="votes").fillna(0.0)
    wanted = swing / 200 * cast.reindex(wide.index)
    moved = wanted.clip(lower=-wide[runner_up], upper=wide[leader])
    wide[leader] -= moved
    wide[runner_up] += moved
    long = wide.reset_index().melt(id_vars="state_po", var_name="candidate", value_name="votes")
    long = long.merge(votes[["state_po", "candidate"]], on=["state_po", "candidate"])
    return long.sort_values(["state_po", "candidate"]).reset_index(drop=True)


def largest_remainder(seats: int, votes: pd.Series) -> pd.Series:
    """Share ``seats`` among the entries of ``votes`` by the largest-remainder (Hamilton) method.

    Each gets the whole part of its quota ``seats * votes / total``; the seats left over go to the
    largest fractional remainders, ties going to the entry first in alphabetical order.

    Examples
    --------
    >>> largest_remainder(10, pd.Series({"A": 4870, "B": 4630, "C": 500})).to_dict()
    {'A': 5, 'B': 5, 'C': 0}
    """
    if seats < 0 or (votes < 0).any() or votes.sum() <= 0:
        raise ValueError("seats and votes must be zero or more, with some votes cast")
    quota = seats * votes / votes.sum()
    whole = quota.astype(int)  # floor, as quotas are non-negative
    remainder = (quota - whole).sort_index().sort_values(ascending=False, kind="stable")
    extra = remainder.index[: seats - int(whole.sum())]
    whole.loc[extra] += 1
    return whole


def allocate(year: int, rule: str = "winner", swing: float = 0.0) -> pd.DataFrame:
    """Electors each candidate wins in each state under ``rule`` after a uniform ``swing``.

    Rules (:data:`RULES`): ``"winner"``, each state's electors to its winner after the swing, with
    the Maine and Nebraska district electors left where they went (district results are not in
    ``data/``; a swing does not move them); a state whose top two tie after the swing gives its
    electors to no one (``candidate`` is ``"tied"``). ``"proportional"``, each state's electors
    shared among all its candidates by :func:`largest_remainder`. ``"national"``, all 538 to the
    winner of the national vote summed over the states after the swing.

    Returns
    -------
    pandas.DataFrame
        ``state_po, candidate, electoral_votes`` (rows with zero electors omitted).

    Raises
    ------
    ValueError
        For an unknown rule or a swing outside [-100, 100].
    """
    if rule not in RULES:
        raise ValueError(f"unknown rule {rule!r}; choose one of {', '.join(RULES)}")
    year = contests.check_year(year)
    votes = swung_votes(year, swing)
    ev = apportionment(year)
    rows: list[tuple[str, str, int]] = []
    if rule == "national":
        national = votes.groupby("candidate")["votes"].sum().sort_values(ascending=False)
        winner = str(national.index[0]) if national.iloc[0] > national.iloc[1] else "tied"
        rows = [(code, winner, int(n)) for code, n in ev.items()]
    elif rule == "proportional":
        for code, group in votes.groupby("state_po"):
            shares = largest_remainder(int(ev[code]), group.set_index("candidate")["votes"])
            rows.extend((str(code), str(c), int(n)) for c, n in shares.items() if n)
    else:
        split = data.district_electors()
        split = split[split["year"] == year]
        for code, group in votes.groupby("state_po"):
            top = group.sort_values("votes", ascending=False)
            first, second = top.iloc[0], top.iloc[1]
            winner = str(first["candidate"]) if first["votes"] > second["votes"] else "tied"
            districts = split[split["state_po"] == code]
            rows.append(
                (str(code), winner, int(ev[code]) - int(districts["electoral_votes"].sum()))
            )
            rows.extend(
                (str(code), d.candidate, int(d.electoral_votes)) for d in districts.itertuples()
            )
    return pd.DataFrame(rows, columns=["state_po", "candidate", "electoral_votes"])


@dataclass(frozen=True)
class Outcome:
    """Electoral votes per candidate under one rule and swing, and who wins (or that the House decides)."""

    year: int
    rule: str
    swing: float
    electoral_votes: dict[str, int]
    winner: str


def outcome(year: int, rule: str = "winner", swing: float = 0.0) -> Outcome:
    """Totals of :func:`allocate` and the winner: a candidate with 270 or more, else :data:`HOUSE`."""
    table = allocate(year, rule, swing)
    totals = table.groupby("candidate")["electoral_votes"].sum().sort_values(ascending=False)
    check_total(totals)
    winner = (
        str(totals.index[0]) if totals.iloc[0] >= MAJORITY and totals.index[0] != "tied" else HOUSE
    )
    return Outcome(
        year=year,
        rule=rule,
        swing=float(swing),
        electoral_votes={str(c): int(n) for c, n in totals.items()},
        winner=winner,
    )


@dataclass(frozen=True)
class TippingPoint:
    """The state whose electors carried the leader past 270, ranking states by the leader's margin."""

    year: int
    leader: str
    state_po: str
    margin_pct: float
    electoral_votes_before: int


def tipping_point(year: int) -> TippingPoint:
    """The tipping-point state of ``year``.

    Rank the states by the leader's lead over the runner-up in percent of the votes cast, best
    first, and add up the leader's statewide electors in that order (the district electors the
    leader won in Maine or Nebraska count from the start): the state that takes the sum to 270 is
    the tipping point. A uniform swing of more than its margin towards the runner-up takes away the
    leader's majority (the runner-up wins, or, with electors held by others, the House decides).

    Raises
    ------
    ValueError
        If a state the leader leads in was carried by someone else, or the leader did not win a
        majority of electors.
    """
    year = contests.check_year(year)
    leader, runner_up = leaders(year)
    wide = contests.state_votes(year).pivot(
        index="state_po", columns="candidate", values="candidatevotes"
    )
    wide = wide.fillna(0)
    cast = contests.contest_margins(year).set_index("state_po")["total_votes"]
    margin = (wide[leader] - wide[runner_up]) / cast.reindex(wide.index) * 100
    won = electors_won(year)
    base = int(won[(won["candidate"] == leader) & ~won["statewide"]]["electoral_votes"].sum())
    statewide = won[won["statewide"]].set_index("state_po")["electoral_votes"]
    carried = set(won.loc[won["statewide"] & (won["candidate"] == leader), "state_po"])
    ahead = set(margin[margin > 0].index)
    if ahead != carried:
        raise ValueError(
            f"{year}: the leader leads the runner-up in {sorted(ahead - carried)} without carrying "
            "them; the ranking by margin does not apply"
        )
    total = base
    for code in margin.sort_values(ascending=False, kind="stable").index:
        if total + int(statewide[code]) >= MAJORITY:
            return TippingPoint(year, leader, str(code), float(margin[code]), total)
        total += int(statewide[code])
    raise ValueError(f"{year}: the leader did not win a majority of electors")

"""Winning margins, and what it would have taken to reverse them.

A *margin* here is the winner's votes minus the runner-up's in one state's presidential contest. From
it follow the numbers the book compares across Florida 2000 and Michigan, Wisconsin and Pennsylvania
2016: the margin as a share of all votes cast and of the two-party vote, the fewest voters who would
have had to switch sides (or the fewest votes that would have had to be added) to reverse it, how the
contest ranks for closeness among all 51 of that year, and the cheapest set of states whose reversal
would have changed the Electoral College majority.

All functions read the validated tables of :mod:`explainers.data`; none of them hard-codes a result.
"""

from __future__ import annotations

import numbers
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import pandas as pd

from explainers import data

__all__ = [
    "FOCUS_CONTESTS",
    "ContestMargin",
    "ElectoralFlip",
    "cheapest_cover",
    "cheapest_flip",
    "closeness_rank",
    "closeness_rank_all_years",
    "comparison",
    "contest",
    "contest_by_rank",
    "contest_margins",
    "contests_within",
    "display_name",
    "margin_between",
    "national_popular_vote",
    "pledged_electoral_votes",
    "resolve_state",
    "switches_to_overtake",
    "voters_to_switch",
    "votes_to_add",
]

#: Electoral votes needed for a majority of the 538.
MAJORITY = data.TOTAL_ELECTORAL_VOTES // 2 + 1

#: The contests the book compares: Florida 2000 and the three closest 2016 states Trump carried.
FOCUS_CONTESTS: tuple[tuple[int, str], ...] = (
    (2000, "FL"),
    (2016, "MI"),
    (2016, "WI"),
    (2016, "PA"),
)

#: Ballot lines in the MIT file that are not candidates (blank, over- and under-votes, pooled "other").
_NOT_CANDIDATES = frozenset(
    {
        "BLANK VOTE",
        "BLANK VOTES",
        "BLANK VOTE/SCATTERING",
        "BLANK VOTE/VOID VOTE/SCATTERING",
        "NONE OF THE ABOVE",
        "NONE OF THESE CANDIDATES",
        "NOT DESIGNATED",
        "OTHER",
        "OTHERS",
        "OVER VOTE",
        "OVERVOTES",
        "SCATTERING",
        "UNDERVOTES",
        "VOID",
        "VOID VOTE",
    }
)


# --------------------------------------------------------------------------------------------------
# Arithmetic on one margin
# --------------------------------------------------------------------------------------------------


def _check_count(value: object, what: str) -> int:
    """Accept Python and NumPy integers (not bools, not floats) of zero or more."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{what} must be a whole number of votes, got {value!r}")
    if value < 0:
        raise ValueError(f"{what} must be zero or more, got {int(value):,}")
    return int(value)


def margin_between(winner_votes: int, runner_up_votes: int) -> int:
    """Return ``winner_votes - runner_up_votes``, refusing negative counts and a reversed order.

    Examples
    --------
    >>> margin_between(2_912_790, 2_912_253)
    537
    """
    _check_count(winner_votes, "winner_votes")
    _check_count(runner_up_votes, "runner_up_votes")
    if runner_up_votes > winner_votes:
        raise ValueError(
            f"runner_up_votes ({runner_up_votes:,}) exceed winner_votes ({winner_votes:,}): "
            "pass the larger count first"
        )
    return winner_votes - runner_up_votes


def voters_to_switch(margin: int) -> int:
    """Fewest voters who, moving from the winner to the runner-up, would reverse a ``margin``.

    Each switched voter takes one vote from the winner and gives one to the runner-up, so the
    margin shrinks by two; to put the runner-up strictly ahead takes ``margin // 2 + 1`` voters.
    (Half the margin, rounded down, only produces a tie when the margin is even.)

    Examples
    --------
    >>> voters_to_switch(537)
    269
    >>> voters_to_switch(0)
    1
    """
    return _check_count(margin, "margin") // 2 + 1


def switches_to_overtake(winner_votes: int, challenger_votes: int, other_votes: int = 0) -> int:
    """Fewest voters switching from the winner to a challenger that put the challenger first.

    Usually :func:`voters_to_switch` of the margin. But when a third candidate (``other_votes``) is
    ahead of the challenger, the challenger must also pass that candidate, whose total the switches
    do not change.

    Examples
    --------
    >>> switches_to_overtake(10, 4, 0), switches_to_overtake(10, 4, 9)
    (4, 6)
    """
    for value, what in (
        (winner_votes, "winner_votes"),
        (challenger_votes, "challenger_votes"),
        (other_votes, "other_votes"),
    ):
        _check_count(value, what)
    if challenger_votes > winner_votes or other_votes > winner_votes:
        raise ValueError("winner_votes must be the largest count")
    return max(
        voters_to_switch(winner_votes - challenger_votes), other_votes - challenger_votes + 1
    )


def votes_to_add(margin: int) -> int:
    """Fewest new votes for the runner-up alone that would reverse a ``margin`` (``margin + 1``).

    Examples
    --------
    >>> votes_to_add(537)
    538
    """
    return _check_count(margin, "margin") + 1


# --------------------------------------------------------------------------------------------------
# Every state contest
# --------------------------------------------------------------------------------------------------


def _contest_table() -> pd.DataFrame:
    return _contest_table_for(data.version())


@lru_cache(maxsize=4)
def _contest_table_for(version: tuple[tuple[object, int, int], ...]) -> pd.DataFrame:
    """The table behind :func:`contest_margins`, for one version of the data files."""
    returns = data.president_returns()
    real = returns[returns["candidate"].notna() & ~returns["candidate"].isin(_NOT_CANDIDATES)]
    # A candidate on several lines (New York fusion tickets) takes the party of the largest line.
    real = real.sort_values("candidatevotes", ascending=False, kind="stable")
    per_candidate = (
        real.groupby(["year", "state_po", "candidate"], as_index=False)
        .agg(votes=("candidatevotes", "sum"), party=("party_simplified", "first"))
        .sort_values(
            ["year", "state_po", "votes", "candidate"], ascending=[True, True, False, True]
        )
    )
    per_candidate["place"] = per_candidate.groupby(["year", "state_po"]).cumcount() + 1
    first = per_candidate[per_candidate["place"] == 1].set_index(["year", "state_po"])
    second = per_candidate[per_candidate["place"] == 2].set_index(["year", "state_po"])
    third = per_candidate[per_candidate["place"] == 3].set_index(["year", "state_po"])["votes"]
    totals = returns.groupby(["year", "state_po"]).agg(
        state=("state", "first"), total_votes=("totalvotes", "first")
    )
    table = totals.join(
        first[["candidate", "party", "votes"]].rename(
            columns={"candidate": "winner", "party": "winner_party", "votes": "winner_votes"}
        )
    ).join(
        second[["candidate", "party", "votes"]].rename(
            columns={
                "candidate": "runner_up",
                "party": "runner_up_party",
                "votes": "runner_up_votes",
            }
        )
    )
    table = table.join(third.rename("third_votes")).reset_index()
    table["third_votes"] = table["third_votes"].fillna(0).astype(int)
    table["margin"] = table["winner_votes"] - table["runner_up_votes"]
    table["tied"] = table["margin"] == 0
    table["margin_pct"] = 100 * table["margin"] / table["total_votes"]
    table["margin_pct_two_party"] = (
        100 * table["margin"] / (table["winner_votes"] + table["runner_up_votes"])
    )
    table["voters_to_switch"] = table["margin"] // 2 + 1
    table["votes_to_add"] = table["margin"] + 1
    table["closeness_rank"] = (
        table.groupby("year")["margin_pct"].rank(method="min", ascending=True).astype(int)
    )
    return table


def contest_margins(year: int | None = None) -> pd.DataFrame:
    """One row per state presidential contest: winner, runner-up, margin and closeness.

    Parameters
    ----------
    year
        A presidential year from 1976 to 2020, or ``None`` for all of them.

    Returns
    -------
    pandas.DataFrame
        Columns ``year, state_po, state, total_votes, winner, winner_party, winner_votes, runner_up,
        runner_up_party, runner_up_votes, third_votes`` (the third candidate's votes, 0 if none),
        ``margin, tied`` (margin of zero: the "winner" is then only the first in alphabetical
        order), ``margin_pct`` (percent of all votes cast for president), ``margin_pct_two_party``
        (percent of the top two's votes), ``voters_to_switch``, ``votes_to_add`` and
        ``closeness_rank`` (1 = the year's closest contest by ``margin_pct``).
    """
    table = _contest_table()
    if year is not None:
        table = table[table["year"] == _check_year(year)]
    return table.reset_index(drop=True).copy()


def _check_year(year: object) -> int:
    if isinstance(year, bool) or not isinstance(year, numbers.Integral):
        raise TypeError(f"year must be a whole number, got {year!r}")
    if int(year) not in data.PRESIDENTIAL_YEARS:
        years = ", ".join(map(str, data.PRESIDENTIAL_YEARS))
        raise ValueError(f"no presidential returns for {year}; the data cover {years}")
    return int(year)


def display_name(candidate: str) -> str:
    """A candidate as people write the name: ``"BIDEN, JOSEPH R. JR"`` -> ``"Joseph R. Biden Jr."``.

    Examples
    --------
    >>> display_name("MCCAIN, JOHN"), display_name("BUSH, GEORGE H.W.")
    ('John McCain', 'George H.W. Bush')
    """
    last, _, first = candidate.partition(", ")
    suffix = ""
    match = re.fullmatch(r"(.*?)\s+(JR|SR|II|III)\.?", first)
    if match:
        first, suffix = match.group(1), match.group(2)
        suffix = " " + (suffix.title() + "." if suffix in ("JR", "SR") else suffix)
    name = f"{first.title()} {last.title()}".strip() + suffix
    return re.sub(r"\bMc([a-z])", lambda m: "Mc" + m.group(1).upper(), name)


def resolve_state(state: str) -> str:
    """Return the postal code for ``state`` given as a code or a name, in any letter case.

    Raises
    ------
    ValueError
        If ``state`` is not one of the 50 states or DC.

    Examples
    --------
    >>> resolve_state("Wisconsin"), resolve_state("pa")
    ('WI', 'PA')
    """
    if not isinstance(state, str):
        raise TypeError(f"state must be a string, got {state!r}")
    key = state.strip().upper()
    if key in data.STATE_CODES:
        return key
    by_name = {name: code for code, name in data.state_names().items()}
    if key in by_name:
        return by_name[key]
    raise ValueError(
        f"unknown state {state!r}: give a postal code (e.g. 'WI') or a name (e.g. 'Wisconsin') "
        "of one of the 50 states or DC"
    )


@dataclass(frozen=True)
class ContestMargin:
    """The result of one state's presidential contest, with the numbers derived from its margin."""

    year: int
    state_po: str
    state: str
    winner: str
    winner_party: str
    winner_votes: int
    runner_up: str
    runner_up_party: str
    runner_up_votes: int
    total_votes: int
    closeness_rank: int

    @property
    def margin(self) -> int:
        """Winner's votes minus runner-up's."""
        return self.winner_votes - self.runner_up_votes

    @property
    def margin_pct(self) -> float:
        """Margin as a percentage of all votes cast for president in the state."""
        return 100 * self.margin / self.total_votes

    @property
    def margin_pct_two_party(self) -> float:
        """Margin as a percentage of the votes for the top two candidates."""
        return 100 * self.margin / (self.winner_votes + self.runner_up_votes)

    @property
    def other_pct(self) -> float:
        """Percentage of the votes cast that went to neither of the top two candidates."""
        return (
            100 * (self.total_votes - self.winner_votes - self.runner_up_votes) / self.total_votes
        )

    @property
    def voters_to_switch(self) -> int:
        """Fewest voters whose switch would have reversed the result (see :func:`voters_to_switch`)."""
        return voters_to_switch(self.margin)

    @property
    def votes_to_add(self) -> int:
        """Fewest added votes for the runner-up that would have reversed the result."""
        return votes_to_add(self.margin)


def contest(year: int, state: str) -> ContestMargin:
    """The contest in ``state`` (code or name) in ``year``.

    Examples
    --------
    >>> fl = contest(2000, "Florida")
    >>> fl.winner, fl.margin, fl.voters_to_switch
    ('BUSH, GEORGE W.', 537, 269)
    """
    year = _check_year(year)
    code = resolve_state(state)
    table = _contest_table()
    row = table[(table["year"] == year) & (table["state_po"] == code)].iloc[0]
    return ContestMargin(
        year=year,
        state_po=code,
        state=str(row["state"]),
        winner=str(row["winner"]),
        winner_party=str(row["winner_party"]),
        winner_votes=int(row["winner_votes"]),
        runner_up=str(row["runner_up"]),
        runner_up_party=str(row["runner_up_party"]),
        runner_up_votes=int(row["runner_up_votes"]),
        total_votes=int(row["total_votes"]),
        closeness_rank=int(row["closeness_rank"]),
    )


def contest_by_rank(year: int, rank: int) -> ContestMargin:
    """The contest of ``year`` with closeness rank ``rank`` (1 = closest by share of votes cast)."""
    table = contest_margins(year)
    if isinstance(rank, bool) or not isinstance(rank, numbers.Integral):
        raise TypeError(f"rank must be a whole number, got {rank!r}")
    if not 1 <= rank <= len(table):
        raise ValueError(f"rank must be between 1 and {len(table)}, got {rank}")
    ordered = table.sort_values(["margin_pct", "state_po"]).reset_index(drop=True)
    return contest(year, str(ordered.loc[int(rank) - 1, "state_po"]))


def closeness_rank(year: int, state: str) -> int:
    """Rank of the contest among the year's 51 by margin as a share of votes cast (1 = closest)."""
    return contest(year, state).closeness_rank


def contests_within(year: int, threshold_pct: float) -> pd.DataFrame:
    """Contests of ``year`` decided by at most ``threshold_pct`` percent of the votes cast.

    Raises
    ------
    ValueError
        If ``threshold_pct`` is not between 0 and 100.
    """
    if isinstance(threshold_pct, bool) or not isinstance(threshold_pct, numbers.Real):
        raise TypeError(f"threshold_pct must be a number, got {threshold_pct!r}")
    if not 0 < threshold_pct <= 100:
        raise ValueError(f"threshold_pct must be above 0 and at most 100, got {threshold_pct}")
    table = contest_margins(year)
    return (
        table[table["margin_pct"] <= threshold_pct].sort_values("margin_pct").reset_index(drop=True)
    )


# --------------------------------------------------------------------------------------------------
# National totals and the Electoral College
# --------------------------------------------------------------------------------------------------


def national_popular_vote(year: int) -> pd.Series:
    """Each candidate's national vote in ``year``: the sum of the state rows, largest first.

    For 2016 these sums differ by a few dozen votes from the FEC's official totals (see
    ``data/README.md``); :func:`explainers.data.official_totals` holds the official figures.
    """
    returns = data.president_returns()
    rows = returns[(returns["year"] == _check_year(year)) & returns["candidate"].notna()]
    rows = rows[~rows["candidate"].isin(_NOT_CANDIDATES)]
    return rows.groupby("candidate")["candidatevotes"].sum().sort_values(ascending=False)


def _electors_won(year: int) -> pd.DataFrame:
    """Electors each candidate won in each state: statewide winner, less any district electors.

    ``statewide`` is false for the district electors that went to someone else.
    """
    margins = contest_margins(year)
    if margins["tied"].any():
        tied = ", ".join(margins.loc[margins["tied"], "state_po"])
        raise ValueError(
            f"{year}: the top two tied in {tied}; who won those electors cannot be read from the "
            "vote counts (state law decides a tie)"
        )
    ev = data.electoral_votes()
    ev = ev[ev["year"] == year]
    table = margins.merge(ev, on=["year", "state_po"], validate="one_to_one")
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

    The statewide winner takes the state's electors, except the district electors of Maine and
    Nebraska listed in ``data/district_electors.csv``. Faithless votes cast in December are not
    reflected here: these are the electors *pledged* by the November results.
    """
    won = _electors_won(_check_year(year))
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
        If a weight or cost is negative, or no subset reaches ``needed``.

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
    (``method="add"``), summed over ``states``.
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
    state's cost is :func:`voters_to_switch` (or :func:`votes_to_add`) applied to the winner's margin
    over the national runner-up *in that state*. The choice is an exact 0/1 knapsack over electoral
    votes, so the answer is the true minimum, not a greedy guess. District electors of Maine and
    Nebraska stay where they went: their district margins are not in the data.

    Raises
    ------
    ValueError
        If ``method`` is neither ``"switch"`` nor ``"add"``.
    """
    if method not in ("switch", "add"):
        raise ValueError(f"method must be 'switch' or 'add', got {method!r}")
    year = _check_year(year)
    pledged = pledged_electoral_votes(year)
    winner, runner_up = str(pledged.index[0]), str(pledged.index[1])
    needed = MAJORITY - int(pledged.iloc[1])

    won = _electors_won(year)
    carried = won[(won["candidate"] == winner) & won["statewide"]].set_index("state_po")
    carried = carried["electoral_votes"]
    returns = data.president_returns()
    votes = returns[
        (returns["year"] == year) & returns["candidate"].isin([winner, runner_up])
    ].pivot_table(index="state_po", columns="candidate", values="candidatevotes", aggfunc="sum")
    if not set(carried.index) <= set(votes.index) or votes.isna().any().any():
        raise ValueError(f"{year}: the two leading candidates are missing from some states' rows")
    strongest_other = (
        contest_margins(year)
        .set_index("state_po")
        .apply(
            lambda row: (
                row["third_votes"]
                if runner_up in (row["winner"], row["runner_up"])
                # a third candidate placed second: the strongest rival is the state's runner-up
                else row["runner_up_votes"]
            ),
            axis=1,
        )
    )

    def cost(code: str) -> int:
        w, r = int(votes.loc[code, winner]), int(votes.loc[code, runner_up])
        if method == "add":  # the winner has the most votes, so passing it passes everyone
            return votes_to_add(w - r)
        return switches_to_overtake(w, r, int(strongest_other[code]))

    items = [(code, int(ev), cost(code)) for code, ev in carried.sort_index().items()]

    total, chosen = cheapest_cover([(ev, cost) for _, ev, cost in items], needed)
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


def comparison(
    contests: tuple[tuple[int, str], ...] = FOCUS_CONTESTS,
    reference: tuple[int, str] = (2000, "FL"),
) -> pd.DataFrame:
    """Side-by-side table of several contests' margins, each also as a multiple of ``reference``'s.

    Returns
    -------
    pandas.DataFrame
        One row per contest with ``contest, winner, runner_up, margin, margin_pct,
        margin_pct_two_party, times_reference`` (margin in votes divided by the reference
        contest's), ``voters_to_switch, votes_to_add, closeness_rank``.
    """
    base = contest(*reference)
    rows = []
    for year, state in contests:
        c = contest(year, state)
        rows.append(
            {
                "contest": f"{c.state.title()} {c.year}",
                "winner": c.winner,
                "runner_up": c.runner_up,
                "margin": c.margin,
                "margin_pct": c.margin_pct,
                "margin_pct_two_party": c.margin_pct_two_party,
                "times_reference": c.margin / base.margin,
                "voters_to_switch": c.voters_to_switch,
                "votes_to_add": c.votes_to_add,
                "closeness_rank": c.closeness_rank,
            }
        )
    return pd.DataFrame(rows)


def closeness_rank_all_years(year: int, state: str) -> tuple[int, int]:
    """Rank of a contest by margin share among *every* state contest in the data, and their count."""
    target = contest(year, state)
    table = _contest_table()
    rank = int((table["margin_pct"] < target.margin_pct).sum()) + 1
    return rank, len(table)

"""Every state presidential contest in the data: who won, by how much, and how close it was.

:func:`contest_margins` builds one table of the 663 state contests from 1976 to 2024 (51 a year)
out of :func:`explainers.data.state_returns`. Each derived column (the margin, its shares of the
vote, the voters to switch, the votes to add) is computed by the functions of
:mod:`explainers.margins`, and :func:`contest` returns one row of that same table as a
:class:`ContestMargin`, so the table, the scalar and the chart built on them cannot disagree.
Closeness ranks, the contests within a threshold and side-by-side comparisons read the same table.
"""

from __future__ import annotations

import numbers
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields

import pandas as pd

from explainers import data, margins
from explainers.caching import on_data
from explainers.states import resolve_state

__all__ = [
    "ContestMargin",
    "check_year",
    "closeness_rank",
    "closeness_rank_all_years",
    "combined_margin",
    "comparison",
    "contest",
    "contest_by_rank",
    "contest_margins",
    "contests_within",
    "display_name",
    "multiple_of",
    "national_popular_vote",
    "state_votes",
]

#: Ballot lines in the MIT file that are not candidates (blank, over- and under-votes, pooled "other").
NOT_CANDIDATES = frozenset(
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


@dataclass(frozen=True)
class ContestMargin:
    """One state's presidential contest: a row of :func:`contest_margins`.

    Attributes
    ----------
    margin
        Winner's votes minus runner-up's (:func:`explainers.margins.margin_between`).
    margin_pct, margin_pct_two_party
        The margin as a percentage of all votes cast for president in the state, and of the top
        two candidates' votes (:func:`explainers.margins.percent_of`).
    two_party_factor
        ``margin_pct_two_party / margin_pct`` (:func:`explainers.margins.two_party_factor`).
    other_pct
        Percentage of the votes cast that went to neither of the top two.
    voters_to_switch, votes_to_add
        :func:`explainers.margins.voters_to_switch` and :func:`explainers.margins.votes_to_add`.
    closeness_rank
        1 for the year's closest contest by ``margin_pct``.
    tied
        The top two have the same count (the "winner" is then only the first alphabetically).
    """

    year: int
    state_po: str
    state: str
    total_votes: int
    winner: str
    winner_party: str
    winner_votes: int
    runner_up: str
    runner_up_party: str
    runner_up_votes: int
    third_votes: int
    margin: int
    tied: bool
    margin_pct: float
    margin_pct_two_party: float
    other_pct: float
    two_party_factor: float
    voters_to_switch: int
    votes_to_add: int
    closeness_rank: int

    @property
    def name(self) -> str:
        """The contest as the book names it: ``"Florida 2000"``."""
        return f"{self.state.title()} {self.year}"


_COLUMNS = [f.name for f in fields(ContestMargin)]


@on_data
def _contest_table() -> pd.DataFrame:
    """The table behind :func:`contest_margins` (cached on the data files' version)."""
    returns = data.state_returns()
    real = returns[returns["candidate"].notna() & ~returns["candidate"].isin(NOT_CANDIDATES)]
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
    by_place = per_candidate.set_index(["year", "state_po"])
    first = by_place[by_place["place"] == 1]
    second = by_place[by_place["place"] == 2]
    third = by_place.loc[by_place["place"] == 3, "votes"]
    totals = returns.groupby(["year", "state_po"]).agg(
        state=("state", "first"), total_votes=("totalvotes", "first")
    )
    table = (
        totals.join(
            first[["candidate", "party", "votes"]].rename(
                columns={"candidate": "winner", "party": "winner_party", "votes": "winner_votes"}
            )
        )
        .join(
            second[["candidate", "party", "votes"]].rename(
                columns={
                    "candidate": "runner_up",
                    "party": "runner_up_party",
                    "votes": "runner_up_votes",
                }
            )
        )
        .join(third.rename("third_votes"))
        .reset_index()
    )
    table["third_votes"] = table["third_votes"].fillna(0).astype(int)

    def each(function: Callable[..., object], *columns: str) -> list:
        # A scalar function of explainers.margins, applied row by row.
        return [function(*values) for values in zip(*(table[c] for c in columns), strict=True)]

    table["margin"] = each(margins.margin_between, "winner_votes", "runner_up_votes")
    table["tied"] = table["margin"] == 0
    table["two_party"] = table["winner_votes"] + table["runner_up_votes"]
    table["others"] = table["total_votes"] - table["two_party"]
    table["margin_pct"] = each(margins.percent_of, "margin", "total_votes")
    table["margin_pct_two_party"] = each(margins.percent_of, "margin", "two_party")
    table["other_pct"] = each(margins.percent_of, "others", "total_votes")
    table["two_party_factor"] = each(margins.two_party_factor, "total_votes", "two_party")
    table["voters_to_switch"] = each(margins.voters_to_switch, "margin")
    table["votes_to_add"] = each(margins.votes_to_add, "margin")
    table["closeness_rank"] = (
        table.groupby("year")["margin_pct"].rank(method="min", ascending=True).astype(int)
    )
    return table[_COLUMNS]


def contest_margins(year: int | None = None) -> pd.DataFrame:
    """One row per state presidential contest: winner, runner-up, margin and closeness.

    Parameters
    ----------
    year
        A presidential year from 1976 to 2024, or ``None`` for all of them.

    Returns
    -------
    pandas.DataFrame
        The fields of :class:`ContestMargin` as columns, one row per state and year.
    """
    table = _contest_table()
    if year is not None:
        table = table[table["year"] == check_year(year)]
    return table.reset_index(drop=True).copy()


def check_year(year: object) -> int:
    """Return ``year`` as an ``int`` if the data hold presidential returns for it; raise otherwise.

    Raises
    ------
    TypeError
        If ``year`` is not a whole number.
    ValueError
        If the data have no returns for ``year``.
    """
    if isinstance(year, bool) or not isinstance(year, numbers.Integral):
        raise TypeError(f"year must be a whole number, got {year!r}")
    if int(year) not in data.RETURN_YEARS:
        years = ", ".join(map(str, data.RETURN_YEARS))
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


def contest(year: int, state: str) -> ContestMargin:
    """The contest in ``state`` (code or name) in ``year``.

    Examples
    --------
    >>> fl = contest(2000, "Florida")
    >>> fl.winner, fl.margin, fl.voters_to_switch
    ('BUSH, GEORGE W.', 537, 269)
    """
    year = check_year(year)
    code = resolve_state(state)
    table = _contest_table()
    (row,) = table[(table["year"] == year) & (table["state_po"] == code)].to_dict("records")
    return ContestMargin(**{k: v.item() if hasattr(v, "item") else v for k, v in row.items()})


def contest_by_rank(year: int, rank: int) -> ContestMargin:
    """The contest of ``year`` with closeness rank ``rank`` (1 = closest by share of votes cast).

    Raises
    ------
    TypeError
        If ``rank`` is not a whole number.
    ValueError
        If ``rank`` is not between 1 and the number of contests that year.
    """
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


def closeness_rank_all_years(year: int, state: str) -> tuple[int, int]:
    """Rank of a contest by margin share among *every* state contest in the data, and their count."""
    target = contest(year, state)
    table = _contest_table()
    rank = int((table["margin_pct"] < target.margin_pct).sum()) + 1
    return rank, len(table)


def contests_within(year: int, threshold_pct: float) -> pd.DataFrame:
    """Contests of ``year`` decided by at most ``threshold_pct`` percent of the votes cast.

    The closeness chart of the Margins chapter evaluates the same rule in the page, as the Vega
    filter ``datum.margin_pct <= threshold``; the browser tests compare the two.

    Raises
    ------
    TypeError
        If ``threshold_pct`` is not a number.
    ValueError
        If ``threshold_pct`` is not above 0 and at most 100.
    """
    if isinstance(threshold_pct, bool) or not isinstance(threshold_pct, numbers.Real):
        raise TypeError(f"threshold_pct must be a number, got {threshold_pct!r}")
    if not 0 < threshold_pct <= 100:
        raise ValueError(f"threshold_pct must be above 0 and at most 100, got {threshold_pct}")
    table = contest_margins(year)
    return (
        table[table["margin_pct"] <= threshold_pct].sort_values("margin_pct").reset_index(drop=True)
    )


def comparison(
    contests: Sequence[tuple[int, str]], reference: tuple[int, str] | None = None
) -> pd.DataFrame:
    """Side-by-side table of several contests, each margin also as a multiple of ``reference``'s.

    Parameters
    ----------
    contests
        ``(year, state)`` pairs, in the order the table should list them.
    reference
        The contest the others are measured against; the first of ``contests`` when omitted.

    Returns
    -------
    pandas.DataFrame
        The columns of :func:`contest_margins` for those contests, plus ``contest`` (e.g.
        ``"Florida 2000"``), ``times_reference`` (margin in votes divided by the reference's) and
        ``pct_times_reference`` (the same for the margin as a share of votes cast).

    Raises
    ------
    ValueError
        If ``contests`` is empty.
    """
    if not contests:
        raise ValueError("comparison needs at least one contest")
    base = contest(*(reference or contests[0]))
    rows = [contest(year, state) for year, state in contests]
    table = pd.DataFrame([{f: getattr(c, f) for f in _COLUMNS} for c in rows])
    table.insert(0, "contest", [c.name for c in rows])
    table["times_reference"] = [multiple_of(m, base) for m in table["margin"]]
    table["pct_times_reference"] = table["margin_pct"] / base.margin_pct
    return table


def multiple_of(margin: int, reference: ContestMargin | tuple[int, str]) -> float:
    """How many times ``reference``'s margin ``margin`` is (e.g. a combined margin against Florida's).

    Examples
    --------
    >>> round(multiple_of(77_744, (2000, "FL")), 1)
    144.8
    """
    base = reference if isinstance(reference, ContestMargin) else contest(*reference)
    if base.margin == 0:
        raise ValueError(f"{base.name} was a tie: no margin to measure against")
    return margins.check_count(margin, "margin") / base.margin


def combined_margin(contests: Sequence[tuple[int, str]]) -> int:
    """The margins of several contests added up (e.g. the three decisive states of 2016).

    Examples
    --------
    >>> combined_margin([(2016, "MI"), (2016, "WI"), (2016, "PA")])
    77744
    """
    return sum(contest(year, state).margin for year, state in contests)


def national_popular_vote(year: int) -> pd.Series:
    """Each candidate's national vote in ``year``: the sum of the state rows, largest first.

    For 2016 these sums differ by a few dozen votes from the FEC's official totals (see
    ``data/README.md``); :func:`explainers.data.official_totals` holds the official figures.
    """
    votes = state_votes(year).groupby("candidate")["candidatevotes"].sum()
    return votes.sort_values(ascending=False)


def state_votes(year: int) -> pd.DataFrame:
    """Votes of every candidate in every state of ``year``: ``state_po, candidate, candidatevotes``.

    A candidate on several lines (New York fusion tickets) has one row, the lines summed; the
    rows that are not a candidate (:data:`NOT_CANDIDATES`) are left out.
    """
    returns = data.state_returns()
    rows = returns[(returns["year"] == check_year(year)) & returns["candidate"].notna()]
    rows = rows[~rows["candidate"].isin(NOT_CANDIDATES)]
    return rows.groupby(["state_po", "candidate"], as_index=False)["candidatevotes"].sum()

"""The contingent election: the House chooses the president when no one has 270 electors.

Under the 12th Amendment the House chooses among the three with the most electoral votes, voting
by state: each state's delegation has one vote, and a majority of all the states (26 of 50) is
needed. The Senate chooses the vice-president from the top two. This module models the House's
vote from the party of each state's members on the opening day of a Congress
(``data/house_delegations.csv``), **assuming that every member votes for their party's
nominee**: a delegation votes for the party holding a majority of its members, and a delegation
without one (tied, or held by no party) casts no vote. Members are free to do otherwise; the model
shows what party lines alone would give.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from explainers import contests, data

__all__ = ["CONGRESS_COUNTING", "HouseVote", "delegation_votes", "house_vote"]

#: The Congress that counts each election's electoral votes (it meets on January 3, and the
#: votes are counted on January 6).
CONGRESS_COUNTING = {2000: 107, 2016: 115, 2020: 117}

#: States whose votes decide: a majority of the 50.
STATES_NEEDED = 50 // 2 + 1


def _congress(year: int) -> int:
    year = contests.check_year(year)
    if year not in CONGRESS_COUNTING:
        raise ValueError(
            f"no House delegations for the count of {year} in data/house_delegations.csv; "
            f"years with them: {', '.join(map(str, CONGRESS_COUNTING))}"
        )
    return CONGRESS_COUNTING[year]


def delegation_votes(year: int) -> pd.DataFrame:
    """How each state's delegation would vote if members voted with their party.

    Returns
    -------
    pandas.DataFrame
        ``state_po, republicans, democrats, others, vote``: ``vote`` is ``"Republican"``,
        ``"Democratic"``, or ``"no majority"`` (a tie, or no party with more than half).
    """
    table = data.house_delegations()
    rows = table[table["congress"] == _congress(year)].copy()
    members = rows["republicans"] + rows["democrats"] + rows["others"]
    rows["vote"] = "no majority"
    rows.loc[2 * rows["republicans"] > members, "vote"] = "Republican"
    rows.loc[2 * rows["democrats"] > members, "vote"] = "Democratic"
    columns = ["state_po", "republicans", "democrats", "others", "vote"]
    return rows[columns].sort_values("state_po").reset_index(drop=True)


@dataclass(frozen=True)
class HouseVote:
    """The House's vote by state under the party-line model, and its result."""

    year: int
    congress: int
    republican_states: int
    democratic_states: int
    no_majority_states: int
    states_needed: int
    winner_party: str | None


def house_vote(year: int) -> HouseVote:
    """Count :func:`delegation_votes`: a party with 26 or more states elects its nominee."""
    votes = delegation_votes(year)["vote"].value_counts()
    r, d = int(votes.get("Republican", 0)), int(votes.get("Democratic", 0))
    winner = "Republican" if r >= STATES_NEEDED else "Democratic" if d >= STATES_NEEDED else None
    return HouseVote(
        year=year,
        congress=_congress(year),
        republican_states=r,
        democratic_states=d,
        no_majority_states=int(votes.get("no majority", 0)),
        states_needed=STATES_NEEDED,
        winner_party=winner,
    )

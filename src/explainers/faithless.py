"""Faithless electors: how many defections deny a majority, and the votes as cast in December.

Electors chosen in November meet in their states in December. A *faithless elector* in this book
is an elector, chosen on a slate pledged to a party's nominees, whose vote as counted by Congress
went to someone else, or was left blank, for president or for vice-president. The book counts
electors, not votes; it leaves out the unpledged electors of 1960 and the votes recast after a
nominee died (none since 1912). Votes a state voided before they were counted (three in 2016)
are *attempts*, listed apart. The rows are in ``data/faithless_electors.csv``, each with its source.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import pandas as pd

from explainers import contests, data
from explainers.electoral import HOUSE, MAJORITY, electors_won, pledged_electoral_votes

__all__ = [
    "COUNTED",
    "DefectionOutcome",
    "cast_electoral_votes",
    "defection_outcome",
    "defections_needed",
    "faithless_by_year",
    "presidential_votes_2024",
]

#: Outcomes of a faithless vote that Congress counted (an abstention is counted as no vote).
COUNTED = ("counted", "abstained")

#: How ``data/faithless_electors.csv`` writes a blank ballot.
BLANK = "(blank ballot)"


def defections_needed(year: int) -> int:
    """Fewest of the leader's pledged electors who must vote for someone else to deny a majority.

    With ``p`` pledged electors the leader keeps a majority while ``p - k >= 270``; so ``k`` is
    ``p - 269`` (2016: 306 - 269 = 37).

    Raises
    ------
    ValueError
        If no one won a majority of electors in November (there is no majority to deny).
    """
    pledged = pledged_electoral_votes(year)
    if int(pledged.iloc[0]) < MAJORITY:
        raise ValueError(f"{year}: no one won a majority of electors in November")
    return int(pledged.iloc[0]) - (MAJORITY - 1)


def _candidate(name: str, candidates: pd.Index) -> str:
    """The pledged nominee ``name`` (``"Hillary Clinton"``) as the returns file spells it.

    A candidate matches when both the surname and the first name (``"CLINTON, HILLARY"``) are
    words of ``name``.

    Raises
    ------
    ValueError
        If no candidate, or more than one, matches.
    """
    words = {w.strip(".,").upper() for w in name.split()}
    found = [
        str(c)
        for c in candidates
        if c.split(",")[0].strip() in words and c.split(",")[1].split()[0] in words
    ]
    if len(found) != 1:
        raise ValueError(
            f"pledged nominee {name!r} matches {len(found)} candidates of the returns "
            f"({', '.join(found) or 'none'}); data/faithless_electors.csv must name them as they ran"
        )
    return found[0]


def cast_electoral_votes(year: int) -> pd.Series:
    """Electoral votes for president as cast in December and counted by Congress.

    The pledged electors (:func:`explainers.electoral.pledged_electoral_votes`) moved by each
    counted faithless vote of ``data/faithless_electors.csv``: one fewer for the pledged nominee,
    one more for the person voted for (none for a blank ballot). Voided votes change nothing.
    """
    pledged = pledged_electoral_votes(year)
    cast = pledged.astype(int).to_dict()
    rows = data.faithless_electors()
    rows = rows[(rows["year"] == year) & rows["outcome"].isin(COUNTED)]
    for row in rows.itertuples():
        if row.vote_president == row.pledged_president:
            continue
        cast[_candidate(row.pledged_president, pledged.index)] -= 1
        if row.vote_president != BLANK:
            # Someone who won no electors in November is listed under the name the elector wrote.
            name = row.vote_president.split(" (")[0]
            cast[name] = cast.get(name, 0) + 1
    return pd.Series(cast, name="electoral_votes").sort_values(ascending=False, kind="stable")


#: The elections ``data/faithless_electors.csv`` covers.
FIRST_YEAR, LAST_YEAR = 1948, 2020


def faithless_by_year() -> pd.DataFrame:
    """Per election from 1948 to 2020: faithless electors (counted or blank) and voided attempts.

    Elections without any have zeros: the data file lists every faithless elector of the period.
    """
    rows = data.faithless_electors()
    table = (
        rows.assign(counted=rows["outcome"].isin(COUNTED))
        .groupby("year")
        .agg(faithless=("counted", "sum"), voided=("counted", lambda c: int((~c).sum())))
        .reindex(range(FIRST_YEAR, LAST_YEAR + 1, 4), fill_value=0)
        .astype(int)
    )
    return table.rename_axis("year").reset_index()


def presidential_votes_2024() -> pd.Series:
    """The 2024 electors' votes for president per candidate, checked state by state against pledges.

    The FEC's compilation of the certificates of vote (:func:`explainers.data.electoral_votes_2024`)
    gives each state's votes for Trump and Harris, but not the votes for vice-president, so 2024 is
    not in ``data/faithless_electors.csv``. This compares the presidential votes with the electors
    each candidate won in November (:func:`explainers.electoral.electors_won`), district electors
    included.

    Raises
    ------
    ValueError
        Naming the states where the electors' votes differ from the electors won.
    """
    cast = data.electoral_votes_2024().set_index("state_po")[["trump", "harris"]]
    won = electors_won(2024).pivot_table(
        index="state_po", columns="candidate", values="electoral_votes", aggfunc="sum", fill_value=0
    )
    won = won.rename(columns={"TRUMP, DONALD J.": "trump", "HARRIS, KAMALA D.": "harris"})
    differ = cast.index[(won.reindex(cast.index)[cast.columns] != cast).any(axis=1)]
    if len(differ):
        raise ValueError(
            "the 2024 electors' votes differ from the electors won in " + ", ".join(differ)
        )
    return cast.sum().rename({"trump": "TRUMP, DONALD J.", "harris": "HARRIS, KAMALA D."})


@dataclass(frozen=True)
class DefectionOutcome:
    """The electoral votes if ``defections`` of the leader's electors voted for someone else."""

    year: int
    defections: int
    to: str
    leader: str
    leader_votes: int
    runner_up: str
    runner_up_votes: int
    others: int
    winner: str


def defection_outcome(
    year: int, defections: int, to: Literal["other", "runner_up"] = "other"
) -> DefectionOutcome:
    """Who would win if ``defections`` of the leader's pledged electors voted otherwise.

    ``to="other"``: the defectors vote for a third person (the 2016 "Hamilton electors" plan), so
    the runner-up gains nothing. ``to="runner_up"``: they vote for the runner-up. A candidate with
    270 or more wins; otherwise the House decides (:data:`explainers.electoral.HOUSE`).

    Raises
    ------
    ValueError
        If ``defections`` is negative or more than the leader's pledged electors, or ``to`` is
        neither ``"other"`` nor ``"runner_up"``.
    """
    if to not in ("other", "runner_up"):
        raise ValueError(f"to must be 'other' or 'runner_up', got {to!r}")
    year = contests.check_year(year)
    pledged = pledged_electoral_votes(year)
    leader, runner_up = str(pledged.index[0]), str(pledged.index[1])
    lead = int(pledged.iloc[0])
    if (
        isinstance(defections, bool)
        or not isinstance(defections, int)
        or not 0 <= defections <= lead
    ):
        raise ValueError(
            f"defections must be a whole number from 0 to the leader's {lead} pledged electors, "
            f"got {defections!r}"
        )
    second = int(pledged.iloc[1]) + (defections if to == "runner_up" else 0)
    others = data.TOTAL_ELECTORAL_VOTES - (lead - defections) - second
    if lead - defections >= MAJORITY:
        winner = leader
    elif second >= MAJORITY:
        winner = runner_up
    else:
        winner = HOUSE
    return DefectionOutcome(
        year=year,
        defections=defections,
        to=to,
        leader=leader,
        leader_votes=lead - defections,
        runner_up=runner_up,
        runner_up_votes=second,
        others=others,
        winner=winner,
    )

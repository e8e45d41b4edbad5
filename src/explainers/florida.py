"""Florida 2000: Bush's lead as the count moved, and what counting the rejected ballots would have shown.

Two tables of reported figures, each row tied to its source and quotation
(``data/fl_2000_count.csv`` and ``data/fl_2000_ballot_reviews.csv``), and the certified result from
the state returns (:mod:`explainers.contests`). The functions here only arrange them: the lead at
each stage, the state's figures apart from the press's, how far the lead moved from the first count
to certification, the lead the Florida Supreme Court's order of 8 December would have left, and the
reviews' outcomes with a sign (Bush ahead positive, Gore ahead negative) so that one axis shows
them all.

Examples
--------
>>> shift_to_certification()
1247
>>> court_order_lead()
154
"""

from __future__ import annotations

import pandas as pd

from explainers import contests, data
from explainers.facts import figure

__all__ = [
    "REVIEW_NAMES",
    "REVIEW_SHORT_NAMES",
    "certified_lead",
    "count_stages",
    "court_order_lead",
    "first_count_lead",
    "leads",
    "review_outcome",
    "review_outcomes",
    "shift_to_certification",
    "state_figures",
]

#: The reviews of the rejected ballots, by their key in ``data/fl_2000_ballot_reviews.csv``.
REVIEW_NAMES = {
    "norc": "Media consortium (NORC), November 2001",
    "herald": "Miami Herald, Knight Ridder and USA Today, April 2001",
}

#: The same reviews in a few words, for a chart's title or a table's column.
REVIEW_SHORT_NAMES = {"norc": "NORC review, 2001", "herald": "Herald review, 2001"}


def count_stages() -> pd.DataFrame:
    """Every reported figure of Bush's lead, in date order, as ``data.fl_2000_count()`` holds them."""
    return data.fl_2000_count()


def leads(stage: str, reporter: str) -> tuple[int, ...]:
    """Bush's leads reported at ``stage`` by ``reporter`` (``"state"`` or ``"press"``), in date order.

    >>> leads("machine recount", "press")
    (229, 327)

    Raises
    ------
    ValueError
        For a stage or reporter that reported nothing.
    """
    stages = count_stages()
    chosen = stages[(stages["stage"] == stage) & (stages["reporter"] == reporter)]
    if chosen.empty:
        raise ValueError(
            f"no lead reported at stage {stage!r} by reporter {reporter!r}; stages: "
            f"{sorted(set(stages['stage']))}, reporters: {sorted(set(stages['reporter']))}"
        )
    return tuple(int(v) for v in chosen.sort_values("date")["bush_lead"])


def state_figures() -> pd.DataFrame:
    """The figures the state reported (its election officials, then its Supreme Court's order)."""
    stages = count_stages()
    return stages[stages["reporter"] == "state"].reset_index(drop=True)


def certified_lead() -> int:
    """Bush's certified lead, from the state returns: 2,912,790 - 2,912,253 = 537."""
    return contests.contest(2000, "FL").margin


def first_count_lead() -> int:
    """Bush's lead in the first count the Division of Elections reported (8 November 2000)."""
    return int(state_figures()["bush_lead"].iloc[0])


def shift_to_certification() -> int:
    """How far the lead moved from the first count to the certified result, in votes."""
    return first_count_lead() - certified_lead()


def court_order_lead() -> int:
    """The lead once the hand-counted votes the Florida Supreme Court ordered added are added.

    On 8 December 2000 the court ordered 215 Palm Beach and 168 Miami-Dade votes for Gore
    included in the certified totals (as the U.S. Supreme Court recites, ``data/cited_figures.csv``).
    """
    added = figure("fl_2000_palm_beach_added").value + figure("fl_2000_miami_dade_added").value
    return certified_lead() - int(added)


def review_outcomes(review: str | None = None) -> pd.DataFrame:
    """The reviews' scenarios with ``bush_lead`` signed: positive if Bush led, negative if Gore did.

    ``review`` keeps one review (``"norc"`` or ``"herald"``); ``None`` keeps both. Adds ``label``,
    the ballots and the standard in a few words, and ``review_name``.

    Raises
    ------
    ValueError
        For a ``review`` that is neither.
    """
    table = data.fl_2000_ballot_reviews()
    if review is not None:
        if review not in REVIEW_NAMES:
            raise ValueError(
                f"review must be one of {sorted(REVIEW_NAMES)} or None, not {review!r}"
            )
        table = table[table["review"] == review]
    table = table.assign(
        bush_lead=table["margin"].where(table["leader"] == "Bush", -table["margin"]),
        label=table["ballots"].str.capitalize() + ": " + table["standard"],
        review_name=table["review"].map(REVIEW_NAMES),
    )
    return table.reset_index(drop=True)


def review_outcome(review: str, ballots: str, standard: str | None = None) -> pd.Series:
    """The one scenario of ``review`` that counted ``ballots`` by ``standard``, as a row.

    ``standard`` may be left out when the review has one scenario for those ballots.

    >>> review_outcome("norc", "undervotes in four counties")["margin"]
    np.int64(225)

    Raises
    ------
    ValueError
        If no scenario, or more than one, matches, listing the ones the review has.
    """
    table = review_outcomes(review)
    chosen = table[table["ballots"] == ballots]
    if standard is not None:
        chosen = chosen[chosen["standard"] == standard]
    if len(chosen) != 1:
        known = "; ".join(
            f"{b} / {s}" for b, s in zip(table["ballots"], table["standard"], strict=True)
        )
        raise ValueError(
            f"{len(chosen)} scenarios of review {review!r} match ballots {ballots!r} and standard "
            f"{standard!r}; the review has: {known}"
        )
    return chosen.iloc[0]

"""Choices this book makes, kept apart from the general functions that use them.

The concept modules (:mod:`explainers.margins`, :mod:`explainers.contests`,
:mod:`explainers.electoral`, ...) answer questions about any contest in the data; which contests
the chapters discuss is an editorial choice, recorded here once so that the charts, tables and
tests of a chapter agree on it.
"""

from __future__ import annotations

__all__ = [
    "CLOSE_CALL_YEARS",
    "FOCUS_CONTESTS",
    "PRIMARY_DOCUMENTS",
    "REFERENCE_CONTEST",
    "THREE_STATES_2016",
]

#: The contests the Margins chapter compares: Florida 2000 and the three closest 2016 states
#: Trump carried, in the order the chapter lists them.
FOCUS_CONTESTS: tuple[tuple[int, str], ...] = (
    (2000, "FL"),
    (2016, "MI"),
    (2016, "WI"),
    (2016, "PA"),
)

#: The contest every other margin is measured against: Florida 2000.
REFERENCE_CONTEST: tuple[int, str] = (2000, "FL")

#: Michigan, Wisconsin and Pennsylvania in 2016: the states of the November 2016 recount requests.
THREE_STATES_2016: tuple[tuple[int, str], ...] = ((2016, "MI"), (2016, "WI"), (2016, "PA"))

#: The elections whose closest contests the Margins chapter sets side by side: Florida 2000's, 2016
#: and the elections since that the state returns hold.
CLOSE_CALL_YEARS: tuple[int, ...] = (2000, 2016, 2020, 2024)

#: The primary documents a teacher can show the class: (bibliography key, chapter, what to look for).
PRIMARY_DOCUMENTS: tuple[tuple[str, str, str], ...] = (
    (
        "bushvgore2000",
        "florida",
        "The unsigned opinion's reason for stopping the count (equal protection), and what the "
        "dissents say about the standard of the voter's intent.",
    ),
    (
        "usconstamend12",
        "electoral",
        "How electors vote for president and vice-president on separate ballots, and how the House "
        "chooses when no one has a majority: one vote for each state's delegation.",
    ),
    (
        "nara2016",
        "electoral",
        "The certificates of vote, one link per state: find Hawaii's, Texas's and Washington's, "
        "where electors voted for someone other than their party's nominee.",
    ),
    (
        "rayblair1952",
        "electoral",
        "What the Court allowed a party to require of its electors, and what it left open.",
    ),
    (
        "chiafalo2020",
        "electoral",
        "The question the Court answers in its first paragraph, and its one-line answer.",
    ),
    (
        "cosos2024discrepancy",
        "real_audits",
        "What each column of the state's discrepancy report means, then the report itself: "
        "which reasons the state gave, and which contests the records concern.",
    ),
)

"""The Margins chapter's tables: certified margins side by side, and reported leads against them."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from explainers import canvass, contests, editorial, electoral
from explainers.tables import Table

__all__ = ["close_calls_table", "margin_table", "reported_table"]


def margin_table(contest_list: Sequence[tuple[int, str]] = editorial.FOCUS_CONTESTS) -> Table:
    """The contests' certified margins, as :func:`explainers.contests.comparison` gives them."""
    columns = {
        "contest": "Contest",
        "margin": "Margin (votes)",
        "margin_pct": "% of votes cast",
        "margin_pct_two_party": "% of two-party vote",
        "times_reference": "Margin ÷ Florida 2000's",
        "voters_to_switch": "Voters to switch",
        "votes_to_add": "Votes to add",
        "closeness_rank": "Closeness rank in its year",
    }
    table = contests.comparison(tuple(contest_list), editorial.REFERENCE_CONTEST)
    return Table(
        frame=table[list(columns)].rename(columns=columns),
        caption="Certified margins (from contests.comparison).",
        table_id="margins",
        formats={
            "Margin (votes)": "{:,}",
            "% of votes cast": "{:.3f}%",
            "% of two-party vote": "{:.3f}%",
            "Margin ÷ Florida 2000's": "{:.1f}",
            "Voters to switch": "{:,}",
            "Votes to add": "{:,}",
        },
        secondary=(
            "% of two-party vote",
            "Margin ÷ Florida 2000's",
            "Votes to add",
            "Closeness rank in its year",
        ),
    )


def reported_table() -> Table:
    """Trump's leads as reported in November 2016 beside the certified margins.

    A difference smaller than the reports' rounding is written as such: it is not a lead that grew.
    """
    reported = canvass.reported_vs_certified()
    columns = {
        "scope": "States",
        "date": "Reported on",
        "reported_text": "Lead reported",
        "certified": "Certified margin",
        "difference": "Certified minus reported",
    }
    frame = reported[list(columns)].rename(columns=columns)
    frame["States"] = frame["States"].str.replace("+", " + ")
    frame["Certified minus reported"] = [
        f"{d:+,} (under the thousands the report gave)" if rounding else f"{d:+,}"
        for d, rounding in zip(reported["difference"], reported["within_rounding"], strict=True)
    ]
    return Table(
        frame=frame,
        caption="Trump's lead as reported in the news and as certified "
        "(from canvass.reported_vs_certified).",
        table_id="reported",
        formats={"Reported on": "{:%d %b %Y}", "Certified margin": "{:,}"},
        secondary=("Reported on",),
    )


def close_calls_table(years: Sequence[int] = editorial.CLOSE_CALL_YEARS, closest: int = 3) -> Table:
    """Each year's closest state contests, and the fewest voters who could have reversed it.

    For each year, the ``closest`` contests by margin as a share of the votes cast
    (:func:`explainers.contests.contest_by_rank`), and the fewest voters whose switch, in the
    cheapest set of states the winner carried, would have given the runner-up a majority of the
    electoral votes (:func:`explainers.electoral.cheapest_flip`).
    """
    rows = []
    for year in years:
        flip = electoral.cheapest_flip(year, "switch")
        near = [contests.contest_by_rank(year, rank) for rank in range(1, closest + 1)]
        rows.append(
            {
                "Year": year,
                "Closest contests (margin in votes, % of votes cast)": "; ".join(
                    f"{c.state.title()} {c.margin:,} ({c.margin_pct:.2f}%)" for c in near
                ),
                "Fewest voters to switch": flip.cost,
                "In": ", ".join(flip.states),
                "Winner": contests.display_name(flip.winner),
            }
        )
    return Table(
        frame=pd.DataFrame(rows),
        caption=(
            f"The {closest} closest state contests of each year, ranked by margin as a share of "
            "the votes cast (so a small state's few hundred votes can rank after a larger margin "
            "in votes), and the fewest voters whose "
            "switch would have given the runner-up a majority of the electoral votes, with the "
            "states they would have had to be in (contests.contest_by_rank, "
            "electoral.cheapest_flip)."
        ),
        table_id="close-calls",
        formats={"Fewest voters to switch": "{:,}"},
        secondary=("Winner",),
    )

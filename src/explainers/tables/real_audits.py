"""The Audits in Practice chapter's tables: Colorado's discrepancies, Georgia's count and counties."""

from __future__ import annotations

import pandas as pd

from explainers import bibliography, colorado, georgia
from explainers.tables import Table

__all__ = [
    "discrepancy_contests_table",
    "discrepancy_reasons_table",
    "georgia_counties_table",
    "georgia_lead_table",
]


def _found(row: pd.Series) -> str:
    """``"1 two-vote over; 2 two-vote under"``: the discrepancies found, by kind."""
    kinds = colorado.DISCREPANCY_NAMES.items()
    return "; ".join(f"{int(row[kind])} {name}" for kind, name in kinds if row[kind])


def discrepancy_contests_table() -> Table:
    """The targeted contests where the audit found discrepancies, and how each changed the sample."""
    table = colorado.targeted()
    table = table[table["found"] > 0]
    risk = "/".join(f"{100 * r:g}%" for r in sorted(table["risk_limit"].unique()))
    frame = pd.DataFrame(
        {
            "Contest": table["contest"],
            "Diluted margin": table["diluted_margin"],
            "Found": [_found(row) for _, row in table.iterrows()],
            "Estimate before": table["first_estimate"],
            "After round 3": table["state_sample"],
            "Cards examined": table["audited"],
            "Risk limit met": table["state_met"].map({True: "yes", False: "not yet"}),
        }
    )
    return Table(
        frame=frame,
        caption=(
            f"The contests Colorado audited to its {risk} risk limit in 2024 in which the audit "
            "boards found discrepancies (one- and two-vote overstatements and understatements): "
            "the cards the state's software estimated before the audit and after round 3, and the "
            "cards examined; the package's comparison_sample_size gives the same two estimates "
            "(colorado.targeted)."
        ),
        table_id="co-discrepancy-contests",
        formats={"Diluted margin": "{:.1%}"},
        secondary=("Diluted margin", "Cards examined", "Risk limit met"),
    )


def discrepancy_reasons_table() -> Table:
    """The discrepancy report: how many records, ballot cards and counties give each reason."""
    table = colorado.discrepancy_reasons()
    frame = pd.DataFrame(
        {
            "Most probable reason (the state's finding)": table["reason"],
            "Ballot cards": table["cards"],
            "Records": table["records"],
            "Counties": table["counties"],
        }
    )
    return Table(
        frame=frame,
        caption=(
            "Colorado's 2024 discrepancy report, by the most probable reason the state's Voting "
            "Systems team found from the card's image: a card whose record differs from the paper "
            "in several contests has a record for each (colorado.discrepancy_reasons)."
        ),
        table_id="co-discrepancy-reasons",
        secondary=("Counties",),
    )


def georgia_lead_table() -> Table:
    """Biden's lead in Georgia at each stage, dated, with its source as the References page labels it."""
    stages = georgia.lead_stages()
    frame = pd.DataFrame(
        {
            "Date": stages["date"].dt.strftime("%d %b").str.lstrip("0"),
            "Stage": stages["stage"],
            "Biden's lead": stages["lead"],
            "Source": stages["source"].map(
                lambda keys: bibliography.labels(keys.replace(",", ";"))
            ),
        }
    )
    return Table(
        frame=frame,
        caption=(
            "Biden's lead over Trump in Georgia, November and December 2020, from the "
            "announcement of the hand count to recertification (georgia.lead_stages; sources in "
            "the References)."
        ),
        table_id="ga-lead",
        formats={"Biden's lead": "{:,}"},
        secondary=("Source",),
    )


def georgia_counties_table(n: int = 8) -> Table:
    """The ``n`` counties whose hand count differed most from the official count of the votes.

    Raises
    ------
    ValueError
        If ``n`` is not a whole number of at least 1.
    """
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise ValueError(f"n must be a whole number of counties, at least 1, got {n!r}")
    table = georgia.county_differences().head(n)
    frame = pd.DataFrame(
        {
            "County": table["county"],
            "Official": table["official"],
            "Hand count": table["hand"],
            "Difference": table["difference"],
        }
    )
    return Table(
        frame=frame,
        caption=(
            f"The {n} Georgia counties where the hand count of the votes for the three candidates "
            "differed most from the official results (georgia.county_differences)."
        ),
        table_id="ga-counties",
        formats={"Official": "{:,}", "Hand count": "{:,}", "Difference": "{:+,}"},
    )

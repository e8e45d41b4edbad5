"""The Florida 2000 chapter's tables: the lead as reported, the reviews' outcomes, the butterfly models."""

from __future__ import annotations

import pandas as pd

from explainers import butterfly, florida
from explainers.tables import Table

__all__ = ["count_table", "models_table", "reviews_table"]


def count_table() -> Table:
    """Bush's lead at each reported stage, who reported it, and the source's key."""
    stages = florida.count_stages()
    frame = pd.DataFrame(
        {
            "Date": stages["date"].dt.strftime("%d %b").str.lstrip("0"),
            "Stage": stages["stage"].str.capitalize(),
            "Reported by": stages["reported_by"],
            "Bush's lead": stages["bush_lead"],
            "Source": stages["source"],
        }
    )
    return Table(
        frame=frame,
        caption=(
            "Bush's lead in Florida as it was reported, November and December 2000; where the "
            "state and the press gave different figures for the same stage, both are shown "
            "(florida.count_stages, from data/fl_2000_count.csv; sources in the References)."
        ),
        table_id="fl-count",
        formats={"Bush's lead": "{:,}"},
        secondary=("Reported by", "Source"),
    )


def reviews_table() -> Table:
    """Who would have led under each rule of the two reviews, and by how much."""
    table = florida.review_outcomes()
    frame = pd.DataFrame(
        {
            "Review": table["review"].map(florida.REVIEW_SHORT_NAMES),
            "Ballots counted": table["ballots"].str.capitalize(),
            "Standard": table["standard"],
            "Ahead": table["leader"],
            "By (votes)": table["margin"],
        }
    )
    return Table(
        frame=frame,
        caption=(
            "Who would have led Florida had the rejected ballots been counted, under each rule of "
            "the two reviews, as their sponsors reported it; the certified result was Bush by "
            f"{florida.certified_lead()} (florida.review_outcomes)."
        ),
        table_id="fl-reviews",
        formats={"By (votes)": "{:,}"},
        secondary=("Review",),
    )


def models_table() -> Table:
    """Palm Beach under each model: Buchanan's count, the prediction, its interval, the excess."""
    table = butterfly.model_comparison()
    frame = pd.DataFrame(
        {
            "Predicted from": table["label"],
            "Predicted": table["predicted"],
            "95% interval": [
                f"{lo:,.0f} to {hi:,.0f}"
                for lo, hi in zip(table["low"], table["high"], strict=True)
            ],
            "Excess, at least": table["excess_low"],
            "Excess, at most": table["excess_high"],
        }
    )
    actual = int(table["actual"].iloc[0])
    return Table(
        frame=frame,
        caption=(
            f"Buchanan's {actual:,} votes in Palm Beach County against what each model, fitted to "
            "the other 66 counties, predicts; the excess is the count minus the prediction "
            "interval's upper and lower ends (butterfly.model_comparison)."
        ),
        table_id="fl-butterfly-models",
        formats={
            "Predicted": "{:,.0f}",
            "Excess, at least": "{:,.0f}",
            "Excess, at most": "{:,.0f}",
        },
        secondary=("95% interval",),
    )

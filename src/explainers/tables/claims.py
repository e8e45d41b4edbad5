"""The Claims chapter's tables: the naive comparison at both levels, and the recount by equipment."""

from __future__ import annotations

import pandas as pd

from explainers import claims
from explainers.tables import Table

__all__ = ["naive_table", "recount_table"]

_GROUP = {True: claims.RECOUNT_GROUPS[0], False: claims.RECOUNT_GROUPS[1]}


def naive_table() -> Table:
    """Clinton's share where DREs were present and where not, by county and by municipality."""
    rows = []
    for level in claims.LEVELS:
        comparison = claims.naive_comparison(level)
        for dre, row in comparison.iterrows():
            rows.append(
                {
                    "Unit": f"{level}: {_GROUP[bool(dre)]}",
                    "Units": int(row["units"]),
                    "Ballots": int(row["ballots"]),
                    "Clinton, average of units (%)": row["mean_clinton_pct"],
                    "Clinton, all ballots together (%)": row["pooled_clinton_pct"],
                    "Change since 2012, average (points)": (
                        f"{row['mean_change_pct']:+.1f}" if level == "county" else "no 2012 data"
                    ),
                }
            )
    frame = pd.DataFrame(rows)
    return Table(
        frame=frame,
        caption=(
            "Clinton's 2016 share where DREs were present and where they were not, with no "
            "controls: a county counts as a DRE county when most of its ballots were cast in "
            "municipalities with a DRE; change since 2012 is Clinton's share minus Obama's, "
            "counties only (claims.naive_comparison)."
        ),
        table_id="claims-naive",
        formats={
            "Units": "{:,}",
            "Ballots": "{:,}",
            "Clinton, average of units (%)": "{:.1f}",
            "Clinton, all ballots together (%)": "{:.1f}",
        },
        secondary=("Ballots", "Clinton, all ballots together (%)"),
    )


def recount_table() -> Table:
    """What the December 2016 recount changed where DREs were present, and where not."""
    table = claims.recount_by_equipment().reset_index()
    frame = pd.DataFrame(
        {
            "Reporting units": table["group"],
            "Units": table["units"],
            "Ballots": table["ballots"],
            "Units changed": table["units_changed"],
            "Trump": table["trump_change"],
            "Clinton": table["clinton_change"],
            "Clinton minus Trump": table["clinton_net"],
            "Per 100,000 ballots": table["net_per_100k"],
        }
    )
    return Table(
        frame=frame,
        caption=(
            "What the recount changed, in reporting units whose municipality had a DRE and in the "
            "others: votes gained by each candidate and the net change (negative: Trump's lead "
            "grew) (claims.recount_by_equipment)."
        ),
        table_id="claims-recount",
        formats={
            "Units": "{:,}",
            "Ballots": "{:,}",
            "Units changed": "{:,}",
            "Trump": "{:+,}",
            "Clinton": "{:+,}",
            "Clinton minus Trump": "{:+,}",
            "Per 100,000 ballots": "{:+.1f}",
        },
        secondary=("Units", "Units changed", "Trump", "Clinton"),
    )

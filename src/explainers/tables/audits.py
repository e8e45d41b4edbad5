"""The Audits chapter's tables: what each method examines for the chapter's contests, and the wards."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from explainers import audits, book, contests, recounts
from explainers.tables import Table

__all__ = ["audit_size_table", "ward_table"]


def audit_size_table(
    risk_limit: float = 0.1, contest_list: Sequence[tuple[int, str]] = book.FOCUS_CONTESTS
) -> Table:
    """Ballots each method examines for each contest (:func:`explainers.audits.audit_sizes`)."""
    sizes = [audits.audit_sizes(contests.contest(y, s), risk_limit) for y, s in contest_list]
    frame = pd.DataFrame(
        {
            "Contest": [a.contest for a in sizes],
            "Diluted margin": [a.diluted_margin for a in sizes],
            "Comparison": [a.comparison for a in sizes],
            "Ballot polling (avg.)": [
                "full count" if a.polling_is_full_count else f"{a.polling:,}" for a in sizes
            ],
            "Hand count": [a.ballots for a in sizes],
        }
    )
    return Table(
        frame=frame,
        caption=(
            f"Ballots examined at a {risk_limit:.0%} risk limit when the count is right: by a "
            "comparison audit, a ballot-polling audit (on average) and a full hand count "
            "(from audits.audit_sizes)."
        ),
        table_id="audit-sizes",
        formats={
            "Diluted margin": "{:.3%}",
            "Comparison": "{:,}",
            "Hand count": "{:,}",
        },
        secondary=("Diluted margin", "Hand count"),
    )


def ward_table(n: int = 10, wards: pd.DataFrame | None = None) -> Table:
    """The ``n`` Wisconsin reporting units whose recount changed Trump's lead the most."""
    wards = recounts.ward_changes() if wards is None else wards
    order = wards["margin_change"].abs().sort_values(ascending=False, kind="stable").index[:n]
    top = wards.loc[order]
    frame = pd.DataFrame(
        {
            "County": top["county"].str.title(),
            "Reporting unit": top["reporting_unit"],
            "Trump": top["trump_change"],
            "Clinton": top["clinton_change"],
            "Change in Trump's lead": top["margin_change"],
            "All votes": top["total_change"],
        }
    )
    return Table(
        frame=frame.reset_index(drop=True),
        caption=f"The {n} reporting units with the largest changes (recount minus canvass).",
        table_id="wards",
        formats={c: "{:+,}" for c in ("Trump", "Clinton", "Change in Trump's lead", "All votes")},
        secondary=("County", "Trump", "Clinton", "All votes"),
    )

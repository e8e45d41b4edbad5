"""The Audits chapter's tables: what each method examines for the chapter's contests, and the wards."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from explainers import audits, contests, editorial, recounts, states
from explainers.tables import Table

__all__ = ["audit_size_table", "recount_events_table", "recount_rules_table", "ward_table"]


def audit_size_table(
    risk_limit: float = 0.1, contest_list: Sequence[tuple[int, str]] = editorial.FOCUS_CONTESTS
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


def recount_rules_table() -> Table:
    """Each state's 2016 recount rules, and whether its 2016 margin triggered an automatic recount."""
    rules = recounts.recount_rules().pivot(index="state_po", columns="rule", values="summary")
    frame = pd.DataFrame(
        {
            "State": [states.STATES[s] for s in rules.index],
            "Automatic recount": rules["automatic"].to_list(),
            "Who may ask": rules["request"].to_list(),
            "Who pays": rules["cost"].to_list(),
            "2016 margin": [contests.contest(2016, s).margin for s in rules.index],
            "Automatic in 2016?": [
                "yes" if recounts.automatic_recount(contests.contest(2016, s)) else "no"
                for s in rules.index
            ],
        }
    )
    return Table(
        frame=frame,
        caption=(
            "Recount rules in force in November 2016 (data/recount_rules_2016.csv: each rule "
            "summarized from a quoted source), and the certified 2016 presidential margin in votes."
        ),
        table_id="recount-rules",
        formats={"2016 margin": "{:,}"},
        secondary=("Who may ask", "Who pays", "2016 margin"),
    )


def recount_events_table() -> Table:
    """The 2016 requests in Wisconsin, Michigan and Pennsylvania, in date order."""
    events = recounts.recount_events()
    frame = pd.DataFrame(
        {
            "Date": [f"{d:%-d %b %Y}" for d in events["date"]],
            "State": [states.STATES[s] for s in events["state_po"]],
            "What happened": events["event"],
        }
    )
    return Table(
        frame=frame,
        caption="The 2016 recount requests, event by event (data/recount_events_2016.csv).",
        table_id="recount-events",
    )

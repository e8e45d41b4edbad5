"""Colorado's 2024 risk-limiting audit, reproduced with the book's own audit mathematics.

Colorado audits every general election with a ballot-level comparison audit: its software
(ColoradoRLA) compares randomly chosen paper ballot cards with the voting system's record of each.
The state's exports (``data/co_2024_rla_*.csv``) give, for every contest, the ballot cards, the
smallest margin, the risk limit, the discrepancies found and the number of cards the software
estimated. This module recomputes the state's figures with :mod:`explainers.audits`:

- :func:`reproduction` sets the package's sample size beside the state's for every contest with a
  margin, and (after round 3) the package's verdict beside the state's;
- :func:`targeted` keeps the 65 contests the state audited to its risk limit (two statewide, one
  chosen in each county), and :func:`presidential` the presidential contest;
- :func:`discrepancy_records` lists what the audit boards recorded as discrepancies, and
  :func:`discrepancy_reasons` counts them by the reason the state found most probable;
- :func:`audit_summary` and :func:`report_summary` give the counts the chapter quotes.

The diluted margin is ``min_margin / ballot_card_count``: the smallest margin between a winner and a
loser over all the cards in the counties that hold the contest, as the state's software computes it.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from explainers import audits, data
from explainers.caching import on_data

__all__ = [
    "DISCREPANCY_KINDS",
    "DISCREPANCY_NAMES",
    "PRESIDENTIAL",
    "AuditSummary",
    "Presidential",
    "ReportSummary",
    "audit_summary",
    "discrepancy_reasons",
    "discrepancy_records",
    "presidential",
    "report_summary",
    "reproduction",
    "targeted",
]

#: The state's name for the presidential contest.
PRESIDENTIAL = "Presidential Electors"

#: The discrepancy columns of the state's file, as the keyword arguments of the package's functions.
DISCREPANCY_KINDS = {
    "o1": "one_vote_over_count",
    "o2": "two_vote_over_count",
    "u1": "one_vote_under_count",
    "u2": "two_vote_under_count",
}

#: How the book names each kind of discrepancy, by keyword (a table's words, kept short).
DISCREPANCY_NAMES = {
    "o1": "one-vote over",
    "o2": "two-vote over",
    "u1": "one-vote under",
    "u2": "two-vote under",
}

#: The audit reasons of the contests the state chose to audit to the risk limit.
_TARGETED_REASONS = ("state_wide_contest", "county_wide_contest")


def _found(row: pd.Series) -> dict[str, int]:
    return {kind: int(row[column]) for kind, column in DISCREPANCY_KINDS.items()}


@on_data
def reproduction(round_number: int = 3) -> pd.DataFrame:
    """Every contest with a margin: the state's sample size and verdict beside the package's.

    Columns: ``contest``, ``reason`` (the state's audit reason), ``diluted_margin``,
    ``risk_limit``, ``audited`` (cards examined), the discrepancy counts ``o1``, ``o2``, ``u1``,
    ``u2`` and their sum ``found``, ``ballot_cards`` and ``gamma`` (the state's inputs),
    ``state_sample`` (the software's ``optimistic_samples_to_audit``), ``package_sample``
    (:func:`explainers.audits.comparison_sample_size` with the same inputs), ``p_value``
    (:func:`explainers.audits.kaplan_markov_p_value` of the cards examined), ``package_met`` (the
    P-value is at most the risk limit), ``state_met`` (the state's status is
    ``risk_limit_achieved``) and ``status``. Contests whose margin is 0 (no winner to confirm; the
    state marks them ``not_auditable``) are left out.
    """
    contests = data.co_2024_rla_contests(round_number)
    contests = contests[contests["min_margin"] > 0]
    rows = []
    for _, row in contests.iterrows():
        mu = audits.diluted_margin(int(row["min_margin"]), int(row["ballot_card_count"]))
        found = _found(row)
        risk, gamma = float(row["risk_limit"]), float(row["gamma"])
        p_value = audits.kaplan_markov_p_value(
            mu, int(row["audited_sample_count"]), gamma=gamma, **found
        )
        rows.append(
            {
                "contest": row["contest_name"],
                "reason": row["audit_reason"],
                "diluted_margin": mu,
                "risk_limit": risk,
                "audited": int(row["audited_sample_count"]),
                **found,
                "found": sum(found.values()),
                "ballot_cards": int(row["ballot_card_count"]),
                "gamma": gamma,
                "state_sample": int(row["optimistic_samples_to_audit"]),
                "package_sample": audits.comparison_sample_size(mu, risk, gamma=gamma, **found),
                "p_value": p_value,
                "package_met": p_value <= risk,
                "state_met": row["random_audit_status"] == "risk_limit_achieved",
                "status": row["random_audit_status"],
            }
        )
    return pd.DataFrame(rows)


@on_data
def targeted() -> pd.DataFrame:
    """The 65 contests the state audited to its risk limit, with their round-1 and round-3 sizes.

    The columns of :func:`reproduction` after round 3, plus ``first_estimate``: the sample the
    software estimated in round 1, before any card was examined. Sorted by diluted margin, the
    closest first.
    """
    final = reproduction(3)
    final = final[final["reason"].isin(_TARGETED_REASONS)]
    first = reproduction(1).set_index("contest")["state_sample"].rename("first_estimate")
    return (
        final.join(first, on="contest")
        .sort_values("diluted_margin", kind="stable")
        .reset_index(drop=True)
    )


@dataclass(frozen=True)
class Presidential:
    """Colorado's 2024 presidential contest as the audit saw it (:func:`presidential`)."""

    winner: str
    runner_up: str
    winner_votes: int
    runner_up_votes: int
    margin: int
    ballot_cards: int
    diluted_margin: float
    risk_limit: float
    sample: int
    audited: int
    discrepancies: int
    p_value: float
    met: bool


@on_data
def presidential() -> Presidential:
    """The presidential contest: its tally, margin, the cards the audit needed and examined.

    The top two choices come from the state's tabulation (``co_2024_rla_tabulation``); their
    difference must be the contest file's margin.

    Raises
    ------
    data.DataValidationError
        If the tabulation has no clear winner and runner-up (fewer than two choices, or a tie for
        first or second), or its margin differs from the contest file's.
    """
    tally = data.co_2024_rla_tabulation()
    tally = tally[tally["contest_name"] == PRESIDENTIAL].sort_values(
        "votes", ascending=False, kind="stable"
    )
    votes = list(tally["votes"].head(3))
    if len(votes) < 2 or votes[0] == votes[1] or (len(votes) == 3 and votes[1] == votes[2]):
        raise data.DataValidationError(
            f"co_2024_rla_tabulation.csv: the presidential contest needs a clear winner and "
            f"runner-up, found the leading counts {votes}"
        )
    (winner, winner_votes), (runner_up, runner_up_votes) = tally[["choice", "votes"]].head(2).values
    cards = data.co_2024_rla_contests(3).set_index("contest_name").loc[PRESIDENTIAL]
    margin = int(winner_votes - runner_up_votes)
    if margin != int(cards["min_margin"]):
        raise data.DataValidationError(
            f"co_2024_rla_tabulation.csv gives the presidential margin as {margin:,}; "
            f"the contest file as {int(cards['min_margin']):,}"
        )
    row = reproduction(3).set_index("contest").loc[PRESIDENTIAL]
    return Presidential(
        winner=str(winner),
        runner_up=str(runner_up),
        winner_votes=int(winner_votes),
        runner_up_votes=int(runner_up_votes),
        margin=margin,
        ballot_cards=int(cards["ballot_card_count"]),
        diluted_margin=float(row["diluted_margin"]),
        risk_limit=float(row["risk_limit"]),
        sample=int(row["package_sample"]),
        audited=int(row["audited"]),
        discrepancies=int(row["found"]),
        p_value=float(row["p_value"]),
        met=bool(row["package_met"]),
    )


@on_data
def discrepancy_records() -> pd.DataFrame:
    """The state's discrepancy report, each record with its card and whether its contest was targeted.

    The report's columns (:func:`explainers.data.co_2024_rla_discrepancies`), plus ``card`` (the
    county and the imprinted ID: an ID names a card only within its county) and ``targeted``
    (the contest is one of :func:`targeted`'s, matched by name: the report marks the targeted
    county contests but leaves the two statewide ones ``N/A``).
    """
    report = data.co_2024_rla_discrepancies()
    names = set(targeted()["contest"])
    return report.assign(
        card=report["county_name"] + " " + report["imprinted_id"],
        targeted=report["contest_name"].isin(names),
    )


@on_data
def discrepancy_reasons() -> pd.DataFrame:
    """What the audit boards recorded as discrepancies, by the reason the state found most probable.

    One row per reason (the report's own words), most cards first: ``records`` (rows of the report:
    a card with several contests in discrepancy has a row for each), ``cards`` (distinct ballot
    cards), ``counties``, and ``targeted`` (records in a targeted contest).
    """
    grouped = discrepancy_records().groupby("reason")
    return (
        pd.DataFrame(
            {
                "records": grouped.size(),
                "cards": grouped["card"].nunique(),
                "counties": grouped["county_name"].nunique(),
                "targeted": grouped["targeted"].sum().astype(int),
            }
        )
        .rename_axis("reason")
        .reset_index()
        .sort_values(["cards", "records"], ascending=False, kind="stable")
        .reset_index(drop=True)
    )


@dataclass(frozen=True)
class AuditSummary:
    """The counts the chapter gives of the reproduction (:func:`audit_summary`)."""

    contests: int
    with_margin: int
    same_first: int
    same_final: int
    same_verdict: int
    met: int
    examined: int
    targeted: int
    targeted_met: int
    statewide: int
    county: int
    with_discrepancies: int


@on_data
def audit_summary() -> AuditSummary:
    """How many contests the package and the state agree on, and what the targeted ones were.

    ``same_first`` and ``same_final`` count the contests whose sample size the package reproduces
    in rounds 1 and 3, ``same_verdict`` those whose verdict it reaches after round 3; ``examined``
    the contests with a card examined (for the others agreement is trivial); ``with_discrepancies``
    the targeted contests whose file counts a discrepancy.
    """
    first, final, chosen = reproduction(1), reproduction(3), targeted()
    return AuditSummary(
        contests=len(data.co_2024_rla_contests(3)),
        with_margin=len(final),
        same_first=int((first["package_sample"] == first["state_sample"]).sum()),
        same_final=int((final["package_sample"] == final["state_sample"]).sum()),
        same_verdict=int((final["package_met"] == final["state_met"]).sum()),
        met=int(final["state_met"].sum()),
        examined=int((final["audited"] > 0).sum()),
        targeted=len(chosen),
        targeted_met=int(chosen["state_met"].sum()),
        statewide=int(chosen["reason"].eq("state_wide_contest").sum()),
        county=int(chosen["reason"].eq("county_wide_contest").sum()),
        with_discrepancies=int((chosen["found"] > 0).sum()),
    )


@dataclass(frozen=True)
class ReportSummary:
    """The counts the chapter gives of the discrepancy report (:func:`report_summary`)."""

    records: int
    cards: int
    counties: int
    targeted_records: int
    targeted_contests: int
    presidential_records: int
    county_contest_reasons: tuple[str, ...]


@on_data
def report_summary() -> ReportSummary:
    """The discrepancy report in numbers: records, cards, counties, and those of targeted contests.

    ``county_contest_reasons`` are the reasons the state gave for the records in the targeted
    county contests (in 2024, one: ``Wrong Ballot``).
    """
    records = discrepancy_records()
    chosen = targeted()
    county = set(chosen.loc[chosen["reason"] == "county_wide_contest", "contest"])
    in_targeted = records[records["targeted"]]
    return ReportSummary(
        records=len(records),
        cards=records["card"].nunique(),
        counties=records["county_name"].nunique(),
        targeted_records=len(in_targeted),
        targeted_contests=in_targeted["contest_name"].nunique(),
        presidential_records=int(records["contest_name"].eq(PRESIDENTIAL).sum()),
        county_contest_reasons=tuple(
            sorted(records.loc[records["contest_name"].isin(county), "reason"].unique())
        ),
    )

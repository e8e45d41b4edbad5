"""Georgia's 2020 presidential audit: a full hand count set beside the machine count it checked.

Georgia's audit of the 2020 presidential contest was run in its audit software (Arlo) as a
ballot-polling audit at a 10% risk limit whose sample was every ballot cast: a hand count of about
five million ballots. The state's report (``data/ga_2020_audit_report.csv``) holds the machine
count the audit checked, the hand count's totals and every batch's hand-tallied votes; a
comparison made from the state's results and that report gives, per county, the votes for the
three candidates in each (``data/ga_2020_ballots_cast_by_county.csv``).

- :func:`counts` sets the machine count beside the hand count, candidate by candidate;
- :func:`county_differences` gives, per county, the hand count minus the official count of the
  votes for the three candidates, and :func:`county_summary` counts them;
- :func:`lead_stages` gives Biden's lead at each stage, from the announcement to recertification;
- :func:`polling_expectation` is what a ballot-polling audit (BRAVO) at a chosen risk limit
  would be expected to examine at the machine count's margin, with the comparison audit's size
  beside it.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from explainers import audits, contests, data
from explainers.caching import on_data
from explainers.facts import figure

__all__ = [
    "CANDIDATES",
    "CountySummary",
    "PollingExpectation",
    "counts",
    "county_differences",
    "county_summary",
    "lead_stages",
    "polling_expectation",
    "votes_added",
]

#: The three candidates on Georgia's 2020 presidential ballot, as the audit report names them.
CANDIDATES = ("Joseph R. Biden", "Donald J. Trump", "Jo Jorgensen")


@on_data
def counts() -> pd.DataFrame:
    """The machine count the audit checked and the hand count, for each candidate and the margin.

    One row per candidate, then ``Margin`` (Biden minus Trump); columns ``machine``, ``hand`` and
    ``change`` (hand minus machine).
    """
    audit = data.ga_2020_audit()
    rows = {name: (audit.tabulated[name], audit.audited[name]) for name in CANDIDATES}
    biden, trump = rows["Joseph R. Biden"], rows["Donald J. Trump"]
    rows["Margin"] = (biden[0] - trump[0], biden[1] - trump[1])
    frame = pd.DataFrame.from_dict(rows, orient="index", columns=["machine", "hand"])
    frame["change"] = frame["hand"] - frame["machine"]
    return frame.rename_axis("line")


def votes_added() -> int:
    """Votes for the three candidates the hand count found beyond the machine count it checked."""
    return int(counts().loc[list(CANDIDATES), "change"].sum())


@on_data
def county_differences() -> pd.DataFrame:
    """Per county, the votes for the three candidates: the official results against the hand count.

    Columns ``county``, ``official``, ``hand`` and ``difference`` (hand minus official), largest
    difference in size first. The hand count's side is checked against the state's batches in the
    tests (they add up to it in every county).
    """
    frame = data.ga_2020_counties()
    frame = frame[frame["County"] != "ALL"]
    out = pd.DataFrame(
        {
            "county": frame["County"].to_numpy(),
            "official": frame["Ofc-TBJ"].to_numpy(),
            "hand": frame["RLA-TBJ"].to_numpy(),
        }
    )
    out["difference"] = out["hand"] - out["official"]
    order = out["difference"].abs().sort_values(ascending=False, kind="stable").index
    return out.loc[order].reset_index(drop=True)


@dataclass(frozen=True)
class CountySummary:
    """The counties in numbers (:func:`county_summary`)."""

    counties: int
    unchanged: int
    within_ten: int
    change: int


def county_summary() -> CountySummary:
    """How many counties the hand count left unchanged or within ten votes, and the total change.

    ``change`` is the hand count minus the official (certified) results, summed over the counties;
    it differs from the change against the audit report's machine count, which :func:`counts`
    gives, because the two official counts differ.
    """
    diffs = county_differences()
    return CountySummary(
        counties=len(diffs),
        unchanged=int((diffs["difference"] == 0).sum()),
        within_ten=int((diffs["difference"].abs() <= 10).sum()),
        change=int(diffs["difference"].sum()),
    )


@dataclass(frozen=True)
class PollingExpectation:
    """What a sample-based audit of Georgia's machine count would have examined (see below)."""

    risk_limit: float
    ballots: int
    diluted_margin: float
    polling: int
    comparison: int


def polling_expectation(risk_limit: float = 0.10) -> PollingExpectation:
    """The ballots a ballot-polling audit (on average) and a comparison audit would examine.

    At the machine count's margin and shares (:func:`explainers.audits.bravo_asn` with the share of
    ballots for neither leading candidate; :func:`explainers.audits.comparison_sample_size` with no
    discrepancies), each capped at the ballots cast.

    Raises
    ------
    TypeError, ValueError
        On a risk limit that is not a number in (0, 1).

    Examples
    --------
    >>> polling_expectation(0.10).comparison
    1881
    """
    alpha = audits.check_risk_limit(risk_limit)
    audit = data.ga_2020_audit()
    biden, trump = audit.tabulated["Joseph R. Biden"], audit.tabulated["Donald J. Trump"]
    ballots = audit.ballots_cast
    mu = audits.diluted_margin(biden - trump, ballots)
    polling = audits.bravo_asn(
        biden / (biden + trump), alpha, other_share=1 - (biden + trump) / ballots
    )
    return PollingExpectation(
        risk_limit=alpha,
        ballots=ballots,
        diluted_margin=mu,
        polling=min(polling, ballots),
        comparison=min(audits.comparison_sample_size(mu, alpha), ballots),
    )


@on_data
def lead_stages() -> pd.DataFrame:
    """Biden's lead in Georgia at each stage from the announcement of the audit to recertification.

    Columns ``date``, ``stage``, ``lead`` and ``source`` (a bibliography key). The audit report
    gives the machine count it checked and the hand count; the news reports quoted in
    ``data/cited_figures.csv`` the lead when the audit was announced and at certification; the
    MIT Election Lab's returns the final, recertified result.
    """
    machine, hand = counts().loc["Margin", ["machine", "hand"]]
    reported = data.ga_2020_audit().end.strftime("%Y-%m-%d")  # the day the audit's round closed
    announced, certified = figure("ga_lead_announced"), figure("ga_lead_certified")
    rows = [
        (
            "2020-11-11",
            "Unofficial count, when the hand count was announced",
            announced.value,
            announced.source,
        ),
        (reported, "Machine count, as the audit's report gives it", machine, "gasos2020audit"),
        (reported, "Hand count of every ballot (the audit)", hand, "gasos2020audit"),
        ("2020-11-20", "Certified by the Secretary of State", certified.value, certified.source),
        (
            "2020-12-07",
            "Recertified after the machine recount the Trump campaign requested",
            contests.contest(2020, "GA").margin,
            "medsl2017president, ap2020garecertifies",
        ),
    ]
    frame = pd.DataFrame(rows, columns=["date", "stage", "lead", "source"])
    frame["date"] = pd.to_datetime(frame["date"])
    frame["lead"] = frame["lead"].astype(int)
    return frame

"""How the counts reported in November 2016 compare with the certified results.

Election-night and early counts are unofficial. During the canvass that follows, officials add the
ballots still to be counted (absentee, provisional, late-arriving military and overseas ballots),
reconcile the machine totals with poll books and correct errors; only then are results certified.
The figures quoted in the news in late November 2016 were taken part-way through that process. This
module sets the dated, sourced figures of ``data/reported_counts_nov2016.csv`` beside the certified
ones, so the book can show by how much, and where, the numbers moved.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from explainers import contests, data

__all__ = [
    "REPORTED_ROUNDING",
    "NationalCountChange",
    "ReportedGap",
    "national_count_change",
    "national_sums_vs_official",
    "reported_gap",
    "reported_vs_certified",
    "round_to",
]

#: The reports quoted "about 22,000 votes" and the like: figures given in thousands, so a certified
#: margin less than this far from such a figure is no evidence that the lead changed.
REPORTED_ROUNDING = 1000

_TRUMP = "TRUMP, DONALD J."
_CLINTON = "CLINTON, HILLARY"


def _certified_lead(scope: str) -> int:
    """Trump's certified lead in a state (``"WI"``) or a ``+``-joined group (``"MI+PA+WI"``)."""
    total = 0
    for state in scope.split("+"):
        c = contests.contest(2016, state)
        if c.winner != _TRUMP:
            raise ValueError(
                f"{state}: Trump did not carry it in 2016, so a 'Trump lead' is undefined"
            )
        total += c.margin
    return total


def reported_vs_certified() -> pd.DataFrame:
    """Each reported Trump lead of November 2016 beside the certified margin for the same states.

    Returns
    -------
    pandas.DataFrame
        ``date, scope, reported, approximate, reported_text`` (the figure as the report gave it,
        "about 71,000" where rounded), ``certified, difference`` (certified minus reported),
        ``within_rounding`` (an approximate report less than :data:`REPORTED_ROUNDING` from
        the certified margin: a difference that a figure given in thousands cannot show) and ``source`` (a
        key of the book's bibliography), one row per report.
    """
    reported = data.reported_counts()
    leads = reported[reported["measure"] == "trump_lead"].copy()
    leads["certified"] = [_certified_lead(s) for s in leads["scope"]]
    leads["difference"] = leads["certified"] - leads["value"]
    leads = leads.rename(columns={"value": "reported"})
    leads["reported_text"] = [
        f"about {v:,}" if approx else f"{v:,}"
        for v, approx in zip(leads["reported"], leads["approximate"], strict=True)
    ]
    leads["within_rounding"] = leads["approximate"] & (
        leads["difference"].abs() < REPORTED_ROUNDING
    )
    columns = ["date", "scope", "reported", "approximate", "reported_text", "certified"]
    return leads[[*columns, "difference", "within_rounding", "source"]].reset_index(drop=True)


@dataclass(frozen=True)
class NationalCountChange:
    """The national count on a reported date against the FEC's certified totals."""

    date: pd.Timestamp
    source: str
    clinton_reported: int
    trump_reported: int
    clinton_certified: int
    trump_certified: int

    @property
    def clinton_added(self) -> int:
        """Votes for Clinton counted after the reported date."""
        return self.clinton_certified - self.clinton_reported

    @property
    def trump_added(self) -> int:
        """Votes for Trump counted after the reported date."""
        return self.trump_certified - self.trump_reported

    @property
    def lead_reported(self) -> int:
        """Clinton's national popular-vote lead on the reported date."""
        return self.clinton_reported - self.trump_reported

    @property
    def lead_certified(self) -> int:
        """Clinton's certified national popular-vote lead."""
        return self.clinton_certified - self.trump_certified


def national_count_change() -> NationalCountChange:
    """The national count reported in November 2016 against the FEC's certified 2016 totals."""
    reported = data.reported_counts()
    national = reported[reported["scope"] == "national"]
    measures = sorted(national["measure"])
    if measures != ["clinton_votes", "trump_votes"] or national["date"].nunique() != 1:
        raise ValueError(
            "data/reported_counts_nov2016.csv must hold exactly one national count for each of "
            "Clinton and Trump, reported on the same date"
        )
    national = national.set_index("measure")
    official = data.official_totals()
    official = official[(official["year"] == 2016) & (official["scope"] == "national")]
    certified = official.set_index("candidate")["votes"]
    return NationalCountChange(
        date=pd.Timestamp(national.loc["clinton_votes", "date"]),
        source=str(national.loc["clinton_votes", "source"]),
        clinton_reported=int(national.loc["clinton_votes", "value"]),
        trump_reported=int(national.loc["trump_votes", "value"]),
        clinton_certified=int(certified[_CLINTON]),
        trump_certified=int(certified[_TRUMP]),
    )


def national_sums_vs_official(year: int = 2016) -> pd.DataFrame:
    """The MIT state rows summed nationally, against the FEC's official totals, per candidate.

    Returns
    -------
    pandas.DataFrame
        Indexed by candidate: ``mit_sum``, ``official``, ``difference`` (MIT minus official),
        ``maryland_writein`` (the candidate's separate write-in rows in Maryland) and
        ``difference_without_maryland_writein``.
    """
    official = data.official_totals()
    official = official[(official["year"] == year) & (official["scope"] == "national")]
    if official.empty:
        raise ValueError(f"no official national totals for {year} in data/official_totals.csv")
    returns = data.president_returns()
    rows = returns[(returns["year"] == year) & returns["candidate"].isin(official["candidate"])]
    md_writein = rows[(rows["state_po"] == "MD") & rows["writein"].fillna(False).astype(bool)]
    missing = set(official["candidate"]) - set(rows["candidate"])
    if missing:
        raise ValueError(f"official candidates with no rows in the MIT file: {sorted(missing)}")
    table = pd.DataFrame(
        {
            "mit_sum": rows.groupby("candidate")["candidatevotes"].sum(),
            "official": official.set_index("candidate")["votes"],
            "maryland_writein": md_writein.groupby("candidate")["candidatevotes"].sum(),
        }
    )
    table["maryland_writein"] = table["maryland_writein"].fillna(0)  # no write-in row: none
    table = table.astype(int)
    table["difference"] = table["mit_sum"] - table["official"]
    table["difference_without_maryland_writein"] = table["difference"] - table["maryland_writein"]
    return table


@dataclass(frozen=True)
class ReportedGap:
    """How far the leads reported on 26 November 2016 were from the certified margins.

    ``combined_*`` is the single figure quoted for Michigan, Pennsylvania and Wisconsin together;
    ``states_*`` adds up the three separate state figures reported the same day.
    """

    combined_reported: int
    combined_certified: int
    states_reported: int
    states_certified: int
    pa_reported: int
    pa_certified: int

    @property
    def combined_shortfall(self) -> int:
        """How much smaller the certified combined margin is than the combined figure quoted."""
        return self.combined_reported - self.combined_certified

    @property
    def states_shortfall(self) -> int:
        """How much smaller the certified margins are than the three state figures added up."""
        return self.states_reported - self.states_certified

    @property
    def sources_apart(self) -> int:
        """How far the combined figure quoted exceeds the three state figures added up."""
        return self.combined_reported - self.states_reported

    @property
    def pa_shortfall(self) -> int:
        """How much smaller Pennsylvania's certified margin is than the lead reported."""
        return self.pa_reported - self.pa_certified


def reported_gap() -> ReportedGap:
    """Sum up :func:`reported_vs_certified` for the three states and the combined figure.

    Only the reports of the day the combined figure was quoted (26 November 2016) count: the
    earlier, larger leads are left out.
    """
    table = reported_vs_certified()
    combined_on = table.loc[table["scope"] == "MI+PA+WI", "date"]
    if len(combined_on) != 1:
        raise ValueError(
            "data/reported_counts_nov2016.csv must hold exactly one combined MI+PA+WI lead, "
            f"found {len(combined_on)}"
        )
    table = table[table["date"] == combined_on.iloc[0]].set_index("scope")
    states = table.loc[["MI", "PA", "WI"]]
    return ReportedGap(
        combined_reported=int(table.loc["MI+PA+WI", "reported"]),
        combined_certified=int(table.loc["MI+PA+WI", "certified"]),
        states_reported=int(states["reported"].sum()),
        states_certified=int(states["certified"].sum()),
        pa_reported=int(table.loc["PA", "reported"]),
        pa_certified=int(table.loc["PA", "certified"]),
    )


def round_to(value: int, step: int = 1000) -> int:
    """Round ``value`` to the nearest multiple of ``step`` (reported leads are rounded that far).

    Examples
    --------
    >>> round_to(26_708), round_to(29_256)
    (27000, 29000)
    """
    if step <= 0:
        raise ValueError(f"step must be positive, got {step}")
    return round(value / step) * step

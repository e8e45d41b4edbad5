"""Recounts: what Wisconsin's December 2016 statewide recount changed.

A recount counts every ballot again. Wisconsin's 2016 presidential recount, requested by the Green
Party candidate and completed in December 2016, is the one statewide recount of that election in
the book's data: the Wisconsin Elections Commission published the canvass and the recount results
ward by ward, and this module compares them, statewide, county by county and ward by ward
(:func:`ward_changes`, :func:`ward_change_summary`): how many reporting units changed at all, how
large the changes were, and where the largest came from.

It also holds the context the book sets that recount in: each state's recount rules in 2016
(:func:`recount_rules`, :func:`automatic_recount`), the three 2016 requests and what became of each
(:func:`recount_events`), and how far other statewide recounts moved a margin
(:func:`recount_shifts`), each row with its source and quotation in ``data/``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from explainers import contests, data

__all__ = [
    "RecountChange",
    "WardChangeSummary",
    "automatic_recount",
    "automatic_threshold",
    "margins_in_recount_changes",
    "recount_events",
    "recount_rules",
    "recount_shift",
    "recount_shifts",
    "unit_name",
    "ward_change_summary",
    "ward_changes",
    "wisconsin_2016_recount",
]

_TRUMP, _CLINTON, _SCATTERING = "Donald J. Trump", "Hillary Clinton", "SCATTERING"


@dataclass(frozen=True)
class RecountChange:
    """Statewide totals at the original canvass and after the recount, and what moved between."""

    trump_canvass: int
    clinton_canvass: int
    total_canvass: int
    trump_recount: int
    clinton_recount: int
    total_recount: int
    scattering_change: int
    counties: int
    counties_margin_changed: int
    largest_county_change: tuple[str, int]

    @property
    def trump_change(self) -> int:
        """Votes the recount added to Trump's count."""
        return self.trump_recount - self.trump_canvass

    @property
    def clinton_change(self) -> int:
        """Votes the recount added to Clinton's count."""
        return self.clinton_recount - self.clinton_canvass

    @property
    def margin_canvass(self) -> int:
        """Trump's lead at the original canvass."""
        return self.trump_canvass - self.clinton_canvass

    @property
    def margin_recount(self) -> int:
        """Trump's lead after the recount."""
        return self.trump_recount - self.clinton_recount

    @property
    def margin_change(self) -> int:
        """Net change in Trump's lead (positive: the recount widened it)."""
        return self.margin_recount - self.margin_canvass

    @property
    def total_change(self) -> int:
        """Change in the number of presidential votes counted."""
        return self.total_recount - self.total_canvass

    @property
    def other_named_change(self) -> int:
        """Change in the votes for every named candidate other than Trump and Clinton."""
        return self.total_change - self.trump_change - self.clinton_change - self.scattering_change


def wisconsin_2016_recount() -> RecountChange:
    """The statewide lines and the county table of the WEC reports, summed up.

    The statewide totals come from ``wi_2016_recount_by_line.csv``; the county counts from
    ``wi_2016_recount_by_county.csv``, whose counties must add up to the same statewide totals.

    Raises
    ------
    ValueError
        If the county table and the statewide lines disagree on any total.
    """
    lines = data.wi_recount_by_line().set_index("line")
    counties = data.wi_recount_by_county()
    sums = counties.sum(numeric_only=True)
    for key, line in (("total", "Total Votes Cast"), ("trump", _TRUMP), ("clinton", _CLINTON)):
        for stage in ("canvass", "recount"):
            if int(sums[f"{key}_{stage}"]) != int(lines.loc[line, stage]):
                raise ValueError(
                    f"the counties' {key} at the {stage} ({int(sums[f'{key}_{stage}']):,}) differs "
                    f"from the statewide line {line!r} ({int(lines.loc[line, stage]):,})"
                )
    biggest = counties.loc[counties["margin_change"].abs().idxmax()]
    return RecountChange(
        trump_canvass=int(lines.loc[_TRUMP, "canvass"]),
        clinton_canvass=int(lines.loc[_CLINTON, "canvass"]),
        total_canvass=int(lines.loc["Total Votes Cast", "canvass"]),
        trump_recount=int(lines.loc[_TRUMP, "recount"]),
        clinton_recount=int(lines.loc[_CLINTON, "recount"]),
        total_recount=int(lines.loc["Total Votes Cast", "recount"]),
        scattering_change=int(lines.loc[_SCATTERING, "change"]),
        counties=len(counties),
        counties_margin_changed=int((counties["margin_change"] != 0).sum()),
        largest_county_change=(str(biggest["county"]).title(), int(biggest["margin_change"])),
    )


def margins_in_recount_changes(
    contest_list: Sequence[tuple[int, str]], change: int | None = None
) -> dict[tuple[int, str], float]:
    """How many times each contest's margin is a recount's net change (Wisconsin 2016's by default).

    Raises
    ------
    ValueError
        If the change is zero (no multiple of it exists).
    """
    change = wisconsin_2016_recount().margin_change if change is None else change
    if change == 0:
        raise ValueError("a recount that changed nothing cannot be a unit of measure")
    return {(y, s): contests.contest(y, s).margin / abs(change) for y, s in contest_list}


def ward_changes() -> pd.DataFrame:
    """Each Wisconsin reporting unit's change in the recount, with checks against the statewide lines.

    Returns
    -------
    pandas.DataFrame
        The columns of :func:`explainers.data.wi_recount_by_ward` plus ``trump_change``,
        ``clinton_change``, ``total_change`` (recount minus canvass), ``margin_change`` (the change
        in Trump's lead) and ``votes_moved`` (``|trump_change| + |clinton_change|``: how many of
        the two candidates' votes the recount added or removed in the unit).

    Raises
    ------
    ValueError
        If the units do not add up to the statewide lines of ``wi_2016_recount_by_line.csv``.
    """
    wards = data.wi_recount_by_ward()
    lines = data.wi_recount_by_line().set_index("line")
    for key, line in (("total", "Total Votes Cast"), ("trump", _TRUMP), ("clinton", _CLINTON)):
        for stage in ("canvass", "recount"):
            summed = int(wards[f"{key}_{stage}"].sum())
            if summed != int(lines.loc[line, stage]):
                raise ValueError(
                    f"the reporting units' {key} at the {stage} ({summed:,}) differs from the "
                    f"statewide line {line!r} ({int(lines.loc[line, stage]):,})"
                )
    for key in ("total", "trump", "clinton"):
        wards[f"{key}_change"] = wards[f"{key}_recount"] - wards[f"{key}_canvass"]
    wards["margin_change"] = wards["trump_change"] - wards["clinton_change"]
    wards["votes_moved"] = wards["trump_change"].abs() + wards["clinton_change"].abs()
    return wards


@dataclass(frozen=True)
class WardChangeSummary:
    """How Wisconsin's recount changed the reporting units (:func:`ward_change_summary`).

    Attributes
    ----------
    units
        Reporting units in the reports.
    units_changed, units_margin_changed
        Units where Trump's or Clinton's count changed at all; units where Trump's lead changed.
    largest
        The unit with the largest change in Trump's lead: ``(county, unit, margin change)``.
    largest_trump
        Trump's votes in that unit at the canvass and after the recount.
    net_margin_change
        The statewide net change in Trump's lead (the sum over units).
    top_ten_margin_change
        The net change in the lead in the ten units with the largest changes (in absolute value);
        it can exceed the statewide net change when other units offset it.
    margin_change_quantiles
        The 50th, 90th and 99th percentiles of the absolute change in the lead per unit.
    votes_moved
        Sum over units of ``|trump_change| + |clinton_change|``.
    """

    units: int
    units_changed: int
    units_margin_changed: int
    largest: tuple[str, str, int]
    largest_trump: tuple[int, int]
    net_margin_change: int
    top_ten_margin_change: int
    margin_change_quantiles: tuple[int, int, int]
    votes_moved: int


def ward_change_summary(wards: pd.DataFrame | None = None) -> WardChangeSummary:
    """Summarise :func:`ward_changes`: how many units changed, by how much, and the largest.

    Examples
    --------
    >>> summary = ward_change_summary()
    >>> summary.units, summary.net_margin_change
    (3636, 131)
    """
    wards = ward_changes() if wards is None else wards
    absolute = wards["margin_change"].abs()
    top = wards.loc[absolute.sort_values(ascending=False, kind="stable").index[:10]]
    biggest = wards.loc[absolute.idxmax()]
    moved = (wards["trump_change"] != 0) | (wards["clinton_change"] != 0)
    quantiles = tuple(int(absolute.quantile(q, interpolation="higher")) for q in (0.5, 0.9, 0.99))
    return WardChangeSummary(
        units=len(wards),
        units_changed=int(moved.sum()),
        units_margin_changed=int((wards["margin_change"] != 0).sum()),
        largest=(
            str(biggest["county"]).title(),
            str(biggest["reporting_unit"]),
            int(biggest["margin_change"]),
        ),
        largest_trump=(int(biggest["trump_canvass"]), int(biggest["trump_recount"])),
        net_margin_change=int(wards["margin_change"].sum()),
        top_ten_margin_change=int(top["margin_change"].sum()),
        margin_change_quantiles=quantiles,  # type: ignore[arg-type]
        votes_moved=int(wards["votes_moved"].sum()),
    )


# --------------------------------------------------------------------------------------------------
# The rules of 2016, the requests of 2016, and the record of statewide recounts
# --------------------------------------------------------------------------------------------------


def recount_rules(state_po: str | None = None) -> pd.DataFrame:
    """The recount rules of November 2016 (``data/recount_rules_2016.csv``), one row per rule.

    Each of Florida, Michigan, Pennsylvania and Wisconsin has three rules: ``automatic`` (what
    triggers a recount without a request), ``request`` (who may ask) and ``cost`` (who pays).

    Raises
    ------
    ValueError
        For a state the file does not cover.
    """
    rules = data.recount_rules_2016()
    if state_po is None:
        return rules
    if state_po not in data.RECOUNT_RULE_STATES:
        raise ValueError(
            f"no 2016 recount rules for {state_po!r}; the book covers "
            f"{', '.join(data.RECOUNT_RULE_STATES)}"
        )
    return rules[rules["state_po"] == state_po].reset_index(drop=True)


def automatic_recount(contest: contests.ContestMargin) -> bool:
    """Whether ``contest``'s margin falls within its state's 2016 automatic-recount threshold.

    A threshold in ``percent`` is compared with the margin as a percentage of all the votes cast
    for the office (``contest.margin_pct``), one in ``votes`` with the margin in votes; both
    include the threshold itself ("0.5% or less"). A state with no automatic recount gives False.

    Examples
    --------
    >>> automatic_recount(contests.contest(2016, "MI"))  # 10,704 votes, trigger 2,000
    False

    Raises
    ------
    ValueError
        For a contest other than 2016's, since the rules are those of 2016, or a state the rules
        file does not cover.
    """
    if contest.year != 2016:
        raise ValueError(
            f"the recount rules in data/ are those of 2016, not {contest.year}; "
            "rules change (Wisconsin's in 2017, Michigan's in 2018 and 2024)"
        )
    threshold = automatic_threshold(contest.state_po)
    if threshold is None:
        return False
    value, unit = threshold
    return bool((contest.margin_pct if unit == "percent" else contest.margin) <= value)


def automatic_threshold(state_po: str) -> tuple[float, str] | None:
    """A state's 2016 automatic-recount threshold as ``(value, unit)``, or None if it had none.

    ``unit`` is ``"percent"`` (of the votes cast for the office) or ``"votes"``.

    Examples
    --------
    >>> automatic_threshold("MI"), automatic_threshold("WI")
    ((2000.0, 'votes'), None)
    """
    rule = recount_rules(state_po).set_index("rule").loc["automatic"]
    if pd.isna(rule["threshold"]):
        return None
    return float(rule["threshold"]), str(rule["threshold_unit"])


def recount_events() -> pd.DataFrame:
    """The 2016 requests in Wisconsin, Michigan and Pennsylvania, event by event, dated and sourced."""
    return data.recount_events_2016()


def recount_shifts() -> pd.DataFrame:
    """Statewide recounts and how far each moved the margin (``data/recount_shifts.csv``)."""
    return data.recount_shifts()


def recount_shift(year: int, state_po: str) -> int:
    """How many votes the statewide recount of ``year`` in ``state_po`` moved the margin.

    Raises
    ------
    KeyError
        For a recount that ``data/recount_shifts.csv`` does not hold, listing those it does.
    """
    shifts = recount_shifts()
    row = shifts[(shifts["year"] == year) & (shifts["state_po"] == state_po)]
    if row.empty:
        known = ", ".join(
            f"{s} {y}" for y, s in zip(shifts["year"], shifts["state_po"], strict=True)
        )
        raise KeyError(f"no recorded recount shift for {state_po} {year}; known: {known}")
    return int(row["shift"].iloc[0])


def unit_name(reporting_unit: str) -> str:
    """A WEC reporting unit's name as a sentence writes it.

    Examples
    --------
    >>> unit_name("CITY OF MILWAUKEE Ward 34")
    'City of Milwaukee Ward 34'
    """
    small = {"of", "and"}
    words = reporting_unit.split()
    return " ".join(
        w.lower() if i and w.lower() in small else w.capitalize() for i, w in enumerate(words)
    )

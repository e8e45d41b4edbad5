"""Recounts: what Wisconsin's December 2016 statewide recount changed.

A recount counts every ballot again. Wisconsin's 2016 presidential recount, requested by the Green
Party candidate and completed in December 2016, is the one statewide recount of that election in
the book's data: the Wisconsin Elections Commission published the canvass and the recount results
ward by ward, and this module compares them, statewide and county by county.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from explainers import contests, data

__all__ = ["RecountChange", "margins_in_recount_changes", "wisconsin_2016_recount"]

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

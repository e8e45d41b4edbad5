"""Recounts: what Wisconsin's December 2016 statewide recount changed.

A recount counts every ballot again. Wisconsin's 2016 presidential recount, requested by the Green
Party candidate and completed in December 2016, is the one statewide recount of that election in
the book's data: the Wisconsin Elections Commission published the canvass and the recount results
county by county, and this module compares them.
"""

from __future__ import annotations

from dataclasses import dataclass

from explainers import data

__all__ = ["RecountChange", "wisconsin_2016_recount"]


@dataclass(frozen=True)
class RecountChange:
    """Statewide totals at the original canvass and after the recount."""

    trump_canvass: int
    clinton_canvass: int
    total_canvass: int
    trump_recount: int
    clinton_recount: int
    total_recount: int
    counties: int
    counties_margin_changed: int
    largest_county_change: tuple[str, int]

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


def wisconsin_2016_recount() -> RecountChange:
    """Sum the county table into statewide canvass and recount totals."""
    table = data.wi_recount_by_county()
    sums = table.sum(numeric_only=True)
    biggest = table.loc[table["margin_change"].abs().idxmax()]
    return RecountChange(
        trump_canvass=int(sums["trump_canvass"]),
        clinton_canvass=int(sums["clinton_canvass"]),
        total_canvass=int(sums["total_canvass"]),
        trump_recount=int(sums["trump_recount"]),
        clinton_recount=int(sums["clinton_recount"]),
        total_recount=int(sums["total_recount"]),
        counties=len(table),
        counties_margin_changed=int((table["margin_change"] != 0).sum()),
        largest_county_change=(str(biggest["county"]).title(), int(biggest["margin_change"])),
    )

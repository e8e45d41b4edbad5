"""explainers.recounts: what Wisconsin's 2016 recount changed, from the WEC ward reports."""

from __future__ import annotations

import pytest

from explainers import book, data, recounts


def test_wisconsin_recount_both_sides() -> None:
    change = recounts.wisconsin_2016_recount()
    # WEC ward reports, Office Totals: Trump 1,404,440 -> 1,405,284 (+844), Clinton 1,381,823 ->
    # 1,382,536 (+713); margin 22,617 -> 22,748 (+131); all votes 2,975,753 -> 2,976,150 (+397).
    assert (change.trump_change, change.clinton_change) == (844, 713)
    assert (change.margin_canvass, change.margin_recount, change.margin_change) == (
        22_617,
        22_748,
        131,
    )
    assert change.total_change == 397
    # "SCATTERING" 26,002 -> 22,764 (-3,238); every other named line together +2,078.
    assert change.scattering_change == -3_238
    assert change.other_named_change == 397 - 844 - 713 + 3_238
    assert change.counties == 72


def test_largest_county_change_is_the_largest() -> None:
    table = data.wi_recount_by_county()
    county, value = recounts.wisconsin_2016_recount().largest_county_change
    assert abs(value) == table["margin_change"].abs().max()
    assert table.set_index("county").loc[county.upper(), "margin_change"] == value


def test_counties_that_disagree_with_the_statewide_lines_are_an_error(data_dir) -> None:
    path = data_dir / "wi_2016_recount_by_line.csv"
    path.write_text(
        path.read_text()
        .replace("Donald J. Trump,1404440,1405284,844", "Donald J. Trump,1404440,1405285,845")
        .replace("SCATTERING,26002,22764,-3238", "SCATTERING,26002,22763,-3239")
    )
    with pytest.raises(
        ValueError, match=r"the counties' trump at the recount \(1,405,284\) differs"
    ):
        recounts.wisconsin_2016_recount()


def test_margins_in_recount_changes() -> None:
    multiples = recounts.margins_in_recount_changes(book.FOCUS_CONTESTS)
    # FEC margins over the WEC net change of 131.
    assert multiples[(2000, "FL")] == pytest.approx(537 / 131)
    assert multiples[(2016, "PA")] == pytest.approx(44_292 / 131)
    with pytest.raises(ValueError, match="a recount that changed nothing"):
        recounts.margins_in_recount_changes(book.FOCUS_CONTESTS, change=0)

"""explainers.canvass and explainers.recounts: reported counts, certified results, the WI recount."""

from __future__ import annotations

import pandas as pd

from explainers import canvass, recounts


def test_wisconsin_recount_changed_the_margin_by_131() -> None:
    change = recounts.wisconsin_2016_recount()
    # WEC: canvass margin 22,617, recount 22,748; Trump +844, Clinton +713, all ballots +397.
    assert (change.margin_canvass, change.margin_recount, change.margin_change) == (
        22_617,
        22_748,
        131,
    )
    assert change.trump_recount - change.trump_canvass == 844
    assert change.clinton_recount - change.clinton_canvass == 713
    assert change.total_change == 397
    assert change.counties == 72


def test_largest_county_change_is_the_largest() -> None:
    from explainers import data

    table = data.wi_recount_by_county()
    county, value = recounts.wisconsin_2016_recount().largest_county_change
    assert abs(value) == table["margin_change"].abs().max()
    assert table.set_index("county").loc[county.upper(), "margin_change"] == value


def test_reported_leads_against_certified_margins() -> None:
    table = canvass.reported_vs_certified().set_index("scope")
    assert table.loc["MI+PA+WI", "certified"] == 10_704 + 44_292 + 22_748
    assert table.loc["MI+PA+WI", "reported"] == 107_000  # Elias, Medium, 26 Nov 2016
    assert table.loc["PA", "reported"] == 71_000  # Milwaukee Journal Sentinel, 26 Nov 2016
    assert table.loc["PA", "difference"] == 44_292 - 71_000
    assert table.loc["PA", "reported_text"] == "about 71,000"
    assert (table["date"] == pd.Timestamp("2016-11-26")).all()


def test_national_count_change_since_23_november() -> None:
    change = canvass.national_count_change()
    # Politico, 23 Nov 2016: 64,223,958 / 62,206,395; FEC certified 65,853,514 / 62,984,828.
    assert (change.clinton_reported, change.trump_reported) == (64_223_958, 62_206_395)
    assert (change.clinton_certified, change.trump_certified) == (65_853_514, 62_984_828)
    assert change.clinton_added == 65_853_514 - 64_223_958
    assert change.lead_certified == 65_853_514 - 62_984_828
    assert change.date == pd.Timestamp("2016-11-23")


def test_official_candidate_missing_from_the_mit_file_is_an_error(data_dir) -> None:
    import pytest

    official = data_dir / "official_totals.csv"
    official.write_text(official.read_text().replace('"TRUMP, DONALD J."', '"TRUMP, DONALD"'))
    with pytest.raises(ValueError, match="no rows in the MIT file"):
        canvass.national_sums_vs_official(2016)


def test_reported_gap_sums_the_reports() -> None:
    gap = canvass.reported_gap()
    # Elias: about 107,000 combined; Journal Sentinel: about 10,000 + 71,000 + 22,000 (26 Nov 2016).
    assert (gap.combined_reported, gap.states_reported) == (107_000, 103_000)
    assert gap.combined_certified == gap.states_certified == 10_704 + 44_292 + 22_748
    assert gap.pa_shortfall == 71_000 - 44_292
    assert canvass.round_to(gap.pa_shortfall) == 27_000

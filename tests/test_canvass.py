"""explainers.canvass: the counts reported in November 2016 against the certified results."""

from __future__ import annotations

import pandas as pd
import pytest

from explainers import canvass


def on_26_november() -> pd.DataFrame:
    table = canvass.reported_vs_certified()
    return table[table["date"] == pd.Timestamp("2016-11-26")].set_index("scope")


def test_reported_leads_against_certified_margins() -> None:
    table = on_26_november()
    # FEC, Federal Elections 2016: certified margins MI 10,704, PA 44,292, WI 22,748.
    assert table.loc["MI+PA+WI", "certified"] == 10_704 + 44_292 + 22_748
    assert table.loc["MI+PA+WI", "reported"] == 107_000  # Elias, Medium, 26 Nov 2016
    assert table.loc["PA", "reported"] == 71_000  # Milwaukee Journal Sentinel, 26 Nov 2016
    assert table.loc["PA", "difference"] == 44_292 - 71_000
    assert table.loc["PA", "reported_text"] == "about 71,000"
    assert sorted(table.index) == ["MI", "MI+PA+WI", "PA", "WI"]


def test_the_early_unofficial_leads_were_larger_than_the_certified_ones() -> None:
    # WisPolitics, 10 Nov 2016 (AP count): "roughly 27,000"; Detroit News, 22 Nov 2016: the
    # unofficial lead after election day was 13,107. Certified: WI 22,748, MI 10,704.
    table = canvass.reported_vs_certified()
    early = table[table["date"] < pd.Timestamp("2016-11-26")].set_index("scope")
    assert early.loc["WI", "reported"] == 27_000 and early.loc["WI", "certified"] == 22_748
    assert early.loc["MI", "reported"] == 13_107 and early.loc["MI", "certified"] == 10_704
    assert not early["within_rounding"].any()  # these leads did change during the canvass


def test_small_differences_from_rounded_reports_are_rounding() -> None:
    # Journal Sentinel, 26 Nov 2016: "about 22,000" (WI) and "about 10,000" (MI), reports rounded
    # to thousands; the certified 22,748 and 10,704 are within that rounding.
    table = on_26_november()
    assert table.loc["WI", "within_rounding"] and table.loc["MI", "within_rounding"]
    assert not table.loc["PA", "within_rounding"]
    assert not table.loc["MI+PA+WI", "within_rounding"]


def test_national_count_change_since_23_november() -> None:
    change = canvass.national_count_change()
    # Politico, 23 Nov 2016: 64,223,958 / 62,206,395; FEC certified 65,853,514 / 62,984,828.
    assert (change.clinton_reported, change.trump_reported) == (64_223_958, 62_206_395)
    assert (change.clinton_certified, change.trump_certified) == (65_853_514, 62_984_828)
    assert change.clinton_added == 65_853_514 - 64_223_958
    assert change.trump_added == 62_984_828 - 62_206_395
    assert change.lead_reported == 64_223_958 - 62_206_395
    assert change.lead_certified == 65_853_514 - 62_984_828
    assert change.date == pd.Timestamp("2016-11-23")


def test_a_second_national_count_is_refused(data_dir) -> None:
    path = data_dir / "reported_counts_nov2016.csv"
    lines = path.read_text().splitlines(keepends=True)
    national = next(line for line in lines if line.split(",")[1] == "national")
    path.write_text("".join(lines) + national.replace("2016-11-23", "2016-11-24"))
    with pytest.raises(
        ValueError, match="exactly one national count for each of Clinton and Trump"
    ):
        canvass.national_count_change()


def test_mit_national_sums_against_the_fec() -> None:
    # data/README.md: the MIT rows sum to FEC + 67 (Clinton) and + 234 (Trump); Maryland's separate
    # write-in rows (78 and 259) more than account for it, leaving -11 and -25 untraced.
    table = canvass.national_sums_vs_official(2016)
    assert table.loc["CLINTON, HILLARY", "difference"] == 67
    assert table.loc["TRUMP, DONALD J.", "difference"] == 234
    assert table.loc["CLINTON, HILLARY", "maryland_writein"] == 78
    assert table.loc["TRUMP, DONALD J.", "maryland_writein"] == 259
    assert table.loc["CLINTON, HILLARY", "difference_without_maryland_writein"] == -11
    assert table.loc["TRUMP, DONALD J.", "difference_without_maryland_writein"] == -25


def test_no_official_totals_for_a_year_is_an_error() -> None:
    with pytest.raises(ValueError, match="no official national totals for 2012"):
        canvass.national_sums_vs_official(2012)


def test_official_candidate_missing_from_the_mit_file_is_an_error(data_dir) -> None:
    official = data_dir / "official_totals.csv"
    official.write_text(official.read_text().replace('"TRUMP, DONALD J."', '"TRUMP, DONALD"'))
    with pytest.raises(ValueError, match=r"no rows in the MIT file: \['TRUMP, DONALD'\]"):
        canvass.national_sums_vs_official(2016)


def test_a_lead_for_a_state_trump_lost_is_refused(data_dir) -> None:
    path = data_dir / "reported_counts_nov2016.csv"
    path.write_text(path.read_text().replace(",MI,trump_lead,", ",MN,trump_lead,"))
    with pytest.raises(ValueError, match="MN: Trump did not carry it in 2016"):
        canvass.reported_vs_certified()


def test_reported_gap_sums_the_reports() -> None:
    gap = canvass.reported_gap()
    # Elias: about 107,000 combined; Journal Sentinel: about 10,000 + 71,000 + 22,000 (26 Nov 2016).
    assert (gap.combined_reported, gap.states_reported) == (107_000, 103_000)
    assert gap.combined_certified == gap.states_certified == 10_704 + 44_292 + 22_748
    assert gap.combined_shortfall == 107_000 - 77_744
    assert gap.states_shortfall == 103_000 - 77_744
    assert gap.pa_shortfall == 71_000 - 44_292
    assert gap.sources_apart == 107_000 - 103_000


def test_round_to() -> None:
    assert canvass.round_to(26_708) == 27_000
    assert canvass.round_to(29_256, 10_000) == 30_000
    with pytest.raises(ValueError, match="step must be positive, got 0"):
        canvass.round_to(5, 0)

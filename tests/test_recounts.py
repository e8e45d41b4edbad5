"""explainers.recounts: Wisconsin's 2016 recount from the WEC ward reports, and the 2016 rules and record."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from explainers import contests, data, editorial, recounts


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
    multiples = recounts.margins_in_recount_changes(editorial.FOCUS_CONTESTS)
    # FEC margins over the WEC net change of 131.
    assert multiples[(2000, "FL")] == pytest.approx(537 / 131)
    assert multiples[(2016, "PA")] == pytest.approx(44_292 / 131)
    with pytest.raises(ValueError, match="a recount that changed nothing"):
        recounts.margins_in_recount_changes(editorial.FOCUS_CONTESTS, change=0)


def test_the_wards_add_up_to_the_statewide_change() -> None:
    wards = recounts.ward_changes()
    summary = recounts.ward_change_summary(wards)
    # WEC ward reports: 3,636 reporting units; the statewide lines give Trump +844, Clinton +713.
    assert summary.units == 3_636
    assert (wards["trump_change"].sum(), wards["clinton_change"].sum()) == (844, 713)
    assert summary.net_margin_change == recounts.wisconsin_2016_recount().margin_change == 131
    assert summary.units_margin_changed <= summary.units_changed < summary.units
    assert summary.votes_moved >= abs(wards["trump_change"].sum()) + abs(
        wards["clinton_change"].sum()
    )


def test_the_largest_ward_change_is_milwaukee_ward_34() -> None:
    # WEC reports, CITY OF MILWAUKEE Ward 34: Trump 8 -> 254, Clinton 795 -> 795, total 855 -> 1,102.
    summary = recounts.ward_change_summary()
    assert summary.largest == ("Milwaukee", "CITY OF MILWAUKEE Ward 34", 246)
    wards = recounts.ward_changes()
    assert wards["margin_change"].abs().max() == 246
    low, high, top = summary.margin_change_quantiles
    assert low <= high <= top < 246


def test_a_summary_of_made_up_wards_counts_what_changed() -> None:
    wards = pd.DataFrame(
        {
            "county": ["A", "A", "B", "B"],
            "reporting_unit": ["1", "2", "1", "2"],
            "trump_canvass": [10, 20, 30, 40],
            "trump_change": [0, 3, -1, 2],
            "clinton_change": [0, 0, -1, -5],
        }
    )
    wards["trump_recount"] = wards["trump_canvass"] + wards["trump_change"]
    wards["margin_change"] = wards["trump_change"] - wards["clinton_change"]
    wards["votes_moved"] = wards["trump_change"].abs() + wards["clinton_change"].abs()
    summary = recounts.ward_change_summary(wards)
    assert (summary.units, summary.units_changed, summary.units_margin_changed) == (4, 3, 2)
    assert summary.largest == ("B", "2", 7)
    assert summary.largest_trump == (40, 42)
    assert (summary.net_margin_change, summary.top_ten_margin_change, summary.votes_moved) == (
        10,
        10,
        12,
    )


def test_wards_that_disagree_with_the_statewide_lines_are_an_error(data_dir) -> None:
    path = data_dir / "wi_2016_recount_by_ward.csv"
    path.write_text(path.read_text().replace("618,377,207,618,377,207", "618,377,207,618,376,207"))
    with pytest.raises(
        ValueError, match=r"the reporting units' trump at the recount \(1,405,283\) differs"
    ):
        recounts.ward_changes()


# --- 2016 rules, events and the record of recounts -----------------------------------------------


@pytest.mark.parametrize("state", ["FL", "MI", "PA", "WI"])
def test_no_2016_margin_in_the_four_states_triggered_an_automatic_recount(state: str) -> None:
    # Certified 2016 margins (MIT file): FL 1.2%, MI 10,704 votes, PA 0.72%, WI none automatic.
    assert recounts.automatic_recount(contests.contest(2016, state)) is False


def test_a_margin_at_the_threshold_triggers_and_one_above_does_not() -> None:
    mi = contests.contest(2016, "MI")
    assert recounts.automatic_recount(dataclasses.replace(mi, margin=2000)) is True
    assert recounts.automatic_recount(dataclasses.replace(mi, margin=2001)) is False
    pa = contests.contest(2016, "PA")
    assert recounts.automatic_recount(dataclasses.replace(pa, margin_pct=0.5)) is True
    assert recounts.automatic_recount(dataclasses.replace(pa, margin_pct=0.51)) is False
    wi = contests.contest(2016, "WI")
    assert recounts.automatic_recount(dataclasses.replace(wi, margin=1, margin_pct=0.0)) is False


def test_rules_of_another_year_or_state_are_refused() -> None:
    with pytest.raises(ValueError, match="the recount rules in data/ are those of 2016, not 2000"):
        recounts.automatic_recount(contests.contest(2000, "FL"))
    with pytest.raises(ValueError, match="no 2016 recount rules for 'GA'; the book covers FL, MI"):
        recounts.automatic_recount(contests.contest(2016, "GA"))
    assert list(recounts.recount_rules("WI")["rule"]) == ["automatic", "request", "cost"]


def test_the_recorded_wisconsin_shift_is_the_ward_files_net_change() -> None:
    """The Commission's "131 votes" (wec2016recountdone) is the net change in its ward files."""
    shifts = recounts.recount_shifts().set_index(["year", "state_po"])
    assert shifts.loc[(2016, "WI"), "shift"] == recounts.ward_change_summary().net_margin_change
    events = recounts.recount_events()
    assert events["date"].is_monotonic_increasing


def test_thresholds_and_shifts_are_read_from_their_rows() -> None:
    # MCL 168.880a via detroitnews2016trigger: 2,000 votes; Wisconsin: no automatic recount.
    assert recounts.automatic_threshold("MI") == (2000.0, "votes")
    assert recounts.automatic_threshold("WI") is None
    # bialik2016recounts: "Al Gore cut 1,247 votes off George W. Bush's lead".
    assert recounts.recount_shift(2000, "FL") == 1247
    with pytest.raises(KeyError, match=r"no recorded recount shift for FL 2004; known: FL 2000"):
        recounts.recount_shift(2004, "FL")


def test_the_largest_ward_change_carries_trumps_counts() -> None:
    # WEC ward reports: City of Milwaukee Ward 34, Trump 8 at the canvass, 254 after the recount.
    summary = recounts.ward_change_summary()
    assert summary.largest_trump == (8, 254)
    assert summary.largest_trump[1] - summary.largest_trump[0] == summary.largest[2]

"""explainers.contests: the state contest table, each contest, closeness and comparisons."""

from __future__ import annotations

import numpy as np
import pytest

from explainers import contests, editorial, margins


@pytest.mark.parametrize(
    ("year", "state", "margin"),
    [
        (2000, "FL", 537),  # FEC, Federal Elections 2000
        (2016, "MI", 10_704),  # FEC, Federal Elections 2016
        (2016, "PA", 44_292),  # FEC, Federal Elections 2016
        (2016, "WI", 22_748),  # after the December 2016 recount (WEC; FEC, Federal Elections 2016)
    ],
)
def test_certified_margins(year: int, state: str, margin: int) -> None:
    assert contests.contest(year, state).margin == margin


def test_florida_2000_shares() -> None:
    fl = contests.contest(2000, "FL")
    # FEC, Federal Elections 2000: 537 of 5,963,110 votes cast; 2,912,790 + 2,912,253 for the two.
    assert fl.total_votes == 5_963_110
    assert fl.margin_pct == pytest.approx(100 * 537 / 5_963_110)
    assert fl.margin_pct_two_party == pytest.approx(100 * 537 / (2_912_790 + 2_912_253))
    assert fl.name == "Florida 2000"


def test_each_row_is_the_scalar_functions_applied_to_its_counts() -> None:
    # Derived from the data: every derived column equals explainers.margins on the row's counts.
    table = contests.contest_margins()
    for row in table.sample(60, random_state=1).itertuples():
        margin = margins.margin_between(row.winner_votes, row.runner_up_votes)
        assert row.margin == margin
        assert row.margin_pct == margins.percent_of(margin, row.total_votes)
        assert row.voters_to_switch == margins.voters_to_switch(margin)
        assert row.votes_to_add == margins.votes_to_add(margin)


def test_contest_is_a_row_of_the_table() -> None:
    table = contests.contest_margins(2016).set_index("state_po")
    wi = contests.contest(2016, "Wisconsin")
    assert wi == contests.contest(2016, "WI")
    for field, value in vars(wi).items():
        if field != "state_po":
            assert table.loc["WI", field] == value, field


def test_fifty_one_contests_a_year_ranked_by_closeness() -> None:
    table = contests.contest_margins()
    assert table.groupby("year").size().eq(51).all()
    for _, year in table.groupby("year"):
        ordered = year.sort_values("closeness_rank")
        assert ordered["margin_pct"].is_monotonic_increasing
        assert (year["margin"] >= 0).all()


def test_closeness_ranks() -> None:
    # Derived from the data (MEDSL): Florida 2000 is the closest contest of any year by share.
    assert contests.closeness_rank(2000, "FL") == 1
    assert [contests.closeness_rank(2016, s) for s in ("MI", "PA", "WI")] == [1, 3, 4]
    assert contests.closeness_rank_all_years(2000, "FL") == (1, 13 * 51)  # 1976-2024


def test_contest_by_rank() -> None:
    assert contests.contest_by_rank(2016, 1).state_po == "MI"
    assert contests.contest_by_rank(2016, 2).state_po == "NH"


@pytest.mark.parametrize(("rank", "error"), [(0, ValueError), (52, ValueError), (1.0, TypeError)])
def test_contest_by_rank_refuses_ranks_outside_the_year(rank: object, error: type) -> None:
    with pytest.raises(error, match=r"rank must be (between 1 and 51, got|a whole number)"):
        contests.contest_by_rank(2016, rank)  # type: ignore[arg-type]


def test_contests_within_a_threshold() -> None:
    table = contests.contest_margins(2016)
    within = contests.contests_within(2016, 1.0)
    assert set(within["state_po"]) == set(table.loc[table["margin_pct"] <= 1.0, "state_po"])
    assert list(within["state_po"]) == ["MI", "NH", "PA", "WI"]
    assert len(contests.contests_within(2016, np.float64(1.0))) == 4


@pytest.mark.parametrize("threshold", [0, -1, 101, float("nan")])
def test_threshold_outside_range_is_refused(threshold: float) -> None:
    with pytest.raises(ValueError, match="threshold_pct must be above 0 and at most 100"):
        contests.contests_within(2016, threshold)


def test_threshold_must_be_a_number() -> None:
    with pytest.raises(TypeError, match="threshold_pct must be a number, got '1'"):
        contests.contests_within(2016, "1")  # type: ignore[arg-type]


@pytest.mark.parametrize("year", [1999, 2028, 1972])
def test_years_without_data_are_refused(year: int) -> None:
    with pytest.raises(
        ValueError, match=f"no presidential returns for {year}; the data cover 1976"
    ):
        contests.contest(year, "FL")


def test_a_year_must_be_a_whole_number() -> None:
    with pytest.raises(TypeError, match="year must be a whole number, got '2016'"):
        contests.contest("2016", "FL")  # type: ignore[arg-type]
    assert contests.contest(np.int64(2016), "WI").margin == 22_748


def test_comparison_against_florida() -> None:
    table = contests.comparison(editorial.FOCUS_CONTESTS, editorial.REFERENCE_CONTEST).set_index(
        "contest"
    )
    mi, fl = contests.contest(2016, "MI"), contests.contest(2000, "FL")
    assert table.loc["Michigan 2016", "times_reference"] == pytest.approx(10_704 / 537)
    assert table.loc["Michigan 2016", "pct_times_reference"] == pytest.approx(
        mi.margin_pct / fl.margin_pct
    )
    assert table.loc["Florida 2000", "times_reference"] == 1
    assert list(table.index) == [
        "Florida 2000",
        "Michigan 2016",
        "Wisconsin 2016",
        "Pennsylvania 2016",
    ]


def test_comparison_needs_a_contest() -> None:
    with pytest.raises(ValueError, match="comparison needs at least one contest"):
        contests.comparison([])


def test_combined_margin_of_the_three_states() -> None:
    # FEC, Federal Elections 2016: 10,704 + 22,748 + 44,292.
    assert contests.combined_margin(editorial.THREE_STATES_2016) == 77_744


def test_display_names() -> None:
    assert contests.display_name("BIDEN, JOSEPH R. JR") == "Joseph R. Biden Jr."
    assert contests.display_name("MCCAIN, JOHN") == "John McCain"
    assert contests.display_name("TRUMP, DONALD J.") == "Donald J. Trump"


def test_romney_2012_is_one_candidate() -> None:
    # data/corrections.csv: the MIT file spells him "MITT, ROMNEY" in Washington 2012.
    assert contests.contest(2012, "WA").runner_up == "ROMNEY, MITT"
    national = contests.national_popular_vote(2012)
    assert list(national.index[:2]) == ["OBAMA, BARACK H.", "ROMNEY, MITT"]


def test_a_tie_is_no_unit_of_measure() -> None:
    import dataclasses

    tie = dataclasses.replace(contests.contest(2016, "NH"), margin=0)
    with pytest.raises(
        ValueError, match="New Hampshire 2016 was a tie: no margin to measure against"
    ):
        contests.multiple_of(5, tie)

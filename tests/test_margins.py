"""explainers.margins: margins, switches, closeness and the cheapest Electoral College reversal."""

from __future__ import annotations

import itertools
import random

import pytest

from explainers import margins


@pytest.mark.parametrize(
    ("year", "state", "margin"),
    [
        (2000, "FL", 537),  # FEC, Federal Elections 2000
        (2016, "MI", 10_704),  # FEC, Federal Elections 2016
        (2016, "PA", 44_292),
        (2016, "WI", 22_748),  # after the December 2016 recount (WEC)
    ],
)
def test_certified_margins(year: int, state: str, margin: int) -> None:
    assert margins.contest(year, state).margin == margin


def test_contest_accepts_names_and_codes_in_any_case() -> None:
    assert margins.contest(2016, "wisconsin") == margins.contest(2016, "WI")
    assert margins.resolve_state(" District of Columbia ") == "DC"


def test_florida_2000_shares() -> None:
    fl = margins.contest(2000, "FL")
    # 537 of 5,963,110 votes cast (FEC, Federal Elections 2000).
    assert fl.total_votes == 5_963_110
    assert fl.margin_pct == pytest.approx(100 * 537 / 5_963_110)
    assert fl.margin_pct_two_party == pytest.approx(100 * 537 / (2_912_790 + 2_912_253))


@pytest.mark.parametrize(
    ("margin", "switch", "add"), [(0, 1, 1), (1, 1, 2), (2, 2, 3), (537, 269, 538)]
)
def test_switch_and_add_rules(margin: int, switch: int, add: int) -> None:
    assert margins.voters_to_switch(margin) == switch
    assert margins.votes_to_add(margin) == add


@pytest.mark.parametrize("margin", range(0, 60))
def test_switching_that_many_voters_reverses_and_one_fewer_does_not(margin: int) -> None:
    k = margins.voters_to_switch(margin)
    assert margin - 2 * k < 0
    assert margin - 2 * (k - 1) >= 0


@pytest.mark.parametrize("bad", [-1, -537])
def test_negative_margins_and_votes_are_refused(bad: int) -> None:
    with pytest.raises(ValueError, match="must be zero or more"):
        margins.voters_to_switch(bad)
    with pytest.raises(ValueError, match="must be zero or more"):
        margins.votes_to_add(bad)
    with pytest.raises(ValueError, match="must be zero or more"):
        margins.margin_between(bad, 10)


@pytest.mark.parametrize("bad", [1.5, "537", True, None])
def test_non_integer_counts_are_refused(bad: object) -> None:
    with pytest.raises(TypeError, match="whole number"):
        margins.voters_to_switch(bad)  # type: ignore[arg-type]


def test_margin_between_needs_the_winner_first() -> None:
    assert margins.margin_between(2_912_790, 2_912_253) == 537
    with pytest.raises(ValueError, match="pass the larger count first"):
        margins.margin_between(10, 11)


@pytest.mark.parametrize("state", ["Atlantis", "ZZ", "", "Puerto Rico"])
def test_unknown_states_are_refused(state: str) -> None:
    with pytest.raises(ValueError, match="unknown state"):
        margins.contest(2016, state)


@pytest.mark.parametrize("year", [1999, 2024, 1972])
def test_years_without_data_are_refused(year: int) -> None:
    with pytest.raises(ValueError, match="no presidential returns for"):
        margins.contest(year, "FL")


@pytest.mark.parametrize("threshold", [0, -1, 101, float("nan")])
def test_threshold_outside_range_is_refused(threshold: float) -> None:
    with pytest.raises(ValueError, match="threshold_pct"):
        margins.contests_within(2016, threshold)


def test_contest_table_has_51_contests_a_year_ranked_by_closeness() -> None:
    table = margins.contest_margins()
    assert table.groupby("year").size().eq(51).all()
    for _, year in table.groupby("year"):
        ordered = year.sort_values("closeness_rank")
        assert ordered["margin_pct"].is_monotonic_increasing
        assert (year["margin"] >= 0).all()


def test_closeness_ranks() -> None:
    assert margins.closeness_rank(2000, "FL") == 1
    assert [margins.closeness_rank(2016, s) for s in ("MI", "PA", "WI")] == [1, 3, 4]
    rank, count = margins.closeness_rank_all_years(2000, "FL")
    assert (rank, count) == (1, 12 * 51)


def test_contests_within_matches_the_table() -> None:
    table = margins.contest_margins(2016)
    within = margins.contests_within(2016, 1.0)
    assert set(within["state_po"]) == set(table.loc[table["margin_pct"] <= 1.0, "state_po"])
    assert list(within["state_po"]) == ["MI", "NH", "PA", "WI"]


@pytest.mark.parametrize(
    ("year", "winner", "winner_ev", "runner_up", "runner_up_ev"),
    [
        # Electoral votes won at the polls (before any faithless votes), per the Clerk of the House.
        (1976, "CARTER, JIMMY", 297, "FORD, GERALD", 241),
        (2000, "BUSH, GEORGE W.", 271, "GORE, AL", 267),
        (2008, "OBAMA, BARACK H.", 365, "MCCAIN, JOHN", 173),
        (2012, "OBAMA, BARACK H.", 332, "ROMNEY, MITT", 206),
        (2016, "TRUMP, DONALD J.", 306, "CLINTON, HILLARY", 232),
        (2020, "BIDEN, JOSEPH R. JR", 306, "TRUMP, DONALD J.", 232),
    ],
)
def test_pledged_electoral_votes(
    year: int, winner: str, winner_ev: int, runner_up: str, runner_up_ev: int
) -> None:
    pledged = margins.pledged_electoral_votes(year)
    assert pledged.sum() == 538
    assert (pledged.index[0], int(pledged.iloc[0])) == (winner, winner_ev)
    assert (pledged.index[1], int(pledged.iloc[1])) == (runner_up, runner_up_ev)


def test_cheapest_flip_2000_is_florida_alone() -> None:
    flip = margins.cheapest_flip(2000)
    assert (flip.states, flip.cost, flip.electoral_votes_needed) == (("FL",), 269, 3)
    assert margins.cheapest_flip(2000, "add").cost == 538


def test_cheapest_flip_2016_is_michigan_pennsylvania_wisconsin() -> None:
    flip = margins.cheapest_flip(2016)
    assert set(flip.states) == {"MI", "PA", "WI"}
    assert flip.electoral_votes_needed == 38
    assert flip.electoral_votes_gained == 46
    # Half of each certified margin, rounded down, plus one: 5,353 + 22,147 + 11,375.
    assert flip.cost == 5_353 + 22_147 + 11_375
    assert margins.cheapest_flip(2016, "add").cost == 10_705 + 44_293 + 22_749


def test_cheapest_flip_reaches_a_majority_every_year() -> None:
    for year in (1976, 1980, 1992, 2004, 2012, 2020):
        flip = margins.cheapest_flip(year)
        assert flip.runner_up_electoral_votes + flip.electoral_votes_gained >= margins.MAJORITY
        assert flip.cost == sum(flip.cost_by_state)


def test_cheapest_flip_rejects_unknown_method() -> None:
    with pytest.raises(ValueError, match="method"):
        margins.cheapest_flip(2016, "steal")  # type: ignore[arg-type]


def brute_force(items: list[tuple[int, int]], needed: int) -> int:
    best = None
    for r in range(len(items) + 1):
        for combo in itertools.combinations(items, r):
            if sum(w for w, _ in combo) >= needed:
                cost = sum(c for _, c in combo)
                best = cost if best is None else min(best, cost)
    assert best is not None
    return best


@pytest.mark.parametrize("seed", range(40))
def test_cheapest_cover_equals_brute_force(seed: int) -> None:
    rng = random.Random(seed)
    items = [(rng.randint(1, 30), rng.randint(0, 5_000)) for _ in range(rng.randint(1, 10))]
    needed = rng.randint(0, sum(w for w, _ in items))
    cost, chosen = margins.cheapest_cover(items, needed)
    assert cost == brute_force(items, needed)
    assert cost == sum(items[i][1] for i in chosen)
    assert sum(items[i][0] for i in chosen) >= needed
    assert len(set(chosen)) == len(chosen)


def test_cheapest_cover_refuses_unreachable_targets() -> None:
    with pytest.raises(ValueError, match="no subset"):
        margins.cheapest_cover([(3, 1)], 4)


def test_comparison_ratios() -> None:
    table = margins.comparison().set_index("contest")
    assert table.loc["Michigan 2016", "times_reference"] == pytest.approx(10_704 / 537)
    assert table.loc["Florida 2000", "times_reference"] == 1


@pytest.mark.parametrize(
    ("winner", "challenger", "other", "expected"),
    [(10, 4, 0, 4), (10, 4, 9, 6), (537, 0, 0, 269), (7, 7, 0, 1)],
)
def test_switches_to_overtake_also_passes_a_third_candidate(
    winner: int, challenger: int, other: int, expected: int
) -> None:
    k = margins.switches_to_overtake(winner, challenger, other)
    assert k == expected
    assert challenger + k > max(winner - k, other)  # k switches are enough ...
    assert not challenger + k - 1 > max(winner - k + 1, other)  # ... and k - 1 are not


def test_counts_from_numpy_are_accepted() -> None:
    import numpy as np

    assert margins.voters_to_switch(np.int64(537)) == 269
    assert margins.contest(np.int64(2016), "WI").margin == 22_748
    assert len(margins.contests_within(2016, np.float64(1.0))) == 4


def test_display_names() -> None:
    assert margins.display_name("BIDEN, JOSEPH R. JR") == "Joseph R. Biden Jr."
    assert margins.display_name("MCCAIN, JOHN") == "John McCain"
    assert margins.display_name("TRUMP, DONALD J.") == "Donald J. Trump"


def test_contest_by_rank() -> None:
    assert margins.contest_by_rank(2016, 1).state_po == "MI"
    assert margins.contest_by_rank(2016, 2).state_po == "NH"
    with pytest.raises(ValueError, match="rank must be between 1 and 51"):
        margins.contest_by_rank(2016, 52)


def test_romney_2012_is_priced_with_his_washington_votes() -> None:
    wa = margins.contest(2012, "WA")
    assert wa.runner_up == "ROMNEY, MITT"
    national = margins.national_popular_vote(2012)
    assert list(national.index[:2]) == ["OBAMA, BARACK H.", "ROMNEY, MITT"]


def test_a_tie_stops_the_electoral_computations(data_dir) -> None:
    # Make New Hampshire 2016 a tie: Clinton's 2,736-vote lead moves to Johnson (totals unchanged).
    path = data_dir / "mit_president_1976_2020.csv"
    text = path.read_text()
    text = text.replace(
        '2016,NEW HAMPSHIRE,NH,33,12,4,US PRESIDENT,"CLINTON, HILLARY",DEMOCRAT,FALSE,348526,',
        '2016,NEW HAMPSHIRE,NH,33,12,4,US PRESIDENT,"CLINTON, HILLARY",DEMOCRAT,FALSE,345790,',
    )
    text = text.replace(
        '2016,NEW HAMPSHIRE,NH,33,12,4,US PRESIDENT,"JOHNSON, GARY",LIBERTARIAN,FALSE,30777,',
        '2016,NEW HAMPSHIRE,NH,33,12,4,US PRESIDENT,"JOHNSON, GARY",LIBERTARIAN,FALSE,33513,',
    )
    path.write_text(text)
    assert margins.contest(2016, "NH").margin == 0
    with pytest.raises(ValueError, match="tied in NH"):
        margins.pledged_electoral_votes(2016)

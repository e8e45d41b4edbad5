"""explainers.electoral: electors won at the polls, and the cheapest Electoral College reversal."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explainers import electoral


@pytest.mark.parametrize(
    ("year", "winner", "winner_ev", "runner_up", "runner_up_ev"),
    [
        # Electoral votes won at the polls (before any faithless votes): Clerk of the House,
        # Statistics of the Presidential and Congressional Election, each year.
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
    pledged = electoral.pledged_electoral_votes(year)
    assert pledged.sum() == 538
    assert (pledged.index[0], int(pledged.iloc[0])) == (winner, winner_ev)
    assert (pledged.index[1], int(pledged.iloc[1])) == (runner_up, runner_up_ev)


def test_cheapest_flip_2000_is_florida_alone() -> None:
    # FEC 2000: Florida's margin 537 -> 269 switches or 538 added votes; Gore had 267 of 270.
    flip = electoral.cheapest_flip(2000)
    assert (flip.states, flip.cost, flip.electoral_votes_needed) == (("FL",), 269, 3)
    assert electoral.cheapest_flip(2000, "add").cost == 538


def test_cheapest_flip_2016_is_michigan_pennsylvania_wisconsin() -> None:
    # FEC 2016 margins MI 10,704, PA 44,292, WI 22,748: half of each, rounded down, plus one.
    flip = electoral.cheapest_flip(2016)
    assert set(flip.states) == {"MI", "PA", "WI"}
    assert (flip.electoral_votes_needed, flip.electoral_votes_gained) == (38, 46)
    assert flip.cost == 5_353 + 22_147 + 11_375
    assert electoral.cheapest_flip(2016, "add").cost == 10_705 + 44_293 + 22_749
    # All three margins are even, so twice the switches exceed the additions by three.
    assert electoral.switch_add_difference(2016) == 3


def test_cheapest_flip_2020_is_arizona_georgia_nevada_wisconsin() -> None:
    # Certified 2020 margins (MIT Election Lab; Georgia after its recount, Wisconsin after its
    # two-county recount): AZ 10,457, GA 11,779, NV 33,596, WI 20,682, each half plus one. Trump
    # had 232 electors and needed 38 more; AZ, GA and WI give 37, so a fourth state is needed.
    flip = electoral.cheapest_flip(2020)
    assert (flip.winner, flip.runner_up) == ("BIDEN, JOSEPH R. JR", "TRUMP, DONALD J.")
    assert set(flip.states) == {"AZ", "GA", "NV", "WI"}
    assert (flip.electoral_votes_needed, flip.electoral_votes_gained) == (38, 11 + 16 + 6 + 10)
    assert flip.cost == 5_229 + 5_890 + 16_799 + 10_342


@pytest.mark.parametrize("year", [1976, 1980, 1992, 2004, 2012, 2020])
def test_cheapest_flip_reaches_a_majority(year: int) -> None:
    flip = electoral.cheapest_flip(year)
    assert flip.runner_up_electoral_votes + flip.electoral_votes_gained >= electoral.MAJORITY
    assert flip.cost == sum(flip.cost_by_state)


def test_cheapest_flip_rejects_unknown_method() -> None:
    with pytest.raises(ValueError, match="method must be 'switch' or 'add', got 'steal'"):
        electoral.cheapest_flip(2016, "steal")  # type: ignore[arg-type]


def brute_force(items: list[tuple[int, int]], needed: int) -> int | None:
    costs = [
        sum(c for _, c in combo)
        for r in range(len(items) + 1)
        for combo in itertools.combinations(items, r)
        if sum(w for w, _ in combo) >= needed
    ]
    return min(costs) if costs else None


items_strategy = st.lists(
    st.tuples(st.integers(0, 30), st.integers(0, 5_000)), min_size=0, max_size=9
)


@given(items=items_strategy, needed=st.integers(0, 120))
def test_cheapest_cover_equals_brute_force(items: list[tuple[int, int]], needed: int) -> None:
    best = brute_force(items, needed)
    if best is None:
        with pytest.raises(ValueError, match=f"no subset of the items reaches {needed}"):
            electoral.cheapest_cover(items, needed)
        return
    cost, chosen = electoral.cheapest_cover(items, needed)
    assert cost == best
    assert cost == sum(items[i][1] for i in chosen)
    assert sum(items[i][0] for i in chosen) >= needed
    assert list(chosen) == sorted(set(chosen))


@pytest.mark.parametrize(("items", "needed"), [([(3, -1)], 1), ([(-3, 1)], 1), ([(3, 1)], -1)])
def test_cheapest_cover_refuses_negative_numbers(items: list[tuple[int, int]], needed: int) -> None:
    with pytest.raises(
        ValueError, match="weights, costs and the amount needed must be zero or more"
    ):
        electoral.cheapest_cover(items, needed)


def test_a_tie_stops_the_electoral_computations(data_dir) -> None:
    from explainers import contests

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
    assert contests.contest(2016, "NH").margin == 0
    with pytest.raises(ValueError, match=r"2016: the top two tied in NH; who won those electors"):
        electoral.pledged_electoral_votes(2016)


def test_leaders_missing_from_a_state_stop_the_flip(monkeypatch: pytest.MonkeyPatch) -> None:
    from explainers import data

    real = data.state_returns
    monkeypatch.setattr(
        data,
        "state_returns",
        lambda: (lambda r: r[~((r["year"] == 2016) & (r["state_po"] == "WY"))])(real()),
    )
    with pytest.raises(ValueError, match="2016: the two leading candidates are missing"):
        electoral.cheapest_flip(2016)


def test_switch_add_difference_needs_the_same_states(monkeypatch: pytest.MonkeyPatch) -> None:
    import dataclasses

    real = electoral.cheapest_flip

    def other_states(year: int, method: str = "switch") -> electoral.ElectoralFlip:
        flip = real(year, method)
        return flip if method == "switch" else dataclasses.replace(flip, states=("TX",))

    monkeypatch.setattr(electoral, "cheapest_flip", other_states)
    with pytest.raises(ValueError, match="2016: switching and adding choose different states"):
        electoral.switch_add_difference(2016)


# --- apportionment, totals, the popular vote --------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "census", "state", "electors"),
    [
        # data/electoral_votes_1976_2020.csv (census apportionments): Florida had 25 electors in
        # 2000 (1990 census) and 29 in 2016 (2010 census); California 54 and 55.
        (2000, 1990, "FL", 25),
        (2016, 2010, "FL", 29),
        (2000, 1990, "California", 54),
        (2016, 2010, "ca", 55),
    ],
)
def test_apportionment_follows_the_census(
    year: int, census: int, state: str, electors: int
) -> None:
    assert electoral.census_year(year) == census
    assert electoral.electoral_votes_of(year, state) == electors
    assert electoral.apportionment(year).sum() == 538


def test_an_unknown_state_is_named() -> None:
    with pytest.raises(ValueError, match="Narnia"):
        electoral.electoral_votes_of(2016, "Narnia")


def test_a_table_not_summing_to_538_is_refused() -> None:
    table = electoral.apportionment(2016).drop("WY")
    with pytest.raises(ValueError, match="the electoral votes sum to 535, not 538"):
        electoral.check_total(table)


def test_popular_and_electoral_winners_differed_in_2000_and_2016() -> None:
    # FEC: Gore 50,999,897 - Bush 50,456,002 = 543,895 (fec2001);
    # Clinton 65,853,514 - Trump 62,984,828 = 2,868,686 (fec2017).
    found = {s.year: s for s in electoral.splits()}
    assert set(found) == {2000, 2016}
    assert (found[2000].popular_winner, found[2000].popular_margin) == ("GORE, AL", 543_895)
    assert (found[2016].popular_winner, found[2016].popular_margin) == (
        "CLINTON, HILLARY",
        2_868_686,
    )
    assert found[2016].electoral_winner_votes == 306


# --- what-ifs -------------------------------------------------------------------------------------


def test_no_swing_under_winner_take_all_is_the_pledged_result() -> None:
    for year in (2000, 2016):
        result = electoral.outcome(year, "winner", 0)
        assert result.electoral_votes == electoral.pledged_electoral_votes(year).to_dict()


def test_the_tipping_points_are_florida_2000_and_wisconsin_2016() -> None:
    # Ranking states by the winner's margin (MIT state returns = the certified results), Bush
    # reached 270 with Florida (margin 537 of 5,963,110 votes) and Trump with Wisconsin.
    fl, wi = electoral.tipping_point(2000), electoral.tipping_point(2016)
    assert (fl.state_po, wi.state_po) == ("FL", "WI")
    assert fl.margin_pct == pytest.approx(100 * 537 / 5_963_110)
    # A swing a little over the tipping point's margin reverses the result; a little under does not.
    for year, tip in ((2000, fl), (2016, wi)):
        assert electoral.outcome(year, "winner", tip.margin_pct * 0.99).winner == tip.leader
        assert electoral.outcome(year, "winner", tip.margin_pct * 1.01).winner != tip.leader


def test_a_national_popular_vote_gives_every_elector_to_its_winner() -> None:
    assert electoral.outcome(2016, "national").electoral_votes == {"CLINTON, HILLARY": 538}
    assert electoral.outcome(2000, "national").electoral_votes == {"GORE, AL": 538}


@given(seats=st.integers(0, 60), votes=st.lists(st.integers(0, 10**6), min_size=1, max_size=8))
def test_largest_remainder_gives_every_seat_within_one_of_its_quota(
    seats: int, votes: list[int]
) -> None:
    import pandas as pd

    if sum(votes) == 0:
        with pytest.raises(ValueError, match="with some votes cast"):
            electoral.largest_remainder(seats, pd.Series(votes, dtype=float))
        return
    series = pd.Series(votes, index=[f"c{i}" for i in range(len(votes))], dtype=float)
    shares = electoral.largest_remainder(seats, series)
    quota = seats * series / series.sum()
    assert shares.sum() == seats
    assert ((shares - quota).abs() < 1).all()


@settings(deadline=None, max_examples=25)  # each outcome recomputes 51 states
@given(swing=st.floats(-100, 100, allow_nan=False))
def test_every_rule_hands_out_538_electors_after_any_swing(swing: float) -> None:
    for rule in electoral.RULES:
        assert sum(electoral.outcome(2016, rule, swing).electoral_votes.values()) == 538


@settings(deadline=None, max_examples=25)
@given(a=st.floats(-20, 20), b=st.floats(-20, 20))
def test_a_larger_swing_never_helps_the_leader(a: float, b: float) -> None:
    low, high = sorted((a, b))
    leader = electoral.leaders(2016)[0]
    votes = [
        electoral.outcome(2016, "winner", s).electoral_votes.get(leader, 0) for s in (low, high)
    ]
    assert votes[0] >= votes[1]


@pytest.mark.parametrize("swing", [-100.5, 101, float("nan"), "5", True])
def test_a_swing_outside_the_range_is_refused(swing: object) -> None:
    with pytest.raises(ValueError, match="a swing must be between -100 and 100 points of margin"):
        electoral.outcome(2016, "winner", swing)  # type: ignore[arg-type]


def test_an_unknown_rule_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown rule 'lottery'; choose one of winner"):
        electoral.allocate(2016, "lottery")


def test_a_swing_of_the_whole_vote_stops_at_zero() -> None:
    votes = electoral.swung_votes(2016, 100).set_index(["state_po", "candidate"])["votes"]
    assert votes.loc[("DC", "TRUMP, DONALD J.")] == 0  # 4% of the DC vote: all of it switches
    assert (votes >= 0).all()


def test_a_reversal_as_a_share_of_the_national_vote() -> None:
    # 2024: 114,885 voters of the 155,238,302 votes the FEC counted (fec2025results).
    flip = electoral.cheapest_flip(2024)
    assert electoral.national_share(flip) == pytest.approx(100 * 114_885 / 155_238_302, rel=1e-12)

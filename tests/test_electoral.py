"""explainers.electoral: electors won at the polls, and the cheapest Electoral College reversal."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
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

    real = data.president_returns
    monkeypatch.setattr(
        data,
        "president_returns",
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

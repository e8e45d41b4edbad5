"""explainers.margins: arithmetic on one margin, checked by properties and by published figures."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from explainers import margins

counts = st.integers(min_value=0, max_value=10**9)


# --- published figures ----------------------------------------------------------------------------


def test_florida_2000() -> None:
    # FEC, Federal Elections 2000: Bush 2,912,790, Gore 2,912,253 of 5,963,110 votes cast.
    margin = margins.margin_between(2_912_790, 2_912_253)
    assert margin == 537
    assert margins.voters_to_switch(margin) == 269
    assert margins.votes_to_add(margin) == 538
    assert margins.percent_of(margin, 5_963_110) == pytest.approx(0.0090054, rel=1e-4)


# --- properties -----------------------------------------------------------------------------------


@given(margin=counts)
def test_switching_that_many_voters_reverses_and_one_fewer_does_not(margin: int) -> None:
    k = margins.voters_to_switch(margin)
    assert margins.margin_after_switching(margin, k) < 0
    assert margins.margin_after_switching(margin, k - 1) >= 0


@given(margin=counts)
def test_adding_that_many_votes_reverses_and_one_fewer_does_not(margin: int) -> None:
    k = margins.votes_to_add(margin)
    assert margin - k < 0 <= margin - (k - 1)


@given(margin=counts)
def test_a_tie_needs_an_even_margin(margin: int) -> None:
    tie = margins.switches_to_tie(margin)
    if margin % 2:
        assert tie is None
    else:
        assert tie is not None and margins.margin_after_switching(margin, tie) == 0
        assert margins.voters_to_switch(margin) == tie + 1


@given(margin=counts)
def test_twice_the_switches_exceed_the_additions_by_one_exactly_for_even_margins(
    margin: int,
) -> None:
    difference = 2 * margins.voters_to_switch(margin) - margins.votes_to_add(margin)
    assert difference == (1 if margin % 2 == 0 else 0)


@given(winner=counts, challenger=counts, other=counts)
def test_switches_to_overtake_are_enough_and_one_fewer_is_not(
    winner: int, challenger: int, other: int
) -> None:
    winner = max(winner, challenger, other)
    if challenger + winner <= other:  # even every switch leaves the challenger behind
        with pytest.raises(ValueError, match="short of the other candidate"):
            margins.switches_to_overtake(winner, challenger, other)
        return
    k = margins.switches_to_overtake(winner, challenger, other)
    assert k <= winner  # there are that many voters to switch
    assert challenger + k > max(winner - k, other)
    assert not challenger + (k - 1) > max(winner - (k - 1), other)


@given(winner=counts, challenger=counts)
def test_without_a_third_candidate_overtaking_is_reversing(winner: int, challenger: int) -> None:
    winner, challenger = max(winner, challenger), min(winner, challenger)
    assume(winner > 0)  # with no votes at all there is no one to switch
    assert margins.switches_to_overtake(winner, challenger) == margins.voters_to_switch(
        margins.margin_between(winner, challenger)
    )


@given(part=counts, extra=counts)
def test_percent_of_is_between_0_and_100(part: int, extra: int) -> None:
    whole = part + extra
    if whole == 0:
        return
    pct = margins.percent_of(part, whole)
    assert 0 <= pct <= 100
    assert pct == pytest.approx(100 * part / whole)


# --- bad input ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda v: margins.voters_to_switch(v),
        lambda v: margins.votes_to_add(v),
        lambda v: margins.switches_to_tie(v),
        lambda v: margins.margin_between(v, 0),
        lambda v: margins.margin_after_switching(10, v),
        lambda v: margins.percent_of(v, 10),
        lambda v: margins.switches_to_overtake(10, v),
    ],
)
def test_negative_counts_are_refused(call) -> None:
    with pytest.raises(ValueError, match=r"must be zero or more, got -537"):
        call(-537)


@pytest.mark.parametrize("bad", [1.5, "537", True, None])
def test_non_integer_counts_are_refused(bad: object) -> None:
    with pytest.raises(TypeError, match=rf"margin must be a whole number of votes, got {bad!r}"):
        margins.voters_to_switch(bad)  # type: ignore[arg-type]


def test_numpy_integers_are_counts() -> None:
    assert margins.voters_to_switch(np.int64(537)) == 269


def test_margin_between_needs_the_winner_first() -> None:
    with pytest.raises(ValueError, match=r"runner_up_votes \(11\) exceed winner_votes \(10\)"):
        margins.margin_between(10, 11)


def test_percent_of_refuses_an_empty_whole_and_a_part_larger_than_the_whole() -> None:
    with pytest.raises(ValueError, match="whole must be more than zero"):
        margins.percent_of(0, 0)
    with pytest.raises(ValueError, match=r"part \(11\) exceeds whole \(10\)"):
        margins.percent_of(11, 10)


def test_switches_to_overtake_needs_the_winner_largest() -> None:
    with pytest.raises(ValueError, match="winner_votes must be the largest count"):
        margins.switches_to_overtake(10, 11)
    with pytest.raises(ValueError, match="winner_votes must be the largest count"):
        margins.switches_to_overtake(10, 4, 12)


@given(total=counts, other=counts)
def test_two_party_factor_turns_one_percentage_into_the_other(total: int, other: int) -> None:
    two_party = total - min(other, total)
    assume(two_party > 0)
    margin = two_party // 3
    factor = margins.two_party_factor(total, two_party)
    assert margins.percent_of(margin, two_party) == pytest.approx(
        margins.percent_of(margin, total) * factor
    )


@pytest.mark.parametrize(("total", "two_party"), [(10, 0), (10, 11)])
def test_two_party_factor_refuses_impossible_totals(total: int, two_party: int) -> None:
    with pytest.raises(ValueError, match="two_party_votes must be above 0 and at most total_votes"):
        margins.two_party_factor(total, two_party)

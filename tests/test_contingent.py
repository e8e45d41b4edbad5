"""explainers.contingent: the House's vote by state delegation, on party lines."""

from __future__ import annotations

import pytest

from explainers import contingent


@pytest.mark.parametrize(
    ("year", "republican", "democratic", "none"),
    [
        # Derived from Voteview's member lists (data/house_delegations.csv), opening day of the
        # 107th, 115th and 117th Congresses; ties: CT, IL, MD, NV and Vermont's independent (2001),
        # Maine 1-1 (2017), Michigan, Minnesota and Pennsylvania (2021).
        (2000, 28, 17, 5),
        (2016, 32, 17, 1),
        (2020, 27, 20, 3),
    ],
)
def test_house_vote_by_delegation(year: int, republican: int, democratic: int, none: int) -> None:
    vote = contingent.house_vote(year)
    assert (vote.republican_states, vote.democratic_states, vote.no_majority_states) == (
        republican,
        democratic,
        none,
    )
    assert vote.states_needed == 26
    assert vote.winner_party == "Republican"


def test_a_tied_delegation_casts_no_vote() -> None:
    votes = contingent.delegation_votes(2016).set_index("state_po")
    assert votes.loc["ME", ["republicans", "democrats", "vote"]].tolist() == [1, 1, "no majority"]
    assert votes.loc["VT", "vote"] == "Democratic"


def test_a_year_without_delegations_is_refused() -> None:
    with pytest.raises(ValueError, match="no House delegations for the count of 2012"):
        contingent.house_vote(2012)

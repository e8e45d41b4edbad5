"""explainers.faithless: defections needed, and the electoral votes as cast in December."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from explainers import data, electoral, faithless


def test_2016_needed_37_defections() -> None:
    # Politico, 23 Nov 2016 (politico2016popular): the group sought "37 Republican electors".
    # Pledged 306 (Archives, nara2016 / AP, pdn2016wafines): 306 - 269 = 37.
    assert faithless.defections_needed(2016) == 37
    assert faithless.defection_outcome(2016, 36).winner == "TRUMP, DONALD J."
    assert faithless.defection_outcome(2016, 37).winner == electoral.HOUSE


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        # National Archives, 2016 Electoral College Results (nara2016): Trump 304, Clinton 227;
        # Hawaii Sanders 1, Texas Paul 1 and Kasich 1, Washington Powell 3 and Spotted Eagle 1.
        (
            2016,
            {
                "TRUMP, DONALD J.": 304,
                "CLINTON, HILLARY": 227,
                "Colin Powell": 3,
                "Bernie Sanders": 1,
                "John Kasich": 1,
                "Ron Paul": 1,
                "Faith Spotted Eagle": 1,
            },
        ),
        # The Green Papers (greenpapers2000): "Bush: 271 Gore: 266 Abstention: 1".
        (2000, {"BUSH, GEORGE W.": 271, "GORE, AL": 266}),
        # Archives 2020 (no faithless votes): Biden 306, Trump 232.
        (2020, {"BIDEN, JOSEPH R. JR": 306, "TRUMP, DONALD J.": 232}),
        # AP in the LA Times, 20 Dec 1988 (latimes1988electors): one Dukakis vote to Bentsen.
        (1988, {"BUSH, GEORGE H.W.": 426, "DUKAKIS, MICHAEL": 111, "Lloyd Bentsen": 1}),
    ],
)
def test_cast_electoral_votes(year: int, expected: dict[str, int]) -> None:
    assert faithless.cast_electoral_votes(year).to_dict() == expected


def test_the_2016_record_seven_counted_three_voided() -> None:
    # Politico, 19 Dec 2016: "The seven so-called 'faithless' votes"; Colorado, Maine and
    # Minnesota voided three more (coloradoindependent2016baca, wwlp2016bright, mpr2016abdurrahman).
    by_year = faithless.faithless_by_year().set_index("year")
    assert by_year.loc[2016].tolist() == [7, 3]
    assert list(by_year.index) == list(range(1948, 2021, 4))
    # TIME (time2016faithless): nine faithless electors 1900-2012, six abandoning a losing
    # candidate and three a winner; none since 1948 before 2016 cast a vote that was voided.
    before = by_year.drop(2016)
    assert before["faithless"].sum() == 9 and (before["faithless"] <= 1).all()
    assert before["voided"].sum() == 0
    assert by_year.loc[2020].tolist() == [0, 0]


@given(k=st.integers(0, 306), to=st.sampled_from(["other", "runner_up"]))
def test_defections_always_leave_538_electors(k: int, to: str) -> None:
    result = faithless.defection_outcome(2016, k, to)  # type: ignore[arg-type]
    assert result.leader_votes + result.runner_up_votes + result.others == 538
    if result.winner == electoral.HOUSE:
        assert max(result.leader_votes, result.runner_up_votes) < 270


@pytest.mark.parametrize("k", [-1, 307, 2.5, True])
def test_impossible_defections_are_refused(k: object) -> None:
    with pytest.raises(ValueError, match="from 0 to the leader's 306 pledged electors"):
        faithless.defection_outcome(2016, k)  # type: ignore[arg-type]


def test_an_unknown_destination_is_refused() -> None:
    with pytest.raises(ValueError, match="to must be 'other' or 'runner_up', got 'nobody'"):
        faithless.defection_outcome(2016, 5, "nobody")  # type: ignore[arg-type]


def test_no_elector_broke_a_pledge_in_2020() -> None:
    # National Archives, "2020 Electoral College Results": Biden 306, Trump 232, the electors
    # each ticket won in November (https://www.archives.gov/electoral-college/2020).
    pledged = electoral.pledged_electoral_votes(2020)
    assert list(pledged) == [306, 232]
    assert faithless.faithless_by_year().set_index("year").loc[2020, "faithless"] == 0
    assert faithless.cast_electoral_votes(2020).equals(pledged)


def test_the_2024_electors_voted_for_president_as_pledged(monkeypatch) -> None:
    # The certificates of vote as the FEC compiled them: 312 Trump, 226 Harris (fec2025results).
    votes = faithless.presidential_votes_2024()
    assert votes.to_dict() == {"TRUMP, DONALD J.": 312, "HARRIS, KAMALA D.": 226}
    cast = data.electoral_votes_2024()
    swapped = cast.assign(
        trump=cast["trump"].where(cast["state_po"] != "WI", 9),
        harris=cast["harris"].where(cast["state_po"] != "WI", 1),
    )
    monkeypatch.setattr(data, "electoral_votes_2024", lambda: swapped)
    with pytest.raises(ValueError, match=r"2024 electors' votes differ .* won in WI$"):
        faithless.presidential_votes_2024()

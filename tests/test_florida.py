"""Florida 2000: the count as reported, the certified result, and the reviews of rejected ballots."""

from __future__ import annotations

import re

import pytest
from conftest import edit_line

from explainers import data, florida, recounts
from explainers.data import DataValidationError
from explainers.facts import figure


def numbers(text: str) -> list[int]:
    """The whole numbers written with thousands separators in ``text``, in order."""
    return [int(n.replace(",", "")) for n in re.findall(r"\d{1,3}(?:,\d{3})+", text)]


def test_the_certified_lead_is_the_state_returns_and_the_count_files_last_official_figure() -> None:
    # MIT Election Lab state file (certified): Bush 2,912,790, Gore 2,912,253; CNN, 26 Nov 2000.
    assert florida.certified_lead() == 537
    certified = florida.count_stages().set_index("stage").loc["certified"]
    assert certified["bush_lead"] == 537 and certified["date"].strftime("%d %b") == "26 Nov"


def test_each_lead_with_both_totals_in_its_quotation_is_their_difference() -> None:
    # The Supreme Court's recital (1,784) and Harris's deadline returns (300) give both totals.
    stages = florida.count_stages()
    checked = 0
    for row in stages.itertuples():
        totals = [n for n in numbers(row.quote) if n > 1_000_000]
        if len(totals) == 2:
            assert totals[0] - totals[1] == row.bush_lead, row.stage
            checked += 1
    assert checked == 2


def test_the_overseas_ballots_account_for_the_change_after_the_deadline() -> None:
    # NYT News Service, 19 Nov 2000: overseas ballots Bush 1,380, Gore 750; lead 300 -> 930.
    state = florida.state_figures().set_index("stage")["bush_lead"]
    overseas = florida.count_stages().set_index("stage").loc["overseas ballots added", "quote"]
    bush, gore = (int(n.replace(",", "")) for n in re.findall(r"gained ([\d,]+) votes", overseas))
    assert (bush, gore) == (1_380, 750)
    assert state["overseas ballots added"] - state["returns at the deadline"] == bush - gore


def test_the_shift_to_certification_is_the_recount_record_the_audits_chapter_charts() -> None:
    # Bialik (FiveThirtyEight, 2016): "Al Gore cut 1,247 votes off George W. Bush's lead".
    assert florida.shift_to_certification() == 1_784 - 537 == recounts.recount_shift(2000, "FL")


def test_the_court_ordered_votes_leave_the_lead_the_press_reported() -> None:
    # 537 - 215 - 168 (the U.S. Supreme Court's recital) against the Sun-Sentinel's 154.
    reported = florida.count_stages().set_index("stage").loc["Florida Supreme Court order"]
    assert florida.court_order_lead() == reported["bush_lead"] == 154


def test_the_reviews_scenarios_fall_within_the_ranges_the_post_gave() -> None:
    # Keating and Balz, Washington Post, 12 Nov 2001: Gore by 60 to 171 statewide; Bush by 225 to
    # 493 in the two limited recounts.
    norc = florida.review_outcomes("norc")
    statewide = norc[norc["ballots"] == "all rejected ballots statewide"]
    assert len(statewide) == 4 and (statewide["leader"] == "Gore").all()
    assert statewide["margin"].min() == figure("wapo_norc_statewide_low").value
    assert statewide["margin"].max() == figure("wapo_norc_statewide_high").value
    limited = norc[norc["ballots"] != "all rejected ballots statewide"]
    assert (limited["leader"] == "Bush").all()
    assert sorted(limited["margin"]) == [
        figure("wapo_norc_limited_low").value,
        figure("wapo_norc_limited_high").value,
    ]


def test_review_outcomes_sign_the_lead_and_refuse_an_unknown_review() -> None:
    table = florida.review_outcomes()
    assert (table["bush_lead"].abs() == table["margin"]).all()
    assert ((table["bush_lead"] > 0) == (table["leader"] == "Bush")).all()
    assert set(table["review"]) == set(florida.REVIEW_NAMES)
    assert len(florida.review_outcomes("herald")) + len(florida.review_outcomes("norc")) == len(
        table
    )
    # A small margin may be written as a word: ABC News, 4 Apr 2001, "Gore would have won by three".
    herald = florida.review_outcomes("herald").set_index("standard")
    assert herald.loc["the strictest standard, advocated by Bush's supporters", "bush_lead"] == -3
    with pytest.raises(ValueError, match=r"review must be one of \['herald', 'norc'\] or None"):
        florida.review_outcomes("nyt")


@pytest.mark.parametrize(
    ("line", "old", "new", "message"),
    [
        (2, "a margin of 1,784", "a margin of 1,785", r"the lead appears in the quotation.*1,784"),
        (2, "2000-11-08", "2000-11-31", r"line 2, column 'date'.*'2000-11-31'"),
        (2, "2000-11-08", "2000-12-30", r"the rows are in date order.*line 3"),
        (2, ",state,", ",court,", r"column 'reporter'"),
        (9, ",537,", ",53,", r"the lead appears in the quotation.*certified .*: 53\b"),
    ],
)
def test_the_count_file_is_checked(data_copy, line: int, old: str, new: str, message: str) -> None:
    path = data_copy("fl_2000_count.csv")
    edit_line(path, line, old, new)
    with pytest.raises(DataValidationError, match=f"(?s){message}"):
        data.fl_2000_count(path)


@pytest.mark.parametrize(
    ("line", "old", "new", "message"),
    [
        (2, ",Bush,225,", ",Bush,226,", r"the margin appears in the quotation.*226"),
        (2, ",Bush,225,", ",Nader,225,", r"column 'leader'"),
        (2, "norc,", "nyt,", r"column 'review'"),
        (2, ",Bush,225,", ",Bush,0,", r"column 'margin'"),
        (2, ",Bush,225,", ",Bush,22,", r"the margin appears in the quotation.*: 22\b"),
        (11, ",Gore,3,", ",Gore,4,", r"the margin appears in the quotation.*: 4\b"),
    ],
)
def test_the_reviews_file_is_checked(
    data_copy, line: int, old: str, new: str, message: str
) -> None:
    path = data_copy("fl_2000_ballot_reviews.csv")
    edit_line(path, line, old, new)
    with pytest.raises(DataValidationError, match=f"(?s){message}"):
        data.fl_2000_ballot_reviews(path)


def test_leads_are_in_date_order_and_an_unknown_stage_is_named() -> None:
    # AP, 9 Nov 2000: 229 (66 counties); wire services, 10 Nov: 327 (all 67).
    assert florida.leads("machine recount", "press") == (229, 327)
    assert florida.leads("certified", "state") == (537,)
    with pytest.raises(
        ValueError, match=r"no lead reported at stage 'recount' by reporter 'press'"
    ):
        florida.leads("recount", "press")


def test_review_outcome_picks_one_scenario_and_names_the_others() -> None:
    # St. Petersburg Times, 12 Nov 2001: "Bush would have won by 493 votes".
    row = florida.review_outcome("norc", "undervotes statewide")
    assert (row["leader"], row["margin"]) == ("Bush", 493)
    with pytest.raises(ValueError, match=r"4 scenarios of review 'norc' match .*the review has: "):
        florida.review_outcome("norc", "all rejected ballots statewide")
    with pytest.raises(ValueError, match=r"0 scenarios of review 'herald' match ballots 'x'"):
        florida.review_outcome("herald", "x")

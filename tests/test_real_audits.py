"""The Audits in Practice chapter: Colorado 2024 and Georgia 2020, their loaders and their displays.

The reproduction of Colorado's figures over every contest is in ``test_colorado.py``; here are the
chapter's own functions, pinned against figures published elsewhere (cited beside each), and every
error the new loaders raise.
"""

from __future__ import annotations

import csv
import math
from collections import Counter, defaultdict
from pathlib import Path

import pandas as pd
import pytest
from conftest import edit_line
from hypothesis import given
from hypothesis import strategies as st

from explainers import audits, colorado, data, georgia
from explainers.charts import real_audits as charts
from explainers.data import DataValidationError
from explainers.facts import figure
from explainers.tables import real_audits as tables
from explainers.validation import read_sections, where
from explainers.widgets import real_audits as widgets

# --------------------------------------------------------------------------------------------------
# Colorado
# --------------------------------------------------------------------------------------------------


def test_the_reproduction_agrees_with_the_state_in_every_contest_and_both_rounds() -> None:
    for round_number in data.CO_2024_RLA_ROUNDS:
        table = colorado.reproduction(round_number)
        assert len(table) == 613
        assert (table["package_sample"] == table["state_sample"]).all()
    final = colorado.reproduction(3)
    assert (final["package_met"] == final["state_met"]).all()
    assert final["state_met"].sum() == 64


def test_the_targeted_contests_are_the_two_statewide_and_the_county_contests() -> None:
    targeted = colorado.targeted()
    assert Counter(targeted["reason"]) == {"state_wide_contest": 2, "county_wide_contest": 63}
    assert targeted["diluted_margin"].is_monotonic_increasing
    # Before any card was examined, the state's estimate is the package's size with no discrepancy.
    for row in targeted.itertuples():
        assert row.first_estimate == audits.comparison_sample_size(
            row.diluted_margin, row.risk_limit
        )
    assert targeted["state_met"].sum() == 64
    (waiting,) = targeted.loc[~targeted["state_met"], "contest"]
    assert waiting == "Dove Creek Ambulance District Ballot Issue 6A"


def test_the_presidential_contest_is_the_tabulation_and_the_contest_file_together() -> None:
    pres = colorado.presidential()
    # The state's tabulation (co_2024_rla_tabulation.csv): the two leading choices.
    assert (pres.winner, pres.winner_votes) == ("Kamala D. Harris / Tim Walz", 1_727_200)
    assert (pres.runner_up, pres.runner_up_votes) == ("Donald J. Trump / JD Vance", 1_376_852)
    assert pres.margin == 350_348 and pres.ballot_cards == 4_746_866
    assert pres.diluted_margin == 350_348 / 4_746_866
    # 2 γ ln(1/α) / μ by hand, with γ = 1.03905 and α = 3%.
    assert pres.sample == math.ceil(2 * 1.03905 * math.log(1 / 0.03) / (350_348 / 4_746_866)) == 99
    assert (pres.audited, pres.discrepancies, pres.met) == (100, 0, True)
    assert pres.p_value == pytest.approx((1 - pres.diluted_margin / (2 * 1.03905)) ** 100)


def test_a_tabulation_that_disagrees_with_the_contest_file_is_refused(data_dir: Path) -> None:
    path = data_dir / "co_2024_rla_tabulation.csv"
    lines = path.read_text().splitlines(keepends=True)
    line = next(
        i for i, text in enumerate(lines, 1) if text.startswith("Presidential Electors,Kamala")
    )
    edit_line(path, line, ",1727200", ",1727201")
    with pytest.raises(DataValidationError, match=r"presidential margin as 350,349.*350,348"):
        colorado.presidential()


def test_the_tabulation_holds_every_contest_of_the_contest_files() -> None:
    tally = data.co_2024_rla_tabulation()
    assert set(tally["contest_name"]) == set(data.co_2024_rla_contests(3)["contest_name"])


def test_a_repeated_contest_and_choice_is_refused(data_copy) -> None:
    path = data_copy("co_2024_rla_tabulation.csv")
    lines = path.read_text().splitlines(keepends=True)
    path.write_text("".join([*lines, lines[1]]))
    with pytest.raises(DataValidationError, match="does not match its schema"):
        data.co_2024_rla_tabulation(path)


def test_the_discrepancy_reasons_count_records_cards_and_counties() -> None:
    # Counted again with the csv module: a card is its county and its imprinted ID.
    path = data.DATA_DIR / "co_2024_rla_discrepancies.csv"
    with path.open(newline="") as handle:
        rows = list(csv.reader(handle))[2:-1]
    records, cards, counties = Counter(), defaultdict(set), defaultdict(set)
    targeted_names = set(colorado.targeted()["contest"])
    in_targeted = Counter()
    for county, contest, card, _, _, _, reason in rows:
        records[reason] += 1
        cards[reason].add((county, card))
        counties[reason].add(county)
        in_targeted[reason] += contest in targeted_names
    table = colorado.discrepancy_reasons().set_index("reason")
    expected = {r: (records[r], len(cards[r]), len(counties[r]), in_targeted[r]) for r in records}
    got = {r: (t.records, t.cards, t.counties, t.targeted) for r, t in table.iterrows()}
    assert got == expected
    assert sum(records.values()) == 235
    assert table.loc["Wrong Ballot", "records"] == 186 and table.loc["Wrong Ballot", "cards"] == 9
    assert list(table["cards"]) == sorted(table["cards"], reverse=True)


def test_the_discrepancy_report_must_keep_its_title_and_its_closing_line(data_copy) -> None:
    path = data_copy("co_2024_rla_discrepancies.csv")
    edit_line(path, 1, "November 2024", "November 2020")
    with pytest.raises(DataValidationError, match=r"line 1: expected the report's title"):
        data.co_2024_rla_discrepancies(path)
    path = data_copy("co_2024_rla_discrepancies.csv")
    lines = path.read_text().splitlines(keepends=True)
    path.write_text("".join(lines[:-1]))
    with pytest.raises(DataValidationError, match=r"closing 'End of worksheet' line"):
        data.co_2024_rla_discrepancies(path)


def test_an_unknown_reason_is_refused_on_its_own_line(data_copy) -> None:
    path = data_copy("co_2024_rla_discrepancies.csv")
    edit_line(path, 3, '"Voting System Limitation"', '"Gremlins"')
    # Line 3 of the file: the title and the header come first.
    with pytest.raises(DataValidationError, match=r"line 3, column 'reason'.*Gremlins"):
        data.co_2024_rla_discrepancies(path)


def test_a_skipped_title_keeps_the_files_line_numbers() -> None:
    assert where(0) == "line 2"
    frame = data.co_2024_rla_discrepancies()
    assert where(frame.index[0]) == "line 3"


def test_the_chart_refuses_a_start_outside_its_controls() -> None:
    with pytest.raises(ValueError, match=r"risk_limit_pct must be between 1 and 25, got 30"):
        charts.colorado_chart(risk_limit_pct=30)
    with pytest.raises(ValueError, match=r"contest must be one of Colorado's 65 targeted contests"):
        charts.colorado_chart(contest="Mayor of Nowhere")
    points = charts.colorado_points()
    points.loc[0, "risk_limit"] = 0.1
    with pytest.raises(ValueError, match=r"the contests must share one risk limit"):
        charts.colorado_chart(points)


def test_the_chart_holds_every_targeted_contest_and_its_three_figures() -> None:
    points = charts.colorado_points()
    targeted = colorado.targeted()
    assert list(points["contest"]) == list(targeted["contest"])
    assert list(points["estimate"]) == list(targeted["first_estimate"])
    assert list(points["audited"]) == list(targeted["audited"])
    assert list(points["found"]) == list(targeted[["o1", "o2", "u1", "u2"]].sum(axis=1))
    spec = charts.colorado_chart().to_dict()
    assert {p["name"] for p in spec["params"]} == {"co_risk_limit", "co_contest"}


def test_the_discrepancy_table_lists_the_contests_with_what_was_found() -> None:
    table = tables.discrepancy_contests_table()
    rows = table.formatted().set_index("Contest")
    assert rows.loc["Hinsdale County Commissioner District 1", "Found"] == (
        "1 two-vote over; 2 two-vote under"
    )
    assert rows.loc["Dove Creek Ambulance District Ballot Issue 6A", "Risk limit met"] == "not yet"
    assert "3% risk limit" in table.caption


def test_the_panel_recomputes_for_any_contest_and_risk_limit() -> None:
    contest, risk, with_found, result = widgets.colorado_panel().children
    assert len(contest.options) == 613
    assert "Package, with the discrepancies found, at a 3% risk limit: <b>99</b>" in result.value
    contest.value = "Dove Creek Ambulance District Ballot Issue 6A"
    assert "<b>156</b> ballot cards" in result.value  # the state's figure after round 3
    with_found.value = False
    assert "<b>55</b> ballot cards" in result.value  # and before the audit
    risk.value = 10
    row = colorado.reproduction(3).set_index("contest").loc[contest.value]
    size = audits.comparison_sample_size(row["diluted_margin"], 0.10)
    assert f"at a 10% risk limit: <b>{size:,}</b>" in result.value
    assert "above the state's risk limit" in result.value


# --------------------------------------------------------------------------------------------------
# Georgia
# --------------------------------------------------------------------------------------------------


def test_the_machine_and_hand_counts_are_the_reports() -> None:
    counts = georgia.counts()
    # UPI, 19 November 2020: "Biden won the state with 2,475,141 votes to President Donald Trump's
    # 2,462,857, a 12,284-vote margin. Under the initial count, Biden won by a 12,780 margin".
    assert counts.loc["Joseph R. Biden", "hand"] == 2_475_141
    assert counts.loc["Donald J. Trump", "hand"] == 2_462_857
    assert counts.loc["Margin", "hand"] == 12_284
    assert counts.loc["Margin", "machine"] == 12_780
    assert counts.loc["Margin", "change"] == -496
    assert (counts["change"] == counts["hand"] - counts["machine"]).all()


def test_the_audit_is_a_ballot_polling_audit_of_every_ballot() -> None:
    audit = data.ga_2020_audit()
    assert (audit.audit_type, audit.math_type, audit.risk_limit) == ("BALLOT_POLLING", "BRAVO", 0.1)
    assert audit.sample_size == audit.ballots_cast == 5_023_513
    assert len(audit.batches) == 41_881  # as the state's report said (SOURCES §12)
    assert audit.batches["county"].nunique() == 159
    assert audit.start < audit.end


def test_each_countys_hand_count_is_the_sum_of_its_batches() -> None:
    batches = data.ga_2020_audit().batches
    by_county = batches.groupby("county")[list(georgia.CANDIDATES)].sum().sum(axis=1)
    counties = data.ga_2020_counties()
    counties = counties[counties["County"] != "ALL"]
    counties = counties.set_index(counties["County"].str.upper())
    assert by_county.to_dict() == counties["RLA-TBJ"].to_dict()


def test_the_county_differences_match_the_published_counts() -> None:
    diffs = georgia.county_differences()
    assert len(diffs) == 159
    # The Atlanta Journal-Constitution, as The Week reported it (cited_figures.csv).
    assert (diffs["difference"] == 0).sum() == figure("ga_counties_unchanged").value
    assert (diffs["difference"].abs() <= 10).sum() == figure("ga_counties_within_ten").value
    assert list(diffs["difference"].abs()) == sorted(diffs["difference"].abs(), reverse=True)
    assert (diffs["difference"] == diffs["hand"] - diffs["official"]).all()


def test_the_lead_stages_are_dated_in_order_and_sourced() -> None:
    stages = georgia.lead_stages()
    assert stages["date"].is_monotonic_increasing
    assert list(stages["lead"]) == [
        figure("ga_lead_announced").value,
        12_780,
        12_284,
        figure("ga_lead_certified").value,
        11_779,  # MIT Election Lab: Biden 2,473,633, Trump 2,461,854
    ]
    assert stages["source"].str.len().gt(0).all()


def test_the_polling_expectation_uses_the_machine_counts_shares() -> None:
    biden, trump, cast = 2_474_248, 2_461_468, 5_023_513
    expect = georgia.polling_expectation(0.10)
    assert expect.diluted_margin == (biden - trump) / cast
    # Wald's average sample number, written out: (ln(1/α) + z_w/2) / (p_w z_w + p_l z_l).
    s = biden / (biden + trump)
    p_w, p_l = biden / cast, trump / cast
    z_w, z_l = math.log(2 * s), math.log(2 * (1 - s))
    assert expect.polling == math.ceil((math.log(10) + z_w / 2) / (p_w * z_w + p_l * z_l))
    assert expect.comparison == math.ceil(2 * 1.03905 * math.log(10) * cast / (biden - trump))
    assert expect.polling < expect.ballots


@given(st.floats(min_value=0.001, max_value=0.5))
def test_a_lower_risk_limit_never_asks_for_fewer_ballots(risk: float) -> None:
    low, high = georgia.polling_expectation(risk / 2), georgia.polling_expectation(risk)
    assert low.polling >= high.polling and low.comparison >= high.comparison
    assert high.polling <= high.ballots


@pytest.mark.parametrize("risk", [0, 1, 1.5, -0.1, float("nan")])
def test_a_risk_limit_outside_zero_one_is_refused_by_name(risk: float) -> None:
    with pytest.raises(ValueError, match="risk_limit"):
        georgia.polling_expectation(risk)


def test_the_georgia_tables_show_the_stages_and_the_largest_differences() -> None:
    lead = tables.georgia_lead_table().formatted()
    assert list(lead["Biden's lead"]) == ["14,111", "12,780", "12,284", "12,670", "11,779"]
    assert list(lead["Date"]) == ["11 Nov", "19 Nov", "19 Nov", "20 Nov", "7 Dec"]
    counties = tables.georgia_counties_table(3).formatted()
    assert list(counties["County"]) == ["Gwinnett", "DeKalb", "Fulton"]
    assert list(counties["Difference"]) == ["+1,642", "+639", "+634"]


# --------------------------------------------------------------------------------------------------
# The Georgia loaders' rules
# --------------------------------------------------------------------------------------------------


def test_a_report_section_with_a_short_row_is_refused_on_its_line(data_copy) -> None:
    path = data_copy("ga_2020_audit_report.csv")
    edit_line(path, 19, "APPLING,01,Absentee By Mail,23,1,", "APPLING,01,Absentee By Mail,23,")
    with pytest.raises(DataValidationError, match=r"line 19: 9 cells where the section "):
        data.ga_2020_audit(path)


def test_rows_outside_a_section_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "report.csv"
    path.write_text("a,b\n1,2\n")
    with pytest.raises(DataValidationError, match=r"line 1: expected a section title"):
        read_sections(path)
    path.write_text("######## ONE ########\nx,y\n1,2\n\n######## TWO ########\nz\n3\n")
    sections = read_sections(path)
    assert list(sections) == ["ONE", "TWO"]
    assert where(sections["TWO"].index[0]) == "line 7"
    with pytest.raises(DataValidationError, match="file not found"):
        read_sections(tmp_path / "missing.csv")


def test_a_round_that_is_not_every_ballot_is_refused(data_copy) -> None:
    path = data_copy("ga_2020_audit_report.csv")
    edit_line(path, 15, ",Targeted,5023513,", ",Targeted,5023512,")
    with pytest.raises(DataValidationError, match=r"examined 5,023,512 ballots, not every one"):
        data.ga_2020_audit(path)


def test_batches_that_do_not_add_up_to_the_round_are_refused(data_copy) -> None:
    path = data_copy("ga_2020_audit_report.csv")
    edit_line(path, 19, "APPLING,01,Absentee By Mail,23,", "APPLING,01,Absentee By Mail,24,")
    with pytest.raises(DataValidationError, match=r"batches give Donald J. Trump 2,462,858 votes"):
        data.ga_2020_audit(path)


def test_a_risk_limit_that_is_not_a_percentage_is_refused(data_copy) -> None:
    path = data_copy("ga_2020_audit_report.csv")
    edit_line(path, 11, ",BRAVO,10%,", ",BRAVO,ten,")
    with pytest.raises(DataValidationError, match=r"line 11, column 'Risk Limit'.*'ten'"):
        data.ga_2020_audit(path)


def test_a_vote_total_that_is_not_a_count_is_refused(data_copy) -> None:
    path = data_copy("ga_2020_audit_report.csv")
    edit_line(path, 7, "Jo Jorgensen: 62131", "Jo Jorgensen: many")
    with pytest.raises(DataValidationError, match=r"CONTESTS: cannot read 'Jo Jorgensen: many'"):
        data.ga_2020_audit(path)


def test_a_county_difference_that_is_not_audit_minus_official_is_refused(data_copy) -> None:
    path = data_copy("ga_2020_ballots_cast_by_county.csv")
    edit_line(path, 5, "Floyd,41648,", "Floyd,41649,")
    with pytest.raises(
        DataValidationError, match=r"(?s)Δ-TBJ is RLA-TBJ minus Ofc-TBJ.*line 5: Floyd"
    ):
        data.ga_2020_counties(path)


def test_a_missing_county_is_refused(data_copy) -> None:
    path = data_copy("ga_2020_ballots_cast_by_county.csv")
    frame = pd.read_csv(path)
    frame = frame[frame["County"] != "Appling"]
    frame.to_csv(path, index=False)
    with pytest.raises(DataValidationError, match=r"expected 159 counties and one 'ALL' row"):
        data.ga_2020_counties(path)


def test_counties_that_do_not_add_up_to_all_are_refused(data_copy) -> None:
    path = data_copy("ga_2020_ballots_cast_by_county.csv")
    frame = pd.read_csv(path)
    appling = frame["County"] == "Appling"
    frame.loc[appling, "Ofc-TBJ"] += 1
    frame.loc[appling, "Δ-TBJ"] -= 1  # the row stays consistent; only the sum breaks
    frame.to_csv(path, index=False)
    with pytest.raises(DataValidationError, match=r"do not add up to 'ALL' in \['Ofc-TBJ'\]"):
        data.ga_2020_counties(path)


def test_records_in_targeted_contests_are_found_by_name() -> None:
    # The report marks targeted county contests COUNTY_WIDE_CONTEST but leaves the two statewide
    # ones N/A: counted by name there are 22, 8 of them in the presidential contest.
    records = colorado.discrepancy_records()
    by_flag = records["audit_reason"].eq("COUNTY_WIDE_CONTEST")
    assert by_flag.sum() == 7
    assert records["targeted"].sum() == 22
    assert records.loc[records["targeted"], "contest_name"].nunique() == 7
    assert (records["targeted"] & ~by_flag).sum() == 15
    assert records["contest_name"].eq(colorado.PRESIDENTIAL).sum() == 8
    county = set(colorado.targeted().query("reason == 'county_wide_contest'")["contest"])
    assert set(records.loc[records["contest_name"].isin(county), "reason"]) == {"Wrong Ballot"}


def test_an_empty_discrepancy_report_is_refused(data_copy) -> None:
    path = data_copy("co_2024_rla_discrepancies.csv")
    lines = path.read_text().splitlines(keepends=True)
    path.write_text("".join([lines[0], lines[1], lines[-1]]))
    with pytest.raises(DataValidationError, match="the report lists no discrepancy"):
        data.co_2024_rla_discrepancies(path)
    path.write_text(lines[0])
    with pytest.raises(DataValidationError, match="the file is empty"):
        data.co_2024_rla_discrepancies(path)


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([("Kamala D. Harris / Tim Walz", 10)], r"leading counts \[10\]"),
        ([("A", 10), ("B", 10)], r"leading counts \[10, 10\]"),
        ([("A", 10), ("B", 5), ("C", 5)], r"leading counts \[10, 5, 5\]"),
    ],
)
def test_a_presidential_tally_without_a_clear_winner_and_runner_up_is_refused(
    data_dir: Path, rows: list[tuple[str, int]], message: str
) -> None:
    path = data_dir / "co_2024_rla_tabulation.csv"
    kept = [
        line
        for line in path.read_text().splitlines(keepends=True)
        if not line.startswith(colorado.PRESIDENTIAL + ",")
    ]
    kept += [f"{colorado.PRESIDENTIAL},{choice},{votes}\n" for choice, votes in rows]
    path.write_text("".join(kept))
    with pytest.raises(DataValidationError, match=message):
        colorado.presidential()


def test_the_panel_gives_a_full_count_when_the_sample_exceeds_the_cards() -> None:
    table = colorado.reproduction(3).set_index("contest", drop=False)
    row = table.sort_values("diluted_margin").iloc[0]
    size = audits.comparison_sample_size(row["diluted_margin"], 0.01, gamma=row["gamma"])
    assert size >= row["ballot_cards"]
    text = widgets.describe_contest(row, 1, with_found=False)
    assert f"more than the contest's {row['ballot_cards']:,} ballot cards: <b>a full count</b>" in (
        text
    )
    assert "0.00%" not in text


def test_the_panel_escapes_names_and_refuses_bad_starting_values() -> None:
    table = colorado.reproduction(3).set_index("contest", drop=False)
    (name,) = [n for n in table.index if "&" in n][:1]
    assert "&amp;" in widgets.describe_contest(table.loc[name], 3, with_found=True)
    with pytest.raises(ValueError, match=r"contest must be one of Colorado's 613 contests"):
        widgets.colorado_panel("Mayor of Nowhere")
    with pytest.raises(ValueError, match=r"risk_limit_pct must be between 1 and 25, got 30"):
        widgets.colorado_panel(risk_limit_pct=30)


def test_a_tiny_risk_limit_makes_the_polling_expectation_a_full_count() -> None:
    expect = georgia.polling_expectation(1e-300)
    assert expect.polling == expect.ballots
    assert expect.comparison < expect.ballots


@pytest.mark.parametrize("n", [0, -3, 2.5, True])
def test_the_county_table_refuses_a_count_that_is_not_a_whole_number(n) -> None:
    with pytest.raises(ValueError, match=r"n must be a whole number of counties, at least 1"):
        tables.georgia_counties_table(n)


# --------------------------------------------------------------------------------------------------
# Reading a report of sections, and the Georgia report's rules
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "######## A ########\nx,y\n1,2\n\n######## A ########\nx,y\n3,4\n",
            r"line 5: a second section 'A' \(the first is at line 1\)",
        ),
        ("######## A ########\n######## B ########\nz\n3\n", r"line 1: section 'A' has no header"),
        ("x\n######## A ########\n", r"line 1: expected a section title"),
        ("######## A ########\n", r"line 1: section 'A' has no header"),
        ("", r"the file is empty"),
        ('######## A ########\nx,y\n"1,2\n', r"malformed CSV"),
    ],
)
def test_a_malformed_report_is_refused_by_line(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "report.csv"
    path.write_text(text)
    with pytest.raises(DataValidationError, match=message):
        read_sections(path)


def test_a_report_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "report.csv"
    path.write_bytes("######## A ########\nx\ncaf\xe9\n".encode("latin-1"))
    with pytest.raises(DataValidationError, match="malformed CSV"):
        read_sections(path)


def test_a_byte_order_mark_and_a_multiline_cell_keep_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "report.csv"
    path.write_text('\ufeff######## A ########\nx,y\n"two\nlines",1\n3,4\n', encoding="utf-8")
    frame = read_sections(path)["A"]
    assert [where(i) for i in frame.index] == ["line 4", "line 5"]


def test_a_negative_skip_is_refused(tmp_path: Path) -> None:
    from explainers.validation import read_csv

    with pytest.raises(ValueError, match=r"skip_lines must be a whole number, zero or more"):
        read_csv(tmp_path / "a.csv", skip_lines=-1)


def _report(data_copy, line: int, old: str, new: str) -> Path:
    path = data_copy("ga_2020_audit_report.csv")
    edit_line(path, line, old, new)
    return path


@pytest.mark.parametrize(
    ("line", "old", "new", "message"),
    [
        (15, "2020-11-13T14:06:04.124786", "Friday", r"line 15, column 'Start Time'"),
        (7, ",5023513,", ",lots,", r"line 7, column 'Total Ballots Cast'"),
        (11, ",BRAVO,10%,", ",BRAVO,0%,", r"line 11, column 'Risk Limit'"),
        (11, ",BRAVO,10%,", ",BRAVO,150%,", r"line 11, column 'Risk Limit'"),
        (15, ",Yes,0,", ",maybe,0,", r"line 15, column 'Risk Limit Met\?'"),
        (15, "2020-11-19T22:25:48", "2020-11-12T22:25:48", r"the round ends before it starts"),
        (7, "Jo Jorgensen: 62131", "Jo Jorgensen: 62131; Jo Jorgensen: 1", r"listed twice"),
        (7, "Jo Jorgensen: 62131; ", "", r"CONTESTS: the choices are"),
        (15, "1,President of the United States", "1,Senator", r"the round audits 'Senator'"),
    ],
)
def test_each_rule_of_the_georgia_report_names_what_is_wrong(
    data_copy, line: int, old: str, new: str, message: str
) -> None:
    with pytest.raises(DataValidationError, match=message):
        data.ga_2020_audit(_report(data_copy, line, old, new))


def test_a_georgia_report_missing_a_section_or_with_two_rows_is_refused(data_copy) -> None:
    path = data_copy("ga_2020_audit_report.csv")
    lines = path.read_text().splitlines(keepends=True)
    path.write_text("".join(lines[:16]))
    with pytest.raises(DataValidationError, match=r"no 'BATCH RESULTS' section"):
        data.ga_2020_audit(path)
    path.write_text("".join([*lines[:4], *lines[8:]]))
    with pytest.raises(DataValidationError, match=r"section 'CONTESTS' with one row, found none"):
        data.ga_2020_audit(path)
    path.write_text("".join([*lines[:15], lines[14], *lines[15:]]))
    with pytest.raises(DataValidationError, match=r"section 'ROUNDS' with one row, found 2 rows"):
        data.ga_2020_audit(path)


def test_a_georgia_report_is_copied_for_each_caller() -> None:
    first = data.ga_2020_audit()
    first.tabulated["Joseph R. Biden"] += 1_000_000
    first.batches.loc[first.batches.index[0], "Joseph R. Biden"] = 10**9
    again = data.ga_2020_audit()
    assert again.tabulated["Joseph R. Biden"] == 2_474_248
    assert again.batches["Joseph R. Biden"].sum() == 2_475_141
    assert georgia.counts().loc["Margin", "machine"] == 12_780


def test_the_chapters_counts_come_from_the_summaries() -> None:
    # Each count recomputed from the tables the summaries read.
    co = colorado.audit_summary()
    final = colorado.reproduction(3)
    assert (co.contests, co.with_margin, co.met) == (725, 613, 64)
    assert co.same_first == co.same_final == co.same_verdict == co.with_margin
    assert co.examined == int((final["audited"] > 0).sum()) == 65
    assert (co.targeted, co.targeted_met, co.statewide, co.county) == (65, 64, 2, 63)
    assert co.with_discrepancies == 5
    report = colorado.report_summary()
    assert (report.records, report.cards, report.counties) == (235, 47, 26)
    assert (report.targeted_records, report.targeted_contests) == (22, 7)
    assert report.presidential_records == 8
    assert report.county_contest_reasons == ("Wrong Ballot",)
    counties = georgia.county_summary()
    # The Atlanta Journal-Constitution, as The Week reported it (cited_figures.csv).
    assert (counties.unchanged, counties.within_ten) == (
        figure("ga_counties_unchanged").value,
        figure("ga_counties_within_ten").value,
    )
    assert counties.counties == 159
    assert counties.change == 5_000_585 - 4_998_482  # the comparison's ALL row: audit - official
    # The audit report: 2,475,141 + 2,462,857 + 62,587 hand against 2,474,248 + 2,461,468 + 62,131.
    assert georgia.votes_added() == (2_475_141 + 2_462_857 + 62_587) - (
        2_474_248 + 2_461_468 + 62_131
    )

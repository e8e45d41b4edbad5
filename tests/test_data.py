"""explainers.data: the tables load, match the official figures, and refuse broken files."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import edit_line

from explainers import data
from explainers.data import DataValidationError


def votes(year: int, state: str, candidate: str) -> int:
    returns = data.president_returns()
    rows = returns[
        (returns["year"] == year)
        & (returns["state_po"] == state)
        & (returns["candidate"] == candidate)
    ]
    return int(rows["candidatevotes"].sum())


# --- the official figures -------------------------------------------------------------------------


def test_florida_2000_matches_the_certified_result() -> None:
    # FEC, Federal Elections 2000: Bush 2,912,790, Gore 2,912,253.
    assert votes(2000, "FL", "BUSH, GEORGE W.") == 2_912_790
    assert votes(2000, "FL", "GORE, AL") == 2_912_253


@pytest.mark.parametrize(
    ("state", "trump", "clinton"),
    [
        # FEC, Federal Elections 2016 (certified; Wisconsin after the December recount).
        ("MI", 2_279_543, 2_268_839),
        ("PA", 2_970_733, 2_926_441),
        ("WI", 1_405_284, 1_382_536),
    ],
)
def test_2016_state_results_match_the_certified_results(
    state: str, trump: int, clinton: int
) -> None:
    assert votes(2016, state, "TRUMP, DONALD J.") == trump
    assert votes(2016, state, "CLINTON, HILLARY") == clinton


def test_official_national_totals_2016() -> None:
    # FEC, Federal Elections 2016: Clinton 65,853,514, Trump 62,984,828.
    official = data.official_totals().set_index("candidate")["votes"]
    assert official["CLINTON, HILLARY"] == 65_853_514
    assert official["TRUMP, DONALD J."] == 62_984_828


def test_romney_is_one_candidate_in_2012() -> None:
    # The MIT file spells him "MITT, ROMNEY" in Washington 2012 (data/corrections.csv).
    returns = data.president_returns()
    assert "MITT, ROMNEY" not in set(returns["candidate"].dropna())
    # Clerk of the House, 2012: Romney 1,290,670 in Washington.
    assert votes(2012, "WA", "ROMNEY, MITT") == 1_290_670


def test_a_leader_spelled_differently_in_one_state_is_refused(data_copy) -> None:
    path = data_copy("mit_president_1976_2020.csv")
    text = path.read_text()
    row = next(
        line
        for line in text.splitlines()
        if line.startswith("2016,WYOMING,WY,") and "TRUMP" in line
    )
    path.write_text(text.replace(row, row.replace('"TRUMP, DONALD J."', '"DONALD TRUMP"')))
    with pytest.raises(DataValidationError, match=r"TRUMP, DONALD J\. has no row in WY in 2016"):
        data.president_returns(path)


def test_texas_typing_errors_are_corrected() -> None:
    # FEC, Federal Elections 2000 and 2020: Bush 3,799,639 (TX 2000); Trump 5,890,347 (TX 2020).
    assert votes(2000, "TX", "BUSH, GEORGE W.") == 3_799_639
    assert votes(2020, "TX", "TRUMP, DONALD J.") == 5_890_347


def test_wisconsin_canvass_and_recount_totals() -> None:
    # WEC: original canvass Trump 1,404,440 / Clinton 1,381,823; recount 1,405,284 / 1,382,536.
    sums = data.wi_recount_by_county().sum(numeric_only=True)
    assert (sums["trump_canvass"], sums["clinton_canvass"]) == (1_404_440, 1_381_823)
    assert (sums["trump_recount"], sums["clinton_recount"]) == (1_405_284, 1_382_536)


def test_recount_file_agrees_with_the_independent_mit_file() -> None:
    sums = data.wi_recount_by_county().sum(numeric_only=True)
    assert sums["trump_recount"] == votes(2016, "WI", "TRUMP, DONALD J.")
    assert sums["clinton_recount"] == votes(2016, "WI", "CLINTON, HILLARY")
    returns = data.president_returns()
    total = returns[(returns["year"] == 2016) & (returns["state_po"] == "WI")]["totalvotes"].iloc[0]
    assert sums["total_recount"] == total


def test_electoral_votes_every_year_sum_to_538_with_known_allocations() -> None:
    ev = data.electoral_votes().set_index(["year", "state_po"])["electoral_votes"]
    assert ev.groupby(level="year").sum().eq(538).all()
    # 2000 census apportionment (2004-2008) vs 2010 (2012-2020): FL 27 -> 29; 1990 census: FL 25.
    assert (ev[(2000, "FL")], ev[(2016, "FL")], ev[(2016, "MI")], ev[(2016, "WI")]) == (
        25,
        29,
        16,
        10,
    )


def test_reported_counts_keep_their_quotes_and_sources() -> None:
    reported = data.reported_counts()
    assert set(reported["source"]) <= _bib_keys()
    for row in reported.itertuples():
        assert f"{row.value:,}" in row.quote


def test_every_source_key_in_data_is_in_the_bibliography() -> None:
    keys = _bib_keys()
    for table in (
        data.corrections(),
        data.district_electors(),
        data.official_totals(),
        data.house_delegations(),
        data.equipment_models(),
    ):
        assert set(table["source"]) <= keys
    faithless_keys = {k for cell in data.faithless_electors()["source"] for k in cell.split(";")}
    assert faithless_keys <= keys


def test_house_delegations_match_the_published_party_totals() -> None:
    # Opening day of each Congress: AP, 4 Jan 2001 ("221 seats to 211 Democratic seats, with two
    # independents and one seat left vacant"); COSSA for the 115th ("241 Republicans and 194
    # Democrats"); the 117th: 222 Democrats, 211 Republicans, 2 vacant (data/README.md).
    totals = (
        data.house_delegations()
        .groupby("congress")[["republicans", "democrats", "others", "vacancies"]]
        .sum()
    )
    assert totals.loc[107].tolist() == [221, 211, 2, 1]
    assert totals.loc[115].tolist() == [241, 194, 0, 0]
    assert totals.loc[117].tolist() == [211, 222, 0, 2]


def test_faithless_rows_quote_the_elector_they_describe() -> None:
    rows = data.faithless_electors()
    for row in rows.itertuples():
        surname = row.elector.split()[-1].rstrip(".")
        if row.elector.startswith("("):  # Minnesota 2004: the ballots were unsigned
            assert "aren't signed" in row.quote
            continue
        if surname == "Jr":
            surname = row.elector.split()[-2]
        assert surname in row.quote, row.elector


def test_cited_figures_stand_in_their_quotations_with_their_sources() -> None:
    figures = data.cited_figures()
    assert set(figures["source"]) <= _bib_keys()
    assert figures["key"].is_unique
    # Wisconsin's recount cost as the Associated Press reported the Commission's total
    # (ap2017wicost, 10 Jan 2017), and Pennsylvania's audit rule (padosaudits).
    cost = figures.set_index("key").loc["wi_recount_cost"]
    assert (cost["value"], cost["written"]) == (2005603, "$2,005,603")
    assert figures.set_index("key").loc["pa_audit_share", "written"] == "2%"


def test_recount_rules_cover_four_states_three_rules_each_with_sources() -> None:
    rules = data.recount_rules_2016()
    assert len(rules) == len(data.RECOUNT_RULE_STATES) * len(data.RECOUNT_RULES)
    assert set(rules["source"]) <= _bib_keys()
    automatic = rules[rules["rule"] == "automatic"].set_index("state_po")
    # Michigan: 2,000 votes (MCL 168.880a, detroitnews2016trigger); Florida and Pennsylvania:
    # 0.5% (politico2016rules; 25 P.S. 3154(g)); Wisconsin: none (wecunofficial).
    assert automatic.loc["MI", ["threshold", "threshold_unit"]].tolist() == [2000, "votes"]
    assert automatic.loc["FL", "threshold"] == automatic.loc["PA", "threshold"] == 0.5
    assert automatic["threshold"].isna().loc["WI"]


def test_a_state_missing_a_rule_is_named(data_copy) -> None:
    path = data_copy("recount_rules_2016.csv")
    lines = path.read_text().splitlines(keepends=True)
    path.write_text("".join(line for line in lines if not line.startswith("WI,cost")))
    with pytest.raises(DataValidationError, match=r"no row for WI cost"):
        data.recount_rules_2016(path)


def test_recount_events_and_shifts_carry_their_sources() -> None:
    events, shifts = data.recount_events_2016(), data.recount_shifts()
    assert set(events["source"]) | set(shifts["source"]) <= _bib_keys()
    assert set(events["state_po"]) == {"MI", "PA", "WI"}
    # The three reversals since 2000 (FairVote, via NCSL 2020): WA 2004, VT 2006, MN 2008.
    assert sorted(shifts.loc[shifts["reversed"], "state_po"]) == ["MN", "VT", "WA"]


def _bib_keys() -> set[str]:
    text = (data.DATA_DIR.parent / "references.bib").read_text()
    return {
        line.split("{", 1)[1].rstrip(",").strip()
        for line in text.splitlines()
        if line.startswith("@")
    }


# --- broken files give clear errors ---------------------------------------------------------------


# One edited cell each: (case, file, line, text to replace, replacement, loader, expected message).
ONE_CELL_EDITS = [
    (
        "an unknown outcome of a faithless vote",
        "faithless_electors.csv",
        2,
        ",counted,",
        ",ignored,",
        data.faithless_electors,
        r"faithless_electors.csv, line 2, column 'outcome': fails isin",
    ),
    (
        "a faithless row that kept the pledge",
        "faithless_electors.csv",
        2,
        "Strom Thurmond,Fielding L. Wright",
        "Harry S. Truman,Alben W. Barkley",
        data.faithless_electors,
        r"line 2: Preston Parks \(1948, TN\) voted as pledged for both offices",
    ),
    (
        "a second source without its quotation",
        "faithless_electors.csv",
        7,
        "heraldnet2000padden;wp1976washington",
        "heraldnet2000padden;wp1976washington;clerk2017",
        data.faithless_electors,
        r"Mike Padden \(1976\): a source has no \[key\] segment in the quote",
    ),
    (
        "a House delegation with a negative count",
        "house_delegations.csv",
        2,
        "AK,1,0",
        "AK,-1,0",
        data.house_delegations,
        r"house_delegations.csv, line 2, column 'republicans': fails greater_than_or_equal",
    ),
    (
        "a House that no longer has 435 seats",
        "house_delegations.csv",
        2,
        "AK,1,0",
        "AK,2,0",
        data.house_delegations,
        r"Congress 107: 50 states and 436 seats; expected 50 states and 435 seats",
    ),
    (
        "DC given a House vote",
        "house_delegations.csv",
        2,
        ",AK,",
        ",DC,",
        data.house_delegations,
        r"line 2, column 'state_po': fails isin",
    ),
    (
        "negative votes",
        "mit_president_1976_2020.csv",
        2,
        ",659170,",
        ",-659170,",
        data.president_returns,
        r"mit_president_1976_2020.csv, line 2, column 'candidatevotes': fails greater_than_or_equal",
    ),
    (
        "text in a count",
        "mit_president_1976_2020.csv",
        3,
        ",504070,",
        ",5O4070,",
        data.president_returns,
        r"line 3, column 'candidatevotes': fails coerce",
    ),
    (
        "count no longer adding up",
        "mit_president_1976_2020.csv",
        3,
        ",504070,",
        ",504071,",
        data.president_returns,
        r"(?s)candidate votes add up to totalvotes.*AL 1976",
    ),
    (
        "unknown state code",
        "mit_president_1976_2020.csv",
        2,
        "1976,ALABAMA,AL,",
        "1976,ALABAMA,XX,",
        data.president_returns,
        r"line 2, column 'state_po'",
    ),
    (
        "ragged row",
        "mit_president_1976_2020.csv",
        4,
        "\n",
        ",surplus\n",
        data.president_returns,
        r"malformed CSV.*line 4",
    ),
    (
        "electoral votes not summing to 538",
        "electoral_votes_1976_2020.csv",
        2,
        "Alabama,9,",
        "Alabama,10,",
        data.electoral_votes,
        r"column '1976': electoral votes sum to 539",
    ),
    (
        "recount change inconsistent",
        "wi_2016_recount_by_county.csv",
        2,
        ",-34,-17,",
        ",-34,-18,",
        data.wi_recount_by_county,
        r"(?s)trump_change = trump_recount - trump_canvass",
    ),
    (
        "ballot line change inconsistent",
        "wi_2016_recount_by_line.csv",
        3,
        ",844",
        ",845",
        data.wi_recount_by_line,
        r"(?s)change = recount - canvass.*Donald J\. Trump",
    ),
    (
        "ballot lines no longer adding up",
        "wi_2016_recount_by_line.csv",
        3,
        "1404440,1405284,844",
        "1404441,1405284,843",
        data.wi_recount_by_line,
        r"column 'canvass': the ballot lines add up to 2,975,754, not to the 2,975,753",
    ),
    (
        "first line not the total",
        "wi_2016_recount_by_line.csv",
        2,
        "Total Votes Cast",
        "All votes",
        data.wi_recount_by_line,
        r"line 2: the first row must be 'Total Votes Cast'",
    ),
    (
        "state misnamed",
        "mit_president_1976_2020.csv",
        2,
        "1976,ALABAMA,AL,",
        "1976,ALABAMMA,AL,",
        data.president_returns,
        r"(?s)state is the name of state_po in capitals.*line 2: AL is named 'ALABAMMA'",
    ),
    (
        "unknown state name in the electoral votes",
        "electoral_votes_1976_2020.csv",
        2,
        "Alabama,",
        "Alabamma,",
        data.electoral_votes,
        r"(?s)each state is named as in explainers.states.*line 2: unknown 'Alabamma'",
    ),
    (
        "a correction that is not a count",
        "corrections.csv",
        2,
        ",9799639,",
        ",nine million,",
        data.corrections,
        r"a candidatevotes correction holds whole numbers",
    ),
    (
        "a county share above 100%",
        "wi_2016_county_context.csv",
        2,
        ",90.6376268847935,",
        ",190.6376268847935,",
        data.wi_county_context,
        r"(?s)wi_2016_county_context.csv.*white_pct.*in_range",
    ),
    (
        "a county outside Wisconsin",
        "wi_2016_county_context.csv",
        2,
        "ADAMS,55001,",
        "ADAMS,17001,",
        data.wi_county_context,
        r"(?s)wi_2016_county_context.csv.*fips.*str_matches",
    ),
    (
        "a ward with more candidate votes than votes",
        "wi_2016_recount_by_ward.csv",
        2,
        "618,377,207,618,377,207",
        "618,377,207,618,477,207",
        data.wi_recount_by_ward,
        r"(?s)trump_recount \+ clinton_recount <= total_recount.*ADAMS, TOWN OF ADAMS Wards 1-3",
    ),
    (
        "a ward listed twice",
        "wi_2016_recount_by_ward.csv",
        3,
        "TOWN OF BIG FLATS Ward 1-2",
        "TOWN OF ADAMS Wards 1-3",
        data.wi_recount_by_ward,
        r"(?s)wi_2016_recount_by_ward.csv.*county.*reporting_unit",
    ),
    (
        "recount margin inconsistent",
        "wi_2016_recount_by_county.csv",
        2,
        ",2213,2221,8",
        ",2214,2221,8",
        data.wi_recount_by_county,
        r"(?s)margin at canvass = trump - clinton.*ADAMS",
    ),
    (
        "a cited figure changed without its quotation",
        "cited_figures.csv",
        2,
        "2005603,",
        "2005604,",
        data.cited_figures,
        r"(?s)rule 'written stands for value'.*wi_recount_cost: '\$2,005,603' does not stand for 2,005,604",
    ),
    (
        "a cited figure written differently from its source",
        "cited_figures.csv",
        2,
        ',"$2,005,603",',
        ',"$2,005,000",',
        data.cited_figures,
        r"(?s)rule 'written appears in quote'.*wi_recount_cost",
    ),
    (
        "a recount threshold its quotation does not give",
        "recount_rules_2016.csv",
        5,
        ",2000,votes,",
        ",1000,votes,",
        data.recount_rules_2016,
        r"(?s)rule 'the threshold appears in the quotation'.*MI automatic: 1000 votes",
    ),
    (
        "a threshold without its unit",
        "recount_rules_2016.csv",
        5,
        ",2000,votes,",
        ",2000,,",
        data.recount_rules_2016,
        r"rule 'threshold and threshold_unit are given together'",
    ),
    (
        "a state the rules do not cover",
        "recount_rules_2016.csv",
        2,
        "FL,automatic",
        "GA,automatic",
        data.recount_rules_2016,
        r"line 2, column 'state_po'",
    ),
    (
        "an event before the election",
        "recount_events_2016.csv",
        2,
        "2016-11-25",
        "2016-11-05",
        data.recount_events_2016,
        r"line 2, column 'date'",
    ),
    (
        "events out of order",
        "recount_events_2016.csv",
        3,
        "2016-11-29",
        "2016-11-20",
        data.recount_events_2016,
        r"rule 'events are in date order'",
    ),
    (
        "a recount shift its quotation does not give",
        "recount_shifts.csv",
        2,
        ",1247,",
        ",1274,",
        data.recount_shifts,
        r"(?s)rule 'the shift appears in the quotation'.*2000 FL: 1,274",
    ),
    (
        "unknown measure",
        "reported_counts_nov2016.csv",
        4,
        "clinton_votes",
        "clinton_vote",
        data.reported_counts,
        r"line 4, column 'measure'",
    ),
]


@pytest.mark.parametrize(
    ("name", "line", "old", "new", "loader", "message"),
    [case[1:] for case in ONE_CELL_EDITS],
    ids=[case[0] for case in ONE_CELL_EDITS],
)
def test_an_edited_cell_is_refused_with_a_clear_message(
    data_copy, name, line, old, new, loader, message
) -> None:
    path = data_copy(name)
    loader(path)  # the unedited copy loads
    edit_line(path, line, old, new)
    with pytest.raises(DataValidationError, match=message):
        loader(path)


def test_a_missing_state_breaks_the_51_units_rule(data_copy) -> None:
    path = data_copy("mit_president_1976_2020.csv")
    lines = path.read_text().splitlines(keepends=True)
    path.write_text("".join(line for line in lines if not line.startswith("2016,ALASKA,")))
    with pytest.raises(DataValidationError, match=r"(?s)51 units.*2016: 50"):
        data.president_returns(path)


def test_a_missing_column_is_named(data_copy) -> None:
    path = data_copy("official_totals.csv")
    text = path.read_text().splitlines()
    path.write_text("\n".join(",".join(line.split(",")[:-1]) for line in text) + "\n")
    with pytest.raises(DataValidationError, match=r"source"):
        data.official_totals(path)


@pytest.mark.parametrize(
    ("content", "message"), [("", "empty"), ("year,scope,candidate,votes,source\n", "no data rows")]
)
def test_empty_files_are_refused(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "official_totals.csv"
    path.write_text(content)
    with pytest.raises(DataValidationError, match=message):
        data.official_totals(path)


def test_a_missing_file_says_where_data_should_be(tmp_path: Path) -> None:
    with pytest.raises(DataValidationError, match="file not found"):
        data.official_totals(tmp_path / "nope.csv")


def test_a_correction_that_no_longer_matches_is_reported(data_copy) -> None:
    path = data_copy("mit_president_1976_2020.csv")
    text = path.read_text().replace(",9799639,6407637,", ",3799639,6407637,")
    path.write_text(text)
    with pytest.raises(
        DataValidationError, match=r"(?s)expected the known error 9,799,639.*corrections.csv"
    ):
        data.president_returns(path)


def test_a_county_missing_from_the_recount_table_is_refused(data_copy) -> None:
    path = data_copy("wi_2016_recount_by_county.csv")
    lines = path.read_text().splitlines(keepends=True)
    path.write_text("".join(lines[:-1]))
    with pytest.raises(DataValidationError, match="71 counties; Wisconsin has 72"):
        data.wi_recount_by_county(path)


def test_an_electoral_vote_table_without_51_rows_is_refused(data_copy) -> None:
    path = data_copy("electoral_votes_1976_2020.csv")
    lines = path.read_text().splitlines(keepends=True)
    # Drop Wyoming (3 every year) and give Alabama its 3 votes, so every year still sums to 538.
    body = [line for line in lines if not line.startswith("Wyoming,")]
    body = [
        ",".join([cells[0], *(str(int(v) + 3) for v in cells[1:])]) + "\n"
        if (cells := line.rstrip("\n").split(","))[0] == "Alabama"
        else line
        for line in body
    ]
    path.write_text("".join(body))
    with pytest.raises(DataValidationError, match="50 rows; expected 51"):
        data.electoral_votes(path)


def test_a_correction_matching_two_rows_is_reported(data_copy) -> None:
    path = data_copy("mit_president_1976_2020.csv")
    lines = path.read_text().splitlines(keepends=True)
    row = next(line for line in lines if ",9799639," in line)
    path.write_text("".join(lines) + ("" if lines[-1].endswith("\n") else "\n") + row)
    with pytest.raises(DataValidationError, match=r"BUSH, GEORGE W\. \(TX 2000\) matches 2 rows"):
        data.president_returns(path)


def test_a_schema_message_lists_at_most_twelve_problems(data_copy) -> None:
    path = data_copy("official_totals.csv")
    lines = path.read_text().splitlines(keepends=True)
    path.write_text(
        lines[0] + "".join(line.replace("national", "nation") for line in lines[1:] * 8)
    )
    with pytest.raises(DataValidationError, match=r"(?s)problem\(s\).*\.\.\. and \d+ more"):
        data.official_totals(path)


def test_loaders_return_copies() -> None:
    first = data.president_returns()
    first.loc[:, "candidatevotes"] = 0
    assert data.president_returns()["candidatevotes"].sum() > 0


def test_data_readme_checksums_match_the_files() -> None:
    import hashlib
    import re

    readme = (data.DATA_DIR / "README.md").read_text()
    block = re.search(r"```text\n(.*?)```", readme, re.S)
    assert block, "data/README.md lists no checksums"
    listed = dict(line.split()[::-1] for line in block.group(1).strip().splitlines())
    on_disk = {str(p.relative_to(data.DATA_DIR)) for p in data.DATA_DIR.rglob("*") if p.is_file()}
    on_disk.discard("README.md")
    assert set(listed) == on_disk, "every file in data/ is documented, and nothing else"
    for name, digest in listed.items():
        actual = hashlib.sha256((data.DATA_DIR / name).read_bytes()).hexdigest()
        assert actual == digest, (
            f"{name} changed: update its entry (and checksum) in data/README.md"
        )


def test_each_files_section_gives_its_checksum_and_size() -> None:
    # A section's "**sha256:** `...` (n bytes)" repeats the checksum list; it must not drift from it.
    import hashlib
    import re

    readme = (data.DATA_DIR / "README.md").read_text()
    checked = 0
    for section in re.split(r"\n(?=## )", readme):
        name = re.match(r"## `([^`]+)`", section)
        if not name or not (data.DATA_DIR / name.group(1)).is_file():
            continue
        content = (data.DATA_DIR / name.group(1)).read_bytes()
        for digest, size in re.findall(
            r"\*\*sha256:\*\* `([0-9a-f]{64})` \(([\d,]+) bytes\)", section
        ):
            assert digest == hashlib.sha256(content).hexdigest(), f"{name.group(1)}: stale sha256"
            assert int(size.replace(",", "")) == len(content), f"{name.group(1)}: stale size"
            checked += 1
    assert checked >= 15


def test_an_edited_file_is_read_again_not_served_from_cache(data_copy) -> None:
    import os

    path = data_copy("electoral_votes_1976_2020.csv")
    assert data.electoral_votes(path)["electoral_votes"].sum() == 13 * 538  # 1976-2024
    edit_line(path, 2, "Alabama,9,", "Alabama,8,")  # same size: only the time tells the change
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    with pytest.raises(DataValidationError, match="sum to 537"):
        data.electoral_votes(path)


def test_a_changed_corrections_file_invalidates_the_cache(data_dir) -> None:
    assert votes(2000, "TX", "BUSH, GEORGE W.") == 3_799_639
    corrections = data_dir / "corrections.csv"
    lines = corrections.read_text().splitlines(keepends=True)
    corrections.write_text("".join(line for line in lines if not line.startswith("2000,TX")))
    with pytest.raises(DataValidationError, match=r"(?s)candidate votes add up.*TX 2000"):
        data.president_returns()


def test_county_context_must_hold_72_counties(tmp_path: Path) -> None:
    lines = (data.DATA_DIR / "wi_2016_county_context.csv").read_text().splitlines()
    path = tmp_path / "wi_2016_county_context.csv"
    path.write_text("\n".join(lines[:-1]) + "\n")
    with pytest.raises(DataValidationError, match="71 counties; Wisconsin has 72"):
        data.wi_county_context(path)


def test_county_context_2016_votes_are_the_commissions_canvass() -> None:
    # MEDSL's 2016 county votes are the Wisconsin Elections Commission's original canvass (before
    # the recount), county by county; the ward reports (wec2016recount) are the official record.
    context = data.wi_county_context().set_index("county")
    canvass = data.wi_recount_by_county().set_index("county").loc[context.index]
    assert (context["trump16"] == canvass["trump_canvass"]).all()
    assert (context["clinton16"] == canvass["clinton_canvass"]).all()
    together = context[["trump16", "clinton16", "otherpres16"]].sum(axis=1)
    assert (together == canvass["total_canvass"]).all()


def test_county_context_2012_votes_add_up_to_the_state_returns() -> None:
    # The 2012 county votes sum to Wisconsin's certified 2012 result in the MIT state file
    # (Clerk of the House).
    context = data.wi_county_context()
    assert context["obama12"].sum() == votes(2012, "WI", "OBAMA, BARACK H.")
    assert context["romney12"].sum() == votes(2012, "WI", "ROMNEY, MITT")


# --- Florida 2000 by county (an early, unofficial count) ---------------------------------------------


def test_florida_county_file_is_the_early_count_not_the_certified_one() -> None:
    # shared/data/SOURCES.md, verification table: the carData file sums to Bush 2,904,836 and Gore
    # 2,903,861 (Bush +975); the certified result (the MIT state file) is 2,912,790 v 2,912,253.
    counties = data.fl_2000_counties()
    assert len(counties) == data.FL_COUNTIES == 67
    bush, gore = int(counties["bush"].sum()), int(counties["gore"].sum())
    assert (bush, gore) == (2_904_836, 2_903_861)
    certified_bush = votes(2000, "FL", "BUSH, GEORGE W.")
    certified_gore = votes(2000, "FL", "GORE, AL")
    assert (certified_bush - bush, certified_gore - gore) == (7_954, 8_392)
    assert (
        counties[list(c.lower() for c in data.FL_2000_CANDIDATES)].sum(axis=1) == counties["total"]
    ).all()


def test_florida_county_names_have_spaces_not_dots() -> None:
    counties = data.fl_2000_counties().set_index("county")
    # Adams and Fastnow's table (carData Florida): Palm Beach, Buchanan 3,407 of 432,286 votes.
    assert counties.loc["PALM BEACH", "buchanan"] == 3_407
    assert counties.loc["PALM BEACH", "total"] == 432_286
    assert {"ST LUCIE", "DE SOTO", "INDIAN RIVER", "DADE"} <= set(counties.index)
    assert not counties.index.str.contains(".", regex=False).any()


def test_florida_county_total_must_be_the_sum_of_the_candidates(data_copy) -> None:
    path = data_copy("fl_2000_county_unofficial.csv")
    edit_line(path, 2, ",86242", ",86243")
    with pytest.raises(
        DataValidationError,
        match=r"(?s)Total is the sum of the candidates' votes.*line 2.*ALACHUA: Total 86,243, "
        r"candidates 86,242",
    ):
        data.fl_2000_counties(path)


def test_florida_county_file_must_hold_67_counties(data_copy) -> None:
    path = data_copy("fl_2000_county_unofficial.csv")
    lines = path.read_text().splitlines(keepends=True)
    path.write_text("".join(lines[:-1]))
    with pytest.raises(DataValidationError, match="66 counties; Florida has 67"):
        data.fl_2000_counties(path)


def test_florida_county_votes_cannot_be_negative(data_copy) -> None:
    path = data_copy("fl_2000_county_unofficial.csv")
    edit_line(path, 3, "BAKER,2392,", "BAKER,-2392,")
    with pytest.raises(DataValidationError, match=r"fl_2000_county_unofficial\.csv.*GORE"):
        data.fl_2000_counties(path)


def test_the_2024_returns_are_the_certified_results() -> None:
    from explainers import facts

    wide = data.returns_2024().pivot_table(
        index="state_po", columns="candidate", values="candidatevotes", aggfunc="sum"
    )
    # Pennsylvania's Certificate of Ascertainment and Wisconsin's certification (cited_figures.csv).
    for state in ("PA", "WI"):
        low = state.lower()
        assert wide.loc[state, "TRUMP, DONALD J."] == facts.figure(f"{low}_2024_trump").value
        assert wide.loc[state, "HARRIS, KAMALA D."] == facts.figure(f"{low}_2024_harris").value
    # The FEC's national totals (fec2025results, pages 3, 5 and 6).
    assert wide["TRUMP, DONALD J."].sum() == 77_302_580
    assert wide["HARRIS, KAMALA D."].sum() == 75_017_613
    totals = data.returns_2024().drop_duplicates("state_po")["totalvotes"]
    assert totals.sum() == 155_238_302


def test_a_2024_state_whose_lines_do_not_add_up_is_refused(data_copy) -> None:
    path = data_copy("fec_2024_president_by_state.csv")
    assert len(data.returns_2024(path)) == 474 - 51  # the ballot lines, without the totals
    text = path.read_text().replace("WI,TOTAL VOTES,3422918,false", "WI,TOTAL VOTES,3422919,false")
    path.write_text(text)
    with pytest.raises(DataValidationError, match=r"each state's lines add up to its TOTAL VOTES"):
        data.returns_2024(path)
    path.write_text(text.replace("WI,TOTAL VOTES,3422919,false\n", ""))
    with pytest.raises(DataValidationError, match=r"no TOTAL VOTES row for WI"):
        data.returns_2024(path)


def test_2024_electoral_votes_that_do_not_add_up_are_refused(data_copy) -> None:
    path = data_copy("fec_2024_electoral_votes.csv")
    path.write_text(path.read_text().replace("WI,10,10,0", "WI,10,9,0"))
    with pytest.raises(
        DataValidationError, match=r"(?s)votes cast add up.*line 50: WI: 9 \+ 0 != 10"
    ):
        data.electoral_votes_2024(path)
    path.write_text(path.read_text().replace("WI,10,9,0", "WI,11,11,0"))
    with pytest.raises(DataValidationError, match=r"51 rows \(50 states and DC\) and 538"):
        data.electoral_votes_2024(path)

"""explainers.derive: the derived tables of data/ are exactly what their derivation produces."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from explainers import data, derive, fec2024


@pytest.mark.parametrize(
    ("name", "derive"),
    [
        ("wi_2016_recount_by_county.csv", derive.wi_recount_by_county_from_wec),
        ("wi_2016_recount_by_line.csv", derive.wi_recount_by_line_from_wec),
        ("wi_2016_recount_by_ward.csv", derive.wi_recount_by_ward_from_wec),
        ("house_delegations.csv", derive.house_delegations_from_voteview),
        ("wi_2016_county_context.csv", derive.wi_county_context_from_medsl),
        ("fec_2024_president_by_state.csv", fec2024.returns_2024_from_fec),
        ("fec_2024_electoral_votes.csv", fec2024.electoral_votes_2024_from_fec),
    ],
)
def test_derived_tables_are_reproduced_byte_for_byte(tmp_path: Path, name: str, derive) -> None:
    target = tmp_path / name
    derive().to_csv(target, index=False, lineterminator="\n")
    assert target.read_bytes() == (data.DATA_DIR / name).read_bytes()


@pytest.mark.parametrize("report", [derive.WEC_CANVASS, derive.WEC_RECOUNT])
def test_county_totals_add_up_to_wec_office_totals(report: str) -> None:
    sheet = pd.read_excel(data.DATA_DIR / report, sheet_name="Ward by Ward Report", header=None)
    office = sheet[sheet[0].astype(str).str.strip() == "Office Totals:"]
    assert len(office) == 1
    counties = derive._county_totals(data.DATA_DIR / report)
    assert len(counties) == 72
    assert counties["total"].sum() == int(office.iloc[0, 2])


def test_report_without_a_candidate_column_is_refused(tmp_path: Path) -> None:
    rows = [[None] * 4 for _ in range(10)]
    rows.append([None, None, None, "Hillary Clinton\nTim Kaine"])
    rows.append(["ADAMS", "County Totals:", 10, 5])
    path = tmp_path / "broken.xlsx"
    pd.DataFrame(rows).to_excel(path, sheet_name="Ward by Ward Report", header=False, index=False)
    with pytest.raises(
        data.DataValidationError, match=r"broken.xlsx: no column for \['Donald J\. Trump'"
    ):
        derive.wi_recount_by_county_from_wec(path, path)
    with pytest.raises(
        data.DataValidationError, match="expected one 'Office Totals:' row, found 0"
    ):
        derive.wi_recount_by_line_from_wec(path, path)


def _report(path: Path, names: list[str], counties: list[str]) -> Path:
    """A minimal WEC-shaped ward report: names on row 11, one county total each, office totals."""
    rows: list[list[object]] = [[None] * (3 + len(names)) for _ in range(10)]
    rows.append([None, None, None, *(f"{n}\nRunning mate" for n in names)])
    rows += [[c, "County Totals:", 3 * len(names), *([3] * len(names))] for c in counties]
    rows.append(
        [
            "Office Totals:",
            None,
            3 * len(names) * len(counties),
            *([3 * len(counties)] * len(names)),
        ]
    )
    pd.DataFrame(rows).to_excel(path, sheet_name="Ward by Ward Report", header=False, index=False)
    return path


def test_reports_with_different_lines_or_counties_are_refused(tmp_path: Path) -> None:
    names = ["Donald J. Trump", "Hillary Clinton", "Gary Johnson", "Jill Stein"]
    a = _report(tmp_path / "a.xlsx", names, ["ADAMS", "ASHLAND"])
    b = _report(tmp_path / "b.xlsx", [*names, "Evan McMullin"], ["ADAMS"])
    with pytest.raises(
        data.DataValidationError, match=r"different ballot lines: \['Evan McMullin'\]"
    ):
        derive.wi_recount_by_line_from_wec(a, b)
    with pytest.raises(data.DataValidationError, match="list different counties"):
        derive.wi_recount_by_county_from_wec(a, b)


def test_reports_with_different_reporting_units_are_refused(tmp_path: Path) -> None:
    sheet = pd.read_excel(
        data.DATA_DIR / derive.WEC_RECOUNT, sheet_name="Ward by Ward Report", header=None
    )
    sheet.iloc[11, 1] = "TOWN OF ADAMS Wards 1-4"  # the first unit, renamed
    edited = tmp_path / "recount.xlsx"
    sheet.to_excel(edited, sheet_name="Ward by Ward Report", header=False, index=False)
    with pytest.raises(
        data.DataValidationError,
        match=r"2 reporting units are in only one of the two reports, "
        r"e\.g\. \('ADAMS', 'TOWN OF ADAMS Wards 1-3'\)",
    ):
        derive.wi_recount_by_ward_from_wec(recount=edited)


def test_a_member_list_with_a_seat_held_twice_is_refused(tmp_path: Path) -> None:
    import shutil

    (tmp_path / "sources").mkdir()
    for name in derive.VOTEVIEW_MEMBERS.values():
        shutil.copy(data.DATA_DIR / name, tmp_path / name)
    # Keep Greg Gianforte, who won Montana's seat in a 2017 special election, as if he had been
    # there on opening day: the seat then has two members.
    path = tmp_path / derive.VOTEVIEW_MEMBERS[115]
    text = path.read_text().replace(",G000584,", ",G000584X,")
    path.write_text(text)
    with pytest.raises(
        data.DataValidationError,
        match=r"voteview_h115_members.csv: later arrivals not found \['G000584'\], seats held "
        r"twice \[\('MT', '1'\)\]",
    ):
        derive.house_delegations_from_voteview(tmp_path)


def test_county_context_without_a_column_is_refused(tmp_path: Path) -> None:
    raw = pd.read_csv(data.DATA_DIR / derive.MEDSL_CONTEXT, dtype=str)
    path = tmp_path / "context.csv"
    raw.drop(columns=["rural_pct"]).to_csv(path, index=False)
    with pytest.raises(data.DataValidationError, match=r"context.csv: no column \['rural_pct'\]"):
        derive.wi_county_context_from_medsl(path)


def test_county_context_missing_a_wisconsin_county_is_refused(tmp_path: Path) -> None:
    raw = pd.read_csv(data.DATA_DIR / derive.MEDSL_CONTEXT, dtype=str)
    path = tmp_path / "context.csv"
    raw[raw["county"] != "Menominee"].to_csv(path, index=False)
    with pytest.raises(
        data.DataValidationError,
        match=r"context\.csv: 71 Wisconsin rows; Wisconsin has 72 counties",
    ):
        derive.wi_county_context_from_medsl(path)

"""explainers.sources: the derived tables of data/ are exactly what their derivation produces."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from explainers import data, sources


def test_wi_recount_table_is_reproduced_byte_for_byte(tmp_path: Path) -> None:
    derived = sources.wi_recount_by_county_from_wec()
    target = tmp_path / "wi.csv"
    derived.to_csv(target, index=False, lineterminator="\n")
    committed = data.DATA_DIR / "wi_2016_recount_by_county.csv"
    assert target.read_bytes() == committed.read_bytes()


@pytest.mark.parametrize("report", [sources.WEC_CANVASS, sources.WEC_RECOUNT])
def test_county_totals_add_up_to_wec_office_totals(report: str) -> None:
    sheet = pd.read_excel(data.DATA_DIR / report, sheet_name="Ward by Ward Report", header=None)
    office = sheet[sheet[0].astype(str).str.strip() == "Office Totals:"]
    assert len(office) == 1
    counties = sources._county_totals(data.DATA_DIR / report)
    assert len(counties) == 72
    assert counties["total"].sum() == int(office.iloc[0, 2])


def test_report_without_a_candidate_column_is_refused(tmp_path: Path) -> None:
    rows = [[None] * 4 for _ in range(10)]
    rows.append([None, None, None, "Hillary Clinton\nTim Kaine"])
    rows.append(["ADAMS", "County Totals:", 10, 5])
    path = tmp_path / "broken.xlsx"
    pd.DataFrame(rows).to_excel(path, sheet_name="Ward by Ward Report", header=False, index=False)
    with pytest.raises(data.DataValidationError, match=r"Donald J\. Trump"):
        sources.wi_recount_by_county_from_wec(path, path)

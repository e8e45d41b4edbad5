"""explainers.claims: the Wisconsin 2016 voting equipment, municipality by municipality."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from explainers import claims, data


def test_every_municipality_of_the_list_is_classified() -> None:
    table = claims.municipal_equipment()
    raw = pd.read_excel(data.DATA_DIR / claims.EQUIPMENT_FILE, dtype=str)
    assert len(table) == len(raw)
    assert table["municipality_code"].is_unique
    # Counts read straight from the Commission's list: 'None ' in the tabulator column (hand
    # count), and the DRE models (AVC Edge, AccuVote TSX, iVotronic) in the accessible column.
    tabulator, accessible = raw.iloc[:, 2].str.strip(), raw.iloc[:, 3]
    assert (table["count"] == "hand count").sum() == (tabulator == "None").sum()
    dre = accessible.str.contains("Edge|Accuvote TSX|iVotronic", regex=True)
    assert table["has_dre"].sum() == dre.sum()


def test_a_municipality_with_two_devices_counts_as_having_a_dre() -> None:
    table = claims.municipal_equipment().set_index("municipality_code")
    mixed = table[table["accessible"].str.contains(";")]
    assert len(mixed) == 1
    assert mixed["has_dre"].all()


def test_every_model_type_is_one_verified_voting_uses() -> None:
    models = claims.equipment_models()
    dre = set(models.loc[models["equipment_type"] == "DRE-Touchscreen", "verified_voting_model"])
    assert dre == {"AVC Edge", "AccuVote TSX", "iVotronic"}
    assert set(models["source"]) == {"verifiedvoting2016"}


def test_an_unknown_product_is_named(tmp_path: Path) -> None:
    raw = pd.read_excel(data.DATA_DIR / claims.EQUIPMENT_FILE, dtype=str)
    raw.iloc[0, 3] = "Brand New Touchscreen"
    path = tmp_path / "equipment.xlsx"
    raw.to_excel(path, index=False)
    with pytest.raises(
        data.DataValidationError,
        match=r"equipment.xlsx, line 2: \['Brand New Touchscreen'\] not in equipment_models.csv",
    ):
        claims.municipal_equipment(path)


def test_a_municipality_without_its_code_is_refused(tmp_path: Path) -> None:
    raw = pd.read_excel(data.DATA_DIR / claims.EQUIPMENT_FILE, dtype=str)
    raw.iloc[1, 1] = "TOWN OF ADAMS"
    path = tmp_path / "equipment.xlsx"
    raw.to_excel(path, index=False)
    with pytest.raises(data.DataValidationError, match=r"line 3: county .* is not of the form"):
        claims.municipal_equipment(path)


def test_reporting_units_are_matched_to_their_municipality_with_few_misses() -> None:
    units = claims.ward_equipment()
    assert len(units) == len(data.wi_recount_by_ward())
    counts = units["match"].value_counts().to_dict()
    # Unmatched: the villages of Windsor (Dane), Maine (Marathon) and Fox Crossing (Winnebago),
    # which the September 2016 list has no entry for under these names.
    unmatched = units[units["match"] == "none"]
    assert set(unmatched["municipality"]) == {
        "VILLAGE OF WINDSOR",
        "VILLAGE OF MAINE",
        "VILLAGE OF FOX CROSSING",
    }
    assert counts["main county"] > 0 and counts["unique name"] > 0
    # Under 1% of the ballots fall in unmatched units.
    assert unmatched["total_recount"].sum() < 0.01 * units["total_recount"].sum()
    matched = units[units["match"] != "none"]
    assert matched["count"].isin(["optical scan", "hand count"]).all()


def test_a_city_in_several_counties_takes_its_main_county_equipment() -> None:
    units = claims.ward_equipment()
    appleton = units[units["municipality"] == "CITY OF APPLETON"]
    assert set(appleton["county"]) == {"CALUMET", "OUTAGAMIE", "WINNEBAGO"}
    assert set(appleton["match"]) == {"county", "main county"}
    assert set(appleton["municipality_code"]) == {"45201"}


def test_a_trailing_space_in_a_municipality_name_is_ignored() -> None:
    table = claims.municipal_equipment()
    assert not table["municipality"].str.endswith(" ").any()

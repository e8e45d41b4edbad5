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

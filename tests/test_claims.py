"""explainers.claims: the Wisconsin 2016 voting equipment, municipality by municipality."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


# --- the county context and the units of analysis --------------------------------------------------


def test_county_table_covers_every_county_and_ballot() -> None:
    table = claims.county_table()
    assert len(table) == 72 and table["county"].is_unique
    # Every ballot of the Commission's original canvass (wec2016recount, "Total Votes Cast").
    lines = data.wi_recount_by_line().set_index("line")
    assert table["ballots"].sum() == lines.loc["Total Votes Cast", "canvass"]
    assert table["clinton"].sum() == lines.loc["Hillary Clinton", "canvass"]
    assert table["dre_share"].between(0, 1).all()
    assert (table["dre"] == (table["dre_share"] > 0.5)).all()
    assert not table[[c.column for c in claims.CONTROLS.values()]].isna().any().any()


def test_municipalities_add_up_to_their_matched_units() -> None:
    units = claims.ward_equipment()
    matched = units[units["match"] != "none"]
    table = claims.municipality_table()
    assert table["municipality_code"].is_unique
    assert table["ballots"].sum() == matched["total_canvass"].sum()
    assert table["clinton"].sum() == matched["clinton_canvass"].sum()
    assert set(table["kind"]) == {"city", "town", "village"}
    # Each municipality's controls are its main county's.
    counties = claims.county_table().set_index("county")
    for c in claims.CONTROLS.values():
        assert (
            table[c.column].to_numpy() == counties.loc[table["county"], c.column].to_numpy()
        ).all()


def test_join_summary_accounts_for_every_unit() -> None:
    summary = claims.join_summary()
    units = claims.ward_equipment()
    assert summary.by_county + summary.main_county + summary.unique_name + summary.unmatched == len(
        units
    )
    assert summary.unmatched_places == 3  # Windsor, Maine and Fox Crossing (see above)
    assert summary.unmatched_pct < 1


def test_equipment_counts_and_their_error() -> None:
    table = claims.municipal_equipment()
    counts = [claims.equipment_count(k) for k in ("optical scan", "hand count")]
    assert sum(counts) == len(table)
    assert claims.equipment_count("DRE") == table["has_dre"].sum()
    with pytest.raises(ValueError, match="unknown kind 'touchscreen'; choose 'optical scan'"):
        claims.equipment_count("touchscreen")


def test_group_profile_and_mixed_counties() -> None:
    table = claims.county_table()
    profile = claims.group_profile()
    assert list(profile.index) == [True, False]
    for dre in (True, False):
        group = table[table["dre"] == dre]
        assert profile.loc[dre, "white_pct"] == pytest.approx(group["white_pct"].mean())
    mixed = claims.mixed_counties()
    assert 0 < mixed < 72
    assert mixed == ((table["dre_share"] > 0) & (table["dre_share"] < 1)).sum()


# --- the comparisons --------------------------------------------------------------------------------


@pytest.mark.parametrize("level", claims.LEVELS)
def test_the_fit_without_controls_is_the_naive_difference(level: str) -> None:
    naive = claims.naive_comparison(level)
    estimate = claims.fit(level)
    gap = naive.loc[True, "mean_clinton_pct"] - naive.loc[False, "mean_clinton_pct"]
    assert estimate.estimate == pytest.approx(gap, abs=1e-9)
    assert estimate.low < estimate.estimate < estimate.high
    assert estimate.units == naive["units"].sum()


def test_naive_comparison_groups_cover_every_unit() -> None:
    county = claims.naive_comparison("county")
    assert county["units"].sum() == 72
    assert "mean_change_pct" in county and "mean_change_pct" not in claims.naive_comparison(
        "municipality"
    )
    assert claims.naive_comparison("municipality")["units"].sum() == len(
        claims.municipality_table()
    )


@given(
    intercept=st.floats(-50, 50),
    effect=st.floats(-10, 10),
    slope=st.floats(-2, 2),
    seed=st.integers(0, 2**16),
)
@settings(max_examples=25, deadline=None)
def test_regress_recovers_a_known_difference(
    intercept: float, effect: float, slope: float, seed: int
) -> None:
    # Constructed data: the share is exactly intercept + effect * dre + slope * x, and dre is
    # correlated with x, so the naive difference is biased and the controlled one is exact.
    rng = np.random.default_rng(seed)
    x = rng.uniform(0, 100, 60)
    dre = (x + rng.normal(0, 20, 60)) > 50
    dre[:2], dre[2:4] = True, False  # both groups present
    y = intercept + effect * dre + slope * x
    table = pd.DataFrame({"clinton_pct": y, "dre": dre, "x": x, "county": np.arange(60) % 6})
    estimate, _, low, high = claims.regress(table, ["x"])
    assert estimate == pytest.approx(effect, abs=1e-6)
    assert low <= estimate <= high
    naive, *_ = claims.regress(table)
    assert naive == pytest.approx(y[dre].mean() - y[~dre].mean(), abs=1e-6)
    clustered, *_ = claims.regress(table, ["x"], cluster="county")
    assert clustered == pytest.approx(effect, abs=1e-6)


def test_a_county_fixed_effect_removes_a_county_level_difference() -> None:
    # Two counties: one with a higher share everywhere, and more DRE municipalities. Within each
    # county DRE makes no difference, so the within-county estimate is 0 and the naive one is not.
    table = pd.DataFrame(
        {
            "clinton_pct": [30.0, 30, 30, 50, 50, 50],
            "dre": [True, True, False, True, False, False],
            "county": ["A", "A", "A", "B", "B", "B"],
        }
    )
    within, *_ = claims.regress(table, within="county", cluster="county")
    assert within == pytest.approx(0, abs=1e-9)
    naive, *_ = claims.regress(table)
    assert naive < -1


def test_specifications_are_every_fit() -> None:
    specs = claims.specifications()
    assert len(specs) == 2 * 2 ** len(claims.CONTROLS)
    assert not specs.duplicated(["level", *claims.CONTROLS]).any()
    for row in specs.sample(6, random_state=1).itertuples(index=False):
        chosen = [c for c in claims.CONTROLS if getattr(row, c)]
        e = claims.fit(row.level, chosen)
        assert (row.estimate, row.low, row.high) == (e.estimate, e.low, e.high)


def test_the_controls_are_kept_in_the_books_order() -> None:
    e = claims.fit("county", ["rural", "race", "rural"])
    assert e.controls == ("race", "rural")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: claims.fit("state"), "unknown level 'state'; choose one of county, municipality"),
        (lambda: claims.fit("county", ["religion"]), "unknown control 'religion'; choose from"),
        (
            lambda: claims.fit("county", within_county=True),
            "cannot compare within counties at the county level",
        ),
        (
            lambda: claims.fit("municipality", ["race"], within_county=True),
            "the controls are county values",
        ),
        (lambda: claims.naive_comparison("ward"), "unknown level 'ward'"),
    ],
)
def test_bad_choices_are_refused_with_a_reason(call, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        call()


# --- the recount -------------------------------------------------------------------------------------


def test_recount_groups_add_up_to_the_commissions_statewide_change() -> None:
    # WEC (wec2016recountdone): Trump 1,404,440 -> 1,405,284, Clinton 1,381,823 -> 1,382,536:
    # Trump +844, Clinton +713, Trump's margin +131. Read here from the ballot-line file.
    lines = data.wi_recount_by_line().set_index("line")
    table = claims.recount_by_equipment()
    assert list(table.index) == ["DRE present", "no DRE", "not matched"]
    assert table["trump_change"].sum() == lines.loc["Donald J. Trump", "change"]
    assert table["clinton_change"].sum() == lines.loc["Hillary Clinton", "change"]
    assert table["units"].sum() == len(data.wi_recount_by_ward())
    assert table["clinton_net"].sum() == -131
    assert table["net_per_100k"].to_numpy() == pytest.approx(
        (1e5 * table["clinton_net"] / table["ballots"]).to_numpy()
    )


def test_largest_unit_change_by_group() -> None:
    units = claims.ward_equipment()
    net = (units["clinton_recount"] - units["clinton_canvass"]) - (
        units["trump_recount"] - units["trump_canvass"]
    )
    # Milwaukee's Ward 34 (no DRE) is the largest change statewide (recounts.ward_change_summary).
    assert claims.largest_unit_change("no DRE") == net.abs().max()
    assert 0 < claims.largest_unit_change("DRE present") <= net.abs().max()
    with pytest.raises(ValueError, match="unknown group 'DRE'; choose one of DRE present"):
        claims.largest_unit_change("DRE")


def test_an_edited_equipment_list_is_read_again_not_served_from_cache(data_dir: Path) -> None:
    before = claims.equipment_count("DRE")
    path = data_dir / claims.EQUIPMENT_FILE
    raw = pd.read_excel(path, dtype=str)
    dre = raw.iloc[:, 3].str.contains("Edge", na=False)
    raw.loc[dre.idxmax(), raw.columns[3]] = "Vote Pad-Vote Pad (non-electronic)"
    raw.to_excel(path, index=False)
    assert claims.equipment_count("DRE") == before - 1

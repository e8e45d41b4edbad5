"""The Claims chapter's charts and tables: their data, descriptions and refusals."""

from __future__ import annotations

import pytest

from explainers import claims
from explainers.charts import claims as charts
from explainers.tables import claims as tables


def test_county_chart_table_has_every_county_once_per_measure() -> None:
    table = charts.county_chart_table()
    assert len(table) == 72 * len(charts.MEASURES)
    assert set(table["measure"]) == set(charts.MEASURES)
    counties = claims.county_table().set_index("county")
    education = table[table["measure"] == "education"].set_index("county")
    expected = counties["lesscollege_pct"].rename(index=str.title)
    assert education["value"].to_dict() == expected.to_dict()


def test_estimate_chart_holds_every_specification() -> None:
    spec = charts.estimate_chart().to_dict()
    sizes = sorted(len(v) for v in spec["datasets"].values())
    assert sizes == [1, len(claims.specifications())]  # the zero line, and every fit
    names = {p["name"] for p in spec["params"]}
    assert {"level", *(f"control_{k}" for k in claims.CONTROLS)} <= names
    assert len(spec["description"]) > 40


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: charts.county_chart("height"), "unknown measure 'height'"),
        (lambda: charts.estimate_chart("state"), "unknown level 'state'"),
    ],
)
def test_charts_refuse_settings_their_controls_do_not_offer(call, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        call()


def test_tables_show_both_levels_and_every_recount_group() -> None:
    naive = tables.naive_table().frame
    assert len(naive) == 4
    assert naive["Units"].sum() == 72 + len(claims.municipality_table())
    recount = tables.recount_table().frame
    assert (
        recount["Clinton minus Trump"].sum() == -131
    )  # WEC: Trump's margin +131 (wec2016recountdone)

"""The Electoral College chapter's charts and tables: their data, descriptions and refusals."""

from __future__ import annotations

import pytest

from explainers import electoral, faithless
from explainers.charts import electoral as charts
from explainers.tables import electoral as tables


def test_tile_map_table_holds_every_state_once_per_year_with_its_electors() -> None:
    table = charts.tile_map_table()
    for year in (2000, 2016):
        rows = table[table["year"] == year]
        per_state = rows.drop_duplicates("state_po").set_index("state_po")["ev"]
        assert per_state.to_dict() == electoral.apportionment(year).to_dict()
        assert set(rows["state_po"]) == set(charts.TILES)
    # Every tile has its own place in the grid.
    assert len(set(charts.TILES.values())) == len(charts.TILES)
    # Maine's 2016 district elector has its own row, outside the statewide count.
    me = table[(table["year"] == 2016) & (table["state_po"] == "ME")]
    assert me["district_ev"].sum() == 1
    assert set(me["statewide_ev"]) == {3, 0}


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"year": 2012}, r"year 2012 is not among the chart's years \[2000, 2016, 2020, 2024\]"),
        ({"swing": 12.0}, "swing must be between -10.0 and 10.0 points, got 12.0"),
        ({"rule": "lottery"}, "unknown rule 'lottery'"),
    ],
)
def test_tile_map_refuses_settings_its_controls_do_not_offer(kwargs: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        charts.tile_map_chart(**kwargs)


def test_defection_chart_refuses_a_count_outside_its_slider() -> None:
    with pytest.raises(ValueError, match="defections must be between 0 and 80, got 81"):
        charts.defection_chart(defections=81)


def test_faithless_chart_puts_every_election_on_its_axis() -> None:
    spec = charts.faithless_chart().to_dict()
    assert spec["encoding"]["x"]["scale"]["domain"] == list(range(1948, 2021, 4))
    assert "None in 1952, 1964" in spec["description"]


def test_results_table_pledged_and_cast() -> None:
    frame = tables.results_table().frame.set_index(["Year", "Candidate"])
    assert frame.loc[("2016", "Donald J. Trump"), "Votes cast"] == 304
    assert frame.loc[("2016", "others"), "Votes cast"] == 7
    assert frame.loc[("2000", "blank ballot"), "Votes cast"] == 1
    assert frame["Votes cast"].groupby(level=0).sum().tolist() == [538, 538]


def test_faithless_table_lists_ten_2016_electors() -> None:
    frame = tables.faithless_table(2016).frame
    assert len(frame) == 10
    assert "Clinton → Colin Powell" in set(frame["President: pledged → voted"])


def test_a_pledged_nominee_not_in_the_returns_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    from explainers import data

    real = data.faithless_electors

    def misspelled():
        rows = real()
        rows.loc[rows["elector"] == "Bill Greene", "pledged_president"] = "Donald Trumpet"
        return rows

    monkeypatch.setattr(data, "faithless_electors", misspelled)
    with pytest.raises(ValueError, match="pledged nominee 'Donald Trumpet' matches 0 candidates"):
        faithless.cast_electoral_votes(2016)


def test_no_majority_to_deny_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import pandas as pd

    monkeypatch.setattr(
        faithless,
        "pledged_electoral_votes",
        lambda year: pd.Series({"A": 268, "B": 268, "C": 2}),
    )
    with pytest.raises(ValueError, match="2016: no one won a majority of electors in November"):
        faithless.defections_needed(2016)


def test_largest_remainder_refuses_no_votes() -> None:
    import pandas as pd

    with pytest.raises(ValueError, match="seats and votes must be zero or more"):
        electoral.largest_remainder(3, pd.Series({"A": 0.0}))


def test_the_tile_map_and_defection_descriptions_state_their_takeaway() -> None:
    # 2016 as certified (National Archives): Trump 306 pledged electors, Clinton 232; the House
    # decides if 37 of Trump's defect (306 - 37 = 269, one short of 270).
    tile = charts.tile_map_chart().to_dict()["description"]
    assert tile.endswith("Donald J. Trump 306, Hillary Clinton 232; Donald J. Trump wins.")
    shared = charts.tile_map_chart(rule="proportional").to_dict()["description"]
    assert "no one has a majority, and the House decides" in shared
    defection = charts.defection_chart().to_dict()["description"]
    assert "In 2016 Donald J. Trump had 306 electors; 37 defectors" in defection
    assert (
        "In 2000 George W. Bush had 271 electors; 2 defectors"
        in (charts.defection_chart(year=2000).to_dict()["description"])
    )

"""explainers.charts.margins: the specs carry explainers' values, and every control is labelled."""

from __future__ import annotations

import pandas as pd
import pytest

from explainers import contests, editorial
from explainers.charts import margins as charts


def dataset(spec: dict) -> list[dict]:
    (rows,) = spec["datasets"].values()
    return rows


def test_comparison_chart_data_equal_the_contests() -> None:
    rows = {
        (r["contest"], r["measure"]): r["value"]
        for r in dataset(charts.margin_comparison_chart().to_dict())
    }
    for year, state in editorial.FOCUS_CONTESTS:
        c = contests.contest(year, state)
        assert rows[(c.name, "Votes")] == c.margin
        assert rows[(c.name, "% of all votes cast")] == c.margin_pct
        assert rows[(c.name, "% of the two-party vote")] == c.margin_pct_two_party


def test_every_control_is_labelled_and_every_chart_described() -> None:
    for chart in (charts.margin_comparison_chart(), charts.closeness_chart()):
        spec = chart.to_dict()
        assert len(spec["description"]) > 40
        assert spec["width"] == "container"
        for param in spec["params"]:
            assert param["bind"]["name"].strip(), param


def test_closeness_chart_carries_every_contest() -> None:
    rows = pd.DataFrame(dataset(charts.closeness_chart().to_dict()))
    table = contests.contest_margins()
    assert len(rows) == len(table)
    merged = rows.merge(table, on=["year", "state_po"], suffixes=("", "_py"))
    assert (merged["margin"] == merged["margin_py"]).all()
    focus = merged[merged["focus"]][["year", "state_po"]].apply(tuple, axis=1).tolist()
    assert focus == sorted(editorial.FOCUS_CONTESTS)


def test_the_axis_leaves_room_for_the_longest_label_under_each_measure() -> None:
    spec = charts.margin_comparison_chart().to_dict()
    expression = spec["layer"][0]["encoding"]["x"]["scale"]["domainMax"]["expr"]
    table = charts.comparison_table()
    for measure, rows in table.groupby("measure"):
        assert repr(float(1.45 * rows["value"].max())) in expression, measure


def test_closeness_chart_refuses_settings_outside_its_controls() -> None:
    with pytest.raises(ValueError, match=r"threshold_pct must be between 0.1 and 5.0 \(the slider"):
        charts.closeness_chart(threshold_pct=7.5)
    with pytest.raises(ValueError, match="year 1999 is not among the chart's years"):
        charts.closeness_chart(year=1999)


def test_comparison_description_is_computed_from_the_data() -> None:
    table = charts.comparison_table()
    assert (
        "Florida 2000's bar is the shortest under every measure"
        in (charts.margin_comparison_chart(table).to_dict()["description"])
    )
    table.loc[(table["contest"] == "Michigan 2016") & (table["measure"] == "Votes"), "value"] = 0.0
    description = charts.margin_comparison_chart(table).to_dict()["description"]
    assert "Under 'Votes' the shortest bar is Michigan 2016's." in description


def test_the_closeness_description_names_the_contests_it_opens_with() -> None:
    # 2016 within 1% of the votes cast (certified: MI 10,704, NH 2,736, PA 44,292, WI 22,748).
    text = charts.closeness_chart(year=2016, threshold_pct=1.0).to_dict()["description"]
    assert text.endswith(
        "4 contests, closest first: Michigan 10,704 votes (0.22%); New Hampshire 2,736 votes "
        "(0.37%); Pennsylvania 44,292 votes (0.72%); Wisconsin 22,748 votes (0.76%)."
    )
    # 2020 within 0.3%: Georgia alone (11,779 after its recount; Arizona's 10,457 was 0.31%).
    one = charts.closeness_chart(year=2020, threshold_pct=0.3).to_dict()["description"]
    assert one.endswith("(2020, within 0.3%): 1 contest: Georgia 11,779 votes (0.24%).")
    assert (
        charts.closeness_chart(year=2016, threshold_pct=0.1)
        .to_dict()["description"]
        .endswith("no contest.")
    )

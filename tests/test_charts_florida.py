"""explainers.charts.florida: the specs carry the package's values, and refuse what they cannot draw."""

from __future__ import annotations

import pytest

from explainers import butterfly, florida
from explainers.charts import florida as charts


def test_count_chart_describes_the_first_and_certified_leads() -> None:
    spec = charts.count_chart().to_dict()
    assert f"from {florida.first_count_lead():,} votes" in spec["description"]
    assert f"{florida.certified_lead():,} at certification" in spec["description"]


def test_reviews_chart_holds_every_outcome_and_refuses_an_unknown_rule() -> None:
    spec = charts.reviews_chart(rule=3).to_dict()
    assert spec["params"][0]["value"] == 3
    rows = next(iter(spec["datasets"].values()))
    assert [r["bush_lead"] for r in rows] == list(florida.review_outcomes()["bush_lead"])
    last = len(florida.review_outcomes()) - 1
    for rule in (last + 1, -1, True, "3"):
        with pytest.raises(ValueError, match=f"rule must be a row from 0 to {last}, not {rule!r}"):
            charts.reviews_chart(rule=rule)  # type: ignore[arg-type]


def test_butterfly_table_is_every_county_under_every_model() -> None:
    table = charts.butterfly_table()
    assert len(table) == 67 * len(butterfly.MODELS)
    assert table["palm_beach"].sum() == len(butterfly.MODELS)
    with pytest.raises(ValueError, match=r"model must be one of \['bush', .*not 'nope'"):
        charts.butterfly_chart("nope")

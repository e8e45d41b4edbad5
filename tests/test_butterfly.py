"""explainers.butterfly: Buchanan's Palm Beach vote against the line fitted to Florida's other counties."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import stats

from explainers import butterfly, data

COUNTIES = list(data.fl_2000_counties()["county"])


def by_hand(county: str, level: float) -> tuple[float, float, float]:
    """The log-log prediction and its interval, from the textbook formulas (numpy and scipy only).

    ŷ0 = b0 + b1·x0; se = s·sqrt(1 + 1/n + (x0 − x̄)² / Σ(x − x̄)²); interval ŷ0 ± t(n−2)·se.
    """
    counties = data.fl_2000_counties().set_index("county")
    x_all, y_all = np.log(counties["bush"]), np.log(counties["buchanan"])
    x, y = x_all.drop(county).to_numpy(), y_all.drop(county).to_numpy()
    n = len(x)
    b1 = ((x - x.mean()) * (y - y.mean())).sum() / ((x - x.mean()) ** 2).sum()
    b0 = y.mean() - b1 * x.mean()
    s = np.sqrt(((y - b0 - b1 * x) ** 2).sum() / (n - 2))
    x0 = x_all[county]
    se = s * np.sqrt(1 + 1 / n + (x0 - x.mean()) ** 2 / ((x - x.mean()) ** 2).sum())
    t = stats.t.ppf(1 - (1 - level) / 2, n - 2)
    mid = b0 + b1 * x0
    return float(np.exp(mid)), float(np.exp(mid - t * se)), float(np.exp(mid + t * se))


def test_palm_beach_matches_the_textbook_formulas() -> None:
    fit = butterfly.fit("bush")
    assert fit.counties == 66 and fit.actual == 3_407
    assert (fit.predicted, fit.low, fit.high) == pytest.approx(
        by_hand("PALM BEACH", 0.95), rel=1e-9
    )
    assert fit.excess == pytest.approx(3_407 - fit.predicted)
    assert (fit.excess_low, fit.excess_high) == (3_407 - fit.high, 3_407 - fit.low)


@given(st.sampled_from(COUNTIES), st.floats(min_value=0.5, max_value=0.999))
def test_any_county_and_level_match_the_textbook_formulas(county: str, level: float) -> None:
    fit = butterfly.fit("bush", county, level)
    assert (fit.predicted, fit.low, fit.high) == pytest.approx(by_hand(county, level), rel=1e-9)


@given(
    st.sampled_from(sorted(butterfly.MODELS)),
    st.sampled_from(COUNTIES),
    st.floats(min_value=0.5, max_value=0.99),
)
def test_a_wider_level_gives_a_wider_interval_around_the_prediction(
    model: str, county: str, level: float
) -> None:
    narrow = butterfly.fit(model, county, level)
    wide = butterfly.fit(model, county, min(0.999, level + 0.005))
    assert narrow.low < narrow.predicted < narrow.high
    assert wide.low < narrow.low and narrow.high < wide.high
    assert narrow.excess_low <= narrow.excess <= narrow.excess_high
    assert narrow.outside == (not narrow.low <= narrow.actual <= narrow.high)


def test_under_every_model_the_excess_is_larger_than_bushs_margin() -> None:
    # The certified margin (mit_president_1976_2020.csv): 2,912,790 - 2,912,253 = 537.
    table = butterfly.model_comparison()
    assert list(table["model"]) == list(butterfly.MODELS)
    assert (table["excess_low"] > 537).all()
    assert (table["actual"] > table["high"]).all()


def test_palm_beach_is_the_county_furthest_above_its_prediction() -> None:
    table = butterfly.all_counties().set_index("county")
    assert len(table) == 67
    ratios = table["ratio"].sort_values()
    assert ratios.index[-1] == "PALM BEACH"
    assert ratios.iloc[-1] > 1.9 * ratios.iloc[-2]  # 5.8 times the prediction; the next, 3.0
    assert table.loc["PALM BEACH", "outside"]


def test_unknown_model_county_and_level_are_refused_by_name() -> None:
    with pytest.raises(ValueError, match=r"model must be one of \['bush', 'total', .*'nope'"):
        butterfly.fit("nope")
    with pytest.raises(ValueError, match=r"model must be one of .*not \['bush'\]"):
        butterfly.fit(["bush"])  # type: ignore[arg-type]
    with pytest.raises(
        ValueError, match=r"county must be one of Florida's 67 counties.*'Palm Beach'"
    ):
        butterfly.fit("bush", "Palm Beach")
    for level in (0, 1, 0.99999, 1.5, -0.1, float("nan"), "0.95", None, True):
        with pytest.raises(
            ValueError, match=f"level must be a number strictly between 0 and 0.9999, not {level!r}"
        ):
            butterfly.fit("bush", level=level)  # type: ignore[arg-type]


@pytest.mark.parametrize(("column", "county"), [("BUCHANAN", "GLADES"), ("BUSH", "LIBERTY")])
def test_a_county_with_no_votes_to_take_the_logarithm_of_is_refused(
    data_dir, column: str, county: str
) -> None:
    path = data_dir / "fl_2000_county_unofficial.csv"
    frame = pd.read_csv(path, dtype=str)
    row = frame.index[frame["rownames"] == county][0]
    before = int(frame.at[row, column])
    frame.at[row, column] = "0"
    frame.at[row, "Total"] = str(int(frame.at[row, "Total"]) - before)
    frame.to_csv(path, index=False)
    with pytest.raises(
        ValueError,
        match=f"logarithm of each county's {column.lower()} votes, and {county} has none",
    ):
        butterfly.fit("bush")

"""explainers.widgets.florida: the Jupyter panel refits with explainers.butterfly on every change."""

from __future__ import annotations

from explainers import butterfly
from explainers.widgets import florida as widgets


def test_butterfly_panel_refits_for_the_model_county_and_level() -> None:
    model, county, level, result = widgets.butterfly_panel().children
    palm = butterfly.fit()
    assert f"Buchanan received <b>{palm.actual:,}</b> votes" in result.value
    assert f"predict {palm.predicted:,.0f} (95% interval {palm.low:,.0f}" in result.value
    assert "The count is outside the interval" in result.value
    county.value = "LEON"
    leon = butterfly.fit("bush", "LEON")
    assert result.value.startswith("Leon: ")
    assert f"predict {leon.predicted:,.0f}" in result.value
    assert ("outside" if leon.outside else "inside") + " the interval" in result.value
    model.value = "total"
    level.value = 0.8
    fit = butterfly.fit("total", "LEON", 0.8)
    assert f"(80% interval {fit.low:,.0f} to {fit.high:,.0f})" in result.value
    assert butterfly.MODELS["total"].label in result.value


def test_describe_fit_names_the_excess_with_its_sign() -> None:
    fit = butterfly.fit("bush", "COLLIER")  # fewer votes than predicted
    text = widgets.describe_fit(fit)
    assert fit.excess < 0 and f"{fit.excess:+,.0f} votes against the prediction" in text

"""The Florida 2000 chapter's panel for Jupyter: any county against the line fitted to the others.

:func:`butterfly_panel` offers what the page's chart does (the model) and two things it lacks: any
of Florida's 67 counties in place of Palm Beach, and the interval's coverage. Each change calls
:func:`explainers.butterfly.fit` again; a value the function refuses shows its reason.
"""

from __future__ import annotations

import ipywidgets as w

from explainers import butterfly, data
from explainers.widgets import STYLE, recompute_on_change

__all__ = ["butterfly_panel", "describe_fit"]


def describe_fit(f: butterfly.CountyFit) -> str:
    """HTML: the county's Buchanan vote, its prediction and interval, and whether it lies outside."""
    where = "outside" if f.outside else "inside"
    return "<br>".join(
        [
            f"{f.county.title()}: Buchanan received <b>{f.actual:,}</b> votes; the other "
            f"{f.counties} counties predict {f.predicted:,.0f} ({f.level:.0%} interval "
            f"{f.low:,.0f} to {f.high:,.0f}).",
            f"The count is {where} the interval: {f.excess:+,.0f} votes against the prediction "
            f"({f.excess_low:+,.0f} to {f.excess_high:+,.0f}).",
            f"Model: {butterfly.MODELS[f.model].label}; R² {f.r_squared:.2f} on the log scale.",
        ]
    )


def butterfly_panel(model: str = "bush", county: str = butterfly.COUNTY) -> w.VBox:
    """A model menu, a county menu and a coverage slider; the county's fit below."""
    model_choice = w.Dropdown(
        options=[(m.label, key) for key, m in butterfly.MODELS.items()],
        value=model,
        description="Predict from",
        style=STYLE,
    )
    counties = list(data.fl_2000_counties()["county"])
    county_choice = w.Dropdown(
        options=[(c.title(), c) for c in counties], value=county, description="County", style=STYLE
    )
    level = w.FloatSlider(
        value=butterfly.LEVEL,
        min=0.5,
        max=0.99,
        step=0.01,
        description="Interval (%)",
        readout_format=".0%",
        style=STYLE,
    )
    result = w.HTML()
    recompute_on_change(
        (model_choice, county_choice, level),
        result,
        lambda: describe_fit(butterfly.fit(model_choice.value, county_choice.value, level.value)),
    )
    return w.VBox([model_choice, county_choice, level, result])

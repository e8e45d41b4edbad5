"""The Claims chapter's panel for Jupyter: the regression refitted with the controls a reader picks.

:func:`estimate_panel` offers the page's controls (the level and the five controls of
:data:`explainers.claims.CONTROLS`) and one the page lacks, comparing municipalities only within
their county; each change calls :func:`explainers.claims.fit` again. A combination the function
refuses (within-county comparison at the county level, or with county controls) shows its reason.
"""

from __future__ import annotations

import ipywidgets as w

from explainers import claims
from explainers.widgets import STYLE, recompute_on_change

__all__ = ["describe_estimate", "estimate_panel"]


def describe_estimate(e: claims.Estimate) -> str:
    """HTML: the estimated difference, its interval, and what was compared."""
    controls = ", ".join(claims.CONTROLS[c].label for c in e.controls) or "none"
    within = " Municipalities compared only within their county." if e.within_county else ""
    clusters = f", standard error clustered by {e.clusters} counties" if e.clusters else ""
    units = "counties" if e.level == "county" else "municipalities"
    verdict = (
        "The interval includes zero: no difference can be told from chance."
        if e.low <= 0 <= e.high
        else "The interval excludes zero."
    )
    return "<br>".join(
        [
            f"Difference in Clinton's share where DREs were present: <b>{e.estimate:+.2f}</b> "
            f"points (95% interval {e.low:+.2f} to {e.high:+.2f}).",
            f"{e.units:,} {units}{clusters}. Controls: {controls}.{within}",
            verdict,
        ]
    )


def estimate_panel(level: str = "county") -> w.VBox:
    """The level, a checkbox per control and a within-county option; the estimate below."""
    level_choice = w.ToggleButtons(
        options=[("Counties", "county"), ("Municipalities", "municipality")],
        value=level,
        description="Compare",
        style=STYLE,
    )
    boxes = {
        key: w.Checkbox(value=False, description=f"Control for {c.label}", style=STYLE)
        for key, c in claims.CONTROLS.items()
    }
    within = w.Checkbox(
        value=False, description="Compare municipalities within their county", style=STYLE
    )
    result = w.HTML()
    recompute_on_change(
        (level_choice, *boxes.values(), within),
        result,
        lambda: describe_estimate(
            claims.fit(
                level_choice.value,
                [key for key, box in boxes.items() if box.value],
                within_county=within.value,
            )
        ),
    )
    return w.VBox([level_choice, *boxes.values(), within, result])

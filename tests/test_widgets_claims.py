"""explainers.widgets.claims: the Jupyter panel refits with explainers.claims, and shows refusals."""

from __future__ import annotations

from explainers import claims
from explainers.widgets import claims as widgets


def test_estimate_panel_refits_when_controls_change() -> None:
    children = widgets.estimate_panel().children
    level, education, result = (
        children[0],
        children[1 + list(claims.CONTROLS).index("education")],
        children[-1],
    )
    naive = claims.fit("county")
    assert f"<b>{naive.estimate:+.2f}</b>" in result.value and "Controls: none." in result.value
    education.value = True
    e = claims.fit("county", ["education"])
    assert f"<b>{e.estimate:+.2f}</b>" in result.value and "Controls: education." in result.value
    level.value = "municipality"
    e = claims.fit("municipality", ["education"])
    assert f"<b>{e.estimate:+.2f}</b>" in result.value
    assert "clustered by 72 counties" in result.value


def test_estimate_panel_shows_a_refused_combination_as_a_message() -> None:
    level, *boxes, within, result = widgets.estimate_panel().children
    within.value = True
    assert "Cannot compute: cannot compare within counties at the county level" in result.value
    level.value = "municipality"
    e = claims.fit("municipality", within_county=True)
    assert f"<b>{e.estimate:+.2f}</b>" in result.value
    boxes[0].value = True
    assert "Cannot compute: the controls are county values" in result.value

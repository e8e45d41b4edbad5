"""explainers.widgets.margins: the Jupyter panels recompute with explainers' own functions."""

from __future__ import annotations

import pytest

from explainers import contests, electoral
from explainers.widgets import margins as widgets


def test_margin_panel_recomputes_when_controls_change() -> None:
    panel = widgets.margin_panel(year=2016, state="WI")
    year, state, switched, result = panel.children
    assert "22,748" in result.value  # FEC 2016, Wisconsin after the recount
    state.value = "MI"
    assert "10,704" in result.value and "5,353" in result.value  # FEC 2016; 10,704 // 2 + 1
    year.value, state.value = 2000, "FL"
    assert "<b>537</b>" in result.value  # FEC 2000
    switched.value = 269
    assert "Al Gore wins, by 1 vote." in result.value
    switched.value = 268
    assert "George W. Bush still wins, by 1 vote." in result.value


def test_closeness_panel_offers_the_charts_controls() -> None:
    panel = widgets.closeness_panel(year=2016, threshold_pct=1.0)
    year, threshold, result = panel.children
    assert (threshold.min, threshold.max, threshold.step) == (0.1, 5.0, 0.1)
    assert "<b>4 of 51</b>" in result.value
    year.value, threshold.value = 2000, 0.1
    within = contests.contests_within(2000, 0.1)
    assert f"<b>{len(within)} of 51</b>" in result.value
    for state in within["state"]:
        assert state.title() in result.value


def test_flip_panel_recomputes_for_year_and_method() -> None:
    panel = widgets.flip_panel(year=2016)
    year, method, result = panel.children
    assert f"{electoral.cheapest_flip(2016).cost:,}" in result.value
    method.value = "add"
    assert f"{electoral.cheapest_flip(2016, 'add').cost:,}" in result.value
    year.value = 2000
    assert "FL (538)" in result.value


@pytest.mark.parametrize("switched", [-1, 2_912_791])
def test_describe_contest_refuses_impossible_switches(switched: int) -> None:
    with pytest.raises(ValueError, match=r"switched must be between 0 and 2,912,790, got"):
        widgets.describe_contest(contests.contest(2000, "FL"), switched=switched)


def test_panel_names_read_naturally() -> None:
    panel = widgets.margin_panel(year=2020, state="GA")
    assert "Joseph R. Biden Jr." in panel.children[-1].value

"""explainers.widgets: the Jupyter panels recompute with explainers' own functions."""

from __future__ import annotations

import pytest

from explainers import margins, widgets


def test_margin_panel_recomputes_when_controls_change() -> None:
    panel = widgets.margin_panel(year=2016, state="WI")
    year, state, switched, result = panel.children
    assert "22,748" in result.value
    state.value = "MI"
    assert "10,704" in result.value and "5,353" in result.value
    year.value, state.value = 2000, "FL"
    assert "<b>537</b>" in result.value
    switched.value = margins.voters_to_switch(537)
    assert "Al Gore wins, by 1 vote." in result.value
    switched.value = 537 // 2
    assert "George W. Bush still wins, by 1 vote." in result.value


def test_flip_panel_recomputes_for_year_and_method() -> None:
    panel = widgets.flip_panel(year=2016)
    year, method, result = panel.children
    assert f"{margins.cheapest_flip(2016).cost:,}" in result.value
    method.value = "add"
    assert f"{margins.cheapest_flip(2016, 'add').cost:,}" in result.value
    year.value = 2000
    assert "FL (538)" in result.value


def test_describe_contest_refuses_impossible_switches() -> None:
    with pytest.raises(ValueError, match="switched"):
        widgets.describe_contest(margins.contest(2000, "FL"), switched=-1)


def test_panel_names_read_naturally() -> None:
    panel = widgets.margin_panel(year=2020, state="GA")
    assert "Joseph R. Biden Jr." in panel.children[-1].value

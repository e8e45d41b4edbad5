"""explainers.widgets.audits: the Jupyter panels recompute with explainers.audits, and show errors."""

from __future__ import annotations

from explainers import audits
from explainers.widgets import audits as widgets


def test_sample_size_panel_recomputes_when_controls_change() -> None:
    risk, _margin, ballots, o1, _o2, result = widgets.sample_size_panel().children
    # nealmcb/rlacalc: 479 ballots at a 1% margin and 10% risk; findAsn(margin=0.01) -> 46151.
    assert "<b>479</b>" in result.value and "46,151" in result.value
    o1.value = 1
    assert "<b>615</b>" in result.value  # rlacalc README: 615 with one 1-vote overstatement
    risk.value = 5
    assert f"<b>{audits.comparison_sample_size(0.01, 0.05, o1=1):,}</b>" in result.value
    ballots.value = 1000
    assert "a full hand count" in result.value


def test_sample_size_panel_shows_a_refused_value_as_a_message() -> None:
    _risk, margin, _ballots, _o1, _o2, result = widgets.sample_size_panel().children
    margin.value = 0
    assert "Cannot compute: the diluted margin must be more than 0% and at most 100%, got 0%" in (
        result.value
    )
    margin.value = 150
    assert "got 150%" in result.value


def test_sample_size_panel_refuses_impossible_counts_with_a_message() -> None:
    _risk, _margin, ballots, _o1, o2, result = widgets.sample_size_panel().children
    ballots.value = 0
    assert "Cannot compute: there must be at least 1 ballot cast, got 0" in result.value
    ballots.value = 1_000
    o2.value = -3
    assert "Cannot compute: overstatements cannot be negative, got 0 and -3" in result.value
    o2.value = 0
    assert "Cannot compute" not in result.value and "1,000 ballots cast" in result.value
    o2.value = 1_001
    assert (
        "Cannot compute: there cannot be more overstatements (1,001) than ballots cast (1,000)"
        in (result.value)
    )


def test_sample_size_panel_shows_a_small_typed_margin_as_typed() -> None:
    _risk, margin, _ballots, _o1, _o2, result = widgets.sample_size_panel().children
    margin.value = 0.001
    assert "Diluted margin <b>0.001%</b>" in result.value


def test_simulation_panel_runs_simulate_bravo() -> None:
    _reported, true, _risk, result = widgets.simulation_panel().children
    expected = audits.simulate_bravo(6000, 4000, 0.1, trials=2000, seed=0)
    assert f"median <b>{expected.quantile(0.5):,}</b>" in result.value
    true.value = 45.0
    assert "full hand count: <b>9" in result.value  # nearly every audit of a wrong result escalates

"""The Electoral College panels: moving a control recomputes with explainers."""

from __future__ import annotations

from explainers import electoral, faithless
from explainers.widgets import electoral as panels


def test_what_if_panel_recomputes_the_outcome() -> None:
    panel = panels.what_if_panel(2016)
    _year, rule, swing, result = panel.children
    assert "Donald J. Trump <b>306</b>" in result.value
    swing.value = 1.0
    expected = electoral.outcome(2016, "winner", 1.0)
    assert result.value == panels.describe_outcome(expected)
    assert "Hillary Clinton wins" in result.value
    rule.value = "national"
    assert "Hillary Clinton <b>538</b>" in result.value


def test_defection_panel_shows_the_house_vote() -> None:
    panel = panels.defection_panel(2016)
    _year, defections, to, result = panel.children
    defections.value = faithless.defections_needed(2016)
    assert "No one has 270" in result.value
    assert "Republican delegations 32, Democratic 17" in result.value
    to.value = "runner_up"
    defections.value = 38
    assert "Hillary Clinton has a majority" in result.value


def test_defection_panel_explains_an_impossible_number() -> None:
    panel = panels.defection_panel(2000)
    _year, defections, _to, result = panel.children
    defections.value = 100  # Bush had 271 pledged electors: allowed; Gore's side is not limited
    assert "Cannot compute" not in result.value
    panel = panels.defection_panel(2016)
    panel.children[1].max = 400
    panel.children[1].value = 400
    assert "Cannot compute: defections must be a whole number from 0" in panel.children[3].value

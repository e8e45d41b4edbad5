"""explainers.states: the 51 units, by code and by name."""

from __future__ import annotations

import pytest

from explainers import data, states


def test_names_are_the_mit_files_names() -> None:
    returns = data.president_returns()
    spelled = dict(zip(returns["state_po"], returns["state"], strict=False))
    assert {code: name.upper() for code, name in states.STATES.items()} == spelled


@pytest.mark.parametrize(
    ("given", "code"),
    [("WI", "WI"), ("wisconsin", "WI"), (" District of Columbia ", "DC"), ("pa", "PA")],
)
def test_codes_and_names_in_any_case(given: str, code: str) -> None:
    assert states.resolve_state(given) == code


@pytest.mark.parametrize("bad", ["Atlantis", "ZZ", "", "Puerto Rico"])
def test_unknown_states_are_refused(bad: str) -> None:
    with pytest.raises(ValueError, match=rf"unknown state {bad!r}: give a postal code"):
        states.resolve_state(bad)


def test_a_state_must_be_text() -> None:
    with pytest.raises(TypeError, match="state must be a string, got 55"):
        states.resolve_state(55)  # type: ignore[arg-type]


def test_state_name() -> None:
    assert states.state_name("dc") == "District of Columbia"

"""explainers.formatting: how numbers are written in the text."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from explainers import formatting


def test_formats() -> None:
    assert formatting.count(np.int64(2_912_790)) == "2,912,790"
    assert (formatting.signed(131), formatting.signed(-3_238), formatting.signed(0)) == (
        "+131",
        "-3,238",
        "0",
    )
    assert formatting.pct(0.0090053) == "0.009%"
    assert formatting.times(144.77) == "145"
    assert formatting.rounded(26_708) == "27,000"
    assert formatting.date(pd.Timestamp("2016-11-23")) == "23 November 2016"
    assert formatting.date(pd.Timestamp("2016-11-03")) == "3 November 2016"  # no leading zero


@pytest.mark.parametrize("bad", [1.5, "537", True])
def test_count_takes_whole_numbers_only(bad: object) -> None:
    with pytest.raises(TypeError, match=rf"count takes a whole number, got {bad!r}"):
        formatting.count(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("call", [formatting.pct, formatting.times])
def test_shares_and_ratios_take_numbers(call) -> None:
    with pytest.raises(TypeError, match=r"must be a number, got '0.5'"):
        call("0.5")


def test_dollars_are_whole_and_refuse_what_is_not() -> None:
    assert formatting.dollars(1_494_086) == "$1,494,086"
    with pytest.raises(TypeError, match=r"count takes a whole number, got 1\.5"):
        formatting.dollars(1.5)  # type: ignore[arg-type]

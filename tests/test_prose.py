"""explainers.prose: how numbers are written in the text."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from explainers import prose


def test_formats() -> None:
    assert prose.count(np.int64(2_912_790)) == "2,912,790"
    assert (prose.signed(131), prose.signed(-3_238), prose.signed(0)) == ("+131", "-3,238", "0")
    assert prose.pct(0.0090053) == "0.009%"
    assert prose.times(144.77) == "145"
    assert prose.rounded(26_708) == "27,000"
    assert prose.date(pd.Timestamp("2016-11-23")) == "23 November 2016"
    assert prose.date(pd.Timestamp("2016-11-03")) == "3 November 2016"  # no leading zero


@pytest.mark.parametrize("bad", [1.5, "537", True])
def test_count_takes_whole_numbers_only(bad: object) -> None:
    with pytest.raises(TypeError, match=rf"count takes a whole number, got {bad!r}"):
        prose.count(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("call", [prose.pct, prose.times])
def test_shares_and_ratios_take_numbers(call) -> None:
    with pytest.raises(TypeError, match=r"must be a number, got '0.5'"):
        call("0.5")

"""explainers.facts: the prose prints each cited figure exactly as its source wrote it."""

from __future__ import annotations

import pytest

from explainers import data, facts


def test_cited_gives_the_written_figure_and_figure_its_source() -> None:
    # ap2017wicost: "... they total $2,005,603."
    assert facts.cited("wi_recount_cost") == "$2,005,603"
    cost = facts.figure("wi_recount_cost")
    assert cost.value == 2005603 and cost.source == "ap2017wicost"
    assert cost.written in cost.quote


def test_every_key_reads_back_its_own_row() -> None:
    for row in data.cited_figures().itertuples():
        assert facts.figure(row.key) == facts.CitedFigure(
            row.key, row.value, row.written, row.source, row.quote
        )


def test_an_unknown_key_lists_the_known_ones() -> None:
    with pytest.raises(KeyError, match=r"no cited figure 'wi_cost'; known: .*wi_recount_cost"):
        facts.cited("wi_cost")

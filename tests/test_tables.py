"""explainers.tables: the same bytes every run, the package's values, narrow-screen columns."""

from __future__ import annotations

import pandas as pd
import pytest

from explainers.tables import Table
from explainers.tables import margins as tables


@pytest.mark.parametrize(
    "make", [tables.margin_table, tables.reported_table, tables.close_calls_table]
)
def test_tables_render_the_same_bytes_every_time(make) -> None:
    a, b = make(), make()
    assert a._repr_html_() == b._repr_html_()
    assert repr(a) == repr(b)
    assert "0x" not in repr(a)


def test_margin_table_holds_the_certified_margins() -> None:
    html = tables.margin_table()._repr_html_()
    # FEC, Federal Elections 2000 and 2016.
    for figure in ("537", "10,704", "22,748", "44,292"):
        assert f">{figure}</td>" in html


def test_reported_table_says_which_differences_are_rounding() -> None:
    text = repr(tables.reported_table())
    # Journal Sentinel, 26 Nov 2016: "about 22,000" (WI) against the certified 22,748.
    assert "+748 (under the thousands the report gave)" in text
    assert "about 71,000" in text
    assert "-26,708\n" in text or text.rstrip().endswith("-26,708")


def test_secondary_columns_are_marked_for_narrow_screens() -> None:
    html = tables.margin_table()._repr_html_()
    assert '<th scope="col" class="cc-secondary">% of two-party vote</th>' not in html
    assert 'class="cc-num cc-secondary"' in html
    assert '<th scope="col">Contest</th>' in html


def test_a_table_refuses_unknown_columns() -> None:
    frame = pd.DataFrame({"a": [1]})
    with pytest.raises(ValueError, match=r"formats or secondary columns not in the table: \['b'\]"):
        Table(frame, "caption", "t", formats={"b": "{}"})


def test_text_is_escaped() -> None:
    table = Table(pd.DataFrame({"<b>": ["<i>x</i>"]}), "A & B", "esc")
    assert "<i>" not in table._repr_html_() and "&lt;i&gt;" in table._repr_html_()


def test_close_calls_table_gives_each_years_closest_contests_and_cheapest_reversal() -> None:
    rows = tables.close_calls_table().formatted().set_index("Year")
    assert list(rows.index) == ["2000", "2016", "2020", "2024"]
    # Certified margins: FEC 2000 (Florida 537, New Mexico 366); MIT Election Lab 2020.
    assert rows.loc["2000", "Closest contests (margin in votes, % of votes cast)"].startswith(
        "Florida 537 (0.01%); New Mexico 366"
    )
    assert rows.loc["2020", "Closest contests (margin in votes, % of votes cast)"].startswith(
        "Georgia 11,779 (0.24%); Arizona 10,457 (0.31%); Wisconsin 20,682"
    )
    assert rows.loc["2000", "Fewest voters to switch"] == "269"
    assert rows.loc["2020", "In"] == "AZ, GA, NV, WI"
    # 2024, the FEC's compilation of the certified results: WI 1,697,626 - 1,668,229 = 29,397 of
    # 3,422,918; MI 2,816,636 - 2,736,533 = 80,103; PA 3,543,308 - 3,423,042 = 120,266.
    assert rows.loc["2024", "Closest contests (margin in votes, % of votes cast)"] == (
        "Wisconsin 29,397 (0.86%); Michigan 80,103 (1.41%); Pennsylvania 120,266 (1.70%)"
    )
    # Harris's 226 electors + 44 from MI (15), PA (19), WI (10) = 270; half of each margin, plus one.
    assert rows.loc["2024", "In"] == "MI, PA, WI"
    assert rows.loc["2024", "Fewest voters to switch"] == f"{14_699 + 40_052 + 60_134:,}"


def test_close_calls_table_refuses_a_year_without_returns() -> None:
    with pytest.raises(ValueError, match=r"no presidential returns for 2028; the data cover 1976"):
        tables.close_calls_table((2028,))

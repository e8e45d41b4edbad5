"""explainers.fec2024: the FEC's 2024 PDF is read by position, and a misreading stops the derivation.

The tables it makes are re-derived byte for byte in tests/test_derive.py; here each check is shown
to fire, on the PDF's own pages altered one cell at a time.
"""

from __future__ import annotations

import copy
import functools

import pytest

from explainers import data, fec2024
from explainers.validation import DataValidationError


@functools.cache
def _pages() -> list:
    return fec2024._read(data.DATA_DIR / fec2024.FEC_2024)


def _altered(monkeypatch, page: int, state: str, change) -> None:
    """Serve the PDF's pages with ``state``'s row of ``page`` (0-based) changed by ``change``."""
    pages = copy.deepcopy(_pages())
    for y, row in pages[page].items():
        if row[0][1] == state:
            pages[page][y] = change(row)
    monkeypatch.setattr(fec2024, "_read", lambda path: pages)


def test_the_headings_name_every_candidate_and_the_total() -> None:
    headings = [n for p in fec2024._VOTE_PAGES for n in fec2024._headings(_pages()[p], "page")]
    assert len(headings) == 27 and headings[-1] == fec2024.TOTAL_COLUMN
    assert {"TRUMP", "HARRIS", "DE LA CRUZ", "WRITE-IN VOTES (SCATTERED)"} <= set(headings)


def test_a_number_split_in_pieces_is_read_whole() -> None:
    # Indiana's Harris vote is drawn as "1", ",", "163", ",", "603" (page 3).
    row = next(r for r in _pages()[2].values() if r[0][1] == "IN")
    assert [n for _, n, _ in fec2024._numbers(row[1:], "IN")] == [1_163_603, 29_325]


def test_a_cell_that_is_not_a_number_is_refused(monkeypatch) -> None:
    _altered(monkeypatch, 4, "WI", lambda row: [*row[:-1], (row[-1][0], "1,69x,626", False)])
    with pytest.raises(DataValidationError, match=r"page 5, WI: cannot read '1,69x,626'"):
        fec2024.returns_2024_from_fec()


def test_a_number_in_the_wrong_column_is_refused(monkeypatch) -> None:
    # Wisconsin's Trump vote moved under WELLS: the page's column totals no longer match.
    _altered(monkeypatch, 4, "WI", lambda row: [*row[:-1], (517.5, *row[-1][1:])])
    with pytest.raises(
        DataValidationError, match=r"page 5: the columns add up to .* but the Total"
    ):
        fec2024.returns_2024_from_fec()


def test_a_missing_state_row_is_refused(monkeypatch) -> None:
    _altered(monkeypatch, 4, "WI", lambda row: [(row[0][0], "Wisconsin", False), *row[1:]])
    with pytest.raises(DataValidationError, match=r"page 5: expected 51 state rows .* found 50"):
        fec2024.returns_2024_from_fec()


def test_a_state_whose_lines_miss_its_total_is_refused(monkeypatch) -> None:
    pages = copy.deepcopy(_pages())
    # One vote moved from Wisconsin's total to Wyoming's, with the page's Total: row unchanged.
    for state, delta in (("WI", -1), ("WY", 1)):
        for y, row in pages[5].items():
            if row[0][1] == state:
                x, text, italic = row[-1]
                pages[5][y] = [*row[:-1], (x, f"{int(text.replace(',', '')) + delta:,}", italic)]
    monkeypatch.setattr(fec2024, "_read", lambda path: pages)
    with pytest.raises(DataValidationError, match=r"do not add up to TOTAL VOTES in WI, WY"):
        fec2024.returns_2024_from_fec()


def test_electors_that_do_not_add_up_are_refused(monkeypatch) -> None:
    _altered(monkeypatch, 0, "WI", lambda row: [*row[:-1], (row[-1][0], "9", False)])
    with pytest.raises(DataValidationError, match=r"page 1, WI: votes cast"):
        fec2024.electoral_votes_2024_from_fec()


def test_electoral_totals_that_do_not_match_are_refused(monkeypatch) -> None:
    _altered(
        monkeypatch,
        0,
        "WI",
        lambda row: [row[0], (row[1][0], "11", False), (row[2][0], "11", False)],
    )
    with pytest.raises(DataValidationError, match=r"page 1: 51 states, columns add up to \[539"):
        fec2024.electoral_votes_2024_from_fec()


def test_write_ins_are_marked_as_the_fec_marks_them() -> None:
    # The FEC sets a write-in candidate's votes in italics: Stein was a write-in in New York.
    table = fec2024.returns_2024_from_fec().set_index(["state_po", "line"])
    assert table.loc[("NY", "STEIN"), "writein"] == "true"
    assert table.loc[("WI", "STEIN"), "writein"] == "false"
    assert table.loc[("NY", "TRUMP"), "writein"] == "false"


def test_a_page_without_its_row_of_headings_is_refused(monkeypatch) -> None:
    pages = copy.deepcopy(_pages())
    for y, row in pages[4].items():
        if row[0][1] == "STATE":
            pages[4][y] = [(row[0][0], "STATES", False), *row[1:]]
    monkeypatch.setattr(fec2024, "_read", lambda path: pages)
    with pytest.raises(
        DataValidationError, match=r"page 5: expected one row of headings .* found 0"
    ):
        fec2024.returns_2024_from_fec()


def test_page_one_without_a_candidate_heading_is_refused(monkeypatch) -> None:
    pages = copy.deepcopy(_pages())
    for y, row in pages[0].items():
        pages[0][y] = [(x, t.replace("HARRIS", "H."), i) for x, t, i in row]
    monkeypatch.setattr(fec2024, "_read", lambda path: pages)
    with pytest.raises(DataValidationError, match=r"page 1: no single heading with 'HARRIS'"):
        fec2024.electoral_votes_2024_from_fec()


def test_two_numbers_in_one_electoral_column_are_refused(monkeypatch) -> None:
    _altered(monkeypatch, 0, "ME", lambda row: [*row[:-1], (row[-2][0] + 3, row[-1][1], False)])
    with pytest.raises(DataValidationError, match=r"page 1, ME: two numbers under trump"):
        fec2024.electoral_votes_2024_from_fec()

"""Read the FEC's *Official 2024 Presidential General Election Results* into two tables.

The Federal Election Commission compiles each state's certified presidential results (popular vote:
the state election offices; electoral votes: the certificates of vote held by the National Archives)
in a PDF of tables, one column per candidate (``data/sources/fec_2024_presgeresults.pdf``, see
``data/README.md``). No CSV of it was found, so the two derived tables of ``data/`` are read from the
PDF's text here, by position: each number belongs to the column whose heading starts nearest to it.

Every reading is checked against the PDF's own totals, so a number put in the wrong column or
misread stops the derivation instead of entering the book:

- each candidate column must add up to the page's printed ``Total:`` row;
- each state's ballot lines must add up to its printed ``TOTAL VOTES``;
- the electoral votes must add up to 538 and to the printed totals for each candidate.

``tests/test_derive.py`` re-derives both CSVs from the PDF and compares them byte for byte.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pandas as pd

from explainers import data
from explainers.states import STATE_CODES

__all__ = ["FEC_2024", "TOTAL_COLUMN", "electoral_votes_2024_from_fec", "returns_2024_from_fec"]

#: The FEC's PDF, as copied into ``data/sources``.
FEC_2024 = "sources/fec_2024_presgeresults.pdf"

#: The column of page 6 holding each state's total, which is not a ballot line.
TOTAL_COLUMN = "TOTAL VOTES"

_NUMBER = re.compile(r"\d{1,3}(,\d{3})*")
_VOTE_PAGES = range(1, 6)  # pages 2-6 (0-based 1-5): the popular vote by candidate
_ELECTORAL_PAGE = 0
#: Page 1's columns, by the words of their headings' second line ("VOTES", "DONALD J. TRUMP (R)",
#: "KAMALA D. HARRIS (D)").
_ELECTORAL_HEADINGS = {"electoral_votes": "VOTES", "trump": "TRUMP", "harris": "HARRIS"}

#: One piece of text: where it starts, what it says, whether it is set in italics (the FEC's mark
#: of a write-in candidate's votes).
Piece = tuple[float, str, bool]
Rows = dict[float, list[Piece]]


def _pieces(page) -> Rows:
    """The page's text pieces as rows: y -> [(x, text, italic), ...] sorted by x.

    Pieces less than two points apart vertically are one row: the PDF draws a few numbers a
    fraction of a point off their row (Minnesota's Harris vote on page 3).
    """
    pieces: list[tuple[float, float, str, bool]] = []

    def visit(text, cm, tm, font, size) -> None:
        if text.strip():
            x, y = tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]
            italic = "Italic" in str((font or {}).get("/BaseFont", ""))
            pieces.append((round(y, 1), round(x, 1), text.strip(), italic))

    page.extract_text(visitor_text=visit)
    rows: Rows = {}
    row_y = None
    for y, x, text, italic in sorted(pieces, key=lambda piece: -piece[0]):
        if row_y is None or row_y - y >= 2:
            row_y = y
            rows[row_y] = []
        rows[row_y].append((x, text, italic))
    # By x only: pieces at the same x ("1" then ",") keep the order the page draws them in.
    return {y: sorted(row, key=lambda piece: piece[0]) for y, row in rows.items()}


def _numbers(pieces: list[Piece], where: str) -> list[tuple[float, int, bool]]:
    """The numbers of one row: where each starts, its value, and whether it is in italics.

    The PDF sometimes writes one number in pieces ("1", ",", "163", ",", "603"); a piece that starts
    or ends with a comma is joined to its neighbour.
    """
    merged: list[list] = []
    for x, text, italic in pieces:
        if merged and (merged[-1][1].endswith(",") or text.startswith(",")):
            merged[-1][1] += text
            merged[-1][2] = merged[-1][2] or italic
        else:
            merged.append([x, text, italic])
    numbers = []
    for x, text, italic in merged:
        if not _NUMBER.fullmatch(text):
            raise data.DataValidationError(
                f"fec_2024_presgeresults.pdf, {where}: cannot read {text!r}"
            )
        numbers.append((x, int(text.replace(",", "")), italic))
    return numbers


def _column(x: float, headings: dict[str, float]) -> str:
    """The column whose heading starts nearest to ``x``."""
    return min(headings, key=lambda name: abs(headings[name] - x))


def _read(path: Path) -> list[Rows]:
    from pypdf import PdfReader  # only needed to re-derive the tables

    return [_pieces(page) for page in PdfReader(path).pages]


def _heading_y(rows: Rows, where: str) -> float:
    """The y of the row of column headings: the one that starts with "STATE"."""
    found = [y for y, row in rows.items() if row[0][1] == "STATE"]
    if len(found) != 1:
        raise data.DataValidationError(
            f"fec_2024_presgeresults.pdf, {where}: expected one row of headings starting with "
            f"STATE, found {len(found)}"
        )
    return found[0]


def _headings(rows: Rows, where: str) -> dict[str, float]:
    """A page's candidate columns: heading -> x, joining the heading's two lines where it has two."""
    top = _heading_y(rows, where)
    starts: list[list] = []
    for x, text, _ in rows[top][1:]:  # after "STATE"; "WRITE", "-", "IN VOTES" are one heading
        if starts and (text == "-" or starts[-1][1].endswith("-")):
            starts[-1][1] += text
        else:
            starts.append([x, text])
    below = [y for y in rows if top - 20 < y < top and rows[y][0][1] not in STATE_CODES]
    headings = {}
    for x, text in starts:
        more = [t for y in below for x2, t, _ in rows[y] if abs(x2 - x) < 15]
        headings[" ".join([text, *more]).strip()] = x
    return headings


def _electoral_headings(rows: Rows) -> dict[str, float]:
    """Page 1's three columns, each at the x where its heading's second line starts."""
    top = _heading_y(rows, "page 1")
    second = [piece for y in rows if top - 20 < y < top for piece in rows[y]]
    found = {}
    for column, word in _ELECTORAL_HEADINGS.items():
        xs = [x for x, text, _ in second if word in text.split()]
        if len(xs) != 1:
            raise data.DataValidationError(
                f"fec_2024_presgeresults.pdf, page 1: no single heading with {word!r} under STATE"
            )
        found[column] = xs[0]
    return found


def _state_rows(rows: Rows) -> tuple[list[tuple[str, list[Piece]]], list[Piece] | None]:
    """(state code, pieces after it) for each state's row, and the pieces of the ``Total:`` row."""
    states, total = [], None
    for y in sorted(rows, reverse=True):
        first = rows[y][0][1]
        if first in STATE_CODES:
            states.append((first, rows[y][1:]))
        elif first == "Total:":
            total = rows[y][1:]
    return states, total


def returns_2024_from_fec(path: Path | str | None = None) -> pd.DataFrame:
    """Every 2024 ballot line of every state and DC, as the FEC compiled them (long form).

    Columns ``state_po``, ``line`` (the FEC's column heading: a candidate's surname, ``NONE OF
    THESE CANDIDATES``, ``WRITE-IN VOTES (SCATTERED)`` or ``TOTAL VOTES``), ``votes`` and
    ``writein`` (``true`` where the FEC sets the number in italics, its mark of a write-in
    candidate); one row per non-empty cell. Sorted by state and then as the FEC's columns are.

    Raises
    ------
    DataValidationError
        If a cell cannot be read, or a column or a state does not add up to the PDF's printed total.
    """
    file = Path(path) if path is not None else data.DATA_DIR / FEC_2024
    pages = _read(file)
    cells: list[tuple[str, str, int, str]] = []
    order: list[str] = []
    for index in _VOTE_PAGES:
        rows = pages[index]
        headings = _headings(rows, f"page {index + 1}")
        order += list(headings)
        states, total = _state_rows(rows)
        if len(states) != len(STATE_CODES) or total is None:
            raise data.DataValidationError(
                f"{file.name}, page {index + 1}: expected 51 state rows and a Total: row, found "
                f"{len(states)} rows"
            )
        sums: dict[str, int] = defaultdict(int)
        for state, pieces in states:
            for x, votes, italic in _numbers(pieces, f"page {index + 1}, {state}"):
                line = _column(x, headings)
                cells.append((state, line, votes, "true" if italic else "false"))
                sums[line] += votes
        printed = {
            _column(x, headings): n for x, n, _ in _numbers(total, f"page {index + 1}, Total")
        }
        if printed != dict(sums):
            raise data.DataValidationError(
                f"{file.name}, page {index + 1}: the columns add up to {dict(sums)}, but the "
                f"Total: row says {printed}"
            )
    frame = pd.DataFrame(cells, columns=["state_po", "line", "votes", "writein"])
    lines = frame[frame["line"] != TOTAL_COLUMN].groupby("state_po")["votes"].sum()
    totals = frame[frame["line"] == TOTAL_COLUMN].set_index("state_po")["votes"]
    wrong = lines[lines != totals.reindex(lines.index)]
    if not wrong.empty:
        raise data.DataValidationError(
            f"{file.name}: the ballot lines do not add up to TOTAL VOTES in {', '.join(wrong.index)}"
        )
    rank = {line: n for n, line in enumerate(order)}
    frame["order"] = frame["line"].map(rank)
    frame = frame.sort_values(["state_po", "order"], kind="stable").drop(columns="order")
    return frame.reset_index(drop=True)


def electoral_votes_2024_from_fec(path: Path | str | None = None) -> pd.DataFrame:
    """Each state's 2024 electoral votes and the votes its electors cast for Trump and for Harris.

    Columns ``state_po``, ``electoral_votes``, ``trump``, ``harris`` (page 1 of the FEC's PDF, from
    the certificates of vote held by the National Archives). Sorted by state.

    Raises
    ------
    DataValidationError
        If a row cannot be read, its votes do not add up to its electoral votes, or the columns do
        not add up to the printed totals.
    """
    file = Path(path) if path is not None else data.DATA_DIR / FEC_2024
    rows = _read(file)[_ELECTORAL_PAGE]
    headings = _electoral_headings(rows)
    states, total = _state_rows(rows)
    table = []
    for state, pieces in states:
        cells: dict[str, int] = {}
        for x, n, _ in _numbers(pieces, f"page 1, {state}"):
            column = _column(x, headings)
            if column in cells:
                raise data.DataValidationError(
                    f"{file.name}, page 1, {state}: two numbers under {column}"
                )
            cells[column] = n
        cells = {"trump": 0, "harris": 0} | cells  # a candidate with no electors: an empty cell
        if cells["trump"] + cells["harris"] != cells.get("electoral_votes"):
            raise data.DataValidationError(f"{file.name}, page 1, {state}: votes cast {cells}")
        table.append({"state_po": state} | cells)
    frame = pd.DataFrame(table, columns=["state_po", "electoral_votes", "trump", "harris"])
    printed = [n for _, n, _ in _numbers(total or [], "page 1, Total")]
    sums = [int(frame[c].sum()) for c in ("electoral_votes", "trump", "harris")]
    if len(frame) != len(STATE_CODES) or printed != sums or sums[0] != data.TOTAL_ELECTORAL_VOTES:
        raise data.DataValidationError(
            f"{file.name}, page 1: {len(frame)} states, columns add up to {sums}, Total: row {printed}"
        )
    return frame.sort_values("state_po").reset_index(drop=True)

"""Reading a CSV file and reporting what is wrong with it, by file, line and column.

These helpers know nothing about elections: :mod:`explainers.data` uses them to load each of the
book's tables, and a chapter that adds a table uses them the same way. A broken file raises
:class:`DataValidationError` with a message a person can act on, never a silently wrong number.
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pandera.errors as pa_errors
import pandera.pandas as pa

__all__ = [
    "DataValidationError",
    "check_rows",
    "file_version",
    "non_negative_int",
    "read_csv",
    "read_sections",
    "validate",
    "where",
]

#: How many failing cases a message lists before it says "... and N more".
SHOWN_CASES = 12


class DataValidationError(ValueError):
    """A data file does not have the shape or the values the book relies on."""


def file_version(path: Path) -> tuple[Path, int, int]:
    """Cache key for a file: its path, modification time and size, so an edited file is re-read.

    A missing file gets ``(path, -1, -1)``; :func:`read_csv` reports it when it is read.
    """
    resolved = path.resolve()
    try:
        stat = resolved.stat()
    except FileNotFoundError:
        return resolved, -1, -1
    return resolved, stat.st_mtime_ns, stat.st_size


def read_csv(path: Path, *, skip_lines: int = 0) -> pd.DataFrame:
    """Read a CSV as text (types are the schema's job), turning parser failures into clear errors.

    ``skip_lines`` lines before the header (a report's title) are skipped; the frame's index is
    shifted by as many, so :func:`where` still names the file's own line.

    Raises
    ------
    DataValidationError
        If the file is missing, empty, has a header but no rows, or is not well-formed CSV.
    """
    if not path.exists():
        raise DataValidationError(
            f"{path}: file not found. The book's tables live in the repository's data/ folder; "
            "install the package with `pip install -e .` from the repository, or set CLOSECALLS_DATA."
        )
    try:
        frame = pd.read_csv(
            path, dtype=str, keep_default_na=False, na_values=["", "NA"], skiprows=skip_lines
        )
    except pd.errors.EmptyDataError as exc:
        raise DataValidationError(f"{path.name}: the file is empty (no header, no rows).") from exc
    except pd.errors.ParserError as exc:
        raise DataValidationError(f"{path.name}: malformed CSV: {exc}") from exc
    if frame.empty:
        raise DataValidationError(f"{path.name}: the file has a header but no data rows.")
    frame.index += skip_lines
    return frame


def read_sections(path: Path) -> dict[str, pd.DataFrame]:
    """Read a report made of CSV sections, each a ``######## NAME ########`` line, a header and rows.

    Returns each section's rows as text, keyed by the section's name; a section ends at a blank line
    or at the next section. Each frame's index is set so that :func:`where` names the file's line.

    Raises
    ------
    DataValidationError
        If the file is missing, is not CSV, has rows outside a section, or a row whose number of
        cells differs from its section's header.
    """
    if not path.exists():
        raise DataValidationError(f"{path}: file not found.")
    try:
        with path.open(newline="", encoding="utf-8") as handle:
            lines = list(csv.reader(handle, strict=True))
    except (csv.Error, UnicodeDecodeError) as exc:
        raise DataValidationError(f"{path.name}: malformed CSV: {exc}") from exc
    sections: dict[str, pd.DataFrame] = {}
    number = 0
    while number < len(lines):
        row = lines[number]
        number += 1
        if not any(cell.strip() for cell in row):
            continue
        title = re.fullmatch(r"#{8} (.+) #{8}", row[0].strip()) if len(row) == 1 else None
        if title is None or number >= len(lines):
            raise DataValidationError(
                f"{path.name}, line {number}: expected a section title "
                f"'######## NAME ########' followed by a header, found {row!r}"
            )
        header, start = lines[number], number + 1
        body: list[list[str]] = []
        while start + len(body) <= len(lines) - 1 and any(lines[start + len(body)]):
            cells = lines[start + len(body)]
            if len(cells) == 1 and cells[0].startswith("########"):
                break
            if len(cells) != len(header):
                raise DataValidationError(
                    f"{path.name}, line {start + len(body) + 1}: {len(cells)} cells where the "
                    f"section {title.group(1)!r} has {len(header)} columns"
                )
            body.append(cells)
        frame = pd.DataFrame(body, columns=header, dtype=str)
        frame.index = pd.RangeIndex(start - 1, start - 1 + len(body))
        sections[title.group(1)] = frame
        number = start + len(body)
    return sections


def where(index: object) -> str:
    """Describe a row of a frame read by :func:`read_csv` (index 0 is line 2 of the file).

    Examples
    --------
    >>> where(0), where(None)
    ('line 2', 'table')
    """
    if isinstance(index, (int, float)) and not (isinstance(index, float) and math.isnan(index)):
        return f"line {int(index) + 2}"
    return "table"


def validate(schema: pa.DataFrameSchema, frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """Validate ``frame`` with ``schema`` and report every failure with file, line and column."""
    try:
        return schema.validate(frame, lazy=True)
    except pa_errors.SchemaErrors as exc:
        cases = exc.failure_cases
        # A value that cannot be converted also fails the dtype check and every check that runs
        # on the unconverted column; the conversion failure alone says what is wrong.
        is_coerce = cases["check"].astype(str).str.startswith("coerce")
        coerce_failed = set(cases.loc[is_coerce, "column"])
        cases = cases[~(cases["column"].isin(coerce_failed) & ~is_coerce)]
        lines = []
        for case in cases.head(SHOWN_CASES).itertuples(index=False):
            column = f"column '{case.column}'" if isinstance(case.column, str) else "table"
            value = "" if case.failure_case is None else f" (value: {case.failure_case!r})"
            lines.append(f"  {name}, {where(case.index)}, {column}: fails {case.check}{value}")
        more = f"\n  ... and {len(cases) - SHOWN_CASES} more" if len(cases) > SHOWN_CASES else ""
        raise DataValidationError(
            f"{name} does not match its schema ({len(cases)} problem(s)):\n"
            + "\n".join(lines)
            + more
        ) from None


def check_rows(
    frame: pd.DataFrame, name: str, rule: str, bad: pd.Series, describe: Callable[[pd.Series], str]
) -> None:
    """Raise if any row is flagged ``True`` in ``bad``, naming the first few rows and the rule."""
    if bad.any():
        rows = frame[bad]
        shown = "\n".join(
            f"  {name}, {where(i)}: {describe(r)}" for i, r in rows.head(8).iterrows()
        )
        raise DataValidationError(f"{name} breaks the rule '{rule}':\n{shown}")


def non_negative_int(*, nullable: bool = False) -> pa.Column:
    """A schema column of whole numbers, zero or more (vote counts)."""
    return pa.Column(int, pa.Check.ge(0), coerce=True, nullable=nullable)

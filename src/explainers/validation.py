"""Reading a CSV file and reporting what is wrong with it, by file, line and column.

These helpers know nothing about elections: :mod:`explainers.data` uses them to load each of the
book's tables, and a chapter that adds a table uses them the same way. A broken file raises
:class:`DataValidationError` with a message a person can act on, never a silently wrong number.
"""

from __future__ import annotations

import csv
import math
import numbers
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
    shifted by as many, so :func:`where` still names the file's own line (for a file without blank
    lines: pandas skips those, and every later line number would be one short).

    Raises
    ------
    DataValidationError
        If the file is missing, empty, has a header but no rows, or is not well-formed CSV.
    """
    if isinstance(skip_lines, bool) or not isinstance(skip_lines, int) or skip_lines < 0:
        raise ValueError(f"skip_lines must be a whole number, zero or more, got {skip_lines!r}")
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

    Returns each section's rows as text (a blank cell stays ``""``), keyed by the section's name; a
    section ends at a blank line (no cell with anything but spaces) or at the next title. Each
    frame's index is set so that :func:`where` names the file's line (a quoted cell that spans
    lines is counted as the reader counts it). A byte-order mark is allowed.

    Raises
    ------
    DataValidationError
        If the file is missing, empty, not CSV or not UTF-8; if a row stands outside a section; if a
        section has no header, or a header that is another title; if a name is used twice; or if a
        row's number of cells differs from its section's header.
    """
    if not path.exists():
        raise DataValidationError(f"{path}: file not found.")
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.reader(handle, strict=True)
            lines = [(reader.line_num, row) for row in reader]
    except (csv.Error, UnicodeDecodeError) as exc:
        raise DataValidationError(f"{path.name}: malformed CSV: {exc}") from exc
    if not lines:
        raise DataValidationError(f"{path.name}: the file is empty (no section).")

    def blank(row: list[str]) -> bool:
        return not any(cell.strip() for cell in row)

    def title(row: list[str]) -> str | None:
        found = re.fullmatch(r"#{8} (.+) #{8}", row[0].strip()) if len(row) == 1 else None
        return found.group(1) if found else None

    sections: dict[str, pd.DataFrame] = {}
    first_seen: dict[str, int] = {}
    i = 0
    while i < len(lines):
        number, row = lines[i]
        i += 1
        if blank(row):
            continue
        name = title(row)
        if name is None:
            raise DataValidationError(
                f"{path.name}, line {number}: expected a section title "
                f"'######## NAME ########', found {row!r}"
            )
        if name in first_seen:
            raise DataValidationError(
                f"{path.name}, line {number}: a second section {name!r} "
                f"(the first is at line {first_seen[name]})"
            )
        first_seen[name] = number
        if i >= len(lines) or blank(lines[i][1]) or title(lines[i][1]) is not None:
            raise DataValidationError(f"{path.name}, line {number}: section {name!r} has no header")
        header = lines[i][1]
        i += 1
        body: list[list[str]] = []
        numbers: list[int] = []
        while i < len(lines) and not blank(lines[i][1]) and title(lines[i][1]) is None:
            line, cells = lines[i]
            if len(cells) != len(header):
                raise DataValidationError(
                    f"{path.name}, line {line}: {len(cells)} cells where the section "
                    f"{name!r} has {len(header)} columns"
                )
            body.append(cells)
            numbers.append(line)
            i += 1
        frame = pd.DataFrame(body, columns=header, dtype=str)
        frame.index = pd.Index([n - 2 for n in numbers], dtype=int)  # where() adds 2
        sections[name] = frame
    return sections


def where(index: object) -> str:
    """Describe a row of a frame read by :func:`read_csv` (index 0 is line 2 of the file).

    Examples
    --------
    >>> where(0), where(None)
    ('line 2', 'table')
    """
    if isinstance(index, numbers.Real) and not isinstance(index, bool) and not math.isnan(index):
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

"""Display-ready tables for the book, one module per chapter.

- :mod:`explainers.tables.margins`: the Margins chapter's tables.
- :mod:`explainers.tables.florida`: the Florida 2000 chapter's tables.
- :mod:`explainers.tables.audits` and :mod:`explainers.tables.electoral`: the Audits and the
  Electoral College chapters' tables.
- :mod:`explainers.tables.real_audits`: the Audits in Practice chapter's tables.
- :mod:`explainers.tables.claims`: the Claims chapter's tables.

Each chapter's functions return a :class:`Table`: the numbers come from the concept modules; a
table only chooses the columns, their headings and how the numbers are written. A ``Table`` renders
as HTML in the book and in Jupyter, and as plain text elsewhere, the same bytes on every run (pandas'
own ``Styler`` puts a memory address in its plain-text form, which would make every notebook run
differ). Columns marked secondary are hidden on narrow screens, where the table would otherwise be
wider than the column.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

import pandas as pd

__all__ = ["Table"]


@dataclass(frozen=True)
class Table:
    """A data frame with headings, per-column formats and a caption, shown without its index.

    ``secondary`` names the columns that a phone-width page leaves out (CSS class
    ``cc-secondary``); the first column and the others always show.
    """

    frame: pd.DataFrame
    caption: str
    table_id: str
    formats: dict[str, str] = field(default_factory=dict)
    secondary: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        unknown = (set(self.formats) | set(self.secondary)) - set(self.frame.columns)
        if unknown:
            raise ValueError(f"formats or secondary columns not in the table: {sorted(unknown)}")

    def formatted(self) -> pd.DataFrame:
        """The frame with every cell written as the table shows it."""
        out = self.frame.copy()
        for column, fmt in self.formats.items():
            out[column] = [fmt.format(v) for v in out[column]]
        return out.astype(str)

    def _repr_html_(self) -> str:
        cells = self.formatted()

        def attrs(column: str) -> str:
            numeric = pd.api.types.is_numeric_dtype(self.frame[column])
            classes = ["cc-num"] if numeric else []
            classes += ["cc-secondary"] if column in self.secondary else []
            return f' class="{" ".join(classes)}"' if classes else ""

        head = "".join(f'<th scope="col"{attrs(c)}>{html.escape(c)}</th>' for c in cells.columns)
        body = "".join(
            "<tr>"
            + "".join(f"<td{attrs(c)}>{html.escape(v)}</td>" for c, v in row.items())
            + "</tr>"
            for _, row in cells.iterrows()
        )
        return (
            f'<table class="cc-table" id="table-{html.escape(self.table_id)}">'
            f"<caption>{html.escape(self.caption)}</caption>"
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        )

    def __repr__(self) -> str:
        return f"{self.caption}\n{self.formatted().to_string(index=False)}"

"""Display-ready tables for the book, with readable headings and number formats.

Each function returns a :class:`Table`: the numbers come from :mod:`explainers.margins` or
:mod:`explainers.canvass`; this module only chooses the columns, their headings and how the numbers
are written. A ``Table`` renders as HTML in the book and in Jupyter, and as plain text elsewhere,
the same bytes on every run (pandas' own ``Styler`` puts a memory address in its plain-text form,
which would make every notebook run differ).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from explainers import canvass, margins

__all__ = ["Table", "margin_table", "reported_table"]


@dataclass(frozen=True)
class Table:
    """A data frame with headings, per-column formats and a caption, shown without its index."""

    frame: pd.DataFrame
    caption: str
    table_id: str
    formats: dict[str, str] = field(default_factory=dict)

    def _formatted(self) -> pd.DataFrame:
        out = self.frame.copy()
        for column, fmt in self.formats.items():
            out[column] = [fmt.format(v) for v in out[column]]
        return out.astype(str)

    def _repr_html_(self) -> str:
        styler = self._formatted().style.hide(axis="index").set_uuid(self.table_id)
        return styler.set_caption(self.caption).to_html()

    def __repr__(self) -> str:
        return f"{self.caption}\n{self._formatted().to_string(index=False)}"


def margin_table(contests: tuple[tuple[int, str], ...] | None = None) -> Table:
    """The four contests' certified margins, as :func:`explainers.margins.comparison` gives them."""
    columns = {
        "contest": "Contest",
        "margin": "Margin (votes)",
        "margin_pct": "% of votes cast",
        "margin_pct_two_party": "% of two-party vote",
        "times_reference": "Margin ÷ Florida 2000's",
        "voters_to_switch": "Voters to switch",
        "votes_to_add": "Votes to add",
        "closeness_rank": "Closeness rank in its year",
    }
    table = margins.comparison() if contests is None else margins.comparison(contests)
    return Table(
        frame=table[list(columns)].rename(columns=columns),
        caption="Certified margins (from margins.comparison).",
        table_id="margins",
        formats={
            "Margin (votes)": "{:,}",
            "% of votes cast": "{:.3f}%",
            "% of two-party vote": "{:.3f}%",
            "Margin ÷ Florida 2000's": "{:.1f}",
            "Voters to switch": "{:,}",
            "Votes to add": "{:,}",
        },
    )


def reported_table() -> Table:
    """Trump's leads as reported in November 2016 beside the certified margins."""
    reported = canvass.reported_vs_certified()
    columns = {
        "scope": "States",
        "date": "Reported on",
        "reported_text": "Lead reported",
        "certified": "Certified margin",
        "difference": "Certified minus reported",
    }
    frame = reported[list(columns)].rename(columns=columns)
    frame["States"] = frame["States"].str.replace("+", " + ")
    return Table(
        frame=frame,
        caption="Trump's lead as reported in the news and as certified "
        "(from canvass.reported_vs_certified).",
        table_id="reported",
        formats={
            "Reported on": "{:%d %b %Y}",
            "Certified margin": "{:,}",
            "Certified minus reported": "{:+,}",
        },
    )

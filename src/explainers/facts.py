"""Figures the book takes from outside sources, each tied to the sentence that reports it.

Some figures in the book are not computed from election returns: what Wisconsin's recount cost, how
many Michigan precincts were recounted before the courts stopped it, how large Pennsylvania's audit
sample is. They live in ``data/cited_figures.csv`` with their source and the exact quotation, and
the prose prints them with ``{eval}`cited('wi_recount_cost')``` instead of typing them, so each
figure on the page can be traced to one checked row (see :func:`explainers.data.cited_figures`).
"""

from __future__ import annotations

from dataclasses import dataclass

from explainers import data

__all__ = ["CitedFigure", "cited", "figure"]


@dataclass(frozen=True)
class CitedFigure:
    """One row of ``data/cited_figures.csv``: a figure as its source writes it, and the source.

    ``value`` is the number; ``written`` is how the source (and the book) writes it; ``source`` is
    a key of ``references.bib``; ``quote`` is the sentence that reports it.
    """

    key: str
    value: float
    written: str
    source: str
    quote: str


def figure(key: str) -> CitedFigure:
    """The cited figure named ``key``.

    Raises
    ------
    KeyError
        For a key that is not in the file, listing the keys that are.
    """
    table = data.cited_figures().set_index("key")
    if key not in table.index:
        raise KeyError(f"no cited figure {key!r}; known: {', '.join(sorted(table.index))}")
    row = table.loc[key]
    return CitedFigure(key, float(row["value"]), row["written"], row["source"], row["quote"])


def cited(key: str) -> str:
    """The figure named ``key`` as its source writes it, for the prose: ``$2,005,603``."""
    return figure(key).written

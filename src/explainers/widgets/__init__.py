"""ipywidgets control panels for readers who run the notebooks in Jupyter, one module per chapter.

- :mod:`explainers.widgets.margins`, :mod:`explainers.widgets.audits` and
  :mod:`explainers.widgets.electoral`: each chapter's panels.

On the static site the charts' own controls recompute in the page. In Jupyter a reader can go
further: these panels call the concept modules again on every change and show the result as text.
Each panel returns an ``ipywidgets.VBox`` whose children are the labelled controls followed by an
``HTML`` widget holding the result, so tests can set a control and read the recomputed text without
a browser.
"""

from __future__ import annotations

__all__ = ["STYLE", "votes"]

#: Keep each control's label on one line beside it.
STYLE = {"description_width": "initial"}


def votes(n: int) -> str:
    """``"1 vote"``, ``"2,000 votes"``.

    Examples
    --------
    >>> votes(1), votes(2000)
    ('1 vote', '2,000 votes')
    """
    return f"{n:,} vote" if n == 1 else f"{n:,} votes"

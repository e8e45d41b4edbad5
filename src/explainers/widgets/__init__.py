"""ipywidgets control panels for readers who run the notebooks in Jupyter, one module per chapter.

- :mod:`explainers.widgets.margins`, :mod:`explainers.widgets.florida`,
  :mod:`explainers.widgets.audits`, :mod:`explainers.widgets.real_audits`,
  :mod:`explainers.widgets.electoral` and :mod:`explainers.widgets.claims`: each chapter's panels.

On the static site the charts' own controls recompute in the page. In Jupyter a reader can go
further: these panels call the concept modules again on every change and show the result as text.
Each panel returns an ``ipywidgets.VBox`` whose children are the labelled controls followed by an
``HTML`` widget holding the result, so tests can set a control and read the recomputed text without
a browser.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

import ipywidgets as w

__all__ = ["STYLE", "cannot_compute", "recompute_on_change", "votes"]

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


def cannot_compute(message: str) -> str:
    """HTML for an input the package refuses: the reason, in red, instead of a traceback.

    Examples
    --------
    >>> cannot_compute("x < 3")
    '<span style="color:#b2182b">Cannot compute: x &lt; 3</span>'
    """
    return f'<span style="color:#b2182b">Cannot compute: {html.escape(message)}</span>'


def recompute_on_change(
    controls: Sequence[w.ValueWidget],
    result: w.HTML,
    show: Callable[[], str],
    errors: tuple[type[Exception], ...] = (ValueError,),
) -> None:
    """Fill ``result`` with ``show()`` now and whenever a control changes.

    An error of the ``errors`` kinds (the package's refusal of a bad input) is shown in the panel
    with :func:`cannot_compute`, never raised.
    """

    def redraw(*_: object) -> None:
        try:
            result.value = show()
        except errors as error:
            result.value = cannot_compute(str(error))

    for control in controls:
        control.observe(redraw, names="value")
    redraw()

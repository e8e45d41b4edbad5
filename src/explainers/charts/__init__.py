"""Altair charts for the book, one module per chapter, with controls that recompute in the browser.

- :mod:`explainers.charts.margins`: the Margins chapter (margin comparison, closeness by year).
- :mod:`explainers.charts.audits`: the Audits chapter (sample sizes, an audit drawn ballot by
  ballot, the Wisconsin wards, recount shifts).
- :mod:`explainers.charts.real_audits`: the Audits in Practice chapter (Colorado's contests on
  the central chart, with a contest menu and a risk-limit slider).
- :mod:`explainers.charts.electoral`: the Electoral College chapter (tile map with a swing and a
  rule, faithless electors by election, defections).
- :mod:`explainers.charts.florida`: the Florida 2000 chapter (the lead as reported, the reviews of
  the rejected ballots, Palm Beach's Buchanan vote against its prediction).
- :mod:`explainers.charts.claims`: the Claims chapter (counties by equipment, the estimate under
  controls).

Each chart is built from tables that Python computed; its controls are Vega-Lite parameters bound
to HTML inputs that filter or select among those values, so the static page needs no kernel, and the
browser tests check that what the page shows equals what the package returns. Every chart fits the
column it is drawn in (``width: "container"``; :mod:`explainers.render` gives the static drawings a
fixed width), carries a ``description`` that screen readers announce, and labels every control.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

import altair as alt

__all__ = ["FIT_WIDTH", "FOCUS_COLOR", "OTHER_COLOR", "choice_expr", "listing"]

#: Colour of the contests a chapter discusses, and of the others (both pass WCAG AA on white).
FOCUS_COLOR = "#b2182b"
OTHER_COLOR = "#6b6b6b"

#: Fit the column's width (with ``width="container"``); the height is each chart's own.
FIT_WIDTH = alt.AutoSizeParams(type="fit-x", contains="padding")


def choice_expr(param: str, values: Mapping[object, object]) -> str:
    """A Vega expression that gives ``values[param]``, or ``''`` for a value not in ``values``.

    For titles that follow a control: Vega-Lite titles take an expression, not a field.

    >>> print(choice_expr("model", {"bush": ["a", "b"], 3: "c"}))
    model === "bush" ? ["a", "b"] : model === 3 ? "c" : ''
    """
    cases = [f"{param} === {json.dumps(k)} ? {json.dumps(v)}" for k, v in values.items()]
    return " : ".join([*cases, "''"])


def listing(names: list[str]) -> str:
    """Names joined for a sentence: ``"A, B and C"``.

    Examples
    --------
    >>> listing(["Florida 2000", "Michigan 2016", "Wisconsin 2016"])
    'Florida 2000, Michigan 2016 and Wisconsin 2016'
    """
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]

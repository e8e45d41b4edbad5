"""The ranges of the reader's sliders, shared by the in-page charts and the Jupyter panels.

A chart's slider (:mod:`explainers.charts`) and the matching ipywidgets slider
(:mod:`explainers.widgets`) offer the same choices (the audits panel's margin is a text box, not
a slider: it takes any margin the package accepts). The ranges live here, in a module that
imports nothing, so that a panel does not import Altair (about 3 s, most of it ``jsonschema``'s
format checkers) only to read two numbers: the live classroom mode starts one Python process per
student, and every second of import is paid by each of them.
"""

from __future__ import annotations

__all__ = ["MARGIN_RANGE", "RISK_LIMIT_RANGE", "THRESHOLD_RANGE"]

#: Margins chapter: the closeness threshold, in percent of the votes cast.
THRESHOLD_RANGE = (0.1, 5.0)

#: Audits chapter: the risk limit, in percent.
RISK_LIMIT_RANGE = (1, 25)

#: Audits chapter: the diluted margin read off the sample-size curves, in percent.
MARGIN_RANGE = (0.01, 20.0)

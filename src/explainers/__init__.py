"""Close Calls: the helper package behind the book on how close U.S. elections are checked.

Modules, one per concept:

- :mod:`explainers.data`: the validated data tables from ``data/``;
- :mod:`explainers.sources`: derives tables of ``data/`` from the publishers' original files;
- :mod:`explainers.margins`: winning margins, votes to switch or add, closeness rankings and the
  cheapest set of states that would have changed an Electoral College outcome;
- :mod:`explainers.canvass`: counts reported in November 2016 against the certified results;
- :mod:`explainers.recounts`: what Wisconsin's 2016 recount changed;
- :mod:`explainers.charts`: Altair charts, including the controls that recompute in the browser;
- :mod:`explainers.tables`: display-ready tables with readable headings;
- :mod:`explainers.render`: the offline Altair renderer used by the book and by Jupyter;
- :mod:`explainers.widgets`: ipywidgets panels for readers who run the notebooks;
- :mod:`explainers.sphinx_site`: the Sphinx extension that keeps the site offline and accessible.
"""

from explainers.data import DataValidationError

__all__ = ["DataValidationError"]
__version__ = "0.1.0"

"""Close Calls: the helper package behind the book on how close U.S. elections are checked.

Data, validated:

- :mod:`explainers.validation`: reading a CSV and reporting what is wrong by file, line and column;
- :mod:`explainers.states`: the 50 states and DC, by code and name;
- :mod:`explainers.data`: the validated tables of ``data/``;
- :mod:`explainers.sources`: derives tables of ``data/`` from the publishers' original files.

Concepts, one module each:

- :mod:`explainers.margins`: arithmetic on one margin (shares, voters to switch, votes to add);
- :mod:`explainers.contests`: every state contest, its margin and its closeness;
- :mod:`explainers.electoral`: electors won, and the cheapest set of states that reverses a majority;
- :mod:`explainers.canvass`: counts reported in November 2016 against the certified results;
- :mod:`explainers.recounts`: what Wisconsin's 2016 recount changed;
- :mod:`explainers.book`: the book's editorial choices (the contests a chapter focuses on).

Presentation, one module per chapter in each:

- :mod:`explainers.charts`: Altair charts with controls that recompute in the browser;
- :mod:`explainers.tables`: display-ready tables;
- :mod:`explainers.widgets`: ipywidgets panels for readers who run the notebooks;
- :mod:`explainers.render`: the offline Altair renderer used by the book and by Jupyter;
- :mod:`explainers.sphinx_site`: the Sphinx extension that keeps the site offline and accessible.
"""

from explainers.validation import DataValidationError

__all__ = ["DataValidationError"]
__version__ = "0.1.0"

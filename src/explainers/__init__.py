"""Close Calls: the content package behind the book on how close U.S. elections are checked.

This is what a chapter imports. It never imports the build machinery, which lives in
:mod:`closecalls_build`.

Data, validated:

- :mod:`explainers.paths`: where the repository's folders and files are (the one place that knows);
- :mod:`explainers.validation`: reading a CSV and reporting what is wrong by file, line and column;
- :mod:`explainers.caching`: the one cache idiom, keyed on the data files' version;
- :mod:`explainers.states`: the 50 states and DC, by code and name;
- :mod:`explainers.data`: the validated tables of ``data/``;
- :mod:`explainers.derive`: derives tables of ``data/`` from the publishers' original files;
- :mod:`explainers.fec2024`: reads the FEC's 2024 results, published as a PDF, into two tables;
- :mod:`explainers.facts`: figures quoted from outside sources (``data/cited_figures.csv``);
- :mod:`explainers.bibliography`: the author-year labels of ``references.bib``.

Concepts, one module each:

- :mod:`explainers.margins`: arithmetic on one margin (shares, voters to switch, votes to add);
- :mod:`explainers.contests`: every state contest, its margin and its closeness;
- :mod:`explainers.electoral`: electors won, and the cheapest set of states that reverses a majority;
- :mod:`explainers.faithless`: faithless electors and defections;
- :mod:`explainers.contingent`: the House's vote when no candidate has a majority of electors;
- :mod:`explainers.canvass`: counts reported in November 2016 against the certified results;
- :mod:`explainers.recounts`: recounts, and what Wisconsin's 2016 recount changed;
- :mod:`explainers.audits`: how many ballots an audit examines, and simulated audits;
- :mod:`explainers.colorado`: Colorado's 2024 risk-limiting audit, reproduced contest by contest;
- :mod:`explainers.georgia`: Georgia's 2020 audit, a hand count set beside the machine count;
- :mod:`explainers.claims`: the Wisconsin voting-equipment claim checked with data;
- :mod:`explainers.florida`: Florida 2000, the count as reported and the reviews of rejected ballots;
- :mod:`explainers.butterfly`: Buchanan's Palm Beach vote (2000) against the other Florida counties;
- :mod:`explainers.practice`: practice questions, and the check of a reader's answer;
- :mod:`explainers.practice_questions`: each chapter's practice questions, answered by the package;
- :mod:`explainers.editorial`: the book's editorial choices (the contests a chapter focuses on);
- :mod:`explainers.documents`: the primary documents a chapter links to, with what to look for.

Presentation:

- :mod:`explainers.formatting`: how the prose writes numbers (``{eval}`count(fl.margin)```);
- :mod:`explainers.control_ranges`: the ranges of the readers' sliders, shared by charts and panels;
- :mod:`explainers.render`: the offline Altair renderer used by the book and by Jupyter;
- :mod:`explainers.charts`: Altair charts whose controls recompute in the browser, one module per
  chapter;
- :mod:`explainers.tables`: display-ready tables, one module per chapter;
- :mod:`explainers.widgets`: ipywidgets panels for readers who run the notebooks, one module per
  chapter.
"""

from explainers.validation import DataValidationError

__all__ = ["DataValidationError"]
__version__ = "0.1.0"

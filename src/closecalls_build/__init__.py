"""How the Close Calls book is built, checked, served and measured: never imported by the content.

The content package, :mod:`explainers`, is what a chapter imports (the data, the election
mathematics, the charts, tables and panels). Everything here works *on* the book:

- :mod:`closecalls_build.sphinx_ext`: the Sphinx extension (listed in ``_config.yml``): the site
  offline and light, pages rebuilt when what they compute from changes; with
  :mod:`~closecalls_build.sphinx_ext.bibstyle` (how the website cites and lists sources) and
  :mod:`~closecalls_build.sphinx_ext.iconfont` (the theme's icon font cut to the icons shown), and
  Vega's runtime in ``sphinx_ext/vendor/``;
- :mod:`closecalls_build.notebooks`: each chapter's notebook made from its MyST source, and the check
  that the stored notebook still agrees with a fresh execution;
- :mod:`closecalls_build.myst`: reading a page's MyST source with one parser (markdown-it-py with the
  MyST plugins): headings, directives (learning objectives, exercises) and numbered lists;
- :mod:`closecalls_build.pages`: the table of contents (which pages, in which order) and a
  chapter's outline;
- :mod:`closecalls_build.readability`: the reading level of a chapter's prose;
- :mod:`closecalls_build.catalogue`: the data files and their provenance, read from
  ``data/README.md``;
- :mod:`closecalls_build.guide`: the tables of the teacher's guide and the Data sources page;
- :mod:`closecalls_build.budget`: the performance budget and page weights (``make bench``, tests);
- :mod:`closecalls_build.chromium`: how the tests and benchmarks start Debian's chromium and serve
  the built site;
- :mod:`closecalls_build.live` and :mod:`closecalls_build.live_server`: ``make live``, the chapters'
  panels served by Voilà (template in ``share/voila/templates/closecalls/``).

Its dependencies beyond the content package's are the ``build`` extra of ``pyproject.toml``.
"""

"""Sphinx extension: keep the built site self-contained, light and accessible.

Six jobs:

- **Charts as live HTML.** Before the notebooks are executed for the site, the extension sets
  ``CLOSECALLS_RENDER=book`` so that :mod:`explainers.render` writes each chart as HTML that becomes a
  live Vega view in the page (in Jupyter the same charts are PNG images).
- **Vega from the book's own folder, only where needed.** The book must work with no internet
  connection, so Vega, Vega-Lite and vega-embed cannot come from a CDN. ``vl-convert-python`` ships
  them as one JavaScript bundle; at the end of an HTML build this extension writes that bundle to
  ``_static/vendor/vega-bundle.js`` (generated, never committed), and it adds a ``<script>`` for it
  only to the pages whose body contains a chart written by :mod:`explainers.render`.

  The bundle is wrapped in a function scope: its top-level ``const`` names would otherwise collide
  with Sphinx's own scripts. It still sets ``window.vegaEmbed`` itself.
- **No ipywidgets state in the pages.** The static site shows no ipywidgets (their outputs are removed
  from the pages and no widget manager is loaded: ``nb_ipywidgets_js`` is empty), yet myst-nb would
  still embed the executed widgets' state as JSON in every notebook page. This extension drops it.
- **Bibliography entries that screen readers can list.** docutils marks the references page's
  citation list ``role="list"`` but each entry ``role="doc-biblioentry"``, a role ARIA has deprecated
  and that a list may not contain (axe: *aria-required-children*, critical). Entries become
  ``role="listitem"``.
- **Each chapter downloadable as its notebook.** The theme's download menu offers a page's source; a
  chapter's source is MyST Markdown, which only Jupyter with jupytext opens. The menu also offers the
  chapter's notebook ``book/NAME.ipynb`` (executed, readable in JupyterLab, see
  :mod:`explainers.notebooks`), copied beside the sources at the end of the build: the theme would
  otherwise offer its ``.ipynb`` only when launch buttons are configured, and then its own copy.
- **Launch buttons only with a repository.** ``_config.yml`` names Binder as the launch service, but
  a launch button needs the repository the book is published from (``repository: url:``), which
  whoever publishes the book sets. Until then the provider is dropped, so the build neither fails nor
  points readers at Jupyter Book's own repository, its default.

It is listed in ``_config.yml`` under ``sphinx: config: extensions``.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import vl_convert as vlc
from sphinx.application import Sphinx
from sphinx.config import Config

from explainers.render import MODE_VARIABLE

__all__ = ["BUNDLE_PATH", "launch_buttons_for", "setup", "wrapped_bundle"]

#: Where the bundle lands, relative to ``_static``.
BUNDLE_PATH = "vendor/vega-bundle.js"

#: Marker that :mod:`explainers.render` puts on every chart element.
CHART_MARKER = 'class="cc-chart"'

#: Key under which myst-nb registers a notebook page's ipywidgets state.
WIDGET_STATE_KEY = "ipywidgets_state"


def wrapped_bundle() -> str:
    """The vl-convert Vega bundle in a function scope, with a header naming what it contains."""
    header = (
        f"/* Vega {vlc.get_vega_version()}, Vega-Lite (several versions) and vega-embed "
        f"{vlc.get_vega_embed_version()}, BSD-3-Clause, bundled by vl-convert-python. "
        "Generated at build time by explainers.sphinx_site. */\n"
    )
    return header + "(function () {\n" + vlc.javascript_bundle() + "\n})();\n"


def _add_bundle_to_chart_pages(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if CHART_MARKER in context.get("body", ""):
        app.add_js_file(BUNDLE_PATH, loading_method="defer")


def _render_charts_as_html(app: Sphinx, config: Config) -> None:
    # The notebook kernels that myst-nb starts inherit this process's environment.
    os.environ[MODE_VARIABLE] = "book"


def _fix_citation_roles(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if "body" in context:
        context["body"] = context["body"].replace('role="doc-biblioentry"', 'role="listitem"')


def _drop_widget_state(app: Sphinx, pagename: str, *args: Any) -> None:
    metadata = getattr(app.env, "nb_metadata", {}).get(pagename, {})
    metadata.get("js_files", {}).pop(WIDGET_STATE_KEY, None)


#: Jupyter Book's default ``repository: url:``, which is not this book's repository.
JUPYTER_BOOK_DEFAULT_REPOSITORY = "https://github.com/executablebooks/jupyter-book"

#: The theme's ``launch_buttons`` keys that name a service to launch a notebook on.
LAUNCH_PROVIDERS = (
    "binderhub_url",
    "jupyterhub_url",
    "colab_url",
    "deepnote_url",
    "jupyterlite_url",
)


def launch_buttons_for(theme_options: dict[str, Any]) -> dict[str, Any]:
    """The theme's ``launch_buttons``, with no provider unless the book names its own repository.

    >>> launch_buttons_for({"repository_url": "", "launch_buttons": {"binderhub_url": "x"}})
    {}
    >>> launch_buttons_for({"repository_url": "https://github.com/org/book",
    ...                     "launch_buttons": {"binderhub_url": "https://mybinder.org"}})
    {'binderhub_url': 'https://mybinder.org'}
    """
    buttons = dict(theme_options.get("launch_buttons") or {})
    url = (theme_options.get("repository_url") or "").rstrip("/")
    if url in ("", JUPYTER_BOOK_DEFAULT_REPOSITORY):
        for key in LAUNCH_PROVIDERS:
            buttons.pop(key, None)
    return buttons


def _launch_only_with_a_repository(app: Sphinx, config: Config) -> None:
    options = config.html_theme_options
    options["launch_buttons"] = launch_buttons_for(options)


def _chapter_notebook(app: Sphinx, pagename: str) -> Path | None:
    """The committed notebook of page ``pagename`` (``book/margins`` → ``book/margins.ipynb``)."""
    notebook = Path(app.srcdir) / f"{pagename}.ipynb"
    return notebook if notebook.is_file() else None


def _offer_notebook_download(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    # Before the theme builds its download menu (priority 501) from ``ipynb_source``.
    if _chapter_notebook(app, pagename):
        context["ipynb_source"] = f"{pagename}.ipynb"


def _copy_notebooks(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    for pagename in app.env.found_docs:
        if notebook := _chapter_notebook(app, pagename):
            target = Path(app.outdir) / "_sources" / f"{pagename}.ipynb"
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(notebook, target)


def _write_bundle(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    target = Path(app.outdir) / "_static" / BUNDLE_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(wrapped_bundle(), encoding="utf-8")


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the hooks with Sphinx."""
    app.connect("config-inited", _render_charts_as_html)
    app.connect("config-inited", _launch_only_with_a_repository)
    app.connect("html-page-context", _add_bundle_to_chart_pages)
    # Before myst-nb's own handler (priority 500) reads the page's scripts.
    app.connect("html-page-context", _drop_widget_state, priority=400)
    app.connect("html-page-context", _fix_citation_roles)
    app.connect("html-page-context", _offer_notebook_download)
    app.connect("build-finished", _write_bundle)
    app.connect("build-finished", _copy_notebooks)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}

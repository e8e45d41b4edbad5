"""Sphinx extension: keep the built site self-contained, light and accessible.

Nine jobs:

- **Charts as live HTML.** Before the notebooks are executed for the site, the extension sets
  ``CLOSECALLS_RENDER=book`` so that :mod:`explainers.render` writes each chart as HTML that becomes a
  live Vega view in the page (in Jupyter the same charts are PNG images).
- **Vega from the book's own folder, only where needed.** The book must work with no internet
  connection, so Vega cannot come from a CDN. The pages hold specs already compiled to Vega, so they
  need Vega's runtime alone, not Vega-Lite's compiler nor vega-embed: the official build
  ``vega.min.js`` of the npm package ``vega``, at the version vl-convert compiles for, is kept in
  the package (``src/closecalls_build/sphinx_ext/vendor/``, with its licence; see the README, "Layout"). This
  extension copies it to the site's ``_static/vendor/`` and adds a ``<script>`` for it only to the
  pages whose body contains a chart written by :mod:`explainers.render`. (It is not kept in the
  project's ``_static`` folder: Jupyter Book adds every script found there to every page.)
- **No 1.5 MB script for a dozen icons.** The theme loads FontAwesome twice: as CSS with a web
  font, which draws every ``<i class="fa-...">`` icon, and as ``fontawesome.js`` (543 KB
  compressed, nearly half of a chapter's first visit), which redraws the same icons as SVG and lets
  a book add icons of its own, which this book does not. ``_templates/layout.html`` drops the script with
  the filter :func:`without_fontawesome_js`; the icons still come from the CSS and its font.
- **An icon font of twenty icons, not 1,400.** The theme's FontAwesome "solid" font (156 KB
  compressed, downloaded on every first visit) is replaced in the built site by the subset of the
  glyphs the site shows (:mod:`closecalls_build.sphinx_ext.iconfont`), cut from the theme's own
  file at the end of every build.
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
  :mod:`closecalls_build.notebooks`), copied beside the sources at the end of the build: the theme would
  otherwise offer its ``.ipynb`` only when launch buttons are configured, and then its own copy.
- **Launch buttons only with a repository.** ``_config.yml`` names Binder as the launch service, but
  a launch button needs the repository the book is published from (``repository: url:``), which
  whoever publishes the book sets. Until then the provider is dropped, so the build neither fails nor
  points readers at Jupyter Book's own repository, its default.

- **Rebuild a page when what it computes from changes.** Sphinx reads (and myst-nb executes) again
  only the pages whose source changed since the last build. An executed page also reads the
  package, the data and the bibliography, and the teacher's guide reads the other pages' sources:
  each is noted as a dependency of the page (:func:`page_inputs`), so that changing a data file
  executes the chapters again while a build with nothing changed executes none (``make book``; a
  clean build is ``make book FRESH=1``, and CI always starts clean). A page whose list of inputs
  changed (a file added to ``data/``) is read again too, and every page is when this extension, the
  code it registers or the pinned packages change (:func:`build_code_version`).

It is listed in ``_config.yml`` under ``sphinx: config: extensions``.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pydata_sphinx_theme
from markupsafe import Markup
from sphinx.application import Sphinx
from sphinx.config import Config

from closecalls_build import notebooks
from closecalls_build.sphinx_ext import bibstyle, iconfont
from explainers import paths
from explainers.render import MODE_VARIABLE

__all__ = [
    "BUNDLE_PATH",
    "ICON_FONT",
    "LINKS_SCRIPT",
    "VENDORED_VEGA",
    "launch_buttons_for",
    "page_inputs",
    "setup",
    "theme_icon_font",
    "vendored_vega_version",
    "without_fontawesome_js",
]

#: Vega's runtime, relative to ``_static``.
BUNDLE_PATH = "vendor/vega.min.js"

#: The book's script that keeps the charts' settings in the page's address. It is in the book's
#: ``_static``, whose scripts Jupyter Book adds to every page; it does nothing where there is no chart.
LINKS_SCRIPT = "closecalls-links.js"

#: The vendored copy in the package, copied to the site's ``_static`` at the end of a build.
VENDORED_VEGA = Path(__file__).resolve().parent / "vendor" / "vega.min.js"

#: Marker that :mod:`explainers.render` puts on every chart element.
CHART_MARKER = 'class="cc-chart"'

#: Key under which myst-nb registers a notebook page's ipywidgets state.
WIDGET_STATE_KEY = "ipywidgets_state"


def vendored_vega_version(bundle: Path = VENDORED_VEGA) -> str:
    """The version the vendored ``vega.min.js`` declares (``version="6.2.0"`` in its code).

    Raises
    ------
    ValueError
        If the file declares no version, naming it.
    """
    found = re.search(r'\bversion="(\d+\.\d+\.\d+)"', bundle.read_text("utf-8"))
    if found is None:
        raise ValueError(f"{bundle}: no 'version=\"x.y.z\"' in it; is it Vega's vega.min.js?")
    return found[1]


_FONTAWESOME_JS = re.compile(
    r'\s*<script\b[^>]*\bsrc="[^"]*/fontawesome\.js[^"]*"[^>]*>\s*</script>'
)


def without_fontawesome_js(html: str) -> Markup:
    r"""``html`` (the theme's ``css`` block) without the ``<script>`` that loads ``fontawesome.js``.

    >>> str(without_fontawesome_js('<link href="a.css"/>\n  <script defer '
    ...     'src="../_static/scripts/fontawesome.js?digest=55c2"></script>\n<link href="b.js"/>'))
    '<link href="a.css"/>\n<link href="b.js"/>'
    """
    return Markup(_FONTAWESOME_JS.sub("", str(html)))


def _register_template_filters(app: Sphinx) -> None:
    templates = getattr(app.builder, "templates", None)
    if templates is not None and hasattr(templates, "environment"):
        templates.environment.filters["without_fontawesome_js"] = without_fontawesome_js


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


#: What every executed page reads besides its source, as globs relative to the repository: the
#: content package, the data, the bibliography, the table of contents and the pinned packages.
EXECUTED_PAGE_INPUTS = (
    "src/explainers/**/*.py",
    "data/**/*",
    "references.bib",
    "_toc.yml",
    "requirements.txt",
)

#: What a page that imports the build package reads too: the teacher's guide and the data page
#: describe the other pages and the data folder with :mod:`closecalls_build`'s modules.
BUILD_PACKAGE_INPUTS = ("src/closecalls_build/**/*.py", "book/*.md")
_USES_BUILD_PACKAGE = re.compile(r"^\s*(?:from|import)\s+closecalls_build\b", re.MULTILINE)


def page_inputs(source: Path, root: Path = paths.ROOT) -> list[Path]:
    """The files page ``source`` computes from, besides itself: none for a page that runs no code.

    The rule is by folder: an executed page reads the content package (``src/explainers``) and the
    data; one that imports the build package reads ``src/closecalls_build`` and the other pages'
    sources as well. Editing the budget or the live mode's code executes those pages again, no
    chapter.

    >>> [p.relative_to(paths.ROOT).as_posix() for p in page_inputs(paths.BOOK / "glossary.md")]
    []
    >>> inputs = page_inputs(paths.BOOK / "teachers.md")
    >>> {paths.ROOT / "data" / "README.md", paths.BOOK / "margins.md"} <= set(inputs)
    True
    >>> paths.ROOT / "src" / "closecalls_build" / "budget.py" in page_inputs(paths.BOOK / "margins.md")
    False
    """
    if not notebooks.is_chapter(source):
        return []
    patterns = list(EXECUTED_PAGE_INPUTS)
    if _USES_BUILD_PACKAGE.search(source.read_text("utf-8")):
        patterns += BUILD_PACKAGE_INPUTS
    found = {path for pattern in patterns for path in root.glob(pattern) if path.is_file()}
    return sorted(found - {source})


#: Where the environment keeps each executed page's inputs, as read at its last build.
_INPUTS_KEY = "closecalls_page_inputs"


def _note_page_inputs(app: Sphinx, doctree: Any) -> None:
    # Sphinx reads a page again when one of its dependencies is newer than the page's last read.
    source = Path(app.env.doc2path(app.env.docname))
    inputs = page_inputs(source, Path(app.srcdir))
    for path in inputs:
        app.env.note_dependency(str(path))
    recorded = getattr(app.env, _INPUTS_KEY, {})
    recorded[app.env.docname] = [str(p) for p in inputs]
    setattr(app.env, _INPUTS_KEY, recorded)


def _pages_whose_inputs_changed(
    app: Sphinx, env: Any, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    # A file added to (or removed from) data/ or the package changes no existing file's time: the
    # pages whose list of inputs differs from their last build's are read again too.
    recorded: dict[str, list[str]] = getattr(env, _INPUTS_KEY, {})
    return [
        docname
        for docname, inputs in recorded.items()
        if docname not in removed | added | changed
        and [str(p) for p in page_inputs(Path(env.doc2path(docname)), Path(app.srcdir))] != inputs
    ]


def _forget_page(app: Sphinx, env: Any, docname: str) -> None:
    getattr(env, _INPUTS_KEY, {}).pop(docname, None)


def _merge_inputs(app: Sphinx, env: Any, docnames: set[str], other: Any) -> None:
    recorded = getattr(env, _INPUTS_KEY, {})
    recorded.update(getattr(other, _INPUTS_KEY, {}))
    setattr(env, _INPUTS_KEY, recorded)


#: The files whose change must make Sphinx read every page again, not only those that run code:
#: this extension's folder (it and the reference style and icon font it registers), the part of the
#: content package the reference style uses, and the pinned packages.
BUILD_CODE = (
    "src/closecalls_build/sphinx_ext/**/*.py",
    "src/explainers/bibliography.py",
    "requirements.txt",
)


def build_code_version(root: Path = paths.ROOT) -> int:
    """A number that changes whenever one of :data:`BUILD_CODE` does (Sphinx's ``env_version``)."""
    digest = hashlib.sha256()
    for path in sorted({path for pattern in BUILD_CODE for path in root.glob(pattern)}):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return int(digest.hexdigest()[:12], 16)


def _copy_vega_and_static(app: Sphinx, exception: Exception | None) -> None:
    # Vega's runtime; and the project's own _static files, which Sphinx copies only when it writes
    # a page (a rebuild where only the stylesheet changed would otherwise keep the old one).
    if exception is not None or app.builder.format != "html":
        return
    static = Path(app.outdir) / "_static"
    copies = {static / BUNDLE_PATH: VENDORED_VEGA}
    copies[static / "vendor" / "vega.LICENSE"] = VENDORED_VEGA.with_name("vega.LICENSE")
    own = Path(app.confdir) / "_static"
    copies |= {
        static / p.relative_to(own): p
        for p in own.rglob("*")
        if p.is_file() and not p.name.startswith(".")
    }
    for target, source in copies.items():
        if not target.is_file() or target.read_bytes() != source.read_bytes():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)


#: The theme's icon font, relative to ``_static`` in the theme's folder and in the built site.
ICON_FONT = "vendor/fontawesome/webfonts/fa-solid-900.woff2"

#: The theme's static folder, inside the installed pydata-sphinx-theme package.
THEME_STATIC = "pydata_sphinx_theme/static"


def theme_icon_font() -> Path:
    """The theme's own copy of the icon font (never the cut one of a previous build)."""
    return Path(pydata_sphinx_theme.__file__).parent / "theme" / THEME_STATIC / ICON_FONT


def _cut_icon_font(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    site = Path(app.outdir)
    iconfont.cut(
        theme_icon_font(), iconfont.required_characters(site), site / "_static" / ICON_FONT
    )


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the hooks with Sphinx, and the citation and reference-list styles."""
    bibstyle.register()
    app.connect("config-inited", _render_charts_as_html)
    app.connect("config-inited", _launch_only_with_a_repository)
    app.connect("builder-inited", _register_template_filters)
    app.connect("html-page-context", _add_bundle_to_chart_pages)
    # Before myst-nb's own handler (priority 500) reads the page's scripts.
    app.connect("html-page-context", _drop_widget_state, priority=400)
    app.connect("html-page-context", _fix_citation_roles)
    app.connect("html-page-context", _offer_notebook_download)
    app.connect("build-finished", _copy_notebooks)
    app.connect("build-finished", _copy_vega_and_static)
    app.connect("build-finished", _cut_icon_font)
    app.connect("doctree-read", _note_page_inputs)
    app.connect("env-get-outdated", _pages_whose_inputs_changed)
    app.connect("env-purge-doc", _forget_page)
    app.connect("env-merge-info", _merge_inputs)
    return {
        "version": "1.0",
        # Sphinx starts from a fresh environment, every page read again, when this number changes.
        "env_version": build_code_version(),
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }

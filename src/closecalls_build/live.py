"""Live classroom mode: every page of the built book as a Voilà app, the chapters' panels running.

``make live`` serves the book from a teacher's machine with `Voilà <https://voila.readthedocs.io>`_,
so that students open each chapter in a browser and move the ipywidgets panels of
:mod:`explainers.widgets` with real Python behind them: no account, no cloud, no internet.

This module makes the notebooks Voilà serves. Each is one page of the built site
(``_build/html/book/NAME.html``), so the narrative, the numbers, the tables, the charts (with their
in-page controls) and the folded exercise solutions are exactly what the book shows. The page's
article is cut at the end of the section that holds the chapter's panels, and the panels go in
between as code cells: the cells of the chapter notebook tagged ``live-panel``, after one cell that
imports the chapter's panel module. Voilà runs only those cells and hides their code.

The HTML is adapted for a page with no Sphinx theme around it: the code cells the book folds away
are dropped (the live app shows no code), each exercise solution becomes a ``<details>`` element
that opens on a click with no script, the ``¶`` heading links go, and links to another page of the
book point at that page's live app.
"""

from __future__ import annotations

import copy
import html
import re
import shutil
from collections.abc import Iterable
from pathlib import Path

import nbformat
from bs4 import BeautifulSoup, Tag
from nbformat import NotebookNode

from closecalls_build import myst

__all__ = [
    "BUNDLE_NAME",
    "LINKS_NAME",
    "MARKER",
    "PANEL_TAG",
    "PRACTICE_NAME",
    "TEMPLATE",
    "addresses",
    "build",
    "check_panels_end_their_section",
    "live_notebook",
    "panel_cells",
    "panel_heading",
    "static_page",
    "widgets_import",
]

#: Tag on a chapter's code cells that the live app runs (and the website removes: ``remove-cell``).
PANEL_TAG = "live-panel"

#: Vega's runtime (the book's ``_static/vendor/``), copied beside the live notebooks. Voilà serves it
#: at ``/voila/files/``.
BUNDLE_NAME = "vega.min.js"

#: The book's script that keeps the charts' settings in the address, copied beside the bundle.
LINKS_NAME = "closecalls-links.js"

#: The book's script that checks the practice questions' answers, copied beside the bundle.
PRACTICE_NAME = "closecalls-practice.js"

#: Marker :mod:`explainers.render` puts on every chart element.
_CHART_CLASS = "cc-chart"

_IMPORT = re.compile(r"^from explainers\.widgets import (\w+) as widgets$", re.MULTILINE)
#: The Voilà template that serves the live pages (``--template=closecalls``).
TEMPLATE = Path(__file__).parent / "share" / "voila" / "templates" / "closecalls"

_LABEL = re.compile(r"^\(.+\)=$")
#: A link that leaves the book: the live pages leave it as it is (a reader's click, never a load).
_OUTSIDE = re.compile(r"^(https?:|mailto:)")
#: Written by :func:`build` into its folder, which it empties only when it finds this file.
MARKER = ".closecalls-live"


def _tags(cell: NotebookNode) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def panel_cells(notebook: NotebookNode) -> list[str]:
    """The sources of the code cells tagged :data:`PANEL_TAG`, in order, comments dropped."""
    sources = []
    for cell in notebook.cells:
        if cell.cell_type == "code" and PANEL_TAG in _tags(cell):
            lines = [ln for ln in cell.source.splitlines() if not ln.lstrip().startswith("#")]
            sources.append("\n".join(lines).strip())
    return sources


def widgets_import(notebook: NotebookNode) -> str:
    """The chapter's ``from explainers.widgets import NAME as widgets`` line.

    Raises
    ------
    ValueError
        If the notebook imports no panel module under the name ``widgets``.
    """
    for cell in notebook.cells:
        if cell.cell_type == "code" and (match := _IMPORT.search(cell.source)):
            return match.group(0)
    raise ValueError(
        "the chapter has live-panel cells but no 'from explainers.widgets import NAME as widgets' line"
    )


def _headings(source: str) -> list[tuple[int, str]]:
    r"""The Markdown headings of a cell as (level, title), outside fenced code.

    Examples
    --------
    >>> _headings("(sec-x)=\n## Panels\n\n```sh\n# not a heading\n```\n### More")
    [(2, 'Panels'), (3, 'More')]
    """
    return [(h.level, h.text) for h in myst.headings(source)]


def _opens_with_heading(source: str) -> tuple[int, str] | None:
    """The heading a cell starts with (after MyST labels such as ``(sec-x)=``), if any."""
    lines = [ln for ln in source.strip().splitlines() if ln.strip()]
    while lines and _LABEL.match(lines[0].strip()):
        lines.pop(0)
    heads = _headings(lines[0]) if lines else []
    return heads[0] if heads else None


def _panel_section(notebook: NotebookNode) -> tuple[int, str]:
    """The level and title of the section that holds the chapter's first panel.

    Raises
    ------
    ValueError
        If the notebook has no panel, or no heading comes before the first one.
    """
    heading = None
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            found = _headings(cell.source)
            heading = found[-1] if found else heading
        elif PANEL_TAG in _tags(cell):
            if heading is None:
                raise ValueError("the first live-panel cell comes before any heading")
            return heading
    raise ValueError("the notebook has no live-panel cell")


def panel_heading(notebook: NotebookNode) -> str:
    """The title of the section that holds the chapter's first panel (its last heading before it).

    Raises
    ------
    ValueError
        If the notebook has no panel, or no heading comes before the first one.
    """
    return _panel_section(notebook)[1]


def check_panels_end_their_section(notebook: NotebookNode) -> None:
    """Refuse a chapter whose panels are not the last visible things of one section.

    The live page puts the panels at the end of their section of the built page, so anything
    shown after them in that section (text, an output, a subsection) would move above them, and a
    panel in a later section would move into the first one. From the first panel to the next
    heading of the same or a higher level, only panels and cells the book removes
    (``remove-cell``) may come; after it, no panel.

    Raises
    ------
    ValueError
        Naming the first cell that would move.
    """
    level, _title = _panel_section(notebook)
    state = "before"
    for index, cell in enumerate(notebook.cells):
        tags = _tags(cell)
        first_line = next((ln for ln in cell.source.splitlines() if ln.strip()), "")
        if PANEL_TAG in tags:
            if state == "after":
                raise ValueError(
                    f"cell {index} ({first_line[:60]!r}) is a live panel in another section than "
                    "the first panel's: put every panel of a chapter in one section"
                )
            state = "panels"
        elif state == "panels" and "remove-cell" not in tags:
            heading = _opens_with_heading(cell.source) if cell.cell_type == "markdown" else None
            if heading is not None and heading[0] <= level:
                state = "after"
                continue
            raise ValueError(
                f"cell {index} ({first_line[:60]!r}) comes after the live panels in their "
                "section: it would appear above them on the live page; move it before the "
                "panels or after the next heading of their level"
            )


def _heading_text(section: Tag) -> str:
    heading = section.find(re.compile(r"^h[1-6]$"))
    if heading is None:
        return ""
    heading = copy.copy(heading)
    for link in heading.select("a.headerlink"):
        link.decompose()
    return heading.get_text(" ", strip=True)


def _adapt(article: Tag, links: dict[str, str]) -> None:
    """Make the article stand alone: no code, solutions as ``<details>``, links to the live pages.

    ``links`` maps a page's name to its address from this page.
    """
    for folded in article.select("details"):
        if folded.select_one(".cell_input"):
            folded.decompose()
    for code in article.select(".cell_input"):
        code.decompose()
    for link in article.select("a.headerlink"):
        link.decompose()
    for solution in article.select("div.solution.dropdown"):
        title = solution.select_one(".admonition-title")
        summary = article.new_tag("summary")
        summary.string = " ".join(title.get_text(" ").split()) if title else "Solution"
        if title is not None:
            title.decompose()
        solution.name = "details"
        solution["class"] = ["solution", "admonition"]
        solution.insert(0, summary)
    for link in article.select("a[href]"):
        href = str(link["href"])
        target, hash_, fragment = href.partition("#")
        name = target.removesuffix(".html")
        if target.endswith(".html") and name in links:
            link["href"] = f"{links[name]}{hash_}{fragment}"
        elif target and not _OUTSIDE.match(target):
            raise ValueError(f"the link {href!r} points into the site, to a page not served live")
    for element in article.select("[src]"):
        raise ValueError(f"the page loads {element['src']!r}, which the live folder does not hold")


def _split(article: Tag, section_id: str) -> tuple[str, str]:
    """The article up to the end of the section ``section_id``, and the rest, each well formed."""
    before, after = copy.copy(article), copy.copy(article)
    node = before.find(id=section_id)
    while node is not None and node is not before:
        for sibling in list(node.find_next_siblings()):
            sibling.decompose()
        node = node.parent
    node = after.find(id=section_id)
    first = True
    while node is not None and node is not after:
        for sibling in list(node.find_previous_siblings()):
            sibling.decompose()
        parent = node.parent
        if first:
            node.decompose()
            first = False
        node = parent
    return str(before), str(after)


def _raw(html: str) -> NotebookNode:
    return nbformat.v4.new_raw_cell(html, metadata={"raw_mimetype": "text/html"})


def addresses(pages: dict[str, bool], from_notebook: bool) -> dict[str, str]:
    """Each page's address, seen from a notebook page or from a plain HTML page.

    ``pages`` maps each page's name to whether it has panels. Voilà serves a page with panels as a
    notebook at ``/voila/render/NAME.ipynb``; a page without runs no Python, so it is served as a
    plain file at ``/voila/files/NAME.html`` and costs no kernel.

    Examples
    --------
    >>> addresses({"margins": True, "intro": False}, from_notebook=True)
    {'margins': 'margins.ipynb', 'intro': '../files/intro.html'}
    >>> addresses({"margins": True, "intro": False}, from_notebook=False)
    {'margins': '../render/margins.ipynb', 'intro': 'intro.html'}
    """
    links = {}
    for name, has_panels in pages.items():
        if has_panels:
            links[name] = f"{name}.ipynb" if from_notebook else f"../render/{name}.ipynb"
        else:
            links[name] = f"../files/{name}.html" if from_notebook else f"{name}.html"
    return links


def _article(page: str, links: dict[str, str], bundle: str) -> tuple[str, Tag]:
    """The page's title and its article, adapted, with the Vega bundle's script if it has charts."""
    soup = BeautifulSoup(page, "html.parser")
    article = soup.select_one("article.bd-article")
    if article is None:
        raise ValueError("the page has no <article class='bd-article'>: is it a page of the book?")
    _adapt(article, links)
    article.name = "div"
    article["class"] = ["cc-live-article"]
    folder = bundle.removesuffix(BUNDLE_NAME)
    if article.select_one("form.cc-practice"):
        # The practice questions' check, beside the bundle (it waits for the page to load).
        script = soup.new_tag(
            "script", attrs={"type": "text/javascript", "src": folder + PRACTICE_NAME}
        )
        article.insert(0, script)
    if article.select_one(f".{_CHART_CLASS}"):
        # Plain, blocking scripts first: the charts' own scripts run after them and find
        # window.vega and window.ccViewLinks (the links script sits beside the bundle).
        for src in (folder + LINKS_NAME, bundle):
            script = soup.new_tag("script", attrs={"type": "text/javascript", "src": src})
            article.insert(0, script)
    title = soup.title.get_text(strip=True) if soup.title else "Close Calls"
    return title, article


def live_notebook(
    page: str, chapter: NotebookNode, links: dict[str, str], style: str = ""
) -> NotebookNode:
    """The Voilà notebook for one built page with ``chapter``'s panels in place.

    ``page`` is the page's HTML as the book builds it, ``links`` the pages' addresses from a
    notebook page (:func:`addresses`), ``style`` CSS to add (the book's own).

    Raises
    ------
    ValueError
        If the chapter has no panels, the page has no article, or the panels' section is not on it.
    """
    panels = panel_cells(chapter)
    if not panels:
        raise ValueError("the chapter has no live-panel cell: serve it as a plain page")
    title, article = _article(page, links, f"../files/{BUNDLE_NAME}")
    check_panels_end_their_section(chapter)
    heading = panel_heading(chapter)
    sections = [s for s in article.select("section[id]") if _heading_text(s) == heading]
    if len(sections) != 1:
        raise ValueError(f"the page has {len(sections)} sections titled {heading!r}, expected 1")
    before, after = _split(article, str(sections[0]["id"]))
    css = f"<style>{style}</style>\n" if style else ""
    cells = [_raw(css + before), nbformat.v4.new_code_cell(widgets_import(chapter))]
    cells += [nbformat.v4.new_code_cell(source) for source in panels]
    cells.append(_raw(after))
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata["title"] = title
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    for index, cell in enumerate(notebook.cells):
        cell["id"] = f"live-{index}"
    return notebook


#: On a network the server wants its token (``?token=...``) once, on a notebook page; a plain page
#: is served without it, so it passes its own query on to the notebook pages it links to.
_CARRY_TOKEN = """<script>
if (location.search) {
  document.querySelectorAll('a[href^="../render/"]').forEach(function (a) {
    var url = new URL(a.getAttribute("href"), location.href);
    url.search = location.search;
    a.href = url.href;
  });
}
</script>
"""


def static_page(page: str, links: dict[str, str], style: str) -> str:
    """A page without panels as one plain HTML file, styled like the live pages."""
    title, article = _article(page, links, BUNDLE_NAME)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>{style}</style>\n</head>\n"
        f'<body class="cc-live-static">\n<main class="cc-live-page">\n{article}\n</main>\n'
        f"{_CARRY_TOKEN}</body>\n</html>\n"
    )


def build(site: Path, book: Path, out: Path, pages: Iterable[str]) -> dict[str, Path]:
    """Write the live pages into ``out`` and return each page's file.

    A page with panels becomes a notebook, a page without a plain HTML file; the Vega bundle goes
    beside them.

    ``site`` is the built HTML (``_build/html``), ``book`` the folder of chapter notebooks.

    Raises
    ------
    FileNotFoundError
        If the book has not been built (a page or the Vega bundle is missing).
    ValueError
        If ``out`` holds files that an earlier run did not write, or a page cannot be made live.
    """
    names = list(pages)
    bundle = site / "_static" / "vendor" / BUNDLE_NAME
    scripts = [site / "_static" / name for name in (LINKS_NAME, PRACTICE_NAME)]
    built = {name: site / "book" / f"{name}.html" for name in names}
    missing = [path for path in [*built.values(), bundle, *scripts] if not path.exists()]
    if missing:
        raise FileNotFoundError(
            f"the built book is missing {', '.join(map(str, missing))}: run 'make book' first"
        )
    chapters = {
        name: nbformat.read(book / f"{name}.ipynb", as_version=4)
        for name in names
        if (book / f"{name}.ipynb").exists()
    }
    has_panels = {name: name in chapters and bool(panel_cells(chapters[name])) for name in names}
    style = (site / "_static" / "closecalls.css").read_text("utf-8")
    page_style = (TEMPLATE / "static" / "closecalls.css").read_text("utf-8") + style
    if out.exists() and any(out.iterdir()) and not (out / MARKER).exists():
        raise ValueError(f"{out} is not empty and was not made by 'make live': not replacing it")
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    (out / MARKER).write_text(
        "Live pages made by closecalls_build.live.build; replaced on each run.\n"
    )
    shutil.copyfile(bundle, out / BUNDLE_NAME)
    for script in scripts:
        shutil.copyfile(script, out / script.name)
    written = {}
    for name in names:
        page = built[name].read_text("utf-8")
        if has_panels[name]:
            links = addresses(has_panels, from_notebook=True)
            path = out / f"{name}.ipynb"
            nbformat.write(live_notebook(page, chapters[name], links, style), path)
        else:
            path = out / f"{name}.html"
            links = addresses(has_panels, from_notebook=False)
            path.write_text(static_page(page, links, page_style), "utf-8")
        written[name] = path
    return written

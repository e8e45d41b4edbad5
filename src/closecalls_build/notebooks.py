"""Make a chapter's Jupyter notebook from its MyST Markdown source, and check that the two agree.

Each chapter has one source a person edits and reviews: ``book/NAME.md``, a MyST Markdown notebook
(jupytext's ``myst`` format), which the site is built from. Jupyter users open ``book/NAME.ipynb``,
which ``make notebooks`` makes from it with :func:`build`:

1. the source is read with jupytext, and its markdown is made readable in JupyterLab, where there is
   no Sphinx (:func:`for_jupyterlab`): citations become "(Author Year)" with a reference list at the
   end, links to other chapters point at their notebooks, figure numbers are written out and each
   figure's caption follows it, glossary terms are plain text, and the cells the site hides are
   collapsed;
2. every cell gets an id derived from its content, so an unchanged cell keeps its id;
3. the notebook is executed, and each markdown cell's ``{eval}`` expressions are evaluated where the
   cell stands and stored as ``user_expressions``, which jupyterlab-myst shows as the numbers in the
   text (even before the notebook is trusted).

``make test`` builds every notebook again in memory, once, and compares it with the stored one cell
by cell (``tests/test_chapter_notebooks.py``), PNG bytes aside (charts are compared by the spec
digest in their text form): a source edited without ``make notebooks``, or an output or ``{eval}``
number that a fresh run no longer gives, fails the check, naming the cell.
``python scripts/notebooks.py --check`` runs the same comparison outside pytest.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import jupytext
import nbformat
from nbclient import NotebookClient
from nbformat import NotebookNode
from pybtex.database import Entry

from explainers import paths
from explainers.bibliography import check_keys, distinct_labels, label, plain, title
from explainers.bibliography import entries as bib_entries

__all__ = [
    "EVAL_ROLE",
    "TERM_ROLE",
    "build",
    "build_all",
    "compare",
    "compare_cell",
    "compare_notebook",
    "evaluate",
    "executed_pages",
    "for_jupyterlab",
    "is_chapter",
    "stable_ids",
]

#: An inline ``{eval}`` role and its expression.
EVAL_ROLE = re.compile(r"\{eval\}`([^`]+)`")
_CITE = re.compile(r"\{cite(?::[pt])?\}`([^`]+)`")
_DOC = re.compile(r"\{doc\}`(?:([^`<]+?)\s*<([^`>]+)>|([^`]+))`")
_NUMREF = re.compile(r"\{numref\}`([^`]+)`")
#: A glossary link, ``{term}`text` `` or ``{term}`text <term>` ``: the text, then the term if given.
TERM_ROLE = re.compile(r"\{term\}`([^`<]+?)(?:\s*<([^`>]+)>)?`")
_HIDDEN_TAGS = {"hide-cell", "hide-input", "remove-input"}
_REMOVED_TAGS = {"remove-cell"}


def _figure_name(cell: NotebookNode) -> str | None:
    """The name of the figure a code cell draws (its ``mystnb.figure.name``), if it is one."""
    figure = cell.metadata.get("mystnb", {}).get("figure") or {}
    return figure.get("name") if cell.cell_type == "code" else None


def is_chapter(path: Path) -> bool:
    """A Markdown file is a chapter notebook when its front matter names a kernel."""
    text = path.read_text(encoding="utf-8")
    return text.startswith("---\n") and "\nkernelspec:" in text.split("\n---\n", 1)[0]


def executed_pages(book: Path = paths.BOOK) -> list[Path]:
    """The sources in ``book`` that are notebooks (:func:`is_chapter`), each with a stored ``.ipynb``.

    The chapters, and the teacher's guide and Data sources page, which run code too.
    """
    return [path for path in sorted(book.glob("*.md")) if is_chapter(path)]


def _reference(entry: Entry) -> str:
    """One line of the reference list: label, title, where published, address."""
    fields = entry.fields
    where = plain(fields.get("howpublished") or fields.get("institution") or "")
    number = fields.get("number", "")
    link = fields.get("url") or (f"https://doi.org/{fields['doi']}" if "doi" in fields else "")
    parts = [
        f"{label(entry).removesuffix('.')}. *{_literal_dollars(title(entry))}*.",
        where,
        number,
        f"<{link}>" if link else "",
    ]
    return " ".join(p for p in parts if p).replace(" .", ".")


def _literal_dollars(text: str) -> str:
    r"""``text`` with each ``$`` escaped, so that MyST does not read what follows it as mathematics.

    A source's title can hold a sum ("... May Cost $3.9 Million"); with another ``$`` later in the
    paragraph, jupyterlab-myst would typeset everything between the two as one formula.

    >>> _literal_dollars("Recount May Cost $3.9 Million")
    'Recount May Cost \\$3.9 Million'
    """
    return text.replace("$", "\\$")


def for_jupyterlab(
    notebook: NotebookNode, bibliography: Path, pages: Path | None = None
) -> NotebookNode:
    """The chapter with its Sphinx-only markup rewritten for JupyterLab (see the module docstring).

    A ``{doc}`` link points at the page's notebook, or, when ``pages`` (the chapter's folder) holds
    no notebook of that name but a Markdown page, at that page.
    """
    nb = copy.deepcopy(notebook)
    entries = bib_entries(bibliography)
    printed = distinct_labels(entries)
    names = [name for cell in nb.cells if (name := _figure_name(cell))]
    figures = {name: number for number, name in enumerate(names, start=1)}
    cited: list[str] = []
    cells = []

    def cite(match: re.Match[str]) -> str:
        keys = [k.strip() for k in match.group(1).split(",")]
        check_keys(keys, bibliography)
        cited.extend(k for k in keys if k not in cited)
        return "(" + "; ".join(_literal_dollars(printed[k]) for k in keys) + ")"

    def doc(match: re.Match[str]) -> str:
        text, target = (
            (match.group(1), match.group(2)) if match.group(2) else (None, match.group(3))
        )
        name = Path(target).name
        md_only = (
            pages and not (pages / f"{name}.ipynb").exists() and (pages / f"{name}.md").exists()
        )
        return f"[{text or name.replace('_', ' ').title()}]({name}.{'md' if md_only else 'ipynb'})"

    def numref(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in figures:
            raise KeyError(f"{{numref}} to {name!r}: no figure of that name in this chapter")
        return f"Figure {figures[name]}"

    for cell in nb.cells:
        tags = set(cell.metadata.get("tags", []))
        if cell.cell_type == "markdown":
            source = TERM_ROLE.sub(r"\1", _CITE.sub(cite, cell.source))
            cell.source = _NUMREF.sub(numref, _DOC.sub(doc, source))
        if tags & _HIDDEN_TAGS and not tags & _REMOVED_TAGS:
            cell.metadata.setdefault("jupyter", {})["source_hidden"] = True
        cells.append(cell)
        if name := _figure_name(cell):
            caption = cell.metadata["mystnb"]["figure"].get("caption", "")
            cells.append(
                nbformat.v4.new_markdown_cell(f"**Figure {figures[name]}.** {caption}".strip())
            )
    if cited:
        ordered = sorted(cited, key=lambda k: label(entries[k]).lower())
        listing = "\n".join(f"- {_reference(entries[k])}" for k in ordered)
        cells.append(
            nbformat.v4.new_markdown_cell(
                "## References\n\nThe sources cited in this chapter (the book's website lists "
                f"every source on its References page).\n\n{listing}"
            )
        )
    nb.cells = cells
    return nb


def stable_ids(notebook: NotebookNode) -> NotebookNode:
    """Give each cell an id made from its type and source: unchanged cells keep their ids."""
    seen: dict[str, int] = {}
    for cell in notebook.cells:
        digest = hashlib.sha256(f"{cell.cell_type}\n{cell.source}".encode()).hexdigest()[:8]
        seen[digest] = seen.get(digest, 0) + 1
        cell.id = digest if seen[digest] == 1 else f"{digest}-{seen[digest]}"
    return notebook


def evaluate(notebook: NotebookNode, folder: Path, timeout: int = 300) -> NotebookNode:
    """Execute the code cells in order, and store each markdown cell's ``{eval}`` results.

    The results are stored as jupyterlab-myst stores them when a reader runs the cell: a list of
    ``{"expression": ..., "result": <the kernel's user_expressions reply>}`` under the cell's
    ``user_expressions`` metadata.

    Raises
    ------
    RuntimeError
        If an expression fails in the kernel (the message names it and the error).
    """
    client = NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(folder)}},
        record_timing=False,
        store_widget_state=False,
    )
    with client.setup_kernel():
        info = client.wait_for_reply(client.kc.kernel_info())
        notebook.metadata["language_info"] = info["content"]["language_info"]
        for index, cell in enumerate(notebook.cells):
            if cell.cell_type == "code":
                client.execute_cell(cell, index)
                continue
            if cell.cell_type != "markdown":
                continue
            cell.metadata.pop("user_expressions", None)
            expressions = list(dict.fromkeys(EVAL_ROLE.findall(cell.source)))
            if not expressions:
                continue
            msg_id = client.kc.execute(
                "",
                silent=False,
                store_history=False,
                user_expressions={str(i): e for i, e in enumerate(expressions)},
            )
            reply = client.wait_for_reply(msg_id)["content"].get("user_expressions", {})
            stored = []
            for i, expression in enumerate(expressions):
                result = reply[str(i)]
                if result.get("status") != "ok":
                    raise RuntimeError(
                        f"{{eval}}`{expression}` failed: {result.get('ename')}: {result.get('evalue')}"
                    )
                stored.append({"expression": expression, "result": result})
            cell.metadata["user_expressions"] = stored
    return notebook


def _clean(notebook: NotebookNode) -> NotebookNode:
    notebook.metadata.pop("widgets", None)
    notebook.metadata.pop("jupytext", None)
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
    return notebook


def build(source: Path, bibliography: Path) -> NotebookNode:
    """The executed notebook for the chapter whose MyST source is ``source``."""
    notebook = jupytext.read(source, fmt="md:myst")
    notebook = stable_ids(for_jupyterlab(notebook, bibliography, source.parent))
    notebook.nbformat, notebook.nbformat_minor = 4, 5
    return _clean(evaluate(notebook, source.parent))


def _comparable(notebook: NotebookNode) -> dict[str, Any]:
    """The notebook as JSON, less what may differ between two faithful runs.

    PNG bytes are left out (charts are compared by the spec digest in their text form), and so are
    the random model ids of ipywidgets outputs.
    """
    data = json.loads(nbformat.writes(notebook))
    for cell in data["cells"]:
        for output in cell.get("outputs", []):
            bundle = output.get("data", {})
            if "image/png" in bundle:
                bundle["image/png"] = "<png>"
            if "application/vnd.jupyter.widget-view+json" in bundle:
                bundle["application/vnd.jupyter.widget-view+json"] = "<widget>"
                bundle["text/plain"] = "<widget>"
    return data


def compare(stored: NotebookNode, fresh: NotebookNode) -> list[str]:
    """What differs between two notebooks, cell by cell, in words (empty when they agree)."""
    problems = compare_notebook(stored, fresh)
    for index in range(min(len(stored.cells), len(fresh.cells))):
        problems += compare_cell(stored, fresh, index)
    return problems


def compare_notebook(stored: NotebookNode, fresh: NotebookNode) -> list[str]:
    """What differs between two notebooks as a whole: their metadata and their number of cells."""
    a, b = _comparable(stored), _comparable(fresh)
    problems = []
    if a["metadata"] != b["metadata"]:
        problems.append("notebook metadata differ")
    if len(a["cells"]) != len(b["cells"]):
        problems.append(f"{len(a['cells'])} cells stored, {len(b['cells'])} from the source")
    return problems


def compare_cell(stored: NotebookNode, fresh: NotebookNode, index: int) -> list[str]:
    """What differs in cell ``index`` (source, metadata, outputs, ``{eval}`` results), in words."""
    x, y = (_comparable_cell(nb.cells[index]) for nb in (stored, fresh))
    first_line = "".join(y.get("source", "")).partition("\n")[0][:60]
    return [
        f"cell {index} ({first_line!r}): {key} differs"
        for key in sorted(set(x) | set(y))
        if x.get(key) != y.get(key)
    ]


def _comparable_cell(cell: NotebookNode) -> dict[str, Any]:
    """One cell as JSON, less what may differ between two faithful runs (see :func:`_comparable`)."""
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [cell]
    return _comparable(notebook)["cells"][0]


def _build_as_json(source: str, bibliography: str) -> tuple[bool, str]:
    """:func:`build` in a worker process: ``(True, notebook JSON)`` or ``(False, the error)``."""
    try:
        return True, nbformat.writes(build(Path(source), Path(bibliography)))
    except Exception as error:  # reported for this chapter; the others go on
        return False, f"{type(error).__name__}: {error}"


def build_all(
    sources: list[Path], bibliography: Path, workers: int = 2
) -> dict[Path, NotebookNode | RuntimeError]:
    """:func:`build` for each of ``sources``, ``workers`` notebooks executing at a time.

    Each build runs in a process of its own (with its own kernel), so that two chapters execute
    at once on a machine with two cores. A chapter that fails gives a ``RuntimeError`` naming it and
    its error in place of its notebook; the other chapters are still built.
    """
    with ProcessPoolExecutor(max_workers=max(1, workers)) as pool:
        built = pool.map(_build_as_json, map(str, sources), [str(bibliography)] * len(sources))
        return {
            source: nbformat.reads(text, as_version=4)
            if ok
            else RuntimeError(f"{source.name} could not be built: {text}")
            for source, (ok, text) in zip(sources, built, strict=True)
        }

"""Each stored notebook, ``book/NAME.ipynb``, against its source executed afresh, cell by cell.

Every chapter is executed once per run (two at a time, each in a process and kernel of its own),
and every stored cell is compared with the fresh one: its source (a source edited without
``make notebooks``), its metadata, its outputs (charts by the digest of their Vega-Lite spec, PNG
bytes aside) and the ``{eval}`` numbers JupyterLab shows. This is what nbval checked (the outputs of
the code cells), and what ``scripts/notebooks.py --check`` checked besides (sources, metadata and
``{eval}`` results), with one execution instead of two.
"""

from __future__ import annotations

import functools
from pathlib import Path

import nbformat
import pytest

from closecalls_build import notebooks
from explainers import paths

pytestmark = pytest.mark.notebooks

SOURCES = notebooks.executed_pages()


@functools.cache
def _stored(source: Path) -> nbformat.NotebookNode:
    return nbformat.read(source.with_suffix(".ipynb"), as_version=4)


CELLS = [
    pytest.param(source, index, id=f"{source.stem}-{index}-{cell.id}")
    for source in SOURCES
    if source.with_suffix(".ipynb").exists()
    for index, cell in enumerate(_stored(source).cells)
]


@pytest.fixture(scope="session")
def fresh() -> dict[Path, nbformat.NotebookNode | RuntimeError]:
    """Every chapter's notebook built from its source now: executed once for the whole run."""
    return notebooks.build_all(SOURCES, paths.BIBLIOGRAPHY)


def built(fresh: dict[Path, nbformat.NotebookNode | RuntimeError], source: Path):
    """The fresh notebook of ``source``; the test fails with its error if it could not be built."""
    notebook = fresh[source]
    if isinstance(notebook, RuntimeError):
        pytest.fail(str(notebook))
    return notebook


@pytest.mark.parametrize("source", SOURCES, ids=[p.stem for p in SOURCES])
def test_the_stored_notebook_has_the_cells_and_metadata_of_its_source(
    fresh: dict[Path, nbformat.NotebookNode | RuntimeError], source: Path
) -> None:
    stored = source.with_suffix(".ipynb")
    assert stored.exists(), f"{stored.name} is missing: run `make notebooks` and commit it"
    problems = notebooks.compare_notebook(_stored(source), built(fresh, source))
    assert problems == [], (
        f"{stored.name} is out of date with {source.name} ({problems}): run `make notebooks`"
    )


@pytest.mark.parametrize(("source", "index"), CELLS)
def test_each_stored_cell_is_what_a_fresh_execution_gives(
    fresh: dict[Path, nbformat.NotebookNode | RuntimeError], source: Path, index: int
) -> None:
    stored, notebook = _stored(source), built(fresh, source)
    assert index < len(notebook.cells), f"{source.name} no longer has a cell {index}"
    problems = notebooks.compare_cell(stored, notebook, index)
    assert problems == [], f"run `make notebooks`: {problems}"

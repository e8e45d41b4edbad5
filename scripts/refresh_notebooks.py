"""Re-execute the book's notebooks and store their outputs, ready to commit.

nbval (in ``make test``) compares each notebook's stored outputs with a fresh run, so after changing
the data, the package or a notebook, run ``make notebooks`` and commit the result. Outputs are
deterministic (see ``explainers.render``); the widget state and execution timestamps that Jupyter
would also store are dropped, since they change on every run and the book does not use them.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

BOOK = Path(__file__).resolve().parents[1] / "book"


def refresh(path: Path) -> None:
    """Execute ``path`` in its own folder and write it back with clean metadata."""
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        record_timing=False,
        store_widget_state=False,
    ).execute()
    notebook.metadata.pop("widgets", None)
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
    nbformat.write(notebook, path)


def main(paths: list[str]) -> int:
    """Refresh the given notebooks, or every notebook in ``book/``."""
    targets = [Path(p) for p in paths] or sorted(BOOK.glob("*.ipynb"))
    for path in targets:
        print(f"executing {path} ...", flush=True)
        refresh(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

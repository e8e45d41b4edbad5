"""Where the book's files are: the one place that knows the repository's layout.

The package is installed from the repository (``pip install -e .``, as ``make book`` does), so the
repository is the folder above ``src/``. Every other module, the build code, the scripts and the
tests take their paths from here rather than counting ``parents`` from their own file.

``CLOSECALLS_DATA`` points the data layer at another folder of the same files (a copy to break in
a test, say); everything else stays in the repository.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = [
    "BIBLIOGRAPHY",
    "BOOK",
    "BUILD",
    "ROOT",
    "SITE",
    "TOC",
    "data_dir",
]

#: The repository: the folder that holds ``src/``, ``book/`` and ``data/``.
ROOT = Path(__file__).resolve().parents[2]

#: The chapters' sources and notebooks.
BOOK = ROOT / "book"

#: Jupyter Book's table of contents.
TOC = ROOT / "_toc.yml"

#: The one bibliography every page cites.
BIBLIOGRAPHY = ROOT / "references.bib"

#: What ``make`` writes: the built site, benchmarks, PDFs.
BUILD = ROOT / "_build"

#: The built site (``make book``).
SITE = BUILD / "html"


def data_dir() -> Path:
    """The folder of the data files: ``CLOSECALLS_DATA`` if set, else the repository's ``data/``."""
    env = os.environ.get("CLOSECALLS_DATA")
    return Path(env) if env else ROOT / "data"

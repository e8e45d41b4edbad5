"""The book's pages, in the order of ``_toc.yml``: what ``make live`` serves and ``make pdf`` prints."""

from __future__ import annotations

from pathlib import Path

import yaml

__all__ = ["toc_pages"]


def toc_pages(toc: Path) -> list[str]:
    """The names of the pages ``toc`` lists (``book/margins`` gives ``margins``), root first.

    Raises
    ------
    ValueError
        If the file has no ``root`` entry.
    """
    content = yaml.safe_load(toc.read_text("utf-8")) or {}
    if "root" not in content:
        raise ValueError(f"{toc} has no 'root' entry: is it a Jupyter Book table of contents?")
    files = [content["root"], *(entry["file"] for entry in content.get("chapters", []))]
    return [Path(f).name for f in files]

"""The book's pages: their order in ``_toc.yml``, and what a chapter's source says about itself.

``make live`` serves and ``make pdf`` prints the pages in the order of the table of contents. The
teacher's guide describes each chapter from its own source (title, learning objectives, exercises),
so the guide cannot drift from the chapters it describes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from closecalls_build import myst
from explainers import paths

__all__ = [
    "BOOK",
    "ROOT",
    "TOC",
    "ChapterOutline",
    "chapters",
    "headings",
    "outline",
    "toc_pages",
    "toc_parts",
]

#: The repository, its pages and its table of contents (see :mod:`explainers.paths`).
ROOT, BOOK, TOC = paths.ROOT, paths.BOOK, paths.TOC

#: The caption of the table of contents' part that holds the chapters.
CHAPTERS_CAPTION = "Chapters"


def _read(toc: Path) -> dict:
    content = yaml.safe_load(toc.read_text("utf-8")) or {}
    if "root" not in content:
        raise ValueError(f"{toc} has no 'root' entry: is it a Jupyter Book table of contents?")
    return content


def _files(entries: list[dict]) -> list[str]:
    """The files of ``entries`` in reading order, each followed by its nested ``sections``."""
    files = []
    for entry in entries:
        if "file" in entry:
            files.append(Path(entry["file"]).name)
        files += _files(entry.get("sections", []))
    return files


def toc_pages(toc: Path = TOC) -> list[str]:
    """The names of the pages ``toc`` lists (``book/margins`` gives ``margins``), root first.

    Both shapes of a Jupyter Book table of contents are read: ``chapters`` at the top level, or
    ``parts``, each with its own ``chapters``; a page's ``sections`` follow it.

    Raises
    ------
    ValueError
        If the file has no ``root`` entry.
    """
    content = _read(toc)
    pages = [Path(content["root"]).name, *_files(content.get("chapters", []))]
    for part in content.get("parts", []):
        pages += _files(part.get("chapters", []))
    return pages


def toc_parts(toc: Path = TOC) -> dict[str, list[str]]:
    """The pages of each part of ``toc``, by the part's caption (none for a book without parts).

    Raises
    ------
    ValueError
        If a part has no caption.
    """
    parts = _read(toc).get("parts", [])
    if any("caption" not in part for part in parts):
        raise ValueError(f"{toc}: a part has no 'caption'")
    return {part["caption"]: _files(part.get("chapters", [])) for part in parts}


@cache
def chapters(toc: Path = TOC) -> tuple[str, ...]:
    """The book's chapters in reading order: the pages of the part captioned ``Chapters``.

    The teacher's guide, ``make bench-live`` and the browser, JupyterLab, live-mode, print and
    readability tests take the chapters from here rather than keeping a list of their own.

    Raises
    ------
    ValueError
        If ``toc`` has no such part.
    """
    parts = toc_parts(toc)
    if CHAPTERS_CAPTION not in parts:
        raise ValueError(f"{toc} has no part captioned {CHAPTERS_CAPTION!r}: {sorted(parts)}")
    return tuple(parts[CHAPTERS_CAPTION])


@dataclass(frozen=True)
class ChapterOutline:
    """What a chapter promises: its title, learning objectives and exercises, from its source."""

    name: str
    title: str
    objectives: tuple[str, ...]
    exercises: int


def outline(source: Path) -> ChapterOutline:
    """The title, numbered learning objectives and number of exercises of the chapter ``source``.

    The objectives are the numbered items of the chapter's ``Learning objectives`` admonition (an
    item may wrap over several lines; its lines are joined); the exercises are its ``{exercise}``
    directives.

    Raises
    ------
    ValueError
        If the chapter has no title, no ``Learning objectives`` admonition, or no numbered
        objective in it, naming the file.
    """
    text = source.read_text("utf-8")
    title = next((h.text for h in myst.headings(text) if h.level == 1), None)
    if title is None:
        raise ValueError(f"{source.name}: no '# ' title")
    block = next(
        (d for d in myst.directives(text, "admonition") if d.argument == "Learning objectives"),
        None,
    )
    if block is None:
        raise ValueError(f"{source.name}: no 'Learning objectives' admonition")
    objectives = tuple(myst.numbered_items(block.body))
    if not objectives:
        raise ValueError(
            f"{source.name}: the 'Learning objectives' admonition has no numbered item"
        )
    return ChapterOutline(
        name=source.stem,
        title=title,
        objectives=objectives,
        exercises=len(myst.directives(text, "exercise")),
    )


def headings(source: Path) -> list[tuple[int, str]]:
    r"""The headings of the page ``source`` as (level, text), outside code cells, in order.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     page = Path(folder) / "a.md"
    ...     _ = page.write_text("# A\n\n## B\n\n```{code-cell} ipython3\n# a comment\n```\n### C\n")
    ...     headings(page)
    [(1, 'A'), (2, 'B'), (3, 'C')]
    """
    return [(h.level, h.text) for h in myst.headings(source.read_text("utf-8"))]

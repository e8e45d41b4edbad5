"""The book's pages: their order in ``_toc.yml``, and what a chapter's source says about itself.

``make live`` serves and ``make pdf`` prints the pages in the order of the table of contents. The
teacher's guide describes each chapter from its own source (title, learning objectives, exercises),
so the guide cannot drift from the chapters it describes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

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


_TITLE = re.compile(r"^# (.+)$", re.MULTILINE)
_OBJECTIVES = re.compile(
    r"^```\{admonition\} Learning objectives\n(?P<body>.*?)^```$", re.MULTILINE | re.DOTALL
)
_ITEM = re.compile(r"^\d+\.\s+(?P<text>.*?)(?=^\d+\.\s|\Z)", re.MULTILINE | re.DOTALL)
_EXERCISE = re.compile(r"^```\{exercise\}", re.MULTILINE)


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
    # Code cells may hold lines starting with "# " (comments): the title is the first heading
    # outside them.
    prose = _CODE_CELL.sub("", text)
    title = _TITLE.search(prose)
    if title is None:
        raise ValueError(f"{source.name}: no '# ' title")
    block = _OBJECTIVES.search(text)
    if block is None:
        raise ValueError(f"{source.name}: no 'Learning objectives' admonition")
    body = "\n".join(
        line for line in block["body"].splitlines() if not line.startswith(":")
    ).strip()
    objectives = tuple(" ".join(m["text"].split()) for m in _ITEM.finditer(body))
    if not objectives:
        raise ValueError(
            f"{source.name}: the 'Learning objectives' admonition has no numbered item"
        )
    return ChapterOutline(
        name=source.stem,
        title=title[1].strip(),
        objectives=objectives,
        exercises=len(_EXERCISE.findall(text)),
    )


_CODE_CELL = re.compile(r"^```\{code-cell\}.*?^```$", re.MULTILINE | re.DOTALL)
_HEADING = re.compile(r"^(#{1,6}) (.+?)\s*$", re.MULTILINE)


def headings(source: Path) -> list[tuple[int, str]]:
    r"""The headings of the page ``source`` as (level, text), outside code cells, in order.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     page = Path(folder) / "a.md"
    ...     _ = page.write_text("# A\n\n## B\n\n```{code-cell} ipython3\n# a comment\n```\n### C\n")
    ...     headings(page)
    [(1, 'A'), (2, 'B'), (3, 'C')]
    """
    prose = _CODE_CELL.sub("", source.read_text("utf-8"))
    return [(len(m[1]), m[2]) for m in _HEADING.finditer(prose)]

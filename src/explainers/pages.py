"""The book's pages: their order in ``_toc.yml``, and what a chapter's source says about itself.

``make live`` serves and ``make pdf`` prints the pages in the order of the table of contents. The
teacher's guide describes each chapter from its own source (title, learning objectives, exercises),
so the guide cannot drift from the chapters it describes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

__all__ = ["ChapterOutline", "outline", "toc_pages"]


def toc_pages(toc: Path) -> list[str]:
    """The names of the pages ``toc`` lists (``book/margins`` gives ``margins``), root first.

    Both shapes of a Jupyter Book table of contents are read: ``chapters`` at the top level, or
    ``parts``, each with its own ``chapters``.

    Raises
    ------
    ValueError
        If the file has no ``root`` entry.
    """
    content = yaml.safe_load(toc.read_text("utf-8")) or {}
    if "root" not in content:
        raise ValueError(f"{toc} has no 'root' entry: is it a Jupyter Book table of contents?")
    entries = list(content.get("chapters", []))
    for part in content.get("parts", []):
        entries += part.get("chapters", [])
    files = [content["root"], *(entry["file"] for entry in entries)]
    return [Path(f).name for f in files]


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

    The objectives are the numbered items of the chapter's ``Learning objectives`` admonition, each
    on one line; the exercises are its ``{exercise}`` directives.

    Raises
    ------
    ValueError
        If the chapter has no title, no ``Learning objectives`` admonition, or no numbered
        objective in it, naming the file.
    """
    text = source.read_text("utf-8")
    # Code cells may hold lines starting with "# " (comments): the title is the first heading
    # outside them.
    prose = re.sub(r"^```\{code-cell\}.*?^```$", "", text, flags=re.MULTILINE | re.DOTALL)
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

"""The tables of the pages around the chapters: the teacher's guide and the data sources.

Both describe other files rather than elections: the chapters' own sources (their objectives,
exercises and prose, through :mod:`closecalls_build.pages` and :mod:`closecalls_build.readability`) and the
data folder's README (through :mod:`closecalls_build.catalogue`). Generating them keeps the pages from
falling behind what they describe.
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from pathlib import Path

import pandas as pd
from IPython.display import Markdown

from closecalls_build import catalogue, pages, readability
from closecalls_build.notebooks import TERM_ROLE
from explainers import bibliography, data, documents, facts
from explainers.render import MODE_VARIABLE
from explainers.tables import Table

__all__ = [
    "CHAPTERS",
    "chapters_table",
    "data_sources_markdown",
    "objectives_markdown",
    "origin_sentence",
    "primary_documents_markdown",
    "reading_minutes",
]

#: The chapters, in the book's order (the table of contents' *Chapters* part).
CHAPTERS: tuple[str, ...] = pages.chapters()

#: The book's folder, in the repository (not beside ``CLOSECALLS_DATA``, which may point elsewhere).
BOOK = pages.BOOK


def reading_minutes(words: int) -> int:
    """Minutes to read ``words`` words silently at the adult average rate, rounded up.

    The rate is Brysbaert's (2019) mean for English non-fiction, kept with its quotation in
    ``data/cited_figures.csv``. It is an average over adults; many students take longer.

    >>> reading_minutes(238), reading_minutes(239)
    (1, 2)
    """
    if words < 0:
        raise ValueError(f"a chapter cannot have {words} words")
    return math.ceil(words / facts.figure("reading_rate_wpm").value)


def chapters_table(names: Sequence[str] = CHAPTERS, book: Path = BOOK) -> Table:
    """Per chapter: objectives, exercises, words of prose, reading time and reading level."""
    rows = []
    for name in names:
        source = book / f"{name}.md"
        outline = pages.outline(source)
        level = readability.chapter(source)
        rows.append(
            {
                "Chapter": outline.title,
                "Objectives": len(outline.objectives),
                "Exercises": outline.exercises,
                "Words": level.words,
                "Reading time (min)": reading_minutes(level.words),
                "Reading level (grade)": level.flesch_kincaid_grade,
            }
        )
    return Table(
        frame=pd.DataFrame(rows),
        caption=(
            "Each chapter's learning objectives and exercises, the words of its prose (code, "
            "tables and captions left out), the time an adult reader takes to read them silently, "
            "and its Flesch–Kincaid grade level."
        ),
        table_id="chapters",
        formats={"Words": "{:,}", "Reading level (grade)": "{:.1f}"},
        secondary=("Objectives", "Words"),
    )


def _in_book() -> bool:
    """Whether this runs in the book's build, where Sphinx reads the Markdown (MyST roles work)."""
    return os.environ.get(MODE_VARIABLE) == "book"


def objectives_markdown(
    names: Sequence[str] = CHAPTERS, book: Path = BOOK, *, sphinx: bool | None = None
) -> Markdown:
    """Each chapter's title, linked, and its learning objectives as a numbered list.

    In the book's build (``sphinx`` unset: see :func:`explainers.render.renderer`) the links are
    MyST roles; in Jupyter, which has no Sphinx, they are plain Markdown links to the notebooks
    and glossary terms are plain text.
    """
    sphinx = _in_book() if sphinx is None else sphinx
    blocks = []
    for name in names:
        outline = pages.outline(book / f"{name}.md")
        items = "\n".join(f"{n}. {text}" for n, text in enumerate(outline.objectives, start=1))
        link = (
            f"{{doc}}`{outline.title} <{name}>`" if sphinx else f"[{outline.title}]({name}.ipynb)"
        )
        block = f"**{link}**: after it, students will be able to\n\n{items}"
        blocks.append(block if sphinx else TERM_ROLE.sub(r"\1", block))
    return Markdown("\n\n".join(blocks))


def primary_documents_markdown(*, sphinx: bool | None = None) -> Markdown:
    """The primary documents to show a class, each linked, with its chapter and what to look for.

    From :data:`explainers.editorial.PRIMARY_DOCUMENTS` and the bibliography's titles and addresses.

    Raises
    ------
    KeyError
        If a document's key is not in the bibliography, or has no address.
    ValueError
        If a document names a page that is not one of the chapters.
    """
    sphinx = _in_book() if sphinx is None else sphinx
    rows = []
    for doc in documents.documents():
        if doc.chapter not in CHAPTERS:
            raise ValueError(f"primary document {doc.key!r} names {doc.chapter!r}, not a chapter")
        page = f"{{doc}}`{doc.chapter}`" if sphinx else f"[{doc.chapter}]({doc.chapter}.ipynb)"
        rows.append(f"| [{doc.title.replace('|', '/')}]({doc.url}) | {page} | {doc.look_for} |")
    header = "| Document | Chapter | What to look for |\n|---|---|---|"
    return Markdown("\n".join([header, *rows]))


#: How the page words each kind of origin the README's summary table gives.
_ORIGINS = {
    "cop": (
        "An unchanged copy of a public file; its section of `data/README.md` names where it was "
        "taken from and who first published it."
    ),
    "derived": "Derived by the package's code from the copies in `data/sources/`.",
    "made here": "Written for this book from the sources named on each row.",
}


def origin_sentence(origin: str) -> str:
    """The README's origin cell (``copy (SOURCES §1)``, ``made here``, ...) as a reader's sentence.

    >>> origin_sentence("copies (SOURCES §6)")[:27]
    'An unchanged copy of a publ'

    Raises
    ------
    ValueError
        For an origin that is none of a copy, a derived file or a file made here.
    """
    for start, sentence in _ORIGINS.items():
        if origin.startswith(start):
            return sentence
    raise ValueError(f"unknown origin {origin!r}: expected a copy, 'derived ...' or 'made here'")


def data_sources_markdown(readme: Path | None = None, *, sphinx: bool | None = None) -> Markdown:
    """Each data file (or group of files), as a Markdown list: contents, origin, terms and sources.

    In the book's build the sources are citations, so that every entry the data rest on is listed
    on the References page even if the prose never cites it; in Jupyter they are author-year
    labels.
    """
    sphinx = _in_book() if sphinx is None else sphinx
    readme = readme or data.DATA_DIR / "README.md"
    items = []
    for entry in catalogue.catalogue(readme, bibliography.BIBLIOGRAPHY):
        keys = catalogue.sources_of(entry, readme.parent)
        cited = f"{{cite}}`{','.join(keys)}`" if sphinx else bibliography.labels(";".join(keys))
        sources = f" Sources: {cited}." if keys else ""
        licence = entry.licence.rstrip(".") or "not stated"
        items.append(
            f"- **`{entry.file}`**: {entry.contents}. {origin_sentence(entry.origin)} "
            f"Terms: {licence}.{sources}"
        )
    return Markdown("\n".join(items))

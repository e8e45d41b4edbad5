"""The data files and their provenance, read from ``data/README.md``: the book's "Data sources" page.

``data/README.md`` opens with a summary table (one row per file, or per group of files named by a
glob such as ``sources/voteview_h*_members.csv``) and then describes each file in a section of its
own: who published it, under which licence, and which entries of ``references.bib`` it rests on.
:func:`catalogue` turns the two into one :class:`DataSource` per row, so the page can be generated
from the README instead of restating it.

Generating the page is only safe if the README is complete, so :func:`catalogue` checks it as it
reads it and raises :class:`ValueError` when the table is missing or malformed, when a row points
at no section, when a file in the data folder is covered by no row (or by two), and when a row
covers no file. The summary table can then not fall behind the folder unnoticed.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path

import pandas as pd

from closecalls_build import myst
from explainers.bibliography import entries

__all__ = [
    "COLUMNS",
    "DataSource",
    "bibliography_keys",
    "catalogue",
    "catalogue_table",
    "github_anchor",
    "row_keys",
    "sources_of",
]

#: The summary table's header, which every row must match cell for cell.
COLUMNS: tuple[str, ...] = ("file", "what it holds", "origin", "loader in `explainers.data`")

#: Readable column names of :func:`catalogue_table`, one per field it shows.
_TABLE_COLUMNS = {
    "file": "File",
    "contents": "What it holds",
    "origin": "Origin",
    "loader": "Read by",
    "licence": "Licence",
    "keys": "Sources (bibliography keys)",
}

_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]*)\)")
_CODE_SPAN = re.compile(r"`([^`\n]+)`")
_LICENCE = re.compile(r"(?:\*\*)?\bLicense:(?:\*\*)?\s*(.*)")


@dataclass(frozen=True)
class DataSource:
    """One row of the summary table in ``data/README.md``, with what its section says.

    ``file`` is the name as the table writes it, relative to the data folder (it may be a glob,
    ``sources/*.xlsx``). ``contents``, ``origin`` and ``loader`` are the row's other cells, with
    links reduced to their text. ``licence`` is the text after the section's ``License:`` label
    (``""`` where the section states none) and ``keys`` are the keys of ``references.bib`` the
    section names, in order of first appearance. ``files`` are the files the row covers, sorted.
    """

    file: str
    contents: str
    origin: str
    loader: str
    licence: str
    keys: tuple[str, ...]
    files: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Section:
    anchor: str
    title: str
    body: list[str]


def bibliography_keys(bibliography: Path) -> set[str]:
    r"""The keys of the entries in the BibTeX file ``bibliography``, as pybtex (and Sphinx) read it.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     bib = Path(folder) / "refs.bib"
    ...     _ = bib.write_text("@misc{voteview,\n title={Voteview}}\n@comment{not a key,}\n")
    ...     sorted(bibliography_keys(bib))
    ['voteview']
    """
    return set(entries(bibliography))


def github_anchor(heading: str) -> str:
    """The anchor GitHub gives a Markdown heading (without the ``#``), as the table's links use.

    Lower case, code-span backticks and punctuation dropped (``_`` and ``-`` kept), spaces turned
    into hyphens.

    >>> github_anchor("`sources/`: the WEC ward reports")
    'sources-the-wec-ward-reports'
    >>> github_anchor("`mit_president_1976_2020.csv`")
    'mit_president_1976_2020csv'
    """
    text = _LINK.sub(r"\1", heading).strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def _unlink(text: str) -> str:
    """``text`` with each Markdown link ``[text](target)`` reduced to its text."""
    return _LINK.sub(r"\1", text).strip()


def _cells(line: str) -> list[str]:
    """The cells of a Markdown table row; a ``|`` inside a code span or escaped does not split."""
    cells, cell, in_code = [], "", False
    stripped = line.strip()
    stripped = stripped.removeprefix("|")
    if stripped.endswith("|") and not stripped.endswith("\\|"):
        stripped = stripped[:-1]
    index = 0
    while index < len(stripped):
        char = stripped[index]
        if char == "\\" and stripped[index + 1 : index + 2] == "|":
            cell += "|"
            index += 2
            continue
        if char == "`":
            in_code = not in_code
        if char == "|" and not in_code:
            cells.append(cell.strip())
            cell = ""
        else:
            cell += char
        index += 1
    cells.append(cell.strip())
    return cells


def _sections(lines: list[str]) -> dict[str, _Section]:
    """The README's sections by anchor: each runs from its heading to the next heading of any level.

    Repeated headings get GitHub's suffixes (``-1``, ``-2``, ...).
    """
    headings = [(h.line, h.text) for h in myst.headings("\n".join(lines))]
    sections: dict[str, _Section] = {}
    seen: dict[str, int] = {}
    for (start, title), (end, _) in zip(headings, [*headings[1:], (len(lines), "")], strict=True):
        anchor = github_anchor(title)
        if anchor in seen:
            seen[anchor] += 1
            anchor = f"{anchor}-{seen[anchor]}"
        else:
            seen[anchor] = 0
        sections[anchor] = _Section(anchor, title, lines[start + 1 : end])
    return sections


def _summary_table(lines: list[str], readme: Path) -> list[tuple[int, str]]:
    """The rows (1-based line number, text) of the first table above the first ``## `` section.

    The table is found by the MyST parser (:mod:`closecalls_build.myst`): a table-like block in a
    code fence, or one without its ``|---|`` delimiter row, is not a table.
    """
    table: list[tuple[int, str]] = []
    for token in myst.tokens("\n".join(lines)):
        if token.level == 0 and token.type == "heading_open" and token.tag == "h2":
            break
        if token.level == 0 and token.type == "table_open" and token.map:
            start, end = token.map
            table = [(number + 1, lines[number]) for number in range(start, end)]
            break
    if (
        len(table) < 2
        or tuple(c.lower() for c in _cells(table[0][1])) != COLUMNS
        or not re.fullmatch(r"[\s|:\-]+", table[1][1])
    ):
        raise ValueError(
            f"{readme}: no summary table (a Markdown table '| {' | '.join(COLUMNS)} |' "
            "above the first '## ' section)"
        )
    return [table[0], *table[2:]]


def _row_target(cell: str) -> tuple[str, str | None]:
    """The file (or glob) a row's first cell names, and the anchor it links to (``None``: no link)."""
    link = _LINK.search(cell)
    name = link.group(1) if link else cell
    anchor = link.group(2) if link else None
    name = name.strip().strip("`").strip()
    if anchor is not None:
        anchor = anchor.removeprefix("#") if anchor.startswith("#") else None
    return name, anchor


def _matches(pattern: str, path: str) -> bool:
    """Whether ``path`` matches the glob ``pattern`` part by part (``*`` never crosses a ``/``).

    >>> _matches("sources/*.xlsx", "sources/wec.xlsx"), _matches("*.csv", "sources/a.csv")
    (True, False)
    """
    parts, names = pattern.split("/"), path.split("/")
    return len(parts) == len(names) and all(map(fnmatchcase, names, parts))


def _data_files(folder: Path, readme: Path) -> list[str]:
    """Every file under ``folder`` but ``readme``, as a POSIX path relative to ``folder``, sorted."""
    return sorted(
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_file() and path.resolve() != readme.resolve()
    )


def _licence(body: Iterable[str]) -> str:
    """The text after a section's ``License:`` label, up to the end of its list item or paragraph."""
    lines = list(body)
    for number, line in enumerate(lines):
        match = _LICENCE.search(line)
        if not match:
            continue
        text = [match.group(1)]
        for following in lines[number + 1 :]:
            stripped = following.strip()
            if not stripped or stripped.startswith(("-", "*", "|", "#")) or following[:1] != " ":
                break
            text.append(stripped)
        return _unlink(" ".join(text))
    return ""


def _keys(body: Iterable[str], known: set[str]) -> tuple[str, ...]:
    """The bibliography keys written as code spans in ``body``, in order of first appearance."""
    spans = (span.strip() for line in body for span in _CODE_SPAN.findall(line))
    return tuple(dict.fromkeys(span for span in spans if span in known))


def catalogue(readme: Path, bibliography: Path) -> list[DataSource]:
    """The data files described by ``readme`` (``data/README.md``), one per summary-table row.

    The data folder is the README's own folder. Each row's section is the heading its link points
    to (or, for a row without a link, the heading the file name gives); its bibliography keys are
    the code spans that are keys of ``bibliography``.

    Raises
    ------
    ValueError
        If the README has no summary table; if a row has the wrong number of cells; if a row names a
        file with no section; if a file of the data folder is covered by no row or by two; if a row
        covers no file. The message names the file concerned.
    """
    lines = readme.read_text("utf-8").splitlines()
    known = bibliography_keys(bibliography)
    sections = _sections(lines)
    table = _summary_table(lines, readme)
    for number, line in table:
        if len(cells := _cells(line)) != len(COLUMNS):
            # The header was checked by _summary_table: this is a row.
            row = f"the row for {_row_target(cells[0])[0]!r}"
            raise ValueError(
                f"{readme}, line {number}: {row} has {len(cells)} cells, expected "
                f"{len(COLUMNS)} ({' | '.join(COLUMNS)})"
            )
    rows: list[tuple[list[str], str, _Section]] = []
    for number, line in table[1:]:
        cells = _cells(line)
        name, anchor = _row_target(cells[0])
        section = sections.get(anchor if anchor is not None else github_anchor(f"`{name}`"))
        if section is None:
            where = f"links to '#{anchor}'" if anchor is not None else "has no link"
            raise ValueError(
                f"{readme}, line {number}: the row for {name!r} {where}, but no section of the "
                "README has that anchor"
            )
        rows.append((cells, name, section))

    files = _data_files(readme.parent, readme)
    covering = {path: [name for _, name, _ in rows if _matches(name, path)] for path in files}
    for path, names in covering.items():
        if not names:
            raise ValueError(f"{readme}: {path!r} is in the data folder but in no row of the table")
        if len(names) > 1:
            raise ValueError(
                f"{readme}: {path!r} is covered by {len(names)} rows of the table: "
                + ", ".join(repr(name) for name in names)
            )
    sources = []
    for cells, name, section in rows:
        covered = tuple(path for path in files if covering[path] == [name])
        if not covered:
            raise ValueError(f"{readme}: the row for {name!r} matches no file in {readme.parent}")
        sources.append(
            DataSource(
                file=name,
                contents=_unlink(cells[1]),
                origin=_unlink(cells[2]),
                loader=_unlink(cells[3]),
                licence=_licence(section.body),
                keys=_keys(section.body, known),
                files=covered,
            )
        )
    return sources


def row_keys(path: Path) -> tuple[str, ...]:
    """The keys in the ``source`` column of the CSV file ``path``, in order of first appearance.

    Files written for this project name a source on every row (``key1;key2`` where there are
    several); a file without a ``source`` column, or one that is not CSV, gives ``()``.
    """
    if path.suffix != ".csv":
        return ()
    # Only the first line decides: a copied report may be several tables, or start with a title.
    with path.open(newline="", encoding="utf-8-sig") as handle:
        header = next(csv.reader(handle), [])
    if "source" not in header:
        return ()
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    keys = (k.strip() for cell in frame["source"] for k in cell.split(";"))
    return tuple(dict.fromkeys(k for k in keys if k))


def sources_of(source: DataSource, folder: Path) -> tuple[str, ...]:
    """Every bibliography key a catalogue entry rests on: its section's, then its rows' own.

    ``folder`` is the data folder its ``files`` are relative to.
    """
    keys = [*source.keys, *(k for f in source.files for k in row_keys(folder / f))]
    return tuple(dict.fromkeys(keys))


def catalogue_table(sources: Iterable[DataSource]) -> pd.DataFrame:
    """The catalogue as a table for the page: one row per entry, readable column names.

    The bibliography keys are joined by ``", "``; the file list is left out (``File`` names it).

    >>> entry = DataSource("a.csv", "Counts", "made here", "`a()`", "", ("k1", "k2"))
    >>> catalogue_table([entry]).loc[0, "Sources (bibliography keys)"]
    'k1, k2'
    """
    records = [
        {
            _TABLE_COLUMNS["file"]: source.file,
            _TABLE_COLUMNS["contents"]: source.contents,
            _TABLE_COLUMNS["origin"]: source.origin,
            _TABLE_COLUMNS["loader"]: source.loader,
            _TABLE_COLUMNS["licence"]: source.licence,
            _TABLE_COLUMNS["keys"]: ", ".join(source.keys),
        }
        for source in sources
    ]
    return pd.DataFrame(records, columns=list(_TABLE_COLUMNS.values()))

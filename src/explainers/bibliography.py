"""The book's one bibliography, ``references.bib``: short author-year labels for its entries.

The chapters cite with Sphinx (``{cite}``), which writes its own labels. Elsewhere, the JupyterLab
notebooks (:mod:`explainers.notebooks`) and the tables whose rows name their sources (the faithless
electors' *Source* column) need the same kind of label from Python, so a reader can find the entry in
the References page, which is sorted by author.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pybtex.database import Entry, parse_file

__all__ = ["BIBLIOGRAPHY", "entries", "label", "labels"]

#: The repository's bibliography, which an editable install finds beside ``src/``.
BIBLIOGRAPHY = Path(__file__).resolve().parents[2] / "references.bib"


@cache
def entries(path: Path = BIBLIOGRAPHY) -> dict[str, Entry]:
    """Every entry of the bibliography at ``path``, by key."""
    return dict(parse_file(str(path)).entries)


def label(entry: Entry) -> str:
    """``Reilly 2016``, ``Debenedetti et al. 2016``, ``Federal Election Commission 2017``.

    An entry with no year gets ``n.d.`` (no date), as in the APA style.
    """
    people = entry.persons.get("author", [])
    names = [" ".join(p.last_names).strip("{}") for p in people]
    who = names[0] if len(names) < 3 else f"{names[0]} et al."
    if len(names) == 2:
        who = f"{names[0]} and {names[1]}"
    return f"{who} {entry.fields.get('year', 'n.d.')}"


def labels(keys: str, path: Path = BIBLIOGRAPHY) -> str:
    """The labels of ``keys``, a ``;``-separated list as the data files write it, joined by ``; ``.

    Raises
    ------
    KeyError
        If a key is not in the bibliography, naming the keys missing.
    """
    known = entries(path)
    wanted = [k.strip() for k in keys.split(";") if k.strip()]
    missing = [k for k in wanted if k not in known]
    if missing:
        raise KeyError(f"citation keys not in {path.name}: {missing}")
    return "; ".join(label(known[k]) for k in wanted)

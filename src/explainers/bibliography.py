"""The book's one bibliography, ``references.bib``: short author-year labels for its entries.

The chapters cite with Sphinx (``{cite}``), which writes its own labels. Elsewhere, the JupyterLab
notebooks (:mod:`closecalls_build.notebooks`) and the tables whose rows name their sources (the faithless
electors' *Source* column) need the same kind of label from Python, so a reader can find the entry in
the References page, which is sorted by author.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path

from pybtex.backends.plaintext import Backend as PlainTextBackend
from pybtex.database import Entry, Person, parse_file
from pybtex.richtext import Text

from explainers import paths
from explainers.caching import on_data

__all__ = [
    "BIBLIOGRAPHY",
    "check_keys",
    "distinct_labels",
    "entries",
    "label",
    "labels",
    "plain",
    "surname",
    "title",
]

#: pybtex's plain-text output. ``render_as("text")`` would look the backend up among the installed
#: packages' entry points at every call: sorting the References page that way took seconds.
_PLAIN_TEXT = PlainTextBackend()

#: The repository's bibliography.
BIBLIOGRAPHY = paths.BIBLIOGRAPHY


@on_data
def entries(path: Path = BIBLIOGRAPHY) -> dict[str, Entry]:
    """Every entry of the bibliography at ``path``, by key."""
    return dict(parse_file(str(path)).entries)


def surname(person: Person) -> str:
    """A person's surname as printed: with its particle ("von Spakovsky") and LaTeX decoded."""
    return " ".join(
        part.render(_PLAIN_TEXT) for part in person.rich_prelast_names + person.rich_last_names
    )


def label(entry: Entry) -> str:
    r"""``Reilly 2016``, ``Debenedetti et al. 2016``, ``Federal Election Commission 2017``.

    An entry with no year gets ``n.d.`` (no date), as in the APA style. Names are printed as a
    reader sees them: ``{\c{C}}etinkaya-Rundel`` as ``Çetinkaya-Rundel``, ``von Spakovsky`` with
    its particle. Two entries may share a label: :func:`distinct_labels` tells them apart.
    """
    people = entry.persons.get("author", [])
    if not people:
        raise ValueError(f"{entry.key}: no author, so no author-year label (write the publisher)")
    names = [surname(p) for p in people]
    who = names[0] if len(names) < 3 else f"{names[0]} et al."
    if len(names) == 2:
        who = f"{names[0]} and {names[1]}"
    return f"{who} {entry.fields.get('year', 'n.d.')}"


def distinct_labels(known: Mapping[str, Entry]) -> dict[str, str]:
    """The label of every entry of ``known``, by key, with the title added where labels are shared.

    Seven Wikipedia articles without a date would all be ``Wikipedia contributors n.d.``; each
    becomes ``Wikipedia contributors n.d., “Preston Parks”`` and so on, a source a reader can find.
    """
    short = {key: label(entry) for key, entry in known.items()}
    shared = {text for text, n in Counter(short.values()).items() if n > 1}
    return {
        key: f"{text}, “{title(known[key])}”" if text in shared else text
        for key, text in short.items()
    }


@on_data
def _distinct(path: Path) -> dict[str, str]:
    return distinct_labels(entries(path))


#: The characters LaTeX escapes with a backslash, which pybtex leaves escaped in plain text.
_ESCAPED = re.compile(r"\\([$&#%_{}])")


def plain(latex: str) -> str:
    r"""A BibTeX field as plain text: braces gone, LaTeX decoded (``\$`` a dollar, ``--`` an en dash).

    >>> plain(r"{Recount Cost \$2M, 2000--2015}, Law\&Crime")
    'Recount Cost $2M, 2000–2015, Law&Crime'
    """
    return _ESCAPED.sub(r"\1", Text.from_latex(latex).render(_PLAIN_TEXT))


def title(entry: Entry) -> str:
    """The entry's title as plain text (see :func:`plain`)."""
    return plain(entry.fields.get("title", ""))


def check_keys(keys: Iterable[str], path: Path = BIBLIOGRAPHY) -> None:
    """Raise ``KeyError`` naming the ``keys`` that are not entries of the bibliography at ``path``."""
    known = entries(path)
    missing = [k for k in keys if k not in known]
    if missing:
        raise KeyError(f"citation keys not in {path.name}: {missing}")


def labels(keys: str, path: Path = BIBLIOGRAPHY) -> str:
    """The labels of ``keys``, a ``;``-separated list as the data files write it, joined by ``; ``.

    Raises
    ------
    KeyError
        If a key is not in the bibliography, naming the keys missing.
    """
    wanted = [k.strip() for k in keys.split(";") if k.strip()]
    check_keys(wanted, path)
    printed = _distinct(path)
    return "; ".join(printed[k] for k in wanted)

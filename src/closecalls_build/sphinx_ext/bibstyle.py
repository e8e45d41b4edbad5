r"""How the website cites and lists its sources: ``; `` between citations, entries by surname.

sphinxcontrib-bibtex's author-year style separates the citations in one bracket with commas, the
same mark that separates an author from a year, so "[Clerk of the U.S. House, 2013, Federal Election
Commission, 2001]" reads as one list of four things. pybtex's ``plain`` list sorts on the raw BibTeX
name, in which a braced corporate author (``{Associated Press}``) or an accented one
(``{\c{C}}etinkaya-Rundel``) starts with ``{`` and so sorts after every person's name.

This module registers, under the name ``closecalls``, a reference style whose brackets separate
citations with ``; `` and a list style sorted on each surname as a reader sees it
(:func:`explainers.bibliography.surname`), ignoring case and accents. ``_config.yml`` selects both
(``bibtex_reference_style``, ``bibtex_default_style``); :mod:`closecalls_build.sphinx_ext` registers them.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

import pybtex.plugin
import sphinxcontrib.bibtex.plugin
from pybtex.database import Person
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.sorting.author_year_title import SortingStyle
from sphinxcontrib.bibtex.style.referencing import BracketStyle
from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle

from explainers.bibliography import plain, surname

__all__ = ["NAME", "ListStyle", "ReferenceStyle", "SurnameSorting", "folded", "register"]

#: The name both styles are registered under.
NAME = "closecalls"


def folded(text: str) -> str:
    """``text`` for sorting: accents dropped, case folded (``Çetinkaya`` sorts as ``cetinkaya``).

    >>> sorted(["Wisely", "Çetinkaya-Rundel", "associated Press"], key=folded)
    ['associated Press', 'Çetinkaya-Rundel', 'Wisely']
    """
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


class SurnameSorting(SortingStyle):
    """pybtex's author, year, title order, on the names as printed rather than as written in BibTeX."""

    def person_key(self, person: Person) -> str:
        """``cetinkaya-rundel  mine``: surname then given names, as printed, folded."""
        given = " ".join(plain(n) for n in person.first_names + person.middle_names)
        return folded(f"{surname(person)}  {given}")


class ListStyle(PlainStyle):
    """pybtex's ``plain`` list, sorted by :class:`SurnameSorting`."""

    default_sorting_style = NAME


def _semicolons() -> BracketStyle:
    return BracketStyle(sep="; ")


@dataclass
class ReferenceStyle(AuthorYearReferenceStyle):
    """Author-year citations, ``[Reilly, 2016; Bialik and Arthur, 2016]``."""

    bracket_textual: BracketStyle = field(default_factory=_semicolons)
    bracket_parenthetical: BracketStyle = field(default_factory=_semicolons)


def register() -> None:
    """Make both styles known to pybtex and sphinxcontrib-bibtex as ``closecalls``."""
    pybtex.plugin.register_plugin("pybtex.style.sorting", NAME, SurnameSorting, force=True)
    pybtex.plugin.register_plugin("pybtex.style.formatting", NAME, ListStyle, force=True)
    sphinxcontrib.bibtex.plugin.register_plugin(
        "sphinxcontrib.bibtex.style.referencing", NAME, ReferenceStyle, force=True
    )

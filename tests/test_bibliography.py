"""explainers.bibliography: author-year labels that lead a reader to the References page."""

from __future__ import annotations

from pathlib import Path

import pytest
from pybtex.database import Entry, Person

from explainers import bibliography


def entry(*authors: str, year: str | None = "2016") -> Entry:
    fields = {"title": "A title"} | ({"year": year} if year else {})
    return Entry("misc", fields=fields, persons={"author": [Person(a) for a in authors]})


@pytest.mark.parametrize(
    ("authors", "expected"),
    [
        (["Reilly, Katie"], "Reilly 2016"),
        (["Bialik, Carl", "Arthur, Rob"], "Bialik and Arthur 2016"),
        (["Lindeman, Mark", "Stark, Philip B.", "Yates, Vincent S."], "Lindeman et al. 2016"),
        (["{Federal Election Commission}"], "Federal Election Commission 2016"),
    ],
)
def test_labels_name_one_two_or_the_first_of_many_authors(
    authors: list[str], expected: str
) -> None:
    assert bibliography.label(entry(*authors)) == expected


def test_an_entry_without_a_year_is_no_date() -> None:
    assert bibliography.label(entry("{Wikipedia contributors}", year=None)) == (
        "Wikipedia contributors n.d."
    )


def test_the_data_files_keys_get_the_labels_of_references_bib() -> None:
    # references.bib: statesman2016texas is the Austin American-Statesman's article of 19 Dec 2016;
    # lindeman2012bravo is Lindeman, Stark and Yates (2012).
    assert bibliography.labels("statesman2016texas;lindeman2012bravo") == (
        "Austin American-Statesman 2016; Lindeman et al. 2012"
    )


def test_an_unknown_key_is_named(tmp_path: Path) -> None:
    bib = tmp_path / "references.bib"
    bib.write_text("@misc{known2020,\n  author = {Known, A.},\n  year = {2020},\n}\n")
    assert bibliography.labels(" known2020 ", bib) == "Known 2020"
    with pytest.raises(KeyError, match=r"citation keys not in references.bib: \['nobody1999'\]"):
        bibliography.labels("known2020;nobody1999", bib)

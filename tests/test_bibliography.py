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


def test_names_are_printed_as_a_reader_reads_them() -> None:
    # references.bib writes Mine Çetinkaya-Rundel's name in LaTeX ({\c{C}}etinkaya-Rundel), keeps
    # Hans A. von Spakovsky's particle, and escapes the ampersand of Law&Crime.
    assert bibliography.label(entry(r"{\c{C}}etinkaya-Rundel, Mine", "Hardin, Johanna")) == (
        "Çetinkaya-Rundel and Hardin 2016"
    )
    assert bibliography.label(entry("von Spakovsky, Hans A.")) == "von Spakovsky 2016"
    assert bibliography.label(entry(r"{Law\&Crime}", year=None)) == "Law&Crime n.d."


def test_entries_that_share_a_label_are_told_apart_by_their_titles() -> None:
    one = Entry("misc", fields={"title": "Preston Parks"}, persons={"author": [Person("{W}")]})
    two = Entry("misc", fields={"title": "W. F. Turner"}, persons={"author": [Person("{W}")]})
    alone = entry("Reilly, Katie")
    assert bibliography.distinct_labels({"one": one, "two": two, "alone": alone}) == {
        "one": "W n.d., “Preston Parks”",
        "two": "W n.d., “W. F. Turner”",
        "alone": "Reilly 2016",
    }
    assert bibliography.label(one) == "W n.d."


def test_every_label_of_references_bib_names_one_source() -> None:
    # What the faithless electors' Source column and the notebooks' reference lists print: seven
    # Wikipedia articles without a year must not all read "Wikipedia contributors n.d.".
    printed = list(bibliography.distinct_labels(bibliography.entries()).values())
    assert len(set(printed)) == len(printed)
    assert not any("\\" in p or "{" in p for p in printed)


@pytest.mark.parametrize(
    ("latex", "text"),
    [
        (
            r"Wisconsin Presidential Recount May Cost \$3.9 Million",
            "Wisconsin Presidential Recount May Cost $3.9 Million",
        ),
        (
            "{A Survey of Statewide Election Recounts, 2000--2015}",
            "A Survey of Statewide Election Recounts, 2000–2015",
        ),
        (r"History, Art \& Archives", "History, Art & Archives"),
        (r"Update \#3", "Update #3"),
    ],
)
def test_fields_are_printed_without_latex(latex: str, text: str) -> None:
    # Titles and publishers as references.bib writes them (ap2017wicost, bialik2016recounts, ...).
    assert bibliography.plain(latex) == text


def test_an_entry_without_an_author_is_named() -> None:
    anonymous = Entry("misc", fields={"title": "A title", "year": "2016"})
    anonymous.key = "anon2016"
    with pytest.raises(ValueError, match=r"anon2016: no author, so no author-year label"):
        bibliography.label(anonymous)

"""closecalls_build.guide: the teacher's guide and the Data sources page, made from their sources."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT
from hypothesis import given
from hypothesis import strategies as st

from closecalls_build import catalogue, guide, pages, readability
from explainers import data, facts
from explainers.bibliography import BIBLIOGRAPHY


@given(st.integers(min_value=0, max_value=100_000))
def test_reading_minutes_is_the_smallest_whole_minute_that_covers_the_words(words: int) -> None:
    # data/cited_figures.csv, reading_rate_wpm: Brysbaert (2019), 238 words a minute.
    rate = facts.figure("reading_rate_wpm").value
    minutes = guide.reading_minutes(words)
    assert minutes * rate >= words > (minutes - 1) * rate or words == minutes == 0


def test_a_negative_word_count_is_refused() -> None:
    with pytest.raises(ValueError, match="a chapter cannot have -1 words"):
        guide.reading_minutes(-1)


def test_the_chapters_table_restates_each_chapter_source() -> None:
    table = guide.chapters_table()
    assert list(table.frame["Chapter"]) == [
        pages.outline(ROOT / "book" / f"{name}.md").title for name in guide.CHAPTERS
    ]
    margins = table.frame.iloc[0]
    measured = readability.chapter(ROOT / "book" / "margins.md")
    assert margins["Words"] == measured.words
    assert margins["Reading level (grade)"] == measured.flesch_kincaid_grade
    assert margins["Exercises"] == len(
        re.findall(r"^```\{exercise\}", (ROOT / "book" / "margins.md").read_text(), re.M)
    )


def test_every_chapter_reads_at_or_below_the_target_grade() -> None:
    # The teacher's guide states the target (closecalls_build.readability.TARGET_GRADE) as the book's.
    grades = guide.chapters_table().frame.set_index("Chapter")["Reading level (grade)"]
    assert (grades <= readability.TARGET_GRADE).all(), grades.to_dict()


def test_the_objectives_link_each_chapter_and_number_its_objectives() -> None:
    text = guide.objectives_markdown(sphinx=True).data
    in_jupyter = guide.objectives_markdown(sphinx=False).data
    for name in guide.CHAPTERS:
        outline = pages.outline(ROOT / "book" / f"{name}.md")
        assert f"**{{doc}}`{outline.title} <{name}>`**" in text
        assert f"**[{outline.title}]({name}.ipynb)**" in in_jupyter
        assert f"{len(outline.objectives)}. {outline.objectives[-1]}" in text
    # The claims chapter's objectives link the glossary on the site, and read plainly in Jupyter.
    assert "{term}`confounding`" in text
    assert "{term}" not in in_jupyter and "**confounding**" in in_jupyter


def test_every_data_file_is_listed_with_its_sources_cited() -> None:
    text = guide.data_sources_markdown(sphinx=True).data
    readme = data.DATA_DIR / "README.md"
    entries = catalogue.catalogue(readme, BIBLIOGRAPHY)
    lines = text.splitlines()
    assert len(lines) == len(entries)
    for line, entry in zip(lines, entries, strict=True):
        assert line.startswith(f"- **`{entry.file}`**: {entry.contents}.")
        keys = catalogue.sources_of(entry, data.DATA_DIR)
        assert (f"{{cite}}`{','.join(keys)}`" in line) == bool(keys)
    # data/README.md, faithless_electors.csv: its rows cite the Austin American-Statesman.
    assert "statesman2016texas" in next(line for line in lines if "faithless_electors" in line)


@pytest.mark.parametrize(
    ("origin", "start"),
    [
        ("copy (SOURCES §1)", "An unchanged copy of a public file"),
        ("copies (Voteview, via GitHub)", "An unchanged copy of a public file"),
        ("derived from `sources/` by `explainers.derive`", "Derived"),
        ("made here (from SOURCES §11, every row checked again)", "Written for this book"),
    ],
)
def test_origins_become_sentences(origin: str, start: str) -> None:
    assert guide.origin_sentence(origin).startswith(start)


def test_no_file_is_said_to_be_its_publishers() -> None:
    # data/README.md: several copies were taken from third parties' GitHub copies (SOURCES §1, §6,
    # §7, Voteview), and the electoral votes table is a student project's (SOURCES §4); the derived
    # files are made from those copies. Neither the generated list nor the page around it may say
    # "the publisher's file" (or "publishers' files").
    readme = ROOT / "data" / "README.md"
    origins = {e.origin for e in catalogue.catalogue(readme, BIBLIOGRAPHY)}
    assert len(origins) >= 5
    said = [guide.origin_sentence(o) for o in origins]
    said.append((ROOT / "book" / "data.md").read_text())
    assert [s for s in said if re.search(r"publisher'?s'? files?\b", s)] == []


def test_every_copied_or_derived_file_but_one_names_its_sources() -> None:
    # The electoral votes table is the one file with no entry in references.bib (data/README.md:
    # "There is no entry in `references.bib` for it").
    readme = ROOT / "data" / "README.md"
    unsourced = [
        e.file
        for e in catalogue.catalogue(readme, BIBLIOGRAPHY)
        if not catalogue.sources_of(e, readme.parent)
    ]
    assert unsourced == ["electoral_votes_1976_2020.csv"]


def test_an_unknown_origin_is_named() -> None:
    with pytest.raises(ValueError, match="unknown origin 'borrowed': expected a copy"):
        guide.origin_sentence("borrowed")


def test_in_jupyter_the_sources_are_author_year_labels() -> None:
    text = guide.data_sources_markdown(sphinx=False).data
    assert "{cite}" not in text
    # references.bib: medsl2017president is the MIT Election Data and Science Lab's, 2017.
    assert "Sources: MIT Election Data and Science Lab 2017." in text.splitlines()[0]


def test_the_primary_documents_are_linked_with_their_chapter_and_what_to_look_for() -> None:
    from explainers import bibliography, editorial

    table = guide.primary_documents_markdown(sphinx=True).data.splitlines()
    assert len(table) == 2 + len(editorial.PRIMARY_DOCUMENTS)
    known = bibliography.entries()
    for row, (key, chapter, look_for) in zip(table[2:], editorial.PRIMARY_DOCUMENTS, strict=True):
        assert f"]({known[key].fields['url']})" in row
        assert f"{{doc}}`{chapter}`" in row and look_for in row
    plain = guide.primary_documents_markdown(sphinx=False).data
    assert "[electoral](electoral.ipynb)" in plain and "{doc}" not in plain


def test_a_primary_document_without_an_address_or_chapter_is_refused(monkeypatch) -> None:
    from explainers import editorial

    monkeypatch.setattr(editorial, "PRIMARY_DOCUMENTS", (("gasos2020audit", "real_audits", "x"),))
    with pytest.raises(KeyError, match=r"'gasos2020audit' is not in the bibliography with an addr"):
        guide.primary_documents_markdown(sphinx=True)
    monkeypatch.setattr(editorial, "PRIMARY_DOCUMENTS", (("chiafalo2020", "glossary", "x"),))
    with pytest.raises(ValueError, match=r"'chiafalo2020' names 'glossary', not a chapter"):
        guide.primary_documents_markdown(sphinx=True)

"""closecalls_build.catalogue: data/README.md read as a catalogue, complete, and refused when it is not."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from closecalls_build.catalogue import (
    COLUMNS,
    DataSource,
    bibliography_keys,
    catalogue,
    catalogue_table,
    github_anchor,
    row_keys,
    sources_of,
)
from explainers import data, paths

ROOT = paths.ROOT
README = data.DATA_DIR / "README.md"
BIBLIOGRAPHY = ROOT / "references.bib"


@pytest.fixture(scope="module")
def entries() -> dict[str, DataSource]:
    return {entry.file: entry for entry in catalogue(README, BIBLIOGRAPHY)}


# --- the real README --------------------------------------------------------------------------------


def test_the_real_readme_parses_one_entry_per_row(entries: dict[str, DataSource]) -> None:
    table = README.read_text("utf-8").split("\n## ")[0]
    rows = [line for line in table.splitlines() if line.startswith("| [`")]
    assert len(entries) == len(rows) >= 21


def test_every_data_file_is_covered_exactly_once(entries: dict[str, DataSource]) -> None:
    on_disk = {
        path.relative_to(data.DATA_DIR).as_posix()
        for path in data.DATA_DIR.rglob("*")
        if path.is_file()
    }
    on_disk.discard("README.md")
    covered = [path for entry in entries.values() for path in entry.files]
    assert sorted(covered) == sorted(on_disk)


def test_every_key_is_an_entry_of_references_bib(entries: dict[str, DataSource]) -> None:
    keys = bibliography_keys(BIBLIOGRAPHY)
    # Keys the README names explicitly ("Bibliography key: `...`", "**Source:** `...`") must exist,
    # whether or not a table row points at their section.
    text = README.read_text("utf-8")
    named = re.findall(r"(?:Bibliography\s+key:|\*\*Source:\*\*)\s+`([^`]+)`", text)
    # "Bibliography key: `medsl2017president`" (MIT file), "... `wec2016recount`" (WEC reports),
    # "**Source:** `verifiedvoting2016`" (equipment_models.csv): the pattern does find them.
    assert {"medsl2017president", "wec2016recount", "verifiedvoting2016"} <= set(named)
    assert set(named) <= keys, sorted(set(named) - keys)


def test_known_facts(entries: dict[str, DataSource]) -> None:
    # data/README.md, section `mit_president_1976_2020.csv`: "Bibliography key: `medsl2017president`"
    # and "**License:** CC0, as MEDSL publishes the Dataverse dataset."
    mit = entries["mit_president_1976_2020.csv"]
    assert "medsl2017president" in mit.keys
    assert mit.licence.startswith("CC0, as MEDSL publishes")
    assert mit.loader.startswith("`president_returns()`")
    # Section `faithless_electors.csv`: the file exists and `faithless_electors()` loads it.
    assert "`faithless_electors()`" in entries["faithless_electors.csv"].loader
    # Section `house_delegations.csv`: "Voteview (`voteview`; ...)" then "241 R, 194 D (`cossa115`)".
    assert entries["house_delegations.csv"].keys == ("voteview", "cossa115")
    # Section `corrections.csv`: the official sources fec2001, fec2022, clerk2013, in that order.
    assert entries["corrections.csv"].keys == ("fec2001", "fec2022", "clerk2013")
    # Section `electoral_votes_1976_2020.csv`: "There is no entry in `references.bib` for it" and
    # "**License:** none stated."
    electoral = entries["electoral_votes_1976_2020.csv"]
    assert electoral.keys == ()
    assert electoral.licence == "none stated."
    # Section `sources/medsl_election_context_2018.csv`: a plain "License: MIT (© 2018 ...)".
    assert entries["sources/medsl_election_context_2018.csv"].licence.startswith("MIT (© 2018")
    # Section `cited_figures.csv`: "**License:** part of this repository: facts from the sources ...".
    assert entries["cited_figures.csv"].licence.startswith("part of this repository: facts from")
    # Every section states its terms, so the Data sources page has no blank licence.
    assert [name for name, entry in entries.items() if not entry.licence] == []
    # The ward-report glob covers the two WEC ward reports, not the WEC equipment list (its own row).
    assert entries["sources/wec_2016_president_ward_*.xlsx"].files == (
        "sources/wec_2016_president_ward_canvass.xlsx",
        "sources/wec_2016_president_ward_recount.xlsx",
    )
    assert entries["sources/voteview_h*_members.csv"].files == tuple(
        f"sources/voteview_h{congress}_members.csv" for congress in (107, 115, 117)
    )


def test_cells_carry_no_links(entries: dict[str, DataSource]) -> None:
    fields = [
        text
        for entry in entries.values()
        for text in (entry.file, entry.contents, entry.origin, entry.loader, entry.licence)
    ]
    assert not [text for text in fields if "](" in text]


def test_every_local_link_of_the_readme_resolves() -> None:
    text = README.read_text("utf-8")
    outside_code = re.sub(r"^(```|~~~).*?^\1$", "", text, flags=re.S | re.M)
    headings = re.findall(r"^#{1,6} (.+)$", outside_code, re.M)
    anchors = {github_anchor(heading) for heading in headings}
    links = set(re.findall(r"\]\(#([^)]+)\)", text))
    assert len(links) >= 21
    assert links <= anchors, sorted(links - anchors)


def test_catalogue_table_has_readable_columns(entries: dict[str, DataSource]) -> None:
    table = catalogue_table(entries.values())
    assert list(table.columns) == [
        "File",
        "What it holds",
        "Origin",
        "Read by",
        "Licence",
        "Sources (bibliography keys)",
    ]
    assert len(table) == len(entries)
    mit = table[table["File"] == "mit_president_1976_2020.csv"].iloc[0]
    assert mit["Sources (bibliography keys)"] == "medsl2017president"


def test_github_anchor_matches_the_readme_links() -> None:
    # The anchors the summary table linked to before this module existed.
    assert github_anchor("`sources/`: the WEC ward reports") == "sources-the-wec-ward-reports"
    assert github_anchor("`wi_2016_recount_by_line.csv`") == "wi_2016_recount_by_linecsv"
    assert (
        github_anchor("`sources/wec_2016_voting_equipment_by_municipality.xlsx`: Wisconsin's x")
        == "sourceswec_2016_voting_equipment_by_municipalityxlsx-wisconsins-x"
    )


# --- small READMEs built for the test ---------------------------------------------------------------

HEADER = "| " + " | ".join(COLUMNS) + " |\n|---|---|---|---|\n"


def row(name: str, anchor: str | None = None) -> str:
    cell = f"[`{name}`](#{anchor if anchor is not None else github_anchor(f'`{name}`')})"
    return f"| {cell} | Counts of {name} | made here | `load()` |\n"


def section(name: str, body: str = "") -> str:
    return f"\n## `{name}`\n\n{body}\n"


def build(
    folder: Path, rows: str, sections: str, files: list[str], keys: tuple[str, ...] = ("k2016",)
) -> tuple[Path, Path]:
    """A data folder holding ``files`` and a README; a bibliography beside it with ``keys``."""
    (folder / "data").mkdir()
    readme = folder / "data" / "README.md"
    readme.write_text(f"# Data\n\nThe files.\n\n{rows}{sections}", "utf-8")
    for name in files:
        (folder / "data" / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / "data" / name).write_text("x\n", "utf-8")
    bibliography = folder / "references.bib"
    bibliography.write_text("".join(f"@misc{{{key},\n  title={{T}},\n}}\n" for key in keys))
    return readme, bibliography


def test_a_small_readme_is_read_whole(tmp_path: Path) -> None:
    body = (
        "- **Source:** `k2016`, then `notakey`, then `k2000` and `k2016` again.\n"
        "- **License:** CC BY 4.0, see\n  [the terms](https://example.org).\n"
        "- **Rows:** 3.\n"
    )
    readme, bib = build(
        tmp_path,
        HEADER
        + row("a.csv")
        + "| `b.csv` | Counts | copy (SOURCES §1) | `b()` |\n"
        + row("s/*.csv"),
        section("a.csv", body) + section("b.csv") + section("s/*.csv", "Key `k2000`."),
        ["a.csv", "b.csv", "s/one.csv", "s/two.csv"],
        keys=("k2016", "k2000"),
    )
    first, second, third = catalogue(readme, bib)
    assert first == DataSource(
        file="a.csv",
        contents="Counts of a.csv",
        origin="made here",
        loader="`load()`",
        licence="CC BY 4.0, see the terms.",
        keys=("k2016", "k2000"),
        files=("a.csv",),
    )
    # A row without a link finds the section its file name heads; it has no licence and no key.
    assert (second.file, second.origin, second.licence, second.keys) == (
        "b.csv",
        "copy (SOURCES §1)",
        "",
        (),
    )
    # A glob covers the files of its folder, and only those (`*` does not cross `/`).
    assert third.files == ("s/one.csv", "s/two.csv")
    assert third.keys == ("k2000",)


def test_a_glob_does_not_reach_into_subfolders(tmp_path: Path) -> None:
    readme, bib = build(
        tmp_path,
        HEADER + row("*.csv") + row("s/*.csv"),
        section("*.csv") + section("s/*.csv"),
        ["a.csv", "s/b.csv"],
    )
    assert [entry.files for entry in catalogue(readme, bib)] == [("a.csv",), ("s/b.csv",)]


def test_no_summary_table(tmp_path: Path) -> None:
    readme, bib = build(tmp_path, "", section("a.csv") + "\n" + HEADER + row("a.csv"), ["a.csv"])
    with pytest.raises(ValueError, match=r"README\.md: no summary table"):
        catalogue(readme, bib)


def test_a_table_shown_in_a_code_block_is_not_the_summary_table(tmp_path: Path) -> None:
    example = "```\n" + HEADER + row("example.csv") + "```\n\n"
    readme, bib = build(tmp_path, example + HEADER + row("a.csv"), section("a.csv"), ["a.csv"])
    assert [entry.files for entry in catalogue(readme, bib)] == [("a.csv",)]
    (tmp_path / "fenced").mkdir()
    readme, bib = build(tmp_path / "fenced", example, section("a.csv"), ["a.csv"])
    with pytest.raises(ValueError, match=r"README\.md: no summary table"):
        catalogue(readme, bib)


def test_a_table_with_other_columns_is_not_the_summary_table(tmp_path: Path) -> None:
    # Same first column, but "source" where the README's third column is "origin".
    header = "| file | what it holds | source | loader in `explainers.data` |\n|---|---|---|---|\n"
    readme, bib = build(tmp_path, header + row("a.csv"), section("a.csv"), ["a.csv"])
    with pytest.raises(ValueError, match=r"README\.md: no summary table"):
        catalogue(readme, bib)


def test_a_row_with_the_wrong_number_of_cells(tmp_path: Path) -> None:
    rows = HEADER + row("a.csv") + "| [`b.csv`](#bcsv) | Counts | made here |\n"
    readme, bib = build(tmp_path, rows, section("a.csv") + section("b.csv"), ["a.csv", "b.csv"])
    with pytest.raises(ValueError, match=r"line 8: the row for 'b.csv' has 3 cells, expected 4"):
        catalogue(readme, bib)


def test_a_row_whose_link_leads_to_no_section(tmp_path: Path) -> None:
    readme, bib = build(tmp_path, HEADER + row("a.csv", "a-csv"), section("a.csv"), ["a.csv"])
    with pytest.raises(ValueError, match=r"the row for 'a.csv' links to '#a-csv', but no section"):
        catalogue(readme, bib)


def test_a_row_without_link_or_section(tmp_path: Path) -> None:
    rows = HEADER + "| `a.csv` | Counts | made here | `a()` |\n"
    readme, bib = build(tmp_path, rows, section("b.csv"), ["a.csv"])
    with pytest.raises(ValueError, match=r"the row for 'a.csv' has no link, but no section"):
        catalogue(readme, bib)


def test_a_file_in_no_row(tmp_path: Path) -> None:
    readme, bib = build(tmp_path, HEADER + row("a.csv"), section("a.csv"), ["a.csv", "s/b.xlsx"])
    with pytest.raises(ValueError, match=r"'s/b.xlsx' is in the data folder but in no row"):
        catalogue(readme, bib)


def test_a_file_in_two_rows(tmp_path: Path) -> None:
    readme, bib = build(
        tmp_path,
        HEADER + row("a.csv") + row("*.csv"),
        section("a.csv") + section("*.csv"),
        ["a.csv", "b.csv"],
    )
    with pytest.raises(
        ValueError, match=r"'a.csv' is covered by 2 rows of the table: 'a.csv', '\*"
    ):
        catalogue(readme, bib)


def test_a_row_matching_no_file(tmp_path: Path) -> None:
    readme, bib = build(
        tmp_path,
        HEADER + row("a.csv") + row("gone.csv"),
        section("a.csv") + section("gone.csv"),
        ["a.csv"],
    )
    with pytest.raises(ValueError, match=r"the row for 'gone.csv' matches no file in"):
        catalogue(readme, bib)


def test_the_readme_itself_needs_no_row(tmp_path: Path) -> None:
    readme, bib = build(tmp_path, HEADER + row("a.csv"), section("a.csv"), ["a.csv"])
    assert [entry.files for entry in catalogue(readme, bib)] == [("a.csv",)]


names = st.lists(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789_", min_size=1, max_size=12),
    min_size=1,
    max_size=6,
    unique=True,
)
bib_keys = st.lists(st.from_regex(r"[a-z]{2,8}[0-9]{4}", fullmatch=True), max_size=4, unique=True)


@settings(max_examples=40, deadline=None)
@given(names=names, keys=bib_keys, data=st.data())
def test_any_complete_readme_round_trips(
    names: list[str], keys: list[str], data: st.DataObject
) -> None:
    # Whatever the files and the keys their sections cite, the catalogue gives back one entry per row,
    # in the table's order, each covering its own file and citing its keys in order.
    cited = {name: data.draw(st.permutations(keys)) for name in names}
    files = [f"{name}.csv" for name in names]
    rows = HEADER + "".join(row(file) for file in files)
    sections = "".join(
        section(f"{name}.csv", " ".join(f"`{key}`" for key in cited[name] + ["other"]))
        for name in names
    )
    with tempfile.TemporaryDirectory() as folder:
        readme, bib = build(Path(folder), rows, sections, files, keys=tuple(keys))
        entries = catalogue(readme, bib)
    assert [entry.file for entry in entries] == files
    assert [entry.files for entry in entries] == [(file,) for file in files]
    assert [entry.keys for entry in entries] == [tuple(cited[name]) for name in names]


def test_sources_add_the_keys_each_row_names(entries: dict[str, DataSource]) -> None:
    # data/README.md: faithless_electors.csv names "one or more bibliography keys per row";
    # its 2016 Texas rows cite statesman2016texas, and its 2000 row ap2000lettsimmons.
    faithless = entries["faithless_electors.csv"]
    keys = sources_of(faithless, data.DATA_DIR)
    assert {"statesman2016texas", "ap2000lettsimmons"} <= set(keys)
    assert len(keys) == len(set(keys))
    # The MIT returns have no source column: their keys are the section's alone.
    mit = entries["mit_president_1976_2020.csv"]
    assert sources_of(mit, data.DATA_DIR) == mit.keys


def test_row_keys_of_a_file_without_a_source_column(tmp_path: Path) -> None:
    with_sources = tmp_path / "a.csv"
    with_sources.write_text("x,source\n1,k1;k2\n2, k2 \n3,\n")
    assert row_keys(with_sources) == ("k1", "k2")
    without = tmp_path / "b.csv"
    without.write_text("x\n1\n")
    assert row_keys(without) == ()
    assert row_keys(tmp_path / "c.xlsx") == ()
    # A copied report of several sections, or one with a title line, is not a table with sources.
    report = tmp_path / "d.csv"
    report.write_text("######## ONE ########\nx,source\n1,k3\n\n######## TWO ########\nz\n3\n")
    assert row_keys(report) == ()
    bom = tmp_path / "e.csv"
    bom.write_text("\ufeffsource,x\nk4,1\n", encoding="utf-8")
    assert row_keys(bom) == ("k4",)

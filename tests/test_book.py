"""The book's sources and built pages: no typed-in figures, clean notebooks, nothing from outside."""

from __future__ import annotations

import re
from pathlib import Path

import jupytext
import nbformat
import pytest
import vl_convert as vlc
from conftest import ROOT, SITE

from closecalls_build import notebooks, pages, sphinx_ext
from explainers import bibliography, data

NOTEBOOKS = sorted((ROOT / "book").glob("*.ipynb"))
NOTEBOOK_PAGES = notebooks.executed_pages()
PAGES = [p for p in sorted((ROOT / "book").glob("*.md")) if p not in NOTEBOOK_PAGES]

#: Numbers that may be typed in the prose, each with the reason. Every other figure must come from
#: a glue role (computed from data/ by explainers) or from a quotation that data/ holds verbatim.
ALLOWED_LITERALS = {
    "1,000": "a hypothetical margin in an exercise, passed to the functions by the reader",
    "1%": "the threshold the text passes to margins.contests_within (a choice, not a result)",
    "0.1%": "the threshold an exercise asks the reader to set",
    "10%": "the risk limit the text passes to explainers.audits (a choice, not a result)",
    "5%": "the risk limit an exercise asks the reader to set with a control",
    "50%": "the true share an exercise asks the reader to pick with a control",
    "1.0": "the threshold the text passes to margins.contests_within",
    "50": "'50 states and DC': what the 51 units of every presidential year are",
    "95%": "the confidence level of every interval (a convention, passed to claims.regress)",
}
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_SKIP = [
    r"^\s*```.*$",  # directive fences: ```{exercise}
    r"\{[a-z:]+\}`[^`]*`",  # roles: {glue:text}`key:,d`, {cite}`key`, {numref}`fig`
    r"`[^`]*`",  # inline code
    r"\((?:[a-z-]+)\)=",  # targets
    r":label: \S+",
    rf"\b\d{{1,2}} (?:{_MONTHS})\b",  # dates
    r"\b(?:1[7-9]\d\d|20[0-2]\d)\b",  # years (1788 to 2029): names of events, not results
    r"^\s*\d+\.\s",  # numbered-list markers
    r"\b[A-Za-z]+\d+\b",  # names with digits: FOX6
    r"\bStep \d\b",  # the Claims chapter's numbered steps
    r"\*60 Minutes\*",  # the name of a television programme
    r"\*m\* \+ 1",  # the "margin plus one" rule written as a formula
    r"1 ÷ \(1 − the share of the other\s+candidates\)",  # the two-party factor as a formula
]


def prose_chunks() -> list[tuple[str, str]]:
    """The text a reader reads: plain pages, and the markdown cells of each chapter's source."""
    chunks = [(p.name, p.read_text()) for p in PAGES]
    for path in NOTEBOOK_PAGES:
        nb = jupytext.read(path, fmt="md:myst")
        chunks += [(path.name, c.source) for c in nb.cells if c.cell_type == "markdown"]
    return chunks


def test_every_chapter_has_its_notebook_and_nothing_else_is_one() -> None:
    assert NOTEBOOK_PAGES, "no chapter sources in book/"
    assert {p.stem for p in NOTEBOOKS} == {p.stem for p in NOTEBOOK_PAGES}


def test_a_stale_notebook_is_caught() -> None:
    """The check `make test` runs: a stored output that a fresh run no longer gives is reported."""
    stored = nbformat.read(NOTEBOOKS[0], as_version=4)
    chart = next(
        c for c in stored.cells if c.cell_type == "code" and "mystnb" in c.metadata and c.outputs
    )
    fresh = nbformat.reads(nbformat.writes(stored), 4)
    assert notebooks.compare(stored, fresh) == []
    text = chart.outputs[0]["data"]["text/plain"]
    chart.outputs[0]["data"]["text/plain"] = text.replace("<Chart ", "<Chart 0", 1)
    assert any("outputs differs" in p for p in notebooks.compare(stored, fresh))


def test_a_source_edited_without_make_notebooks_is_caught() -> None:
    stored = nbformat.read(NOTEBOOKS[0], as_version=4)
    fresh = nbformat.reads(nbformat.writes(stored), 4)
    fresh.cells[0].source += " An edit."
    assert any("source differs" in p for p in notebooks.compare(stored, fresh))


def quotations(text: str) -> list[str]:
    return re.findall(r"\"([^\"]+)\"|“([^”]+)”", text)


@pytest.mark.parametrize(("name", "text"), prose_chunks())
def test_prose_has_no_typed_in_figures(name: str, text: str) -> None:
    quoted = [q for pair in quotations(text) for q in pair if q]
    known_quotes = " ".join([*data.reported_counts()["quote"], *data.cited_figures()["quote"]])
    for q in quoted:
        if re.search(r"\d", q):
            assert " ".join(q.split()) in " ".join(known_quotes.split()), (
                f"{name}: the quotation {q!r} has a figure but is not held in data/ "
                "(reported_counts, cited_figures)"
            )
    stripped = re.sub(r"\"[^\"]+\"|“[^”]+”", " ", text)
    for pattern in _SKIP:
        stripped = re.sub(pattern, " ", stripped, flags=re.MULTILINE)
    figures = re.findall(r"\d[\d,.]*%?", stripped)
    typed = [f.rstrip(".,") for f in figures if f.rstrip(".,") not in ALLOWED_LITERALS]
    assert not typed, f"{name}: figures typed into the prose instead of computed: {typed}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebooks_are_clean(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    assert nb.metadata.kernelspec.name == "python3"
    assert "widgets" not in nb.metadata
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        tags = set(cell.metadata.get("tags", []))
        assert cell.outputs or tags & {"hide-cell", "remove-cell"}, (
            f"code cell without stored outputs that the page shows: {cell.source[:60]!r}"
        )
        assert all(o.output_type != "error" for o in cell.outputs)
        for output in cell.outputs:
            html = output.get("data", {}).get("text/html", "")
            assert "cc-chart" not in html, "chart stored in book mode: run `make notebooks`"


def test_every_eval_in_the_prose_only_reads_and_calls() -> None:
    import yaml

    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    allowed = re.compile(config["sphinx"]["config"]["nb_eval_name_regex"])
    expressions = [e for _, text in prose_chunks() for e in notebooks.EVAL_ROLE.findall(text)]
    assert expressions
    assert [e for e in expressions if not allowed.match(e)] == []
    assert not allowed.match("count(mi.margin + wi.margin)")


BIB_KEYS = set(bibliography.entries())
_CITE = re.compile(r"\{cite(?::[a-z]+)?\}`([^`]+)`")


def cited_keys() -> set[str]:
    """The keys the pages and chapters cite, in any of the {cite}, {cite:p}, {cite:t} forms."""
    return {
        k.strip()
        for _, text in prose_chunks()
        for group in _CITE.findall(text)
        for k in group.split(",")
    }


def test_every_citation_key_exists() -> None:
    cited = cited_keys()
    assert cited, "the book cites nothing?"
    assert sorted(cited - BIB_KEYS) == []
    assert _CITE.findall("{cite:p}`a,b` and {cite:t}`c`") == ["a,b", "c"]


def test_every_title_keeps_its_capitals_on_the_references_page() -> None:
    # The References page's style lowers the case of a title's words unless the title is braced:
    # "1976 United States presidential election in Washington (state)" printed "1976 united states
    # presidential election in washington (state)".
    unbraced = [
        key
        for key, entry in bibliography.entries().items()
        if not re.fullmatch(r"\{.*\}", entry.fields.get("title", "{}"), re.DOTALL)
    ]
    assert unbraced == []


def test_every_bibliography_entry_is_used() -> None:
    # The References page lists what the prose cites, then what only the data files name (their
    # source columns, or data/README.md): an entry used nowhere would be listed for no reason.
    data_text = "\n".join(p.read_text("utf-8") for p in sorted(data.DATA_DIR.glob("*.csv")))
    data_text += (data.DATA_DIR / "README.md").read_text("utf-8")
    # Keys are words (letters and digits): the set of the text's words finds them in one pass.
    named_in_data = BIB_KEYS & set(re.findall(r"\w+", data_text))
    assert sorted(BIB_KEYS - cited_keys() - named_in_data) == []


def test_the_vendored_vega_is_the_runtime_vl_convert_compiles_for() -> None:
    # The pages hold Vega specs compiled by vl-convert; the runtime that draws them must be the
    # same Vega version (README, "Layout": the official build of the npm package vega).
    assert sphinx_ext.vendored_vega_version() == vlc.get_vega_version()
    text = sphinx_ext.VENDORED_VEGA.read_text("utf-8")
    assert "vegaEmbed" not in text and "vega-lite" not in text.lower()
    licence = sphinx_ext.VENDORED_VEGA.with_name("vega.LICENSE").read_text("utf-8")
    assert "University of Washington Interactive Data Lab" in licence


def test_a_file_that_is_not_vega_is_named(tmp_path: Path) -> None:
    other = tmp_path / "other.js"
    other.write_text("var x = 1;\n")
    with pytest.raises(ValueError, match=r"other\.js: no 'version=\"x\.y\.z\"' in it"):
        sphinx_ext.vendored_vega_version(other)


# --- the built site (made by `make book`) -----------------------------------------------------------

site = pytest.mark.site


def built_pages() -> list[Path]:
    if not (SITE / "index.html").exists():
        pytest.fail("No built site in _build/html: run `make book` first (`make test` does).")
    return sorted(SITE.rglob("*.html"))


@site
def test_built_pages_load_nothing_from_outside() -> None:
    pattern = re.compile(
        r"<(?:script|img|iframe|link|source|video|audio)\b[^>]*\b(?:src|href)=\"(?:https?:)?//",
        re.I,
    )
    for page in built_pages():
        html = page.read_text()
        assert not pattern.search(html), f"{page.relative_to(SITE)} loads from outside"
        assert "@import url(http" not in html


@site
def test_static_css_loads_no_remote_fonts_or_images() -> None:
    built_pages()
    for path in (SITE / "_static").rglob("*.css"):
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", path.read_text(errors="ignore")), path


@site
def test_vega_bundle_is_served_only_to_pages_with_charts() -> None:
    for page in built_pages():
        html = page.read_text()
        has_chart = 'class="cc-chart"' in html
        assert ("vendor/vega.min.js" in html) == has_chart, page.name
    assert (SITE / "_static" / sphinx_ext.BUNDLE_PATH).stat().st_size > 100_000


@site
def test_pages_carry_no_widget_state_or_widget_manager() -> None:
    for page in built_pages():
        html = page.read_text()
        assert (
            "widget-state+json" not in html and "embed-amd" not in html and "require.js" not in html
        )


@site
def test_each_chapter_offers_its_own_notebook_for_download() -> None:
    # The download menu links the committed, JupyterLab-ready book/NAME.ipynb (closecalls_build.notebooks),
    # not myst-nb's executed copy, and no launch button shows while _config.yml names no repository.
    built_pages()
    for source in NOTEBOOK_PAGES:
        name = source.stem
        html = (SITE / "book" / f"{name}.html").read_text()
        assert f'href="../_sources/book/{name}.ipynb"' in html, name
        copied = SITE / "_sources" / "book" / f"{name}.ipynb"
        assert copied.read_bytes() == (ROOT / "book" / f"{name}.ipynb").read_bytes(), name
        assert "mybinder.org" not in html and "launch-buttons" not in html, name


GLOSSARY = ROOT / "book" / "glossary.md"


def glossary_terms() -> list[str]:
    """The terms ``book/glossary.md`` defines: the unindented lines of its glossary directive."""
    body = GLOSSARY.read_text().split("```{glossary}\n", 1)[1].split("\n```", 1)[0]
    return [line for line in body.splitlines() if line and not line.startswith(" ")]


def linked_terms(text: str) -> set[str]:
    return {(term or shown).strip().lower() for shown, term in notebooks.TERM_ROLE.findall(text)}


def test_every_glossary_term_is_linked_from_a_chapter() -> None:
    terms = glossary_terms()
    assert len(terms) >= 20 and terms == sorted(terms, key=str.lower), "alphabetical order"
    linked = set().union(*(linked_terms(p.read_text()) for p in NOTEBOOK_PAGES))
    assert sorted(t for t in terms if t.lower() not in linked) == []
    # Each chapter sends its readers to the glossary at least three times.
    for path in NOTEBOOK_PAGES:
        if path.stem in pages.chapters():
            assert len(linked_terms(path.read_text())) >= 3, path.name


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


@site
def test_citations_in_one_bracket_are_separated_by_semicolons() -> None:
    # margins.md cites wec2016petitions and rnla2016michigan together (closecalls_build.sphinx_ext.bibstyle).
    text = _text((SITE / "book" / "margins.html").read_text())
    assert (
        "[Republican National Lawyers Association, 2016; Wisconsin Elections Commission, 2016]"
        in text
    )


@site
def test_the_references_page_lists_sources_by_surname_as_printed() -> None:
    # Corporate and accented names among people, as a reader looks them up
    # (closecalls_build.sphinx_ext.bibstyle):
    # references.bib's Associated Press, Bakst, Çetinkaya-Rundel, Clerk of the U.S. House, Reilly
    # (fortune2016recount), Wisconsin Elections Commission.
    html = (SITE / "book" / "references.html").read_text()
    entries = [_text(e) for e in re.findall(r'<div class="citation".*?</p>', html, re.DOTALL)]
    assert len(entries) == len(bibliography.entries())
    firsts = []
    for name in (
        "Associated Press.",
        "Brian Bakst",
        "Mine Çetinkaya-Rundel",
        "Clerk of the U.S. House",
        "Katie Reilly.",
        "Wisconsin Elections Commission.",
    ):
        firsts.append(next(i for i, e in enumerate(entries) if name in e))
    assert firsts == sorted(firsts)
    # No LaTeX left in what a reader sees ("\$2M" printed a backslash).
    assert [e for e in entries if "\\" in e] == []


def test_a_page_whose_inputs_changed_is_read_again() -> None:
    # closecalls_build.sphinx_ext: the teacher's guide computes from the chapters' sources and data/.
    from types import SimpleNamespace

    from closecalls_build.sphinx_ext import _pages_whose_inputs_changed, page_inputs

    source = ROOT / "book" / "teachers.md"
    now = [str(p) for p in page_inputs(source)]
    assert str(ROOT / "data" / "README.md") in now and str(ROOT / "book" / "margins.md") in now
    env = SimpleNamespace(
        doc2path=lambda doc: ROOT / f"{doc}.md",
        closecalls_page_inputs={"book/teachers": now[:-1], "book/margins": []},
    )
    # One input more than at the last build (a file added): read again. Margins has its own inputs
    # recorded as none, also a difference. A page Sphinx already reads again is not named twice.
    app = SimpleNamespace(srcdir=ROOT)
    assert _pages_whose_inputs_changed(app, env, set(), set(), set()) == [
        "book/teachers",
        "book/margins",
    ]
    env.closecalls_page_inputs["book/teachers"] = now
    # The benchmark's and the live mode's modules are no page's input.
    assert str(ROOT / "src" / "explainers" / "budget.py") not in now
    assert _pages_whose_inputs_changed(app, env, set(), {"book/margins"}, set()) == []

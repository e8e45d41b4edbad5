"""closecalls_build.notebooks: a chapter's source made readable in JupyterLab, with stable ids."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from conftest import ROOT

from closecalls_build import notebooks

BIB = ROOT / "references.bib"


def chapter(*cells: nbformat.NotebookNode) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.cells = list(cells)
    return nb


def test_citations_links_and_figure_numbers_are_written_out() -> None:
    figure = nbformat.v4.new_code_cell(
        "chart()", metadata={"mystnb": {"figure": {"name": "fig-a", "caption": "A caption."}}}
    )
    figure.metadata["tags"] = ["hide-input"]
    text = nbformat.v4.new_markdown_cell(
        "As {numref}`fig-a` shows {cite}`fec2001,fortune2016recount`; see {doc}`margins`."
    )
    nb = notebooks.for_jupyterlab(chapter(figure, text), BIB)
    sources = [c.source for c in nb.cells]
    assert sources[1] == "**Figure 1.** A caption."
    assert sources[2] == (
        "As Figure 1 shows (Federal Election Commission 2001; Reilly 2016); see "
        "[Margins](margins.ipynb)."
    )
    assert nb.cells[0].metadata["jupyter"]["source_hidden"] is True
    assert sources[-1].startswith("## References")
    assert "- Reilly 2016. *Hillary Clinton Campaign" in sources[-1]


def test_a_dollar_in_a_cited_title_is_not_read_as_mathematics() -> None:
    # references.bib: wisconsinreport2016estimate's title is "... May Cost $3.9 Million"; with a
    # sum later in the paragraph, jupyterlab-myst typeset everything between the two as a formula.
    text = nbformat.v4.new_markdown_cell("Paid {cite}`wisconsinreport2016estimate`, then $100.")
    nb = notebooks.for_jupyterlab(chapter(text), BIB)
    assert "May Cost \\$3.9 Million" in nb.cells[0].source
    assert nb.cells[0].source.endswith(", then $100.")
    assert "May Cost \\$3.9 Million" in nb.cells[-1].source  # the reference list too


def test_a_link_to_a_plain_page_opens_its_markdown(tmp_path: Path) -> None:
    (tmp_path / "glossary.md").write_text("# Glossary\n")
    (tmp_path / "margins.ipynb").write_text("{}")
    text = nbformat.v4.new_markdown_cell("See {doc}`glossary`, {doc}`margins` and {doc}`gone`.")
    nb = notebooks.for_jupyterlab(chapter(text), BIB, tmp_path)
    assert nb.cells[0].source == (
        "See [Glossary](glossary.md), [Margins](margins.ipynb) and [Gone](gone.ipynb)."
    )


def test_glossary_terms_become_their_text() -> None:
    # JupyterLab has no glossary: {term}`text <target>` keeps the text the site shows.
    text = nbformat.v4.new_markdown_cell(
        "A **{term}`recount`**, {term}`electors <elector>` and {term}`Binding laws <binding law>`."
    )
    nb = notebooks.for_jupyterlab(chapter(text), BIB)
    assert nb.cells[0].source == "A **recount**, electors and Binding laws."


def test_an_unknown_citation_or_figure_is_an_error() -> None:
    with pytest.raises(KeyError, match=r"citation keys not in references.bib: \['nobody1999'\]"):
        notebooks.for_jupyterlab(chapter(nbformat.v4.new_markdown_cell("{cite}`nobody1999`")), BIB)
    with pytest.raises(KeyError, match=r"\{numref\} to 'fig-x': no figure of that name"):
        notebooks.for_jupyterlab(chapter(nbformat.v4.new_markdown_cell("{numref}`fig-x`")), BIB)


def test_ids_follow_content() -> None:
    a, b = nbformat.v4.new_markdown_cell("same"), nbformat.v4.new_markdown_cell("same")
    c = nbformat.v4.new_markdown_cell("other")
    first = notebooks.stable_ids(chapter(a, b, c))
    ids = [cell.id for cell in first.cells]
    assert ids[1] == f"{ids[0]}-2" and len(set(ids)) == 3
    again = notebooks.stable_ids(chapter(nbformat.v4.new_markdown_cell("new"), a, b, c))
    assert [cell.id for cell in again.cells][1:] == ids  # an inserted cell moves no other id


def test_eval_results_are_stored_and_a_failing_expression_is_an_error(tmp_path: Path) -> None:
    nb = chapter(
        nbformat.v4.new_code_cell("x = 2_912_790"),
        nbformat.v4.new_markdown_cell("Bush received {eval}`f'{x:,}'` votes."),
    )
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    done = notebooks.evaluate(nb, tmp_path)
    (stored,) = done.cells[1].metadata["user_expressions"]
    assert stored["expression"] == "f'{x:,}'"
    assert stored["result"]["data"]["text/plain"] == "'2,912,790'"
    broken = chapter(nbformat.v4.new_markdown_cell("{eval}`undefined_name`"))
    broken.metadata["kernelspec"] = nb.metadata["kernelspec"]
    with pytest.raises(RuntimeError, match=r"\{eval\}`undefined_name` failed: NameError"):
        notebooks.evaluate(broken, tmp_path)


def test_chapter_sources_are_recognised() -> None:
    assert notebooks.is_chapter(ROOT / "book" / "margins.md")
    assert not notebooks.is_chapter(ROOT / "book" / "intro.md")


def test_a_chapter_that_fails_is_named_and_the_others_are_still_built(tmp_path: Path) -> None:
    front = "---\nkernelspec:\n  name: python3\n  display_name: Python 3\n  language: python\n---\n"
    good = tmp_path / "good.md"
    good.write_text(front + "# Good\n\n```{code-cell} ipython3\n1 + 1\n```\n")
    bad = tmp_path / "bad.md"
    bad.write_text(front + "# Bad\n\n```{code-cell} ipython3\nraise ValueError('broken')\n```\n")
    assert notebooks.executed_pages(tmp_path) == [bad, good]
    built = notebooks.build_all([bad, good], BIB)
    assert isinstance(built[bad], RuntimeError)
    assert str(built[bad]).startswith("bad.md could not be built: ")
    assert "broken" in str(built[bad])
    assert built[good].cells[1].outputs[0]["data"]["text/plain"] == "2"

"""The live classroom mode's pages (explainers.live) and server settings (explainers.live_server).

The browser test that serves them with Voilà is in test_live_browser.py.
"""

from __future__ import annotations

import asyncio
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup

from explainers import live
from explainers.live_server import (
    ClassroomKernelManager,
    Settings,
    jupyter_path,
    kernel_pools,
    voila_argv,
    voila_config,
)

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "_build" / "html"
CHAPTERS = ["margins", "audits", "electoral", "claims"]

PAGE = """<html><head><title>Test chapter</title></head><body><article class="bd-article">
<section id="chapter"><h1>Chapter<a class="headerlink" href="#chapter">¶</a></h1>
<p>Intro, see <a href="other.html#x">other</a>, <a href="plain.html">plain</a>,
<a href="https://example.org/a.html">outside</a>.</p>
<div class="cell docutils container"><div class="cell_input">code()</div>
<div class="cell_output">output</div></div>
<details class="admonition hide above-input"><summary>Show code</summary>
<div class="cell_input">hidden()</div></details>
<section id="first"><h2>First</h2><p>One.</p></section>
<section id="the-panels"><h2>The panels<a class="headerlink" href="#the-panels">¶</a></h2>
<p>Panels go below.</p></section>
<section id="exercises"><h2>Exercises</h2>
<div class="exercise admonition" id="ex-1"><p class="admonition-title">Exercise 1</p><p>Q?</p></div>
<div class="solution dropdown admonition" id="sol-1">
<p class="admonition-title">Solution to<a class="reference internal" href="#ex-1"> Exercise 1</a></p>
<section id="solution-content"><p>Answer.</p></section></div>
</section></section></article></body></html>"""

CHART = '<div class="cc-chart" id="cc-chart-1"><svg></svg></div>'


def chapter(*cells: tuple[str, str, list[str]]) -> nbformat.NotebookNode:
    made = []
    for kind, source, tags in cells:
        new = nbformat.v4.new_markdown_cell if kind == "md" else nbformat.v4.new_code_cell
        made.append(new(source, metadata={"tags": tags}))
    return nbformat.v4.new_notebook(cells=made)


PANELS = chapter(
    ("md", "# Chapter\n\nIntro.", []),
    (
        "code",
        "from explainers import contests\nfrom explainers.widgets import margins as widgets",
        [],
    ),
    ("md", "## First\n\nOne.", []),
    ("md", "## The panels\n\nPanels go below.", []),
    ("code", "# a comment\nwidgets.margin_panel()", ["remove-cell", "live-panel"]),
    ("code", "widgets.flip_panel()", ["remove-cell", "live-panel"]),
    ("code", "secret = 1", ["remove-cell"]),
    ("md", "## Exercises", []),
)

LINKS = live.addresses({"other": True, "plain": False}, from_notebook=True)


def text(html: str) -> str:
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())


def test_panel_cells_are_the_tagged_cells_without_comments() -> None:
    assert live.panel_cells(PANELS) == ["widgets.margin_panel()", "widgets.flip_panel()"]


def test_panel_heading_is_the_last_heading_before_the_first_panel() -> None:
    assert live.panel_heading(PANELS) == "The panels"


def test_panel_heading_refusals_say_what_is_missing() -> None:
    with pytest.raises(ValueError, match="the notebook has no live-panel cell"):
        live.panel_heading(chapter(("md", "# Title", [])))
    with pytest.raises(ValueError, match="the first live-panel cell comes before any heading"):
        live.panel_heading(chapter(("code", "widgets.x_panel()", ["live-panel"])))


def test_panels_must_end_their_section() -> None:
    live.check_panels_end_their_section(PANELS)  # a removed cell after the panels is fine
    late_note = chapter(*[(c.cell_type[:2] if c.cell_type == "markdown" else "code", c.source,
                           c.metadata["tags"]) for c in PANELS.cells[:6]],
                        ("md", ":::{note}\nAbout the data\n:::", []), ("md", "## Exercises", []))  # fmt: skip
    with pytest.raises(ValueError, match=r"cell 6 \(':::\{note\}'\) comes after the live panels"):
        live.check_panels_end_their_section(late_note)
    with pytest.raises(ValueError, match="would appear above them on the live page"):
        live.live_notebook(PAGE, late_note, LINKS)


def test_widgets_import_is_found_or_refused_with_a_message() -> None:
    assert live.widgets_import(PANELS) == "from explainers.widgets import margins as widgets"
    with pytest.raises(
        ValueError, match=re.escape("no 'from explainers.widgets import NAME as widgets' line")
    ):
        live.widgets_import(chapter(("code", "import explainers", [])))


def test_live_notebook_puts_the_panels_at_the_end_of_their_section() -> None:
    notebook = live.live_notebook(PAGE, PANELS, LINKS, style="p { color: red }")
    kinds = [cell.cell_type for cell in notebook.cells]
    assert kinds == ["raw", "code", "code", "code", "raw"]
    before, setup, first, second, after = (cell.source for cell in notebook.cells)
    assert setup == "from explainers.widgets import margins as widgets"
    assert (first, second) == ("widgets.margin_panel()", "widgets.flip_panel()")
    assert "secret" not in "".join(cell.source for cell in notebook.cells)
    # Everything up to the end of "The panels" comes before them, the rest after, once each.
    assert text(before).endswith("The panels Panels go below.")
    assert text(after).startswith("Exercises Exercise 1 Q?")
    assert "One." in before and "One." not in after and "Exercises" not in before
    assert before.startswith("<style>p { color: red }</style>")
    assert notebook.metadata["title"] == "Test chapter"
    assert all(cell.metadata.get("raw_mimetype") == "text/html" for cell in notebook.cells[::4])


def test_live_page_has_no_code_and_solutions_fold_without_scripts() -> None:
    notebook = live.live_notebook(PAGE, PANELS, LINKS)
    html = "".join(cell.source for cell in notebook.cells if cell.cell_type == "raw")
    soup = BeautifulSoup(html, "html.parser")
    assert "code()" not in html and "hidden()" not in html and "output" in html
    assert not soup.select("a.headerlink") and "¶" not in html
    solution = soup.select_one("details.solution")
    assert solution is not None
    assert solution.summary.get_text() == "Solution to Exercise 1"
    assert "Answer." in solution.get_text()
    assert soup.script is None  # no chart, so no Vega bundle


def test_live_page_links_point_at_the_live_pages() -> None:
    notebook = live.live_notebook(PAGE, PANELS, LINKS)
    hrefs = [a["href"] for a in BeautifulSoup(notebook.cells[0].source, "html.parser").select("a")]
    assert hrefs == ["other.ipynb#x", "../files/plain.html", "https://example.org/a.html"]


def test_a_page_with_a_chart_loads_the_bundle_from_the_live_folder_first() -> None:
    page = PAGE.replace("<p>One.</p>", "<p>One.</p>" + CHART)
    notebook = live.live_notebook(page, PANELS, LINKS)
    soup = BeautifulSoup(notebook.cells[0].source, "html.parser")
    first = soup.select_one(".cc-live-article").find(True)
    assert first.name == "script" and first["src"] == "../files/vega-bundle.js"
    static = live.static_page(page, live.addresses({}, from_notebook=False), style="")
    assert '<script src="vega-bundle.js" type="text/javascript"></script>' in static


def test_live_notebook_refusals_say_why() -> None:
    with pytest.raises(ValueError, match="the chapter has no live-panel cell"):
        live.live_notebook(PAGE, chapter(("md", "# Chapter", [])), LINKS)
    with pytest.raises(ValueError, match="has no <article class='bd-article'>"):
        live.live_notebook("<html><body><p>No article</p></body></html>", PANELS, LINKS)
    renamed = PAGE.replace("The panels<a", "Other<a")
    with pytest.raises(ValueError, match="the page has 0 sections titled 'The panels', expected 1"):
        live.live_notebook(renamed, PANELS, LINKS)


def test_static_page_is_a_whole_document_with_the_style_inlined() -> None:
    page = live.static_page(PAGE, live.addresses({"other": True}, from_notebook=False), "h1{}")
    soup = BeautifulSoup(page, "html.parser")
    assert soup.title.get_text() == "Test chapter"
    assert soup.style.get_text() == "h1{}"
    assert soup.select_one("main.cc-live-page .cc-live-article h1").get_text() == "Chapter"
    assert soup.select_one("a")["href"] == "../render/other.ipynb#x"


def test_build_refuses_an_unbuilt_book(tmp_path: Path) -> None:
    with pytest.raises(
        FileNotFoundError, match=r"the built book is missing .*run 'make book' first"
    ):
        live.build(tmp_path / "html", ROOT / "book", tmp_path / "live", ["margins"])


@pytest.mark.site
def test_build_makes_a_live_page_for_every_page_of_the_book(tmp_path: Path) -> None:
    pages = ["intro", *CHAPTERS, "references"]
    written = live.build(SITE, ROOT / "book", tmp_path, pages)
    assert {name: path.suffix for name, path in written.items()} == {
        "intro": ".html",
        "margins": ".ipynb",
        "audits": ".ipynb",
        "electoral": ".ipynb",
        "claims": ".ipynb",
        "references": ".html",
    }
    assert (tmp_path / live.BUNDLE_NAME).read_bytes() == (
        SITE / "_static" / "vendor" / live.BUNDLE_NAME
    ).read_bytes()
    for name in CHAPTERS:
        notebook = nbformat.read(written[name], as_version=4)
        stored = nbformat.read(ROOT / "book" / f"{name}.ipynb", as_version=4)
        code = [cell.source for cell in notebook.cells if cell.cell_type == "code"]
        assert code == [live.widgets_import(stored), *live.panel_cells(stored)]
        assert f"import {name} as widgets" in code[0]
        raw = "".join(cell.source for cell in notebook.cells if cell.cell_type == "raw")
        assert "cell_input" not in raw and 'href="references.html' not in raw
        assert "../files/references.html#" in raw  # the chapter cites the bibliography
    intro = written["intro"].read_text("utf-8")
    assert 'href="../render/margins.ipynb"' in intro


@pytest.mark.parametrize("name", CHAPTERS)
def test_a_chapter_panel_module_imports_neither_altair_nor_vl_convert(name: str) -> None:
    # Each student's kernel imports it: Altair alone costs about 3 s of start-up.
    check = (
        f"import sys, explainers.widgets.{name}; "
        "print(sorted(m for m in ('altair', 'vl_convert') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_settings_listen_on_loopback_unless_the_lan_is_asked_for() -> None:
    argv = voila_argv(Settings(Path("live")))
    assert argv[0] == "live"
    assert "--Voila.ip=127.0.0.1" in argv and "--Voila.port=8866" in argv
    assert "--VoilaConfiguration.template=closecalls" in argv
    assert "--MappingKernelManager.cull_idle_timeout=1200" in argv
    assert "--MappingKernelManager.cull_connected=True" in argv
    assert "--VoilaConfiguration.preheat_kernel=True" in argv and "--pool_size=1" in argv
    lan = voila_argv(Settings(Path("live"), port=9000, lan=True, pool=0, cull_minutes=5))
    assert "--Voila.ip=0.0.0.0" in lan and "--Voila.port=9000" in lan
    assert "--MappingKernelManager.cull_idle_timeout=300" in lan
    assert not any("preheat" in arg or "pool_size" in arg for arg in lan)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"port": 80}, "port must be between 1024 and 65535, got 80"),
        ({"pool": -1}, "pool must be between 0 and 20 kernels per chapter, got -1"),
        ({"cull_minutes": 0}, "cull_minutes must be between 1 and 1440, got 0"),
        ({"students": 61, "lesson": "margins"}, "students must be between 0 and 60, got 61"),
        ({"students": 20}, "students needs a lesson: the chapter to start their kernels for"),
        ({"lesson": "intro"}, "lesson 'intro' is not a live chapter in live"),
    ],
)
def test_settings_refuse_values_out_of_range(change: dict[str, float], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Settings(Path("live"), **change)


def test_the_lesson_gets_a_kernel_per_student_the_others_the_pool(tmp_path: Path) -> None:
    (tmp_path / "margins.ipynb").write_text("{}")
    settings = Settings(tmp_path, pool=1, lesson="margins", students=25)
    assert kernel_pools(settings) == {
        "default": {"pool_size": 1},
        "margins.ipynb": {"pool_size": 25},
    }
    config = voila_config(settings)
    assert config.VoilaKernelManager.kernel_pools_config == kernel_pools(settings)
    # No pool at all but a lesson's: kernels are still pre-started for it.
    argv = voila_argv(Settings(tmp_path, pool=0, lesson="margins", students=5))
    assert "--VoilaConfiguration.preheat_kernel=True" in argv and "--pool_size=0" in argv


def test_jupyter_path_puts_the_template_folder_first() -> None:
    folders = jupyter_path("/elsewhere").split(":")
    assert folders[1] == "/elsewhere"
    assert (Path(folders[0]) / "voila" / "templates" / "closecalls" / "index.html.j2").exists()
    assert jupyter_path(None) == folders[0]


def test_the_template_loads_nothing_from_outside() -> None:
    for path in live.TEMPLATE.rglob("*"):
        if path.is_file():
            assert "http://" not in path.read_text("utf-8")
            assert "https://" not in path.read_text("utf-8")


def test_kernel_manager_culls_as_jupyter_does_but_spares_pooled_kernels() -> None:
    async def check() -> None:
        manager = ClassroomKernelManager()
        pooled = asyncio.get_running_loop().create_future()
        pooled.set_result({"kernel_id": "waiting"})
        pending = asyncio.get_running_loop().create_future()  # still starting: not spared yet
        manager._pools = {"margins.ipynb": [pooled, pending]}
        assert manager.waiting_kernels() == {"waiting"}
        # A pooled kernel is left alone: Jupyter's own check (which needs a real kernel) never runs.
        await manager.cull_kernel_if_idle("waiting")
        # Any other kernel goes to Jupyter Server's check, which looks it up.
        with pytest.raises(KeyError, match="student"):
            await manager.cull_kernel_if_idle("student")
        pending.cancel()

    asyncio.run(check())

"""The live classroom mode's pages (closecalls_build.live) and server settings (closecalls_build.live_server).

The browser test that serves them with Voilà is in test_live_browser.py.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
import re
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import nbformat
import pytest
from bs4 import BeautifulSoup

from closecalls_build import live
from closecalls_build.live_server import (
    ClassroomKernelManager,
    Settings,
    jupyter_path,
    kernel_pools,
    voila_argv,
    voila_config,
)
from closecalls_build.pages import chapters, toc_pages
from explainers import paths

ROOT = paths.ROOT
SITE = ROOT / "_build" / "html"
CHAPTERS = list(chapters())
BOOK_PAGES = toc_pages(ROOT / "_toc.yml")

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


def with_cells(*extra: tuple[str, str, list[str]]) -> nbformat.NotebookNode:
    """PANELS up to its last panel, then ``extra`` cells."""
    kinds = {"markdown": "md", "code": "code"}
    head = [(kinds[c.cell_type], c.source, c.metadata["tags"]) for c in PANELS.cells[:6]]
    return chapter(*head, *extra)


def test_panels_may_be_followed_by_removed_cells_and_a_labelled_heading() -> None:
    live.check_panels_end_their_section(PANELS)
    live.check_panels_end_their_section(
        with_cells(("code", "x = 1", ["remove-cell"]), ("md", "(sec-ex)=\n## Exercises", []))
    )
    live.check_panels_end_their_section(with_cells(("md", "# Appendix", [])))


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            [("md", ":::{note}\nAbout the data\n:::", []), ("md", "## Exercises", [])],
            r"cell 6 \(':::\{note\}'\) comes after the live panels in their section",
        ),
        (
            [("md", "### A subsection", [])],
            r"cell 6 \('### A subsection'\) comes after the live panels",
        ),
        (
            [("code", "chart()", ["hide-input"])],
            r"cell 6 \('chart\(\)'\) comes after the live panels",
        ),
        (
            [("md", "## Later", []), ("code", "widgets.x_panel()", ["live-panel"])],
            r"cell 7 \('widgets.x_panel\(\)'\) is a live panel in another section",
        ),
    ],
)
def test_panels_must_be_the_last_visible_things_of_one_section(
    extra: list[tuple[str, str, list[str]]], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        live.check_panels_end_their_section(with_cells(*extra))
    with pytest.raises(ValueError, match="live panel"):
        live.live_notebook(PAGE, with_cells(*extra), LINKS)


def test_a_comment_line_in_fenced_code_is_not_the_panels_heading() -> None:
    fenced = chapter(
        ("md", "## The panels\n\n```sh\n# run this first\nmake live\n```", []),
        ("code", "widgets.margin_panel()", ["live-panel"]),
    )
    assert live.panel_heading(fenced) == "The panels"


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
    first, second = soup.select_one(".cc-live-article").find_all(True)[:2]
    assert first.name == "script" and first["src"] == "../files/vega.min.js"
    # Then the book's links script, beside the bundle: a live page's charts keep their settings in
    # the address too.
    assert second.name == "script" and second["src"] == "../files/closecalls-links.js"
    static = live.static_page(page, live.addresses({"other": True, "plain": False}, False), "")
    assert '<script src="vega.min.js" type="text/javascript"></script>' in static
    assert '<script src="closecalls-links.js" type="text/javascript"></script>' in static


def test_a_page_with_practice_questions_loads_their_check_beside_the_bundle() -> None:
    form = '<form class="cc-practice" id="cc-q-x" data-question="{}"></form>'
    page = PAGE.replace("<p>One.</p>", "<p>One.</p>" + form)
    static = live.static_page(page, live.addresses({"other": True, "plain": False}, False), "")
    assert '<script src="closecalls-practice.js" type="text/javascript"></script>' in static
    assert "vega.min.js" not in static  # no chart, no bundle
    notebook = live.live_notebook(page, PANELS, LINKS)
    assert 'src="../files/closecalls-practice.js"' in notebook.cells[0].source


def test_live_notebook_refusals_say_why() -> None:
    with pytest.raises(ValueError, match="the chapter has no live-panel cell"):
        live.live_notebook(PAGE, chapter(("md", "# Chapter", [])), LINKS)
    with pytest.raises(ValueError, match="has no <article class='bd-article'>"):
        live.live_notebook("<html><body><p>No article</p></body></html>", PANELS, LINKS)
    renamed = PAGE.replace("The panels<a", "Other<a")
    with pytest.raises(ValueError, match="the page has 0 sections titled 'The panels', expected 1"):
        live.live_notebook(renamed, PANELS, LINKS)


def test_static_page_is_a_whole_document_with_the_style_inlined() -> None:
    links = live.addresses({"other": True, "plain": False}, from_notebook=False)
    page = live.static_page(PAGE, links, "h1{}")
    soup = BeautifulSoup(page, "html.parser")
    assert soup.title.get_text() == "Test chapter"
    assert soup.style.get_text() == "h1{}"
    assert soup.select_one("main.cc-live-page .cc-live-article h1").get_text() == "Chapter"
    assert soup.select_one("a")["href"] == "../render/other.ipynb#x"
    assert "location.search" in soup.select("script")[-1].get_text()  # carries ?token= on


def test_a_link_or_load_into_the_site_that_is_not_served_live_is_refused() -> None:
    for bad, message in [
        ('<a href="../_static/x.pdf">x</a>', r"the link '../_static/x.pdf' points into the site"),
        ('<a href="../index.html#a">x</a>', r"the link '../index.html#a' points into the site"),
        ('<img src="../_images/x.png" alt="x">', r"the page loads '../_images/x.png'"),
    ]:
        with pytest.raises(ValueError, match=message):
            live.live_notebook(PAGE.replace("<p>One.</p>", f"<p>One. {bad}</p>"), PANELS, LINKS)
    page = PAGE.replace(
        "<p>One.</p>", '<p><a href="mailto:a@b.org">mail</a> <a href="#x">x</a></p>'
    )
    live.live_notebook(page, PANELS, LINKS)  # outside links and anchors stay as they are


@pytest.mark.site
def test_build_replaces_only_a_folder_it_made(tmp_path: Path) -> None:
    mine = tmp_path / "documents"
    mine.mkdir()
    (mine / "lesson-plan.txt").write_text("keep me")
    with pytest.raises(ValueError, match="is not empty and was not made by 'make live'"):
        live.build(SITE, ROOT / "book", mine, BOOK_PAGES)
    assert (mine / "lesson-plan.txt").read_text() == "keep me"
    made = tmp_path / "live"
    live.build(SITE, ROOT / "book", made, BOOK_PAGES)
    (made / "stale.ipynb").write_text("{}")
    live.build(SITE, ROOT / "book", made, BOOK_PAGES)  # its own folder is replaced
    assert not (made / "stale.ipynb").exists() and (made / live.MARKER).exists()


def test_build_refuses_an_unbuilt_book(tmp_path: Path) -> None:
    with pytest.raises(
        FileNotFoundError, match=r"the built book is missing .*run 'make book' first"
    ):
        live.build(tmp_path / "html", ROOT / "book", tmp_path / "live", ["margins"])


@pytest.mark.site
def test_build_makes_a_live_page_for_every_page_of_the_book(tmp_path: Path) -> None:
    written = live.build(SITE, ROOT / "book", tmp_path, BOOK_PAGES)
    # The chapters have panels; the other pages (the teacher's guide and the data sources page are
    # notebooks too, without panels) are plain HTML.
    assert {name: path.suffix for name, path in written.items()} == {
        name: ".ipynb" if name in CHAPTERS else ".html" for name in BOOK_PAGES
    }
    assert {"intro", "teachers", "glossary", "data", "references"} <= set(BOOK_PAGES)
    assert (tmp_path / live.BUNDLE_NAME).read_bytes() == (
        SITE / "_static" / "vendor" / live.BUNDLE_NAME
    ).read_bytes()
    assert (tmp_path / live.LINKS_NAME).read_bytes() == (
        SITE / "_static" / live.LINKS_NAME
    ).read_bytes()
    for name in CHAPTERS:
        notebook = nbformat.read(written[name], as_version=4)
        stored = nbformat.read(ROOT / "book" / f"{name}.ipynb", as_version=4)
        code = [cell.source for cell in notebook.cells if cell.cell_type == "code"]
        assert code == [live.widgets_import(stored), *live.panel_cells(stored)]
        assert f"import {name} as widgets" in code[0]
        raw = "".join(cell.source for cell in notebook.cells if cell.cell_type == "raw")
        soup = BeautifulSoup(raw, "html.parser")
        assert not soup.select(".cell_input") and not soup.select('a[href^="references.html"]')
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
    assert "--Voila.token=" in argv  # on loopback, no token
    assert "--Voila.token=s3cret" in voila_argv(Settings(Path("live"), lan=True, token="s3cret"))
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
    assert "jupyterlab-myst" in config.VoilaConfiguration.extension_denylist
    assert config.VoilaConfiguration.file_allowlist == [r".*\.(html|js)"]
    # No pool at all but a lesson's: kernels are still pre-started for it.
    argv = voila_argv(Settings(tmp_path, pool=0, lesson="margins", students=5))
    assert "--VoilaConfiguration.preheat_kernel=True" in argv and "--pool_size=0" in argv


def test_jupyter_path_puts_the_template_folder_first() -> None:
    folders = jupyter_path("/elsewhere").split(os.pathsep)
    assert folders[1] == "/elsewhere"
    assert (Path(folders[0]) / "voila" / "templates" / "closecalls" / "index.html.j2").exists()
    assert jupyter_path(None) == folders[0]


def test_the_template_loads_nothing_from_outside() -> None:
    # Our own files; what the pages load in all (Voilà's inherited template included) is checked
    # in the browser, where every request outside 127.0.0.1 is aborted and counted.
    outside = re.compile(r"https?:|(src|href)\s*=\s*[\"']?//|url\(\s*[\"']?(https?:)?//")
    for path in live.TEMPLATE.rglob("*"):
        if path.is_file():
            assert not outside.search(path.read_text("utf-8")), path


def test_a_kernel_waiting_in_the_pool_counts_as_active_so_its_student_is_not_culled(
    tmp_path: Path,
) -> None:
    from traitlets import Unicode
    from traitlets.config import LoggingConfigurable
    from voila.voila_kernel_manager import voila_kernel_manager_factory

    class Parent(LoggingConfigurable):
        root_dir = Unicode(str(tmp_path))
        notebook_path = None

    # The class Voilà builds and runs, on top of ours.
    pooled = voila_kernel_manager_factory(ClassroomKernelManager, True, 1)

    async def check() -> None:
        manager = pooled(parent=Parent(), cull_idle_timeout=600)
        long_ago = datetime.now(UTC) - timedelta(hours=1)

        def kernel() -> SimpleNamespace:
            spec = SimpleNamespace(metadata={})
            return SimpleNamespace(
                last_activity=long_ago,
                execution_state="idle",
                kernel_spec=spec,
                kernel_name="python3",
            )

        manager._kernels = {"waiting": kernel(), "forgotten": kernel()}
        ready = asyncio.get_running_loop().create_future()
        ready.set_result({"kernel_id": "waiting"})
        starting = asyncio.get_running_loop().create_future()  # not started yet: not counted
        manager._pools = {"margins.ipynb": [ready, starting]}
        assert manager.waiting_kernels() == {"waiting"}
        culled = []

        async def shutdown_kernel(kernel_id: str, *args: object, **kwargs: object) -> None:
            culled.append(kernel_id)

        manager.shutdown_kernel = shutdown_kernel
        await manager.cull_kernels()
        # The forgotten page's kernel, idle an hour, goes; the waiting one stays and is now fresh,
        # so a student given it in the next minute will not lose it at the next pass.
        assert culled == ["forgotten"]
        assert datetime.now(UTC) - manager._kernels["waiting"].last_activity < timedelta(seconds=5)
        starting.cancel()

    # In its own thread: the browser tests' Playwright keeps an event loop running in this one.
    with concurrent.futures.ThreadPoolExecutor(1) as thread:
        thread.submit(asyncio.run, check()).result()

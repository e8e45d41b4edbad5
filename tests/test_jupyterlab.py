"""The chapter in JupyterLab, offline: it reads as on the site, with no raw MyST markup.

A JupyterLab server (the project's venv, with jupyterlab-myst) starts on a free loopback port in a
temporary home; headless Chromium opens each chapter's notebook with every request outside
127.0.0.1 aborted; the test reads the rendered text and looks for the markup that jupyterlab-myst
should have rendered: roles, directives, their options, and numbers that were not filled in. A
screenshot goes to test-artifacts/ under `make screenshots`. The application is loaded once, in one page,
and each notebook opened in it in turn. The server is stopped by its own process group.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest
from conftest import ROOT, free_port

from closecalls_build.chromium import OfflinePage, offline_page
from closecalls_build.pages import chapters

pytestmark = pytest.mark.browser

NOTEBOOKS = sorted((ROOT / "book").glob("*.ipynb"))
#: The chapters, with exercises; the teacher's guide and the data sources page are notebooks too.
CHAPTERS = set(chapters())

#: Text that shows when MyST markup was not rendered.
RAW_MARKUP = re.compile(
    r"\{(?:eval|cite|numref|doc|ref|glue(?::\w+)?|exercise|solution|admonition)\}`?"
    r"|```|:class:|:label:|^\(.+\)=$",
    re.MULTILINE,
)


#: A folded solution block of sphinx-exercise.
SOLUTION = re.compile(r"```\{solution\}.*?\n```", re.DOTALL)


@pytest.fixture(scope="module")
def lab_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    home = tmp_path_factory.mktemp("lab-home")
    port = free_port()
    env = os.environ | {
        "HOME": str(home),
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "JUPYTER_DATA_DIR": str(home / "data"),
        "JUPYTER_PATH": str(Path(sys.prefix) / "share" / "jupyter"),
    }
    command = [
        sys.executable,
        "-m",
        "jupyter",
        "lab",
        "--no-browser",
        f"--ServerApp.port={port}",
        "--ServerApp.ip=127.0.0.1",
        "--IdentityProvider.token=",
        "--ServerApp.password=",
        f"--ServerApp.root_dir={ROOT / 'book'}",
        f"--LabApp.workspaces_dir={home / 'workspaces'}",
        "--LabApp.news_url=",
        # window.jupyterapp: the tests open each notebook in the one JupyterLab page (loading
        # the application once, not once per notebook: about 20 s of the browser run).
        "--LabApp.expose_app_in_browser=True",
        "--allow-root",
    ]
    server = subprocess.Popen(
        command,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{url}/api/status", timeout=1)
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("JupyterLab did not start within 60 s")
        yield url
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)


@pytest.fixture(scope="module")
def lab(browser, lab_url: str) -> Iterator[OfflinePage]:
    """One JupyterLab page for the module, in a workspace of its own, reset."""
    with offline_page(browser, lab_url, viewport={"width": 1280, "height": 1000}) as v:
        v.open("lab/workspaces/tests?reset")
        v.page.wait_for_function("() => window.jupyterapp?.shell !== undefined", timeout=60_000)
        yield v


def open_notebook(v: OfflinePage, path: Path) -> None:
    """Close whatever the main area shows (without asking), then open ``path`` and wait for it."""
    v.page.evaluate(
        """async (path) => {
          const app = window.jupyterapp;
          await app.restored;
          for (const widget of Array.from(app.shell.widgets('main'))) widget.dispose();
          await app.commands.execute('docmanager:open', {path});
        }""",
        path.name,
    )
    v.page.wait_for_selector(".jp-Notebook .jp-MarkdownCell", timeout=60_000)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_chapter_reads_in_jupyterlab_without_raw_markup(
    lab: OfflinePage, screenshot, path: Path
) -> None:
    v = lab
    page = v.page
    open_notebook(v, path)
    # JupyterLab keeps only the cells near the view in the page: read them while scrolling,
    # a screen at a time. After each step, wait (on a condition, never a fixed pause: a loaded
    # machine renders late) until every markdown cell in the page has been drawn by the MyST
    # renderer (editor hidden, rendered children, no raw role left), then keep each cell's
    # rendered text under its index in the notebook.
    seen = page.evaluate(
        """async () => {
          const raw = /\\{(eval|cite|numref|admonition|exercise|solution)\\}/;
          const panel = document.querySelector('.jp-WindowedPanel-outer');
          const cells = () => [...document.querySelectorAll('.jp-Notebook .jp-Cell')];
          const rendered = c => !c.classList.contains('jp-MarkdownCell') || (
            c.querySelector('.jp-InputArea-editor.lm-mod-hidden') !== null
            && (c.querySelector('.myst')?.childElementCount ?? 0) > 0
            && !raw.test(c.innerText));
          const frame = () => new Promise(r => requestAnimationFrame(() => r()));
          const seen = {};
          for (let y = 0; ; y += Math.floor(panel.clientHeight * 0.8)) {
            panel.scrollTop = y;
            await frame();
            await frame();
            for (let i = 0; i < 600 && !cells().every(rendered); i++) {
              await new Promise(r => setTimeout(r, 100));
            }
            for (const cell of cells()) {
              const text = cell.innerText, index = cell.dataset.windowedListIndex;
              const old = seen[index] ?? {text: '', rendered: false};
              const now = rendered(cell);
              if ((now && !old.rendered) || (now === old.rendered && text.length > old.text.length)) {
                seen[index] = {text, rendered: now};
              }
            }
            if (y >= panel.scrollHeight - panel.clientHeight) break;
          }
          panel.scrollTop = 0;
          await frame();
          return seen;
        }"""
    )
    screenshot(page, f"jupyterlab_{path.stem}.png")
    assert v.external == [], "JupyterLab requested something from outside"
    notebook = nbformat.read(path, as_version=4)
    unread = sorted(set(range(len(notebook.cells))) - {int(i) for i in seen})
    assert unread == [], f"cells never shown in JupyterLab: {unread}"
    text = "\n".join(seen[str(i)]["text"] for i in range(len(notebook.cells)))
    raw = sorted(set(m.group(0) for m in RAW_MARKUP.finditer(text)))
    assert raw == [], f"raw markup shows in JupyterLab: {raw}"
    unrendered = sorted(int(i) for i, cell in seen.items() if not cell["rendered"])
    assert unrendered == [], f"markdown cells the MyST renderer never drew: {unrendered}"
    shown, folded = {}, {}
    for cell in notebook.cells:
        results = {
            e["expression"]: e["result"]["data"]["text/plain"].strip("'\"")
            for e in cell.metadata.get("user_expressions", [])
        }
        outside = SOLUTION.sub("", cell.source)
        for expression, value in results.items():
            (shown if f"{{eval}}`{expression}`" in outside else folded)[expression] = value
    if path.stem in CHAPTERS:
        assert shown, "the notebook stores no {eval} results"
        assert "Solution to Exercise" in text
    missing = [v for v in dict.fromkeys(shown.values()) if v not in text]
    assert missing == [], f"numbers of the text not shown: {missing[:10]}"
    if folded:  # solutions are folded until opened: their own numbers are not on the page yet
        assert any(v not in text for v in folded.values()), "the solutions are not folded"

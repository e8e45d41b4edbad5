"""The live classroom mode (``make live``) in headless Chromium: Voilà serving the chapters' panels.

One server for the module: ``scripts/live.py`` (what ``make live`` runs) on a free loopback port,
writing its pages into a temporary folder, with one pre-started kernel per chapter. Each chapter is
opened with every request outside 127.0.0.1 aborted and counted; the test waits for the kernel's
widgets, moves one ipywidgets control, and checks that the panel then says exactly what the
``explainers`` function behind it computes. At the end the test stops the server by its own process
(SIGINT, as Ctrl-C does) and checks that its kernels went with it, and that an open page says so.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import psutil
import pytest
from conftest import ROOT, free_port

from closecalls_build.chromium import OfflinePage, offline_page
from explainers import butterfly, claims, contests, data, electoral
from explainers.widgets import audits as audit_widgets
from explainers.widgets import claims as claim_widgets
from explainers.widgets import electoral as electoral_widgets
from explainers.widgets import florida as florida_widgets
from explainers.widgets import margins as margin_widgets

pytestmark = pytest.mark.browser

STARTUP_TIMEOUT = 180  # seconds: one kernel per chapter starts and runs its cells before serving
KERNEL_TIMEOUT = 60_000  # milliseconds, for a page's widgets to appear


@dataclass
class Server:
    url: str
    process: subprocess.Popen
    output: Path


@pytest.fixture(scope="module")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("live")
    log = folder / "server.log"
    port = free_port()
    command = [sys.executable, str(ROOT / "scripts" / "live.py"), "--port", str(port)]
    command += ["--pool", "1", "--out", str(folder / "pages")]
    with log.open("w") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT)
    server = Server(f"http://127.0.0.1:{port}", process, log)
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while True:
        if process.poll() is not None:
            pytest.fail(f"the live server exited with {process.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{server.url}/voila/files/intro.html", timeout=2):
                break
        except OSError:
            if time.monotonic() > deadline:
                process.kill()
                pytest.fail(
                    f"the live server did not answer in {STARTUP_TIMEOUT} s:\n{log.read_text()}"
                )
            time.sleep(0.5)
    yield server
    if process.poll() is None:  # a test failed before stopping it
        process.kill()
        process.wait(timeout=30)


@pytest.fixture
def open_live(browser, live_server: Server) -> Iterator[Callable[[str], OfflinePage]]:
    with ExitStack() as stack:

        def open_page(path: str) -> OfflinePage:
            viewport = {"width": 1100, "height": 900}
            v = stack.enter_context(offline_page(browser, live_server.url, viewport=viewport))
            return v.open(path)

        yield open_page


def panel(page, first_control: str):
    """The panel (an ipywidgets VBox) whose controls include one labelled ``first_control``."""
    box = page.locator(".widget-vbox", has=page.get_by_text(first_control, exact=True)).first
    box.wait_for(timeout=KERNEL_TIMEOUT)
    return box


def shown_text(page, html: str) -> str:
    """The text a browser shows for ``html``, as the panel's result element would hold it."""
    return page.evaluate("h => { const d = document.createElement('div'); d.innerHTML = h; "
                         "return d.textContent; }", html)  # fmt: skip


def wait_for_charts(page) -> int:
    """Wait until every chart on the page is a live Vega view; return how many there are."""
    count = page.locator(".cc-chart").count()
    page.wait_for_function(
        "n => document.querySelectorAll('.cc-chart[data-ready=true]').length === n",
        arg=count,
        timeout=30_000,
    )
    return count


def expect_result(page, box, html: str) -> None:
    from playwright.sync_api import expect

    expect(box.locator(".widget-html-content").last).to_have_text(
        shown_text(page, html), timeout=20_000
    )


def test_the_start_page_is_plain_html_linking_to_the_live_chapters(open_live) -> None:
    v = open_live("voila/files/intro.html?token=abc")
    assert v.page.locator("h1").first.inner_text().strip() == "Close Calls"
    # On a network the server's token travels on to the notebook pages (here it has none to ask).
    link = v.page.locator("a[href$='/voila/render/margins.ipynb?token=abc']").first
    link.click()
    panel(v.page, "State")
    assert v.page.url.endswith("/voila/render/margins.ipynb?token=abc")
    assert v.external == [] and v.errors == []


def test_margins_state_menu_reruns_describe_contest(open_live, screenshot) -> None:
    v = open_live("voila/render/margins.ipynb")
    box = panel(v.page, "State")
    expect_result(v.page, box, margin_widgets.describe_contest(contests.contest(2016, "WI")))
    box.locator(".widget-dropdown", has_text="State").locator("select").select_option(
        label="Michigan"
    )
    expect_result(v.page, box, margin_widgets.describe_contest(contests.contest(2016, "MI")))
    # The book's own charts draw too, from the live folder's Vega bundle.
    assert wait_for_charts(v.page) > 0
    box.scroll_into_view_if_needed()
    screenshot(v.page, "live-margins.png")
    assert v.external == [] and v.errors == []


def test_a_link_sets_a_live_pages_chart(open_live) -> None:
    # The links script sits beside the Vega bundle in the live folder: a link with a chart's
    # settings opens the live page's chart as it was set.
    v = open_live("voila/render/margins.ipynb#cc:fig-closeness.year=2000&fig-closeness.threshold=2")
    panel(v.page, "State")
    wait_for_charts(v.page)
    values = v.page.evaluate(
        "() => { const el = document.querySelector('#fig-closeness .cc-chart');"
        " return [el.vegaResult.view.signal('year'), el.vegaResult.view.signal('threshold')]; }"
    )
    assert values == [2000, 2]
    assert v.external == [] and v.errors == []


def test_florida_county_menu_refits_the_butterfly_model(open_live) -> None:
    v = open_live("voila/render/florida.ipynb")
    box = panel(v.page, "County")
    expect_result(v.page, box, florida_widgets.describe_fit(butterfly.fit()))
    box.locator(".widget-dropdown", has_text="County").locator("select").select_option(label="Leon")
    expect_result(v.page, box, florida_widgets.describe_fit(butterfly.fit("bush", "LEON")))
    assert wait_for_charts(v.page) > 0
    assert v.external == [] and v.errors == []


def test_audits_text_box_reruns_and_refuses_impossible_values_with_a_message(open_live) -> None:
    v = open_live("voila/render/audits.ipynb")
    box = panel(v.page, "Risk limit (%)")
    margin = box.locator(".widget-text", has_text="Diluted margin (%)").locator("input")
    margin.fill("2")
    margin.press("Enter")
    expect_result(v.page, box, audit_widgets.describe_sample_sizes(2.0, 10, 2_976_150))
    margin.fill("150")
    margin.press("Enter")
    with pytest.raises(ValueError, match="at most 100%") as refused:
        audit_widgets.describe_sample_sizes(150.0, 10, 2_976_150)
    from explainers.widgets import cannot_compute

    expect_result(v.page, box, cannot_compute(str(refused.value)))
    assert wait_for_charts(v.page) > 0
    assert v.external == [] and v.errors == []


def test_electoral_year_menu_reruns_the_outcome(open_live) -> None:
    v = open_live("voila/render/electoral.ipynb")
    box = panel(v.page, "Rule")
    expected = electoral_widgets.describe_outcome(electoral.outcome(2016, "winner", 0.0))
    expect_result(v.page, box, expected)
    box.locator(".widget-dropdown", has_text="Election").locator("select").select_option("2000")
    expect_result(
        v.page, box, electoral_widgets.describe_outcome(electoral.outcome(2000, "winner", 0.0))
    )
    # A student clicking through the menu faster than the kernel answers: the panel ends on the
    # last choice, computed for it, not on one of the changes still in flight.
    menu = box.locator(".widget-dropdown", has_text="Election").locator("select")
    years = [str(year) for year in data.RETURN_YEARS[-5:]]  # ending on 2024
    for year in years:
        menu.select_option(year)
    last = electoral.outcome(int(years[-1]), "winner", 0.0)
    expect_result(v.page, box, electoral_widgets.describe_outcome(last))
    assert wait_for_charts(v.page) > 0
    assert v.external == [] and v.errors == []


def test_claims_checkbox_refits_the_regression(open_live) -> None:
    v = open_live("voila/render/claims.ipynb")
    box = panel(v.page, "Compare")
    key, control = next(iter(claims.CONTROLS.items()))
    expect_result(v.page, box, claim_widgets.describe_estimate(claims.fit("county", [])))
    box.locator(".widget-checkbox", has_text=f"Control for {control.label}").locator(
        "input"
    ).check()
    expect_result(v.page, box, claim_widgets.describe_estimate(claims.fit("county", [key])))
    assert wait_for_charts(v.page) > 0
    assert v.external == [] and v.errors == []


def kernel_process(server: Server, kernel_id: str) -> list[psutil.Process]:
    """The server's kernel process for ``kernel_id`` (Jupyter names its connection file by it)."""
    children = psutil.Process(server.process.pid).children(recursive=True)
    return [p for p in children if f"kernel-{kernel_id}.json" in " ".join(p.cmdline())]


def test_closing_a_page_shuts_its_kernel_down(open_live, live_server: Server) -> None:
    v = open_live("voila/render/audits.ipynb")
    panel(v.page, "Risk limit (%)")
    kernel_id = v.page.evaluate(
        "JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId"
    )
    assert len(kernel_process(live_server, kernel_id)) == 1
    assert v.external == []
    # Playwright's request interception drops a beacon sent while the page unloads; a real
    # browser has none, so the check of external requests ends here.
    v.page.unroute("**/*")
    v.page.goto("about:blank")  # what closing the tab does: Voilà's beacon asks for a shutdown
    _gone, alive = psutil.wait_procs(kernel_process(live_server, kernel_id), timeout=30)
    assert alive == [] and kernel_process(live_server, kernel_id) == []


def test_ctrl_c_stops_the_server_and_its_kernels_and_open_pages_say_so(
    open_live, live_server: Server
) -> None:
    v = open_live("voila/render/electoral.ipynb")
    panel(v.page, "Rule")
    kernels = psutil.Process(live_server.process.pid).children(recursive=True)
    assert kernels, "the server should have started kernels (one pre-started per chapter at least)"
    live_server.process.send_signal(signal.SIGINT)
    assert live_server.process.wait(timeout=60) == 0
    _gone, alive = psutil.wait_procs(kernels, timeout=30)
    assert alive == [], f"kernels left running: {[p.pid for p in alive]}"
    status = v.page.locator("#cc-live-status")
    status.wait_for(state="visible", timeout=20_000)
    assert "Lost the connection" in status.inner_text() or "has ended" in status.inner_text()

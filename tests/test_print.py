"""Printing: the print stylesheet in headless Chromium, and ``make pdf`` (scripts/pdf.py).

A printed chapter is a handout: no sidebars, no code, no solutions, nothing cut at the right edge,
and the charts as drawn with their controls' values.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from closecalls_build.chromium import offline_page
from closecalls_build.pages import chapters

pytestmark = pytest.mark.browser

CHAPTERS = [f"book/{name}.html" for name in chapters()]

# What the print stylesheet must leave out, and what it must keep.
PRINT_JS = """
() => {
  const shown = el => getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0;
  const any = selector => [...document.querySelectorAll(selector)].filter(shown).length;
  const article = document.querySelector('article.bd-article').getBoundingClientRect();
  return {
    code: any('details.hide, .cell_input'),
    solutions: any('div.solution'),
    sidebars: any('.bd-sidebar-primary, .bd-sidebar-secondary, .bd-header, .bd-footer'),
    exercises: any('div.exercise'),
    charts: [...document.querySelectorAll('.cc-chart')].filter(c => shown(c)
      && c.dataset.ready === 'true' && c.querySelector('svg').getBoundingClientRect().width > 0).length,
    chartCount: document.querySelectorAll('.cc-chart').length,
    scrollers: [...document.querySelectorAll('.cell_output, .output, div.cell')]
      .filter(el => el.scrollWidth > el.clientWidth + 1).length,
    tooWide: [...document.querySelectorAll('table.cc-table, .cc-chart svg')]
      .filter(el => el.getBoundingClientRect().right > article.right + 1).length,
  };
}
"""


@pytest.mark.parametrize("path", CHAPTERS)
def test_a_printed_chapter_is_a_handout(browser, site_url: str, path: str) -> None:
    with offline_page(browser, site_url, viewport={"width": 800, "height": 1100}) as v:
        page = v.open(path).page
        page.wait_for_function(
            "() => [...document.querySelectorAll('.cc-chart')].every(c => c.dataset.ready === 'true')"
        )
        screen = page.evaluate(PRINT_JS)
        page.emulate_media(media="print")
        printed = page.evaluate(PRINT_JS)
    assert v.external == [] and v.failed == [] and v.errors == []
    assert screen["solutions"] > 0 or screen["exercises"] > 0  # the check sees them on screen
    assert printed["code"] == 0 and printed["solutions"] == 0 and printed["sidebars"] == 0
    assert printed["exercises"] >= 4
    assert printed["charts"] == printed["chartCount"] > 0
    assert printed["scrollers"] == 0 and printed["tooWide"] == 0


def run_pdf(*pages: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "pdf.py"), *pages],
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_make_pdf_prints_a_chapter_offline() -> None:
    result = run_pdf("claims")
    assert result.returncode == 0, result.stdout + result.stderr
    pdf = ROOT / "_build" / "pdf" / "claims.pdf"
    content = pdf.read_bytes()
    assert content.startswith(b"%PDF-")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", content))
    assert pages >= 5, f"claims.pdf has {pages} pages"  # the chapter runs to many screens
    assert Path(result.stdout.split(" (")[0]).name == "claims.pdf"


def test_make_pdf_refuses_an_unknown_page() -> None:
    result = run_pdf("no-such-chapter")
    assert result.returncode == 2
    assert "make pdf: no such page: no-such-chapter (pages: intro, margins" in result.stdout

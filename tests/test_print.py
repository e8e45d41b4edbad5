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


# The teacher's edition: what the handout leaves out, the solutions, printed and visible.
TEACHER_JS = """
() => {
  const shown = el => getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0;
  const solutions = [...document.querySelectorAll('div.solution')];
  const article = document.querySelector('article.bd-article');
  return {
    solutions: solutions.length,
    shown: solutions.filter(shown).length,
    // Each solution's text, not only its title, takes room on the page.
    withText: solutions.filter(s => [...s.querySelectorAll('section p, section li')]
      .some(p => shown(p) && p.getBoundingClientRect().height > 0)).length,
    banner: getComputedStyle(article, '::before').content,
    practice: document.querySelectorAll('form.cc-practice').length,
    answers: [...document.querySelectorAll('form.cc-practice .cc-practice-answer')]
      .filter(shown).length,
  };
}
"""


@pytest.mark.parametrize("path", CHAPTERS)
def test_the_teachers_edition_prints_every_solution(browser, site_url: str, path: str) -> None:
    with offline_page(browser, site_url, viewport={"width": 800, "height": 1100}) as v:
        page = v.open(path + "?edition=teacher").page
        page.emulate_media(media="print")
        printed = page.evaluate(TEACHER_JS)
        page.emulate_media(media="screen")
        screen = page.evaluate(TEACHER_JS)
    assert v.external == [] and v.failed == [] and v.errors == []
    assert printed["solutions"] >= 4
    assert printed["shown"] == printed["withText"] == printed["solutions"]
    assert "Teacher's copy" in printed["banner"]
    assert printed["practice"] > 0 and printed["answers"] == printed["practice"]
    assert "Teacher's copy" not in screen["banner"]  # on screen the page is the usual one
    assert screen["answers"] == 0  # and the practice answers stay hidden until asked for


def test_a_student_address_that_mentions_teachers_does_not_print_the_solutions(
    browser, site_url: str
) -> None:
    with offline_page(browser, site_url, viewport={"width": 800, "height": 1100}) as v:
        page = v.open(CHAPTERS[0] + "?edition=teachers&x=edition=teacher2").page
        page.emulate_media(media="print")
        printed = page.evaluate(TEACHER_JS)
    assert printed["shown"] == 0 and "Teacher's copy" not in printed["banner"]
    assert printed["answers"] == 0  # the student's copy keeps the practice answers folded away


def test_an_answer_opened_on_screen_does_not_print_in_the_students_copy(
    browser, site_url: str
) -> None:
    with offline_page(browser, site_url, viewport={"width": 800, "height": 1100}) as v:
        page = v.open(CHAPTERS[0]).page
        for button in page.locator("form.cc-practice .cc-practice-show").all():
            button.click()
        assert page.evaluate(TEACHER_JS)["answers"] > 0  # shown on screen, as asked
        page.emulate_media(media="print")
        printed = page.evaluate(TEACHER_JS)
    assert printed["answers"] == 0
    assert v.external == [] and v.failed == [] and v.errors == []


def test_make_pdf_prints_the_teachers_edition_apart() -> None:
    result = run_pdf("--edition", "teacher", "claims")
    assert result.returncode == 0, result.stdout + result.stderr
    teacher = ROOT / "_build" / "pdf" / "teacher" / "claims.pdf"
    assert Path(result.stdout.split(" (")[0]) == teacher.relative_to(ROOT)
    student = ROOT / "_build" / "pdf" / "claims.pdf"
    if not student.exists():
        assert run_pdf("claims").returncode == 0
    count = lambda pdf: len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))  # noqa: E731
    assert count(teacher) > count(student)  # the solutions take pages of their own


def test_make_pdf_refuses_an_unknown_edition() -> None:
    result = run_pdf("--edition", "principal", "claims")
    assert result.returncode == 2
    assert "make pdf: no such edition: principal (editions: student, teacher)" in result.stdout
